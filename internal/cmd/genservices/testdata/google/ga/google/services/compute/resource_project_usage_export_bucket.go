package compute

func init() {
	// No Type: the zero SchemaType is a resource.
	registry.Schema{Name: "google_project_usage_export_bucket", ProductName: "compute", Schema: ResourceProjectUsageBucket()}.Register()
}
