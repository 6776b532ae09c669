// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// MarkdownMarker is the first line of every Markdown report: hidden in
// the rendered comment, it lets CI find and update its own comment.
const MarkdownMarker = "<!-- terraform-provider-srm review -->"

// MarkdownLimit bounds a Markdown report: a GitHub comment holds 65,536
// characters. The report is measured in bytes, which are never fewer.
const MarkdownLimit = 65536

// verdict is the first sentence of a report: the gate and why.
func (r *Report) verdict(g Gate, s Summary) string {
	switch {
	case g.Unfinished != "":
		return "Gate: fails. " + g.Unfinished + "; nothing here is a review of the whole change. Fix the plan's errors and plan again."
	case g.Empty && r.Source == "state":
		return "Nothing to review: the state has no managed resources."
	case g.Empty:
		return "No changes to review."
	case len(r.Items) == 0 && g.Unknown == 0:
		return "Gate: passes. No resource to review: this change only changes acceptance records (below)."
	}
	var why []string
	if s.Obligations.Unaccepted > 0 {
		why = append(why, fmt.Sprintf("%s on %d of %s need an owner",
			plural(s.Obligations.Unaccepted, "customer obligation", "customer obligations"), s.WithUnaccepted,
			plural(s.Resources, "reviewed resource", "reviewed resources")))
	}
	if g.Unknown > 0 {
		why = append(why, plural(g.Unknown, "resource is", "resources are")+" of a type the catalog cannot resolve")
	}
	if len(why) > 0 {
		return "Gate: fails. " + upperFirst(strings.Join(why, "; ")) + "."
	}
	line := fmt.Sprintf("Gate: passes. All %s of the %s are accepted.",
		plural(s.Obligations.Total, "customer obligation", "customer obligations"), plural(s.Resources, "reviewed resource", "reviewed resources"))
	if unknown := s.ByBasis[BasisUnknown]; unknown > 0 {
		why := "a record accepts every obligation of them"
		if r.Options.AllowUnknown {
			why = "-allow-unknown"
		}
		line += fmt.Sprintf(" %s of a type the catalog cannot resolve (allowed: %s).", plural(unknown, "resource is", "resources are"), why)
	}
	return line
}

// counts is the second line of a report: what was reviewed, the
// obligations, the records, and what was not reviewed.
func (r *Report) counts(s Summary) string {
	var parts []string
	if r.Unfinished != "" {
		return fmt.Sprintf("The partial plan lists %s to review; none is reviewed.", plural(s.Resources, "resource", "resources"))
	}
	rev := plural(s.Resources, "resource", "resources") + " reviewed"
	if len(s.ByAction) > 0 {
		var acts []string
		for _, a := range sortedKeys(s.ByAction) {
			acts = append(acts, fmt.Sprintf("%d %s", s.ByAction[a], a))
		}
		rev += " (" + strings.Join(acts, ", ") + ")"
	}
	if s.Resources > 0 {
		parts = append(parts, rev)
	}
	if s.Obligations.Total > 0 {
		parts = append(parts, fmt.Sprintf("%d of %s accepted", s.Obligations.Accepted, plural(s.Obligations.Total, "customer obligation", "customer obligations")))
	}
	rc := s.AcceptanceRecords
	rec := plural(rc.Found, "acceptance record", "acceptance records")
	var more []string
	for _, m := range []struct {
		n    int
		what string
	}{{rc.Granted, "granted by this change"}, {rc.Pending, "pending"}, {rc.Removed, "removed"}, {rc.Expired, "expired"},
		{rc.Expiring, "expiring"}, {rc.MatchingNothing, "matching nothing"}} {
		if m.n > 0 {
			more = append(more, fmt.Sprintf("%d %s", m.n, m.what))
		}
	}
	if len(more) > 0 {
		rec += " (" + strings.Join(more, ", ") + ")"
	}
	if rc.Found+rc.Removed > 0 {
		parts = append(parts, rec)
	}
	if len(s.NotReviewed) > 0 {
		var nr []string
		for _, a := range sortedKeys(s.NotReviewed) {
			nr = append(nr, fmt.Sprintf("%d %s", s.NotReviewed[a], a))
		}
		parts = append(parts, "not reviewed: "+strings.Join(nr, ", "))
	}
	if r.Options.Trust == TrustPrior {
		parts = append(parts, "trusted records: the prior state's")
	}
	return upperFirst(strings.Join(parts, " · "))
}

