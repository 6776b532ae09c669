// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
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
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: managedFirewall + `
data "srm_responsibility" "db" {
  resource_type = "aws_db_instance"
  agreement     = "managed-firewall"
}
data "srm_responsibility" "db_plain" { resource_type = "aws_db_instance" }
data "srm_responsibility" "vm" {
  resource_type = "aws_instance"
  agreement     = "managed-firewall"
  detail        = true
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
				statecheck.ExpectKnownValue("data.srm_responsibility.vm", tfjsonpath.New("components").AtMapKey("network_controls"), knownvalue.ObjectPartial(map[string]knownvalue.Check{
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
		"physical stays provider":      {override("iaas", "physical_hosts", "customer"), `provider keeps physical infrastructure`},
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
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: tc.config, ExpectError: errorPattern(`(?s)` + tc.err)}},
			})
		})
	}
}

func TestAccProviderCustomCatalog(t *testing.T) {
	resource.Test(t, resource.TestCase{
		Steps: []resource.TestStep{{
			// The configuration reads testdata/catalogs/acme.yaml with file().
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			ConfigDirectory:          config.StaticDirectory("testdata/catalogs"),
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.srm_responsibility.queue", tfjsonpath.New("service_model"), knownvalue.StringExact("saas")),
				statecheck.ExpectKnownValue("data.srm_responsibility.queue", tfjsonpath.New("focus"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("data_access")})),
				statecheck.ExpectKnownValue("data.srm_responsibility.queue", tfjsonpath.New("catalog_version"), knownvalue.StringRegexp(regexpMust(`\+acme\.1$`))),
				statecheck.ExpectKnownValue("data.srm_responsibility.queue", tfjsonpath.New("sources"), knownvalue.ListPartial(map[int]knownvalue.Check{
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
			resource.Test(t, resource.TestCase{
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
	resource.Test(t, resource.TestCase{
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
		resource.Test(t, resource.TestCase{
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
