// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
)

// AcceptanceRecord is an srm_obligation_acceptance as matching sees it: what
// it covers, what it accepts, by whom and until when.
type AcceptanceRecord struct {
	ID string
	// Exactly one of ResourceAddress and Scope.
	ResourceAddress string
	Scope           []string
	// With Scope, ResourceType and ServiceModel filter the resources covered.
	// With ResourceAddress they describe the resource and filter nothing.
	ResourceType string
	ServiceModel string
	// Obligations are the record's patterns: ids, "<component>.*" or "*".
	Obligations []string
	// Accepted are the ids the record itself accepts (its computed
	// accepted_obligations, where the plan shows them): an obligation the
	// patterns match but the record does not list, such as one a newer
	// catalog added, is accepted only once the record lists it. Nil: the
	// patterns alone decide.
	Accepted   []string
	AcceptedBy string
	ReviewBy   string
	Expired    bool
}

// ObligationPatternMatches reports whether an obligation pattern (an id,
// "<component>.*" or "*") matches the obligation.
func ObligationPatternMatches(pattern string, o *Obligation) bool {
	switch {
	case pattern == "*":
		return true
	case strings.HasSuffix(pattern, ".*"):
		return o.Component == strings.TrimSuffix(pattern, ".*")
	default:
		return o.ID == pattern
	}
}

// obligationPatternRank orders obligation patterns from the least specific
// ("*") to the most (an id).
func obligationPatternRank(pattern string) int {
	switch {
	case pattern == "*":
		return 0
	case strings.HasSuffix(pattern, ".*"):
		return 1
	default:
		return 2
	}
}

// ExpandObligations returns the ids of the candidates that the patterns
// match, in candidate order.
func ExpandObligations(patterns []string, candidates []*Obligation) []string {
	var out []string
	for _, o := range candidates {
		for _, p := range patterns {
			if ObligationPatternMatches(p, o) {
				out = append(out, o.ID)
				break
			}
		}
	}
	return out
}

// CheckObligationPatterns checks that every pattern is well formed and
// matches at least one of the candidates, the obligations a record may
// accept. notApplicable explains an id that is in the catalog but not among
// the candidates; what names the candidates in messages ("customer
// obligations of aws_db_instance (paas)"). Errors concern field, keyed by the
// pattern.
func (c *Catalog) CheckObligationPatterns(field string, patterns []string, candidates []*Obligation, what string,
	notApplicable func(id string) *InputError) *InputError {
	sorted := append([]string(nil), patterns...)
	sort.Strings(sorted)
	for _, p := range sorted {
		if len(ExpandObligations([]string{p}, candidates)) > 0 {
			continue
		}
		valid := ObligationIDs(candidates)
		switch {
		case p == "*":
			return &InputError{Field: field, Key: p, Summary: "Wildcard matches no obligation",
				Detail: fmt.Sprintf("\"*\" matches nothing: there are no %s.", what)}
		case strings.HasSuffix(p, ".*"):
			comp := strings.TrimSuffix(p, ".*")
			if c.Component(comp) == nil {
				return &InputError{Field: field, Key: p, Summary: "Unknown component",
					Detail: fmt.Sprintf("%q names no component of the catalog%s Components: %s.", p,
						strings.TrimSuffix(didYouMean(comp, c.ComponentIDs()), "?")+".", strings.Join(c.ComponentIDs(), ", "))}
			}
			return &InputError{Field: field, Key: p, Summary: "Wildcard matches no obligation",
				Detail: fmt.Sprintf("%q matches none of the %s: %s.", p, what, strings.Join(valid, ", "))}
		case c.Obligation(p) != nil && notApplicable != nil:
			ie := notApplicable(p)
			ie.Field = field
			return ie
		default:
			return &InputError{Field: field, Key: p, Summary: "Unknown obligation",
				Detail: fmt.Sprintf("%q is neither an obligation id, <component>.* nor *%s The %s are: %s.", p,
					strings.TrimSuffix(didYouMean(p, valid), "?")+".", what, strings.Join(valid, ", "))}
		}
	}
	return nil
}

// ScopeCandidates are the obligations a scoped record may accept: with a
// service model filter, those that apply under that model; otherwise every
// obligation of the catalog (a resource type's conditions can make any of
// them the customer's).
func (c *Catalog) ScopeCandidates(model string) []*Obligation {
	if model == "" {
		return c.Obligations
	}
	var out []*Obligation
	for _, o := range c.Obligations {
		for _, m := range o.ServiceModels {
			if m == model {
				out = append(out, o)
				break
			}
		}
	}
	return out
}

