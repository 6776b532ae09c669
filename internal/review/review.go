// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

// Package review is the `review` mode of the provider binary: it reads the
// JSON of `terraform show -json` (a plan or a state), resolves every managed
// resource in it with conditions read from its planned values, applies the
// srm_obligation_acceptance records it finds there, and reports as text,
// Markdown, JSON or OSCAL. It imports nothing from Terraform.
package review

import (
	"maps"
	"slices"
	"sort"
	"strconv"
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
	// Trust is TrustPlan (default) or TrustPrior: which acceptance records
	// count (-trusted-acceptances).
	Trust string
	// AllowUnknown lets resources of types the catalog cannot resolve pass
	// the gate (-allow-unknown).
	AllowUnknown bool
	// ExpiryWarning: records whose review_by falls within it are reported
	// as expiring (-expiry-warning).
	ExpiryWarning time.Duration
}

// DefaultExpiryWarning is the default of -expiry-warning.
const DefaultExpiryWarning = 30 * 24 * time.Hour

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
	// OwnerChanges are, for an update or a replacement, the components
	// whose owner differs between the prior values (change.before) and the
	// planned ones.
	OwnerChanges []OwnerChange
	// CoveredBy is, for a resource of a type the catalog cannot resolve,
	// the record that accepts every obligation ("*") of it.
	CoveredBy *Record
}

// OwnerChange is a component whose owner this change moves.
type OwnerChange struct {
	Component string    `json:"component"`
	Before    srm.Owner `json:"before"`
	After     srm.Owner `json:"after"`
}

// Failing reports whether the resource has unaccepted obligations.
func (it *Item) Failing() bool { return it.Result != nil && len(it.Result.Unaccepted) > 0 }

// Report is a finished review.
type Report struct {
	Catalog *srm.Catalog
	// Source is "plan" or "state".
	Source string
	// Items are sorted by module, then address.
	Items []*Item
	// Records are the acceptance records of the input, those this change
	// deletes and those it does not trust included.
	Records []*Record
	// NotReviewed counts, by action, the resource changes left out
	// (deletes, forgets, no-ops without -all).
	NotReviewed map[string]int
	// Unfinished says why Terraform did not finish the plan ("" when it
	// did): such a plan is never reviewed as passing.
	Unfinished string
	// Options are the options of the review.
	Options Options
	// recordOf maps the records that accept obligations of Items (the
	// values of Item.AcceptedBy) to the records of the input.
	recordOf map[*srm.AcceptanceRecord]*Record
	// Notes are things the reader must know about the input (records that
	// could not be read); they are printed on stderr and in the reports.
	Notes []string
}

// Empty reports whether the input holds no change to review: no reviewed
// resource and no acceptance record that the change touches.
func (r *Report) Empty() bool {
	if len(r.Items) > 0 {
		return false
	}
	for _, rec := range r.Records {
		if rec.Touched() {
			return false
		}
	}
	return true
}

