// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// JUnit XML, the test-report format GitLab, Jenkins and Azure DevOps show:
// one test suite per module instance, one test case per reviewed resource.
// A resource fails when it has unaccepted obligations (listed, one a line)
// or when its type is unknown and the gate fails on it; a resource of an
// unknown type that a record covers, or that -allow-unknown lets pass, is
// skipped. xml.EscapeText escapes every value and replaces the characters XML
// cannot hold.

// junitCase is the test case of one resource.
type junitCase struct {
	Name, ClassName string
	Failure         *junitFailure
	Skipped         *junitSkipped
}

type junitFailure struct{ Message, Type, Text string }

type junitSkipped struct{ Message string }

// junitCase is the test case of one reviewed resource.
func (r *Report) junitCase(it *Item, suite string) junitCase {
	tc := junitCase{Name: it.Address + " (" + it.Action + ")", ClassName: suite}
	switch {
	case it.Result == nil && it.CoveredBy != nil:
		tc.Skipped = &junitSkipped{Message: fmt.Sprintf("type %s is not in the catalog; %s accepts every obligation of it",
			it.Type, it.CoveredBy.Address)}
	case it.Result == nil && r.Options.AllowUnknown:
		tc.Skipped = &junitSkipped{Message: fmt.Sprintf("type %s is not in the catalog (-allow-unknown)", it.Type)}
	case it.Result == nil:
		tc.Failure = &junitFailure{Type: "unknown-type",
			Message: fmt.Sprintf("type %s is not in the catalog: nobody owns its obligations", it.Type),
			Text: "Add an entry for it to a custom catalog (-catalog), or a srm_obligation_acceptance whose obligations are " +
				"[\"*\"] and whose scope covers it."}
	case it.Failing():
		var b strings.Builder
		for _, o := range it.Result.Unaccepted {
			b.WriteString(o.ID + ": " + o.Title + "\n")
		}
		tc.Failure = &junitFailure{Type: "unaccepted",
			Message: fmt.Sprintf("%d of %d customer obligations are not accepted", len(it.Result.Unaccepted),
				len(it.Result.CustomerObligations)),
			Text: b.String()}
	}
	return tc
}

// WriteJUnit writes the report as JUnit XML, one suite per module instance,
// as it goes.
func (r *Report) WriteJUnit(w io.Writer) error {
	return writeJUnit(w, []*Report{r}, nil)
}

// junitKind is how a resource's test case ends: 0 passes, 1 fails, 2 is
// skipped, as junitCase writes it. The suites' counts come first in the
// XML, so they are taken with junitKind and the cases (with their failure
// texts) are built only as they are written.
func (r *Report) junitKind(it *Item) int {
	switch {
	case r.unknownAllowed(it):
		return 2
	case it.Result == nil || it.Failing():
		return 1
	}
	return 0
}

// writeJUnit writes the reports as one JUnit document; with labels (one per
// report, several plans in one run) each suite's name starts with the
// label of its plan. Values are escaped by xml.EscapeText, which also
// replaces the characters XML cannot hold.
func writeJUnit(w io.Writer, reports []*Report, labels []string) error {
	type suite struct {
		report                   *Report
		name                     string
		items                    []*Item
		tests, failures, skipped int
	}
	var suites []suite
	var tests, failures, skipped int
	for i, r := range reports {
		for _, g := range r.Groups() {
			s := suite{report: r, name: g.Title(), items: g.items()}
			if labels != nil {
				s.name = labels[i] + ": " + s.name
			}
			for _, it := range s.items {
				s.tests++
				switch r.junitKind(it) {
				case 1:
					s.failures++
				case 2:
					s.skipped++
				}
			}
			tests, failures, skipped = tests+s.tests, failures+s.failures, skipped+s.skipped
			suites = append(suites, s)
		}
	}
	bw := bufio.NewWriterSize(w, 64*1024)
	text := func(s string) { _ = xml.EscapeText(bw, []byte(s)) }
	ws := func(parts ...string) {
		for _, p := range parts {
			_, _ = bw.WriteString(p)
		}
	}
	ws(xml.Header, `<testsuites name="terraform-provider-srm review" tests="`, strconv.Itoa(tests), `" failures="`,
		strconv.Itoa(failures), `" skipped="`, strconv.Itoa(skipped), `">`)
	for _, s := range suites {
		ws("\n  <testsuite name=\"")
		text(s.name)
		ws(`" tests="`, strconv.Itoa(s.tests), `" failures="`, strconv.Itoa(s.failures), `" skipped="`, strconv.Itoa(s.skipped), `">`)
		for _, it := range s.items {
			tc := s.report.junitCase(it, s.name)
			ws("\n    <testcase name=\"")
			text(tc.Name)
			ws(`" classname="`)
			text(tc.ClassName)
			switch {
			case tc.Failure != nil:
				ws(`">`, "\n      <failure message=\"")
				text(tc.Failure.Message)
				ws(`" type="`, tc.Failure.Type, `">`)
				text(tc.Failure.Text)
				ws("</failure>\n    </testcase>")
			case tc.Skipped != nil:
				ws(`">`, "\n      <skipped message=\"")
				text(tc.Skipped.Message)
				ws("\"></skipped>\n    </testcase>")
			default:
				ws(`"></testcase>`)
			}
		}
		ws("\n  </testsuite>")
	}
	ws("\n</testsuites>\n")
	return bw.Flush()
}

// items are the group's resources: failing, then unknown, then accepted,
// each in address order.
func (g *Group) items() []*Item {
	out := make([]*Item, 0, len(g.Failing)+len(g.Unknown)+len(g.Accepted))
	out = append(out, g.Failing...)
	out = append(out, g.Unknown...)
	return append(out, g.Accepted...)
}
