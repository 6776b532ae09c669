// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"fmt"
	"sort"
	"strings"
)

// Request asks who owns what for one declared resource.
type Request struct {
	// Exactly one of ResourceType and ServiceModel.
	ResourceType string
	ServiceModel string
	// Conditions are attribute values of the declared resource, by
	// attribute path, as Terraform writes them as strings (booleans "true"
	// or "false", numbers as written); "" is an attribute that is not set.
	Conditions map[string]string
	// Agreement is the name of an agreement to apply, or empty.
	Agreement string
	// Accepted are obligation ids already accepted.
	Accepted []string
}

// InputError is an invalid request, attached to the argument it concerns so
// that the caller can report it on the right attribute path.
type InputError struct {
	// Field is the request argument: "resource_type", "service_model",
	// "conditions", "agreement" or "accepted_obligations".
	Field string
	// Key is the map key (condition name) or set element (obligation id)
	// within Field, if any.
	Key     string
	Summary string
	Detail  string
}

func (e *InputError) Error() string { return e.Summary + ": " + e.Detail }

// Resolved is the owner of one component for a resolved request.
type Resolved struct {
	Component *Component
	// Cell points into the catalog, or at a cell an agreement made.
	*Cell
}

// LayerOwner is the derived owner of a layer.
type LayerOwner struct {
	Layer *Layer
	Owner Owner
}

// AppliedOverride records a cell that a condition or an agreement changed.
type AppliedOverride struct {
	// Kind is "condition" or "agreement".
	Kind string
	// Name is "<condition>=<value>" or the agreement name.
	Name      string
	Component string
	From      Owner
	To        Owner
	Reason    string
	Reference string
}

// Assumption is a condition the answer could not read: it assumed the value
// (or rule) that leaves the most to the customer, and says why.
type Assumption struct {
	Condition string
	Assumed   string
	Reason    string
}

// Deprecation is a deprecated condition key that a request used.
type Deprecation struct {
	Condition  string
	ReplacedBy string
}

// Message says what to do about a deprecated condition.
func (d Deprecation) Message() string {
	return fmt.Sprintf("Condition %q is deprecated and will be removed in the next minor version: use %q, the attribute's name in the resource, instead.", d.Condition, d.ReplacedBy)
}

// Result is the responsibility of one declared resource.
type Result struct {
	Catalog *Catalog
	// Type is the resource type requested, or empty.
	Type string
	// ResourceType is what answered for Type: its entry, its service or its
	// provider rule.
	ResourceType *ResourceType
	ServiceModel *ServiceModel
	// Components is indexed like Catalog.Components.
	Components []Resolved
	// Layers is indexed like Catalog.Layers.
	Layers              []LayerOwner
	CustomerObligations []*Obligation
	Unaccepted          []*Obligation
	OverridesApplied    []AppliedOverride
	// Assumptions are the conditions of the type that were not given, or
	// whose value matched nothing: the answer took the value that leaves
	// the most to the customer.
	Assumptions []Assumption
	// Deprecations are the deprecated conditions given.
	Deprecations []Deprecation
	// Hybrid: the resource runs on hardware on the customer's site (its
	// type, or a condition value, says so).
	Hybrid bool
	// SourceIDs are the citations behind the answer, sorted.
	SourceIDs []string
}

// Basis says what answered for the resource type: BasisType, BasisService
// or BasisProvider; "" for a request by service model.
func (r *Result) Basis() string {
	if r.ResourceType == nil {
		return ""
	}
	return r.ResourceType.Basis
}

// Focus returns the components the resource type directly configures.
func (r *Result) Focus() []string {
	if r.ResourceType == nil {
		return nil
	}
	return r.ResourceType.Focus
}

// CustomerObligationIDs returns the ids of the customer obligations.
func (r *Result) CustomerObligationIDs() []string { return ObligationIDs(r.CustomerObligations) }

// UnacceptedIDs returns the ids of the unaccepted obligations.
func (r *Result) UnacceptedIDs() []string { return ObligationIDs(r.Unaccepted) }