// mdDoc is a Markdown report under construction: its parts in output
// order, sized before they are written so that the least important are cut
// first.
type mdDoc struct {
	head, needs, nextStep, records, unknown, notes string
	// needsCompact lists the failing resources more tightly; needsLines
	// are its lines, cut from the end when even it does not fit.
	needsCompact []string
	ownerLines   []string
	failing      []string // per-resource details of failing resources
	// failingTotal counts the lines failing would hold unbounded: those
	// past the limit are not written.
	failingTotal int
	accepted     []string // one line per group of accepted resources
}

// WriteMarkdown writes the report as a pull-request comment, diff first
// (SPEC §8.1): the hidden marker line, the headline, what needs an owner
// (by module instance), the next step, the acceptance records this change
// touches, who owns what changed, unknown types, then details of failing
// resources and one line per group of accepted ones. It never exceeds
// MarkdownLimit: accepted lines are cut first, then failing details, then
// owner changes, then the list of failing resources is compacted; the
// headline, next steps and records are never cut, and the report says what
// it cut.
func (r *Report) WriteMarkdown(w io.Writer) error {
	_, err := io.WriteString(w, r.markdown(MarkdownLimit))
	return err
}

func (r *Report) markdown(limit int) string {
	s := r.Summary()
	g := r.Gate()
	groups := r.Groups()
	var d mdDoc
	var b strings.Builder
	b.WriteString(MarkdownMarker + "\n## Shared responsibility review\n\n")
	fmt.Fprintf(&b, "**%s**\n\n", mdEscape(r.verdict(g, s)))
	if c := r.counts(s); c != "" {
		b.WriteString(mdEscape(c) + "\n\n")
	}
	d.head = b.String()
	footer := fmt.Sprintf("<sub>Catalog %s, reviewed by terraform-provider-srm from the %s's JSON. Accepting an obligation records who owns it; "+
		"it does not transfer liability or remove risk.</sub>\n", r.Catalog.Version, r.Source)
	if g.Unfinished != "" {
		return d.head + footer
	}
	d.needs, d.needsCompact = mdNeeds(groups)
	d.nextStep = r.mdNextStep(groups)
	d.records = r.mdRecords()
	d.ownerLines = mdOwnerChanges(r.Items)
	d.unknown = r.mdUnknown()
	for _, n := range r.Notes {
		d.notes += "> **Note:** " + mdEscape(n) + "\n\n"
	}
	// Details past the limit would be cut whole: they are counted, not
	// written, so that a plan of thousands of failing resources costs a
	// comment's worth of memory.
	size := 0
	for _, gr := range groups {
		if len(gr.Failing) == 0 {
			continue
		}
		d.failingTotal += 1 + len(gr.Failing)
		for i := -1; i < len(gr.Failing) && size <= limit; i++ {
			line := ""
			if i < 0 {
				line = mdLegend(gr)
			} else {
				line = mdDetails(r.Catalog, gr.Failing[i])
			}
			d.failing = append(d.failing, line)
			size += len(line)
		}
	}
	for _, gr := range groups {
		if line := mdAcceptedLine(gr); line != "" {
			d.accepted = append(d.accepted, line)
		}
	}
	return d.assemble(limit, footer)
}

