// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
)

// modulesPlan is the hand-written multi-module plan (testdata/plans/README.md).
const modulesPlan = "testdata/plans/modules.json"

func TestReviewModulesGolden(t *testing.T) {
	for _, tc := range []struct {
		golden string
		args   []string
		status int
	}{
		{"modules.md", []string{"-format", "markdown", "-gate", modulesPlan}, ExitGate},
		{"modules.txt", []string{"-gate", modulesPlan}, ExitGate},
		{"modules.json", []string{"-format", "json", modulesPlan}, 0},
		{"modules-prior.md", []string{"-format", "markdown", "-trusted-acceptances", "prior", modulesPlan}, 0},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			status, out, _ := runReview(t, "", tc.args...)
			if status != tc.status {
				t.Errorf("exit status %d, want %d", status, tc.status)
			}
			checkGolden(t, tc.golden, out)
		})
	}
}

// sectionOrder are the headings of the Markdown report, in order.
var sectionOrder = []string{"### What needs an owner", "### Next step", "### Acceptance records this change touches",
	"### Who owns what changed", "### Types the catalog cannot resolve", "### Details"}

// checkOrder fails unless the sections that are present come in the
// order of sectionOrder, and those in want are present.
func checkOrder(t *testing.T, out string, want ...string) {
	t.Helper()
	last := -1
	for _, h := range sectionOrder {
		i := strings.Index(out, "\n"+h+"\n")
		if i < 0 {
			if slices.Contains(want, h) {
				t.Errorf("section %q missing", h)
			}
			continue
		}
		if i < last {
			t.Errorf("section %q out of order", h)
		}
		last = i
	}
}

// What the Markdown review of the multi-module plan must say, part by
// part (the golden file holds the rest).
func TestReviewModulesMarkdown(t *testing.T) {
	status, out, _ := runReview(t, "", "-format", "markdown", "-gate", modulesPlan)
	if status != ExitGate {
		t.Errorf("exit %d, want %d", status, ExitGate)
	}
	if !strings.HasPrefix(out, MarkdownMarker+"\n") {
		t.Errorf("the first line is not the marker:\n%.80s", out)
	}
	checkOrder(t, out, sectionOrder...)
	lines := strings.SplitN(out, "\n", 7)
	if !strings.HasPrefix(lines[3], "**Gate: fails. 96 customer obligations on 6 of 12 reviewed resources need an owner; 1 resource is of a type the catalog cannot resolve.**") {
		t.Errorf("headline %q", lines[3])
	}
	for _, want := range []string{"12 resources reviewed (7 create, 1 replace, 4 update)", "not reviewed: 1 delete, 1 no-op",
		"2 granted by this change", "1 removed", "1 expired", "1 expiring", "1 matching nothing"} {
		if !strings.Contains(lines[5], want) {
			t.Errorf("counts line %q lacks %q", lines[5], want)
		}
	}
	needs := between(out, "### What needs an owner", "### Next step")
	// Grouped by module instance, obligations once per group.
	if !strings.Contains(needs, "**`module.search`** (4 resources): `operating_system.*`") || strings.Count(needs, "`operating_system.*`") != 3 {
		t.Errorf("the failing groups do not list their obligations once each:\n%s", needs)
	}
	for _, accepted := range []string{"module.network", "module.shop"} {
		if strings.Contains(needs, accepted) {
			t.Errorf("the fully accepted %s needs an owner:\n%s", accepted, needs)
		}
	}
	records := between(out, "### Acceptance records this change touches", "### Who owns what changed")
	for _, want := range []string{
		"| `srm_obligation_acceptance.shop` | create: granted by this change | team-shop | `module.shop[\"eu\"].*` |",
		"| `srm_obligation_acceptance.old` | delete: removed by this change | team-ops | `aws_instance.old` |",
		"**Expired:** `srm_obligation_acceptance.legacy` (team-legacy, `module.legacy.*`) expired on 2026-10-01: it accepts nothing; move `review_by` to renew.",
		"**Expiring:** `srm_obligation_acceptance.data` (team-data, `*`) on 2026-12-10 (in 11 days).",
		"`srm_obligation_acceptance.typo` matches nothing: `module.shops.*` covers no resource of the input; did you mean `module.shop[\"eu\"].*`",
	} {
		if !strings.Contains(records, want) {
			t.Errorf("records section lacks %q:\n%s", want, records)
		}
	}
	if strings.Contains(records, "srm_obligation_acceptance.network") {
		t.Error("an unchanged, valid record is listed among the records this change touches")
	}
	owners := between(out, "### Who owns what changed", "### Types the catalog cannot resolve")
	// Lambda Zip → Image, and the example: ECS from EC2 to Fargate
	// (the customer's image on a host AWS runs).
	for _, want := range []string{"`aws_lambda_function.api` (update): `operating_system` provider → shared",
		"`module.shop[\"eu\"].aws_ecs_service.api` (update): `operating_system` customer → shared"} {
		if !strings.Contains(owners, want) {
			t.Errorf("owner change from change.before missing: %s\n%s", want, owners)
		}
	}
	unknown := between(out, "### Types the catalog cannot resolve", "### Details")
	if !strings.Contains(unknown, "`acme_widget.covered` (every obligation accepted by team-platform") ||
		!strings.Contains(unknown, `scope       = ["acme_widget.thing"]`) {
		t.Errorf("unknown types section:\n%s", unknown)
	}
	details := out[strings.Index(out, "### Details"):]
	// Failing first; fully accepted groups are one line each, never
	// expanded.
	if i, j := strings.Index(details, "<details>"), strings.Index(details, "**Fully accepted**"); i < 0 || j < i {
		t.Errorf("details do not put failing resources first:\n%s", details)
	}
	if strings.Contains(details, "module.network.aws_vpc.main") ||
		!strings.Contains(details, "- `module.network`: 2 resources, all 12 customer obligations accepted by team-net") {
		t.Errorf("accepted resources are expanded or not summarised:\n%s", details)
	}
}

