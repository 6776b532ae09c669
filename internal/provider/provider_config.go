// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

type agreementModel struct {
	Name        types.String    `tfsdk:"name"`
	Description types.String    `tfsdk:"description"`
	Overrides   []overrideModel `tfsdk:"override"`
}

type overrideModel struct {
	ServiceModel types.String `tfsdk:"service_model"`
	ResourceType types.String `tfsdk:"resource_type"`
	Component    types.String `tfsdk:"component"`
	Owner        types.String `tfsdk:"owner"`
	ProviderPart types.String `tfsdk:"provider_part"`
	CustomerPart types.String `tfsdk:"customer_part"`
	Reason       types.String `tfsdk:"reason"`
	Reference    types.String `tfsdk:"reference"`
}

func agreementBlock() schema.ListNestedBlock {
	return schema.ListNestedBlock{
		MarkdownDescription: "Contractual terms that move responsibility boundaries (for example a managed-firewall contract). " +
			"Data sources and the acceptance resource apply one with `agreement = \"<name>\"`. Overrides may never break the model's " +
			"invariants: the customer keeps data security, user access and configuration; the provider keeps the physical layer of its cloud " +
			"in every cloud model. An agreement records who owns what; it does not transfer liability or remove risk.",
		NestedObject: schema.NestedBlockObject{
			Attributes: map[string]schema.Attribute{
				"name": schema.StringAttribute{
					MarkdownDescription: "Unique name of the agreement, referenced by the `agreement` argument of data sources and resources.",
					Required:            true,
					Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
				},
				"description": schema.StringAttribute{
					MarkdownDescription: "What the agreement is, for readers of the configuration and of reports.",
					Optional:            true,
				},
			},
			Blocks: map[string]schema.Block{
				"override": schema.ListNestedBlock{
					MarkdownDescription: "One moved boundary: `component` becomes `owner` for `service_model`, for `resource_type`, " +
						"or (neither set) for every cloud model. A resource-type override beats a model override, which beats a global one.",
					Validators: []validator.List{listvalidator.SizeAtLeast(1)},
					NestedObject: schema.NestedBlockObject{
						Attributes: map[string]schema.Attribute{
							"service_model": schema.StringAttribute{
								MarkdownDescription: "Service model the override applies to. Conflicts with `resource_type`.",
								Optional:            true,
								Validators: []validator.String{stringvalidator.ConflictsWith(
									path.MatchRelative().AtParent().AtName("resource_type"))},
							},
							"resource_type": schema.StringAttribute{
								MarkdownDescription: "Terraform resource type the override applies to. Conflicts with `service_model`.",
								Optional:            true,
							},
							"component": schema.StringAttribute{
								MarkdownDescription: "Component whose owner moves, e.g. `network_controls`.",
								Required:            true,
							},
							"owner": schema.StringAttribute{
								MarkdownDescription: "New owner: one of `" + strings.Join(srm.OwnerNames(), "`, `") + "`.",
								Required:            true,
								Validators:          []validator.String{stringvalidator.OneOf(srm.OwnerNames()...)},
							},
							"provider_part": schema.StringAttribute{
								MarkdownDescription: "What the provider does; required when `owner` is `shared`.",
								Optional:            true,
							},
							"customer_part": schema.StringAttribute{
								MarkdownDescription: "What the customer does; required when `owner` is `shared`.",
								Optional:            true,
							},
							"reason": schema.StringAttribute{
								MarkdownDescription: "Why the boundary moves. Required: it is the audit trail shown in `overrides_applied`.",
								Required:            true,
								Validators:          []validator.String{stringvalidator.LengthAtLeast(1)},
							},
							"reference": schema.StringAttribute{
								MarkdownDescription: "Contract, clause or ticket that documents the agreement.",
								Optional:            true,
							},
						},
					},
				},
			},
		},
	}
}

// unknownSettings records the provider settings that were unknown when the
// provider was configured. Terraform configures the provider during plan with
// the values it has: a setting computed from a resource not yet applied
// (tag_prefix = terraform_data.p.output) is unknown then, and known only at
// apply. No answer may use a default in its place: the plan, and the first
// apply, would hold values built with the wrong prefix, catalog or agreement.
type unknownSettings struct {
	catalog   bool
	tagPrefix bool
	// agreement names the first agreement block with an unknown value, or
	// is "agreement" when the blocks themselves are unknown (a dynamic
	// block over an unknown collection). Agreements are validated together
	// (names are unique), so one unknown agreement holds back every answer
	// that applies an agreement.
	agreement string
}

func (u unknownSettings) any() bool { return u.catalog || u.tagPrefix || u.agreement != "" }

// blocking returns the unknown setting an answer depends on, or "" when every
// setting it needs is known. Every answer needs the catalog; tags need the
// prefix; an answer under an agreement (agreement not "") needs the agreements.
func (u unknownSettings) blocking(tags bool, agreement string) string {
	switch {
	case u.catalog:
		return "catalog"
	case tags && u.tagPrefix:
		return "tag_prefix"
	case agreement != "" && u.agreement != "":
		return u.agreement
	}
	return ""
}

