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

func TestAccAssessment_acceptances(t *testing.T) {
	config := `
resource "srm_obligation_acceptance" "payments" {
  scope       = ["module.payments.*"]
  obligations = ["*"]
  accepted_by = "team-payments"
}
resource "srm_obligation_acceptance" "keys" {
  resource_address = "module.payments.aws_db_instance.orders"
  obligations      = ["data_protection.manage_keys"]
  accepted_by      = "team-security"
}
data "srm_assessment" "all" {
  resources = {
    "module.payments.aws_db_instance.orders"  = { type = "aws_db_instance" }
    "module.payments.aws_s3_bucket.invoices[0]" = { type = "aws_s3_bucket" }
    "aws_instance.web"                        = { type = "aws_instance" }
  }
  acceptances          = [srm_obligation_acceptance.payments, srm_obligation_acceptance.keys]
  accepted_obligations = { "aws_instance.web" = ["operating_system.patch"] }
}
`
	a := "data.srm_assessment.all"
	results := tfjsonpath.New("results")
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(a, results.AtMapKey("module.payments.aws_db_instance.orders").AtMapKey("accepted_by"), knownvalue.MapPartial(map[string]knownvalue.Check{
					"data_protection.manage_keys":     knownvalue.StringExact("team-security"),
					"data_protection.encrypt_at_rest": knownvalue.StringExact("team-payments"),
				})),
				statecheck.ExpectKnownValue(a, results.AtMapKey("module.payments.aws_db_instance.orders").AtMapKey("unaccepted_obligations"), knownvalue.ListExact(nil)),
				statecheck.ExpectKnownValue(a, results.AtMapKey("module.payments.aws_s3_bucket.invoices[0]").AtMapKey("unaccepted_obligations"), knownvalue.ListExact(nil)),
				// Outside the scope: only what accepted_obligations lists, with no team named.
				statecheck.ExpectKnownValue(a, results.AtMapKey("aws_instance.web").AtMapKey("accepted_by"), knownvalue.MapExact(map[string]knownvalue.Check{})),
				statecheck.ExpectKnownValue(a, tfjsonpath.New("unaccepted").AtMapKey("aws_instance.web"), knownvalue.ListPartial(map[int]knownvalue.Check{
					0: knownvalue.StringExact("operating_system.harden_baseline"),
				})),
				statecheck.ExpectKnownValue(a, tfjsonpath.New("markdown"), knownvalue.StringRegexp(regexpMust(
					`(?s)### Accepted by\n\n\| team \| resources \| obligations \|\n\|---\|---\|---\|\n\| team-payments \| 2 \| \d+ \|\n\| team-security \| 1 \| 1 \|`))),
			},
		}},
	})
}

func TestAccAssessment_acceptancesBadInput(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `data "srm_assessment" "x" {
  resources   = { "aws_db_instance.main" = { type = "aws_db_instance" } }
  acceptances = [{ resource_address = "aws_db_instance.main", scope = ["*"], obligations = ["*"], accepted_by = "me" }]
}`,
			ExpectError: errorPattern(`(?s)Invalid acceptance.*exactly one of resource_address and scope`),
		}},
	})
}
