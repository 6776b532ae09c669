package firebasehosting

func init() {
	registry.Schema{Name: "google_firebase_hosting_site", ProductName: "firebasehosting", Schema: ResourceFirebaseHostingSite()}.Register()
	registry.Schema{Name: "google_firebase_hosting_channel", ProductName: "firebasehosting", Schema: ResourceFirebaseHostingChannel()}.Register()
}
