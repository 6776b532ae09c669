// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"fmt"
	"sort"
)

// ControlSplit divides the controls of one framework between the parties
// for a resolved resource, in the FedRAMP sense of inherited and
// customer-configured parts.
type ControlSplit struct {
	Framework string
	// Customer are controls only the customer's obligations address: the
	// customer must evidence them.
	Customer []string
	// Inherited are controls only the provider covers, through the
	// components it owns: the customer inherits them (and evidences them
	// with the provider's attestations).
	Inherited []string
	// Shared are controls both parties address: each evidences its part.
	Shared []string
}

// ValidateFrameworks checks framework ids against the catalog.
func (c *Catalog) ValidateFrameworks(ids []string) error {
	for _, id := range ids {
		if c.Frameworks[id] == nil {
			return unknownID{kind: "framework", of: "the catalog", id: id, defined: c.FrameworkIDs}.inputError("frameworks", id)
		}
	}
	return nil
}

// Controls splits the controls of a framework between customer, provider
// and both, from the owners of the resolved components: a provider-owned or
// shared component contributes its provider controls, and every customer
// obligation contributes its controls. Agreements and conditions move
// controls exactly as they move the components.
func (r *Result) Controls(framework string) ControlSplit {
	provider, customer := r.controlSets(framework)
	split := ControlSplit{Framework: framework, Customer: []string{}, Inherited: []string{}, Shared: []string{}}
	for id := range customer {
		if provider[id] {
			split.Shared = append(split.Shared, id)
		} else {
			split.Customer = append(split.Customer, id)
		}
	}
	for id := range provider {
		if !customer[id] {
			split.Inherited = append(split.Inherited, id)
		}
	}
	for _, l := range [][]string{split.Customer, split.Inherited, split.Shared} {
		sort.Slice(l, func(i, j int) bool { return controlLess(l[i], l[j]) })
	}
	return split
}

// controlSets returns the controls of a framework that the provider covers
// (through the components it owns or shares) and those the customer's
// obligations address.
func (r *Result) controlSets(framework string) (provider, customer map[string]bool) {
	provider, customer = map[string]bool{}, map[string]bool{}
	for _, rc := range r.Components {
		if rc.Owner != OwnerCustomer {
			for _, id := range rc.Component.ProviderControls[framework] {
				provider[id] = true
			}
		}
	}
	for _, o := range r.CustomerObligations {
		for _, id := range o.Controls[framework] {
			customer[id] = true
		}
	}
	return provider, customer
}

// controlLess orders control ids naturally: AC-2 < AC-2(1) < AC-6 < AC-17.
func controlLess(a, b string) bool {
	ka, kb := controlKey(a), controlKey(b)
	for i := 0; i < len(ka) && i < len(kb); i++ {
		if ka[i] != kb[i] {
			return ka[i] < kb[i]
		}
	}
	return len(ka) < len(kb)
}

func controlKey(id string) []string {
	var key []string
	num := ""
	flush := func() {
		if num != "" {
			key = append(key, fmt.Sprintf("%08s", num))
			num = ""
		}
	}
	word := ""
	for _, ch := range id {
		switch {
		case ch >= '0' && ch <= '9':
			if word != "" {
				key, word = append(key, word), ""
			}
			num += string(ch)
		case ch == '-' || ch == '(' || ch == ')' || ch == '.':
			flush()
			if word != "" {
				key, word = append(key, word), ""
			}
		default:
			flush()
			word += string(ch)
		}
	}
	flush()
	if word != "" {
		key = append(key, word)
	}
	return key
}
