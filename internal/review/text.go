// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"fmt"
	"io"
	"strings"
)

// ANSI styles of the text report.
const (
	ansiReset  = "\033[0m"
	ansiBold   = "\033[1m"
	ansiRed    = "\033[31m"
	ansiYellow = "\033[33m"
	ansiGreen  = "\033[32m"
	ansiCyan   = "\033[36m"
	ansiDim    = "\033[2m"
)

// WriteText writes the report for a terminal, coloured when colour is
// true, in the order of the Markdown report: the verdict and counts, what
// needs an owner by module instance, the next step, the acceptance records
// this change touches, who owns what changed, unknown types, notes, then a
// table of the failing and unknown resources and one line per group of
// fully accepted ones. It is not bounded in size.
func (r *Report) WriteText(w io.Writer, colour bool) error {
	// paint marks styles with 0xff bytes, which no string of the report
	// holds (the input is valid UTF-8): termText then escapes every
	// control character of the text and turns only the marks into ANSI
	// escapes, so nothing in the input can reach the terminal raw.
	paint := func(style, s string) string {
		if !colour || style == "" {
			return s
		}
		return "\xff" + style + "\xff" + s + "\xff" + ansiReset + "\xff"
	}
	var b strings.Builder
	s := r.Summary()
	g := r.Gate()
	style := ansiGreen
	if !g.Pass && !g.Empty {
		style = ansiRed
	}
	b.WriteString(paint(ansiBold+style, r.verdict(g, s)) + "\n")
	if c := r.counts(s); c != "" {
		b.WriteString(c + "\n")
	}
	if g.Unfinished != "" {
		_, err := io.WriteString(w, termText(b.String()))
		return err
	}
	groups := r.Groups()
	section := func(title string) { b.WriteString("\n" + paint(ansiBold, title) + "\n") }

	first := true
	for _, gr := range groups {
		if len(gr.Failing) == 0 {
			continue
		}
		if first {
			section("What needs an owner")
			first = false
		}
		fmt.Fprintf(&b, "  %s (%s): %s — %s\n", paint(ansiBold, oneLine(gr.Title())), plural(len(gr.Failing), "resource", "resources"),
			strings.Join(gr.Patterns, ", "), plural(gr.Unaccepted, "obligation", "obligations"))
		for _, it := range gr.Failing {
			fmt.Fprintf(&b, "    %s (%s): %d of %d unaccepted\n", oneLine(relative(it.Address, gr.Module)), it.Action,
				len(it.Result.Unaccepted), len(it.Result.CustomerObligations))
		}
	}
	if !first {
		section(fmt.Sprintf("Next step: set accepted_by to the accountable team, add to the configuration, plan again (review_by is %d days ahead)", ReviewByDays))
		for _, gr := range groups {
			if len(gr.Failing) > 0 {
				fmt.Fprintf(&b, "\n# %s\n%s", oneLine(gr.Title()), gr.NextStep(r.Options.Now))
			}
		}
	}
	var touched, other []string
	for _, rec := range r.Records {
		if rec.Touched() {
			touched = append(touched, oneLine(fmt.Sprintf("  %s: %s; accepted by %s; covers %s; obligations %s; review by %s", rec.Address, recordChange(rec),
				rec.Record.AcceptedBy, strings.Join(recordCovers(rec), ", "), strings.Join(rec.Record.Obligations, ", "), orDash(rec.Record.ReviewBy)))+"\n")
		}
		if rec.Removed() {
			continue
		}
		switch {
		case rec.Expired:
			other = append(other, fmt.Sprintf("  %s %s\n", paint(ansiRed, "expired"), oneLine(fmt.Sprintf("%s (%s, %s) %s: it accepts nothing; move review_by to renew",
				rec.Address, rec.Record.AcceptedBy, strings.Join(recordCovers(rec), ", "), expiredWhen(rec)))))
		case rec.Expiring:
			other = append(other, fmt.Sprintf("  %s %s\n", paint(ansiYellow, "expiring"), oneLine(fmt.Sprintf("%s (%s, %s) on %s (%s)", rec.Address,
				rec.Record.AcceptedBy, strings.Join(recordCovers(rec), ", "), rec.Record.ReviewBy, inDays(*rec.ExpiresInDays)))))
		}
		if rec.Matches == 0 {
			other = append(other, fmt.Sprintf("  %s %s\n", paint(ansiYellow, "warning"), oneLine(rec.matchNothing())))
		}
	}
	if len(touched)+len(other) > 0 {
		section("Acceptance records this change touches")
		b.WriteString(strings.Join(touched, "") + strings.Join(other, ""))
	}
	first = true
	for _, it := range r.Items {
		if len(it.OwnerChanges) == 0 {
			continue
		}
		if first {
			section("Who owns what changed")
			first = false
		}
		var cs []string
		for _, c := range it.OwnerChanges {
			cs = append(cs, fmt.Sprintf("%s %s → %s", c.Component, c.Before, c.After))
		}
		fmt.Fprintf(&b, "  %s (%s): %s\n", oneLine(it.Address), it.Action, strings.Join(cs, ", "))
	}
	if len(s.UnknownTypes) > 0 {
		section("Types the catalog cannot resolve (answer with a custom catalog entry, or a record accepting \"*\")")
		for _, it := range r.Items {
			if it.Result != nil {
				continue
			}
			covered := ""
			if it.CoveredBy != nil {
				covered = " (every obligation accepted by " + it.CoveredBy.Record.AcceptedBy + " in " + it.CoveredBy.Address + ")"
			}
			fmt.Fprintf(&b, "  %s\n", oneLine(fmt.Sprintf("%s (%s)%s", it.Address, it.Type, covered)))
		}
		if step := r.unknownStep(); step != "" {
			b.WriteString("\n" + step)
		}
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "%s %s\n", paint(ansiYellow, "note"), oneLine(n))
	}
	r.textDetails(&b, groups, paint)
	_, err := io.WriteString(w, termText(b.String()))
	return err
}

