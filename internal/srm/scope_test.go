// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"slices"
	"strings"
	"testing"
)

func TestAddressPatternMatch(t *testing.T) {
	cases := []struct {
		pattern, address string
		want             bool
	}{
		// A module and everything below it, keyed instances of the module included.
		{"module.payments.*", "module.payments.aws_db_instance.orders", true},
		{"module.payments.*", "module.payments.module.ledger.aws_s3_bucket.journal", true},
		{"module.payments.*", `module.payments["eu"].aws_db_instance.orders[0]`, true},
		{"module.payments.*", "module.payments_v2.aws_db_instance.orders", false},
		{"module.payments.*", "aws_db_instance.orders", false},
		{"module.payments.*", "module.other.module.payments.aws_db_instance.orders", false},
		{"module.*.module.ledger.*", "module.payments.module.ledger.aws_s3_bucket.journal", true},
		{`module.payments["eu"].*`, `module.payments["eu"].aws_db_instance.orders`, true},
		{`module.payments["eu"].*`, `module.payments["us"].aws_db_instance.orders`, false},
		// Every root-module instance of a type.
		{"aws_instance.*", "aws_instance.web", true},
		{"aws_instance.*", "aws_instance.web[3]", true},
		{"aws_instance.*", `aws_instance.web["blue"]`, true},
		{"aws_instance.*", "module.fleet.aws_instance.web", false},
		{"aws_instance.*", "aws_instance_state.web", false},
		{"*.aws_instance.*", "module.fleet.aws_instance.web", true},
		// An unkeyed resource covers its count and for_each instances.
		{"aws_instance.web", "aws_instance.web[0]", true},
		{"aws_instance.web", `aws_instance.web["a.b"]`, true},
		{"aws_instance.web", "aws_instance.web2", false},
		{"aws_instance.web[0]", "aws_instance.web[1]", false},
		{"aws_instance.web[*]", "aws_instance.web[1]", true},
		{"aws_instance.web[*]", "aws_instance.web", false},
		{"*", "module.a.aws_instance.web[0]", true},
		{"aws_*.orders", "aws_db_instance.orders", true},
		{"aws_*.orders", "google_sql_database_instance.orders", false},
	}
	for _, tc := range cases {
		p, err := ParseAddressPattern(tc.pattern)
		if err != nil {
			t.Fatalf("%s: %v", tc.pattern, err)
		}
		if got := p.Match(tc.address); got != tc.want {
			t.Errorf("%s matches %s: got %v, want %v", tc.pattern, tc.address, got, tc.want)
		}
	}
}

func TestAddressPatternMalformed(t *testing.T) {
	cases := map[string]string{
		"":                     "it is empty",
		"module..x":            "expected a name (letters, digits, _ or -) at position 8",
		"module.payments.":     "expected a name (letters, digits, _ or -) at the end",
		"aws_instance.web[":    "expected an instance key",
		`aws_instance.web["a]`: `not closed with "`,
		"aws_instance.web[0":   "expected ] after the instance key",
		"aws_instance web":     `expected . between the parts of the address at position 13 (" ")`,
		"module/payments":      `position 7 ("/")`,
	}
	for pattern, want := range cases {
		_, err := ParseAddressPattern(pattern)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want an error containing %q", pattern, err, want)
		}
	}
}

func TestParseResourceAddress(t *testing.T) {
	cases := []struct {
		address, typ string
		modules      []string
		err          string
	}{
		{address: "aws_db_instance.orders", typ: "aws_db_instance"},
		{address: `module.x.aws_db_instance.orders["a"]`, typ: "aws_db_instance", modules: []string{"x"}},
		{address: `module.x[0].module.y["k"].aws_instance.web[2]`, typ: "aws_instance", modules: []string{"x", "y"}},
		{address: "module.x", err: "names a module"},
		{address: "data.aws_ami.ubuntu", err: "names a data source"},
		{address: "orders", err: "expected [module.<name>.]...<type>.<name>"},
		{address: "aws_db_instance[0].orders", err: "expected [module.<name>.]"},
		{address: "aws_db_instance.*", err: "a wildcard is only allowed in a scope pattern"},
	}
	for _, tc := range cases {
		a, err := ParseResourceAddress(tc.address)
		switch {
		case tc.err != "":
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: got %v, want an error containing %q", tc.address, err, tc.err)
			}
		case err != nil:
			t.Errorf("%s: %v", tc.address, err)
		case a.Type != tc.typ || !slices.Equal(a.Modules, tc.modules):
			t.Errorf("%s: got %+v, want type %s in %v", tc.address, a, tc.typ, tc.modules)
		}
	}
}

func TestScopeLabel(t *testing.T) {
	patterns := []string{`module.b["x,y"].*`, "aws_instance.*"}
	label := ScopeLabel(patterns)
	if label != `scope:aws_instance.*,module.b["x,y"].*` {
		t.Errorf("label %s", label)
	}
	got, ok := ParseScopeLabel(label)
	if !ok || !slices.Equal(got, []string{"aws_instance.*", `module.b["x,y"].*`}) {
		t.Errorf("parsed %v, %v", got, ok)
	}
	if _, ok := ParseScopeLabel("aws_db_instance.orders"); ok {
		t.Error("an address is not a scope label")
	}
}
