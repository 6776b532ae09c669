package resourcemanager

func init() {
	registry.Schema{Name: "google_project", ProductName: "resourcemanager", Schema: ResourceGoogleProject()}.Register()
	registry.Schema{Name: "google_project_iam_member", ProductName: "resourcemanager", Type: registry.SchemaTypeIAMResource, Schema: nil}.Register()
	registry.Schema{Name: "google_folder", ProductName: "resourcemanager", Schema: ResourceGoogleFolder()}.Register()
}
