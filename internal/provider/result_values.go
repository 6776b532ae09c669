// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// Object types of the computed attributes shared by srm_responsibility,
// srm_assessment and srm_obligation_acceptance.
var (
	componentAttrTypes = map[string]attr.Type{
		"layer":         types.StringType,
		"owner":         types.StringType,
		"provider_part": types.StringType,
		"customer_part": types.StringType,
		"source":        types.StringType,
	}
	obligationAttrTypes = map[string]attr.Type{
		"id":          types.StringType,
		"layer":       types.StringType,
		"component":   types.StringType,
		"title":       types.StringType,
		"description": types.StringType,
	}
	responsibilityAttrTypes = map[string]attr.Type{
		"component":   types.StringType,
		"layer":       types.StringType,
		"owner":       types.StringType,
		"description": types.StringType,
	}
	overrideAttrTypes = map[string]attr.Type{
		"kind":      types.StringType,
		"name":      types.StringType,
		"component": types.StringType,
		"from":      types.StringType,
		"to":        types.StringType,
		"reason":    types.StringType,
		"reference": types.StringType,
	}
	assumptionAttrTypes = map[string]attr.Type{
		"condition": types.StringType,
		"assumed":   types.StringType,
		"reason":    types.StringType,
	}
	controlSplitAttrTypes = map[string]attr.Type{
		"customer":  types.ListType{ElemType: types.StringType},
		"inherited": types.ListType{ElemType: types.StringType},
		"shared":    types.ListType{ElemType: types.StringType},
	}
	sourceAttrTypes = map[string]attr.Type{
		"id":    types.StringType,
		"title": types.StringType,
		"url":   types.StringType,
		"as_of": types.StringType,
	}
)

func str(s string) attr.Value { return types.StringValue(s) }

// optStr is null for an empty string, so that absent parts read as null.
func optStr(s string) attr.Value {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}

func (v valueBuilder) stringList(items []string) types.List {
	vals := make([]attr.Value, len(items))
	for i, s := range items {
		vals[i] = types.StringValue(s)
	}
	return v.list(types.StringType, vals)
}

// fullyKnown reports whether a collection and every element of it are
// known; null counts as known.
func fullyKnown(v interface {
	IsNull() bool
	IsUnknown() bool
	Elements() []attr.Value
}) bool {
	if v.IsNull() {
		return true
	}
	if v.IsUnknown() {
		return false
	}
	for _, e := range v.Elements() {
		if e.IsUnknown() {
			return false
		}
	}
	return true
}

func (v valueBuilder) stringMap(m map[string]string) types.Map {
	vals := make(map[string]attr.Value, len(m))
	for k, v := range m {
		vals[k] = types.StringValue(v)
	}
	return v.mapOf(types.StringType, vals)
}

func (v valueBuilder) ownersMap(r *srm.Result) types.Map {
	vals := make(map[string]attr.Value, len(r.Layers))
	for _, l := range r.Layers {
		vals[l.Layer.ID] = types.StringValue(string(l.Owner))
	}
	return v.mapOf(types.StringType, vals)
}

func (v valueBuilder) componentsMap(r *srm.Result) types.Map {
	t := types.ObjectType{AttrTypes: componentAttrTypes}
	vals := make(map[string]attr.Value, len(r.Components))
	for _, c := range r.Components {
		vals[c.Component.ID] = v.object(componentAttrTypes, map[string]attr.Value{
			"layer": str(c.Component.Layer), "owner": str(string(c.Owner)),
			"provider_part": optStr(c.ProviderPart), "customer_part": optStr(c.CustomerPart), "source": optStr(c.Source),
		})
	}
	return v.mapOf(t, vals)
}

func (v valueBuilder) obligationsList(obls []*srm.Obligation) types.List {
	t := types.ObjectType{AttrTypes: obligationAttrTypes}
	vals := make([]attr.Value, len(obls))
	for i, o := range obls {
		vals[i] = v.object(obligationAttrTypes, map[string]attr.Value{
			"id": str(o.ID), "layer": str(o.Layer), "component": str(o.Component), "title": str(o.Title), "description": str(o.Description),
		})
	}
	return v.list(t, vals)
}

func (v valueBuilder) responsibilitiesList(r *srm.Result) types.List {
	t := types.ObjectType{AttrTypes: responsibilityAttrTypes}
	prs := r.ProviderResponsibilities()
	vals := make([]attr.Value, len(prs))
	for i, p := range prs {
		vals[i] = v.object(responsibilityAttrTypes, map[string]attr.Value{
			"component": str(p.Component), "layer": str(p.Layer), "owner": str(string(p.Owner)), "description": str(p.Description),
		})
	}
	return v.list(t, vals)
}

func (v valueBuilder) overridesList(r *srm.Result) types.List {
	t := types.ObjectType{AttrTypes: overrideAttrTypes}
	vals := make([]attr.Value, len(r.OverridesApplied))
	for i, o := range r.OverridesApplied {
		vals[i] = v.object(overrideAttrTypes, map[string]attr.Value{
			"kind": str(o.Kind), "name": str(o.Name), "component": str(o.Component), "from": str(string(o.From)),
			"to": str(string(o.To)), "reason": optStr(o.Reason), "reference": optStr(o.Reference),
		})
	}
	return v.list(t, vals)
}

// basisValue is the basis of a result, null for a request by service model.
func basisValue(r *srm.Result) types.String {
	if b := r.Basis(); b != "" {
		return types.StringValue(b)
	}
	return types.StringNull()
}

