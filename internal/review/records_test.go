// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"testing"
)

// With -trusted-acceptances prior, a record that is not in the prior state
// as planned is pending, whatever brings it: created, imported or moved.
func TestRecordsPriorTrust(t *testing.T) {
	const values = `{"scope": ["*"], "obligations": ["*"], "accepted_by": "team-all", "review_by": "2099-01-01"}`
	rec := func(name string) string {
		return `{"address": "srm_obligation_acceptance.` + name + `", "mode": "managed", "type": "srm_obligation_acceptance", "name": "` + name + `", "values": ` + values + `}`
	}
	change := func(name, extra string) string {
		return `{"address": "srm_obligation_acceptance.` + name + `", "mode": "managed", "type": "srm_obligation_acceptance", "name": "` + name + `"` + extra +
			`, "change": {"actions": ["no-op"], "before": ` + values + `, "after": ` + values
	}
	plan := `{"format_version": "1.2",
	  "planned_values": {"root_module": {"resources": [` + rec("kept") + `,` + rec("imported") + `,` + rec("moved") + `]}},
	  "prior_state": {"values": {"root_module": {"resources": [` + rec("kept") + `,` + rec("old_name") + `]}}},
	  "resource_changes": [` + change("kept", "") + `}},` + change("imported", "") + `, "importing": {"id": "x"}}},` +
		change("moved", `, "previous_address": "srm_obligation_acceptance.old_name"`) + `}}]}`
	doc, k, err := parseDocument([]byte(plan))
	if err != nil {
		t.Fatal(err)
	}
	for _, trust := range []string{TrustPlan, TrustPrior} {
		records, notes := acceptanceRecords(doc, k, Options{Now: testNow, Trust: trust})
		if len(notes) != 0 || len(records) != 3 {
			t.Fatalf("%s: %d records, notes %q", trust, len(records), notes)
		}
		for _, r := range records {
			wantApplies := trust == TrustPlan || r.Address == "srm_obligation_acceptance.kept"
			if r.Applies != wantApplies || r.Pending == wantApplies {
				t.Errorf("%s: %s (%s) applies %v, pending %v; want applies %v", trust, r.Address, r.Action, r.Applies, r.Pending, wantApplies)
			}
			if touched := r.Address != "srm_obligation_acceptance.kept"; r.Touched() != touched {
				t.Errorf("%s: %s (%s) touched %v, want %v", trust, r.Address, r.Action, r.Touched(), touched)
			}
		}
	}
}
