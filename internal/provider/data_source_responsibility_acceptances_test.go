// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestAccResponsibility_acceptances(t *testing.T) {
	by := func(name string, want map[string]string) statecheck.StateCheck {
		checks := map[string]knownvalue.Check{}
		for id, who := range want {
			checks[id] = knownvalue.StringExact(who)
		}
		return statecheck.ExpectKnownValue("data.srm_responsibility."+name, tfjsonpath.New("accepted_by"), knownvalue.MapExact(checks))
	}
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			ConfigDirectory: config.TestNameDirectory(),
			ConfigStateChecks: []statecheck.StateCheck{
				// Several records cover the database; the most specific one is named.
				by("orders", map[string]string{
					"network_controls.restrict_ingress":      "team-orders",
					"network_controls.segment_networks":      "team-orders",
					"network_controls.use_private_endpoints": "team-orders",
					"data_protection.encrypt_at_rest":        "team-dba",
					"data_protection.encrypt_in_transit":     "team-dba",
					"data_protection.manage_keys":            "team-dba",
					"data_protection.back_up_data":           "team-orders",
					"data_access.least_privilege_access":     "team-payments",
					"data_access.enable_audit_logging":       "team-payments",
					"data_access.block_public_access":        "team-payments",
				}),
				by("journal", map[string]string{
					"data_protection.encrypt_at_rest":    "team-payments",
					"data_protection.encrypt_in_transit": "team-payments",
					"data_protection.manage_keys":        "team-payments",
					"data_protection.back_up_data":       "team-payments",
					"data_access.least_privilege_access": "team-payments",
					"data_access.enable_audit_logging":   "team-payments",
					"data_access.block_public_access":    "team-payments",
				}),
				by("web", map[string]string{
					"operating_system.patch":                   "team-platform",
					"operating_system.harden_baseline":         "team-platform",
					"operating_system.protect_against_malware": "team-platform",
				}),
				by("batch", map[string]string{}),
			},
			// What no record covers stays open.
			Check: resource.ComposeAggregateTestCheckFunc(
				resource.TestCheckTypeSetElemAttr("data.srm_responsibility.orders", "unaccepted_obligations.*", "configuration.maintain_baseline"),
				resource.TestCheckTypeSetElemAttr("data.srm_responsibility.batch", "unaccepted_obligations.*", "operating_system.patch"),
			),
		}},
	})
}

// An expired scoped acceptance reopens the gate: the refresh marks the
// record expired, it accepts nothing, and the precondition fails again.
func TestAccResponsibility_expiredScopeReopensGate(t *testing.T) {
	now, clock := clockAt(time.Date(2029, 6, 1, 12, 0, 0, 0, time.UTC))
	config := `
resource "srm_obligation_acceptance" "payments" {
  scope       = ["module.payments.*"]
  obligations = ["*"]
  accepted_by = "team-payments"
  review_by   = "2030-01-01"
}
data "srm_responsibility" "orders" {
  resource_address = "module.payments.aws_db_instance.orders"
  resource_type    = "aws_db_instance"
  acceptances      = [srm_obligation_acceptance.payments]
}
resource "terraform_data" "orders" {
  lifecycle {
    precondition {
      condition     = length(data.srm_responsibility.orders.unaccepted_obligations) == 0
      error_message = "Unaccepted: ${join(", ", data.srm_responsibility.orders.unaccepted_obligations)}"
    }
  }
}
`
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factoriesAt(clock),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.srm_responsibility.orders", tfjsonpath.New("unaccepted_obligations"), knownvalue.ListExact(nil)),
					statecheck.ExpectKnownValue("data.srm_responsibility.orders", tfjsonpath.New("accepted_by"), knownvalue.MapPartial(map[string]knownvalue.Check{
						"data_protection.encrypt_at_rest": knownvalue.StringExact("team-payments"),
					})),
				},
			},
			{
				PreConfig:   func() { *now = time.Date(2030, 1, 2, 0, 0, 0, 0, time.UTC) },
				Config:      config,
				ExpectError: errorPattern(`(?s)Resource precondition failed.*Unaccepted: .*data_protection.encrypt_at_rest`),
			},
		},
	})
}

func TestAccResponsibility_acceptancesBadInput(t *testing.T) {
	record := `
resource "srm_obligation_acceptance" "payments" {
  scope       = ["module.payments.*"]
  obligations = ["*"]
  accepted_by = "team-payments"
}
`
	cases := map[string]struct{ config, err string }{
		"no resource_address": {record + `
data "srm_responsibility" "x" {
  resource_type = "aws_db_instance"
  acceptances   = [srm_obligation_acceptance.payments]
}`, `Missing resource address.*set resource_address`},
		"neither address nor scope": {`
data "srm_responsibility" "x" {
  resource_address = "aws_db_instance.orders"
  resource_type    = "aws_db_instance"
  acceptances      = [{ obligations = ["*"], accepted_by = "me" }]
}`, `Invalid acceptance.*exactly one of resource_address and scope`},
		"malformed scope": {`
data "srm_responsibility" "x" {
  resource_address = "aws_db_instance.orders"
  resource_type    = "aws_db_instance"
  acceptances      = [{ scope = ["module..x"], obligations = ["*"], accepted_by = "me" }]
}`, `Invalid address pattern.*"module..x" is not a valid resource address`},
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