// assumptionsList lists the conditions a resolution assumed.
func (v valueBuilder) assumptionsList(r *srm.Result) types.List {
	vals := make([]attr.Value, len(r.Assumptions))
	for i, a := range r.Assumptions {
		vals[i] = v.object(assumptionAttrTypes, map[string]attr.Value{
			"condition": str(a.Condition), "assumed": str(a.Assumed), "reason": str(a.Reason),
		})
	}
	return v.list(types.ObjectType{AttrTypes: assumptionAttrTypes}, vals)
}

// warnDeprecations turns the deprecated condition keys a resolution used into
// warnings on their map keys below root, and warns on typeAttr below root
// when the type, answered by its service or provider rule, looks like a
// misspelling of a type with an entry.
func warnDeprecations(r *srm.Result, root path.Path, typeAttr string, diags *diag.Diagnostics) {
	for _, d := range r.Deprecations {
		diags.AddAttributeWarning(root.AtName("conditions").AtMapKey(d.Condition), "Deprecated condition", d.Message())
	}
	if w := r.NearEntryWarning(); w != "" {
		diags.AddAttributeWarning(root.AtName(typeAttr), "Resource type near a catalog entry", w)
	}
}

func (v valueBuilder) sourcesList(c *srm.Catalog, ids []string) types.List {
	t := types.ObjectType{AttrTypes: sourceAttrTypes}
	vals := make([]attr.Value, len(ids))
	for i, id := range ids {
		vals[i] = v.sourceObject(c.Sources[id])
	}
	return v.list(t, vals)
}

func (v valueBuilder) sourceObject(s srm.Source) types.Object {
	return v.object(sourceAttrTypes, map[string]attr.Value{
		"id": str(s.ID), "title": str(s.Title), "url": str(s.URL), "as_of": str(s.AsOf),
	})
}

// setFields are the request fields that are sets of strings: an error about
// one element is reported on that element.
var setFields = map[string]bool{"accepted_obligations": true, "obligations": true, "frameworks": true}

// addInputError reports a domain input error on the attribute it concerns.
// root is the path of the object that holds the request arguments (empty for
// the top level); fields renames request fields to attribute names.
func addInputError(diags *diag.Diagnostics, root path.Path, err error, fields map[string]string) {
	ie, ok := err.(*srm.InputError)
	if !ok {
		diags.AddError("Resolution failed", err.Error())
		return
	}
	name := ie.Field
	if renamed, ok := fields[name]; ok {
		name = renamed
	}
	p := root.AtName(name)
	if len(root.Steps()) == 0 {
		p = path.Root(name)
	}
	switch {
	case ie.Field == "conditions" && ie.Key != "":
		p = p.AtMapKey(ie.Key)
	case ie.Key != "" && setFields[ie.Field]:
		p = p.AtSetValue(types.StringValue(ie.Key))
	}
	diags.AddAttributeError(p, ie.Summary, ie.Detail)
}

// frameworkIDs decodes a frameworks argument and checks it against the
// catalog; an unknown framework is an error on its element below root.
func frameworkIDs(ctx context.Context, c *srm.Catalog, frameworks types.Set, root path.Path, diags *diag.Diagnostics) ([]string, bool) {
	var ids []string
	if !frameworks.IsNull() {
		diags.Append(frameworks.ElementsAs(ctx, &ids, false)...)
	}
	if diags.HasError() {
		return nil, false
	}
	if err := c.ValidateFrameworks(ids); err != nil {
		addInputError(diags, root, err, nil)
		return nil, false
	}
	return ids, true
}

// controlsMap computes the control split for each framework of ids
// (checked by frameworkIDs).
func (v valueBuilder) controlsMap(r *srm.Result, ids []string) types.Map {
	vals := make(map[string]attr.Value, len(ids))
	for _, id := range ids {
		s := r.Controls(id)
		vals[id] = v.object(controlSplitAttrTypes, map[string]attr.Value{
			"customer": v.stringList(s.Customer), "inherited": v.stringList(s.Inherited), "shared": v.stringList(s.Shared),
		})
	}
	return v.mapOf(types.ObjectType{AttrTypes: controlSplitAttrTypes}, vals)
}

// mapElems presents a map's elements as a list, for fullyKnown.
type mapElems struct{ types.Map }

func (m mapElems) Elements() []attr.Value {
	out := make([]attr.Value, 0, len(m.Map.Elements()))
	for _, v := range m.Map.Elements() {
		out = append(out, v)
	}
	return out
}

func (v valueBuilder) componentOwnersMap(r *srm.Result) types.Map {
	vals := make(map[string]attr.Value, len(r.Components))
	for _, c := range r.Components {
		vals[c.Component.ID] = types.StringValue(string(c.Owner))
	}
	return v.mapOf(types.StringType, vals)
}

// Terraform types of the attributes built on every read, directly as
// Terraform values: lists and maps of strings.
var (
	stringListType = tftypes.List{ElementType: tftypes.String}
	stringMapType  = tftypes.Map{ElementType: tftypes.String}
)

func stringListValue(items []string) tftypes.Value {
	vals := make([]tftypes.Value, len(items))
	for i, s := range items {
		vals[i] = tftypes.NewValue(tftypes.String, s)
	}
	return tftypes.NewValue(stringListType, vals)
}

func stringMapValue(m map[string]string) tftypes.Value {
	vals := make(map[string]tftypes.Value, len(m))
	for k, v := range m {
		vals[k] = tftypes.NewValue(tftypes.String, v)
	}
	return tftypes.NewValue(stringMapType, vals)
}
