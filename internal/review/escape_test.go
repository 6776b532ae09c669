// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
	"unicode"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// hostilePlan has for_each keys holding what breaks reports: a table's
// "|", line breaks, backticks, an ANSI escape, a bidirectional override
// and HTML.
const hostilePlan = `{"format_version": "1.2", "resource_changes": [
  {"address": "module.m[\"a|b` + "```" + `\"].aws_s3_bucket.b[\"x|y\nz\"]", "module_address": "module.m[\"a|b` + "```" + `\"]", "mode": "managed",
   "type": "aws_s3_bucket", "name": "b", "change": {"actions": ["create"], "before": null, "after": {}}},
  {"address": "aws_s3_bucket.c[\"` + "```" + `\u001b[2J\u001b]8;;http://x\u0007evil\u202e</details>\"]", "mode": "managed",
   "type": "aws_s3_bucket", "name": "c", "change": {"actions": ["create"], "before": null, "after": {}}},
  {"address": "acme_widget.w[\"|\r\n# heading\"]", "mode": "managed", "type": "acme_widget", "name": "w",
   "change": {"actions": ["create"], "before": null, "after": {}}}]}`

// controlFree reports the first control or format character of s other
// than a line break, or -1.
func controlFree(s string) int {
	return strings.IndexFunc(s, func(r rune) bool { return r != '\n' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r)) })
}

