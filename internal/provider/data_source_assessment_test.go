// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const assessmentResources = `
locals {
  resources = {
    "aws_db_instance.orders"        = { type = "aws_db_instance" }
    "google_container_cluster.apps" = { type = "google_container_cluster", conditions = { enable_autopilot = "true" } }
    "legacy.crm"                    = { service_model = "saas" }
  }
}
`

func TestAccAssessment(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: assessmentResources + `
data "srm_responsibility" "crm" { service_model = "saas" }
data "srm_assessment" "module" {
  resources   = local.resources
  accepted_obligations = { "legacy.crm" = data.srm_responsibility.crm.customer_obligation_ids }
  frameworks  = ["nist_800_53_r5"]
}
output "unaccepted_addresses" { value = keys(data.srm_assessment.module.unaccepted) }
output "oscal_version" { value = jsondecode(data.srm_assessment.module.oscal)["system-security-plan"].metadata["oscal-version"] }
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("unaccepted_addresses", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("aws_db_instance.orders"), knownvalue.StringExact("google_container_cluster.apps")})),
				statecheck.ExpectKnownOutputValue("oscal_version", knownvalue.StringExact("1.1.3")),
				statecheck.ExpectKnownValue("data.srm_assessment.module", tfjsonpath.New("results").AtMapKey("google_container_cluster.apps").AtMapKey("owners").AtMapKey("platform"),
					knownvalue.StringExact("shared")),
				statecheck.ExpectKnownValue("data.srm_assessment.module", tfjsonpath.New("results").AtMapKey("legacy.crm").AtMapKey("unaccepted_obligations"), knownvalue.ListSizeExact(0)),
				statecheck.ExpectKnownValue("data.srm_assessment.module", tfjsonpath.New("summary").AtMapKey("by_layer").AtMapKey("infrastructure"),
					knownvalue.MapExact(map[string]knownvalue.Check{"provider": knownvalue.Int64Exact(3), "shared": knownvalue.Int64Exact(0), "customer": knownvalue.Int64Exact(0)})),
				statecheck.ExpectKnownValue("data.srm_assessment.module", tfjsonpath.New("summary").AtMapKey("obligations_unaccepted"), knownvalue.NotNull()),
				statecheck.ExpectKnownValue("data.srm_assessment.module", tfjsonpath.New("markdown"), knownvalue.StringRegexp(regexpMust(`(?s)^## Shared responsibility: 3 declared resources.*### Unaccepted obligations.*### Ownership`))),
				statecheck.ExpectKnownValue("data.srm_assessment.module", tfjsonpath.New("results").AtMapKey("aws_db_instance.orders").AtMapKey("controls").AtMapKey("nist_800_53_r5").AtMapKey("inherited"),
					knownvalue.ListPartial(map[int]knownvalue.Check{})),
			},
		}},
	})
}

func TestAccAssessment_gate(t *testing.T) {
	config := func(acceptances string) string {
		return assessmentResources + `
data "srm_assessment" "required" { resources = local.resources }
data "srm_assessment" "module" {
  resources   = local.resources
  accepted_obligations = ` + acceptances + `
}
resource "terraform_data" "gate" {
  lifecycle {
    precondition {
      condition     = length(data.srm_assessment.module.unaccepted) == 0
      error_message = "Unaccepted obligations on: ${join(", ", keys(data.srm_assessment.module.unaccepted))}"
    }
  }
}
`
	}
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      config(`{ "legacy.crm" = data.srm_assessment.required.results["legacy.crm"].customer_obligation_ids }`),
				ExpectError: errorPattern(`(?s)Resource precondition failed.*Unaccepted obligations on: aws_db_instance.orders, google_container_cluster.apps`),
			},
			{
				Config: config(`{ for address, r in data.srm_assessment.required.results : address => r.customer_obligation_ids }`),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.srm_assessment.module", tfjsonpath.New("unaccepted"), knownvalue.MapSizeExact(0)),
				},
			},
		},
	})
}

func TestAccAssessment_badInput(t *testing.T) {
	cases := map[string]struct{ config, err string }{
		"unknown type": {`data "srm_assessment" "x" {
  resources = { "aws_dbinstance.main" = { type = "aws_dbinstance" } }
}`, `Unknown resource type.*aws_dbinstance.main: "aws_dbinstance" is not in the resource-type catalog.*Did you mean "aws_db_instance"`},
		"type and model": {`data "srm_assessment" "x" {
  resources = { "a.b" = { type = "aws_db_instance", service_model = "paas" } }
}`, `set at most one of type and service_model`},
		"no type in the address": {`data "srm_assessment" "x" {
  resources = { "legacy.crm" = {} }
}`, `Unknown resource type in the address.*legacy.crm names the resource type "legacy"`},
		"acceptance for undeclared address": {`data "srm_assessment" "x" {
  resources   = { "aws_db_instance.main" = { type = "aws_db_instance" } }
  accepted_obligations = { "aws_db_instance.mian" = ["data_protection.encrypt_at_rest"] }
}`, `Acceptance for an undeclared resource.*did you mean "aws_db_instance.main"`},
		"provider-side acceptance": {`data "srm_assessment" "x" {
  resources   = { "aws_db_instance.main" = { type = "aws_db_instance", conditions = { engine = "postgres" } } }
  accepted_obligations = { "aws_db_instance.main" = ["operating_system.patch"] }
}`, `aws_db_instance.main: "operating_system.patch" is not a customer obligation`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: tc.config, ExpectError: errorPattern(`(?s)` + tc.err)}},
			})
		})
	}
}
