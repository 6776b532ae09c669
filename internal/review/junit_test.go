// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"
)

// junitDoc is the JUnit XML a CI system reads.
type junitDoc struct {
	Name     string `xml:"name,attr"`
	Tests    int    `xml:"tests,attr"`
	Failures int    `xml:"failures,attr"`
	Skipped  int    `xml:"skipped,attr"`
	Suites   []struct {
		Name     string `xml:"name,attr"`
		Tests    int    `xml:"tests,attr"`
		Failures int    `xml:"failures,attr"`
		Skipped  int    `xml:"skipped,attr"`
		Cases    []struct {
			Name      string `xml:"name,attr"`
			ClassName string `xml:"classname,attr"`
			Failure   *struct {
				Message string `xml:"message,attr"`
				Type    string `xml:"type,attr"`
				Text    string `xml:",chardata"`
			} `xml:"failure"`
			Skipped *struct {
				Message string `xml:"message,attr"`
			} `xml:"skipped"`
		} `xml:"testcase"`
	} `xml:"testsuite"`
}

func reviewJUnit(t *testing.T, stdin string, args ...string) junitDoc {
	t.Helper()
	status, out, stderr := runReview(t, stdin, append([]string{"-format", "junit"}, args...)...)
	if status != 0 {
		t.Fatalf("exit %d: %s", status, stderr)
	}
	if !strings.HasPrefix(out, xml.Header) {
		t.Errorf("no XML declaration: %.60q", out)
	}
	var doc junitDoc
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not well-formed XML: %v\n%s", err, out)
	}
	return doc
}

// The JUnit report has a test case per reviewed resource, failing exactly
// where the gate fails, with the unaccepted obligations listed, and its
// counts add up.
func TestReviewJUnit(t *testing.T) {
	for _, plan := range []string{"testdata/plans/modules.json", "testdata/plans/cloud.json"} {
		t.Run(plan, func(t *testing.T) {
			doc := reviewJUnit(t, "", plan)
			_, out, _ := runReview(t, "", "-format", "json", plan)
			var rep struct {
				Resources []jsonResource `json:"resources"`
				Gate      Gate           `json:"gate"`
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatal(err)
			}
			want := map[string]jsonResource{}
			for _, r := range rep.Resources {
				want[r.Address+" ("+r.Action+")"] = r
			}
			tests, failures, skipped := 0, 0, 0
			for _, s := range doc.Suites {
				sf := 0
				for _, c := range s.Cases {
					r, ok := want[c.Name]
					if !ok {
						t.Errorf("test case %q is no reviewed resource", c.Name)
						continue
					}
					delete(want, c.Name)
					if c.ClassName != s.Name {
						t.Errorf("%s: classname %q, suite %q", c.Name, c.ClassName, s.Name)
					}
					switch {
					case len(r.Unaccepted) > 0:
						if c.Failure == nil || c.Failure.Type != "unaccepted" {
							t.Errorf("%s has unaccepted obligations and does not fail", c.Name)
							continue
						}
						for _, id := range r.Unaccepted {
							if !strings.Contains(c.Failure.Text, id+": ") {
								t.Errorf("%s: the failure does not list %s", c.Name, id)
							}
						}
					case r.ServiceModel == nil:
						if (c.Failure == nil) == (c.Skipped == nil) {
							t.Errorf("%s of unknown type neither fails nor is skipped", c.Name)
						}
					case c.Failure != nil || c.Skipped != nil:
						t.Errorf("%s has every obligation accepted and does not pass", c.Name)
					}
					if c.Failure != nil {
						sf++
					}
					if c.Skipped != nil {
						skipped++
					}
				}
				if s.Tests != len(s.Cases) || s.Failures != sf {
					t.Errorf("suite %s: tests=%d failures=%d, has %d cases, %d failing", s.Name, s.Tests, s.Failures, len(s.Cases), sf)
				}
				tests += len(s.Cases)
				failures += sf
			}
			if len(want) > 0 {
				t.Errorf("reviewed resources without a test case: %v", want)
			}
			if doc.Tests != tests || doc.Failures != failures || doc.Skipped != skipped {
				t.Errorf("testsuites: tests=%d failures=%d skipped=%d; the suites add up to %d, %d, %d",
					doc.Tests, doc.Failures, doc.Skipped, tests, failures, skipped)
			}
			if got := rep.Gate.Failing + rep.Gate.Unknown; got != failures {
				t.Errorf("%d failing test cases, the gate fails on %d resources", failures, got)
			}
		})
	}
}

// Addresses that hold what XML cannot (control characters, markup, a CDATA
// end) still give a well-formed document that names the resource.
func TestReviewJUnitHostileAddresses(t *testing.T) {
	plan := `{"format_version": "1.2", "resource_changes": [
	  {"address": "aws_s3_bucket.b[\"<x>&]]>\u0001\u001b[31m\"]", "mode": "managed", "type": "aws_s3_bucket", "name": "b",
	   "change": {"actions": ["create"], "before": null, "after": {}}},
	  {"address": "acme_widget.w[\"a\\\"b\"]", "mode": "managed", "type": "acme_widget", "name": "w",
	   "change": {"actions": ["create"], "before": null, "after": {}}}]}`
	doc := reviewJUnit(t, plan, "-")
	if doc.Tests != 2 || doc.Failures != 2 {
		t.Fatalf("tests=%d failures=%d, want 2 and 2", doc.Tests, doc.Failures)
	}
	names := doc.Suites[0].Cases[0].Name + " " + doc.Suites[0].Cases[1].Name
	for _, want := range []string{`aws_s3_bucket.b["<x>&]]>`, `acme_widget.w["a\"b"]`} {
		if !strings.Contains(names, want) {
			t.Errorf("test case names %q do not name %q", names, want)
		}
	}
}
