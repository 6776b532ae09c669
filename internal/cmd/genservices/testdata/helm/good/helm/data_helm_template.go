package helm

func NewHelmTemplate() datasource.DataSource {
	return &HelmTemplate{}
}

func (d *HelmTemplate) Metadata(ctx context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_template"
}
