// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// Group is the reviewed resources of one module instance (the root module
// when Module is empty): what needs an owner there, and the record that
// would give it one.
type Group struct {
	Module string
	// Failing have unaccepted obligations, Accepted have none, Unknown are
	// of types the catalog cannot resolve; each in address order.
	Failing, Accepted, Unknown []*Item
	// Obligations are the distinct unaccepted obligations of Failing, in
	// catalog order; Unaccepted counts them per resource.
	Obligations []*srm.Obligation
	Unaccepted  int
	// Patterns are Obligations as a record accepts them: "<component>.*"
	// where no resource of Failing has an accepted obligation of that
	// component, the ids otherwise.
	Patterns []string
	// Scope is the scope of the record that accepts them: the module
	// instance ("module.search.*") when nothing else reviewed lies in it,
	// else the failing resources without instance keys.
	Scope []string
}

// acceptedSummary sums up the group's fully accepted resources: how many,
// their customer obligations and the teams that accepted them, sorted.
func (g *Group) acceptedSummary() (obligations int, teams []string) {
	seen := map[string]bool{}
	for _, it := range g.Accepted {
		obligations += len(it.Result.CustomerObligations)
		for _, rec := range it.AcceptedBy {
			seen[rec.AcceptedBy] = true
		}
	}
	return obligations, sortedKeys(seen)
}

// acceptedLine is the one line that summarises the group's fully accepted
// resources, with the group's title and the teams as the format writes
// them; empty when none is.
func (g *Group) acceptedLine(title string, team func(string) string) string {
	if len(g.Accepted) == 0 {
		return ""
	}
	total, teams := g.acceptedSummary()
	by := ""
	if len(teams) > 0 {
		for i := range teams {
			teams[i] = team(teams[i])
		}
		by = " by " + strings.Join(teams, ", ")
	}
	return fmt.Sprintf("%s: %s, all %s accepted%s", title, plural(len(g.Accepted), "resource", "resources"),
		plural(total, "customer obligation", "customer obligations"), by)
}

// Title names the group: the module instance, or "root module".
func (g *Group) Title() string {
	if g.Module == "" {
		return "root module"
	}
	return g.Module
}

// Groups groups the reviewed resources by module instance, in module
// order.
func (r *Report) Groups() []*Group {
	var out []*Group
	for i := 0; i < len(r.Items); {
		g := &Group{Module: r.Items[i].Module}
		j := i
		for ; j < len(r.Items) && r.Items[j].Module == g.Module; j++ {
			it := r.Items[j]
			switch {
			case it.Result == nil:
				g.Unknown = append(g.Unknown, it)
			case it.Failing():
				g.Failing = append(g.Failing, it)
			default:
				g.Accepted = append(g.Accepted, it)
			}
		}
		if len(g.Failing) > 0 {
			g.aggregate(r.Catalog)
			g.Scope = groupScope(g.Module, g.Failing, r.Items, i, j)
		}
		out = append(out, g)
		i = j
	}
	return out
}

// aggregate collects the group's unaccepted obligations and their
// patterns.
func (g *Group) aggregate(c *srm.Catalog) {
	unaccepted := map[*srm.Obligation]bool{}
	acceptedComponent := map[string]bool{}
	for _, it := range g.Failing {
		g.Unaccepted += len(it.Result.Unaccepted)
		rest := it.Result.Unaccepted
		for _, o := range it.Result.CustomerObligations {
			if len(rest) > 0 && rest[0] == o {
				rest = rest[1:]
				unaccepted[o] = true
				continue
			}
			acceptedComponent[o.Component] = true
		}
	}
	done := map[string]bool{}
	for _, o := range c.Obligations {
		if !unaccepted[o] {
			continue
		}
		g.Obligations = append(g.Obligations, o)
		switch {
		case !acceptedComponent[o.Component] && !done[o.Component]:
			done[o.Component] = true
			g.Patterns = append(g.Patterns, o.Component+".*")
		case acceptedComponent[o.Component]:
			g.Patterns = append(g.Patterns, o.ID)
		}
	}
}

