// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const managedFirewall = `
provider "srm" {
  agreement {
    name        = "managed-firewall"
    description = "The provider operates the perimeter firewall of our PaaS estate."
    override {
      service_model = "paas"
      component     = "network_controls"
      owner         = "provider"
      reason        = "Managed firewall service contract, schedule B"
      reference     = "MSA-2026-07 §4.2"
    }
    override {
      resource_type = "aws_instance"
      component     = "network_controls"
      owner         = "shared"
      provider_part = "Operates the firewall appliance in front of the instance"
      customer_part = "Requests and reviews rule changes"
      reason        = "Managed firewall for EC2 estate"
    }
  }
}
`

func TestAccProviderAgreement(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: managedFirewall + `
data "srm_responsibility" "db" {
  resource_type = "aws_db_instance"
  conditions    = { engine = "postgres", auto_minor_version_upgrade = "true" }
  agreement     = "managed-firewall"
}
data "srm_responsibility" "db_plain" {
  resource_type = "aws_db_instance"
  conditions    = { engine = "postgres", auto_minor_version_upgrade = "true" }
}
data "srm_responsibility_detail" "vm" {
  resource_type = "aws_instance"
  agreement     = "managed-firewall"
}
data "srm_matrix" "m" {
  service_models = ["paas"]
  agreement      = "managed-firewall"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.srm_responsibility.db", tfjsonpath.New("component_owners").AtMapKey("network_controls"), knownvalue.StringExact("provider")),
				statecheck.ExpectKnownValue("data.srm_responsibility.db_plain", tfjsonpath.New("component_owners").AtMapKey("network_controls"), knownvalue.StringExact("shared")),
				statecheck.ExpectKnownValue("data.srm_responsibility.db", tfjsonpath.New("overrides_applied"), knownvalue.ListExact([]knownvalue.Check{
					// The type's own cell: the customer chooses the engine major version.
					knownvalue.ObjectPartial(map[string]knownvalue.Check{
						"kind":      knownvalue.StringExact("resource_type"),
						"name":      knownvalue.StringExact("aws_db_instance"),
						"component": knownvalue.StringExact("middleware"),
						"from":      knownvalue.StringExact("provider"),
						"to":        knownvalue.StringExact("shared"),
					}),
					knownvalue.ObjectExact(map[string]knownvalue.Check{
						"kind":      knownvalue.StringExact("agreement"),
						"name":      knownvalue.StringExact("managed-firewall"),
						"component": knownvalue.StringExact("network_controls"),
						"from":      knownvalue.StringExact("shared"),
						"to":        knownvalue.StringExact("provider"),
						"reason":    knownvalue.StringExact("Managed firewall service contract, schedule B"),
						"reference": knownvalue.StringExact("MSA-2026-07 §4.2"),
					}),
				})),
				statecheck.ExpectKnownValue("data.srm_responsibility_detail.vm", tfjsonpath.New("components").AtMapKey("network_controls"), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"owner":         knownvalue.StringExact("shared"),
					"customer_part": knownvalue.StringExact("Requests and reviews rule changes"),
				})),
				statecheck.ExpectKnownValue("data.srm_matrix.m", tfjsonpath.New("rows").AtSliceIndex(7), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"layer":     knownvalue.StringExact("platform"),
					"component": knownvalue.StringExact("network_controls"),
					"owners":    knownvalue.MapExact(map[string]knownvalue.Check{"paas": knownvalue.StringExact("provider")}),
				})),
			},
		}},
	})
}

