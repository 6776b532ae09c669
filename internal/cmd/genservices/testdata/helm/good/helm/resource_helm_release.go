package helm

func NewHelmRelease() resource.Resource {
	return &HelmRelease{}
}

func (r *HelmRelease) Metadata(ctx context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_release"
}
