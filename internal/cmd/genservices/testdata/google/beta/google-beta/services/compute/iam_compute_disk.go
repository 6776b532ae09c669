package compute

func init() {
	registry.Schema{
		Name:        "google_compute_disk_iam_binding",
		ProductName: "Compute",
		Type:        registry.SchemaTypeIAMResource,
		Schema:      tpgiamresource.ResourceIamBinding(ComputeDiskIamSchema, ComputeDiskIamUpdaterProducer, ComputeDiskIdParseFunc),
	}.Register()
	registry.Schema{
		Name:        "google_compute_disk_iam_member",
		ProductName: "Compute",
		Type:        registry.SchemaTypeIAMResource,
		Schema:      tpgiamresource.ResourceIamMember(ComputeDiskIamSchema, ComputeDiskIamUpdaterProducer, ComputeDiskIdParseFunc),
	}.Register()
}