// AcceptedIDs returns the ids of the accepted customer obligations, in
// catalog order.
func (r *Result) AcceptedIDs() []string {
	out := make([]string, 0, len(r.CustomerObligations)-len(r.Unaccepted))
	j := 0
	for _, o := range r.CustomerObligations {
		if j < len(r.Unaccepted) && r.Unaccepted[j] == o {
			j++
			continue
		}
		out = append(out, o.ID)
	}
	return out
}

// ObligationIDs returns the ids of obligations.
func ObligationIDs(obls []*Obligation) []string {
	out := make([]string, len(obls))
	for i, o := range obls {
		out[i] = o.ID
	}
	return out
}

// ProviderResponsibility is what the provider does for one component.
type ProviderResponsibility struct {
	Component   string
	Layer       string
	Owner       Owner
	Description string
}

// ProviderResponsibilities lists the components the provider owns or shares,
// with what it does there.
func (r *Result) ProviderResponsibilities() []ProviderResponsibility {
	var out []ProviderResponsibility
	for _, rc := range r.Components {
		switch rc.Owner {
		case OwnerProvider:
			out = append(out, ProviderResponsibility{rc.Component.ID, rc.Component.Layer, rc.Owner, rc.Component.Description})
		case OwnerShared:
			out = append(out, ProviderResponsibility{rc.Component.ID, rc.Component.Layer, rc.Owner, rc.ProviderPart})
		}
	}
	return out
}

// Engine resolves requests against a catalog and the provider's agreements.
type Engine struct {
	Catalog    *Catalog
	Agreements map[string]*Agreement
}

// AgreementNames lists the defined agreements, sorted.
func (e *Engine) AgreementNames() []string { return sortedKeys(e.Agreements) }

// choice is the cell a resource type or a condition sets for one component;
// eff is nil for the type's own cells.
type choice struct {
	ic      *indexedCell
	eff     *Effect
	byValue bool // the condition was given, not defaulted
}

// Resolve answers a request. An invalid request yields an *InputError.
func (e *Engine) Resolve(req Request) (*Result, error) {
	c := e.Catalog
	model, rt, err := e.model(req)
	if err != nil {
		return nil, err
	}
	conditions := req.Conditions
	var viaARM *Assumption
	if rt != nil && rt.ARMCondition != "" {
		rt, conditions, viaARM = c.viaARM(rt, conditions)
		model = c.models[rt.ServiceModel]
	}
	res := &Result{Catalog: c, Type: req.ResourceType, ResourceType: rt}
	if viaARM != nil {
		res.Assumptions = []Assumption{*viaARM}
	}
	sources := make([]string, 0, 8)
	// choices is indexed like c.Components; it lives on the stack for
	// catalogs of ordinary size.
	var buf [32]choice
	var choices []choice
	if rt != nil {
		if n := len(c.Components); n <= len(buf) {
			choices = buf[:n]
		} else {
			choices = make([]choice, n)
		}
		if model, sources, err = rt.choose(c, conditions, choices, sources, res); err != nil {
			return nil, err
		}
	}
	res.ServiceModel = model

	var agreement *Agreement
	if req.Agreement != "" {
		agreement = e.Agreements[req.Agreement]
		if agreement == nil {
			return nil, agreementError(e, req.Agreement)
		}
	}

	res.Components = make([]Resolved, len(c.Components))
	// applies marks the components whose obligations are the customer's:
	// those the type embodies, and any whose cell the type, a condition or
	// an agreement sets (an explicit owner never hides an obligation). A
	// request without a type gets the whole column.
	var appliesBuf [32]bool
	applies := appliesBuf[:0]
	if rt != nil {
		if n := len(c.Components); n <= len(appliesBuf) {
			applies = appliesBuf[:n]
		} else {
			applies = make([]bool, n)
		}
		copy(applies, rt.applies)
	}
	nObligations, sources, err := res.resolveCells(c, rt, model, choices, agreement, applies, sources)
	if err != nil {
		return nil, err
	}

	res.derive(c, rt == nil, applies, nObligations)
	if err := res.accept(req.Accepted); err != nil {
		return nil, err
	}
	if rt != nil {
		sources = addSource(sources, rt.Source)
	}
	sort.Strings(sources)
	res.SourceIDs = sources
	return res, nil
}

