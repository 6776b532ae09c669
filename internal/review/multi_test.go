// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"encoding/json"
	"encoding/xml"
	"reflect"
	"strings"
	"testing"
)

var multiPlans = []string{"testdata/plans/modules.json", "testdata/plans/cloud.json"}

// Several plans give one JSON document that keeps them apart: each plan's
// report as a run of that plan alone writes it, under its label, and one
// gate that passes only when every plan's does.
func TestReviewManyPlansJSON(t *testing.T) {
	schema := reviewSchema(t)
	status, out, stderr := runReview(t, "", append([]string{"-format", "json", "-gate"}, multiPlans...)...)
	if status != ExitGate {
		t.Fatalf("exit %d, want %d: %s", status, ExitGate, stderr)
	}
	validateReviewJSON(t, schema, out)
	var doc struct {
		Plans []map[string]json.RawMessage `json:"plans"`
		Gate  Gate                         `json:"gate"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Plans) != 2 {
		t.Fatalf("%d plans", len(doc.Plans))
	}
	pass := true
	for i, plan := range multiPlans {
		var label string
		_ = json.Unmarshal(doc.Plans[i]["label"], &label)
		if want := plan[strings.LastIndex(plan, "/")+1:]; label != want {
			t.Errorf("plan %d labelled %q, want %q", i, label, want)
		}
		_, alone, _ := runReview(t, "", "-format", "json", plan)
		var single map[string]json.RawMessage
		if err := json.Unmarshal([]byte(alone), &single); err != nil {
			t.Fatal(err)
		}
		for _, key := range []string{"resources", "acceptance_records", "gate", "summary"} {
			var a, b any
			_ = json.Unmarshal(single[key], &a)
			_ = json.Unmarshal(doc.Plans[i][key], &b)
			if !reflect.DeepEqual(a, b) {
				t.Errorf("%s: %s differs from the review of the plan alone", plan, key)
			}
		}
		var g Gate
		_ = json.Unmarshal(single["gate"], &g)
		pass = pass && g.Pass
	}
	if doc.Gate.Pass != pass || doc.Gate.Pass {
		t.Errorf("the run's gate %+v; the plans' gates pass: %v", doc.Gate, pass)
	}
}

// One comment for all plans: one marker, one headline, a section per plan,
// within GitHub's limit; labels from -label; a folder reviews its plans.
func TestReviewManyPlansMarkdown(t *testing.T) {
	_, out, stderr := runReview(t, "", append([]string{"-format", "markdown", "-label", "shop|eu`prod`"}, multiPlans...)...)
	if strings.Count(out, MarkdownMarker) != 1 || !strings.HasPrefix(out, MarkdownMarker+"\n") {
		t.Errorf("the comment does not start with the one marker line:\n%.300s", out)
	}
	if strings.Count(out, "\n## Plan ") != 2 || !strings.Contains(out, "## Plan `` shop\\|eu`prod` ``") ||
		!strings.Contains(out, "## Plan `cloud.json`") {
		t.Errorf("no section per plan, labelled:\n%s", out)
	}
	if !strings.Contains(out, "**Gate: fails. 2 of 2 plans fail.**") {
		t.Errorf("no headline over the plans:\n%.600s", out)
	}
	if len(out) > MarkdownLimit {
		t.Errorf("%d characters", len(out))
	}
	if !strings.Contains(stderr, "cloud.json: warning:") && !strings.Contains(stderr, "shop|eu`prod`: warning:") {
		t.Errorf("the warnings do not name their plan: %q", stderr)
	}
	_, folder, _ := runReview(t, "", "-format", "markdown", "testdata/plans")
	for _, label := range []string{"cloud.json", "modules.json", "state.json", "terraform-0.12.json"} {
		if !strings.Contains(folder, "## Plan `"+label+"`") {
			t.Errorf("the folder's report has no section %s", label)
		}
	}
}

// A plan Terraform did not finish makes the whole run exit 1, whatever
// the other plans say; text and JUnit name the plans.
func TestReviewManyPlansUnfinished(t *testing.T) {
	status, out, stderr := runReview(t, "", "-gate", "testdata/plans/cloud.json", "testdata/real/terraform-errored.json")
	if status != ExitBadInput {
		t.Errorf("exit %d, want %d", status, ExitBadInput)
	}
	if !strings.Contains(stderr, "terraform-errored.json: ") || !strings.Contains(out, "== terraform-errored.json ==") ||
		!strings.Contains(out, "== cloud.json ==") {
		t.Errorf("the plans are not named:\nstdout %s\nstderr %s", out, stderr)
	}
	_, out, _ = runReview(t, "", append([]string{"-format", "junit"}, multiPlans...)...)
	var doc junitDoc
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	for _, s := range doc.Suites {
		if !strings.HasPrefix(s.Name, "modules.json: ") && !strings.HasPrefix(s.Name, "cloud.json: ") {
			t.Errorf("suite %q does not name its plan", s.Name)
		}
	}
	_, out, _ = runReview(t, "", append([]string{"-format", "oscal"}, multiPlans...)...)
	items := validOSCAL(t, out).SystemImplementation.InventoryItems
	if len(items) == 0 {
		t.Fatal("no inventory item")
	}
	first := items[0].Description
	if !strings.HasPrefix(first, "cloud.json: ") && !strings.HasPrefix(first, "modules.json: ") {
		t.Errorf("inventory item %q does not name its plan", first)
	}
}
