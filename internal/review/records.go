// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"encoding/json"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// Trust of acceptance records (-trusted-acceptances).
const (
	// TrustPlan: the records of the planned values count, those this
	// change creates or changes included.
	TrustPlan = "plan"
	// TrustPrior: only the records present and unchanged in the plan's
	// prior state count; those the plan creates or changes are pending.
	TrustPrior = "prior"
)

// Record is one srm_obligation_acceptance of the input, as the review
// shows it: what it says, what this change does to it, and whether it
// accepts anything in this review.
type Record struct {
	// Address is the record's own resource address.
	Address string
	// Action is what the plan does to the record: create, update,
	// replace, delete or no-op; "state" for a state.
	Action string
	// Record holds the values the review shows: the planned ones, or the
	// prior ones of a record the plan deletes.
	Record srm.AcceptanceRecord
	// Expired: marked expired, or its review_by has passed.
	Expired bool
	// ReviewBy is the instant the record expires; zero without review_by.
	ReviewBy time.Time
	// ExpiresInDays counts whole days from the review to review_by; nil
	// without review_by.
	ExpiresInDays *int
	// Expiring: not expired, and review_by falls within -expiry-warning.
	Expiring bool
	// Applies: the record accepts obligations in this review (trusted, not
	// removed; an expired record applies but accepts nothing).
	Applies bool
	// Pending: granted by this change but not trusted
	// (-trusted-acceptances prior): it accepts nothing until merged and
	// applied.
	Pending bool
	// Matches counts the resources of the input the record covers (by
	// address and resource_type filter); DidYouMean suggests patterns when
	// it covers none.
	Matches int
	// Matched are the addresses of the resources it covers, in input order.
	Matched    []string
	DidYouMean []string
}

// Granted reports whether this change creates or changes the record.
func (r *Record) Granted() bool {
	switch r.Action {
	case "create", "update", "replace", "import":
		return true
	}
	return false
}

// Removed reports whether this change deletes the record.
func (r *Record) Removed() bool { return r.Action == "delete" || r.Action == "forget" }

// Touched reports whether this change creates, changes, moves or deletes
// the record.
func (r *Record) Touched() bool { return r.Granted() || r.Removed() || r.Action == "move" }

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

// recordSource is a record's values found in one part of the input.
type recordSource struct {
	address string
	values  json.RawMessage
}

// recordsOf lists the srm_obligation_acceptance resources of a module tree.
func recordsOf(root *module) []recordSource {
	var out []recordSource
	walkModules(root, func(r *stateResource) {
		if r.Mode == "managed" && r.Type == acceptanceType && r.DeposedKey == "" {
			out = append(out, recordSource{r.Address, r.Values})
		}
	})
	return out
}

// acceptanceRecords reads every srm_obligation_acceptance of the input:
// for a plan, those of the planned values and those the plan deletes from
// the prior state, each with the plan's action; for a state, those of the
// state. Which apply depends on trust. A record the review cannot use is
// reported in notes, never dropped silently.
func acceptanceRecords(doc *document, k kind, opts Options) ([]*Record, []string) {
	var notes []string
	var out []*Record
	add := func(src recordSource, action string, applies bool) *Record {
		rec, note := readRecord(src)
		if note != "" {
			notes = append(notes, note)
			return nil
		}
		r := &Record{Address: src.address, Action: action, Record: rec, Applies: applies}
		r.Expired = rec.Expired || srm.Expired(rec.ReviewBy, opts.Now)
		if rec.ReviewBy != "" {
			if t, err := srm.ParseReviewBy(rec.ReviewBy); err == nil {
				r.ReviewBy = t
				days := int(math.Floor(t.Sub(opts.Now).Hours() / 24))
				r.ExpiresInDays = &days
				r.Expiring = !r.Expired && t.Sub(opts.Now) <= opts.ExpiryWarning
			}
		}
		out = append(out, r)
		return r
	}
	if k == kindState {
		if doc.Values != nil {
			for _, src := range recordsOf(doc.Values.RootModule) {
				add(src, "state", true)
			}
		}
		return out, notes
	}
	var planned, prior []recordSource
	if doc.PlannedValues != nil {
		planned = recordsOf(doc.PlannedValues.RootModule)
	}
	if doc.PriorState != nil && doc.PriorState.Values != nil {
		prior = recordsOf(doc.PriorState.Values.RootModule)
	}
	actions := map[string]string{}
	movedFrom := map[string]bool{}
	for i := range doc.ResourceChanges {
		rc := &doc.ResourceChanges[i]
		if rc.Mode == "managed" && rc.Type == acceptanceType && rc.Deposed == "" {
			actions[rc.Address] = actionName(rc)
			if rc.PreviousAddress != "" && rc.PreviousAddress != rc.Address {
				movedFrom[rc.PreviousAddress] = true
			}
		}
	}
	priorValues := map[string]json.RawMessage{}
	for _, src := range prior {
		priorValues[src.address] = src.values
	}
	if doc.PlannedValues == nil {
		// A plan without planned values: its prior state is all there is.
		for _, src := range prior {
			add(src, "no-op", true)
		}
		return out, notes
	}
	inPlan := map[string]bool{}
	for _, src := range planned {
		inPlan[src.address] = true
		action, ok := actions[src.address]
		if !ok {
			action = "create"
			if _, found := priorValues[src.address]; found {
				action = "no-op"
			}
		}
		switch {
		case opts.Trust != TrustPrior:
			add(src, action, true)
		case action == "no-op" && priorValues[src.address] != nil:
			// Unchanged: the prior values are the trusted ones.
			add(recordSource{src.address, priorValues[src.address]}, action, true)
		default:
			// Not in the prior state as it is planned: created, changed,
			// imported or moved by this change.
			if r := add(src, action, false); r != nil {
				r.Pending = true
			}
		}
	}
	for _, src := range prior {
		if !inPlan[src.address] && !movedFrom[src.address] {
			action := actions[src.address]
			if action == "" {
				action = "delete"
			}
			add(src, action, false)
		}
	}
	return out, notes
}

