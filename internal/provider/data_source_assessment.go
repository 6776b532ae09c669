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

var _ datasource.DataSourceWithConfigure = (*assessmentDataSource)(nil)

// NewAssessmentDataSource returns the srm_assessment data source.
func NewAssessmentDataSource() datasource.DataSource { return &assessmentDataSource{} }

type assessmentDataSource struct{ data *providerData }

type assessmentModel struct {
	Resources      map[string]assessedResourceModel `tfsdk:"resources"`
	Accepted       map[string][]string              `tfsdk:"accepted_obligations"`
	Acceptances    types.List                       `tfsdk:"acceptances"`
	Agreement      types.String                     `tfsdk:"agreement"`
	Frameworks     types.Set                        `tfsdk:"frameworks"`
	Results        types.Map                        `tfsdk:"results"`
	Unaccepted     types.Map                        `tfsdk:"unaccepted"`
	Summary        types.Object                     `tfsdk:"summary"`
	Markdown       types.String                     `tfsdk:"markdown"`
	OSCAL          types.String                     `tfsdk:"oscal"`
	CatalogVersion types.String                     `tfsdk:"catalog_version"`
}

type assessedResourceModel struct {
	Type         types.String `tfsdk:"type"`
	ServiceModel types.String `tfsdk:"service_model"`
	Conditions   types.Map    `tfsdk:"conditions"`
}

var (
	assessmentResultAttrTypes = map[string]attr.Type{
		"service_model":           types.StringType,
		"owners":                  types.MapType{ElemType: types.StringType},
		"customer_obligation_ids": types.ListType{ElemType: types.StringType},
		"unaccepted_obligations":  types.ListType{ElemType: types.StringType},
		"focus":                   types.ListType{ElemType: types.StringType},
		"accepted_by":             types.MapType{ElemType: types.StringType},
		"controls":                types.MapType{ElemType: types.ObjectType{AttrTypes: controlSplitAttrTypes}},
		"assumptions":             types.ListType{ElemType: types.ObjectType{AttrTypes: assumptionAttrTypes}},
		"basis":                   types.StringType,
	}
	summaryAttrTypes = map[string]attr.Type{
		"by_layer":               types.MapType{ElemType: types.MapType{ElemType: types.Int64Type}},
		"obligations_total":      types.Int64Type,
		"obligations_accepted":   types.Int64Type,
		"obligations_unaccepted": types.Int64Type,
	}
)

func (d *assessmentDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_assessment"
}

