// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// AssessItem is one declared resource of an assessment: exactly one of
// ResourceType and ServiceModel.
type AssessItem struct {
	ResourceType string
	ServiceModel string
	Conditions   map[string]string
}

// AssessmentError is an invalid input of an assessment, located by the
// resource address it concerns.
type AssessmentError struct {
	// In is "resources" or "acceptances".
	In      string
	Address string
	*InputError
}

// Assessment is the responsibility of many declared resources at once.
type Assessment struct {
	Catalog *Catalog
	// Addresses are the declared resources, sorted.
	Addresses []string
	Results   map[string]*Result
	// AcceptedBy maps, per address, each obligation that an acceptance
	// record accepts to the most specific such record.
	AcceptedBy map[string]map[string]*AcceptanceRecord
	// Unmatched are the indices of the acceptance records that cover none
	// of the declared resources (expired or not): a misspelled scope or
	// address, or a record for resources of another assessment.
	Unmatched []int
}

// Assess resolves every declared resource with its accepted obligations.
func (e *Engine) Assess(items map[string]AssessItem, acceptances map[string][]string, agreement string) (*Assessment, error) {
	return e.AssessWithRecords(items, acceptances, nil, agreement, time.Time{})
}

// AssessWithRecords resolves every declared resource with its accepted
// obligations: those listed by address in acceptances, and those that the
// acceptance records covering it accept (unless expired at now).
func (e *Engine) AssessWithRecords(items map[string]AssessItem, acceptances map[string][]string, records []AcceptanceRecord,
	agreement string, now time.Time) (*Assessment, error) {
	a := &Assessment{Catalog: e.Catalog, Addresses: sortedKeys(items), Results: make(map[string]*Result, len(items))}
	for _, addr := range sortedKeys(acceptances) {
		if _, ok := items[addr]; !ok {
			detail := fmt.Sprintf("%q has accepted obligations but is not a key of resources", addr)
			if near := Closest(addr, a.Addresses, 3); len(near) > 0 {
				detail += "; did you mean " + quoteOr(near) + "?"
			} else {
				detail += "."
			}
			return nil, &AssessmentError{In: "acceptances", Address: addr, InputError: &InputError{
				Field: "acceptances", Summary: "Acceptance for an undeclared resource", Detail: detail}}
		}
	}
	for _, addr := range a.Addresses {
		it := items[addr]
		r, err := e.Resolve(Request{ResourceType: it.ResourceType, ServiceModel: it.ServiceModel, Conditions: it.Conditions,
			Agreement: agreement, Accepted: acceptances[addr]})
		if err != nil {
			ie, ok := err.(*InputError)
			if !ok {
				return nil, err
			}
			in := "resources"
			if ie.Field == "accepted_obligations" {
				in = "acceptances"
			}
			ie.Detail = addr + ": " + ie.Detail
			return nil, &AssessmentError{In: in, Address: addr, InputError: ie}
		}
		if len(records) > 0 {
			by := MatchRecords(records, addr, r, now)
			if a.AcceptedBy == nil {
				a.AcceptedBy = map[string]map[string]*AcceptanceRecord{}
			}
			a.AcceptedBy[addr] = by
			if len(by) > 0 {
				// Every id is a customer obligation of r: accept cannot fail.
				_ = r.accept(MergeAccepted(acceptances[addr], by))
			}
		}
		a.Results[addr] = r
	}
	for i := range records {
		if !a.covered(&records[i]) {
			a.Unmatched = append(a.Unmatched, i)
		}
	}
	return a, nil
}

// covered reports whether the record covers one of the declared resources.
func (a *Assessment) covered(rec *AcceptanceRecord) bool {
	for _, addr := range a.Addresses {
		r := a.Results[addr]
		if _, ok := rec.covers(addr, r.Type, r.ServiceModel.ID); ok {
			return true
		}
	}
	return false
}

// AcceptedByTeam counts, per accountable team, the resources and the
// obligations its records accept (each obligation credited to the most
// specific record), sorted by team.
func (a *Assessment) AcceptedByTeam() []TeamCount {
	counts := map[string]*TeamCount{}
	for _, addr := range a.Addresses {
		seen := map[string]bool{}
		for _, r := range a.AcceptedBy[addr] {
			tc := counts[r.AcceptedBy]
			if tc == nil {
				tc = &TeamCount{Team: r.AcceptedBy}
				counts[r.AcceptedBy] = tc
			}
			tc.Obligations++
			if !seen[r.AcceptedBy] {
				seen[r.AcceptedBy] = true
				tc.Resources++
			}
		}
	}
	out := make([]TeamCount, 0, len(counts))
	for _, tc := range counts {
		out = append(out, *tc)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Team < out[j].Team })
	return out
}

// TeamCount is what one accountable team accepted across an assessment.
type TeamCount struct {
	Team                   string
	Resources, Obligations int
}