// Addresses, keys and types are escaped for the format they go into: the
// terminal gets no control character (with or without colour, beyond the
// report's own styles), Markdown tables keep their columns and code spans
// and blocks their ends, JSON and JUnit carry the exact address.
func TestReviewHostileText(t *testing.T) {
	var plan struct {
		ResourceChanges []struct {
			Address string `json:"address"`
		} `json:"resource_changes"`
	}
	if err := json.Unmarshal([]byte(hostilePlan), &plan); err != nil {
		t.Fatal(err)
	}
	_, text, _ := runReview(t, hostilePlan, "-")
	if i := controlFree(text); i >= 0 {
		t.Errorf("the text report holds a control character at %d: %q", i, text[max(0, i-20):min(len(text), i+20)])
	}
	for _, want := range []string{`x|y\nz`, `\x1b[2J`, `\u202e`, `\r\n# heading`} {
		if !strings.Contains(text, want) {
			t.Errorf("the text report does not show %s:\n%s", want, text)
		}
	}
	var out strings.Builder
	pd, k, err := parseDocument([]byte(hostilePlan))
	if err != nil {
		t.Fatal(err)
	}
	rep := reviewDocument(pd, k, &srm.Engine{Catalog: srm.MustBuiltin()}, Options{Now: testNow})
	if err := rep.WriteText(&out, true); err != nil {
		t.Fatal(err)
	}
	coloured := out.String()
	for _, code := range []string{ansiReset, ansiBold, ansiRed, ansiYellow, ansiGreen, ansiCyan, ansiDim} {
		coloured = strings.ReplaceAll(coloured, code, "")
	}
	if i := controlFree(coloured); i >= 0 {
		t.Errorf("the coloured text report holds a control character beyond its styles at %d: %q", i, coloured[max(0, i-20):min(len(coloured), i+20)])
	}

	_, md, _ := runReview(t, hostilePlan, "-format", "markdown", "-")
	if i := controlFree(md); i >= 0 {
		t.Errorf("the Markdown holds a control character at %d", i)
	}
	cells := -1
	for _, line := range strings.Split(md, "\n") {
		if !strings.HasPrefix(line, "|") {
			cells = -1
			continue
		}
		n := strings.Count(line, "|") - strings.Count(line, `\|`)
		if cells < 0 {
			cells = n
		} else if n != cells {
			t.Errorf("a table row has %d cells, its header %d: %q", n, cells, line)
		}
	}
	for _, line := range strings.Split(md, "\n") {
		// A key's line break would start a heading or an HTML block of
		// its own; inside code spans, markup is inert.
		if strings.HasPrefix(line, "# ") || strings.HasPrefix(line, "</details>\"") || strings.HasPrefix(line, "z\"]") {
			t.Errorf("a key's markup starts a line of the Markdown: %q", line)
		}
	}
	// The key holding ``` is in a next step's block: its fence is longer.
	if !strings.Contains(md, "````hcl\n") {
		t.Errorf("the next step's block is fenced by ```, which a key holds:\n%s", md)
	}

	_, js, _ := runReview(t, hostilePlan, "-format", "json", "-")
	var doc struct {
		Resources []struct {
			Address string `json:"address"`
		} `json:"resources"`
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, r := range doc.Resources {
		got[r.Address] = true
	}
	for _, rc := range plan.ResourceChanges {
		if !got[rc.Address] {
			t.Errorf("the JSON does not carry %q exactly", rc.Address)
		}
	}
	_, ju, _ := runReview(t, hostilePlan, "-format", "junit", "-")
	if err := xml.Unmarshal([]byte(ju), new(junitDoc)); err != nil {
		t.Errorf("the JUnit XML is not well-formed: %v", err)
	}
	_, oscal, _ := runReview(t, hostilePlan, "-format", "oscal", "-")
	validOSCAL(t, oscal)
}

func TestMarkdownCodeSpans(t *testing.T) {
	for in, want := range map[string]string{
		"aws_s3_bucket.a":    "`aws_s3_bucket.a`",
		"a|b":                "`a\\|b`",
		"a`b":                "`` a`b ``",
		"``x":                "``` ``x ```",
		"x\ny":               "`x\\ny`",
		"":                   "`  `",
		"\u202eevil":         "`\\u202eevil`",
		"\x1b[31mred\x1b[0m": "`\\x1b[31mred\\x1b[0m`",
	} {
		if got := mdCode(in); got != want {
			t.Errorf("mdCode(%q) = %q, want %q", in, got, want)
		}
	}
	if got := mdFence("hcl", "a ``` b\n"); got != "````hcl\na ``` b\n````\n" {
		t.Errorf("mdFence = %q", got)
	}
}

// The text report writes a fully accepted group's line as it is, not in
// Markdown's escapes: a module key with "|" and a team with "<" and "*".
func TestTextAcceptedLineUnescaped(t *testing.T) {
	const plan = `{"format_version": "1.2",
 "planned_values": {"root_module": {"resources": [{"address": "srm_obligation_acceptance.a", "mode": "managed",
   "type": "srm_obligation_acceptance", "name": "a",
   "values": {"scope": ["*"], "obligations": ["*"], "accepted_by": "team_a|<x>*", "review_by": "2099-01-01"}}]}},
 "prior_state": {"values": {"root_module": {"resources": [{"address": "srm_obligation_acceptance.a", "mode": "managed",
   "type": "srm_obligation_acceptance", "name": "a",
   "values": {"scope": ["*"], "obligations": ["*"], "accepted_by": "team_a|<x>*", "review_by": "2099-01-01"}}]}}},
 "resource_changes": [{"address": "module.m[\"a|b\"].aws_s3_bucket.b", "module_address": "module.m[\"a|b\"]", "mode": "managed",
   "type": "aws_s3_bucket", "name": "b", "change": {"actions": ["create"], "before": null, "after": {"bucket": "b"}, "after_unknown": {}}}]}`
	_, text, _ := runReview(t, plan, "-")
	if !strings.Contains(text, `module.m["a|b"]: 1 resource, all 13 customer obligations accepted by team_a|<x>*`) {
		t.Errorf("the text report does not write the accepted group as it is:\n%s", text)
	}
	_, md, _ := runReview(t, plan, "-format", "markdown", "-")
	if !strings.Contains(md, `accepted by team_a\|&lt;x&gt;\*`) {
		t.Errorf("the Markdown report does not escape the team:\n%s", md)
	}
}