func TestAccProviderAgreementInvariants(t *testing.T) {
	override := func(model, component, owner string) string {
		return `
provider "srm" {
  agreement {
    name = "contract"
    override {
      service_model = "` + model + `"
      component     = "` + component + `"
      owner         = "` + owner + `"
      reason        = "test"
    }
  }
}
data "srm_responsibility" "x" { service_model = "iaas" }
`
	}
	cases := map[string]struct{ config, err string }{
		"data never provider":          {override("saas", "data_protection", "provider"), `Override breaks an invariant.*owner = "provider".*customer retains data security`},
		"access never provider":        {override("paas", "accounts_and_access", "provider"), `customer retains user access`},
		"configuration never provider": {override("saas", "configuration", "provider"), `misconfiguration stays with the customer`},
		"physical stays provider":      {override("iaas", "physical_hosts", "customer"), `provider keeps the physical layer of its cloud`},
		"shared needs parts":           {override("iaas", "runtime", "shared"), `set provider_part and customer_part`},
		"unknown component":            {override("iaas", "network_control", "shared"), `did you mean "network_controls"`},
		"bad owner":                    {override("iaas", "runtime", "vendor"), `value must be one of`},
		"duplicate names": {`
provider "srm" {
  agreement {
    name = "a"
    override {
      component = "runtime"
      owner     = "customer"
      reason    = "r"
    }
  }
  agreement {
    name = "a"
    override {
      component = "runtime"
      owner     = "customer"
      reason    = "r"
    }
  }
}
data "srm_responsibility" "x" { service_model = "iaas" }
`, `Duplicate agreement name`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: tc.config, ExpectError: errorPattern(`(?s)` + tc.err)}},
			})
		})
	}
}

func TestAccProviderCustomCatalog(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		Steps: []resource.TestStep{{
			// The configuration reads testdata/catalogs/acme.yaml with file().
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			ConfigDirectory:          config.StaticDirectory("testdata/catalogs"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.srm_responsibility.queue", tfjsonpath.New("service_model"), knownvalue.StringExact("saas")),
				statecheck.ExpectKnownValue("data.srm_responsibility.queue", tfjsonpath.New("focus"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("data_access")})),
				statecheck.ExpectKnownValue("data.srm_responsibility.queue", tfjsonpath.New("catalog_version"), knownvalue.StringRegexp(regexpMust(`\+acme\.1$`))),
				statecheck.ExpectKnownValue("data.srm_responsibility_detail.queue", tfjsonpath.New("sources"), knownvalue.ListPartial(map[int]knownvalue.Check{
					0: knownvalue.ObjectPartial(map[string]knownvalue.Check{"id": knownvalue.StringExact("acme-adr-12")}),
				})),
				statecheck.ExpectKnownOutputValue("registers_consumers", knownvalue.Bool(true)),
			},
		}},
	})
}

func TestAccProviderBadCatalog(t *testing.T) {
	cases := map[string]struct{ catalog, err string }{
		"bad json":           {`{"resource_types": {`, `not valid JSON`},
		"unknown field":      {`{"resource_types": {"acme_q": {"service_model": "saas", "sorce": "aws-srm"}}}`, `\$\.resource_types\.acme_q\.sorce.*unknown field "sorce"`},
		"wrong type":         {`{"resource_types": {"acme_q": {"service_model": "saas", "focus": "data_access"}}}`, `\$\.resource_types\.acme_q\.focus.*expected a list`},
		"dangling reference": {`{"resource_types": {"acme_q": {"service_model": "daas", "source": "aws-srm"}}}`, `\$\.resource_types\.acme_q\.service_model.*unknown service model "daas"`},
		"duplicate id":       {`{"obligations": [{"id": "runtime.pin", "component": "runtime", "title": "t", "description": "d"}, {"id": "runtime.pin", "component": "runtime", "title": "t", "description": "d"}]}`, `\$\.obligations\[1\].*duplicate obligation "runtime.pin"`},
		"invariant breach":   {`{"components": [{"id": "accounts_and_access", "cells": {"saas": {"owner": "provider"}}}]}`, `\$\.components\[0\]\.cells\.saas\.owner.*customer retains user access`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: `
provider "srm" {
  catalog = <<EOT
` + tc.catalog + `
EOT
}
data "srm_responsibility" "x" { service_model = "iaas" }
`,
					ExpectError: errorPattern(`(?s)Invalid catalog.*` + tc.err),
				}},
			})
		})
	}
}

func TestAccProviderTagPrefix(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "srm" { tag_prefix = "acme_srm" }
data "srm_responsibility" "x" { service_model = "paas" }
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.srm_responsibility.x", tfjsonpath.New("tags").AtMapKey("acme_srm-service-model"), knownvalue.StringExact("paas")),
			},
		}},
	})
	for _, bad := range []string{"ACME", "acme.srm", "a-prefix-far-too-long-for-every-key-to-stay-within-63-characters"} {
		resource.Test(t, resource.TestCase{ // the test already runs in parallel
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps: []resource.TestStep{{
				Config: `
provider "srm" { tag_prefix = "` + bad + `" }
data "srm_responsibility" "x" { service_model = "paas" }
`,
				ExpectError: errorPattern(`(?s)Invalid tag prefix.*(lowercase letter|at most \d+ fit)`),
			}},
		})
	}
}