// oneLine keeps a value of the input on its line: its line breaks are
// shown escaped (termText escapes the other control characters).
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.NewReplacer("\r", `\r`, "\n", `\n`).Replace(s)
}

// termText is a text report as the terminal gets it: the text between
// paint's marks with its control characters escaped (line breaks kept),
// the marked styles as they are.
func termText(s string) string {
	if strings.IndexByte(s, 0xff) < 0 && strings.IndexFunc(s, func(r rune) bool { return r != '\n' && unsafeRune(r) }) < 0 {
		return s
	}
	var b strings.Builder
	for i, part := range strings.Split(s, "\xff") {
		if i%2 == 1 {
			b.WriteString(part)
			continue
		}
		lines := strings.Split(part, "\n")
		for j, l := range lines {
			if j > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(termSafe(l))
		}
	}
	return b.String()
}

// textDetails writes the table of failing and unknown resources (failing
// groups first) and one line per group of accepted ones.
func (r *Report) textDetails(b *strings.Builder, groups []*Group, paint func(string, string) string) {
	ownerStyle := map[string]string{"provider": ansiGreen, "shared": ansiCyan, "customer": ansiYellow, "-": ansiDim}
	header := []string{"RESOURCE", "ACTION", "MODEL"}
	for _, l := range r.Catalog.Layers {
		header = append(header, strings.ToUpper(l.ID))
	}
	header = append(header, "UNACCEPTED")
	rows := [][]string{header}
	row := func(it *Item) {
		cells := []string{termSafe(it.Address), it.Action}
		if it.Result == nil {
			cells = append(cells, "?")
			for range r.Catalog.Layers {
				cells = append(cells, "-")
			}
			rows = append(rows, append(cells, "-"))
			return
		}
		cells = append(cells, it.Result.ServiceModel.ID)
		for _, l := range it.Result.Layers {
			cells = append(cells, string(l.Owner))
		}
		rows = append(rows, append(cells, fmt.Sprintf("%d/%d", len(it.Result.Unaccepted), len(it.Result.CustomerObligations))))
	}
	for _, gr := range groups {
		for _, it := range gr.Failing {
			row(it)
		}
	}
	for _, gr := range groups {
		for _, it := range gr.Unknown {
			row(it)
		}
	}
	var accepted []string
	for _, gr := range groups {
		if line := gr.acceptedLine(oneLine(gr.Title()), oneLine); line != "" {
			accepted = append(accepted, "  "+line+"\n")
		}
	}
	if len(rows) == 1 && len(accepted) == 0 {
		return
	}
	b.WriteString("\n" + paint(ansiBold, "Details") + "\n")
	if len(rows) > 1 {
		widths := make([]int, len(header))
		for _, rw := range rows {
			for i, cell := range rw {
				widths[i] = max(widths[i], len(cell))
			}
		}
		last := len(header) - 1
		for ri, rw := range rows {
			for i, cell := range rw {
				style := ""
				switch {
				case ri == 0:
					style = ansiBold
				case i >= 3 && i < last:
					style = ownerStyle[cell]
				case i == last && cell != "-" && !strings.HasPrefix(cell, "0/"):
					style = ansiRed
				}
				b.WriteString(paint(style, cell))
				if i < last {
					b.WriteString(strings.Repeat(" ", widths[i]-len(cell)+2))
				}
			}
			b.WriteString("\n")
		}
	}
	if len(accepted) > 0 {
		b.WriteString("Fully accepted:\n" + strings.Join(accepted, ""))
	}
	for _, gr := range groups {
		for _, it := range gr.Failing {
			for _, a := range it.Assumptions {
				fmt.Fprintf(b, "%s %s\n", paint(ansiDim, "assumption"), oneLine(fmt.Sprintf("%s: %s = %q (%s)", it.Address, a.Condition, a.Assumed, a.Reason)))
			}
		}
	}
}
