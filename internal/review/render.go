// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

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
// The resources are written one by one as encoding/json would indent them,
// with the catalog's ids escaped once: at ten thousand resources,
// reflection and a second indenting pass over the whole document cost more
// than the review itself.
func (r *Report) WriteJSON(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 64*1024)
	// A bufio.Writer keeps its first error and Flush returns it.
	ws := func(s string) { _, _ = bw.WriteString(s) }
	wb := func(b []byte) { _, _ = bw.Write(b) }
	jw := newJSONWriter(r.Catalog)
	buf := make([]byte, 0, 4096)
	ws("{\n  \"resources\": [")
	for i, it := range r.Items {
		if i > 0 {
			ws(",")
		}
		buf = jw.appendResource(buf[:0], it)
		wb(buf)
	}
	if len(r.Items) > 0 {
		ws("\n  ")
	}
	ws("],\n  \"summary\": ")
	sum, err := json.MarshalIndent(r.Summary(), "  ", "  ")
	if err != nil {
		return err
	}
	wb(sum)
	if len(r.Notes) > 0 {
		notes, err := json.MarshalIndent(r.Notes, "  ", "  ")
		if err != nil {
			return err
		}
		ws(",\n  \"notes\": ")
		wb(notes)
	}
	ws("\n}\n")
	return bw.Flush()
}

// jsonWriter writes resources of the JSON report with the catalog's ids
// escaped once and its layers and components in key order.
type jsonWriter struct {
	// layerOrder and compOrder are the indexes of the catalog's layers and
	// components sorted by id (encoding/json sorts map keys).
	layerOrder, compOrder []int
	layerKey, compKey     [][]byte
	obligation            map[*srm.Obligation][]byte
}

func newJSONWriter(c *srm.Catalog) *jsonWriter {
	jw := &jsonWriter{obligation: make(map[*srm.Obligation][]byte, len(c.Obligations))}
	order := func(n int, id func(int) string) ([]int, [][]byte) {
		idx := make([]int, n)
		keys := make([][]byte, n)
		for i := range idx {
			idx[i] = i
			keys[i] = append(appendJSONString(nil, id(i)), ": "...)
		}
		sort.Slice(idx, func(a, b int) bool { return id(idx[a]) < id(idx[b]) })
		return idx, keys
	}
	jw.layerOrder, jw.layerKey = order(len(c.Layers), func(i int) string { return c.Layers[i].ID })
	jw.compOrder, jw.compKey = order(len(c.Components), func(i int) string { return c.Components[i].ID })
	for _, o := range c.Obligations {
		jw.obligation[o] = appendJSONString(nil, o.ID)
	}
	return jw
}