// assemble writes the parts within limit, cutting the least important
// first, and says what it cut.
func (d *mdDoc) assemble(limit int, footer string) string {
	const cutNoteRoom = 400
	size := func(parts ...string) int {
		n := 0
		for _, p := range parts {
			n += len(p)
		}
		return n
	}
	sum := func(lines []string) int { return size(lines...) }
	fixed := size(d.head, d.nextStep, d.records, d.unknown, d.notes, footer) + cutNoteRoom
	const ownersHead, detailsHead, acceptedHead = "### Who owns what changed\n\n", "### Details\n\n", "**Fully accepted** (not expanded):\n\n"
	var cut []string
	// What needs an owner: in full, else compact, else as much as fits.
	needs := d.needs
	if fixed+len(needs) > limit {
		needs = strings.Join(d.needsCompact, "")
		if fixed+len(needs) > limit {
			n := fitLines(d.needsCompact, limit-fixed)
			needs = strings.Join(d.needsCompact[:n], "") + "\n"
			cut = append(cut, fmt.Sprintf("%d lines of the list of resources that need an owner", len(d.needsCompact)-n))
		}
	}
	room := limit - fixed - len(needs)
	// Once a part is cut, every less important part is cut whole.
	cutting := false
	take := func(head string, lines []string, total int, what string) string {
		if len(lines) == 0 {
			return ""
		}
		if cutting {
			cut = append(cut, fmt.Sprintf("%d %s", total, what))
			return ""
		}
		if len(lines) == total && sum(lines)+len(head) <= room {
			room -= sum(lines) + len(head)
			return head + strings.Join(lines, "")
		}
		n := 0
		if room > len(head) {
			n = fitLines(lines, room-len(head))
		}
		cut = append(cut, fmt.Sprintf("%d %s", total-n, what))
		cutting = true
		if n == 0 {
			return ""
		}
		room -= sum(lines[:n]) + len(head)
		return head + strings.Join(lines[:n], "")
	}
	// Owner changes before details, failing details before accepted lines.
	owners := take(ownersHead, d.ownerLines, len(d.ownerLines), "owner changes")
	if owners != "" {
		owners += "\n"
	}
	failing := take(detailsHead, d.failing, d.failingTotal, "detail sections of resources with unaccepted obligations")
	accepted := take(acceptedHead, d.accepted, len(d.accepted), "lines of fully accepted groups")
	if accepted != "" && failing == "" {
		accepted = detailsHead + accepted
	}
	if accepted != "" {
		accepted += "\n"
	}
	var b strings.Builder
	b.Grow(limit)
	b.WriteString(d.head)
	b.WriteString(needs)
	b.WriteString(d.nextStep)
	b.WriteString(d.records)
	b.WriteString(owners)
	b.WriteString(d.unknown)
	b.WriteString(d.notes)
	b.WriteString(failing)
	b.WriteString(accepted)
	if len(cut) > 0 {
		fmt.Fprintf(&b, "> Left out to keep this comment within %d characters: %s. Run the review with `-format json` (or `-format text`) to see everything.\n\n",
			limit, strings.Join(cut, "; "))
	}
	b.WriteString(footer)
	out := b.String()
	if len(out) > limit {
		// The parts never cut (records, next steps) are larger than a
		// comment: end at the last line that fits and say so.
		const note = "\n\n> Cut at the comment's size limit: run the review with `-format json` to see everything.\n"
		end := strings.LastIndexByte(out[:limit-len(note)], '\n')
		out = out[:max(end, 0)] + note
	}
	return out
}

// fitLines counts how many of lines, from the first, fit in room bytes.
func fitLines(lines []string, room int) int {
	n, used := 0, 0
	for _, l := range lines {
		if used+len(l) > room {
			break
		}
		used += len(l)
		n++
	}
	return n
}

// mdNeeds is the "What needs an owner" section: per failing group, its
// obligations once and its resources one per line; and the same with the
// resources listed tightly, as lines.
func mdNeeds(groups []*Group) (string, []string) {
	var full strings.Builder
	var lines []string
	const head = "### What needs an owner\n\n"
	found := false
	for _, g := range groups {
		if len(g.Failing) == 0 {
			continue
		}
		found = true
		title := fmt.Sprintf("**%s** (%s): %s — %s\n", mdTitle(g), plural(len(g.Failing), "resource", "resources"),
			strings.Join(quoteCode(g.Patterns), ", "), plural(g.Unaccepted, "obligation", "obligations"))
		full.WriteString(title)
		lines = append(lines, title)
		var names []string
		for _, it := range g.Failing {
			fmt.Fprintf(&full, "- %s (%s): %d of %d unaccepted\n", mdCode(relative(it.Address, g.Module)), it.Action,
				len(it.Result.Unaccepted), len(it.Result.CustomerObligations))
			names = append(names, mdCode(relative(it.Address, g.Module)))
		}
		full.WriteString("\n")
		// Compact: names only, about 1 KB per line.
		line := "  "
		for i, n := range names {
			if len(line)+len(n) > 1000 {
				lines = append(lines, line+"\n")
				line = "  "
			}
			line += n
			if i < len(names)-1 {
				line += ", "
			}
		}
		lines = append(lines, line+"\n\n")
	}
	if !found {
		return "", nil
	}
	return head + full.String(), append([]string{head}, lines...)
}