// reviewDocument reviews a decoded plan or state.
func reviewDocument(doc *document, k kind, engine *srm.Engine, opts Options) *Report {
	if opts.Trust == "" {
		opts.Trust = TrustPlan
	}
	rep := &Report{Catalog: engine.Catalog, Source: "plan", NotReviewed: map[string]int{}, Options: opts}
	if k == kindState {
		rep.Source = "state"
	} else {
		rep.Unfinished = unfinished(doc)
	}
	rep.Records, rep.Notes = acceptanceRecords(doc, k, opts)
	var applied []srm.AcceptanceRecord
	var appliedFrom []*Record
	for _, r := range rep.Records {
		if r.Applies {
			applied = append(applied, r.Record)
			appliedFrom = append(appliedFrom, r)
		}
	}
	rep.recordOf = make(map[*srm.AcceptanceRecord]*Record, len(applied))
	for i := range applied {
		rep.recordOf[&applied[i]] = appliedFrom[i]
	}
	cr := &conditionReader{engine: engine}
	var subjects []subject
	intern := acceptedByInterner(applied)
	add := func(address, module, typ, action string, attrs attributes) *Item {
		it := resolveItem(cr, opts, applied, address, module, typ, action, attrs)
		it.AcceptedBy = intern(it.AcceptedBy)
		rep.Items = append(rep.Items, it)
		return it
	}
	if k == kindState {
		if doc.Values != nil {
			walkModules(doc.Values.RootModule, func(r *stateResource) {
				if r.Mode != "managed" || r.DeposedKey != "" || isSRMType(r.Type) {
					return
				}
				subjects = append(subjects, subject{r.Address, r.Type})
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
			if opts.All || action != "delete" && action != "forget" {
				subjects = append(subjects, subject{rc.Address, rc.Type})
			}
			if !opts.All && !reviewed(action) {
				rep.NotReviewed[action]++
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
			it := add(rc.Address, module, rc.Type, action, attrs)
			if (action == "update" || action == "replace") && it.Result != nil && !isNull(rc.Change.Before) && len(rc.Change.Before) > 0 {
				it.OwnerChanges = ownerChanges(cr, opts, it, attributes{values: rc.Change.Before, sensitive: rc.Change.BeforeSensitive})
			}
		}
	}
	countMatches(rep.Records, subjects)
	for _, it := range rep.Items {
		if it.Result != nil {
			continue
		}
		for _, r := range rep.Records {
			if r.Applies && !r.Expired && slices.Contains(r.Record.Obligations, "*") && r.Record.ServiceModel == "" &&
				r.Record.CoversAddress(it.Address, it.Type) {
				it.CoveredBy = r
				break
			}
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

// acceptedByInterner returns a function that gives resources whose
// obligations the same records accept one shared map: a map per resource
// is most of a large plan's memory, and scoped records make them alike.
func acceptedByInterner(records []srm.AcceptanceRecord) func(map[string]*srm.AcceptanceRecord) map[string]*srm.AcceptanceRecord {
	index := make(map[*srm.AcceptanceRecord]int, len(records))
	for i := range records {
		index[&records[i]] = i
	}
	shared := map[string]map[string]*srm.AcceptanceRecord{}
	var key []byte
	return func(by map[string]*srm.AcceptanceRecord) map[string]*srm.AcceptanceRecord {
		if len(by) == 0 {
			return by
		}
		ids := slices.Sorted(maps.Keys(by))
		key = key[:0]
		for _, id := range ids {
			key = append(key, id...)
			key = append(key, 0)
			key = strconv.AppendInt(key, int64(index[by[id]]), 10)
			key = append(key, 0)
		}
		if m, ok := shared[string(key)]; ok {
			return m
		}
		shared[string(key)] = by
		return by
	}
}

// unfinished says why Terraform did not finish a plan: "errored" set,
// "complete" false, or (Terraform 1.5, which writes neither) a failed
// precondition or postcondition of a resource or output; "" when it did.
// A failed check block is a warning in Terraform, not an error.
func unfinished(doc *document) string {
	switch {
	case doc.Errored != nil && *doc.Errored:
		return "Terraform did not finish the plan: it errored (the plan's JSON says \"errored\": true), so it lists only part of the changes"
	case doc.Complete != nil && !*doc.Complete:
		return "Terraform did not finish the plan: it is incomplete (\"complete\": false: -target, or changes deferred to a later plan), so it lists only part of the changes"
	}
	for _, c := range doc.Checks {
		if (c.Status == "fail" || c.Status == "error") && c.Address.Kind != "check" {
			return "Terraform did not finish the plan: a condition of " + c.Address.ToDisplay + " failed, so the plan lists only part of the changes"
		}
	}
	return ""
}

// ownerChanges resolves a resource with the conditions of its prior values
// and lists the components whose owner the change moves.
func ownerChanges(cr *conditionReader, opts Options, it *Item, before attributes) []OwnerChange {
	rt := cr.engine.Catalog.Lookup(it.Type)
	if rt == nil {
		return nil
	}
	conds, _ := cr.read(rt, before)
	prev, err := cr.resolve(rt, srm.Request{ResourceType: it.Type, Conditions: conds, Agreement: opts.Agreement})
	if err != nil {
		return nil
	}
	var out []OwnerChange
	for i, c := range it.Result.Components {
		if p := prev.Components[i].Owner; p != c.Owner {
			out = append(out, OwnerChange{Component: cr.engine.Catalog.Components[i].ID, Before: p, After: c.Owner})
		}
	}
	return out
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
			if accepted, err := cr.resolve(rt, req); err == nil {
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
	if len(req.Accepted) > 0 {
		// Resources that resolve alike with the same obligations accepted
		// share one result: a plan of thousands of resources holds a
		// handful of answers, not one per resource.
		key += "\x02" + strings.Join(req.Accepted, "\x00")
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
