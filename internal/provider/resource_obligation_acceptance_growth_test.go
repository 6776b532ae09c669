// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The plan that adds an obligation to a record through its wildcard warns,
// naming the obligation: a reviewer sees the new duty before accepting it.
// (The acceptance tests check the diff itself; the CLIs' test harness does
// not expose warnings.)
func TestObligationAcceptanceWildcardGrowthWarns(t *testing.T) {
	ctx := context.Background()
	p := New("test")()
	server := ProtocolServer(p)()
	if _, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{}); err != nil {
		t.Fatal(err)
	}
	var ps provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &ps)
	providerType, ok := ps.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatal("the provider schema is not an object")
	}
	catalog := `{"catalog_version": "next", "obligations": [{"id": "data_protection.test_restores", "component": "data_protection",
  "title": "Test restores", "description": "Restore a backup every quarter.", "controls": {"nist_800_53_r5": ["CP-4"]}}]}`
	config := object(providerType, map[string]tftypes.Value{"catalog": tftypes.NewValue(tftypes.String, catalog)})
	if resp, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: dynamic(t, providerType, config)}); err != nil || len(resp.Diagnostics) > 0 {
		t.Fatalf("configure: %v %v", err, resp.Diagnostics)
	}

	recordType, ok := obligationAcceptanceSchema().Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatal("the resource schema is not an object")
	}
	str := func(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }
	set := func(items ...string) tftypes.Value {
		vals := make([]tftypes.Value, len(items))
		for i, s := range items {
			vals[i] = str(s)
		}
		return tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, vals)
	}
	list := func(items ...string) tftypes.Value {
		vals := make([]tftypes.Value, len(items))
		for i, s := range items {
			vals[i] = str(s)
		}
		return tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, vals)
	}
	arguments := map[string]tftypes.Value{
		"scope": set("module.payments.*"), "obligations": set("data_protection.*"), "accepted_by": str("team-payments"),
	}
	prior := map[string]tftypes.Value{
		"id": str("scope:module.payments.*@2026-11-28T10:00:00Z"), "accepted_at": str("2026-11-28T10:00:00Z"),
		"accepted_obligations": list("data_protection.encrypt_at_rest", "data_protection.encrypt_in_transit",
			"data_protection.manage_keys", "data_protection.back_up_data"),
		"catalog_version": str("2026.11.0"), "expired": tftypes.NewValue(tftypes.Bool, false),
	}
	for k, v := range arguments {
		prior[k] = v
	}
	priorState := object(recordType, prior)
	resp, err := server.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{
		TypeName:         "srm_obligation_acceptance",
		PriorState:       dynamic(t, recordType, priorState),
		ProposedNewState: dynamic(t, recordType, priorState),
		Config:           dynamic(t, recordType, object(recordType, arguments)),
	})
	if err != nil {
		t.Fatal(err)
	}
	var warned bool
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			t.Errorf("%s: %s", d.Summary, d.Detail)
		}
		warned = warned || d.Summary == "Wildcard accepts new obligations" && strings.Contains(d.Detail, "data_protection.test_restores") &&
			strings.Contains(d.Detail, "scope:module.payments.*")
	}
	if !warned {
		t.Errorf("no warning naming data_protection.test_restores: %v", resp.Diagnostics)
	}
}

// object builds a value of an object type, null where attrs has nothing.
func object(typ tftypes.Object, attrs map[string]tftypes.Value) tftypes.Value {
	vals := make(map[string]tftypes.Value, len(typ.AttributeTypes))
	for name, at := range typ.AttributeTypes {
		vals[name] = tftypes.NewValue(at, nil)
		if v, ok := attrs[name]; ok {
			vals[name] = v
		}
	}
	return tftypes.NewValue(typ, vals)
}

func dynamic(t *testing.T, typ tftypes.Type, v tftypes.Value) *tfprotov6.DynamicValue {
	t.Helper()
	dv, err := tfprotov6.NewDynamicValue(typ, v)
	if err != nil {
		t.Fatal(err)
	}
	return &dv
}