// readRecord reads the values of one record, or says why it cannot be
// used.
func readRecord(src recordSource) (srm.AcceptanceRecord, string) {
	var v acceptanceValues
	if err := json.Unmarshal(src.values, &v); err != nil {
		return srm.AcceptanceRecord{}, src.address + ": not applied: its values cannot be read (" + err.Error() + ")"
	}
	str := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	switch {
	case str(v.ResourceAddress) == "" && len(v.Scope) == 0:
		return srm.AcceptanceRecord{}, src.address + ": not applied: resource_address and scope are both unset or known only after apply"
	case len(v.Obligations) == 0 || str(v.AcceptedBy) == "":
		return srm.AcceptanceRecord{}, src.address + ": not applied: obligations or accepted_by are unset or known only after apply"
	}
	id := v.ID
	if id == "" {
		id = src.address
	}
	return srm.AcceptanceRecord{ID: id, ResourceAddress: str(v.ResourceAddress), Scope: v.Scope,
		ResourceType: str(v.ResourceType), ServiceModel: str(v.ServiceModel), Obligations: v.Obligations,
		Accepted: v.AcceptedObligations, AcceptedBy: str(v.AcceptedBy), ReviewBy: str(v.ReviewBy),
		Expired: v.Expired != nil && *v.Expired}, ""
}

// subject is a resource a record may cover: its address and type.
type subject struct{ address, typ string }

// countMatches sets each record's Matches from the subjects (the resources
// of the input), and for those that match nothing the closest patterns
// that would match something: module instances ("module.shop[\"eu\"].*")
// and resource addresses.
func countMatches(records []*Record, subjects []subject) {
	var candidates map[string][]string
	for _, r := range records {
		for _, s := range subjects {
			if r.Record.CoversAddress(s.address, s.typ) {
				r.Matches++
				r.Matched = append(r.Matched, s.address)
			}
		}
		if r.Matches > 0 || r.Removed() {
			continue
		}
		if candidates == nil {
			candidates = suggestionCandidates(subjects)
		}
		wanted := r.Record.Scope
		if r.Record.ResourceAddress != "" {
			wanted = []string{r.Record.ResourceAddress}
		}
		for _, w := range wanted {
			for _, c := range closestAddresses(w, candidates) {
				if !slices.Contains(r.DidYouMean, c) {
					r.DidYouMean = append(r.DidYouMean, c)
				}
			}
		}
		if len(r.DidYouMean) > 3 {
			r.DidYouMean = r.DidYouMean[:3]
		}
	}
}

// suggestionCandidates are the patterns a record could mean, keyed by
// their form without instance keys: every module instance ("<module>.*")
// and every resource address.
func suggestionCandidates(subjects []subject) map[string][]string {
	out := map[string][]string{}
	seen := map[string]bool{}
	for _, s := range subjects {
		for _, c := range []string{moduleOf(s.address), s.address} {
			if c == "" {
				continue
			}
			if c != s.address {
				c += ".*"
			}
			if seen[c] {
				continue
			}
			seen[c] = true
			k := withoutKeys(c)
			out[k] = append(out[k], c)
		}
	}
	return out
}

// closestAddresses returns up to three candidates nearest to the pattern
// p, compared without instance keys (a typo in a module name matters, an
// instance key the pattern leaves out does not).
func closestAddresses(p string, candidates map[string][]string) []string {
	var out []string
	for _, k := range srm.Closest(withoutKeys(p), sortedKeys(candidates), 3) {
		out = append(out, candidates[k]...)
	}
	if len(out) > 3 {
		out = out[:3]
	}
	return out
}

// withoutKeys removes the instance keys of an address or pattern.
func withoutKeys(s string) string {
	if !strings.Contains(s, "[") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '[' {
			i = skipKey(s, i) - 1
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// matchNothing describes a record that covers no resource: the warning of
// every format.
func (r *Record) matchNothing() string {
	what := "its scope " + strings.Join(r.Record.Scope, ", ")
	if r.Record.ResourceAddress != "" {
		what = "its resource_address " + r.Record.ResourceAddress
	}
	if r.Record.ResourceType != "" {
		what += " (resource_type " + r.Record.ResourceType + ")"
	}
	msg := r.Address + " matches nothing: " + what + " covers no resource of the input"
	if len(r.DidYouMean) > 0 {
		msg += "; did you mean " + strings.Join(r.DidYouMean, " or ") + "?"
	}
	return msg
}
