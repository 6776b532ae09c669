// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"os"
	"path/filepath"
	"testing"
)

// Plans built by the real CLIs. testdata/real/config is applied once
// (generation 1) and planned again on top (generation 2: a create with an
// unknown value, an update, a replacement, a deletion, unchanged resources
// in a module with count); the JSON of that plan and of the applied state
// is committed under testdata/real as <cli>-plan.json and <cli>-state.json,
// so that TestReviewRealPlans reviews what the CLIs print without running
// them, and TestAccReviewRealPlans (TF_ACC) rebuilds it with the CLI of
// TF_ACC_TERRAFORM_PATH and checks that its review is still the golden one.

// realCases are the reviews of a real plan and state, with their golden
// files (the same for every CLI).
var realCases = []struct {
	golden string
	file   string // plan or state
	args   []string
}{
	{"real-plan.txt", "plan", nil},
	{"real-plan.md", "plan", []string{"-format", "markdown"}},
	{"real-plan-all.json", "plan", []string{"-all", "-format", "json", "-agreement", "managed-network"}},
	{"real-state.json", "state", []string{"-format", "json", "-catalog", "CATALOG"}},
}

// reviewReal reviews the plan or state JSON of one CLI (files in dir named
// <cli>-plan.json and <cli>-state.json) for every real case.
func reviewReal(t *testing.T, dir, cli string) {
	t.Helper()
	catalog := filepath.Join(t.TempDir(), "catalog.json")
	if err := os.WriteFile(catalog, []byte(literalCatalog(t, filepath.Join(dir, cli+"-plan.json"))), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range realCases {
		t.Run(cli+"/"+tc.golden, func(t *testing.T) {
			args := append([]string{}, tc.args...)
			for i, a := range args {
				if a == "CATALOG" {
					args[i] = catalog
				}
			}
			args = append(args, filepath.Join(dir, cli+"-"+tc.file+".json"))
			status, out, stderr := runReview(t, "", args...)
			if status != 0 {
				t.Fatalf("exit %d: %s", status, stderr)
			}
			checkGolden(t, tc.golden, out)
		})
	}
}

// literalCatalog returns the catalog written literally in the plan's srm
// provider block: the state carries no configuration, so its review takes
// it as -catalog.
func literalCatalog(t *testing.T, planFile string) string {
	t.Helper()
	data, err := os.ReadFile(planFile)
	if err != nil {
		t.Fatal(err)
	}
	doc, _, err := parseDocument(data)
	if err != nil {
		t.Fatal(err)
	}
	pc := srmProvider(doc)
	if pc == nil {
		t.Fatal("no srm provider block in the plan")
	}
	s, err := literalString(pc.Expressions, "catalog", "srm provider")
	if err != nil || s == "" {
		t.Fatalf("no literal catalog: %v", err)
	}
	return s
}

func TestReviewRealPlans(t *testing.T) {
	for _, cli := range []string{"terraform", "tofu"} {
		if _, err := os.Stat(filepath.Join("testdata", "real", cli+"-plan.json")); err != nil {
			t.Fatalf("%v: run TF_ACC=1 TF_ACC_TERRAFORM_PATH=<%s> go test ./internal/review -run TestAccReviewRealPlans -update", err, cli)
		}
		reviewReal(t, filepath.Join("testdata", "real"), cli)
	}
}

func TestAccReviewRealPlans(t *testing.T) {
	w := newCLIWorkFrom(t, filepath.Join("testdata", "real", "config"), map[string]string{"payments": "payments"})
	w.must("apply", "-auto-approve", "-input=false", "-no-color", "-var", "generation=1")
	state := w.must("show", "-json")
	plan := w.planJSON("-var", "generation=2")

	out := filepath.Join(t.TempDir(), "json")
	if *update {
		out = filepath.Join("testdata", "real")
	}
	saveJSON(t, out, w.cli+"-plan.json", plan)
	saveJSON(t, out, w.cli+"-state.json", state)
	reviewReal(t, out, w.cli)
}