// String lists the unknown settings, for logs.
func (u unknownSettings) String() string {
	var names []string
	if u.catalog {
		names = append(names, "catalog")
	}
	if u.tagPrefix {
		names = append(names, "tag_prefix")
	}
	if u.agreement != "" {
		names = append(names, u.agreement)
	}
	return strings.Join(names, ", ")
}

// settingsKnown reports whether the settings a data source's answer depends
// on are known; if not, it explains why the data source cannot be read yet.
// A data source is read during plan and may not return unknown values
// (Terraform and OpenTofu reject them), so the only honest answers are a
// deferral (Configure asks for one when the CLI supports it) or this error.
func (d *providerData) settingsKnown(diags *diag.Diagnostics, tags bool, agreement string) bool {
	setting := d.unknown.blocking(tags, agreement)
	if setting == "" {
		return true
	}
	diags.AddError("Provider setting unknown during plan",
		"This data source depends on the srm provider's "+setting+", which is known only after apply: it is computed from a "+
			"resource that is not applied yet. Data sources are read during plan and cannot wait for it, and an answer with "+
			"a default in its place would be wrong. Either:\n"+
			"  - add depends_on = [<that resource>] to this data source, so that Terraform reads it during apply, once the value is known;\n"+
			"  - set "+setting+" from values known during plan (literals, variables, locals, file());\n"+
			"  - or apply that resource first: terraform apply -target=<that resource>.")
	return false
}

// configureCatalog returns the built-in catalog, or the built-in catalog
// merged with the custom document of the provider configuration. An unknown
// document is recorded in unknown; the built-in catalog then only stands in
// (for validation), it answers nothing.
func configureCatalog(text types.String, unknown *unknownSettings, diags *diag.Diagnostics) (*srm.Catalog, bool) {
	if text.IsNull() || text.IsUnknown() {
		unknown.catalog = text.IsUnknown()
		c, err := srm.Builtin()
		if err != nil {
			diags.AddError("Invalid built-in catalog", "This is a bug in the provider; please report it: "+err.Error())
			return nil, false
		}
		return c, true
	}
	doc, probs := srm.ParseDocument(srm.CustomDocumentName, text.ValueString())
	if len(probs) == 0 {
		c, err := srm.WithCustom(doc)
		if err == nil {
			return c, true
		}
		if ps, ok := err.(srm.Problems); ok {
			probs = ps
		} else {
			diags.AddAttributeError(path.Root("catalog"), "Invalid catalog", err.Error())
			return nil, false
		}
	}
	for _, p := range probs {
		diags.AddAttributeError(path.Root("catalog"), "Invalid catalog",
			"At "+p.Path+" of the "+p.Document+" document: "+p.Message)
	}
	return nil, false
}

// configureAgreements validates the agreement blocks against the catalog.
// When the catalog or an agreement is unknown (recorded in unknown), nothing
// is validated or returned: that happens at apply, once they are known.
func configureAgreements(ctx context.Context, c *srm.Catalog, blocks types.List, unknown *unknownSettings, diags *diag.Diagnostics) (map[string]*srm.Agreement, bool) {
	if blocks.IsUnknown() {
		unknown.agreement = "agreement"
		return nil, true
	}
	for _, block := range blocks.Elements() {
		if v, err := block.ToTerraformValue(ctx); err == nil && !v.IsFullyKnown() {
			unknown.agreement = "agreement"
			if obj, ok := block.(types.Object); ok {
				if name, ok := obj.Attributes()["name"].(types.String); ok && !name.IsUnknown() {
					unknown.agreement = fmt.Sprintf("agreement %q", name.ValueString())
				}
			}
			return nil, true
		}
	}
	if unknown.catalog {
		return nil, true
	}
	var models []agreementModel
	diags.Append(blocks.ElementsAs(ctx, &models, false)...)
	if diags.HasError() {
		return nil, false
	}
	list := make([]*srm.Agreement, len(models))
	for i, am := range models {
		a := &srm.Agreement{Name: am.Name.ValueString(), Description: am.Description.ValueString()}
		for _, om := range am.Overrides {
			a.Overrides = append(a.Overrides, srm.Override{
				ServiceModel: om.ServiceModel.ValueString(),
				ResourceType: om.ResourceType.ValueString(),
				Component:    om.Component.ValueString(),
				Owner:        srm.Owner(om.Owner.ValueString()),
				ProviderPart: om.ProviderPart.ValueString(),
				CustomerPart: om.CustomerPart.ValueString(),
				Reason:       om.Reason.ValueString(),
				Reference:    om.Reference.ValueString(),
			})
		}
		list[i] = a
	}
	for _, e := range srm.ValidateAgreements(c, list) {
		p := path.Root("agreement").AtListIndex(e.Agreement)
		if e.Override >= 0 {
			p = p.AtName("override").AtListIndex(e.Override)
		}
		diags.AddAttributeError(p.AtName(e.Attribute), e.Summary, e.Detail)
	}
	if diags.HasError() {
		return nil, false
	}
	out := make(map[string]*srm.Agreement, len(list))
	for _, a := range list {
		out[a.Name] = a
	}
	return out, true
}