// between returns the part of s from the heading from to the heading to.
func between(s, from, to string) string {
	i := strings.Index(s, from)
	if i < 0 {
		return ""
	}
	j := strings.Index(s[i:], to)
	if j < 0 {
		return s[i:]
	}
	return s[i : i+j]
}

var hclFence = regexp.MustCompile("(?s)```hcl\n(.*?)```")

// nextSteps returns the HCL blocks of a Markdown report.
func nextSteps(t *testing.T, out string) []string {
	t.Helper()
	var blocks []string
	for _, m := range hclFence.FindAllStringSubmatch(out, -1) {
		blocks = append(blocks, m[1])
	}
	return blocks
}

// parsedRecord is a next-step block read back with the HCL parser.
type parsedRecord struct {
	name                 string
	scope, obligations   []string
	acceptedBy, reviewBy string
	attributes           []string
	formatted            bool
}

// parseNextStep parses one next-step block as HCL: one resource block of
// type srm_obligation_acceptance whose attributes are literal values.
func parseNextStep(t *testing.T, src string) parsedRecord {
	t.Helper()
	f, diags := hclsyntax.ParseConfig([]byte(src), "next-step.tf", hcl.InitialPos)
	if diags.HasErrors() {
		t.Fatalf("the next step is not valid HCL: %s\n%s", diags.Error(), src)
	}
	body, ok := f.Body.(*hclsyntax.Body)
	if !ok || len(body.Blocks) != 1 || len(body.Attributes) != 0 {
		t.Fatalf("want exactly one block:\n%s", src)
	}
	blk := body.Blocks[0]
	if blk.Type != "resource" || len(blk.Labels) != 2 || blk.Labels[0] != "srm_obligation_acceptance" {
		t.Fatalf("block %s %v, want resource \"srm_obligation_acceptance\" NAME", blk.Type, blk.Labels)
	}
	if !hclsyntax.ValidIdentifier(blk.Labels[1]) {
		t.Errorf("resource name %q is not an identifier", blk.Labels[1])
	}
	rec := parsedRecord{name: blk.Labels[1], formatted: string(hclwrite.Format([]byte(src))) == src}
	for name, attr := range blk.Body.Attributes {
		rec.attributes = append(rec.attributes, name)
		v, diags := attr.Expr.Value(nil)
		if diags.HasErrors() {
			t.Fatalf("%s is not a literal: %s", name, diags.Error())
		}
		switch {
		case v.Type() == cty.String:
			switch name {
			case "accepted_by":
				rec.acceptedBy = v.AsString()
			case "review_by":
				rec.reviewBy = v.AsString()
			}
		case v.Type().IsTupleType():
			var list []string
			for _, e := range v.AsValueSlice() {
				list = append(list, e.AsString())
			}
			if name == "scope" {
				rec.scope = list
			} else {
				rec.obligations = list
			}
		}
	}
	slices.Sort(rec.attributes)
	return rec
}

