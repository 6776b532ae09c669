// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"fmt"
	"slices"
	"strings"
)

// Agreement is a set of contractual terms that move responsibility
// boundaries. Overrides never break an invariant.
type Agreement struct {
	Name        string
	Description string
	Overrides   []Override
}

// Override moves one component to another owner, for one service model, one
// resource type, or (neither set) every cloud model.
type Override struct {
	ServiceModel string
	ResourceType string
	Component    string
	Owner        Owner
	ProviderPart string
	CustomerPart string
	Reason       string
	Reference    string
}

// match returns the most specific override of the agreement for a component
// of a resolved resource: one naming the resource type beats one naming the
// service model, which beats one naming neither (cloud models only).
func (a *Agreement) match(res *Result, component string) *Override {
	var best *Override
	bestRank := 0
	for i := range a.Overrides {
		ov := &a.Overrides[i]
		if ov.Component != component {
			continue
		}
		rank := 0
		switch {
		case ov.ResourceType != "":
			if res.Type == ov.ResourceType {
				rank = 3
			}
		case ov.ServiceModel != "":
			if res.ServiceModel.ID == ov.ServiceModel {
				rank = 2
			}
		default:
			if res.ServiceModel.Cloud {
				rank = 1
			}
		}
		if rank > bestRank {
			best, bestRank = ov, rank
		}
	}
	return best
}

// AgreementError is an invalid agreement, located by the agreement's index,
// the override's index (-1 for the agreement itself) and the attribute.
type AgreementError struct {
	Agreement int
	Override  int
	Attribute string
	Summary   string
	Detail    string
}

func (e *AgreementError) Error() string { return e.Summary + ": " + e.Detail }

// ValidateAgreements checks agreements against the catalog and the
// invariants and returns every problem found.
func ValidateAgreements(c *Catalog, agreements []*Agreement) []*AgreementError {
	var errs []*AgreementError
	seen := map[string]int{}
	for ai, a := range agreements {
		if prev, dup := seen[a.Name]; dup {
			errs = append(errs, &AgreementError{ai, -1, "name", "Duplicate agreement name",
				fmt.Sprintf("Agreement %q is already defined by agreement block %d; names must be unique.", a.Name, prev)})
		}
		seen[a.Name] = ai
		for oi, ov := range a.Overrides {
			fail := func(attr, summary, format string, args ...any) {
				errs = append(errs, &AgreementError{ai, oi, attr, summary, fmt.Sprintf(format, args...)})
			}
			comp := c.Component(ov.Component)
			if comp == nil {
				fail("component", "Unknown component", "%s", unknownID{kind: "component", id: ov.Component, defined: c.ComponentIDs()}.detail())
				continue
			}
			var models []*ServiceModel
			switch {
			case ov.ServiceModel != "" && ov.ResourceType != "":
				fail("resource_type", "Conflicting arguments", "Set at most one of service_model and resource_type in an override.")
				continue
			case ov.ResourceType != "":
				rt := c.Lookup(ov.ResourceType)
				if rt == nil {
					e := UnknownTypeError(c, ov.ResourceType)
					fail("resource_type", e.Summary, "%s", e.Detail)
					continue
				}
				models = modelsOfType(c, rt)
			case ov.ServiceModel != "":
				m := c.ServiceModel(ov.ServiceModel)
				if m == nil {
					fail("service_model", "Unknown service model", "%s", unknownID{kind: "service model", id: ov.ServiceModel, defined: c.ModelIDs()}.detail())
					continue
				}
				models = []*ServiceModel{m}
			default:
				for _, m := range c.ServiceModels {
					if m.Cloud {
						models = append(models, m)
					}
				}
			}
			switch ov.Owner {
			case OwnerProvider, OwnerCustomer:
				if ov.ProviderPart != "" || ov.CustomerPart != "" {
					fail("owner", "Parts need a shared owner", "provider_part and customer_part describe a shared cell; owner is %q.", ov.Owner)
				}
			case OwnerShared:
				if ov.ProviderPart == "" || ov.CustomerPart == "" {
					fail("owner", "Shared owner needs both parts", "A shared override must say what each party does: set provider_part and customer_part.")
				}
			default:
				fail("owner", "Invalid owner", "%q is not an owner; allowed: %s.", ov.Owner, strings.Join(OwnerNames(), ", "))
				continue
			}
			for _, m := range models {
				if inv := CheckInvariants(m, false, comp, ov.Owner); inv != nil {
					fail("owner", "Override breaks an invariant", "Agreement %q would make %s %s under %s, but %s. Contracts may move boundaries, not these.",
						a.Name, ov.Component, ov.Owner, m.ID, inv.Rule)
					break
				}
			}
		}
	}
	return errs
}

// modelsOfType lists the models a resource type can resolve to: its own, or
// those the values of its model-moving condition select (the rule
// one_model_moving_condition allows one such condition).
func modelsOfType(c *Catalog, rt *ResourceType) []*ServiceModel {
	var moved []string
	for _, k := range rt.ConditionKeys {
		cond := rt.Conditions[k]
		effs := cond.Effects()
		if slices.ContainsFunc(effs, func(e *Effect) bool { return e.ServiceModel != "" }) {
			for _, e := range effs {
				moved = append(moved, e.ServiceModel)
			}
			break
		}
	}
	ids := reachableModels(rt.ServiceModel, moved)
	out := make([]*ServiceModel, len(ids))
	for i, id := range ids {
		out[i] = c.ServiceModel(id)
	}
	return out
}
