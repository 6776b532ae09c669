package firebase

func init() {
	registry.Schema{Name: "google_firebase_project", ProductName: "firebase", Schema: ResourceFirebaseProject()}.Register()
}
