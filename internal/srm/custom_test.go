// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"strings"
	"testing"
)

func TestParseDocumentErrors(t *testing.T) {
	cases := []struct {
		name, text, path, msg string
	}{
		{"empty", "  ", "$", "the document is empty"},
		{"bad json", `{"resource_types": {`, "$", "not valid JSON"},
		{"bad yaml", "resource_types: [\n  - a\n b", "$", "not valid YAML"},
		{"unknown field", `{"resource_types": {"acme_db": {"service_model": "paas", "sorce": "x"}}}`,
			"$.resource_types.acme_db.sorce", `unknown field "sorce"; did you mean "source"`},
		{"wrong type", `{"obligations": [{"id": "a.b", "component": 3}]}`, "$.obligations[0].component", "expected a string, got the number 3"},
		{"wrong container", `{"service_models": {"id": "x"}}`, "$.service_models", "expected a list, got an object"},
		{"null", `{"layers": null}`, "$.layers", "null is not allowed"},
		{"duplicate key", `{"resource_types": {"a_b": {}, "a_b": {}}}`, "$.resource_types.a_b", "duplicate key"},
		{"trailing", `{} {}`, "$", "unexpected content"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, probs := ParseDocument(CustomDocumentName, tc.text)
			if len(probs) == 0 {
				t.Fatal("accepted")
			}
			if probs[0].Path != tc.path || !strings.Contains(probs[0].Message, tc.msg) {
				t.Errorf("got %s: %s; want %s: ...%s...", probs[0].Path, probs[0].Message, tc.path, tc.msg)
			}
		})
	}
}

func TestCustomCatalogMerges(t *testing.T) {
	yamlDoc := `
catalog_version: acme.3
sources:
  acme-arch:
    title: ACME architecture board decision 12
    url: https://acme.example/adr/12
    as_of: "2026-10-01"
resource_types:
  acme_database:
    service_model: paas
    class: data_store
    focus: [data_protection]
    source: acme-arch
  aws_instance:
    service_model: iaas
    class: compute_host
    focus: [operating_system]
    source: acme-arch
    rationale: ACME hardens its own images.
obligations:
  - id: data_protection.escrow_keys
    component: data_protection
    title: Escrow encryption keys
    description: Keep a copy of every key with the ACME key escrow.
    controls: {nist_800_53_r5: [SC-12]}
`
	doc, probs := ParseDocument(CustomDocumentName, yamlDoc)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	c, err := WithCustom(doc)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(c.Version, "+acme.3") {
		t.Errorf("version = %s", c.Version)
	}
	e := &Engine{Catalog: c}
	r, err := e.Resolve(Request{ResourceType: "acme_database"})
	if err != nil {
		t.Fatal(err)
	}
	if r.ServiceModel.ID != "paas" || !contains(r.CustomerObligationIDs(), "data_protection.escrow_keys") {
		t.Errorf("custom type resolved to %s with %v", r.ServiceModel.ID, r.CustomerObligationIDs())
	}
	if rt := c.ResourceTypes["aws_instance"]; rt.Rationale != "ACME hardens its own images." {
		t.Error("custom catalog did not replace the built-in aws_instance entry")
	}
	if len(c.TypeNames) <= 2 {
		t.Error("built-in types lost in the merge")
	}
}

func TestCustomCatalogSemanticErrors(t *testing.T) {
	cases := []struct{ name, doc, path, msg string }{
		{"dangling model", `{"resource_types": {"acme_x": {"service_model": "daas", "source": "aws-srm"}}}`,
			"$.resource_types.acme_x.service_model", `unknown service model "daas"`},
		{"dangling component", `{"obligations": [{"id": "network.filter", "component": "network", "title": "t", "description": "d"}]}`,
			"$.obligations[0].component", `unknown component "network"`},
		{"invariant", `{"components": [{"id": "data_access", "cells": {"saas": {"owner": "provider", "source": "aws-srm"}}}]}`,
			"$.components[0].cells.saas.owner", "customer retains data security"},
		{"invariant in a condition", `{"resource_types": {"acme_x": {"service_model": "iaas", "class": "compute_host", "source": "aws-srm", "conditions": {"mode": {"description": "d", "default": "a", "values": {"a": {"cells": {"physical_hosts": {"owner": "customer"}}}}}}}}}`,
			"$.resource_types.acme_x.conditions.mode.values.a.cells.physical_hosts.owner", "provider keeps the physical layer of its cloud"},
		{"malformed control", `{"obligations": [{"id": "data_access.x", "component": "data_access", "title": "t", "description": "d", "controls": {"nist_800_53_r5": ["sc28"]}}]}`,
			"$.obligations[0].controls.nist_800_53_r5[0]", "not a well-formed"},
		{"new model without cells", `{"service_models": [{"id": "daas", "name": "Desktop", "description": "d", "cloud": true}]}`,
			"$.service_models[0]", `component "physical_datacenter" has no cell for service model "daas"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc, probs := ParseDocument(CustomDocumentName, tc.doc)
			if len(probs) > 0 {
				t.Fatal(probs)
			}
			_, err := WithCustom(doc)
			ps, ok := err.(Problems)
			if !ok || len(ps) == 0 {
				t.Fatalf("want problems, got %v", err)
			}
			if ps[0].Path != tc.path || !strings.Contains(ps[0].Message, tc.msg) {
				t.Errorf("got %s: %s: %s; want %s ...%s...", ps[0].Document, ps[0].Path, ps[0].Message, tc.path, tc.msg)
			}
		})
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