// Unaccepted maps each address with unaccepted obligations to their ids.
func (a *Assessment) Unaccepted() map[string][]string {
	out := map[string][]string{}
	for _, addr := range a.Addresses {
		if ids := a.Results[addr].UnacceptedIDs(); len(ids) > 0 {
			out[addr] = ids
		}
	}
	return out
}

// Summary counts an assessment.
type Summary struct {
	// ByLayer counts, per layer, the resources whose layer has each owner.
	ByLayer map[string]map[Owner]int
	// Obligations totals over all resources.
	ObligationsTotal, ObligationsAccepted, ObligationsUnaccepted int
}

// Summary counts resources by layer owner and obligations by state.
func (a *Assessment) Summary() Summary {
	s := Summary{ByLayer: map[string]map[Owner]int{}}
	for _, l := range a.Catalog.Layers {
		s.ByLayer[l.ID] = map[Owner]int{OwnerProvider: 0, OwnerShared: 0, OwnerCustomer: 0}
	}
	for _, addr := range a.Addresses {
		r := a.Results[addr]
		for _, l := range r.Layers {
			s.ByLayer[l.Layer.ID][l.Owner]++
		}
		s.ObligationsTotal += len(r.CustomerObligations)
		s.ObligationsUnaccepted += len(r.Unaccepted)
	}
	s.ObligationsAccepted = s.ObligationsTotal - s.ObligationsUnaccepted
	return s
}

// Markdown renders the report a reviewer reads in a pull request:
// unaccepted obligations first, then ownership per resource, then the
// overrides applied. The output is deterministic.
func (a *Assessment) Markdown() string {
	var b strings.Builder
	s := a.Summary()
	fmt.Fprintf(&b, "## Shared responsibility: %d declared resources\n\n", len(a.Addresses))
	if s.ObligationsUnaccepted == 0 {
		fmt.Fprintf(&b, "All %d customer obligations are accepted.\n\n", s.ObligationsTotal)
	} else {
		fmt.Fprintf(&b, "**%d of %d customer obligations are not accepted** on %d of %d resources.\n\n",
			s.ObligationsUnaccepted, s.ObligationsTotal, len(a.Unaccepted()), len(a.Addresses))
		b.WriteString("### Unaccepted obligations\n\n| resource | obligation | what to do |\n|---|---|---|\n")
		for _, addr := range a.Addresses {
			for _, o := range a.Results[addr].Unaccepted {
				fmt.Fprintf(&b, "| `%s` | `%s` | %s |\n", addr, o.ID, mdEscape(o.Title))
			}
		}
		b.WriteString("\n")
	}
	b.WriteString("### Ownership\n\n| resource | model |")
	for _, l := range a.Catalog.Layers {
		b.WriteString(" " + l.ID + " |")
	}
	b.WriteString(" accepted |\n|---|---|")
	for range a.Catalog.Layers {
		b.WriteString("---|")
	}
	b.WriteString("---|\n")
	for _, addr := range a.Addresses {
		r := a.Results[addr]
		fmt.Fprintf(&b, "| `%s` | %s |", addr, r.ServiceModel.ID)
		for _, l := range r.Layers {
			b.WriteString(" " + string(l.Owner) + " |")
		}
		fmt.Fprintf(&b, " %d/%d |\n", len(r.CustomerObligations)-len(r.Unaccepted), len(r.CustomerObligations))
	}
	if teams := a.AcceptedByTeam(); len(teams) > 0 {
		b.WriteString("\n### Accepted by\n\n| team | resources | obligations |\n|---|---|---|\n")
		for _, tc := range teams {
			fmt.Fprintf(&b, "| %s | %d | %d |\n", mdEscape(tc.Team), tc.Resources, tc.Obligations)
		}
	}
	var overrides []string
	for _, addr := range a.Addresses {
		for _, o := range a.Results[addr].OverridesApplied {
			overrides = append(overrides, fmt.Sprintf("| `%s` | %s | %s → %s | %s `%s` | %s |", addr, o.Component, o.From, o.To, o.Kind, o.Name, mdEscape(o.Reason)))
		}
	}
	if len(overrides) > 0 {
		b.WriteString("\n### Overrides applied\n\n| resource | component | owner | by | reason |\n|---|---|---|---|---|\n")
		b.WriteString(strings.Join(overrides, "\n") + "\n")
	}
	fmt.Fprintf(&b, "\n<sub>Catalog %s. Accepting an obligation records who owns it; it does not transfer liability or remove risk.</sub>\n", a.Catalog.Version)
	return b.String()
}

// LastModified is the deterministic timestamp of the assessment's OSCAL
// document: the most recent as-of date among the sources behind the
// answers, at midnight UTC. It changes only when the evidence does, so
// plans never churn.
func (a *Assessment) LastModified() string {
	latest := ""
	for _, addr := range a.Addresses {
		for _, id := range a.Results[addr].SourceIDs {
			if d := a.Catalog.Sources[id].AsOf; d > latest {
				latest = d
			}
		}
	}
	if latest == "" {
		latest = "1970-01-01"
	}
	return latest + "T00:00:00Z"
}