// unknownSettingCase is a provider configuration with one setting computed
// from a resource that is not applied yet, so that it is unknown during the
// first plan.
type unknownSettingCase struct {
	// config holds %s where the data source's depends_on goes.
	config  string
	setting string
	// planned are checks on the plan in which the setting is unknown, then
	// on the state once applied.
	planned []plancheck.PlanCheck
	applied []statecheck.StateCheck
}

var unknownSettingCases = map[string]unknownSettingCase{
	"tag_prefix": {
		config: `
resource "terraform_data" "prefix" { input = "acme" }
provider "srm" { tag_prefix = terraform_data.prefix.output }
data "srm_responsibility" "x" {
  service_model = "paas"
  %s
}
data "srm_matrix" "m" { service_models = ["paas"] }
resource "srm_obligation_acceptance" "db" {
  resource_address = "aws_db_instance.orders"
  service_model    = "paas"
  obligations      = ["data_protection.encrypt_at_rest"]
  accepted_by      = "team-payments"
}
output "tags" { value = data.srm_responsibility.x.tags }
output "matrix_network_controls" { value = data.srm_matrix.m.rows[7].owners["paas"] }
`,
		setting: `tag_prefix`,
		planned: []plancheck.PlanCheck{
			plancheck.ExpectUnknownOutputValue("tags"),
			// The matrix and the acceptance record need no prefix: they are
			// answered during plan.
			plancheck.ExpectKnownOutputValue("matrix_network_controls", knownvalue.StringExact("shared")),
			plancheck.ExpectKnownValue("srm_obligation_acceptance.db", tfjsonpath.New("accepted_obligations"),
				knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("data_protection.encrypt_at_rest")})),
		},
		applied: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("tags", knownvalue.MapPartial(map[string]knownvalue.Check{
				"acme-service-model": knownvalue.StringExact("paas"),
			})),
		},
	},
	"catalog": {
		config: `
resource "terraform_data" "catalog" {
  input = jsonencode({
    catalog_version = "acme.1"
    sources         = { acme-adr-12 = { title = "ADR 12", url = "https://acme.example/adr/12", as_of = "2026-10-01" } }
    resource_types  = { acme_queue = { service_model = "saas", class = "messaging", focus = ["data_access"], source = "acme-adr-12" } }
    obligations = [{
      id = "data_access.register_consumers", component = "data_access", title = "Register every consumer",
      description = "Every consumer is registered.", controls = { nist_800_53_r5 = ["AC-2"] }, source = "acme-adr-12"
    }]
  })
}
provider "srm" { catalog = terraform_data.catalog.output }
data "srm_catalog" "c" {
  %s
}
# acme_queue exists only in the custom catalog: with the built-in one in its
# place, the plan would fail.
resource "srm_obligation_acceptance" "q" {
  resource_address = "acme_queue.orders"
  resource_type    = "acme_queue"
  obligations      = ["data_access.register_consumers"]
  accepted_by      = "team-queues"
}
output "catalog_version" { value = data.srm_catalog.c.catalog_version }
`,
		setting: `catalog`,
		planned: []plancheck.PlanCheck{
			plancheck.ExpectUnknownOutputValue("catalog_version"),
			plancheck.ExpectUnknownValue("srm_obligation_acceptance.q", tfjsonpath.New("required_obligations")),
			plancheck.ExpectUnknownValue("srm_obligation_acceptance.q", tfjsonpath.New("catalog_version")),
		},
		applied: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("catalog_version", knownvalue.StringRegexp(regexpMust(`\+acme\.1$`))),
			statecheck.ExpectKnownValue("srm_obligation_acceptance.q", tfjsonpath.New("catalog_version"), knownvalue.StringRegexp(regexpMust(`\+acme\.1$`))),
			// Only the custom catalog has this obligation.
			statecheck.ExpectKnownValue("srm_obligation_acceptance.q", tfjsonpath.New("accepted_obligations"),
				knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("data_access.register_consumers")})),
		},
	},
	"agreement": {
		config: `
resource "terraform_data" "reason" { input = "Managed firewall service contract" }
provider "srm" {
  agreement {
    name = "managed-firewall"
    override {
      service_model = "paas"
      component     = "network_controls"
      owner         = "provider"
      reason        = terraform_data.reason.output
    }
  }
}
data "srm_responsibility" "db" {
  service_model = "paas"
  agreement     = "managed-firewall"
  %s
}
data "srm_responsibility" "db_plain" { service_model = "paas" }
resource "srm_obligation_acceptance" "db" {
  resource_address = "aws_db_instance.orders"
  service_model    = "paas"
  agreement        = "managed-firewall"
  obligations      = ["data_protection.encrypt_at_rest"]
  accepted_by      = "team-payments"
}
output "owner" { value = data.srm_responsibility.db.component_owners.network_controls }
output "plain_owner" { value = data.srm_responsibility.db_plain.component_owners.network_controls }
`,
		setting: `agreement "managed-firewall"`,
		planned: []plancheck.PlanCheck{
			plancheck.ExpectUnknownOutputValue("owner"),
			// An answer under no agreement is read during plan.
			plancheck.ExpectKnownOutputValue("plain_owner", knownvalue.StringExact("shared")),
			plancheck.ExpectUnknownValue("srm_obligation_acceptance.db", tfjsonpath.New("required_obligations")),
		},
		applied: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("owner", knownvalue.StringExact("provider")),
			statecheck.ExpectKnownValue("data.srm_responsibility.db", tfjsonpath.New("overrides_applied").AtSliceIndex(0).AtMapKey("reason"),
				knownvalue.StringExact("Managed firewall service contract")),
			statecheck.ExpectKnownValue("srm_obligation_acceptance.db", tfjsonpath.New("accepted_obligations"),
				knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("data_protection.encrypt_at_rest")})),
		},
	},
	"agreement blocks": {
		config: `
resource "terraform_data" "agreements" { input = ["managed-firewall"] }
provider "srm" {
  dynamic "agreement" {
    for_each = terraform_data.agreements.output
    content {
      name = agreement.value
      override {
        service_model = "paas"
        component     = "network_controls"
        owner         = "provider"
        reason        = "Managed firewall service contract"
      }
    }
  }
}
data "srm_responsibility" "db" {
  service_model = "paas"
  agreement     = "managed-firewall"
  %s
}
output "owner" { value = data.srm_responsibility.db.component_owners.network_controls }
`,
		setting: `agreement`,
		planned: []plancheck.PlanCheck{plancheck.ExpectUnknownOutputValue("owner")},
		applied: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("owner", knownvalue.StringExact("provider"))},
	},
}

