// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"sort"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// Summary counts a review.
type Summary struct {
	// Resources counts the reviewed resource instances.
	Resources int `json:"resources"`
	// ByAction and ByBasis count them by action and by basis.
	ByAction map[string]int `json:"by_action"`
	ByBasis  map[string]int `json:"by_basis"`
	// ByLayer counts, per layer, the resolved resources whose layer has
	// each owner.
	ByLayer map[string]map[srm.Owner]int `json:"by_layer"`
	// Obligations totals the customer obligations of the resolved
	// resources.
	Obligations ObligationCount `json:"obligations"`
	// WithUnaccepted counts the resources with unaccepted obligations.
	WithUnaccepted int `json:"resources_with_unaccepted"`
	// WithAssumptions counts the resources with assumptions.
	WithAssumptions int `json:"resources_with_assumptions"`
	// UnknownTypes lists the types the catalog cannot resolve, sorted.
	UnknownTypes []string `json:"unknown_types"`
	// NotReviewed counts, by action, the resource changes left out.
	NotReviewed map[string]int `json:"not_reviewed"`
	// AcceptanceRecords counts the records found and those expired.
	AcceptanceRecords RecordCount `json:"acceptance_records"`
	CatalogVersion    string      `json:"catalog_version"`
}

// ObligationCount totals obligations.
type ObligationCount struct {
	Total      int `json:"total"`
	Accepted   int `json:"accepted"`
	Unaccepted int `json:"unaccepted"`
}

// RecordCount counts acceptance records.
type RecordCount struct {
	// Found counts the records of the input that this change keeps (not
	// those it deletes).
	Found   int `json:"found"`
	Expired int `json:"expired"`
	// Expiring counts those whose review_by falls within -expiry-warning.
	Expiring int `json:"expiring"`
	// Granted counts those this change creates or changes; Pending those
	// of them that accept nothing until applied (-trusted-acceptances
	// prior); Removed those it deletes.
	Granted int `json:"granted"`
	Pending int `json:"pending"`
	Removed int `json:"removed"`
	// MatchingNothing counts those that cover no resource of the input.
	MatchingNothing int `json:"matching_nothing"`
}

// Summary counts the report.
func (r *Report) Summary() Summary {
	s := Summary{Resources: len(r.Items), ByAction: map[string]int{}, ByBasis: map[string]int{BasisType: 0, BasisService: 0, BasisProvider: 0, BasisUnknown: 0},
		ByLayer: map[string]map[srm.Owner]int{}, UnknownTypes: []string{}, CatalogVersion: r.Catalog.Version,
		NotReviewed: r.NotReviewed, AcceptanceRecords: r.recordCount()}
	if s.NotReviewed == nil {
		s.NotReviewed = map[string]int{}
	}
	for _, l := range r.Catalog.Layers {
		s.ByLayer[l.ID] = map[srm.Owner]int{srm.OwnerProvider: 0, srm.OwnerShared: 0, srm.OwnerCustomer: 0}
	}
	unknown := map[string]bool{}
	for _, it := range r.Items {
		s.ByAction[it.Action]++
		s.ByBasis[it.Basis]++
		if len(it.Assumptions) > 0 {
			s.WithAssumptions++
		}
		if it.Result == nil {
			unknown[it.Type] = true
			continue
		}
		for _, l := range it.Result.Layers {
			s.ByLayer[l.Layer.ID][l.Owner]++
		}
		s.Obligations.Total += len(it.Result.CustomerObligations)
		s.Obligations.Unaccepted += len(it.Result.Unaccepted)
		if len(it.Result.Unaccepted) > 0 {
			s.WithUnaccepted++
		}
	}
	s.Obligations.Accepted = s.Obligations.Total - s.Obligations.Unaccepted
	for t := range unknown {
		s.UnknownTypes = append(s.UnknownTypes, t)
	}
	sort.Strings(s.UnknownTypes)
	return s
}

// recordCount counts the acceptance records.
func (r *Report) recordCount() RecordCount {
	var c RecordCount
	for _, rec := range r.Records {
		if rec.Removed() {
			c.Removed++
			continue
		}
		c.Found++
		switch {
		case rec.Expired:
			c.Expired++
		case rec.Expiring:
			c.Expiring++
		}
		if rec.Granted() {
			c.Granted++
		}
		if rec.Pending {
			c.Pending++
		}
		if rec.Matches == 0 {
			c.MatchingNothing++
		}
	}
	return c
}

// Assessment is the resolved part of the review as an srm.Assessment, for
// the OSCAL export.
func (r *Report) Assessment() *srm.Assessment {
	a := &srm.Assessment{Catalog: r.Catalog, Results: map[string]*srm.Result{}, AcceptedBy: map[string]map[string]*srm.AcceptanceRecord{}}
	for _, it := range r.Items {
		if it.Result == nil {
			continue
		}
		a.Addresses = append(a.Addresses, it.Address)
		a.Results[it.Address] = it.Result
		if it.AcceptedBy != nil {
			a.AcceptedBy[it.Address] = it.AcceptedBy
		}
	}
	sort.Strings(a.Addresses)
	return a
}