// mdNextStep is the "Next step" section: one record per failing group.
func (r *Report) mdNextStep(groups []*Group) string {
	var b strings.Builder
	for _, g := range groups {
		if len(g.Failing) == 0 {
			continue
		}
		if b.Len() == 0 {
			fmt.Fprintf(&b, "### Next step\n\nGive each group an owner: add the record below to the configuration, with `accepted_by` set to the "+
				"accountable team (and `justification`, `reference` if you keep them), or narrow its `obligations` to what the team takes; "+
				"`review_by` is %d days ahead. Then plan again.\n\n", ReviewByDays)
		}
		fmt.Fprintf(&b, "%s:\n\n%s\n", upperFirst(mdTitle(g)), mdFence("hcl", g.NextStep(r.Options.Now)))
	}
	return b.String()
}

// mdRecords is the "Acceptance records this change touches" section:
// records created, changed or removed by the plan, expired, expiring, and
// matching nothing.
func (r *Report) mdRecords() string {
	var b strings.Builder
	var touched, expired, expiring, nothing []*Record
	for _, rec := range r.Records {
		if rec.Touched() {
			touched = append(touched, rec)
		}
		if rec.Removed() {
			continue
		}
		switch {
		case rec.Expired:
			expired = append(expired, rec)
		case rec.Expiring:
			expiring = append(expiring, rec)
		}
		if rec.Matches == 0 {
			nothing = append(nothing, rec)
		}
	}
	if len(touched)+len(expired)+len(expiring)+len(nothing) == 0 {
		return ""
	}
	b.WriteString("### Acceptance records this change touches\n\n")
	if len(touched) > 0 {
		b.WriteString("| record | change | accepted by | covers | obligations | review by |\n|---|---|---|---|---|---|\n")
		for _, rec := range touched {
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", mdCode(rec.Address), mdEscape(recordChange(rec)), mdEscape(rec.Record.AcceptedBy),
				mdCodeList(recordCovers(rec)), mdCodeList(rec.Record.Obligations), mdEscape(orDash(rec.Record.ReviewBy)))
		}
		b.WriteString("\n")
	}
	for _, rec := range expired {
		fmt.Fprintf(&b, "- **Expired:** %s (%s, %s) %s: it accepts nothing; move `review_by` to renew.\n", mdCode(rec.Address),
			mdEscape(rec.Record.AcceptedBy), mdCodeList(recordCovers(rec)), expiredWhen(rec))
	}
	for _, rec := range expiring {
		fmt.Fprintf(&b, "- **Expiring:** %s (%s, %s) on %s (%s).\n", mdCode(rec.Address), mdEscape(rec.Record.AcceptedBy),
			mdCodeList(recordCovers(rec)), mdEscape(rec.Record.ReviewBy), inDays(*rec.ExpiresInDays))
	}
	for _, rec := range nothing {
		fmt.Fprintf(&b, "- **Warning:** %s\n", mdWarning(rec))
	}
	if len(expired)+len(expiring)+len(nothing) > 0 {
		b.WriteString("\n")
	}
	return b.String()
}

// mdWarning is the "matches nothing" warning with its patterns in code.
func mdWarning(rec *Record) string {
	covers := mdCodeList(recordCovers(rec))
	if rec.Record.ResourceType != "" {
		covers += " (resource_type " + mdCode(rec.Record.ResourceType) + ")"
	}
	s := fmt.Sprintf("%s matches nothing: %s covers no resource of the input", mdCode(rec.Address), covers)
	if len(rec.DidYouMean) > 0 {
		s += "; did you mean " + strings.Join(quoteCode(rec.DidYouMean), " or ") + "?"
	}
	return s
}