// resolveCells sets res.Components: for each component the matrix cell of
// model, refined by the type's class, the type's and its conditions' cells
// (choices) and the agreement. It marks in applies the components whose
// cell was set explicitly, adds the cells' sources and returns the number
// of customer obligations of the applicable components.
func (res *Result) resolveCells(c *Catalog, rt *ResourceType, model *ServiceModel, choices []choice, agreement *Agreement, applies []bool, sources []string) (int, []string, error) {
	var class *ServiceClass
	if rt != nil {
		class = c.classes[rt.Class]
	}
	nObligations := 0
	for i, comp := range c.Components {
		cell := &comp.Cells[model.index]
		// The class refines the matrix for a component the type does not
		// embody (a virtual network has no guest operating system).
		if cc := class.cell(i, model.index); cc != nil && !rt.applies[i] {
			cell = cc
		}
		if choices != nil && choices[i].ic != nil {
			applies[i] = true
			ch := choices[i]
			if ch.ic.cell.Owner != cell.Owner {
				res.addOverride(overrideFor(rt, ch, comp.ID, cell.Owner))
			}
			// The matrix cell's citation stands where the type's or the
			// condition's cell names none.
			cell = ch.ic.under(model)
		}
		if agreement != nil {
			overridden, err := res.applyAgreement(agreement, model, comp, &cell)
			if err != nil {
				return 0, nil, err
			}
			if overridden && rt != nil {
				applies[i] = true
			}
		}
		sources = addSource(sources, cell.Source)
		res.Components[i] = Resolved{Component: comp, Cell: cell}
		if rt == nil || applies[i] {
			nObligations += len(c.byCell[i][ownerIndex(cell.Owner)])
		}
	}

	return nObligations, sources, nil
}

// applyAgreement applies the agreement's override of comp, if it has one,
// to *cell; it reports whether it did. An override that would break an
// invariant under the model the request resolved to is an error.
func (res *Result) applyAgreement(a *Agreement, model *ServiceModel, comp *Component, cell **Cell) (bool, error) {
	ov := a.match(res, comp.ID)
	if ov == nil {
		return false, nil
	}
	if inv := CheckInvariants(model, res.Hybrid, comp, ov.Owner); inv != nil {
		return false, &InputError{Field: "agreement", Summary: "Agreement breaks an invariant",
			Detail: fmt.Sprintf("Agreement %q would make %s %s under %s, but %s.", a.Name, comp.ID, ov.Owner, model.ID, inv.Rule)}
	}
	from := *cell
	res.addOverride(AppliedOverride{Kind: "agreement", Name: a.Name,
		Component: comp.ID, From: from.Owner, To: ov.Owner, Reason: ov.Reason, Reference: ov.Reference})
	*cell = &Cell{Owner: ov.Owner, ProviderPart: ov.ProviderPart, CustomerPart: ov.CustomerPart, Source: from.Source}
	return true, nil
}

// derive fills the layer owners from the resolved components (all provider
// or all customer, else shared) and the customer obligations of the
// components that apply (every component with wholeColumn).
func (res *Result) derive(c *Catalog, wholeColumn bool, applies []bool, nObligations int) {
	res.CustomerObligations = make([]*Obligation, 0, nObligations)
	res.Layers = make([]LayerOwner, len(c.Layers))
	for i, l := range c.Layers {
		res.Layers[i] = LayerOwner{Layer: l}
	}
	for i, rc := range res.Components {
		lo := &res.Layers[rc.Component.layer]
		switch {
		case lo.Owner == "":
			lo.Owner = rc.Owner
		case lo.Owner != rc.Owner:
			lo.Owner = OwnerShared
		}
		switch obls := c.byCell[i][ownerIndex(rc.Owner)]; {
		case wholeColumn:
			res.CustomerObligations = append(res.CustomerObligations, obls...)
		case applies[i]:
			// A class's obligations that a reviewer could not check on
			// its resources are left out.
			without := res.ResourceType.without
			for _, o := range obls {
				if !without[o.ID] {
					res.CustomerObligations = append(res.CustomerObligations, o)
				}
			}
		}
	}
}

