// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

var _ resource.ResourceWithUpgradeState = (*obligationAcceptanceResource)(nil)

// obligationAcceptanceModelV0 is the state of schema version 0 (releases
// before scopes): one record per resource address.
type obligationAcceptanceModelV0 struct {
	ID                    types.String `tfsdk:"id"`
	ResourceAddress       types.String `tfsdk:"resource_address"`
	ResourceType          types.String `tfsdk:"resource_type"`
	ServiceModel          types.String `tfsdk:"service_model"`
	Conditions            types.Map    `tfsdk:"conditions"`
	Agreement             types.String `tfsdk:"agreement"`
	Obligations           types.Set    `tfsdk:"obligations"`
	AcceptedBy            types.String `tfsdk:"accepted_by"`
	Justification         types.String `tfsdk:"justification"`
	Reference             types.String `tfsdk:"reference"`
	ReviewBy              types.String `tfsdk:"review_by"`
	AcceptedAt            types.String `tfsdk:"accepted_at"`
	AcceptedObligations   types.List   `tfsdk:"accepted_obligations"`
	RequiredObligations   types.List   `tfsdk:"required_obligations"`
	UnacceptedObligations types.List   `tfsdk:"unaccepted_obligations"`
	CatalogVersion        types.String `tfsdk:"catalog_version"`
}

// obligationAcceptanceSchemaV0 is the prior schema of the version 0
// upgrader: only the attribute types matter to decode the stored state.
func obligationAcceptanceSchemaV0() *schema.Schema {
	str := func(optional bool) schema.StringAttribute {
		return schema.StringAttribute{Optional: optional, Computed: !optional}
	}
	ids := func() schema.ListAttribute {
		return schema.ListAttribute{ElementType: types.StringType, Computed: true}
	}
	return &schema.Schema{
		Version: 0,
		Attributes: map[string]schema.Attribute{
			"id":                     str(false),
			"resource_address":       schema.StringAttribute{Required: true},
			"resource_type":          str(true),
			"service_model":          str(true),
			"conditions":             schema.MapAttribute{ElementType: types.StringType, Optional: true},
			"agreement":              str(true),
			"obligations":            schema.SetAttribute{ElementType: types.StringType, Required: true},
			"accepted_by":            schema.StringAttribute{Required: true},
			"justification":          str(true),
			"reference":              str(true),
			"review_by":              str(true),
			"accepted_at":            str(false),
			"accepted_obligations":   ids(),
			"required_obligations":   ids(),
			"unaccepted_obligations": ids(),
			"catalog_version":        str(false),
		},
	}
}

// UpgradeState upgrades a version 0 record: every attribute is kept as it
// was, accepted_at and id included, so that no acceptance changes owner or
// date; the attributes of version 1 start empty (no scope) and not expired
// (the next refresh checks review_by).
func (r *obligationAcceptanceResource) UpgradeState(context.Context) map[int64]resource.StateUpgrader {
	return map[int64]resource.StateUpgrader{
		0: {
			PriorSchema: obligationAcceptanceSchemaV0(),
			StateUpgrader: func(ctx context.Context, req resource.UpgradeStateRequest, resp *resource.UpgradeStateResponse) {
				var old obligationAcceptanceModelV0
				resp.Diagnostics.Append(req.State.Get(ctx, &old)...)
				if resp.Diagnostics.HasError() {
					return
				}
				resp.Diagnostics.Append(resp.State.Set(ctx, upgradeAcceptanceV0(old))...)
			},
		},
	}
}

func upgradeAcceptanceV0(old obligationAcceptanceModelV0) obligationAcceptanceModel {
	return obligationAcceptanceModel{
		ID: old.ID, ResourceAddress: old.ResourceAddress, Scope: types.SetNull(types.StringType), ResourceType: old.ResourceType, ServiceModel: old.ServiceModel,
		Conditions: old.Conditions, Agreement: old.Agreement, Obligations: old.Obligations, AcceptedBy: old.AcceptedBy,
		Justification: old.Justification, Reference: old.Reference, ReviewBy: old.ReviewBy, AcceptedAt: old.AcceptedAt,
		AcceptedObligations: old.AcceptedObligations, RequiredObligations: old.RequiredObligations,
		UnacceptedObligations: old.UnacceptedObligations, CatalogVersion: old.CatalogVersion,
		Expired: types.BoolValue(false), Assumptions: types.ListNull(types.ObjectType{AttrTypes: assumptionAttrTypes}), Basis: types.StringNull(),
	}
}