func (d *assessmentDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	ids := func(desc string) schema.ListAttribute {
		return schema.ListAttribute{MarkdownDescription: desc, ElementType: types.StringType, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Assesses many declared resources at once — usually every resource of a module — for plan review: " +
			"the unaccepted obligations per address, a summary, a Markdown report for a pull request, and an OSCAL 1.1.3 " +
			"system security plan for GRC tooling.",
		Attributes: map[string]schema.Attribute{
			"resources": schema.MapNestedAttribute{
				MarkdownDescription: "The declared resources, keyed by address: each with `type` or `service_model`, or neither when the address " +
					"names the type (`module.x.aws_db_instance.orders`).",
				Required: true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"type":          schema.StringAttribute{MarkdownDescription: "Terraform resource type, e.g. `aws_db_instance`.", Optional: true},
					"service_model": schema.StringAttribute{MarkdownDescription: "Service model, for types the catalog does not know.", Optional: true},
					"conditions": schema.MapAttribute{MarkdownDescription: "Attribute values that change the answer, as in `srm_responsibility`.",
						ElementType: types.StringType, Optional: true},
				}},
			},
			"accepted_obligations": schema.MapAttribute{
				MarkdownDescription: "Accepted obligation ids keyed by address, e.g. `srm_obligation_acceptance.<name>.accepted_obligations`. " +
					"Every address must be a key of `resources`. (Before `acceptances` took acceptance records, this map was " +
					"called `acceptances`.)",
				ElementType: types.SetType{ElemType: types.StringType},
				Optional:    true,
			},
			"acceptances": acceptancesAttribute(acceptancesDescription + " Combines with `accepted_obligations`."),
			"agreement":   schema.StringAttribute{MarkdownDescription: "Name of an `agreement` block of the provider configuration to apply.", Optional: true},
			"frameworks":  frameworksAttribute(),
			"results": schema.MapNestedAttribute{
				MarkdownDescription: "The answer for each address.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"service_model":           computed("Service model."),
					"owners":                  schema.MapAttribute{MarkdownDescription: "Owner of each layer.", ElementType: types.StringType, Computed: true},
					"customer_obligation_ids": ids("Customer obligations."),
					"unaccepted_obligations":  ids("Customer obligations not accepted."),
					"focus":                   ids("Components the resource directly configures."),
					"accepted_by": schema.MapAttribute{MarkdownDescription: "Who accepted each obligation that `acceptances` accept: " +
						"obligation id → `accepted_by` of the most specific record, as in `srm_responsibility`.", ElementType: types.StringType, Computed: true},
					"controls":    controlsAttribute(),
					"assumptions": assumptionsAttribute(),
					"basis":       basisAttribute(),
				}},
			},
			"unaccepted": schema.MapAttribute{
				MarkdownDescription: "Unaccepted obligation ids keyed by address, only for addresses with something unaccepted: " +
					"empty when everything is accepted — the value to test in a precondition.",
				ElementType: types.ListType{ElemType: types.StringType},
				Computed:    true,
			},
			"summary": schema.SingleNestedAttribute{
				MarkdownDescription: "Counts across all resources.",
				Computed:            true,
				Attributes: map[string]schema.Attribute{
					"by_layer": schema.MapAttribute{MarkdownDescription: "Per layer, how many resources have each owner.",
						ElementType: types.MapType{ElemType: types.Int64Type}, Computed: true},
					"obligations_total":      schema.Int64Attribute{MarkdownDescription: "Customer obligations in all.", Computed: true},
					"obligations_accepted":   schema.Int64Attribute{MarkdownDescription: "Of which accepted.", Computed: true},
					"obligations_unaccepted": schema.Int64Attribute{MarkdownDescription: "Of which not accepted.", Computed: true},
				},
			},
			"markdown": computed("A report for a pull request: unaccepted obligations first, then ownership per resource and the overrides applied. Deterministic."),
			"oscal": computed("The assessment as an OSCAL 1.1.3 system security plan (JSON): one component per distinct answer (resources that " +
				"resolve alike, with the same obligations accepted by the same teams, share one) and one inventory item per declared resource " +
				"that names its component; per NIST SP 800-53 control, `export.provided` for the provider's part, `export.responsibilities` for the customer's obligations (linked by " +
				"`provided-uuid` where shared) and `satisfied` for accepted ones. UUIDs are version 5, derived from addresses and ids, and " +
				"`last-modified` is the latest as-of date of the sources behind the answer, so the document changes only when the answer " +
				"does. `import-profile` is a placeholder (`" + srm.OSCALProfileHref + "`): set your baseline profile when importing."),
			"catalog_version": computed("Version of the catalog."),
		},
	}
}

func (d *assessmentDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = configuredData(req.ProviderData, &resp.Diagnostics)
}

