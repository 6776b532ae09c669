// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func idList(ids ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(ids))
	for i, id := range ids {
		checks[i] = knownvalue.StringExact(id)
	}
	return knownvalue.ListExact(checks)
}

var dataProtection = []string{"data_protection.encrypt_at_rest", "data_protection.encrypt_in_transit",
	"data_protection.manage_keys", "data_protection.back_up_data"}

func TestAccObligationAcceptance_scope(t *testing.T) {
	team := "srm_obligation_acceptance.team"
	fleet := "srm_obligation_acceptance.fleet"
	config := `
resource "srm_obligation_acceptance" "team" {
  scope       = ["module.payments.*"]
  obligations = ["data_protection.*", "accounts_and_access.enforce_mfa"]
  accepted_by = "team-payments"
}
resource "srm_obligation_acceptance" "fleet" {
  scope         = ["aws_instance.*", "module.*.aws_instance.*"]
  service_model = "iaas"
  obligations   = ["operating_system.*"]
  accepted_by   = "team-platform"
}
`
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					// Wildcards are expanded in the plan, against the catalog.
					plancheck.ExpectKnownValue(team, tfjsonpath.New("accepted_obligations"),
						idList(append(dataProtection, "accounts_and_access.enforce_mfa")...)),
					plancheck.ExpectKnownValue(fleet, tfjsonpath.New("accepted_obligations"),
						idList("operating_system.patch", "operating_system.harden_baseline", "operating_system.protect_against_malware")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(team, tfjsonpath.New("id"), knownvalue.StringRegexp(regexpMust(`^scope:module\.payments\.\*@\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`))),
					statecheck.ExpectKnownValue(fleet, tfjsonpath.New("id"), knownvalue.StringRegexp(regexpMust(`^scope:aws_instance\.\*,module\.\*\.aws_instance\.\*@`))),
					statecheck.ExpectKnownValue(team, tfjsonpath.New("required_obligations"), knownvalue.Null()),
					statecheck.ExpectKnownValue(team, tfjsonpath.New("unaccepted_obligations"), knownvalue.Null()),
					statecheck.ExpectKnownValue(team, tfjsonpath.New("expired"), knownvalue.Bool(false)),
				},
			},
			{
				// A lost scoped record is imported by its id, accepted_at kept.
				Config:            config,
				ResourceName:      team,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: func(s *terraform.State) (string, error) {
					return s.RootModule().Resources[team].Primary.ID, nil
				},
				ImportStateVerifyIgnore: []string{"obligations", "accepted_by", "accepted_obligations", "catalog_version", "expired"},
			},
		},
	})
}

func TestAccObligationAcceptance_typeFromAddress(t *testing.T) {
	config := func(address, obligations string) string {
		return fmt.Sprintf(`
resource "srm_obligation_acceptance" "x" {
  resource_address = %q
  obligations      = [%s]
  accepted_by      = "team-payments"
}
`, address, obligations)
	}
	x := "srm_obligation_acceptance.x"
	for address, check := range map[string]struct {
		obligations string
		accepted    knownvalue.Check
		required    string
	}{
		`module.x.aws_db_instance.orders["a"]`:         {`"data_protection.*"`, idList(dataProtection...), "network_controls.restrict_ingress"},
		`aws_instance.web[0]`:                          {`"operating_system.patch"`, idList("operating_system.patch"), "operating_system.patch"},
		`module.a[1].module.b.aws_s3_bucket.logs["x"]`: {`"data_access.block_public_access"`, idList("data_access.block_public_access"), "configuration.maintain_baseline"},
	} {
		t.Run(address, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: config(address, check.obligations),
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(x, tfjsonpath.New("accepted_obligations"), check.accepted),
						statecheck.ExpectKnownValue(x, tfjsonpath.New("resource_type"), knownvalue.Null()),
					},
					// The type read from the address decides what is required.
					Check: resource.TestCheckTypeSetElemAttr(x, "required_obligations.*", check.required),
				}},
			})
		})
	}
}

// A newer catalog that adds an obligation a wildcard matches shows in the
// plan: the record is updated, its accepted_obligations growing by the new
// id. Nothing is accepted without a diff.
func TestAccObligationAcceptance_wildcardCatalogGrowth(t *testing.T) {
	newer := newerCatalogProvider
	config := `
resource "srm_obligation_acceptance" "team" {
  scope       = ["module.payments.*"]
  obligations = ["data_protection.*"]
  accepted_by = "team-payments"
}
resource "srm_obligation_acceptance" "db" {
  resource_address = "aws_db_instance.orders"
  obligations      = ["*"]
  accepted_by      = "team-dba"
}
resource "srm_obligation_acceptance" "listed" {
  resource_address = "aws_db_instance.ledger"
  obligations      = ["data_protection.encrypt_at_rest"]
  accepted_by      = "team-dba"
}
`
	team, db, listed := "srm_obligation_acceptance.team", "srm_obligation_acceptance.db", "srm_obligation_acceptance.listed"
	acceptedAt := statecheck.CompareValue(compare.ValuesSame())
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:            config,
				ConfigStateChecks: []statecheck.StateCheck{acceptedAt.AddStateValue(team, tfjsonpath.New("accepted_at"))},
			},
			{
				Config: newer + config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(team, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(team, tfjsonpath.New("accepted_obligations"), idList(append(dataProtection, "data_protection.test_restores")...)),
					plancheck.ExpectResourceAction(db, plancheck.ResourceActionUpdate),
					expectPlannedElement{db, "accepted_obligations", "data_protection.test_restores"},
					// An id-only record accepts nothing new: the new duty is unaccepted.
					plancheck.ExpectKnownValue(listed, tfjsonpath.New("accepted_obligations"), idList("data_protection.encrypt_at_rest")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acceptedAt.AddStateValue(team, tfjsonpath.New("accepted_at")),
					statecheck.ExpectKnownValue(db, tfjsonpath.New("unaccepted_obligations"), knownvalue.ListExact(nil)),
				},
				Check: resource.TestCheckTypeSetElemAttr(listed, "unaccepted_obligations.*", "data_protection.test_restores"),
			},
		},
	})
}