// recordRank orders the records that accept one obligation of one resource:
// a record for the resource's own address beats a scope, a longer pattern
// (more literal characters) a shorter one, a type filter a model filter and
// a model filter none, and an obligation id "<component>.*", which beats
// "*".
type recordRank struct{ exact, literal, filter, obligation int }

func (a recordRank) less(b recordRank) bool {
	switch {
	case a.exact != b.exact:
		return a.exact < b.exact
	case a.literal != b.literal:
		return a.literal < b.literal
	case a.filter != b.filter:
		return a.filter < b.filter
	default:
		return a.obligation < b.obligation
	}
}

// covers reports whether the record applies to the resource at address
// (of resourceType, empty when only its model is known, under model), and
// how specifically.
// CoversAddress reports whether the record covers the resource at address
// of type resourceType, by its resource_address or scope and its
// resource_type filter, as matching does; its service_model filter, which
// needs a resolution, is not checked (the record's own model passes it).
func (r *AcceptanceRecord) CoversAddress(address, resourceType string) bool {
	_, ok := r.covers(address, resourceType, r.ServiceModel)
	return ok
}

func (r *AcceptanceRecord) covers(address, resourceType, model string) (recordRank, bool) {
	if r.ResourceAddress != "" {
		if r.ResourceAddress == address {
			return recordRank{exact: 2}, true
		}
		// An address without an instance key covers all its instances.
		if p, err := addressPattern(r.ResourceAddress); err == nil && !strings.Contains(r.ResourceAddress, "*") && p.Match(address) {
			return recordRank{exact: 1}, true
		}
		return recordRank{}, false
	}
	if r.ResourceType != "" && r.ResourceType != resourceType || r.ServiceModel != "" && r.ServiceModel != model {
		return recordRank{}, false
	}
	rank, found := recordRank{literal: -1}, false
	for _, s := range r.Scope {
		p, err := addressPattern(s)
		if err != nil || !p.Match(address) {
			continue
		}
		found = true
		rank.literal = max(rank.literal, p.literal)
	}
	switch {
	case r.ResourceType != "":
		rank.filter = 2
	case r.ServiceModel != "":
		rank.filter = 1
	}
	return rank, found
}

// MatchRecords applies acceptance records to one resolved resource at
// address: for each of its customer obligations that a covering record
// accepts, the most specific such record. Expired records accept nothing:
// those marked expired, and those whose review_by has passed at now.
func MatchRecords(records []AcceptanceRecord, address string, res *Result, now time.Time) map[string]*AcceptanceRecord {
	resourceType := res.Type
	best := map[string]*AcceptanceRecord{}
	ranks := map[string]recordRank{}
	for i := range records {
		r := &records[i]
		if r.Expired || Expired(r.ReviewBy, now) {
			continue
		}
		rank, ok := r.covers(address, resourceType, res.ServiceModel.ID)
		if !ok {
			continue
		}
		for _, o := range res.CustomerObligations {
			if r.Accepted != nil && !slices.Contains(r.Accepted, o.ID) {
				continue
			}
			rank.obligation = -1
			for _, p := range r.Obligations {
				if ObligationPatternMatches(p, o) {
					rank.obligation = max(rank.obligation, obligationPatternRank(p))
				}
			}
			if rank.obligation < 0 {
				continue
			}
			prev, seen := best[o.ID]
			if !seen || ranks[o.ID].less(rank) || !rank.less(ranks[o.ID]) && tieBefore(r, prev) {
				best[o.ID], ranks[o.ID] = r, rank
			}
		}
	}
	return best
}

// tieBefore breaks a tie between equally specific records: by accepted_by,
// then id, so that the answer never depends on the order of the list.
func tieBefore(a, b *AcceptanceRecord) bool {
	if a.AcceptedBy != b.AcceptedBy {
		return a.AcceptedBy < b.AcceptedBy
	}
	return a.ID < b.ID
}

// MergeAccepted returns the ids accepted directly and those the records
// accept, sorted and without duplicates.
func MergeAccepted(direct []string, byRecord map[string]*AcceptanceRecord) []string {
	out := append([]string(nil), direct...)
	for id := range byRecord {
		out = append(out, id)
	}
	sort.Strings(out)
	j := 0
	for i, id := range out {
		if i == 0 || id != out[j-1] {
			out[j] = id
			j++
		}
	}
	return out[:j]
}