// Terraform configures the provider during plan with the values it has. A
// setting computed from a resource not applied yet is unknown then: no
// answer may use the default in its place. None of the CLIs tested
// (Terraform 1.5 and 1.8, OpenTofu) lets a provider defer, and a data source
// read during plan cannot return unknown values, so a data source that needs
// the setting fails, naming it and the ways out; with depends_on on the
// resource the setting comes from, it is read during apply, and the plan
// shows its answer as known after apply. The acceptance resource plans its
// computed obligations as unknown. Whatever does not need the setting is
// answered during plan.
func TestAccProviderUnknownSettings(t *testing.T) {
	for name, tc := range unknownSettingCases {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{
					{
						Config: fmt.Sprintf(tc.config, ""),
						ExpectError: errorPattern(`(?s)Provider setting unknown during plan.*provider's ` + regexp.QuoteMeta(tc.setting) +
							`, which is known only after apply.*add depends_on.*apply -target`),
					},
					{
						Config:            fmt.Sprintf(tc.config, "depends_on = [terraform_data."+dependency(tc.config)+"]"),
						ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: tc.planned},
						ConfigStateChecks: tc.applied,
					},
				},
			})
		})
	}
}

// dependency names the terraform_data resource of a case's configuration.
func dependency(config string) string {
	m := regexp.MustCompile(`resource "terraform_data" "(\w+)"`).FindStringSubmatch(config)
	return m[1]
}

