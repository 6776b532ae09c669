// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// JUnit XML, the test-report format GitLab, Jenkins and Azure DevOps show:
// one test suite per module instance, one test case per reviewed resource.
// A resource fails when it has unaccepted obligations (listed, one a line)
// or when its type is unknown and the gate fails on it; a resource of an
// unknown type that a record covers, or that -allow-unknown lets pass, is
// skipped. encoding/xml escapes every value and replaces the characters XML
// cannot hold.

type junitSuites struct {
	XMLName  xml.Name `xml:"testsuites"`
	Name     string   `xml:"name,attr"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Skipped  int      `xml:"skipped,attr"`
}

type junitSuite struct {
	XMLName  xml.Name `xml:"testsuite"`
	Name     string   `xml:"name,attr"`
	Tests    int      `xml:"tests,attr"`
	Failures int      `xml:"failures,attr"`
	Skipped  int      `xml:"skipped,attr"`
}

type junitCase struct {
	XMLName   xml.Name      `xml:"testcase"`
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// junitOutcome is the test case of one reviewed resource.
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

// writeJUnit writes the reports as one JUnit document; with labels (one per
// report, several plans in one run) each suite's name starts with the
// label of its plan.
func writeJUnit(w io.Writer, reports []*Report, labels []string) error {
	bw := bufio.NewWriter(w)
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	top := junitSuites{Name: "terraform-provider-srm review"}
	type suite struct {
		report *Report
		group  *Group
		name   string
		junitSuite
	}
	var suites []suite
	for i, r := range reports {
		for _, g := range r.Groups() {
			s := suite{report: r, group: g, name: g.Title()}
			if labels != nil {
				s.name = labels[i] + ": " + s.name
			}
			s.junitSuite = junitSuite{Name: s.name}
			for _, it := range g.items() {
				s.Tests++
				tc := r.junitCase(it, s.name)
				switch {
				case tc.Failure != nil:
					s.Failures++
				case tc.Skipped != nil:
					s.Skipped++
				}
			}
			top.Tests += s.Tests
			top.Failures += s.Failures
			top.Skipped += s.Skipped
			suites = append(suites, s)
		}
	}
	if _, err := bw.WriteString(xml.Header); err != nil {
		return err
	}
	start := xml.StartElement{Name: xml.Name{Local: "testsuites"}, Attr: []xml.Attr{
		{Name: xml.Name{Local: "name"}, Value: top.Name},
		{Name: xml.Name{Local: "tests"}, Value: fmt.Sprint(top.Tests)},
		{Name: xml.Name{Local: "failures"}, Value: fmt.Sprint(top.Failures)},
		{Name: xml.Name{Local: "skipped"}, Value: fmt.Sprint(top.Skipped)},
	}}
	if err := enc.EncodeToken(start); err != nil {
		return err
	}
	for _, s := range suites {
		ss := xml.StartElement{Name: xml.Name{Local: "testsuite"}, Attr: []xml.Attr{
			{Name: xml.Name{Local: "name"}, Value: s.Name},
			{Name: xml.Name{Local: "tests"}, Value: fmt.Sprint(s.Tests)},
			{Name: xml.Name{Local: "failures"}, Value: fmt.Sprint(s.Failures)},
			{Name: xml.Name{Local: "skipped"}, Value: fmt.Sprint(s.Skipped)},
		}}
		if err := enc.EncodeToken(ss); err != nil {
			return err
		}
		for _, it := range s.group.items() {
			if err := enc.Encode(s.report.junitCase(it, s.name)); err != nil {
				return err
			}
		}
		if err := enc.EncodeToken(ss.End()); err != nil {
			return err
		}
	}
	if err := enc.EncodeToken(start.End()); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	if _, err := bw.WriteString("\n"); err != nil {
		return err
	}
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
