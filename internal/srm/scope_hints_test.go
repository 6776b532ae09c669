// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"slices"
	"testing"
	"time"
)

func TestModuleOnlyPattern(t *testing.T) {
	t.Parallel()
	for p, want := range map[string]string{
		`module.payments`:               `module.payments.*`,
		`module.shop["eu"]`:             `module.shop["eu"].*`,
		`module.shop[0]`:                `module.shop[0].*`,
		`module.a.module.b`:             `module.a.module.b.*`,
		`module.payments.*`:             "",
		`module.*`:                      "", // covers every module's resources
		`module.pay*`:                   "",
		`module.shop[*]`:                "",
		`aws_instance.*`:                "",
		`module.payments.aws_db.orders`: "",
		`module`:                        "",
		`module..x`:                     "", // malformed: its own error
	} {
		if got := ModuleOnlyPattern(p); got != want {
			t.Errorf("ModuleOnlyPattern(%s) = %q, want %q", p, got, want)
		}
	}
}

func TestScopeSuggestions(t *testing.T) {
	t.Parallel()
	got := ScopeSuggestions([]string{
		`module.payments.aws_db_instance.orders`,
		`module.shop["eu"].module.db.aws_db_instance.main[0]`,
		`aws_instance.web`,
		`not an address`,
	})
	want := []string{
		`*.aws_db_instance.*`, `aws_instance.*`, `module.payments.*`, `module.shop.*`,
		`module.shop["eu"].*`, `module.shop["eu"].module.db.*`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("ScopeSuggestions = %q\nwant %q", got, want)
	}
	if near := Closest("module.paymnets.*", got, 2); len(near) == 0 || near[0] != "module.payments.*" {
		t.Errorf("Closest(module.paymnets.*) = %q, want module.payments.* first", near)
	}
}

// An assessment names the records that cover none of its resources,
// expired ones included.
func TestAssessmentUnmatchedRecords(t *testing.T) {
	t.Parallel()
	e := &Engine{Catalog: MustBuiltin()}
	items := map[string]AssessItem{
		"module.payments.aws_db_instance.orders": {ResourceType: "aws_db_instance"},
		"aws_instance.web":                       {ResourceType: "aws_instance"},
	}
	records := []AcceptanceRecord{
		{Scope: []string{"module.payments.*"}, Obligations: []string{"*"}, AcceptedBy: "a"},
		{Scope: []string{"module.paymnets.*"}, Obligations: []string{"*"}, AcceptedBy: "b"},
		{Scope: []string{"*"}, ResourceType: "aws_s3_bucket", Obligations: []string{"*"}, AcceptedBy: "c"},
		{ResourceAddress: "aws_instance.web", Obligations: []string{"*"}, AcceptedBy: "d", ReviewBy: "2020-01-01"},
		{ResourceAddress: "aws_instance.wbe", Obligations: []string{"*"}, AcceptedBy: "e"},
		{Scope: []string{"*"}, ServiceModel: "iaas", Obligations: []string{"*"}, AcceptedBy: "f"},
	}
	a, err := e.AssessWithRecords(items, nil, records, "", time.Date(2029, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{1, 2, 4}; !slices.Equal(a.Unmatched, want) {
		t.Errorf("Unmatched = %v, want %v", a.Unmatched, want)
	}
}
