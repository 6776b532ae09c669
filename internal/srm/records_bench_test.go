// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"testing"
	"time"
)

// BenchmarkMatchRecords is the per-instance cost that acceptances add to
// srm_responsibility, whose answer is resolved (and cached) once: the demo's
// six team records matched against one resolved resource.
func BenchmarkMatchRecords(b *testing.B) {
	e := engine()
	now := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	app := []string{"application_code.*", "configuration.*", "deployment_settings.*"}
	records := []AcceptanceRecord{
		{ID: "1", Scope: []string{"*"}, Obligations: []string{"operating_system.*", "runtime.*", "middleware.*", "network_controls.*"}, AcceptedBy: "team-platform"},
		{ID: "2", Scope: []string{"*"}, Obligations: []string{"identity_infrastructure.*", "accounts_and_access.*"}, AcceptedBy: "team-identity"},
		{ID: "3", Scope: []string{"*"}, Obligations: []string{"data_classification.*", "data_access.*", "data_protection.encrypt_at_rest"}, AcceptedBy: "team-data"},
		{ID: "4", Scope: []string{"module.payments.*"}, Obligations: app, AcceptedBy: "team-payments"},
		{ID: "5", Scope: []string{"module.media.*"}, Obligations: app, AcceptedBy: "team-media"},
		{ID: "6", Scope: []string{"module.portal.*", "module.platform.*"}, Obligations: app, AcceptedBy: "team-web"},
	}
	res, err := e.Resolve(Request{ResourceType: "aws_db_instance"})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if by := MatchRecords(records, `module.payments["eu"].aws_db_instance.orders`, res, now); len(by) == 0 {
			b.Fatal("no record matched")
		}
	}
}
