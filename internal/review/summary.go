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
	Found   int `json:"found"`
	Expired int `json:"expired"`
}

// Summary counts the report.
func (r *Report) Summary() Summary {
	s := Summary{Resources: len(r.Items), ByAction: map[string]int{}, ByBasis: map[string]int{BasisType: 0, BasisService: 0, BasisProvider: 0, BasisUnknown: 0},
		ByLayer: map[string]map[srm.Owner]int{}, UnknownTypes: []string{}, CatalogVersion: r.Catalog.Version,
		AcceptanceRecords: RecordCount{Found: len(r.Records), Expired: r.Expired}}
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

// Unaccepted reports whether a reviewed resource has unaccepted
// obligations: what -gate stops on.
func (r *Report) Unaccepted() bool {
	for _, it := range r.Items {
		if it.Result != nil && len(it.Result.Unaccepted) > 0 {
			return true
		}
	}
	return false
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