// The next step of every failing group is one srm_obligation_acceptance
// block that parses as HCL, is formatted as terraform fmt formats, and
// holds the group's scope and unaccepted obligations; the acceptance test
// TestAccReviewNextStep applies one with the provider.
func TestReviewNextStepIsHCL(t *testing.T) {
	_, out, _ := runReview(t, "", "-format", "markdown", modulesPlan)
	blocks := nextSteps(t, out)
	got := map[string]parsedRecord{}
	for _, b := range blocks {
		rec := parseNextStep(t, b)
		if !rec.formatted {
			t.Errorf("block %s is not formatted as terraform fmt would:\n%s\nwant:\n%s", rec.name, b, hclwrite.Format([]byte(b)))
		}
		if strings.Join(rec.attributes, ",") != "accepted_by,obligations,review_by,scope" {
			t.Errorf("%s: attributes %v", rec.name, rec.attributes)
		}
		if rec.acceptedBy != TeamPlaceholder || rec.reviewBy != "2027-02-27" {
			t.Errorf("%s: accepted_by %q, review_by %q; want the placeholder and 90 days after the review", rec.name, rec.acceptedBy, rec.reviewBy)
		}
		got[rec.name] = rec
	}
	if len(blocks) != 4 {
		t.Errorf("%d HCL blocks, want 3 next steps and 1 for the unknown types", len(blocks))
	}
	search := got["search"]
	if strings.Join(search.scope, ",") != "module.search.*" || !slices.Contains(search.obligations, "operating_system.*") ||
		slices.ContainsFunc(search.obligations, func(o string) bool { return strings.HasPrefix(o, "data_") }) {
		t.Errorf("module.search's next step: scope %v, obligations %v; want module.search.* and its unaccepted obligations only", search.scope, search.obligations)
	}
	if root := got["root"]; strings.Join(root.scope, ",") != "aws_lambda_function.api" {
		t.Errorf("the root module's next step covers %v, want only its failing resource", root.scope)
	}
	if u := got["unknown_types"]; strings.Join(u.obligations, ",") != "*" || strings.Join(u.scope, ",") != "acme_widget.thing" {
		t.Errorf("the unknown types' record: %+v", u)
	}
	// Accepting exactly what the next step says makes the gate pass:
	// append the blocks as records of the plan and review it again.
	plan := withRecords(t, modulesPlan, blocks)
	if status, out, stderr := runReview(t, plan, "-gate", "-"); status != 0 {
		t.Errorf("with the next steps accepted: exit %d (%s):\n%s", status, stderr, out)
	}
}