// appendResource appends one resource of the JSON report (SPEC §7.3:
// address, type, action, service_model, basis, owners, components,
// unaccepted, accepted, assumptions; answered_by, the service or provider
// rule, when the basis is not the type), indented as an element of the
// resources array.
func (jw *jsonWriter) appendResource(b []byte, it *Item) []byte {
	const in = "\n      "
	b = append(b, "\n    {"+in+`"address": `...)
	b = appendJSONString(b, it.Address)
	b = append(b, ","+in+`"type": `...)
	b = appendJSONString(b, it.Type)
	b = append(b, ","+in+`"action": `...)
	b = appendJSONString(b, it.Action)
	b = append(b, ","+in+`"service_model": `...)
	res := it.Result
	if res == nil {
		b = append(b, "null"...)
	} else {
		b = appendJSONString(b, res.ServiceModel.ID)
	}
	b = append(b, ","+in+`"basis": `...)
	b = appendJSONString(b, it.Basis)
	if res != nil && it.Basis != BasisType {
		// What answered: the service's key or the provider rule's name.
		b = append(b, ","+in+`"answered_by": `...)
		b = appendJSONString(b, res.ResourceType.Type)
	}
	b = append(b, ","+in+`"owners": `...)
	if res == nil {
		b = append(b, "{},"+in+`"components": {},`+in+`"unaccepted": [],`+in+`"accepted": [],`...)
	} else {
		b = appendOwners(b, jw.layerOrder, jw.layerKey, func(i int) srm.Owner { return res.Layers[i].Owner })
		b = append(b, ","+in+`"components": `...)
		b = appendOwners(b, jw.compOrder, jw.compKey, func(i int) srm.Owner { return res.Components[i].Owner })
		b = append(b, ","+in+`"unaccepted": `...)
		b = jw.appendObligations(b, res.Unaccepted, nil)
		b = append(b, ","+in+`"accepted": `...)
		b = jw.appendObligations(b, res.CustomerObligations, res.Unaccepted)
		b = append(b, ","...)
	}
	b = append(b, in+`"assumptions": `...)
	if len(it.Assumptions) == 0 {
		b = append(b, "[]"...)
	} else {
		b = append(b, '[')
		for i, a := range it.Assumptions {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, in+"  {"+in+`    "condition": `...)
			b = appendJSONString(b, a.Condition)
			b = append(b, ","+in+`    "assumed": `...)
			b = appendJSONString(b, a.Assumed)
			b = append(b, ","+in+`    "reason": `...)
			b = appendJSONString(b, a.Reason)
			b = append(b, in+"  }"...)
		}
		b = append(b, in+"]"...)
	}
	return append(b, "\n    }"...)
}

// appendOwners appends an object of owners keyed by id, in key order.
func appendOwners(b []byte, order []int, keys [][]byte, owner func(int) srm.Owner) []byte {
	b = append(b, '{')
	for n, i := range order {
		if n > 0 {
			b = append(b, ',')
		}
		b = append(b, "\n        "...)
		b = append(b, keys[i]...)
		b = appendJSONString(b, string(owner(i)))
	}
	return append(b, "\n      }"...)
}

