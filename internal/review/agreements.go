// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// Agreements are provider configuration (agreement blocks of the srm
// provider), and the catalog format has none. The plan's JSON carries the
// configuration, with every literal value as a constant_value: the review
// reads the agreements of the root module's srm provider block from there,
// so that `-agreement NAME` means what it means in the configuration. A
// value that is not literal (a variable, a function call) cannot be read
// from a plan: the review says which and stops rather than guess.

// expression is one attribute of the configuration's "expressions
// representation".
type expression struct {
	ConstantValue json.RawMessage `json:"constant_value"`
	References    []string        `json:"references"`
}

// srmProvider returns the root module's default srm provider block of the
// plan's configuration, or nil.
func srmProvider(doc *document) *providerConfig {
	if doc.Configuration == nil {
		return nil
	}
	for key, pc := range doc.Configuration.ProviderConfig {
		name := pc.Name
		if name == "" {
			name = key
		}
		if name == "srm" && pc.Alias == "" && pc.ModuleAddress == "" {
			pc := pc
			return &pc
		}
	}
	return nil
}

// literalString reads a literal string attribute of a block; absent or null
// is "", a non-literal value an error.
func literalString(block map[string]json.RawMessage, name, where string) (string, error) {
	raw, ok := block[name]
	if !ok {
		return "", nil
	}
	var e expression
	if err := json.Unmarshal(raw, &e); err != nil {
		return "", inputErrorf("%s: %s is not an expression: %v", where, name, err)
	}
	if len(e.ConstantValue) == 0 {
		return "", inputErrorf("%s: %s is not a literal value (it refers to %s): the review reads agreements from the plan's configuration only when written literally",
			where, name, strings.Join(append(e.References, "a computed value")[:max(1, len(e.References))], ", "))
	}
	if isNull(e.ConstantValue) {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(e.ConstantValue, &s); err != nil {
		return "", inputErrorf("%s: %s is not a string", where, name)
	}
	return s, nil
}

// blocks decodes the nested blocks of a block.
func blocks(block map[string]json.RawMessage, name, where string) ([]map[string]json.RawMessage, error) {
	raw, ok := block[name]
	if !ok {
		return nil, nil
	}
	var out []map[string]json.RawMessage
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, inputErrorf("%s: %s blocks cannot be read from the plan's configuration (%v)", where, name, err)
	}
	return out, nil
}

// planAgreement reads the agreement named name from the plan's srm
// provider block; nil when there is none of that name.
func planAgreement(doc *document, name string) (*srm.Agreement, []string, error) {
	pc := srmProvider(doc)
	if pc == nil {
		return nil, nil, nil
	}
	list, err := blocks(pc.Expressions, "agreement", "srm provider configuration")
	if err != nil {
		return nil, nil, err
	}
	var names []string
	for i, ab := range list {
		where := fmt.Sprintf("srm provider configuration, agreement %d", i+1)
		n, err := literalString(ab, "name", where)
		if err != nil || n != name {
			if err == nil {
				names = append(names, n)
			}
			continue
		}
		a := &srm.Agreement{Name: n}
		if a.Description, err = literalString(ab, "description", where); err != nil {
			return nil, nil, err
		}
		ovs, err := blocks(ab, "override", where)
		if err != nil {
			return nil, nil, err
		}
		for j, ob := range ovs {
			at := fmt.Sprintf("%s (%q), override %d", where, a.Name, j+1)
			var ov srm.Override
			var owner string
			for _, f := range []struct {
				name string
				dst  *string
			}{{"service_model", &ov.ServiceModel}, {"resource_type", &ov.ResourceType}, {"component", &ov.Component},
				{"owner", &owner}, {"provider_part", &ov.ProviderPart}, {"customer_part", &ov.CustomerPart},
				{"reason", &ov.Reason}, {"reference", &ov.Reference}} {
				if *f.dst, err = literalString(ob, f.name, at); err != nil {
					return nil, nil, err
				}
			}
			ov.Owner = srm.Owner(owner)
			a.Overrides = append(a.Overrides, ov)
		}
		return a, nil, nil
	}
	return nil, names, nil
}

// engineFor builds the engine of a review: the catalog, and the plan's
// agreements when one is asked for.
func engineFor(cat *srm.Catalog, doc *document, agreement string) (*srm.Engine, error) {
	engine := &srm.Engine{Catalog: cat}
	if agreement == "" {
		return engine, nil
	}
	if doc.Configuration == nil {
		return nil, inputErrorf("-agreement %q: the input has no configuration (a state, or a plan without it); agreements are read from a plan's srm provider configuration", agreement)
	}
	a, names, err := planAgreement(doc, agreement)
	if err != nil {
		return nil, err
	}
	if a == nil {
		defined := "the plan's srm provider configuration defines none with a literal name"
		if len(names) > 0 {
			defined = "the plan's srm provider configuration defines " + strings.Join(names, ", ")
		}
		return nil, inputErrorf("-agreement %q is not an agreement: %s", agreement, defined)
	}
	if errs := srm.ValidateAgreements(cat, []*srm.Agreement{a}); len(errs) > 0 {
		e := errs[0]
		return nil, inputErrorf("srm provider configuration, agreement %q: %s: %s", agreement, e.Summary, e.Detail)
	}
	engine.Agreements = map[string]*srm.Agreement{a.Name: a}
	return engine, nil
}
