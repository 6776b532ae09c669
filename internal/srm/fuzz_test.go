// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"errors"
	"strings"
	"testing"
)

// FuzzCustomCatalog feeds arbitrary documents to the custom-catalog parser
// and the merge: no input may panic or hang, and an accepted catalog must
// resolve every one of its types and models.
func FuzzCustomCatalog(f *testing.F) {
	f.Add(`{"resource_types": {"acme_db": {"service_model": "paas", "focus": ["data_protection"], "source": "aws-srm"}}}`)
	f.Add("catalog_version: x\nresource_types:\n  acme_q:\n    service_model: saas\n    source: aws-srm\n")
	f.Add(`{"components": [{"id": "data_access", "cells": {"saas": {"owner": "provider"}}}]}`)
	f.Add(`{"service_models": [{"id": "daas", "name": "d", "description": "d", "cloud": true}]}`)
	f.Add(`{"obligations": [{"id": "runtime.pin", "component": "runtime", "title": "t", "description": "d", "when": "shared"}]}`)
	f.Add(`{"resource_types": {"a_b": {"service_model": "iaas", "source": "aws-srm", "conditions": {"k": {"description": "d", "default": "v", "values": {"v": {"service_model": "on_premises", "cells": {"runtime": {"owner": "shared"}}}}}}}}}`)
	f.Add(`{"resource_types": {"a_b": {"service_model": "iaas", "source": "aws-srm", "cells": {"physical_datacenter": {"owner": "provider"}}, "conditions": {"k": {"description": "d", "default": "v", "values": {"v": {}, "w": {"service_model": "on_premises"}}}}}}}`)
	f.Add(`[1, 2]`)
	f.Add(`{"a": {"a": {"a": [[[[[]]]]]}}}`)
	f.Fuzz(func(t *testing.T, text string) {
		doc, probs := ParseDocument(CustomDocumentName, text)
		if len(probs) > 0 {
			for _, p := range probs {
				if p.Path == "" || p.Message == "" {
					t.Fatalf("problem without path or message: %+v", p)
				}
			}
			return
		}
		c, err := WithCustom(doc)
		if err != nil {
			var ps Problems
			if !errors.As(err, &ps) || len(ps) == 0 {
				t.Fatalf("merge failed without problems: %v", err)
			}
			return
		}
		e := &Engine{Catalog: c}
		for _, m := range c.ServiceModels {
			if _, err := e.Resolve(Request{ServiceModel: m.ID}); err != nil {
				t.Fatalf("model %s of an accepted catalog does not resolve: %v", m.ID, err)
			}
		}
		for _, name := range c.TypeNames {
			r, err := e.Resolve(Request{ResourceType: name})
			if err != nil {
				t.Fatalf("type %s of an accepted catalog does not resolve: %v", name, err)
			}
			holdsInvariants(t, r)
		}
		// Every value of every condition of the custom types, whatever
		// model it moves the type to, keeps the invariants.
		for _, name := range sortedKeys(doc.ResourceTypes) {
			rt := c.ResourceTypes[name]
			for _, k := range rt.ConditionKeys {
				for _, v := range rt.Conditions[k].ValueKeys {
					r, err := e.Resolve(Request{ResourceType: name, Conditions: map[string]string{k: v}})
					if err != nil {
						t.Fatalf("%s with %s=%s does not resolve: %v", name, k, v, err)
					}
					holdsInvariants(t, r)
				}
			}
		}
	})
}

func holdsInvariants(t *testing.T, r *Result) {
	t.Helper()
	for _, rc := range r.Components {
		if inv := CheckInvariants(r.ServiceModel, r.Hybrid, rc.Component, rc.Owner); inv != nil {
			t.Fatalf("%s is %s under %s: %s", rc.Component.ID, rc.Owner, r.ServiceModel.ID, inv.Rule)
		}
	}
}

// FuzzResolveWithOverrides resolves with a random agreement: a valid
// agreement never yields a result that breaks an invariant, and an invalid
// one is rejected with a located error, never a panic.
func FuzzResolveWithOverrides(f *testing.F) {
	f.Add("iaas", "", "network_controls", "shared", "aws_instance", "")
	f.Add("", "aws_lambda_function", "runtime", "customer", "aws_lambda_function", "package_type=Image")
	f.Add("saas", "", "data_access", "provider", "", "")
	f.Add("", "", "physical_hosts", "customer", "google_container_cluster", "enable_autopilot=true")
	f.Add("paas", "", "configuration", "shared", "aws_db_instance", "x=y")
	c := MustBuiltin()
	f.Fuzz(func(t *testing.T, model, rtype, component, owner, target, condition string) {
		ov := Override{ServiceModel: model, ResourceType: rtype, Component: component, Owner: Owner(owner), Reason: "fuzz"}
		if ov.Owner == OwnerShared {
			ov.ProviderPart, ov.CustomerPart = "p", "c"
		}
		a := &Agreement{Name: "fuzz", Overrides: []Override{ov}}
		errs := ValidateAgreements(c, []*Agreement{a})
		for _, e := range errs {
			if e.Attribute == "" || e.Detail == "" {
				t.Fatalf("unlocated agreement error: %+v", e)
			}
		}
		if len(errs) > 0 {
			return
		}
		e := &Engine{Catalog: c, Agreements: map[string]*Agreement{"fuzz": a}}
		req := Request{Agreement: "fuzz"}
		if c.ResourceTypes[target] != nil {
			req.ResourceType = target
			if k, v, ok := strings.Cut(condition, "="); ok {
				req.Conditions = map[string]string{k: v}
			}
		} else {
			req.ServiceModel = target
		}
		r, err := e.Resolve(req)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || ie.Field == "" {
				t.Fatalf("unlocated error: %v", err)
			}
			return
		}
		holdsInvariants(t, r)
	})
}