// A setting that changes on a later apply is unknown again during that plan:
// the acceptance record plans an in-place update with its obligations known
// after apply, and the answers follow the new value.
func TestAccProviderUnknownSettings_update(t *testing.T) {
	config := func(reason string) string {
		return strings.Replace(fmt.Sprintf(unknownSettingCases["agreement"].config, "depends_on = [terraform_data.reason]"),
			"Managed firewall service contract", reason, 1)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config("Contract v1")},
			{
				Config: config("Contract v2"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction("srm_obligation_acceptance.db", plancheck.ResourceActionUpdate),
					plancheck.ExpectUnknownValue("srm_obligation_acceptance.db", tfjsonpath.New("required_obligations")),
					plancheck.ExpectUnknownOutputValue("owner"),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.srm_responsibility.db", tfjsonpath.New("overrides_applied").AtSliceIndex(0).AtMapKey("reason"),
						knownvalue.StringExact("Contract v2")),
				},
			},
		},
	})
}

// A CLI that allows deferral (Terraform 1.9 and later with deferred actions
// enabled; none of the CLIs of the acceptance tests) gets a deferral instead
// of the error: the framework then defers every read and plan of the
// provider until the setting is known. Exercised through the protocol server
// the CLIs talk to.
func TestConfigureDefersUnknownSettings(t *testing.T) {
	ctx := context.Background()
	for _, tc := range []struct {
		name                      string
		prefix                    tftypes.Value
		deferral, deferred, error bool
	}{
		{"unknown, deferral allowed", tftypes.NewValue(tftypes.String, tftypes.UnknownValue), true, true, false},
		{"unknown, no deferral", tftypes.NewValue(tftypes.String, tftypes.UnknownValue), false, false, true},
		{"known, deferral allowed", tftypes.NewValue(tftypes.String, "acme"), true, false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := providerserver.NewProtocol6(New("test")())()
			schemas, err := s.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
			if err != nil || len(schemas.Diagnostics) > 0 {
				t.Fatal(err, schemas.Diagnostics)
			}
			config := dynamicValue(t, schemas.Provider, map[string]tftypes.Value{"tag_prefix": tc.prefix})
			conf, err := s.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{
				Config: config, ClientCapabilities: &tfprotov6.ConfigureProviderClientCapabilities{DeferralAllowed: tc.deferral}})
			if err != nil || len(conf.Diagnostics) > 0 {
				t.Fatal(err, conf.Diagnostics)
			}
			ds := dynamicValue(t, schemas.DataSourceSchemas["srm_responsibility"], map[string]tftypes.Value{
				"service_model": tftypes.NewValue(tftypes.String, "paas")})
			read, err := s.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: "srm_responsibility", Config: ds,
				ClientCapabilities: &tfprotov6.ReadDataSourceClientCapabilities{DeferralAllowed: tc.deferral}})
			if err != nil {
				t.Fatal(err)
			}
			deferred := read.Deferred != nil && read.Deferred.Reason == tfprotov6.DeferredReasonProviderConfigUnknown
			if deferred != tc.deferred {
				t.Errorf("deferred = %v, want %v (%+v)", deferred, tc.deferred, read.Deferred)
			}
			unknownErr := len(read.Diagnostics) == 1 && read.Diagnostics[0].Summary == "Provider setting unknown during plan" &&
				strings.Contains(read.Diagnostics[0].Detail, "tag_prefix")
			if unknownErr != tc.error || (!tc.error && len(read.Diagnostics) > 0) {
				t.Errorf("diagnostics %+v, want the unknown-setting error: %v", read.Diagnostics, tc.error)
			}
			if !tc.deferred && !tc.error && read.State == nil {
				t.Error("no answer")
			}
		})
	}
}

// dynamicValue encodes an object of the schema's type: the given attributes,
// every other one null.
func dynamicValue(t testing.TB, s *tfprotov6.Schema, attrs map[string]tftypes.Value) *tfprotov6.DynamicValue {
	t.Helper()
	typ, ok := s.ValueType().(tftypes.Object)
	if !ok {
		t.Fatalf("schema type %s is not an object", s.ValueType())
	}
	dv, err := tfprotov6.NewDynamicValue(typ, object(typ, attrs))
	if err != nil {
		t.Fatal(err)
	}
	return &dv
}
