// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// jsonResource is one resource of the JSON report (SPEC §7.3).
type jsonResource struct {
	Address      string            `json:"address"`
	Type         string            `json:"type"`
	Action       string            `json:"action"`
	ServiceModel *string           `json:"service_model"`
	Basis        string            `json:"basis"`
	Owners       map[string]string `json:"owners"`
	Components   map[string]string `json:"components"`
	Unaccepted   []string          `json:"unaccepted"`
	Accepted     []string          `json:"accepted"`
	Assumptions  []Assumption      `json:"assumptions"`
}

// WriteJSON writes the report as JSON: the resources, then the summary.
func (r *Report) WriteJSON(w io.Writer) error {
	out := struct {
		Resources []jsonResource `json:"resources"`
		Summary   Summary        `json:"summary"`
		Notes     []string       `json:"notes,omitempty"`
	}{Resources: make([]jsonResource, len(r.Items)), Summary: r.Summary(), Notes: r.Notes}
	for i, it := range r.Items {
		jr := jsonResource{Address: it.Address, Type: it.Type, Action: it.Action, Basis: it.Basis,
			Owners: map[string]string{}, Components: map[string]string{}, Unaccepted: []string{}, Accepted: []string{},
			Assumptions: it.Assumptions}
		if jr.Assumptions == nil {
			jr.Assumptions = []Assumption{}
		}
		if res := it.Result; res != nil {
			jr.ServiceModel = &res.ServiceModel.ID
			for _, l := range res.Layers {
				jr.Owners[l.Layer.ID] = string(l.Owner)
			}
			for _, c := range res.Components {
				jr.Components[c.Component.ID] = string(c.Owner)
			}
			jr.Unaccepted = res.UnacceptedIDs()
			jr.Accepted = res.AcceptedIDs()
		}
		out.Resources[i] = jr
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// WriteOSCAL writes the resolved resources as the OSCAL system security
// plan that srm_assessment exports.
func (r *Report) WriteOSCAL(w io.Writer) error {
	a := r.Assessment()
	if len(a.Addresses) == 0 {
		return inputErrorf("nothing to export as OSCAL: the %s has no reviewed resource whose type the catalog knows", r.Source)
	}
	b, err := a.OSCAL()
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

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

// WriteText writes the report as a terminal table, coloured when colour is
// true.
func (r *Report) WriteText(w io.Writer, colour bool) error {
	paint := func(style, s string) string {
		if !colour || style == "" {
			return s
		}
		return style + s + ansiReset
	}
	ownerStyle := map[string]string{"provider": ansiGreen, "shared": ansiCyan, "customer": ansiYellow, "-": ansiDim}
	header := []string{"RESOURCE", "ACTION", "MODEL"}
	for _, l := range r.Catalog.Layers {
		header = append(header, strings.ToUpper(l.ID))
	}
	header = append(header, "UNACCEPTED")
	rows := [][]string{header}
	for _, it := range r.Items {
		row := []string{it.Address, it.Action}
		if it.Result == nil {
			row = append(row, "?")
			for range r.Catalog.Layers {
				row = append(row, "-")
			}
			row = append(row, "-")
		} else {
			row = append(row, it.Result.ServiceModel.ID)
			for _, l := range it.Result.Layers {
				row = append(row, string(l.Owner))
			}
			row = append(row, fmt.Sprintf("%d/%d", len(it.Result.Unaccepted), len(it.Result.CustomerObligations)))
		}
		rows = append(rows, row)
	}
	widths := make([]int, len(header))
	for _, row := range rows {
		for i, cell := range row {
			widths[i] = max(widths[i], len(cell))
		}
	}
	var b strings.Builder
	last := len(header) - 1
	for ri, row := range rows {
		for i, cell := range row {
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
	s := r.Summary()
	b.WriteString("\n" + summaryLine(r, s) + "\n")
	for _, it := range r.Items {
		for _, a := range it.Assumptions {
			fmt.Fprintf(&b, "%s %s: %s = %q (%s)\n", paint(ansiDim, "assumption"), it.Address, a.Condition, a.Assumed, a.Reason)
		}
	}
	if len(s.UnknownTypes) > 0 {
		fmt.Fprintf(&b, "%s types the catalog cannot resolve (no owners, set in a custom catalog with -catalog): %s\n",
			paint(ansiYellow, "unknown"), strings.Join(s.UnknownTypes, ", "))
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "%s %s\n", paint(ansiYellow, "note"), n)
	}
	if s.Obligations.Unaccepted > 0 {
		b.WriteString("\nUnaccepted obligations:\n")
		for _, it := range r.Items {
			if it.Result == nil || len(it.Result.Unaccepted) == 0 {
				continue
			}
			fmt.Fprintf(&b, "  %s: %s\n", paint(ansiBold, it.Address), strings.Join(it.Result.UnacceptedIDs(), ", "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// summaryLine is the one-line summary of the text and Markdown reports.
func summaryLine(r *Report, s Summary) string {
	var actions []string
	for _, a := range sortedKeys(s.ByAction) {
		actions = append(actions, fmt.Sprintf("%d %s", s.ByAction[a], a))
	}
	line := fmt.Sprintf("%d resources reviewed", s.Resources)
	if len(actions) > 0 {
		line += " (" + strings.Join(actions, ", ") + ")"
	}
	line += fmt.Sprintf("; %d of %d customer obligations unaccepted on %d resources; %d acceptance records",
		s.Obligations.Unaccepted, s.Obligations.Total, s.WithUnaccepted, s.AcceptanceRecords.Found)
	if s.AcceptanceRecords.Expired > 0 {
		line += fmt.Sprintf(" (%d expired)", s.AcceptanceRecords.Expired)
	}
	if n := s.ByBasis[BasisUnknown]; n > 0 {
		line += fmt.Sprintf("; %d of unknown type", n)
	}
	return line + "."
}

// WriteMarkdown writes the report as a pull-request comment: the summary,
// then per module a table and, per resource, a collapsible section with
// what it brings and what is unaccepted.
func (r *Report) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	s := r.Summary()
	b.WriteString("## Shared responsibility review\n\n")
	if s.Obligations.Unaccepted == 0 {
		fmt.Fprintf(&b, "**%d resources reviewed: every customer obligation is accepted** (%d).\n\n", s.Resources, s.Obligations.Total)
	} else {
		fmt.Fprintf(&b, "**%d resources reviewed: %d of %d customer obligations are not accepted** on %d resources.\n\n",
			s.Resources, s.Obligations.Unaccepted, s.Obligations.Total, s.WithUnaccepted)
	}
	b.WriteString("| | count |\n|---|---:|\n")
	for _, a := range sortedKeys(s.ByAction) {
		fmt.Fprintf(&b, "| %s | %d |\n", a, s.ByAction[a])
	}
	fmt.Fprintf(&b, "| customer obligations accepted | %d |\n| customer obligations unaccepted | %d |\n", s.Obligations.Accepted, s.Obligations.Unaccepted)
	fmt.Fprintf(&b, "| acceptance records (expired) | %d (%d) |\n", s.AcceptanceRecords.Found, s.AcceptanceRecords.Expired)
	if s.WithAssumptions > 0 {
		fmt.Fprintf(&b, "| resources with assumptions | %d |\n", s.WithAssumptions)
	}
	if n := s.ByBasis[BasisUnknown]; n > 0 {
		fmt.Fprintf(&b, "| resources of a type the catalog cannot resolve | %d |\n", n)
	}
	b.WriteString("\n")
	if len(s.UnknownTypes) > 0 {
		fmt.Fprintf(&b, "Types the catalog cannot resolve (listed without owners; add them to a custom catalog): %s.\n\n", codeJoin(s.UnknownTypes))
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "> **Note:** %s\n\n", mdEscape(n))
	}
	omitted := 0
	for i := 0; i < len(r.Items); {
		mod := r.Items[i].Module
		j := i
		for j < len(r.Items) && r.Items[j].Module == mod {
			j++
		}
		omitted += writeModule(&b, r.Catalog, mod, r.Items[i:j])
		i = j
	}
	if omitted > 0 {
		fmt.Fprintf(&b, "> The details of %d resources are left out to keep this comment within %d KiB: run the review with `-format json` for all of them.\n\n",
			omitted, markdownDetailsBudget/1024)
	}
	fmt.Fprintf(&b, "<sub>Catalog %s, reviewed by terraform-provider-srm from the %s's JSON. Accepting an obligation records who owns it; "+
		"it does not transfer liability or remove risk.</sub>\n", r.Catalog.Version, r.Source)
	_, err := io.WriteString(w, b.String())
	return err
}

// markdownDetailsBudget bounds the size of a Markdown report beyond which
// per-resource details are left out: a GitHub comment holds 65,536
// characters, and the tables come first.
const markdownDetailsBudget = 48 * 1024

// writeModule writes the table and the details of one module, and returns
// how many resources' details it left out.
func writeModule(b *strings.Builder, c *srm.Catalog, mod string, items []*Item) int {
	title := "Root module"
	if mod != "" {
		title = "`" + mod + "`"
	}
	fmt.Fprintf(b, "### %s\n\n| resource | action | model |", title)
	for _, l := range c.Layers {
		b.WriteString(" " + l.ID + " |")
	}
	b.WriteString(" unaccepted |\n|---|---|---|")
	for range c.Layers {
		b.WriteString("---|")
	}
	b.WriteString("---:|\n")
	for _, it := range items {
		fmt.Fprintf(b, "| `%s` | %s |", it.Address, it.Action)
		if it.Result == nil {
			b.WriteString(" *unknown type* |")
			for range c.Layers {
				b.WriteString(" – |")
			}
			b.WriteString(" – |\n")
			continue
		}
		fmt.Fprintf(b, " %s |", it.Result.ServiceModel.ID)
		for _, l := range it.Result.Layers {
			b.WriteString(" " + string(l.Owner) + " |")
		}
		fmt.Fprintf(b, " %d of %d |\n", len(it.Result.Unaccepted), len(it.Result.CustomerObligations))
	}
	b.WriteString("\n")
	omitted := 0
	for _, it := range items {
		if b.Len() > markdownDetailsBudget {
			omitted++
			continue
		}
		writeDetails(b, it)
	}
	return omitted
}

func writeDetails(b *strings.Builder, it *Item) {
	res := it.Result
	if res == nil {
		fmt.Fprintf(b, "<details><summary><code>%s</code>: type <code>%s</code> is not in the catalog</summary>\n\n"+
			"No owners: the review cannot say who owns what. Add the type to a custom catalog (`-catalog`) to review it.\n\n</details>\n\n",
			htmlEscape(it.Address), htmlEscape(it.Type))
		return
	}
	state := "all accepted"
	if n := len(res.Unaccepted); n > 0 {
		state = fmt.Sprintf("%d unaccepted", n)
	}
	fmt.Fprintf(b, "<details><summary><code>%s</code> (%s, %s): %d customer obligations, %s</summary>\n\n",
		htmlEscape(it.Address), htmlEscape(it.Type), res.ServiceModel.ID, len(res.CustomerObligations), state)
	if len(res.Unaccepted) > 0 {
		b.WriteString("**Unaccepted**\n\n")
		for _, o := range res.Unaccepted {
			fmt.Fprintf(b, "- `%s`: %s\n", o.ID, mdEscape(o.Title))
		}
		b.WriteString("\n")
	}
	if accepted := res.AcceptedIDs(); len(accepted) > 0 {
		b.WriteString("**Accepted**\n\n")
		for _, id := range accepted {
			if rec := it.AcceptedBy[id]; rec != nil {
				fmt.Fprintf(b, "- `%s` by %s\n", id, mdEscape(rec.AcceptedBy))
			} else {
				fmt.Fprintf(b, "- `%s`\n", id)
			}
		}
		b.WriteString("\n")
	}
	if len(it.Assumptions) > 0 {
		b.WriteString("**Assumptions** (conditions the plan does not state)\n\n")
		for _, a := range it.Assumptions {
			fmt.Fprintf(b, "- `%s` = `%s`: %s\n", a.Condition, a.Assumed, mdEscape(a.Reason))
		}
		b.WriteString("\n")
	}
	if len(res.OverridesApplied) > 0 {
		b.WriteString("**Why the owners differ from the matrix**\n\n")
		for _, o := range res.OverridesApplied {
			fmt.Fprintf(b, "- %s: %s → %s (%s `%s`)\n", o.Component, o.From, o.To, o.Kind, o.Name)
		}
		b.WriteString("\n")
	}
	b.WriteString("</details>\n\n")
}

func codeJoin(items []string) string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = "`" + s + "`"
	}
	return strings.Join(out, ", ")
}

func mdEscape(s string) string {
	return strings.NewReplacer("|", "\\|", "<", "&lt;", ">", "&gt;", "\n", " ").Replace(s)
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
