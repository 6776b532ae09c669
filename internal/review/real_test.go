// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
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
	cliPath, cli := accCLI(t)
	tmp := t.TempDir()
	// The provider, served through dev_overrides (no init, no registry).
	pluginDir := filepath.Join(tmp, "plugins")
	build := exec.Command("go", "build", "-o", filepath.Join(pluginDir, "terraform-provider-srm"), "../..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cliConfig := filepath.Join(tmp, "dev.tfrc")
	if err := os.WriteFile(cliConfig, []byte(`provider_installation {
  dev_overrides {
    "shared-responsibility/srm" = "`+pluginDir+`"
  }
  direct {}
}
`), 0o644); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(tmp, "work")
	if err := os.CopyFS(work, os.DirFS(filepath.Join("testdata", "real", "config"))); err != nil {
		t.Fatal(err)
	}
	// The module manifest that init would write for the local module.
	if err := os.MkdirAll(filepath.Join(work, ".terraform", "modules"), 0o755); err != nil {
		t.Fatal(err)
	}
	manifest := `{"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"payments","Source":"./payments","Dir":"payments"}]}`
	if err := os.WriteFile(filepath.Join(work, ".terraform", "modules", "modules.json"), []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	runCLI := cliRunner(t, cliPath, cli, work, cliConfig)
	runCLI("apply", "-auto-approve", "-input=false", "-no-color", "-var", "generation=1")
	state := runCLI("show", "-json")
	runCLI("plan", "-input=false", "-no-color", "-var", "generation=2", "-out", "plan.tfplan")
	plan := runCLI("show", "-json", "plan.tfplan")

	out := filepath.Join(tmp, "json")
	if *update {
		out = filepath.Join("testdata", "real")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{cli + "-plan.json": plan, cli + "-state.json": state} {
		var pretty bytes.Buffer
		if err := json.Indent(&pretty, data, "", " "); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(out, name), pretty.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	reviewReal(t, out, cli)
}
