// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// A real type one edit from a type entry is listed by name in its service,
// or named for its part to list it; other types are left to the prefixes.
func TestListNearTypes(t *testing.T) {
	c := srm.MustBuiltin()
	ex := &extraction{Provider: "aws",
		Services: []extractedService{{ID: "aws/rds", Prefixes: []string{"aws_db_"}}, {ID: "aws/ec2"}},
		Rows: []row{
			{Kind: "type", Name: "aws_db_instancf", Service: "aws/rds"},    // one edit from the entry aws_db_instance
			{Kind: "type", Name: "aws_db_instance", Service: "aws/rds"},    // the entry itself
			{Kind: "type", Name: "aws_db_proxy_xyzzy", Service: "aws/rds"}, // near no entry
			{Kind: "prefix", Name: "aws_db_instancf", Service: "aws/rds"},
		}}
	var w bytes.Buffer
	listNearTypes(c, ex, &w)
	if got := ex.Services[0].Types; !slices.Equal(got, []string{"aws_db_instancf"}) {
		t.Errorf("aws/rds lists %v, want [aws_db_instancf]", got)
	}
	if w.Len() != 0 {
		t.Errorf("unexpected output %q", w.String())
	}

	part := c.ServiceOf("google_compute_backend_servicf")
	if part == nil || !strings.Contains(part.Type, ".") || c.EntryOneEditFrom("google_compute_backend_servicf") == "" {
		t.Fatalf("the fixture no longer holds: google_compute_backend_servicf is answered by %v", part)
	}
	ex = &extraction{Provider: "google", Services: []extractedService{{ID: "google/compute"}},
		Rows: []row{{Kind: "type", Name: "google_compute_backend_servicf", Service: "google/compute"}}}
	listNearTypes(c, ex, &w)
	if len(ex.Services[0].Types) != 0 || !strings.Contains(w.String(), "answered by part "+part.Type) {
		t.Errorf("a type a part answers: service lists %v, output %q", ex.Services[0].Types, w.String())
	}
}

// typeRows returns the service of each row of an extraction that lists
// types; a row of another kind is an error.
func typeRows(t *testing.T, ex *extraction) map[string]string {
	t.Helper()
	rows := map[string]string{}
	for _, r := range ex.Rows {
		if r.Kind != "type" {
			t.Errorf("row %+v: kind %q, want type", r, r.Kind)
		}
		rows[r.Name] = r.Service
	}
	return rows
}
