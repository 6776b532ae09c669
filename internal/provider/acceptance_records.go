// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// The acceptances argument of srm_responsibility and srm_assessment takes
// srm_obligation_acceptance objects as they are
// ([srm_obligation_acceptance.a, srm_obligation_acceptance.b]): its object
// has every attribute of the resource, all optional, built from the
// resource's schema so that the two never drift apart.

const acceptancesDescription = "Acceptance records, written as the resources themselves: " +
	"`[srm_obligation_acceptance.payments, srm_obligation_acceptance.platform]`. Those whose `resource_address` or `scope` " +
	"(and type or model filter) cover this resource apply; expired ones (`expired`, or `review_by` passed) do not. Each " +
	"applies the obligations it lists in `accepted_obligations`, so an obligation that a newer catalog adds to a wildcard " +
	"counts only once the record's plan has shown it. Accepting an obligation records who owns it; it does not transfer " +
	"liability or remove risk."

func acceptancesAttribute(desc string) schema.ListNestedAttribute {
	attrs := map[string]schema.Attribute{}
	for name, a := range obligationAcceptanceSchema().Attributes {
		d := "`" + name + "` of the `srm_obligation_acceptance`."
		switch t := a.GetType().(type) {
		case basetypes.BoolType:
			attrs[name] = schema.BoolAttribute{MarkdownDescription: d, Optional: true}
		case basetypes.SetType:
			attrs[name] = schema.SetAttribute{MarkdownDescription: d, ElementType: t.ElemType, Optional: true}
		case basetypes.ListType:
			attrs[name] = schema.ListAttribute{MarkdownDescription: d, ElementType: t.ElemType, Optional: true}
		case basetypes.MapType:
			attrs[name] = schema.MapAttribute{MarkdownDescription: d, ElementType: t.ElemType, Optional: true}
		default:
			attrs[name] = schema.StringAttribute{MarkdownDescription: d, Optional: true}
		}
	}
	return schema.ListNestedAttribute{
		MarkdownDescription: desc,
		Optional:            true,
		NestedObject:        schema.NestedAttributeObject{Attributes: attrs},
	}
}

// acceptanceRecords converts the acceptances argument into domain records;
// a malformed object is an error on its list element.
func acceptanceRecords(ctx context.Context, list types.List, diags *diagnostics) ([]srm.AcceptanceRecord, bool) {
	if list.IsNull() || list.IsUnknown() {
		return nil, true
	}
	var models []obligationAcceptanceModel
	diags.Append(list.ElementsAs(ctx, &models, false)...)
	if diags.HasError() {
		return nil, false
	}
	records := make([]srm.AcceptanceRecord, 0, len(models))
	for i, m := range models {
		at := path.Root("acceptances").AtListIndex(i)
		rec := srm.AcceptanceRecord{
			ID: m.ID.ValueString(), ResourceAddress: m.ResourceAddress.ValueString(), ResourceType: m.ResourceType.ValueString(),
			ServiceModel: m.ServiceModel.ValueString(), AcceptedBy: m.AcceptedBy.ValueString(), ReviewBy: m.ReviewBy.ValueString(),
			Expired: m.Expired.ValueBool(),
		}
		if m.ResourceAddress.IsNull() == m.Scope.IsNull() {
			diags.AddAttributeError(at, "Invalid acceptance",
				"An acceptance sets exactly one of resource_address and scope: pass srm_obligation_acceptance resources, "+
					"e.g. acceptances = [srm_obligation_acceptance.payments].")
			continue
		}
		if m.Obligations.IsNull() || m.AcceptedBy.IsNull() {
			diags.AddAttributeError(at, "Invalid acceptance", "An acceptance needs obligations and accepted_by.")
			continue
		}
		diags.Append(m.Scope.ElementsAs(ctx, &rec.Scope, false)...)
		diags.Append(m.Obligations.ElementsAs(ctx, &rec.Obligations, false)...)
		if !m.AcceptedObligations.IsNull() {
			rec.Accepted = []string{}
			diags.Append(m.AcceptedObligations.ElementsAs(ctx, &rec.Accepted, false)...)
		}
		for _, p := range rec.Scope {
			if _, err := srm.ParseAddressPattern(p); err != nil {
				diags.AddAttributeError(at.AtName("scope").AtSetValue(types.StringValue(p)), "Invalid address pattern", err.Error()+".")
			}
		}
		records = append(records, rec)
	}
	return records, !diags.HasError()
}

// addressedRecords converts the acceptances of a data source, which apply
// by the address of the resource it answers for: without one, they cannot.
func addressedRecords(ctx context.Context, list types.List, address types.String, diags *diagnostics) ([]srm.AcceptanceRecord, bool) {
	records, ok := acceptanceRecords(ctx, list, diags)
	if !ok || len(records) == 0 {
		return nil, ok
	}
	if address.IsNull() || address.ValueString() == "" {
		diags.AddAttributeError(path.Root("resource_address"), "Missing resource address",
			"Acceptances apply by the address of the resource they cover: set resource_address (e.g. "+
				"\"module.payments.aws_db_instance.orders\") to use acceptances.")
		return nil, false
	}
	return records, true
}

// acceptedByMap is the accepted_by output: each obligation a record accepts,
// mapped to the accountable team of the most specific such record.
func (v valueBuilder) acceptedByMap(by map[string]*srm.AcceptanceRecord) types.Map {
	vals := make(map[string]attr.Value, len(by))
	for id, r := range by {
		vals[id] = types.StringValue(r.AcceptedBy)
	}
	return v.mapOf(types.StringType, vals)
}
