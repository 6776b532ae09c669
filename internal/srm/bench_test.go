// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"fmt"
	"testing"
)

// Targets (issue "Performance"): resolution ≤ 5 µs/op with a bounded number
// of allocations; catalog load ≤ 5 ms. `make bench` runs these.

func BenchmarkResolveServiceModel(b *testing.B) {
	e := engine()
	req := Request{ServiceModel: "paas"}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Resolve(req); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkResolveWithConditions(b *testing.B) {
	e := engine()
	req := Request{ResourceType: "aws_lambda_function", Conditions: map[string]string{"package_type": "Image", "update_runtime_on": "Manual"}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Resolve(req); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkResolveWithAgreementAndAcceptance(b *testing.B) {
	c := MustBuiltin()
	a := &Agreement{Name: "fw", Overrides: []Override{{ServiceModel: "paas", Component: "network_controls", Owner: OwnerProvider, Reason: "r"}}}
	e := &Engine{Catalog: c, Agreements: map[string]*Agreement{"fw": a}}
	req := Request{ResourceType: "aws_db_instance", Agreement: "fw",
		Accepted: []string{"data_protection.encrypt_at_rest", "accounts_and_access.enforce_mfa"}}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := e.Resolve(req); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCatalogLoad builds the built-in documents and compiles them from
// scratch, as a provider process does once at start.
func BenchmarkCatalogLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile(builtinDocuments()...); err != nil {
			b.Fatal(err)
		}
	}
}

func hundredResources(b *testing.B) *Assessment {
	b.Helper()
	c := MustBuiltin()
	items := map[string]AssessItem{}
	for i := 0; i < 100; i++ {
		name := c.TypeNames[(i*7)%len(c.TypeNames)]
		items[fmt.Sprintf("%s.r%d", name, i)] = AssessItem{ResourceType: name}
	}
	a, err := (&Engine{Catalog: c}).Assess(items, nil, "")
	if err != nil {
		b.Fatal(err)
	}
	return a
}

func BenchmarkMarkdown100(b *testing.B) {
	a := hundredResources(b)
	b.ReportAllocs()
	for b.Loop() {
		_ = a.Markdown()
	}
}

func BenchmarkOSCAL100(b *testing.B) {
	a := hundredResources(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := a.OSCAL(); err != nil {
			b.Fatal(err)
		}
	}
}
