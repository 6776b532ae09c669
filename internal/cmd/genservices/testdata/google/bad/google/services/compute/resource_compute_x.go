package compute

func init() {
	registry.Schema{Name: name, ProductName: "compute", Schema: nil}.Register()
}
