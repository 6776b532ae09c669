// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
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
			"invariants: the customer keeps data security, user access and configuration; the provider keeps physical infrastructure " +
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

// configureCatalog returns the built-in catalog, or the built-in catalog
// merged with the custom document of the provider configuration.
func configureCatalog(text types.String, diags *diag.Diagnostics) (*srm.Catalog, bool) {
	if text.IsNull() || text.IsUnknown() {
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

func configureAgreements(c *srm.Catalog, models []agreementModel, diags *diag.Diagnostics) (map[string]*srm.Agreement, bool) {
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
