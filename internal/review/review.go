// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

// Package review is the `review` mode of the provider binary: it reads the
// JSON of `terraform show -json` (a plan or a state), resolves every managed
// resource in it with conditions read from its planned values, applies the
// srm_obligation_acceptance records it finds there, and reports as text,
// Markdown, JSON or OSCAL. It imports nothing from Terraform.
package review

import (
	"encoding/json"
	"sort"
	"strings"
	"time"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// Bases of an answer.
const (
	// BasisType: the catalog has an entry for the resource type.
	BasisType = srm.BasisType
	// BasisService: the type's service answers (the type has no entry).
	BasisService = srm.BasisService
	// BasisProvider: a provider-wide rule answers for the type.
	BasisProvider = srm.BasisProvider
	// BasisUnknown: the catalog cannot resolve the type; no owners.
	BasisUnknown = "unknown"
)

// acceptanceType is the resource type of the acceptance records.
const acceptanceType = "srm_obligation_acceptance"

// Options select what a review covers.
type Options struct {
	// All reviews every managed resource, deleted, forgotten and unchanged
	// ones included.
	All bool
	// Agreement is the name of an agreement to apply, or empty.
	Agreement string
	// Now decides which acceptance records have expired.
	Now time.Time
}

// Item is one reviewed resource instance.
type Item struct {
	Address string
	// Module is the module address ("" for the root module).
	Module string
	Type   string
	// Action is create, update, replace, delete, forget, read, no-op,
	// import, move, or state (a resource read from a state).
	Action string
	Basis  string
	// Result is nil when Basis is BasisUnknown.
	Result *srm.Result
	// AcceptedBy maps each obligation an acceptance record accepts to the
	// most specific such record.
	AcceptedBy  map[string]*srm.AcceptanceRecord
	Assumptions []Assumption
}

// Report is a finished review.
type Report struct {
	Catalog *srm.Catalog
	// Source is "plan" or "state".
	Source string
	// Items are sorted by module, then address.
	Items []*Item
	// Records are the acceptance records found; Expired counts those that
	// apply no longer.
	Records []srm.AcceptanceRecord
	Expired int
	// Notes are things the reader must know about the input (records that
	// could not be read); they are printed on stderr and in the reports.
	Notes []string
}

// reviewDocument reviews a decoded plan or state.
func reviewDocument(doc *document, k kind, engine *srm.Engine, opts Options) *Report {
	rep := &Report{Catalog: engine.Catalog, Source: "plan"}
	if k == kindState {
		rep.Source = "state"
	}
	rep.Records, rep.Notes = acceptanceRecords(doc, k)
	for _, r := range rep.Records {
		if r.Expired || srm.Expired(r.ReviewBy, opts.Now) {
			rep.Expired++
		}
	}
	cr := &conditionReader{engine: engine}
	add := func(address, module, typ, action string, attrs attributes) {
		rep.Items = append(rep.Items, resolveItem(cr, opts, rep.Records, address, module, typ, action, attrs))
	}
	if k == kindState {
		if doc.Values != nil {
			walkModules(doc.Values.RootModule, func(r *stateResource) {
				if r.Mode != "managed" || r.DeposedKey != "" || isSRMType(r.Type) {
					return
				}
				add(r.Address, moduleOf(r.Address), r.Type, "state", attributes{values: r.Values, sensitive: r.SensitiveValues})
			})
		}
	} else {
		for i := range doc.ResourceChanges {
			rc := &doc.ResourceChanges[i]
			if rc.Mode != "managed" || rc.Deposed != "" || isSRMType(rc.Type) {
				continue
			}
			action := actionName(rc)
			if !opts.All && !reviewed(action) {
				continue
			}
			attrs := attributes{values: rc.Change.After, unknown: rc.Change.AfterUnknown, sensitive: rc.Change.AfterSensitive}
			if isNull(rc.Change.After) || len(rc.Change.After) == 0 {
				// A deletion (reviewed with -all) is described by what it
				// deletes.
				attrs = attributes{values: rc.Change.Before, sensitive: rc.Change.BeforeSensitive}
			}
			module := rc.ModuleAddress
			if module == "" {
				module = moduleOf(rc.Address)
			}
			add(rc.Address, module, rc.Type, action, attrs)
		}
	}
	sort.SliceStable(rep.Items, func(i, j int) bool {
		a, b := rep.Items[i], rep.Items[j]
		if a.Module != b.Module {
			return a.Module < b.Module
		}
		return a.Address < b.Address
	})
	return rep
}

// isSRMType reports whether a type is one of this provider's own resources:
// they are the review's inputs (acceptance records), not its subjects.
func isSRMType(t string) bool { return strings.HasPrefix(t, "srm_") }

// actionName names the change of a resource instance.
func actionName(rc *resourceChange) string {
	acts := rc.Change.Actions
	has := func(a string) bool {
		for _, x := range acts {
			if x == a {
				return true
			}
		}
		return false
	}
	switch {
	case len(acts) == 1 && acts[0] == "no-op" && len(rc.Change.Importing) > 0 && !isNull(rc.Change.Importing):
		return "import"
	case len(acts) == 1 && acts[0] == "no-op" && rc.PreviousAddress != "" && rc.PreviousAddress != rc.Address:
		return "move"
	case len(acts) == 1:
		return acts[0]
	case has("create") && (has("delete") || has("forget")):
		return "replace"
	case len(acts) == 0:
		return "no-op"
	}
	return strings.Join(acts, ",")
}

// reviewed reports whether a change is reviewed without -all: everything
// but deletions, forgets and unchanged resources (an unknown action is
// reviewed: reviewing too much never hides an obligation).
func reviewed(action string) bool {
	switch action {
	case "delete", "no-op", "forget", "read":
		return false
	}
	return true
}

// resolveItem resolves one resource instance with the conditions read from
// its attributes and the records that cover it.
func resolveItem(cr *conditionReader, opts Options, records []srm.AcceptanceRecord, address, module, typ, action string, attrs attributes) *Item {
	it := &Item{Address: address, Module: module, Type: typ, Action: action, Basis: BasisUnknown}
	engine := cr.engine
	rt := engine.Catalog.Lookup(typ)
	if rt == nil {
		return it
	}
	conds, why := cr.read(rt, attrs)
	req := srm.Request{ResourceType: typ, Conditions: conds, Agreement: opts.Agreement}
	res, err := cr.resolve(rt, req)
	if err != nil {
		// Conditions are the type's own keys and the agreement was
		// checked: this does not happen; still, never hide the resource.
		it.Assumptions = []Assumption{{Condition: "*", Reason: "not resolved: " + err.Error()}}
		return it
	}
	if len(records) > 0 {
		by := srm.MatchRecords(records, address, res, opts.Now)
		if len(by) > 0 {
			req.Accepted = srm.MergeAccepted(nil, by)
			if accepted, err := engine.Resolve(req); err == nil {
				res = accepted
			}
			it.AcceptedBy = by
		}
	}
	it.Basis, it.Result, it.Assumptions = res.Basis(), res, assumptions(res, why)
	return it
}

// resolve resolves a request without acceptances, once per type and
// conditions: a plan repeats a few of them many times. The results are
// shared and read only.
func (cr *conditionReader) resolve(rt *srm.ResourceType, req srm.Request) (*srm.Result, error) {
	key := rt.Type
	for _, k := range rt.AttributeKeys() {
		v, ok := req.Conditions[k]
		if !ok {
			v = "\x01" // not given: the domain assumes
		}
		key += "\x00" + v
	}
	if res, ok := cr.results[key]; ok {
		return res, nil
	}
	res, err := cr.engine.Resolve(req)
	if err != nil {
		return nil, err
	}
	if cr.results == nil {
		cr.results = map[string]*srm.Result{}
	}
	cr.results[key] = res
	return res, nil
}

// acceptanceValues are the attributes of an srm_obligation_acceptance that
// matching reads.
type acceptanceValues struct {
	ID                  string   `json:"id"`
	ResourceAddress     *string  `json:"resource_address"`
	Scope               []string `json:"scope"`
	ResourceType        *string  `json:"resource_type"`
	ServiceModel        *string  `json:"service_model"`
	Obligations         []string `json:"obligations"`
	AcceptedObligations []string `json:"accepted_obligations"`
	AcceptedBy          *string  `json:"accepted_by"`
	ReviewBy            *string  `json:"review_by"`
	Expired             *bool    `json:"expired"`
}

// acceptanceRecords reads every srm_obligation_acceptance of the planned
// values (a plan), else of the prior state, else of the state. A record the
// review cannot use is reported in notes, never dropped silently.
func acceptanceRecords(doc *document, k kind) ([]srm.AcceptanceRecord, []string) {
	var root *module
	switch {
	case k == kindPlan && doc.PlannedValues != nil:
		root = doc.PlannedValues.RootModule
	case k == kindPlan && doc.PriorState != nil && doc.PriorState.Values != nil:
		root = doc.PriorState.Values.RootModule
	case doc.Values != nil:
		root = doc.Values.RootModule
	}
	var records []srm.AcceptanceRecord
	var notes []string
	walkModules(root, func(r *stateResource) {
		if r.Mode != "managed" || r.Type != acceptanceType || r.DeposedKey != "" {
			return
		}
		var v acceptanceValues
		if err := json.Unmarshal(r.Values, &v); err != nil {
			notes = append(notes, r.Address+": not applied: its values cannot be read ("+err.Error()+")")
			return
		}
		str := func(p *string) string {
			if p == nil {
				return ""
			}
			return *p
		}
		switch {
		case str(v.ResourceAddress) == "" && len(v.Scope) == 0:
			notes = append(notes, r.Address+": not applied: resource_address and scope are both unset or known only after apply")
			return
		case len(v.Obligations) == 0 || str(v.AcceptedBy) == "":
			notes = append(notes, r.Address+": not applied: obligations or accepted_by are unset or known only after apply")
			return
		}
		id := v.ID
		if id == "" {
			id = r.Address
		}
		rec := srm.AcceptanceRecord{ID: id, ResourceAddress: str(v.ResourceAddress), Scope: v.Scope,
			ResourceType: str(v.ResourceType), ServiceModel: str(v.ServiceModel), Obligations: v.Obligations,
			Accepted: v.AcceptedObligations, AcceptedBy: str(v.AcceptedBy), ReviewBy: str(v.ReviewBy),
			Expired: v.Expired != nil && *v.Expired}
		records = append(records, rec)
	})
	return records, notes
}