// recordChange words what the change does to a record.
func recordChange(rec *Record) string {
	switch {
	case rec.Pending && rec.Action == "move":
		return "move: pending, moved by this change; accepts nothing until merged and applied"
	case rec.Pending:
		return rec.Action + ": pending, granted by this change; accepts nothing until merged and applied"
	case rec.Granted():
		return rec.Action + ": granted by this change"
	case rec.Removed():
		return rec.Action + ": removed by this change"
	}
	return rec.Action
}

// recordCovers lists what a record covers: its address or scope.
func recordCovers(rec *Record) []string {
	if rec.Record.ResourceAddress != "" {
		return []string{rec.Record.ResourceAddress}
	}
	return rec.Record.Scope
}

func expiredWhen(rec *Record) string {
	if rec.Record.ReviewBy == "" || rec.ExpiresInDays == nil {
		return "is marked expired"
	}
	return "expired on " + rec.ReviewBy.UTC().Format(time.DateOnly)
}

func inDays(n int) string {
	switch n {
	case 0:
		return "today"
	case 1:
		return "in 1 day"
	}
	return fmt.Sprintf("in %d days", n)
}

// mdOwnerChanges lists, per updated or replaced resource, the components
// whose owner the change moves.
func mdOwnerChanges(items []*Item) []string {
	var out []string
	for _, it := range items {
		if len(it.OwnerChanges) == 0 {
			continue
		}
		var cs []string
		for _, c := range it.OwnerChanges {
			cs = append(cs, fmt.Sprintf("%s %s → %s", mdCode(c.Component), c.Before, c.After))
		}
		out = append(out, fmt.Sprintf("- %s (%s): %s\n", mdCode(it.Address), it.Action, strings.Join(cs, ", ")))
	}
	return out
}

// mdUnknown is the section on types the catalog cannot resolve, with how
// to answer them.
func (r *Report) mdUnknown() string {
	byType := map[string][]*Item{}
	for _, it := range r.Items {
		if it.Result == nil {
			byType[it.Type] = append(byType[it.Type], it)
		}
	}
	if len(byType) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("### Types the catalog cannot resolve\n\nWho owns what is unknown for these resources:\n\n")
	for _, t := range sortedKeys(byType) {
		items := byType[t]
		var names []string
		for _, it := range items {
			n := mdCode(it.Address)
			if it.CoveredBy != nil {
				n += fmt.Sprintf(" (every obligation accepted by %s in %s)", mdEscape(it.CoveredBy.Record.AcceptedBy), mdCode(it.CoveredBy.Address))
			}
			names = append(names, n)
		}
		if len(names) > 20 {
			names = append(names[:20], fmt.Sprintf("and %d more", len(names)-20))
		}
		fmt.Fprintf(&b, "- %s: %s\n", mdCode(t), strings.Join(names, ", "))
	}
	b.WriteString("\nAnswer them with an entry for the type in a custom catalog (the provider's `catalog`, and `-catalog` here), ")
	if step := r.unknownStep(); step != "" {
		b.WriteString("or have a team accept every obligation of them")
		if r.Options.AllowUnknown {
			b.WriteString(" (`-allow-unknown` lets them pass the gate meanwhile)")
		}
		b.WriteString(":\n\n" + mdFence("hcl", step) + "\n")
	} else {
		b.WriteString("which would replace the acceptance of every obligation (`*`) with the type's own.\n\n")
	}
	return b.String()
}

// mdLegend titles a failing group's details: its unaccepted obligations
// with their titles, once.
func mdLegend(g *Group) string {
	var b strings.Builder
	fmt.Fprintf(&b, "#### %s\n\n<details><summary>The %s unaccepted here</summary>\n\n", upperFirst(mdTitle(g)), plural(len(g.Obligations), "obligation", "obligations"))
	for _, o := range g.Obligations {
		fmt.Fprintf(&b, "- `%s`: %s\n", o.ID, mdEscape(o.Title))
	}
	b.WriteString("\n</details>\n\n")
	return b.String()
}

