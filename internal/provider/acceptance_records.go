// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// The acceptances argument of srm_responsibility and srm_assessment takes
// srm_obligation_acceptance objects as they are
// ([srm_obligation_acceptance.a, srm_obligation_acceptance.b]). Its object
// holds only what matching reads (acceptanceMatchAttributes), each attribute
// as the resource's schema has it, so that the two never drift apart.
// Terraform converts the resource object to this type and drops every other
// attribute: id and accepted_at, unknown while a record is created or
// renewed, then cannot make the whole argument unknown and defer the data
// source's read to apply, where its preconditions would no longer stop the
// plan. Every attribute kept is known at plan whenever the record's
// configuration is (ModifyPlan plans accepted_obligations and expired).

// acceptanceMatchAttributes are the attributes of srm_obligation_acceptance
// that matching reads; TestAcceptancesKnownAtPlan checks that the resource
// plans each of them as known.
var acceptanceMatchAttributes = []string{
	"resource_address", "scope", "resource_type", "service_model", "obligations", "accepted_obligations",
	"accepted_by", "review_by", "expired",
}

// acceptanceMatchModel is one element of acceptances.
type acceptanceMatchModel struct {
	ResourceAddress     types.String `tfsdk:"resource_address"`
	Scope               types.Set    `tfsdk:"scope"`
	ResourceType        types.String `tfsdk:"resource_type"`
	ServiceModel        types.String `tfsdk:"service_model"`
	Obligations         types.Set    `tfsdk:"obligations"`
	AcceptedObligations types.List   `tfsdk:"accepted_obligations"`
	AcceptedBy          types.String `tfsdk:"accepted_by"`
	ReviewBy            types.String `tfsdk:"review_by"`
	Expired             types.Bool   `tfsdk:"expired"`
}

const acceptancesDescription = "Acceptance records, written as the resources themselves: " +
	"`[srm_obligation_acceptance.payments, srm_obligation_acceptance.platform]`. Those whose `resource_address` or `scope` " +
	"(and type or model filter) cover this resource apply; expired ones (`expired`, or `review_by` passed) do not. Each " +
	"applies the obligations it lists in `accepted_obligations`, so an obligation that a newer catalog adds to a wildcard " +
	"counts only once the record's plan has shown it. Only the attributes that matching reads are taken (Terraform drops " +
	"the others, such as `id` and `accepted_at`), and each of them is known at plan when the record's configuration is: " +
	"a record added, changed, renewed or expired in the same change is read during plan, so preconditions decide at plan " +
	"time. Accepting an obligation records who owns it; it does not transfer liability or remove risk."

func acceptancesAttribute(desc string) schema.ListNestedAttribute {
	resourceAttrs := obligationAcceptanceSchema().Attributes
	attrs := make(map[string]schema.Attribute, len(acceptanceMatchAttributes))
	for _, name := range acceptanceMatchAttributes {
		d := "`" + name + "` of the `srm_obligation_acceptance`."
		switch t := resourceAttrs[name].GetType().(type) {
		case basetypes.BoolType:
			attrs[name] = schema.BoolAttribute{MarkdownDescription: d, Optional: true}
		case basetypes.SetType:
			attrs[name] = schema.SetAttribute{MarkdownDescription: d, ElementType: t.ElemType, Optional: true}
		case basetypes.ListType:
			attrs[name] = schema.ListAttribute{MarkdownDescription: d, ElementType: t.ElemType, Optional: true}
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
	var models []acceptanceMatchModel
	diags.Append(list.ElementsAs(ctx, &models, false)...)
	if diags.HasError() {
		return nil, false
	}
	records := make([]srm.AcceptanceRecord, 0, len(models))
	for i, m := range models {
		at := path.Root("acceptances").AtListIndex(i)
		rec := srm.AcceptanceRecord{
			ResourceAddress: m.ResourceAddress.ValueString(), ResourceType: m.ResourceType.ValueString(),
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
		// The id breaks ties between equally specific records of one team:
		// what the record covers, never its position in the list.
		rec.ID = rec.ResourceAddress
		if rec.ID == "" {
			rec.ID = srm.ScopeLabel(rec.Scope)
		}
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

// warnUnmatched warns, on its element of acceptances, about every record
// that covers none of the resources of an assessment: a scope or address
// that matches nothing is a silent no-op otherwise.
func warnUnmatched(records []srm.AcceptanceRecord, a *srm.Assessment, diags *diagnostics) {
	if len(a.Unmatched) == 0 {
		return
	}
	suggestions := srm.ScopeSuggestions(a.Addresses)
	for _, i := range a.Unmatched {
		rec := records[i]
		var what, hint string
		if rec.ResourceAddress != "" {
			what = "resource_address " + rec.ResourceAddress
			if near := srm.Closest(rec.ResourceAddress, a.Addresses, 3); len(near) > 0 {
				hint = " Did you mean " + quotedOr(near) + "?"
			}
		} else {
			what = "scope " + strings.Join(rec.Scope, ", ")
			var near []string
			for _, p := range rec.Scope {
				near = append(near, srm.Closest(p, suggestions, 2)...)
			}
			if len(near) > 0 {
				hint = " Did you mean " + quotedOr(near) + "?"
			}
		}
		if rec.ResourceType != "" {
			what += " (resource_type " + rec.ResourceType + ")"
		} else if rec.ServiceModel != "" {
			what += " (service_model " + rec.ServiceModel + ")"
		}
		diags.AddAttributeWarning(path.Root("acceptances").AtListIndex(i), "Acceptance covers no resource",
			fmt.Sprintf("The acceptance by %s with %s covers none of the %d resources of this assessment, so it accepts nothing "+
				"here.%s Check its scope or resource_address for a misspelled module or resource name.",
				rec.AcceptedBy, what, len(a.Addresses), hint))
	}
}

// quotedOr renders candidates as `"a", "b" or "c"`.
func quotedOr(items []string) string {
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = strconv.Quote(s)
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}
