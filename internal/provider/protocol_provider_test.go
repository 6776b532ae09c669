// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Provider settings without a CLI: an agreement moves a boundary for the
// data sources that name it, a custom catalog adds a type, and a setting
// unknown during plan defers the reads or fails them with the reason.
func TestProtocolProviderSettings(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := ProtocolServer(New("test")())()
	schemas, err := s.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	catalog := `{"catalog_version": "acme.1", "resource_types": {"acme_queue": {"service_model": "saas", "class": "messaging", "focus": ["data_access"], "source": "aws-srm"}}}`
	config := dynamicValue(t, schemas.Provider, map[string]tftypes.Value{
		"catalog":   tfString(catalog),
		"agreement": firewallAgreement(t, schemas.Provider),
	})
	if resp, err := s.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: config}); err != nil || hasError(resp.Diagnostics) {
		t.Fatalf("configure: %v %s", err, diagText(resp.Diagnostics))
	}
	db := map[string]tftypes.Value{"resource_type": tfString("aws_db_instance"), "conditions": tfStringMap(map[string]string{"engine": "postgres"})}
	plain := mustRead(t, s, responsibilityTypeName, db)
	db["agreement"] = tfString("managed-firewall")
	moved := mustRead(t, s, responsibilityTypeName, db)
	if p, m := stringMapOf(t, plain["component_owners"])["network_controls"], stringMapOf(t, moved["component_owners"])["network_controls"]; p != "shared" || m != "provider" {
		t.Errorf("network_controls: %s without the agreement, %s with it; want shared, provider", p, m)
	}
	var overridesApplied []tftypes.Value
	if err := moved["overrides_applied"].As(&overridesApplied); err != nil || len(overridesApplied) == 0 {
		t.Errorf("overrides_applied = %v", moved["overrides_applied"])
	}
	queue := mustRead(t, s, responsibilityTypeName, map[string]tftypes.Value{"resource_type": tfString("acme_queue")})
	if strOf(t, queue["service_model"]) != "saas" || !strings.HasSuffix(strOf(t, queue["catalog_version"]), "+acme.1") {
		t.Errorf("acme_queue: %v %v", queue["service_model"], queue["catalog_version"])
	}

	// A catalog unknown during plan: with deferral, the framework defers
	// the read; without, the read fails and names the setting.
	unknown := dynamicValue(t, schemas.Provider, map[string]tftypes.Value{"catalog": tftypes.NewValue(tftypes.String, tftypes.UnknownValue)})
	for _, deferral := range []bool{true, false} {
		s := ProtocolServer(New("test")())()
		if _, err := s.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{}); err != nil {
			t.Fatal(err)
		}
		caps := &tfprotov6.ConfigureProviderClientCapabilities{DeferralAllowed: deferral}
		if resp, err := s.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: unknown, ClientCapabilities: caps}); err != nil || hasError(resp.Diagnostics) {
			t.Fatalf("configure: %v %s", err, diagText(resp.Diagnostics))
		}
		rresp, err := s.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: responsibilityTypeName,
			Config:             dynamicValue(t, dataSourceSchema(t, s, responsibilityTypeName), map[string]tftypes.Value{"service_model": tfString("iaas")}),
			ClientCapabilities: &tfprotov6.ReadDataSourceClientCapabilities{DeferralAllowed: deferral}})
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case deferral && (rresp.Deferred == nil || rresp.Deferred.Reason != tfprotov6.DeferredReasonProviderConfigUnknown):
			t.Errorf("with deferral: deferred %v, %s", rresp.Deferred, diagText(rresp.Diagnostics))
		case !deferral && !strings.Contains(diagText(rresp.Diagnostics), "depends on the srm provider's catalog"):
			t.Errorf("without deferral: %s", diagText(rresp.Diagnostics))
		}
	}
}

// firewallAgreement is the provider's agreement argument with one agreement,
// managed-firewall, that gives PaaS network controls to the provider.
func firewallAgreement(t testing.TB, provider *tfprotov6.Schema) tftypes.Value {
	t.Helper()
	ptyp := typeOf[tftypes.Object](t, provider.ValueType(), "the provider schema is not an object")
	agreements := typeOf[tftypes.List](t, ptyp.AttributeTypes["agreement"], "agreement is not a list")
	agreementType := typeOf[tftypes.Object](t, agreements.ElementType, "an agreement is not an object")
	overrides := typeOf[tftypes.List](t, agreementType.AttributeTypes["override"], "override is not a list")
	overrideType := typeOf[tftypes.Object](t, overrides.ElementType, "an override is not an object")
	agreement := object(agreementType, map[string]tftypes.Value{
		"name": tfString("managed-firewall"),
		"override": tftypes.NewValue(overrides, []tftypes.Value{object(overrideType, map[string]tftypes.Value{
			"service_model": tfString("paas"), "component": tfString("network_controls"), "owner": tfString("provider"),
			"reason": tfString("Managed firewall contract"),
		})}),
	})
	return tftypes.NewValue(agreements, []tftypes.Value{agreement})
}