// choose fills choices, indexed like c.Components, with the cells the type
// and its conditions set, and returns the model they resolve the type to
// and the sources of the condition values applied. It records in res the
// assumptions made, the deprecated conditions used and whether the resource
// is hybrid.
func (rt *ResourceType) choose(c *Catalog, conditions map[string]string, choices []choice, sources []string, res *Result) (*ServiceModel, []string, error) {
	for key := range conditions {
		if rt.Conditions[key] == nil {
			return nil, nil, conditionKeyError(rt, key)
		}
	}
	model := c.models[rt.ServiceModel]
	res.Hybrid = rt.Hybrid
	// The type's own cells first; its conditions apply on top.
	for i := range rt.cells {
		choices[rt.cells[i].index] = choice{ic: &rt.cells[i]}
	}
	// Every condition of the type applies: the given value, or the one
	// that leaves the most to the customer.
	for _, key := range rt.ConditionKeys {
		cond := rt.Conditions[key]
		value, given := conditions[key]
		switch {
		case cond.ReplacedBy != "":
			// A deprecated key applies only when given, and only in place of
			// its replacement.
			if !given {
				continue
			}
			res.Deprecations = append(res.Deprecations, Deprecation{Condition: key, ReplacedBy: cond.ReplacedBy})
			if _, ok := conditions[cond.ReplacedBy]; ok {
				continue
			}
		case !given && cond.replacedIn(conditions):
			continue
		case cond.displaced(conditions):
			// The resource sets an attribute that it cannot set together
			// with this one: that condition answers alone.
			continue
		}
		// A value that matches nothing, and a condition not given, take
		// the default, the value that leaves the most to the customer
		// (rule conservative_default), and the answer says so.
		eff, byValue := cond.assumed, false
		if given {
			if m := cond.Match(value); m != nil {
				eff, byValue = m, true
			}
		}
		if !byValue {
			if res.Assumptions == nil {
				res.Assumptions = make([]Assumption, 0, len(rt.ConditionKeys))
			}
			res.Assumptions = append(res.Assumptions, Assumption{Condition: key, Assumed: cond.Default, Reason: assumptionReason(cond, value, given)})
		}
		if eff.ServiceModel != "" {
			model = c.models[eff.ServiceModel]
		}
		res.Hybrid = res.Hybrid || eff.Hybrid
		sources = addSource(sources, eff.Source)
		for i := range eff.cells {
			ic := &eff.cells[i]
			// When two conditions set the same component, the one that
			// leaves more to the customer wins: the answer never hides an
			// obligation.
			if prev := &choices[ic.index]; prev.eff == nil || ownerWeight(ic.cell.Owner) > ownerWeight(prev.ic.cell.Owner) {
				*prev = choice{ic: ic, eff: eff, byValue: byValue}
			}
		}
	}
	return model, sources, nil
}

// assumptionReason says why a condition was assumed.
func assumptionReason(cond *Condition, value string, given bool) string {
	const assumed = "assumed the value that leaves the most to the customer"
	switch {
	case !given:
		return "not given: " + assumed
	case value == "":
		return "not set, and the catalog has no rule for an attribute that is not set: " + assumed
	}
	return fmt.Sprintf("%q matches none of the catalog's values and rules (%s): %s%s", value, strings.Join(cond.Names(), ", "), assumed,
		didYouMean(value, cond.Names()))
}

// replacedIn reports whether conditions gives one of the deprecated keys
// that cond replaces.
func (cond *Condition) replacedIn(conditions map[string]string) bool {
	for _, old := range cond.Replaces {
		if _, ok := conditions[old]; ok {
			return true
		}
	}
	return false
}

// WithAccepted returns the result with the obligations in accepted marked
// accepted, leaving r as it is: a result resolved once can answer every
// acceptance set of the same request. An id that is not a customer
// obligation of r yields an *InputError, as Resolve does.
func (r *Result) WithAccepted(accepted []string) (*Result, error) {
	out := *r
	if err := out.accept(accepted); err != nil {
		return nil, err
	}
	return &out, nil
}