// groupScope is the scope of a group's record: "<module>.*" when no other
// reviewed resource (items outside [from, to)) lies in the module instance
// or below it, else the failing resources' addresses without instance
// keys, which cover exactly their instances.
func groupScope(mod string, failing, items []*Item, from, to int) []string {
	if mod != "" {
		whole := mod + ".*"
		p, err := srm.ParseAddressPattern(whole)
		inside := err != nil
		for k, it := range items {
			if (k < from || k >= to) && p != nil && p.Match(it.Address) {
				inside = true
				break
			}
		}
		if !inside {
			return []string{whole}
		}
	}
	var out []string
	for _, it := range failing {
		a := unkeyed(it.Address, mod)
		if !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	if len(out) <= maxScopeAddresses {
		return out
	}
	// Many resources: one pattern per type ("<module>.aws_instance.*")
	// where every reviewed resource of the type in the module instance
	// fails, the addresses otherwise.
	whole := map[string]bool{}
	for _, it := range failing {
		whole[it.Type] = true
	}
	for k := from; k < to; k++ {
		if it := items[k]; !it.Failing() {
			delete(whole, it.Type)
		}
	}
	prefix := ""
	if mod != "" {
		prefix = mod + "."
	}
	out = out[:0]
	for _, it := range failing {
		a := unkeyed(it.Address, mod)
		if whole[it.Type] {
			a = prefix + it.Type + ".*"
		}
		if !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// maxScopeAddresses is the number of resource addresses beyond which a
// next step's scope names types instead.
const maxScopeAddresses = 10

// unkeyed returns a resource instance address without its own instance
// key (the module instance's keys stay): `module.a["x"].aws_s3_bucket.b`
// for `module.a["x"].aws_s3_bucket.b[0]`.
func unkeyed(address, mod string) string {
	prefix := ""
	rel := address
	if mod != "" && strings.HasPrefix(address, mod+".") {
		prefix, rel = mod+".", address[len(mod)+1:]
	}
	if i := strings.IndexByte(rel, '['); i >= 0 {
		rel = rel[:i]
	}
	return prefix + rel
}

// relative returns the address of a resource within its module instance.
func relative(address, mod string) string {
	if mod != "" && strings.HasPrefix(address, mod+".") {
		return address[len(mod)+1:]
	}
	return address
}

// ReviewByDays is how far ahead a next-step record's review_by is.
const ReviewByDays = 90

// TeamPlaceholder is the accepted_by of a next-step record, for the reader
// to replace with the accountable team.
const TeamPlaceholder = "<team>"

// NextStep is the srm_obligation_acceptance block that would accept what
// the group leaves unaccepted: valid HCL that the provider accepts once
// the team placeholder is replaced.
func (g *Group) NextStep(now time.Time) string {
	return acceptanceBlock(blockName(g.Module), g.Scope, g.Patterns, now)
}

// unknownStep is the record that accepts every obligation of the resources
// of unknown types that nothing covers, or "" when there are none.
func (r *Report) unknownStep() string {
	var scope []string
	for _, it := range r.Items {
		if it.Result == nil && it.CoveredBy == nil {
			if a := unkeyed(it.Address, it.Module); !slices.Contains(scope, a) {
				scope = append(scope, a)
			}
		}
	}
	if len(scope) == 0 {
		return ""
	}
	return acceptanceBlock("unknown_types", scope, []string{"*"}, r.Options.Now)
}

// acceptanceBlock writes an srm_obligation_acceptance block as terraform
// fmt would: lists of more than two items one item a line, and the equals
// signs of consecutive one-line attributes aligned.
func acceptanceBlock(name string, scope, obligations []string, now time.Time) string {
	type attr struct{ key, value string }
	list := func(items []string) string {
		quoted := make([]string, len(items))
		for i, s := range items {
			quoted[i] = hclString(s)
		}
		if len(items) <= 2 {
			return "[" + strings.Join(quoted, ", ") + "]"
		}
		return "[\n    " + strings.Join(quoted, ",\n    ") + ",\n  ]"
	}
	attrs := []attr{{"scope", list(scope)}, {"obligations", list(obligations)}, {"accepted_by", hclString(TeamPlaceholder)},
		{"review_by", hclString(now.AddDate(0, 0, ReviewByDays).UTC().Format(time.DateOnly))}}
	var b strings.Builder
	fmt.Fprintf(&b, "resource \"srm_obligation_acceptance\" %s {\n", hclString(name))
	for i := 0; i < len(attrs); {
		// A run of one-line attributes, aligned; a multi-line one alone.
		j, width := i, 0
		for j < len(attrs) && !strings.Contains(attrs[j].value, "\n") {
			width = max(width, len(attrs[j].key))
			j++
		}
		if j == i {
			j, width = i+1, len(attrs[i].key)
		}
		for _, a := range attrs[i:j] {
			fmt.Fprintf(&b, "  %-*s = %s\n", width, a.key, a.value)
		}
		i = j
	}
	b.WriteString("}\n")
	return b.String()
}

// blockName makes a resource name of a module instance address:
// "search" for module.search, "shop_eu" for module.shop["eu"], "root" for
// the root module.
func blockName(mod string) string {
	if mod == "" {
		return "root"
	}
	var b strings.Builder
	under := false
	for _, part := range strings.Split(mod, ".") {
		if part == "module" {
			continue
		}
		for _, c := range part {
			ok := c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
			if !ok || c == '_' {
				if !under && b.Len() > 0 {
					b.WriteByte('_')
					under = true
				}
				continue
			}
			b.WriteRune(c)
			under = false
		}
		if !under && b.Len() > 0 {
			b.WriteByte('_')
			under = true
		}
	}
	name := strings.Trim(b.String(), "_")
	if name == "" {
		return "module"
	}
	if c := name[0]; c >= '0' && c <= '9' || c == '-' {
		name = "m_" + name
	}
	return name
}

// hclString quotes s as an HCL string literal: JSON-like escapes, and
// template sequences (${, %{) escaped so they stay literal.
func hclString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case unsafeRune(r) && r <= 0xffff:
			// Control and format characters (DEL, C1, bidirectional
			// overrides) as escapes: the block is pasted from a comment.
			fmt.Fprintf(&b, `\u%04x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\U%08x`, r)
		case (r == '$' || r == '%') && i+1 < len(s) && s[i+1] == '{':
			b.WriteRune(r)
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
