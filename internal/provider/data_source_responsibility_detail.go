// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var (
	_ datasource.DataSource                     = (*responsibilityDetailDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*responsibilityDetailDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*responsibilityDetailDataSource)(nil)
)

// NewResponsibilityDetailDataSource returns the srm_responsibility_detail
// data source: the text srm_responsibility leaves out (titles, descriptions,
// what each party does, citations, compliance controls), for one resource.
func NewResponsibilityDetailDataSource() datasource.DataSource {
	return &responsibilityDetailDataSource{}
}

type responsibilityDetailDataSource struct{ data *providerData }

type responsibilityDetailModel struct {
	ResourceType             types.String `tfsdk:"resource_type"`
	ServiceModel             types.String `tfsdk:"service_model"`
	ResourceAddress          types.String `tfsdk:"resource_address"`
	Conditions               types.Map    `tfsdk:"conditions"`
	Agreement                types.String `tfsdk:"agreement"`
	Frameworks               types.Set    `tfsdk:"frameworks"`
	Components               types.Map    `tfsdk:"components"`
	CustomerObligations      types.List   `tfsdk:"customer_obligations"`
	ProviderResponsibilities types.List   `tfsdk:"provider_responsibilities"`
	Sources                  types.List   `tfsdk:"sources"`
	Controls                 types.Map    `tfsdk:"controls"`
	CatalogVersion           types.String `tfsdk:"catalog_version"`
}

func (d *responsibilityDetailDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_responsibility_detail"
}

func (d *responsibilityDetailDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := responsibilityArguments("Address of the declared resource (e.g. `module.orders.aws_db_instance.main[\"eu\"]`).")
	attrs["frameworks"] = frameworksAttribute()
	attrs["controls"] = controlsAttribute()
	attrs["components"] = componentsAttribute()
	attrs["customer_obligations"] = obligationsAttribute("Customer obligations of the resource, in catalog order, with their titles and descriptions.")
	attrs["provider_responsibilities"] = responsibilitiesAttribute()
	attrs["sources"] = sourcesAttribute()
	resp.Schema = schema.Schema{
		MarkdownDescription: "The text of one declared resource's answer that `srm_responsibility` leaves out: every component with " +
			"what each party does, the customer obligations with their titles and descriptions, the provider's responsibilities, " +
			"the citations and, for the `frameworks` named, the compliance controls. It takes the same arguments as " +
			"`srm_responsibility` but `accepted_obligations` and `acceptances`, and its answer is the same for every resource of a kind: read it for a report " +
			"or a review, not for every resource of an estate (5–11 KB of state per instance). `srm_catalog` has the same text " +
			"keyed by id, once.",
		Attributes: attrs,
	}
}

func (d *responsibilityDetailDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return responsibilityConfigValidators()
}

func (d *responsibilityDetailDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = configuredData(req.ProviderData, &resp.Diagnostics)
}

func (d *responsibilityDetailDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	v := values(&resp.Diagnostics)
	var m responsibilityDetailModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	sreq, ok := d.data.request(ctx, requestArgs{resourceType: m.ResourceType, serviceModel: m.ServiceModel,
		conditions: m.Conditions, agreement: m.Agreement}, m.ResourceAddress, false, &resp.Diagnostics)
	if !ok {
		return
	}
	frameworks, ok := frameworkIDs(ctx, d.data.engine.Catalog, m.Frameworks, path.Empty(), &resp.Diagnostics)
	if !ok {
		return
	}
	r, err := d.data.engine.Resolve(sreq)
	if err != nil {
		addInputError(&resp.Diagnostics, path.Empty(), err, nil)
		return
	}
	warnDeprecations(r, path.Empty(), "resource_type", &resp.Diagnostics)
	m.ServiceModel = types.StringValue(r.ServiceModel.ID)
	m.Components = v.componentsMap(r)
	m.CustomerObligations = v.obligationsList(r.CustomerObligations)
	m.ProviderResponsibilities = v.responsibilitiesList(r)
	m.Sources = v.sourcesList(r.Catalog, r.SourceIDs)
	m.Controls = v.controlsMap(r, frameworks)
	m.CatalogVersion = types.StringValue(r.Catalog.Version)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