// overrideFor records that a resource type's or a condition's cell moved a
// component away from the matrix owner from.
func overrideFor(rt *ResourceType, ch choice, component string, from Owner) AppliedOverride {
	o := AppliedOverride{Kind: "resource_type", Name: rt.Type, Component: component, From: from, To: ch.ic.cell.Owner,
		Reason: rt.cellReason}
	if ch.eff != nil {
		o.Kind, o.Name, o.Reason = "condition", ch.eff.defaultName, ch.eff.Reason
		if ch.byValue {
			o.Name = ch.eff.name
		}
	}
	return o
}

// addOverride appends an applied override; a resolution applies a few at
// most.
func (res *Result) addOverride(o AppliedOverride) {
	if res.OverridesApplied == nil {
		res.OverridesApplied = make([]AppliedOverride, 0, 4)
	}
	res.OverridesApplied = append(res.OverridesApplied, o)
}

func (res *Result) accept(accepted []string) error {
	if len(accepted) == 0 {
		res.Unaccepted = res.CustomerObligations
		return nil
	}
	// Acceptances name a handful of ids: a linear scan, marking the ids it
	// meets, beats building a set.
	var buf [32]bool
	var matched []bool
	if len(accepted) <= len(buf) {
		matched = buf[:len(accepted)]
	} else {
		matched = make([]bool, len(accepted))
	}
	res.Unaccepted = make([]*Obligation, 0, len(res.CustomerObligations))
	for _, o := range res.CustomerObligations {
		found := false
		for i, id := range accepted {
			if id == o.ID {
				matched[i], found = true, true
			}
		}
		if !found {
			res.Unaccepted = append(res.Unaccepted, o)
		}
	}
	var stray []string
	for i, id := range accepted {
		if !matched[i] {
			stray = append(stray, id)
		}
	}
	if len(stray) > 0 {
		sort.Strings(stray)
		return res.NotAnObligationError("accepted_obligations", stray[0])
	}
	return nil
}

// NotAnObligationError explains why id is not a customer obligation of the
// resolved resource.
func (res *Result) NotAnObligationError(field, id string) *InputError {
	what := res.ServiceModel.ID
	if res.ResourceType != nil {
		what = fmt.Sprintf("%s (%s)", res.Type, res.ServiceModel.ID)
	}
	valid := res.CustomerObligationIDs()
	if o := res.Catalog.Obligation(id); o != nil {
		owner := res.Components[res.Catalog.components[o.Component].index].Owner
		if rt := res.ResourceType; rt != nil && o.AppliesTo(owner) {
			class := ""
			if rt.Class != "" {
				class = ", class " + rt.Class
			}
			if rt.without[id] {
				return &InputError{Field: field, Key: id, Summary: "Obligation does not apply to this resource",
					Detail: fmt.Sprintf("%q is not a customer obligation of %s: the catalog leaves it out for this kind of object (without%s): a reviewer could not check it on such a resource. The customer obligations are: %s.",
						id, what, class, strings.Join(valid, ", "))}
			}
			return &InputError{Field: field, Key: id, Summary: "Obligation does not apply to this resource",
				Detail: fmt.Sprintf("%q is not a customer obligation of %s: a resource of the type does not embody component %s (it embodies %s%s). The customer obligations are: %s.",
					id, what, o.Component, strings.Join(rt.AppliesTo, ", "), class, strings.Join(valid, ", "))}
		}
		return &InputError{Field: field, Key: id, Summary: "Obligation does not apply to this resource",
			Detail: fmt.Sprintf("%q is not a customer obligation of %s: component %s is %s-owned there. The customer obligations are: %s.",
				id, what, o.Component, owner, strings.Join(valid, ", "))}
	}
	return &InputError{Field: field, Key: id, Summary: "Unknown obligation",
		Detail: fmt.Sprintf("%q is not an obligation of the catalog%s The customer obligations of %s are: %s.",
			id, strings.TrimSuffix(didYouMean(id, valid), "?")+".", what, strings.Join(valid, ", "))}
}