// mdDetails is the collapsible section of one failing resource.
func mdDetails(c *srm.Catalog, it *Item) string {
	var b strings.Builder
	res := it.Result
	model := res.ServiceModel.ID
	switch res.Basis() {
	case BasisProvider:
		model += ", by the provider rule <code>" + htmlEscape(res.ResourceType.Type) + "</code>"
	case BasisService:
		model += ", by the service <code>" + htmlEscape(res.ResourceType.Type) + "</code>"
	}
	fmt.Fprintf(&b, "<details><summary><code>%s</code> (%s, %s): %d of %d unaccepted</summary>\n\n",
		htmlEscape(it.Address), htmlEscape(it.Type), model, len(res.Unaccepted), len(res.CustomerObligations))
	var layers, owners []string
	for i, l := range res.Layers {
		layers = append(layers, c.Layers[i].ID)
		owners = append(owners, string(l.Owner))
	}
	fmt.Fprintf(&b, "| %s |\n|%s\n| %s |\n\n", strings.Join(layers, " | "), strings.Repeat("---|", len(layers)), strings.Join(owners, " | "))
	fmt.Fprintf(&b, "Unaccepted: %s\n\n", strings.Join(byComponent(res), ", "))
	if len(it.AcceptedBy) > 0 {
		teams := map[string]int{}
		for _, rec := range it.AcceptedBy {
			teams[rec.AcceptedBy]++
		}
		var parts []string
		for _, t := range sortedKeys(teams) {
			parts = append(parts, fmt.Sprintf("%s (%d)", mdEscape(t), teams[t]))
		}
		fmt.Fprintf(&b, "Accepted by %s\n\n", strings.Join(parts, ", "))
	}
	for _, a := range it.Assumptions {
		fmt.Fprintf(&b, "- Assumed %s = %s: %s\n", mdCode(a.Condition), mdCode(a.Assumed), mdEscape(a.Reason))
	}
	for _, o := range res.OverridesApplied {
		fmt.Fprintf(&b, "- %s: %s → %s (%s %s)\n", mdCode(o.Component), o.From, o.To, o.Kind, mdCode(o.Name))
	}
	if len(it.Assumptions)+len(res.OverridesApplied) > 0 {
		b.WriteString("\n")
	}
	b.WriteString("</details>\n\n")
	return b.String()
}

// byComponent lists a resource's unaccepted obligations tightly:
// "`<component>.*` (n)" where none of the component's obligations is
// accepted, the ids otherwise.
func byComponent(res *srm.Result) []string {
	accepted := map[string]bool{}
	rest := res.Unaccepted
	for _, o := range res.CustomerObligations {
		if len(rest) > 0 && rest[0] == o {
			rest = rest[1:]
			continue
		}
		accepted[o.Component] = true
	}
	var out []string
	for i := 0; i < len(res.Unaccepted); {
		comp := res.Unaccepted[i].Component
		j := i
		for j < len(res.Unaccepted) && res.Unaccepted[j].Component == comp {
			j++
		}
		if !accepted[comp] {
			out = append(out, fmt.Sprintf("`%s.*` (%d)", comp, j-i))
		} else {
			for _, o := range res.Unaccepted[i:j] {
				out = append(out, "`"+o.ID+"`")
			}
		}
		i = j
	}
	return out
}

// mdTitle is a group's title in Markdown: the module instance in code.
func mdTitle(g *Group) string {
	if g.Module == "" {
		return "root module"
	}
	return mdCode(g.Module)
}

// mdAcceptedLine summarises a group's fully accepted resources in one line.
func mdAcceptedLine(g *Group) string {
	if line := g.acceptedLine(mdTitle(g), mdEscape); line != "" {
		return "- " + line + "\n"
	}
	return ""
}

func mdCodeList(items []string) string {
	if len(items) == 0 {
		return "–"
	}
	return strings.Join(quoteCode(items), ", ")
}

func quoteCode(items []string) []string {
	out := make([]string, len(items))
	for i, s := range items {
		out[i] = mdCode(s)
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}

// plural counts n things: "1 resource", "2 resources".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