// withRecords returns the plan with records added to its planned values,
// one per next-step block, with the team filled in.
func withRecords(t *testing.T, planFile string, blocks []string) string {
	t.Helper()
	var doc map[string]any
	data, err := os.ReadFile(planFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	pv, _ := doc["planned_values"].(map[string]any)
	root, ok := pv["root_module"].(map[string]any)
	if !ok {
		t.Fatalf("%s has no planned_values.root_module", planFile)
	}
	resources, _ := root["resources"].([]any)
	for _, b := range blocks {
		rec := parseNextStep(t, b)
		resources = append(resources, map[string]any{"address": "srm_obligation_acceptance." + rec.name, "mode": "managed",
			"type": "srm_obligation_acceptance", "name": rec.name, "values": map[string]any{
				"scope": rec.scope, "obligations": rec.obligations, "accepted_by": "team-" + rec.name, "review_by": rec.reviewBy}})
	}
	root["resources"] = resources
	out, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}

// With -trusted-acceptances prior, the records this change creates accept
// nothing: module.shop["eu"], which only the new record covers, needs an
// owner, and the record is shown as pending.
func TestReviewTrustedPrior(t *testing.T) {
	status, out, _ := runReview(t, "", "-format", "markdown", "-gate", "-trusted-acceptances", "prior", modulesPlan)
	if status != ExitGate {
		t.Errorf("exit %d, want %d", status, ExitGate)
	}
	needs := between(out, "### What needs an owner", "### Next step")
	if !strings.Contains(needs, "**`module.shop[\"eu\"]`** (2 resources)") {
		t.Errorf("with prior trust, the group only a new record covers does not need an owner:\n%s", needs)
	}
	if !strings.Contains(out, "| `srm_obligation_acceptance.shop` | create: pending, granted by this change; accepts nothing until merged and applied |") {
		t.Errorf("the new record is not shown as pending:\n%s", between(out, "### Acceptance records", "### Who"))
	}
	if !strings.Contains(out, "`acme_widget.covered`, `acme_widget.thing`") {
		t.Errorf("a pending \"*\" record covers an unknown type:\n%s", between(out, "### Types", "### Details"))
	}
	// The default trusts the plan.
	res, _ := reviewJSON(t, modulesPlan)
	if r := res[`module.shop["eu"].aws_ecs_service.api`]; len(r.Unaccepted) != 0 {
		t.Errorf("with plan trust, the new record does not accept: %v", r.Unaccepted)
	}
	// An unchanged record stays trusted.
	res, _ = reviewJSON(t, "-trusted-acceptances", "prior", modulesPlan)
	if r := res["module.network.aws_vpc.main"]; len(r.Unaccepted) != 0 {
		t.Errorf("with prior trust, an unchanged record does not accept: %v", r.Unaccepted)
	}
}

// The JSON report carries the same facts: owner changes per resource, the
// records with their action, expiry and matches, the unknown types, the
// warnings and the gate.
func TestReviewModulesJSON(t *testing.T) {
	status, out, _ := runReview(t, "", "-format", "json", modulesPlan)
	if status != 0 {
		t.Fatalf("exit %d", status)
	}
	var doc struct {
		Resources []struct {
			Address      string        `json:"address"`
			OwnerChanges []OwnerChange `json:"owner_changes"`
		} `json:"resources"`
		Records      []jsonRecord      `json:"acceptance_records"`
		UnknownTypes []jsonUnknownType `json:"unknown_types"`
		Warnings     []string          `json:"warnings"`
		Gate         Gate              `json:"gate"`
		Summary      Summary           `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	changes := map[string][]OwnerChange{}
	for _, r := range doc.Resources {
		if r.OwnerChanges == nil {
			t.Errorf("%s: owner_changes is null, want a list", r.Address)
		}
		changes[r.Address] = r.OwnerChanges
	}
	if c := changes["aws_lambda_function.api"]; len(c) == 0 || c[0] != (OwnerChange{"operating_system", "provider", "shared"}) {
		t.Errorf("aws_lambda_function.api owner_changes %v", c)
	}
	if c := changes["module.search.aws_instance.search[0]"]; len(c) != 0 {
		t.Errorf("a create has owner changes: %v", c)
	}
	recs := map[string]jsonRecord{}
	for _, r := range doc.Records {
		recs[r.Address] = r
	}
	if r := recs["srm_obligation_acceptance.shop"]; r.Action != "create" || !r.Granted || r.Pending || !r.Applies || len(r.Matches) != 2 ||
		!strings.HasPrefix(r.Matches[0], "module.shop") || !strings.HasPrefix(r.Matches[1], "module.shop") {
		t.Errorf("shop record %+v", r)
	}
	if r := recs["srm_obligation_acceptance.legacy"]; !r.Expired || r.Applies || r.ExpiresInDays == nil || *r.ExpiresInDays >= 0 {
		t.Errorf("legacy record %+v", r)
	}
	if r := recs["srm_obligation_acceptance.data"]; !r.Expiring || r.ExpiresInDays == nil || *r.ExpiresInDays != 11 {
		t.Errorf("data record %+v", r)
	}
	if r := recs["srm_obligation_acceptance.typo"]; len(r.Matches) != 0 || !slices.Contains(r.DidYouMean, `module.shop["eu"].*`) {
		t.Errorf("typo record %+v", r)
	}
	if r := recs["srm_obligation_acceptance.old"]; r.Action != "delete" || r.Applies {
		t.Errorf("old record %+v", r)
	}
	if len(doc.UnknownTypes) != 1 || doc.UnknownTypes[0].Type != "acme_widget" || len(doc.UnknownTypes[0].Resources) != 2 {
		t.Errorf("unknown_types %+v", doc.UnknownTypes)
	}
	if len(doc.Warnings) != 1 || !strings.Contains(doc.Warnings[0], "srm_obligation_acceptance.typo matches nothing") {
		t.Errorf("warnings %q", doc.Warnings)
	}
	if doc.Gate.Pass || doc.Gate.Failing != 6 || doc.Gate.Unknown != 1 {
		t.Errorf("gate %+v, want failing with 6 resources and 1 unknown", doc.Gate)
	}
	for _, format := range []string{"json", "oscal", "markdown"} {
		_, _, stderr := runReview(t, "", "-format", format, modulesPlan)
		if !strings.Contains(stderr, "terraform-provider-srm review: warning: srm_obligation_acceptance.typo matches nothing") {
			t.Errorf("-format %s: the warning is not on stderr: %q", format, stderr)
		}
	}
	if doc.Summary.NotReviewed["delete"] != 1 || doc.Summary.NotReviewed["no-op"] != 1 {
		t.Errorf("not reviewed %v", doc.Summary.NotReviewed)
	}
}

// The text report follows the Markdown's order.
func TestReviewModulesText(t *testing.T) {
	_, out, _ := runReview(t, "", modulesPlan)
	last := -1
	for _, h := range []string{"What needs an owner", "Next step", "Acceptance records this change touches", "Who owns what changed",
		"Types the catalog cannot resolve", "Details"} {
		i := strings.Index(out, "\n"+h)
		if i < last {
			t.Errorf("section %q missing or out of order", h)
		}
		last = i
	}
	if !strings.HasPrefix(out, "Gate: fails.") {
		t.Errorf("text does not start with the verdict:\n%.100s", out)
	}
}

// Plans Terraform did not finish are never reviewed as passing, with or
// without -gate; an empty plan passes.
func TestReviewUnfinishedAndEmptyPlans(t *testing.T) {
	base := `{"format_version": "1.2", %s "resource_changes": [{"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket",
	  "name": "b", "change": {"actions": ["create"], "before": null, "after": {"bucket": "b"}, "after_unknown": {}}}]}`
	for _, tc := range []struct{ name, extra, want string }{
		{"errored", `"errored": true, "complete": false,`, `it errored`},
		{"incomplete", `"errored": false, "complete": false,`, `it is incomplete`},
		{"Terraform 1.5 failed precondition", `"checks": [{"address": {"kind": "resource", "to_display": "terraform_data.x"}, "status": "fail"}],`,
			"a condition of terraform_data.x failed"},
	} {
		for _, format := range []string{"text", "markdown", "json"} {
			for _, gate := range []bool{false, true} {
				args := []string{"-format", format, "-"}
				if gate {
					args = append(args, "-gate")
				}
				status, out, stderr := runReview(t, fmt.Sprintf(base, tc.extra), args...)
				if status != ExitBadInput || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, "Terraform did not finish the plan") || !strings.Contains(stderr, tc.want) {
					t.Errorf("%s, %s, gate %v: exit %d, stderr %q; want 1 and one line saying Terraform did not finish", tc.name, format, gate, status, stderr)
				}
				if strings.Contains(out, "passes") || !strings.Contains(out, tc.want) {
					t.Errorf("%s, %s: the report does not say the plan is unfinished:\n%s", tc.name, format, out)
				}
			}
		}
	}
	// A failed check block is a warning in Terraform: the plan finished.
	checkBlock := fmt.Sprintf(base, `"checks": [{"address": {"kind": "check", "to_display": "check.health"}, "status": "fail"}],`)
	if status, _, stderr := runReview(t, checkBlock, "-"); status != 0 {
		t.Errorf("a failed check block: exit %d (%s), want 0", status, stderr)
	}
	empty := `{"format_version": "1.2", "errored": false, "complete": true, "planned_values": {"root_module": {}},
	  "resource_changes": [{"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b",
	  "change": {"actions": ["no-op"], "before": {"bucket": "b"}, "after": {"bucket": "b"}}}]}`
	for _, format := range []string{"text", "markdown"} {
		status, out, stderr := runReview(t, empty, "-gate", "-format", format, "-")
		if status != 0 || stderr != "" || !strings.Contains(out, "No changes to review.") || !strings.Contains(out, "Not reviewed: 1 no-op") ||
			strings.Contains(out, "all 0") {
			t.Errorf("empty plan, %s: exit %d, stderr %q:\n%s", format, status, stderr, out)
		}
	}
	// A plan that only removes a record (and deletes a resource) passes,
	// saying so, and never counts "all 0" obligations.
	recordsOnly := `{"format_version": "1.2", "planned_values": {"root_module": {}},
	  "prior_state": {"values": {"root_module": {"resources": [{"address": "srm_obligation_acceptance.a", "mode": "managed",
	    "type": "srm_obligation_acceptance", "name": "a", "values": {"scope": ["*"], "obligations": ["*"], "accepted_by": "team", "review_by": "2099-01-01"}}]}}},
	  "resource_changes": [{"address": "srm_obligation_acceptance.a", "mode": "managed", "type": "srm_obligation_acceptance", "name": "a",
	    "change": {"actions": ["delete"], "before": {}, "after": null}}]}`
	for _, format := range []string{"text", "markdown"} {
		status, out, stderr := runReview(t, recordsOnly, "-gate", "-format", format, "-")
		if status != 0 || stderr != "" || !strings.Contains(out, "only changes acceptance records") || strings.Contains(out, "All 0") {
			t.Errorf("a plan that only removes a record, %s: exit %d, stderr %q:\n%s", format, status, stderr, out)
		}
	}
}

// A bad value of the new flags is a usage error.
func TestReviewGateFlags(t *testing.T) {
	for args, want := range map[string]string{
		"-trusted-acceptances=state": `unknown -trusted-acceptances "state": use plan or prior`,
		"-expiry-warning=soon":       `invalid -expiry-warning "soon"`,
		"-expiry-warning=-1h":        `invalid -expiry-warning "-1h"`,
	} {
		status, out, stderr := runReview(t, "", args, modulesPlan)
		if status != ExitBadInput || out != "" || !strings.Contains(stderr, want) {
			t.Errorf("%s: exit %d, stderr %q; want %q", args, status, stderr, want)
		}
	}
	// A longer warning window makes more records expiring.
	for window, want := range map[string]int{"5d": 0, "11d": 0, "12d": 1, "720h": 1, "365d": 5} {
		_, sum := reviewJSON(t, "-expiry-warning", window, modulesPlan)
		if sum.AcceptanceRecords.Expiring != want {
			t.Errorf("-expiry-warning %s: %d expiring, want %d", window, sum.AcceptanceRecords.Expiring, want)
		}
	}
}

// A record that matches nothing because of its resource_type filter says
// so in every format.
func TestMatchNothingNamesTheTypeFilter(t *testing.T) {
	const plan = `{"format_version": "1.2",
 "prior_state": {"values": {"root_module": {"resources": [{"address": "srm_obligation_acceptance.a", "mode": "managed",
   "type": "srm_obligation_acceptance", "name": "a",
   "values": {"scope": ["*"], "resource_type": "aws_s3_buckt", "obligations": ["*"], "accepted_by": "team", "review_by": "2099-01-01"}}]}}},
 "resource_changes": [{"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b",
   "change": {"actions": ["create"], "before": null, "after": {"bucket": "b"}, "after_unknown": {}}}]}`
	for format, want := range map[string]string{
		"text":     "(resource_type aws_s3_buckt) covers no resource",
		"markdown": "(resource_type `aws_s3_buckt`) covers no resource",
	} {
		if _, out, _ := runReview(t, plan, "-format", format, "-"); !strings.Contains(out, want) {
			t.Errorf("%s: the warning does not name the resource_type filter (%q):\n%s", format, want, out)
		}
	}
}