// appendObligations appends the ids of obls as an array, leaving out those
// of except (a subsequence of obls, in the same order).
func (jw *jsonWriter) appendObligations(b []byte, obls, except []*srm.Obligation) []byte {
	n := 0
	for _, o := range obls {
		if len(except) > 0 && except[0] == o {
			except = except[1:]
			continue
		}
		if n == 0 {
			b = append(b, '[')
		} else {
			b = append(b, ',')
		}
		n++
		b = append(b, "\n        "...)
		if q, ok := jw.obligation[o]; ok {
			b = append(b, q...)
		} else {
			b = appendJSONString(b, o.ID)
		}
	}
	if n == 0 {
		return append(b, "[]"...)
	}
	return append(b, "\n      ]"...)
}

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it (HTML characters included).
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// WriteOSCAL writes the resolved resources as the OSCAL system security
// plan that srm_assessment exports, as it goes. A plan with nothing
// reviewed is a plan without components: valid, never an error.
func (r *Report) WriteOSCAL(w io.Writer) error {
	return r.Assessment().WriteOSCAL(w)
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
	b.WriteString("\n" + summaryLine(s) + "\n")
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
func summaryLine(s Summary) string {
	var actions []string
	for _, a := range sortedKeys(s.ByAction) {
		actions = append(actions, fmt.Sprintf("%d %s", s.ByAction[a], a))
	}
	line := resources(s.Resources) + " reviewed"
	if len(actions) > 0 {
		line += " (" + strings.Join(actions, ", ") + ")"
	}
	line += fmt.Sprintf("; %d of %d customer obligations unaccepted on %s; %d acceptance records",
		s.Obligations.Unaccepted, s.Obligations.Total, resources(s.WithUnaccepted), s.AcceptanceRecords.Found)
	if s.AcceptanceRecords.Expired > 0 {
		line += fmt.Sprintf(" (%d expired)", s.AcceptanceRecords.Expired)
	}
	if n := s.ByBasis[BasisService]; n > 0 {
		line += fmt.Sprintf("; %d answered by their service's classification", n)
	}
	if n := s.ByBasis[BasisProvider]; n > 0 {
		line += fmt.Sprintf("; %d answered by a provider-wide rule", n)
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
	unknown := s.ByBasis[BasisUnknown]
	switch {
	case s.Obligations.Unaccepted > 0:
		fmt.Fprintf(&b, "**%s reviewed: %d of %d customer obligations are not accepted** on %s.",
			resources(s.Resources), s.Obligations.Unaccepted, s.Obligations.Total, resources(s.WithUnaccepted))
	case unknown > 0 && unknown == s.Resources:
		fmt.Fprintf(&b, "**%s reviewed; the catalog cannot resolve the type of any of them: who owns what is unknown.**", resources(s.Resources))
	case unknown > 0:
		fmt.Fprintf(&b, "**%s reviewed; the catalog cannot resolve the type of %d: who owns what there is unknown.** "+
			"The other resources' %d customer obligations are all accepted.", resources(s.Resources), unknown, s.Obligations.Total)
	default:
		fmt.Fprintf(&b, "**%s reviewed: all %d customer obligations are accepted.**", resources(s.Resources), s.Obligations.Total)
	}
	if unknown > 0 && s.Obligations.Unaccepted > 0 {
		fmt.Fprintf(&b, " The catalog cannot resolve the type of %d: who owns what there is unknown.", unknown)
	}
	b.WriteString("\n\n")
	b.WriteString("| | count |\n|---|---:|\n")
	for _, a := range sortedKeys(s.ByAction) {
		fmt.Fprintf(&b, "| %s | %d |\n", a, s.ByAction[a])
	}
	fmt.Fprintf(&b, "| customer obligations accepted | %d |\n| customer obligations unaccepted | %d |\n", s.Obligations.Accepted, s.Obligations.Unaccepted)
	fmt.Fprintf(&b, "| acceptance records (expired) | %d (%d) |\n", s.AcceptanceRecords.Found, s.AcceptanceRecords.Expired)
	if s.WithAssumptions > 0 {
		fmt.Fprintf(&b, "| resources with assumptions | %d |\n", s.WithAssumptions)
	}
	if n := s.ByBasis[BasisService]; n > 0 {
		fmt.Fprintf(&b, "| resources answered by their service's classification | %d |\n", n)
	}
	if n := s.ByBasis[BasisProvider]; n > 0 {
		fmt.Fprintf(&b, "| resources answered by a provider-wide rule | %d |\n", n)
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
	if teams := r.Assessment().AcceptedByTeam(); len(teams) > 0 {
		b.WriteString("| accepted by | resources | obligations |\n|---|---:|---:|\n")
		for _, tc := range teams {
			fmt.Fprintf(&b, "| %s | %d | %d |\n", mdEscape(tc.Team), tc.Resources, tc.Obligations)
		}
		b.WriteString("\n")
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
		// The table and the summary say it: a type the catalog cannot
		// resolve has nothing more to show.
		return
	}
	state := "all accepted"
	if n := len(res.Unaccepted); n > 0 {
		state = fmt.Sprintf("%d unaccepted", n)
	}
	model := res.ServiceModel.ID
	switch res.Basis() {
	case BasisProvider:
		model += ", by the provider rule <code>" + htmlEscape(res.ResourceType.Type) + "</code>"
	case BasisService:
		model += ", by the service <code>" + htmlEscape(res.ResourceType.Type) + "</code> (" + htmlEscape(res.ResourceType.Service.Name) + ")"
	}
	fmt.Fprintf(b, "<details><summary><code>%s</code> (%s, %s): %d customer obligations, %s</summary>\n\n",
		htmlEscape(it.Address), htmlEscape(it.Type), model, len(res.CustomerObligations), state)
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

// resources counts resources in words: "1 resource", "2 resources".
func resources(n int) string {
	if n == 1 {
		return "1 resource"
	}
	return fmt.Sprintf("%d resources", n)
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

func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }
