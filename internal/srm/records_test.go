// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

// The model alone, not a type: a type's answer moves with catalog
// corrections, the matrix's paas column does not.
func TestExpandObligations(t *testing.T) {
	r := resolve(t, engine(), Request{ServiceModel: "paas"})
	cases := []struct {
		patterns []string
		want     []string
	}{
		{[]string{"data_protection.*"}, []string{"data_protection.encrypt_at_rest", "data_protection.encrypt_in_transit",
			"data_protection.manage_keys", "data_protection.back_up_data"}},
		{[]string{"accounts_and_access.enforce_mfa", "data_access.*"}, []string{"data_access.least_privilege_access",
			"data_access.enable_audit_logging", "data_access.block_public_access", "accounts_and_access.enforce_mfa"}},
		{[]string{"*"}, r.CustomerObligationIDs()},
		// Provider-owned under paas: nothing to expand.
		{[]string{"operating_system.*"}, nil},
	}
	for _, tc := range cases {
		if got := ExpandObligations(tc.patterns, r.CustomerObligations); !slices.Equal(got, tc.want) {
			t.Errorf("%v: got %v, want %v", tc.patterns, got, tc.want)
		}
	}
}

func TestCheckObligationPatterns(t *testing.T) {
	c := MustBuiltin()
	r := resolve(t, engine(), Request{ServiceModel: "paas"})
	what := "customer obligations of paas"
	notApplicable := func(id string) *InputError { return r.NotAnObligationError("", id) }
	cases := []struct {
		patterns []string
		key, err string
	}{
		{patterns: []string{"*", "data_protection.*", "accounts_and_access.enforce_mfa"}},
		{[]string{"data_protection.*", "operating_system.*"}, "operating_system.*", `"operating_system.*" matches none of the customer obligations of paas: network_controls.restrict_ingress`},
		{[]string{"data_protecton.*"}, "data_protecton.*", `"data_protecton.*" names no component of the catalog; did you mean "data_protection".`},
		{[]string{"operating_system.patch"}, "operating_system.patch", "component operating_system is provider-owned there"},
		{[]string{"data_protection.encrypt_at_rst"}, "data_protection.encrypt_at_rst", `did you mean "data_protection.encrypt_at_rest"`},
	}
	for _, tc := range cases {
		err := c.CheckObligationPatterns("obligations", tc.patterns, r.CustomerObligations, what, notApplicable)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("%v: %v", tc.patterns, err)
		case tc.err != "" && (err == nil || err.Key != tc.key || err.Field != "obligations" || !strings.Contains(err.Detail, tc.err)):
			t.Errorf("%v: got %+v, want on %s: %s", tc.patterns, err, tc.key, tc.err)
		}
	}
	// No candidates at all: even "*" is an error.
	if err := c.CheckObligationPatterns("obligations", []string{"*"}, nil, "obligations under saas", nil); err == nil || err.Summary != "Wildcard matches no obligation" {
		t.Errorf("* without candidates: got %v", err)
	}
}

func TestScopeCandidates(t *testing.T) {
	c := MustBuiltin()
	if got := len(c.ScopeCandidates("")); got != len(c.Obligations) {
		t.Errorf("no filter: %d candidates, want all %d", got, len(c.Obligations))
	}
	saas := ObligationIDs(c.ScopeCandidates("saas"))
	if slices.Contains(saas, "operating_system.patch") || !slices.Contains(saas, "accounts_and_access.enforce_mfa") {
		t.Errorf("saas candidates: %v", saas)
	}
}

func TestMatchRecords(t *testing.T) {
	e := engine()
	now := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	db := resolve(t, e, Request{ResourceType: "aws_db_instance"})
	vm := resolve(t, e, Request{ResourceType: "aws_instance"})
	records := []AcceptanceRecord{
		{ID: "platform", Scope: []string{"*"}, Obligations: []string{"*"}, AcceptedBy: "team-platform"},
		{ID: "payments-data", Scope: []string{"module.payments.*"}, Obligations: []string{"data_protection.*", "data_access.*"}, AcceptedBy: "team-payments"},
		{ID: "payments-db", Scope: []string{"module.payments.*"}, ResourceType: "aws_db_instance", Obligations: []string{"data_protection.*"}, AcceptedBy: "team-dba"},
		{ID: "orders", ResourceAddress: "module.payments.aws_db_instance.orders", ResourceType: "aws_db_instance",
			Obligations: []string{"data_protection.back_up_data"}, AcceptedBy: "team-orders"},
		{ID: "expired", Scope: []string{"module.payments.*"}, Obligations: []string{"*"}, AcceptedBy: "team-gone", Expired: true},
		{ID: "past", Scope: []string{"module.payments.*"}, Obligations: []string{"*"}, AcceptedBy: "team-late", ReviewBy: "2026-12-31"},
		{ID: "iaas", Scope: []string{"module.payments.*"}, ServiceModel: "iaas", Obligations: []string{"operating_system.*"}, AcceptedBy: "team-os"},
	}
	by := func(res *Result, address string, recs []AcceptanceRecord) map[string]string {
		out := map[string]string{}
		for id, r := range MatchRecords(recs, address, res, now) {
			out[id] = r.AcceptedBy
		}
		return out
	}
	t.Run("most specific record", func(t *testing.T) {
		got := by(db, `module.payments.aws_db_instance.orders`, records)
		want := map[string]string{
			"data_protection.back_up_data":      "team-orders",   // its own address
			"data_protection.encrypt_at_rest":   "team-dba",      // a type filter beats the same scope without
			"data_access.block_public_access":   "team-payments", // a longer scope beats "*"
			"accounts_and_access.enforce_mfa":   "team-platform",
			"network_controls.restrict_ingress": "team-platform",
		}
		for id, who := range want {
			if got[id] != who {
				t.Errorf("%s accepted by %q, want %q", id, got[id], who)
			}
		}
		if len(got) != len(db.CustomerObligations) {
			t.Errorf("%d of %d obligations accepted, want all", len(got), len(db.CustomerObligations))
		}
	})
	t.Run("instances and nested modules", func(t *testing.T) {
		for _, address := range []string{`module.payments["eu"].aws_db_instance.orders`, `module.payments.module.ledger.aws_db_instance.orders[2]`} {
			if got := by(db, address, records)["data_protection.encrypt_at_rest"]; got != "team-dba" {
				t.Errorf("%s: encrypt_at_rest accepted by %q, want team-dba", address, got)
			}
		}
		// The record for module.payments.aws_db_instance.orders covers its instances.
		if got := by(db, `module.payments.aws_db_instance.orders["a"]`, records)["data_protection.back_up_data"]; got != "team-orders" {
			t.Errorf("instance of orders: back_up_data accepted by %q", got)
		}
	})
	t.Run("filters", func(t *testing.T) {
		got := by(vm, "module.payments.aws_instance.web", records)
		if got["operating_system.patch"] != "team-os" {
			t.Errorf("iaas filter: operating_system.patch accepted by %q", got["operating_system.patch"])
		}
		if got["data_protection.encrypt_at_rest"] != "team-payments" {
			t.Errorf("type filter must not cover aws_instance: %q", got["data_protection.encrypt_at_rest"])
		}
		if got := by(db, "module.payments.aws_db_instance.orders", records[4:7]); len(got) != 0 {
			t.Errorf("expired records and a non-matching model filter accept nothing: %v", got)
		}
	})
	t.Run("outside the scope", func(t *testing.T) {
		if got := by(db, "aws_db_instance.orders", records[1:]); len(got) != 0 {
			t.Errorf("root-module resource: %v", got)
		}
	})
	t.Run("the record's own list restricts its patterns", func(t *testing.T) {
		recs := []AcceptanceRecord{{ID: "a", Scope: []string{"*"}, Obligations: []string{"data_protection.*"},
			Accepted: []string{"data_protection.encrypt_at_rest"}, AcceptedBy: "x"}}
		if got := by(db, "aws_db_instance.orders", recs); !maps.Equal(got, map[string]string{"data_protection.encrypt_at_rest": "x"}) {
			t.Errorf("got %v", got)
		}
	})
	t.Run("ties are broken by accepted_by", func(t *testing.T) {
		recs := []AcceptanceRecord{
			{ID: "2", Scope: []string{"*"}, Obligations: []string{"*"}, AcceptedBy: "team-b"},
			{ID: "1", Scope: []string{"*"}, Obligations: []string{"*"}, AcceptedBy: "team-a"},
		}
		if got := by(db, "x.y", recs)["configuration.detect_drift"]; got != "team-a" {
			t.Errorf("got %q", got)
		}
	})
}

func TestMergeAccepted(t *testing.T) {
	got := MergeAccepted([]string{"b", "a"}, map[string]*AcceptanceRecord{"a": nil, "c": nil})
	if !slices.Equal(got, []string{"a", "b", "c"}) {
		t.Errorf("got %v", got)
	}
}

func TestAssessWithRecords(t *testing.T) {
	now := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	records := []AcceptanceRecord{
		{ID: "a", Scope: []string{"module.payments.*"}, Obligations: []string{"*"}, AcceptedBy: "team-payments"},
		{ID: "b", ResourceAddress: "module.payments.aws_db_instance.orders", Obligations: []string{"data_protection.manage_keys"}, AcceptedBy: "team-security"},
		{ID: "c", Scope: []string{"*"}, Obligations: []string{"*"}, AcceptedBy: "team-gone", ReviewBy: "2026-12-31"},
	}
	a, err := engine().AssessWithRecords(map[string]AssessItem{
		"module.payments.aws_db_instance.orders": {ResourceType: "aws_db_instance"},
		"aws_instance.web":                       {ResourceType: "aws_instance"},
	}, map[string][]string{"aws_instance.web": {"operating_system.patch"}}, records, "", now)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Unaccepted()["module.payments.aws_db_instance.orders"]; len(got) != 0 {
		t.Errorf("orders unaccepted: %v", got)
	}
	web := a.Unaccepted()["aws_instance.web"]
	if slices.Contains(web, "operating_system.patch") || !slices.Contains(web, "operating_system.harden_baseline") {
		t.Errorf("web unaccepted: %v (the expired record must not apply)", web)
	}
	teams := a.AcceptedByTeam()
	if len(teams) != 2 || teams[0].Team != "team-payments" || teams[0].Resources != 1 || teams[1] != (TeamCount{"team-security", 1, 1}) {
		t.Errorf("teams: %+v", teams)
	}
	if !strings.Contains(a.Markdown(), "| team-security | 1 | 1 |") {
		t.Errorf("markdown without the accepted-by table:\n%s", a.Markdown())
	}
	// The OSCAL export names the team of the most specific record, and
	// none for ids given directly.
	doc, err := a.OSCAL()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Obligation data_protection.manage_keys accepted for module.payments.aws_db_instance.orders by team-security.",
		"Obligation data_protection.encrypt_at_rest accepted for module.payments.aws_db_instance.orders by team-payments.",
		"Obligation operating_system.patch accepted for aws_instance.web.\"",
	} {
		if !strings.Contains(string(doc), want) {
			t.Errorf("OSCAL without %q", want)
		}
	}
	if strings.Contains(string(doc), "team-gone") {
		t.Error("OSCAL names the team of an expired record")
	}
}

// CoversAddress is matching's coverage rule without the service_model
// filter: the review uses it to count what a record covers before resolving.
func TestCoversAddress(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		rec          AcceptanceRecord
		address, typ string
		want         bool
	}{
		{AcceptanceRecord{ResourceAddress: "aws_s3_bucket.b"}, "aws_s3_bucket.b", "aws_s3_bucket", true},
		{AcceptanceRecord{ResourceAddress: "module.m.aws_s3_bucket.b"}, `module.m.aws_s3_bucket.b["x"]`, "aws_s3_bucket", true},
		{AcceptanceRecord{ResourceAddress: "module.m.*"}, "module.m.aws_s3_bucket.b", "aws_s3_bucket", false},
		{AcceptanceRecord{Scope: []string{"module.m.*"}, ServiceModel: "iaas"}, "module.m.aws_s3_bucket.b", "aws_s3_bucket", true},
		{AcceptanceRecord{Scope: []string{"module.m.*"}, ResourceType: "aws_instance"}, "module.m.aws_s3_bucket.b", "aws_s3_bucket", false},
		{AcceptanceRecord{Scope: []string{"module.[bad"}}, "module.m.aws_s3_bucket.b", "aws_s3_bucket", false},
	} {
		if got := tc.rec.CoversAddress(tc.address, tc.typ); got != tc.want {
			t.Errorf("%+v covers %s: %v, want %v", tc.rec, tc.address, got, tc.want)
		}
	}
}