func (d *assessmentDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	v := values(&resp.Diagnostics)
	var m assessmentModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || d.data == nil || !d.data.settingsKnown(&resp.Diagnostics, false, m.Agreement.ValueString()) {
		return
	}
	items := make(map[string]srm.AssessItem, len(m.Resources))
	for addr, r := range m.Resources {
		at := path.Root("resources").AtMapKey(addr)
		if !r.Type.IsNull() && !r.ServiceModel.IsNull() {
			resp.Diagnostics.AddAttributeError(at, "Invalid resource", addr+": set at most one of type and service_model.")
			continue
		}
		it := srm.AssessItem{ResourceType: r.Type.ValueString(), ServiceModel: r.ServiceModel.ValueString()}
		if r.Type.IsNull() && r.ServiceModel.IsNull() {
			var ok bool
			if it.ResourceType, ok = typeFromAddress(d.data.engine, addr, at, &resp.Diagnostics); !ok {
				continue
			}
		}
		if !r.Conditions.IsNull() {
			it.Conditions = conditionValues(ctx, r.Conditions, &resp.Diagnostics)
		}
		items[addr] = it
	}
	if resp.Diagnostics.HasError() {
		return
	}
	records, ok := acceptanceRecords(ctx, m.Acceptances, &resp.Diagnostics)
	if !ok {
		return
	}
	a, err := d.data.engine.AssessWithRecords(items, m.Accepted, records, m.Agreement.ValueString(), d.data.clock())
	if err != nil {
		if ae, ok := err.(*srm.AssessmentError); ok {
			switch {
			case ae.In == "resources":
				addInputError(&resp.Diagnostics, path.Root("resources").AtMapKey(ae.Address), ae.InputError, map[string]string{"resource_type": "type"})
			case ae.Key != "":
				resp.Diagnostics.AddAttributeError(path.Root("accepted_obligations").AtMapKey(ae.Address).AtSetValue(types.StringValue(ae.Key)), ae.Summary, ae.Detail)
			default:
				resp.Diagnostics.AddAttributeError(path.Root("accepted_obligations").AtMapKey(ae.Address), ae.Summary, ae.Detail)
			}
			return
		}
		resp.Diagnostics.AddError("Assessment failed", err.Error())
		return
	}
	warnUnmatched(records, a, &resp.Diagnostics)
	frameworks, ok := frameworkIDs(ctx, d.data.engine.Catalog, m.Frameworks, path.Empty(), &resp.Diagnostics)
	if !ok {
		return
	}
	results := map[string]attr.Value{}
	for _, addr := range a.Addresses {
		r := a.Results[addr]
		controls := v.controlsMap(r, frameworks)
		results[addr] = v.object(assessmentResultAttrTypes, map[string]attr.Value{
			"service_model": types.StringValue(r.ServiceModel.ID), "owners": v.ownersMap(r),
			"customer_obligation_ids": v.stringList(r.CustomerObligationIDs()), "unaccepted_obligations": v.stringList(r.UnacceptedIDs()),
			"focus": v.stringList(r.Focus()), "controls": controls, "accepted_by": v.acceptedByMap(a.AcceptedBy[addr]),
			"assumptions": v.assumptionsList(r), "basis": basisValue(r),
		})
		warnDeprecations(r, path.Root("resources").AtMapKey(addr), "type", &resp.Diagnostics)
	}
	unaccepted := map[string]attr.Value{}
	for addr, ids := range a.Unaccepted() {
		unaccepted[addr] = v.stringList(ids)
	}
	s := a.Summary()
	byLayer := map[string]attr.Value{}
	for layer, owners := range s.ByLayer {
		counts := map[string]attr.Value{}
		for o, n := range owners {
			counts[string(o)] = types.Int64Value(int64(n))
		}
		byLayer[layer] = v.mapOf(types.Int64Type, counts)
	}
	oscal, err := a.OSCAL()
	if err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("resources"), "No OSCAL export", err.Error())
		return
	}
	m.Results = v.mapOf(types.ObjectType{AttrTypes: assessmentResultAttrTypes}, results)
	m.Unaccepted = v.mapOf(types.ListType{ElemType: types.StringType}, unaccepted)
	m.Summary = v.object(summaryAttrTypes, map[string]attr.Value{
		"by_layer":          v.mapOf(types.MapType{ElemType: types.Int64Type}, byLayer),
		"obligations_total": types.Int64Value(int64(s.ObligationsTotal)), "obligations_accepted": types.Int64Value(int64(s.ObligationsAccepted)),
		"obligations_unaccepted": types.Int64Value(int64(s.ObligationsUnaccepted)),
	})
	m.Markdown = types.StringValue(a.Markdown())
	m.OSCAL = types.StringValue(string(oscal))
	m.CatalogVersion = types.StringValue(a.Catalog.Version)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
