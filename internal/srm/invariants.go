// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import "strings"

// Invariant is a rule of the shared responsibility model itself: no catalog
// entry, custom catalog, condition or agreement may break it.
type Invariant struct {
	ID string
	// Rule is the rule in plain words, used in error messages and docs.
	Rule string
	// applies reports whether the rule concerns a component.
	applies func(c *Component) bool
	// holds reports whether an owner is allowed under a model, for a
	// resource that is hybrid (on hardware on the customer's site) or not.
	holds func(m *ServiceModel, hybrid bool, o Owner) bool
}

// Invariants are the rules of the model, in the order they are checked.
var Invariants = []Invariant{
	{
		ID:      "customer_keeps_data",
		Rule:    "the customer retains data security in every model: data_* components are never provider-owned",
		applies: func(c *Component) bool { return strings.HasPrefix(c.ID, "data_") || c.Layer == "data" },
		holds:   func(_ *ServiceModel, _ bool, o Owner) bool { return o != OwnerProvider },
	},
	{
		ID:      "customer_keeps_access",
		Rule:    "the customer retains user access in every model: accounts_and_access is never provider-owned",
		applies: func(c *Component) bool { return c.ID == "accounts_and_access" },
		holds:   func(_ *ServiceModel, _ bool, o Owner) bool { return o != OwnerProvider },
	},
	{
		ID:      "customer_keeps_configuration",
		Rule:    "misconfiguration stays with the customer: configuration is never provider-owned",
		applies: func(c *Component) bool { return c.ID == "configuration" },
		holds:   func(_ *ServiceModel, _ bool, o Owner) bool { return o != OwnerProvider },
	},
	{
		ID:      "provider_keeps_physical",
		Rule:    "the provider keeps the physical layer of its cloud: in every cloud model, physical_* components are provider-owned unless the resource is hybrid (its hardware is on the customer's site)",
		applies: func(c *Component) bool { return strings.HasPrefix(c.ID, "physical_") },
		holds:   func(m *ServiceModel, hybrid bool, o Owner) bool { return !m.Cloud || hybrid || o == OwnerProvider },
	},
	{
		ID:      "on_premises_is_customer",
		Rule:    "on premises the customer runs everything: every component of a model that is not a cloud model is customer-owned",
		applies: func(*Component) bool { return true },
		holds:   func(m *ServiceModel, _ bool, o Owner) bool { return m.Cloud || o == OwnerCustomer },
	},
}

// CheckInvariants returns the first invariant that owner o of component c
// under model m breaks, or nil; hybrid says that the resource runs on
// hardware on the customer's site.
func CheckInvariants(m *ServiceModel, hybrid bool, c *Component, o Owner) *Invariant {
	for i := range Invariants {
		inv := &Invariants[i]
		if inv.applies(c) && !inv.holds(m, hybrid, o) {
			return inv
		}
	}
	return nil
}

// IsSiteComponent reports whether a component belongs to the site the
// hardware stands on (physical_*, virtualization): the provider's in its
// cloud, the customer's for hybrid resources. Conditions that make a
// resource hybrid are not assumed (see the rule conservative_default).
//
// Only physical_* are bound by an invariant (provider_keeps_physical).
// virtualization is not: a hypervisor the customer runs on the provider's
// hardware (Amazon EVS: ESXi on EC2 bare-metal hosts) is the customer's under
// a cloud model without the resource being hybrid, while the facility, the
// network and the hosts stay the provider's; and a hybrid resource may leave
// the hardware the provider maintains on the customer's site to the
// provider (AWS Outposts), the invariant only allowing, never requiring, a
// customer-owned physical layer there.
func IsSiteComponent(id string) bool {
	return strings.HasPrefix(id, "physical_") || id == "virtualization"
}
