package compute

func init() {
	registry.Schema{Name: "google_compute_only_in_a_test", Schema: nil}.Register()
}
