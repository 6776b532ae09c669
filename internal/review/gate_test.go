// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gateConfig is planned by the real CLIs into an errored plan (a failed
// precondition: -var fail=true), an incomplete one (-target) and, once
// applied, an empty one. Their JSON is committed as
// testdata/real/<cli>-{errored,incomplete,empty}.json.
const gateConfig = `variable "fail" {
  type    = bool
  default = false
}

resource "terraform_data" "ok" {
  input = "ok"
}

resource "terraform_data" "checked" {
  input = "checked"
  lifecycle {
    precondition {
      condition     = !var.fail
      error_message = "Fails on purpose."
    }
  }
}
`

// unfinishedCases are the plans the CLIs write, and what the review of
// each must do (with -gate).
var unfinishedCases = []struct {
	name   string
	status int
	want   string
}{
	{"errored", ExitBadInput, "Terraform did not finish the plan"},
	{"incomplete", ExitBadInput, "Terraform did not finish the plan: it is incomplete"},
	{"empty", 0, "No changes to review."},
}

// reviewUnfinished reviews the plans of one CLI in dir.
func reviewUnfinished(t *testing.T, dir, cli string) {
	t.Helper()
	for _, tc := range unfinishedCases {
		path := filepath.Join(dir, cli+"-"+tc.name+".json")
		if _, err := os.Stat(path); err != nil {
			if tc.name == "incomplete" {
				continue // this CLI does not write "complete"
			}
			t.Fatalf("%v: run TF_ACC=1 TF_ACC_TERRAFORM_PATH=<%s> go test ./internal/review -run TestAccReviewUnfinishedPlans -update", err, cli)
		}
		for _, format := range []string{"text", "markdown", "json"} {
			status, out, stderr := runReview(t, "", "-gate", "-format", format, path)
			want := tc.want
			if format == "json" && tc.name == "empty" {
				want = `"empty": true`
			}
			if status != tc.status || !strings.Contains(out+stderr, want) {
				t.Errorf("%s %s plan, -format %s: exit %d, want %d saying %q:\n%s%s", cli, tc.name, format, status, tc.status, tc.want, out, stderr)
			}
			if tc.status == ExitBadInput && (strings.Count(stderr, "\n") != 1 || strings.Contains(out, "passes")) {
				t.Errorf("%s %s plan: stderr %q is not one line, or the report passes:\n%s", cli, tc.name, stderr, out)
			}
		}
	}
}

func TestReviewRealUnfinishedPlans(t *testing.T) {
	for _, cli := range []string{"terraform", "tofu"} {
		reviewUnfinished(t, filepath.Join("testdata", "real"), cli)
	}
}

// Errored, incomplete and empty plans as the CLI of TF_ACC_TERRAFORM_PATH
// writes them. Terraform 1.5 writes neither "errored" nor "complete": its
// errored plan is known by its failed precondition in "checks". Only
// Terraform 1.8 writes "complete" (OpenTofu 1.12 writes "errored" only):
// elsewhere a targeted plan cannot be told from a whole one, and there is
// no incomplete case.
func TestAccReviewUnfinishedPlans(t *testing.T) {
	w := newCLIWork(t, map[string]string{"main.tf": gateConfig}, nil)
	plans := map[string][]byte{
		"errored":    w.planJSON("-var", "fail=true"),
		"incomplete": w.planJSON("-target", "terraform_data.ok"),
	}
	var top struct {
		Complete *bool `json:"complete"`
	}
	if err := json.Unmarshal(plans["incomplete"], &top); err != nil {
		t.Fatal(err)
	}
	if top.Complete == nil {
		t.Logf("%s does not write \"complete\": a targeted plan cannot be told from a whole one", w.cli)
		delete(plans, "incomplete")
	}
	w.must("apply", "-auto-approve", "-input=false", "-no-color")
	plans["empty"] = w.planJSON()

	out := filepath.Join(t.TempDir(), "json")
	if *update {
		out = filepath.Join("testdata", "real")
	}
	for name, data := range plans {
		saveJSON(t, out, w.cli+"-"+name+".json", data)
	}
	reviewUnfinished(t, out, w.cli)
}