func ownerWeight(o Owner) int {
	switch o {
	case OwnerCustomer:
		return 2
	case OwnerShared:
		return 1
	default:
		return 0
	}
}

func (e *Engine) model(req Request) (*ServiceModel, *ResourceType, error) {
	c := e.Catalog
	switch {
	case req.ResourceType != "" && req.ServiceModel != "":
		return nil, nil, &InputError{Field: "service_model", Summary: "Conflicting arguments",
			Detail: "Set exactly one of resource_type and service_model."}
	case req.ResourceType != "":
		rt := c.Lookup(req.ResourceType)
		if rt == nil {
			return nil, nil, UnknownTypeError(c, req.ResourceType)
		}
		return c.models[rt.ServiceModel], rt, nil
	case req.ServiceModel != "":
		m := c.models[req.ServiceModel]
		if m == nil {
			return nil, nil, unknownID{kind: "service model", id: req.ServiceModel, defined: c.ModelIDs()}.inputError("service_model", "")
		}
		if len(req.Conditions) > 0 {
			return nil, nil, &InputError{Field: "conditions", Summary: "Conditions need a resource type",
				Detail: "Conditions are attribute values of a resource type; set resource_type instead of service_model to use them."}
		}
		return m, nil, nil
	default:
		return nil, nil, &InputError{Field: "service_model", Summary: "Missing argument",
			Detail: "Set exactly one of resource_type and service_model."}
	}
}

// Lookup returns what answers for a resource type: its own entry, else the
// entry that replaces its name (an earlier major version's name), else its
// service, else the rule of its provider (the name before the first '_'),
// else nil.
func (c *Catalog) Lookup(t string) *ResourceType {
	if rt := c.ResourceTypes[t]; rt != nil {
		return rt
	}
	if rt := c.services.renamed[t]; rt != nil {
		return rt
	}
	if rt := c.ServiceOf(t); rt != nil {
		return rt
	}
	if len(c.Providers) == 0 {
		return nil
	}
	p, _, _ := strings.Cut(t, "_")
	return c.Providers[p]
}

// UnknownTypeError is the error for a resource type that is not in the
// catalog, with the closest known types.
func UnknownTypeError(c *Catalog, t string) *InputError {
	detail := fmt.Sprintf("%q is not in the resource-type catalog (%s).", t, c.Version)
	if near := Closest(t, c.TypeNames, 3); len(near) > 0 {
		detail += " Did you mean " + quoteOr(near) + "?"
	}
	detail += " For a type the catalog does not know, set service_model (one of " + strings.Join(c.ModelIDs(), ", ") +
		") instead, or add the type to a custom catalog."
	return &InputError{Field: "resource_type", Summary: "Unknown resource type", Detail: detail}
}

func conditionKeyError(rt *ResourceType, key string) *InputError {
	if len(rt.ConditionKeys) == 0 {
		return &InputError{Field: "conditions", Key: key, Summary: "Unknown condition",
			Detail: fmt.Sprintf("%s has no conditions: its answer does not depend on attribute values, so remove %q.", rt.Describe(), key)}
	}
	return unknownID{kind: "condition", of: rt.Type, id: key, defined: rt.ConditionKeys}.inputError("conditions", key)
}

func agreementError(e *Engine, name string) *InputError {
	names := e.AgreementNames()
	defined := "No agreement is defined in the provider configuration."
	if len(names) > 0 {
		defined = "Defined agreements: " + strings.Join(names, ", ") + "."
	}
	return &InputError{Field: "agreement", Summary: "Unknown agreement",
		Detail: fmt.Sprintf("%q is not an agreement of the provider configuration%s %s", name,
			strings.TrimSuffix(didYouMean(name, names), "?")+".", defined)}
}

// addSource adds a source id once; answers cite a handful of sources, so a
// linear scan beats a map.
func addSource(ids []string, id string) []string {
	if id == "" {
		return ids
	}
	for _, x := range ids {
		if x == id {
			return ids
		}
	}
	return append(ids, id)
}
