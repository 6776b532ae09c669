// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

func TestBlockName(t *testing.T) {
	for mod, want := range map[string]string{
		"":                               "root",
		"module.search":                  "search",
		`module.shop["eu"]`:              "shop_eu",
		`module.a.module.b[2]`:           "a_b_2",
		`module.x["my key/with.dots"]`:   "x_my_key_with_dots",
		`module.m["1"]`:                  "m_1",
		`module.__["___"]`:               "module",
		`module.9lives`:                  "m_9lives",
		`module.shop["${var.x}"]`:        "shop_var_x",
		"module.very-long_name.module.y": "very-long_name_y",
	} {
		if got := blockName(mod); got != want {
			t.Errorf("blockName(%s) = %q, want %q", mod, got, want)
		}
	}
}

// Scopes and names with quotes, backslashes and template sequences stay
// literal HCL strings.
func TestNextStepEscapes(t *testing.T) {
	now := time.Date(2026, 1, 31, 0, 0, 0, 0, time.UTC)
	src := acceptanceBlock("x", []string{`module.a["q\"${x}%{y}\\"].*`}, []string{"*"}, now)
	rec := parseNextStep(t, src)
	if rec.scope[0] != `module.a["q\"${x}%{y}\\"].*` || rec.reviewBy != "2026-05-01" {
		t.Errorf("parsed back %+v from:\n%s", rec, src)
	}
	if !rec.formatted {
		t.Errorf("not formatted:\n%s", src)
	}
}

// nextStepConfig is a configuration with one module that nobody accepted
// (search) beside one that a record covers (network).
var nextStepConfig = map[string]string{
	"main.tf": `terraform {
  required_providers {
    srm = { source = "shared-responsibility/srm" }
  }
}

module "search" {
  source = "./search"
}

module "network" {
  source = "./network"
}

resource "srm_obligation_acceptance" "network" {
  scope       = ["module.network.*"]
  obligations = ["*"]
  accepted_by = "team-net"
  review_by   = "2099-01-01"
}
`,
	"search/main.tf": `resource "terraform_data" "index" {
  count = 2
  input = "index-${count.index}"
}

resource "terraform_data" "crawler" {
  input = "crawler"
}
`,
	"network/main.tf": `resource "terraform_data" "vpc" {
  input = "vpc"
}
`,
}

// The next step that the review proposes is accepted by the provider: with
// the team filled in, a real CLI plans and applies it, the gate passes on
// the plan that adds it, and, once applied, with -trusted-acceptances prior.
func TestAccReviewNextStep(t *testing.T) {
	w := newCLIWork(t, nextStepConfig, map[string]string{"search": "search", "network": "network"})
	dir := t.TempDir()
	plan := saveJSON(t, dir, "plan1.json", w.planJSON())
	status, out, stderr := runReview(t, "", "-format", "markdown", "-gate", plan)
	if status != ExitGate {
		t.Fatalf("first plan: exit %d (%s), want %d:\n%s", status, stderr, ExitGate, out)
	}
	blocks := nextSteps(t, out)
	if len(blocks) != 1 || !strings.Contains(blocks[0], `scope = ["module.search.*"]`) {
		t.Fatalf("want one next step for module.search:\n%s", out)
	}
	// terraform fmt leaves it as it is.
	step := strings.Replace(blocks[0], `"`+TeamPlaceholder+`"`, `"team-search"`, 1)
	w.write(filepath.Join(w.dir, "next_step.tf"), step)
	if stdout, stderr, err := w.run("fmt", "-check", "-diff", "next_step.tf"); err != nil {
		t.Errorf("%s fmt -check: %v\n%s%s", w.cli, err, stdout, stderr)
	}

	plan = saveJSON(t, dir, "plan2.json", w.planJSON())
	if status, out, stderr := runReview(t, "", "-gate", plan); status != 0 {
		t.Errorf("with the next step: exit %d (%s), want 0:\n%s", status, stderr, out)
	}
	// The record is this change's own: with prior trust it is pending.
	status, out, _ = runReview(t, "", "-gate", "-trusted-acceptances", "prior", "-format", "markdown", plan)
	if status != ExitGate || !strings.Contains(out, "create: pending, granted by this change") {
		t.Errorf("prior trust before apply: exit %d, want %d and the record pending:\n%s", status, ExitGate, out)
	}
	w.must("apply", "-auto-approve", "-input=false", "-no-color", "plan.tfplan")

	// Applied: every record is in the prior state and unchanged.
	plan = saveJSON(t, dir, "plan3.json", w.planJSON())
	for _, args := range [][]string{{"-gate", "-trusted-acceptances", "prior"}, {"-gate", "-trusted-acceptances", "prior", "-all"}} {
		if status, out, stderr := runReview(t, "", append(args, plan)...); status != 0 {
			t.Errorf("%v after apply: exit %d (%s), want 0:\n%s", args, status, stderr, out)
		}
	}
	if data, err := os.ReadFile(plan); err == nil && strings.Contains(string(data), `"errored": true`) {
		t.Error("the plan after apply errored")
	}
}

// The scope of a next step: the module instance when nothing else lies in
// it, the failing resources' addresses, or, for many of them, their types.
func TestGroupScope(t *testing.T) {
	item := func(addr, typ string, failing bool) *Item {
		it := &Item{Address: addr, Module: moduleOf(addr), Type: typ}
		if failing {
			it.Result = &srm.Result{Unaccepted: []*srm.Obligation{{ID: "x.y"}}}
		}
		return it
	}
	for _, tc := range []struct {
		name  string
		items []*Item
		want  []string
	}{
		{"module alone", []*Item{item("module.a.aws_s3_bucket.b", "aws_s3_bucket", true)}, []string{"module.a.*"}},
		{"a child module reviewed too", []*Item{item("module.a.aws_s3_bucket.b[0]", "aws_s3_bucket", true), item("module.a.aws_s3_bucket.b[1]", "aws_s3_bucket", true),
			item("module.a.module.c.aws_s3_bucket.d", "aws_s3_bucket", false)}, []string{"module.a.aws_s3_bucket.b"}},
		{"root", []*Item{item(`aws_s3_bucket.b["x"]`, "aws_s3_bucket", true), item("aws_iam_role.r", "aws_iam_role", false)}, []string{"aws_s3_bucket.b"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var failing []*Item
			to := 0
			for _, it := range tc.items {
				if it.Module == tc.items[0].Module {
					to++
					if it.Failing() {
						failing = append(failing, it)
					}
				}
			}
			if got := groupScope(tc.items[0].Module, failing, tc.items, 0, to); strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("scope %q, want %q", got, tc.want)
			}
		})
	}
	// Many root resources: types where all of a type fail.
	var items, failing []*Item
	for i := range 12 {
		items = append(items, item(fmt.Sprintf("aws_instance.i%d", i), "aws_instance", true))
		items = append(items, item(fmt.Sprintf("aws_s3_bucket.b%d", i), "aws_s3_bucket", i != 0))
	}
	for _, it := range items {
		if it.Failing() {
			failing = append(failing, it)
		}
	}
	got := groupScope("", failing, items, 0, len(items))
	if got[0] != "aws_instance.*" || len(got) != 12 || slices.Contains(got, "aws_s3_bucket.*") {
		t.Errorf("scope of 23 failing root resources: %q; want aws_instance.* and the 11 failing buckets", got)
	}
}
