// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"encoding/json"
	"fmt"
	"sort"
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

// BenchmarkCatalogLoad builds the built-in catalog from scratch, as a
// provider process does once at start: the documents' Go values, merged and
// built without the rules.
func BenchmarkCatalogLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := compileTrusted(builtinDocumentList(), builtinTypes[:]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCatalogCompile compiles the built-in documents with every rule,
// as a custom catalog is (on top of them) when the provider is configured.
func BenchmarkCatalogCompile(b *testing.B) {
	docs := builtinDocuments()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile(docs...); err != nil {
			b.Fatal(err)
		}
	}
}

// syntheticTypes is the built-in table of resource types grown to n types
// with copies of its entries under new names: the catalog of thousands of
// types the start-up budget (10 ms to the first answer for 5,000 types) is
// set for.
func syntheticTypes(n int) []builtinType {
	all := builtinTypes[:]
	out := append([]builtinType(nil), all...)
	for i := 0; len(out) < n; i++ {
		t := all[i%len(all)]
		t.name = fmt.Sprintf("%s_copy%d", t.name, i/len(all))
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// BenchmarkCatalogLoad5000 is BenchmarkCatalogLoad with 5,000 types. The
// generated table is static data, so its cost is not measured here; with
// it, a process start to the first answer takes about 2 ms more than an
// empty Go program (see CONTRIBUTING.md).
func BenchmarkCatalogLoad5000(b *testing.B) {
	types := syntheticTypes(5000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := compileTrusted(builtinDocumentList(), types); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCatalogCompile5000 is BenchmarkCatalogCompile with 5,000 types:
// what configuring a custom catalog costs on top of such a catalog.
func BenchmarkCatalogCompile5000(b *testing.B) {
	docs := withTypes(builtinDocumentList(), syntheticTypes(5000))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compile(docs...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDecodeJSON measures the alternative to generated Go values:
// embedding the JSON documents and decoding them at start with
// encoding/json. Decoding alone costs more than the whole generated path,
// and the gap grows with the number of types.
func BenchmarkDecodeJSON(b *testing.B) {
	for _, n := range []int{len(builtinTypes), 5000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			var raw [][]byte
			for _, nd := range withTypes(builtinDocumentList(), syntheticTypes(n)) {
				j, err := json.Marshal(nd.Document)
				if err != nil {
					b.Fatal(err)
				}
				raw = append(raw, j)
			}
			b.ReportAllocs()
			for b.Loop() {
				for _, j := range raw {
					var d Document
					if err := json.Unmarshal(j, &d); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
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
