// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

var _ datasource.DataSourceWithConfigure = (*matrixDataSource)(nil)

// NewMatrixDataSource returns the srm_matrix data source.
func NewMatrixDataSource() datasource.DataSource { return &matrixDataSource{} }

type matrixDataSource struct{ data *providerData }

type matrixModel struct {
	ServiceModels types.List   `tfsdk:"service_models"`
	Agreement     types.String `tfsdk:"agreement"`
	Rows          types.List   `tfsdk:"rows"`
	Markdown      types.String `tfsdk:"markdown"`
}

var rowAttrTypes = map[string]attr.Type{
	"layer":     types.StringType,
	"component": types.StringType,
	"owners":    types.MapType{ElemType: types.StringType},
}

func (d *matrixDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_matrix"
}

func (d *matrixDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The whole responsibility matrix: one row per component with its owner under each service model, " +
			"and a Markdown table fit for a pull-request comment or `terraform output -raw`.",
		Attributes: map[string]schema.Attribute{
			"service_models": schema.ListAttribute{
				MarkdownDescription: "Service models to show as columns (" + modelList() + "). All when omitted. Columns keep the catalog's order.",
				ElementType:         types.StringType,
				Optional:            true,
			},
			"agreement": schema.StringAttribute{
				MarkdownDescription: "Name of an `agreement` block of the provider configuration whose service-model and global overrides to apply.",
				Optional:            true,
			},
			"rows": schema.ListNestedAttribute{
				MarkdownDescription: "One row per component, in catalog order.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"layer":     schema.StringAttribute{MarkdownDescription: "Layer of the component.", Computed: true},
					"component": schema.StringAttribute{MarkdownDescription: "Component id.", Computed: true},
					"owners": schema.MapAttribute{MarkdownDescription: "Owner keyed by service model.",
						ElementType: types.StringType, Computed: true},
				}},
			},
			"markdown": schema.StringAttribute{
				MarkdownDescription: "The rows as a Markdown table. Deterministic: the same catalog and arguments give the same text.",
				Computed:            true,
			},
		},
	}
}

func (d *matrixDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = configuredData(req.ProviderData, &resp.Diagnostics)
}

func (d *matrixDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	v := values(&resp.Diagnostics)
	var m matrixModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || d.data == nil || !d.data.settingsKnown(&resp.Diagnostics, false, m.Agreement.ValueString()) {
		return
	}
	var filter []string
	if !m.ServiceModels.IsNull() {
		resp.Diagnostics.Append(m.ServiceModels.ElementsAs(ctx, &filter, false)...)
	}
	models, rows, err := d.data.engine.Matrix(filter, m.Agreement.ValueString())
	if err != nil {
		addInputError(&resp.Diagnostics, path.Empty(), err, map[string]string{"service_model": "service_models"})
		return
	}
	vals := make([]attr.Value, len(rows))
	for i, r := range rows {
		owners := make(map[string]string, len(models))
		for mi, mdl := range models {
			owners[mdl.ID] = string(r.Owners[mi])
		}
		vals[i] = v.object(rowAttrTypes, map[string]attr.Value{
			"layer": str(r.Layer), "component": str(r.Component), "owners": v.stringMap(owners),
		})
	}
	m.Rows = v.list(types.ObjectType{AttrTypes: rowAttrTypes}, vals)
	m.Markdown = types.StringValue(srm.MatrixMarkdown(models, rows))
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
