// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// Several plans in one run (one per root module or workspace) give one
// report: one headline and one gate over all of them, then a section per
// plan, labelled by its file name or -label. JSON keeps the plans apart
// under "plans".

// labelList is the repeatable -label flag.
type labelList []string

func (l *labelList) String() string { return strings.Join(*l, ",") }

func (l *labelList) Set(s string) error {
	if strings.TrimSpace(s) == "" {
		return fmt.Errorf("a -label is empty")
	}
	*l = append(*l, s)
	return nil
}

// labelledReport is the review of one plan of a run.
type labelledReport struct {
	label string
	*Report
}

// multiGate is the gate of a run: it passes when every plan's does.
func multiGate(plans []labelledReport) Gate {
	g := Gate{Pass: true, Empty: true}
	var unfinished []string
	for _, p := range plans {
		pg := p.Gate()
		g.Pass = g.Pass && pg.Pass
		g.Empty = g.Empty && pg.Empty
		g.Failing += pg.Failing
		g.Unknown += pg.Unknown
		if pg.Unfinished != "" {
			unfinished = append(unfinished, p.label+": "+pg.Unfinished)
		}
	}
	g.Unfinished = strings.Join(unfinished, "; ")
	return g
}

// multiVerdict is the headline of a run: the gate, then one line per plan.
func multiVerdict(plans []labelledReport) (string, []string) {
	g := multiGate(plans)
	failing := 0
	lines := make([]string, 0, len(plans))
	for _, p := range plans {
		pg := p.Gate()
		if !pg.Pass && !pg.Empty {
			failing++
		}
		lines = append(lines, p.label+": "+p.verdict(pg, p.Summary()))
	}
	head := fmt.Sprintf("Gate: passes. %s reviewed.", plural(len(plans), "plan", "plans"))
	if !g.Pass {
		head = fmt.Sprintf("Gate: fails. %d of %s fail.", failing, plural(len(plans), "plan", "plans"))
	}
	return head, lines
}

func writeReports(w io.Writer, format string, plans []labelledReport, colour bool) error {
	switch format {
	case "json":
		return writeMultiJSON(w, plans)
	case "markdown":
		_, err := io.WriteString(w, multiMarkdown(plans, MarkdownLimit))
		return err
	case "oscal":
		return multiAssessment(plans).WriteOSCAL(w)
	case "junit":
		reports := make([]*Report, len(plans))
		labels := make([]string, len(plans))
		for i, p := range plans {
			reports[i], labels[i] = p.Report, p.label
		}
		return writeJUnit(w, reports, labels)
	}
	return writeMultiText(w, plans, colour)
}

// writeMultiJSON writes {"schema_version", "plans": [{"label", ...the
// plan's report}], "gate"}.
func writeMultiJSON(w io.Writer, plans []labelledReport) error {
	bw := bufio.NewWriterSize(w, 64*1024)
	_, _ = bw.WriteString("{\n  \"schema_version\": \"" + SchemaVersion + "\",\n  \"plans\": [")
	for i, p := range plans {
		if i > 0 {
			_, _ = bw.WriteString(",")
		}
		_, _ = bw.WriteString("\n  {\n  \"label\": ")
		_, _ = bw.Write(appendJSONString(nil, p.label))
		_, _ = bw.WriteString(",")
		if err := p.writeJSONMembers(bw); err != nil {
			return err
		}
		_, _ = bw.WriteString("\n  }")
	}
	g, err := marshalIndent(multiGate(plans))
	if err != nil {
		return err
	}
	_, _ = bw.WriteString("\n  ],\n  \"gate\": ")
	_, _ = bw.Write(g)
	_, _ = bw.WriteString("\n}\n")
	return bw.Flush()
}

// multiMarkdown is one comment for every plan: the marker, one headline,
// then a section per plan within its share of limit (in proportion to
// what it would write alone).
func multiMarkdown(plans []labelledReport, limit int) string {
	head, lines := multiVerdict(plans)
	var b strings.Builder
	b.WriteString(MarkdownMarker + "\n## Shared responsibility review\n\n**" + mdEscape(head) + "**\n\n")
	for _, l := range lines {
		b.WriteString("- " + mdEscape(l) + "\n")
	}
	b.WriteString("\n")
	sections := make([]string, len(plans))
	full := 0
	for i, p := range plans {
		sections[i] = p.markdown(limit)
		full += len(sections[i])
	}
	room := limit - b.Len() - 200*len(plans)
	for i, p := range plans {
		if full > room {
			sections[i] = p.markdown(max(room*len(sections[i])/full, 2000))
		}
		body := strings.TrimPrefix(sections[i], MarkdownMarker+"\n## Shared responsibility review\n\n")
		b.WriteString("## Plan " + mdCode(p.label) + "\n\n" + body + "\n")
	}
	return b.String()
}

// writeMultiText writes one headline, then each plan's report under its
// label.
func writeMultiText(w io.Writer, plans []labelledReport, colour bool) error {
	head, lines := multiVerdict(plans)
	var b strings.Builder
	style := ansiGreen
	if !multiGate(plans).Pass {
		style = ansiRed
	}
	if colour {
		head = ansiBold + style + head + ansiReset
	}
	b.WriteString(head + "\n")
	for _, l := range lines {
		b.WriteString("  " + termSafe(l) + "\n")
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}
	for _, p := range plans {
		title := "== " + termSafe(p.label) + " =="
		if colour {
			title = ansiBold + title + ansiReset
		}
		if _, err := io.WriteString(w, "\n"+title+"\n"); err != nil {
			return err
		}
		if err := p.WriteText(w, colour); err != nil {
			return err
		}
	}
	return nil
}

// multiAssessment is the resources of every plan as one assessment, each
// address prefixed with its plan's label, for one OSCAL plan of the run.
func multiAssessment(plans []labelledReport) *srm.Assessment {
	a := &srm.Assessment{Catalog: plans[0].Catalog, Results: map[string]*srm.Result{}, AcceptedBy: map[string]map[string]*srm.AcceptanceRecord{}}
	for _, p := range plans {
		pa := p.Assessment()
		for _, addr := range pa.Addresses {
			key := p.label + ": " + addr
			a.Addresses = append(a.Addresses, key)
			a.Results[key] = pa.Results[addr]
			if by := pa.AcceptedBy[addr]; by != nil {
				a.AcceptedBy[key] = by
			}
		}
	}
	return a
}
