package helm

func NewHelmRelease() resource.Resource {
	return &HelmRelease{}
}
