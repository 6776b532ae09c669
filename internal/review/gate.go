// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

// Gate is what -gate decides, and why (SPEC §8.1): a plan Terraform did not
// finish never passes; an empty plan passes; otherwise unaccepted
// obligations fail, and so do resources of a type the catalog cannot
// resolve unless a record accepts every obligation ("*") of them or
// -allow-unknown is given.
type Gate struct {
	Pass bool `json:"pass"`
	// Unfinished says why Terraform did not finish the plan.
	Unfinished string `json:"unfinished,omitempty"`
	// Failing counts the reviewed resources with unaccepted obligations.
	Failing int `json:"resources_with_unaccepted"`
	// Unknown counts the resources of unknown types that fail: not covered
	// by a "*" record, without -allow-unknown.
	Unknown int `json:"unknown_uncovered"`
	// Empty: there was nothing to review.
	Empty bool `json:"empty"`
}

// unknownAllowed reports whether a resource of a type the catalog cannot
// resolve passes the gate: a record accepts every obligation of it, or
// -allow-unknown is given.
func (r *Report) unknownAllowed(it *Item) bool {
	return it.Result == nil && (it.CoveredBy != nil || r.Options.AllowUnknown)
}

// Gate decides the gate.
func (r *Report) Gate() Gate {
	g := Gate{Unfinished: r.Unfinished, Empty: r.Unfinished == "" && r.Empty()}
	for _, it := range r.Items {
		switch {
		case it.Failing():
			g.Failing++
		case it.Result == nil && !r.unknownAllowed(it):
			g.Unknown++
		}
	}
	g.Pass = g.Unfinished == "" && g.Failing == 0 && g.Unknown == 0
	return g
}

// exitStatus is the exit status of a review: ExitBadInput for a plan
// Terraform did not finish (with or without -gate: it is not a plan to
// review), ExitGate when gate is set and the gate fails.
func (g Gate) exitStatus(gate bool) int {
	switch {
	case g.Unfinished != "":
		return ExitBadInput
	case gate && !g.Pass:
		return ExitGate
	}
	return ExitOK
}