func TestAccObligationAcceptance_scopeBadInput(t *testing.T) {
	_, clock := clockAt(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	record := func(body string) string {
		return `
resource "srm_obligation_acceptance" "x" {
  accepted_by = "t"
` + body + `
}`
	}
	cases := map[string]struct{ config, err string }{
		"address and scope": {record(`
  resource_address = "aws_db_instance.orders"
  scope            = ["module.payments.*"]
  obligations      = ["*"]`), `Invalid Attribute Combination.*resource_address.*scope`},
		"neither address nor scope": {record(`
  resource_type = "aws_db_instance"
  obligations   = ["*"]`), `Missing Attribute Configuration.*resource_address,scope`},
		"empty scope": {record(`
  scope       = []
  obligations = ["*"]`), `scope.*set must contain at least 1 elements`},
		"malformed pattern": {record(`
  scope       = ["module.payments.*", "module..x"]
  obligations = ["*"]`), `Invalid address pattern.*"module..x" is not a valid resource address: expected a name.*at position 8`},
		"wildcard in resource_address": {record(`
  resource_address = "module.payments.*"
  obligations      = ["*"]`), `Wildcard in resource_address.*set scope = \["module.payments.\*"\] instead`},
		"wildcard matching nothing": {record(`
  resource_address = "legacy.crm"
  service_model    = "saas"
  obligations      = ["data_protection.*", "operating_system.*"]`), `Wildcard matches no obligation.*"operating_system.\*" matches none of the customer obligations of saas`},
		"unknown component": {record(`
  scope       = ["*"]
  obligations = ["data_protecton.*"]`), `Unknown component.*"data_protecton.\*" names no component of the catalog; did you mean "data_protection"`},
		"unknown obligation in a scope": {record(`
  scope       = ["*"]
  obligations = ["data_protection.encrypt_at_rst"]`), `Unknown obligation.*did you mean "data_protection.encrypt_at_rest".*The obligations of the catalog are:`},
		"obligation outside the model filter": {record(`
  scope         = ["*"]
  service_model = "saas"
  obligations   = ["operating_system.patch"]`), `"operating_system.patch" does not apply under saas: component operating_system is provider-owned there`},
		"unknown model filter": {record(`
  scope         = ["*"]
  service_model = "paaas"
  obligations   = ["*"]`), `Unknown service model.*did you mean "paas"`},
		"unknown type filter": {record(`
  scope         = ["*"]
  resource_type = "aws_dbinstance"
  obligations   = ["*"]`), `Unknown resource type.*Did you mean "aws_db_instance"`},
		"scope with conditions": {record(`
  scope         = ["*"]
  resource_type = "aws_lambda_function"
  conditions    = { package_type = "Image" }
  obligations   = ["*"]`), `Invalid Attribute Combination.*scope.*conditions`},
		"address naming no known type": {record(`
  resource_address = "legacy.crm"
  obligations      = ["*"]`), `Unknown resource type in the address.*legacy.crm names the resource type "legacy".*Set the resource type to the type it stands for, or the service model`},
		"address naming a module": {record(`
  resource_address = "module.payments"
  obligations      = ["*"]`), `Resource type not given.*names a module, not a resource in it.*set the resource type`},
		"type and model": {record(`
  scope         = ["*"]
  resource_type = "aws_db_instance"
  service_model = "paas"
  obligations   = ["*"]`), `Invalid Attribute Combination`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: factoriesAt(clock),
				Steps:                    []resource.TestStep{{Config: tc.config, ExpectError: errorPattern(`(?s)` + tc.err)}},
			})
		})
	}
}

// expectPlannedElement checks that a planned list attribute holds a value,
// wherever the catalog orders it.
type expectPlannedElement struct{ address, attribute, value string }

func (e expectPlannedElement) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != e.address {
			continue
		}
		after, _ := rc.Change.After.(map[string]any)
		items, _ := after[e.attribute].([]any)
		for _, item := range items {
			if item == e.value {
				return
			}
		}
		resp.Error = fmt.Errorf("%s.%s is planned as %v, without %s", e.address, e.attribute, after[e.attribute], e.value)
		return
	}
	resp.Error = fmt.Errorf("%s is not in the plan", e.address)
}
