package compute

func init() {
	registry.Schema{
		Name:        "google_compute_instance",
		ProductName: "compute",
		Type:        registry.SchemaTypeResource,
		Schema:      ResourceComputeInstance(),
	}.Register()
}
