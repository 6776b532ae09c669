package storage

func init() {
	registry.FrameworkResource{
		Name:        "google_storage_notification",
		ProductName: "storage",
		Func:        NewStorageNotificationResource,
	}.Register()
}
