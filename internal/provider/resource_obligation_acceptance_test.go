// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"fmt"
	"strings"
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

const acceptanceAddr = "srm_obligation_acceptance.db"

func acceptanceConfig(obligations, acceptedBy, justification, reviewBy string) string {
	return fmt.Sprintf(`
resource "srm_obligation_acceptance" "db" {
  resource_address = "aws_db_instance.orders"
  resource_type    = "aws_db_instance"
  conditions       = { engine = "postgres", auto_minor_version_upgrade = "true" }
  obligations      = [%s]
  accepted_by      = %q
  justification    = %q
  reference        = "CHG-1"
  review_by        = %q
}
`, obligations, acceptedBy, justification, reviewBy)
}

const twoObligations = `"data_protection.encrypt_at_rest", "accounts_and_access.enforce_mfa"`

// clockAt returns a settable clock for provider factories.
func clockAt(t time.Time) (*time.Time, func() time.Time) {
	now := t
	return &now, func() time.Time { return now }
}

func TestAccObligationAcceptance_lifecycle(t *testing.T) {
	acceptedAt := statecheck.CompareValue(compare.ValuesSame())
	replacedAt := statecheck.CompareValue(compare.ValuesDiffer())
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: acceptanceConfig(twoObligations, "team-payments", "KMS per environment", "2099-01-01"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acceptanceAddr, plancheck.ResourceActionCreate),
					plancheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("required_obligations"), knownvalue.ListPartial(map[int]knownvalue.Check{
						0: knownvalue.StringExact("middleware.patch_middleware"),
						1: knownvalue.StringExact("network_controls.restrict_ingress"),
					})),
					plancheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("accepted_obligations"), knownvalue.ListExact([]knownvalue.Check{
						knownvalue.StringExact("data_protection.encrypt_at_rest"),
						knownvalue.StringExact("accounts_and_access.enforce_mfa"),
					})),
					plancheck.ExpectUnknownValue(acceptanceAddr, tfjsonpath.New("accepted_at")),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					acceptedAt.AddStateValue(acceptanceAddr, tfjsonpath.New("accepted_at")),
					replacedAt.AddStateValue(acceptanceAddr, tfjsonpath.New("accepted_at")),
					statecheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("id"), knownvalue.StringRegexp(regexpMust(`^aws_db_instance\.orders@\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`))),
					statecheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("catalog_version"), knownvalue.NotNull()),
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					// Partial acceptance is visible: required − accepted.
					resource.TestCheckResourceAttrWith(acceptanceAddr, "unaccepted_obligations.#", func(v string) error {
						if v == "0" || v == "" {
							return fmt.Errorf("expected unaccepted obligations, got %s", v)
						}
						return nil
					}),
				),
			},
			{
				// The same configuration plans nothing.
				Config:           acceptanceConfig(twoObligations, "team-payments", "KMS per environment", "2099-01-01"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				// justification and review_by update in place; accepted_at stays.
				Config: acceptanceConfig(twoObligations, "team-payments", "KMS per environment, rotated yearly", "2098-01-01"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acceptanceAddr, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{acceptedAt.AddStateValue(acceptanceAddr, tfjsonpath.New("accepted_at"))},
			},
			{
				// Another accountable team is a new acceptance.
				PreConfig: func() { time.Sleep(1100 * time.Millisecond) },
				Config:    acceptanceConfig(twoObligations, "team-platform", "KMS per environment, rotated yearly", "2098-01-01"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acceptanceAddr, plancheck.ResourceActionReplace),
				}},
				ConfigStateChecks: []statecheck.StateCheck{replacedAt.AddStateValue(acceptanceAddr, tfjsonpath.New("accepted_at"))},
			},
			{
				// More obligations accepted: also a new acceptance.
				Config: acceptanceConfig(twoObligations+`, "data_protection.back_up_data"`, "team-platform", "KMS per environment, rotated yearly", "2098-01-01"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acceptanceAddr, plancheck.ResourceActionReplace),
				}},
			},
		},
	})
}

func TestAccObligationAcceptance_import(t *testing.T) {
	config := acceptanceConfig(twoObligations, "team-payments", "KMS per environment", "2099-01-01")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config},
			{
				// The import ID carries resource_address and accepted_at; the
				// arguments only the configuration knows are adopted in place
				// by the first plan after import, so they cannot be verified
				// on the imported state itself.
				Config:            config,
				ResourceName:      acceptanceAddr,
				ImportState:       true,
				ImportStateVerify: true,
				ImportStateIdFunc: func(s *terraform.State) (string, error) {
					return s.RootModule().Resources[acceptanceAddr].Primary.ID, nil
				},
				ImportStateVerifyIgnore: []string{"resource_type", "conditions", "obligations", "accepted_by", "justification", "reference",
					"review_by", "accepted_obligations", "required_obligations", "unaccepted_obligations", "catalog_version", "expired", "basis"},
			},
		},
	})
}

func TestAccObligationAcceptance_importBlock(t *testing.T) {
	body := acceptanceConfig(twoObligations, "team-payments", "KMS per environment", "2099-01-01")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			// A lost state entry recreated by an import block keeps its
			// original accepted_at, and the plan is an update, never a
			// replacement.
			Config: body + `
import {
  to = srm_obligation_acceptance.db
  id = "aws_db_instance.orders@2026-01-15T09:30:00Z"
}
`,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectResourceAction(acceptanceAddr, plancheck.ResourceActionUpdate),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("accepted_at"), knownvalue.StringExact("2026-01-15T09:30:00Z")),
				statecheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("id"), knownvalue.StringExact("aws_db_instance.orders@2026-01-15T09:30:00Z")),
				statecheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("accepted_by"), knownvalue.StringExact("team-payments")),
			},
		}},
	})
}

func TestAccObligationAcceptance_expiry(t *testing.T) {
	now, clock := clockAt(time.Date(2029, 6, 1, 12, 0, 0, 0, time.UTC))
	firstAcceptance := statecheck.CompareValue(compare.ValuesDiffer())
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: factoriesAt(clock),
		Steps: []resource.TestStep{
			{
				Config: acceptanceConfig(twoObligations, "team-payments", "j", "2030-01-01"),
				ConfigStateChecks: []statecheck.StateCheck{
					firstAcceptance.AddStateValue(acceptanceAddr, tfjsonpath.New("accepted_at")),
					statecheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("accepted_at"), knownvalue.StringExact("2029-06-01T12:00:00Z")),
					statecheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("accepted_obligations"), knownvalue.ListSizeExact(2)),
				},
			},
			{
				// Time passes review_by: the refresh marks the record expired,
				// nothing counts as accepted any more, and the plan proposes no
				// change: the record stays expired until review_by moves.
				PreConfig: func() { *now = time.Date(2030, 1, 2, 0, 0, 0, 0, time.UTC) },
				Config:    acceptanceConfig(twoObligations, "team-payments", "j", "2030-01-01"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acceptanceAddr, plancheck.ResourceActionNoop),
					plancheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("expired"), knownvalue.Bool(true)),
					plancheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("accepted_obligations"), knownvalue.ListSizeExact(0)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("accepted_at"), knownvalue.StringExact("2029-06-01T12:00:00Z")),
				},
			},
			{
				// Renewal: a future review date re-accepts the obligations, in
				// place, with a new accepted_at.
				Config: acceptanceConfig(twoObligations, "team-payments", "j", "2031-01-01"),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acceptanceAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("expired"), knownvalue.Bool(false)),
					plancheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("accepted_obligations"), knownvalue.ListSizeExact(2)),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					firstAcceptance.AddStateValue(acceptanceAddr, tfjsonpath.New("accepted_at")),
					statecheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("accepted_at"), knownvalue.StringExact("2030-01-02T00:00:00Z")),
				},
			},
		},
	})
}

// newerCatalogProvider configures a catalog that adds one obligation,
// data_protection.test_restores, as a newer provider release would.
const newerCatalogProvider = `
provider "srm" {
  catalog = jsonencode({
    catalog_version = "next"
    obligations = [{
      id          = "data_protection.test_restores"
      component   = "data_protection"
      title       = "Test restores"
      description = "Restore a backup every quarter."
      controls    = { nist_800_53_r5 = ["CP-4"] }
    }]
  })
}
`

func TestAccObligationAcceptance_catalogGrowth(t *testing.T) {
	newer := newerCatalogProvider
	config := acceptanceConfig(twoObligations, "team-payments", "j", "2099-01-01")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: config},
			{
				Config: newer + config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(acceptanceAddr, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("catalog_version"), knownvalue.StringRegexp(regexpMust(`\+next$`))),
				}},
				Check: resource.ComposeAggregateTestCheckFunc(
					resource.TestCheckTypeSetElemAttr(acceptanceAddr, "unaccepted_obligations.*", "data_protection.test_restores"),
					resource.TestCheckTypeSetElemAttr(acceptanceAddr, "required_obligations.*", "data_protection.test_restores"),
				),
			},
		},
	})
}

func TestAccObligationAcceptance_unknownAtPlan(t *testing.T) {
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "decision" { input = ["data_protection.encrypt_at_rest"] }
resource "srm_obligation_acceptance" "db" {
  resource_address = "aws_db_instance.orders"
  resource_type    = "aws_db_instance"
  obligations      = terraform_data.decision.output
  accepted_by      = "team-payments"
}
`,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectUnknownValue(acceptanceAddr, tfjsonpath.New("unaccepted_obligations")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("accepted_obligations"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("data_protection.encrypt_at_rest")})),
			},
		}},
	})
}

func TestAccObligationAcceptance_precondition(t *testing.T) {
	gate := func(obligations string) string {
		return `
resource "srm_obligation_acceptance" "fn" {
  resource_address = "aws_lambda_function.resize"
  resource_type    = "aws_lambda_function"
  conditions       = { package_type = "Image" }
  obligations      = ` + obligations + `
  accepted_by      = "team-media"
}
data "srm_responsibility" "fn" {
  resource_type        = "aws_lambda_function"
  conditions           = { package_type = "Image" }
  accepted_obligations = srm_obligation_acceptance.fn.accepted_obligations
}
resource "terraform_data" "fn" {
  lifecycle {
    precondition {
      condition     = length(data.srm_responsibility.fn.unaccepted_obligations) == 0
      error_message = "Unaccepted: ${join(", ", data.srm_responsibility.fn.unaccepted_obligations)}"
    }
  }
}
`
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config:      gate(`["operating_system.rebuild_images"]`),
				ExpectError: errorPattern(`(?s)Resource precondition failed.*Unaccepted: .*runtime`),
			},
			{
				// Everything the catalog requires for a container-image function.
				Config: gate(`data.srm_responsibility.all.customer_obligation_ids`) + `
data "srm_responsibility" "all" {
  resource_type = "aws_lambda_function"
  conditions    = { package_type = "Image" }
}
`,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.srm_responsibility.fn", tfjsonpath.New("unaccepted_obligations"), knownvalue.ListSizeExact(0)),
				},
			},
		},
	})
}

func TestAccObligationAcceptance_badInput(t *testing.T) {
	_, clock := clockAt(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC))
	body := func(obligations, acceptedBy, reviewBy string) string {
		return fmt.Sprintf(`
resource "srm_obligation_acceptance" "x" {
  resource_address = "aws_db_instance.orders"
  resource_type    = "aws_db_instance"
  conditions       = { engine = "postgres", auto_minor_version_upgrade = "true" }
  obligations      = [%s]
  accepted_by      = %q
  review_by        = %q
}
`, obligations, acceptedBy, reviewBy)
	}
	cases := map[string]struct{ config, err string }{
		"unknown obligation": {body(`"data_protection.encrypt_at_rst"`, "t", "2030-01-01"),
			`Unknown obligation.*did you mean "data_protection.encrypt_at_rest".*customer obligations of aws_db_instance \(paas\) are:`},
		"provider-side obligation": {body(`"operating_system.patch"`, "t", "2030-01-01"),
			`"operating_system.patch" is not a customer obligation of aws_db_instance \(paas\): component operating_system is provider-owned there`},
		"blank accepted_by":   {body(`"data_protection.encrypt_at_rest"`, "   ", "2030-01-01"), `accepted_by.*must name the accountable team or person`},
		"malformed review_by": {body(`"data_protection.encrypt_at_rest"`, "t", "31/12/2030"), `review_by.*must be an RFC 3339 date`},
		"impossible date":     {body(`"data_protection.encrypt_at_rest"`, "t", "2030-02-31"), `Invalid review date`},
		"review_by in past":   {body(`"data_protection.encrypt_at_rest"`, "t", "2026-12-31"), `Review date in the past.*2026-12-31 has already passed`},
		"no obligations":      {body(``, "t", "2030-01-01"), `obligations.*set must contain at least 1 elements`},
		"both type and model": {`
resource "srm_obligation_acceptance" "x" {
  resource_address = "a.b"
  resource_type    = "aws_db_instance"
  service_model    = "paas"
  obligations      = ["data_protection.encrypt_at_rest"]
  accepted_by      = "t"
}`, `Invalid Attribute Combination`},
		"bad import id": {"", ""},
	}
	for name, tc := range cases {
		if tc.config == "" {
			continue
		}
		t.Run(name, func(t *testing.T) {
			resource.ParallelTest(t, resource.TestCase{
				ProtoV6ProviderFactories: factoriesAt(clock),
				Steps:                    []resource.TestStep{{Config: tc.config, ExpectError: errorPattern(`(?s)` + tc.err)}},
			})
		})
	}
	t.Run("bad import id", func(t *testing.T) {
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: factoriesAt(clock),
			Steps: []resource.TestStep{{
				Config:        body(`"data_protection.encrypt_at_rest"`, "t", "2030-01-01"),
				ResourceName:  "srm_obligation_acceptance.x",
				ImportState:   true,
				ImportStateId: "aws_db_instance.orders",
				ExpectError:   errorPattern(`(?s)Invalid import ID.*expected <resource_address>@<accepted_at>`),
			}},
		})
	})
}

// advanceClock is a pre-apply plan check that moves the provider's clock
// after the plan is saved and before it is applied: the time a reviewer
// takes to approve a saved plan.
type advanceClock struct {
	now *time.Time
	to  time.Time
}

func (a advanceClock) CheckPlan(context.Context, plancheck.CheckPlanRequest, *plancheck.CheckPlanResponse) {
	*a.now = a.to
}

// A plan saved before review_by and applied after it applies as planned or
// stops with our error, never with "Provider produced inconsistent final
// plan" (the plan is computed again at apply).
func TestAccObligationAcceptance_savedPlanAcrossReviewBy(t *testing.T) {
	before, after := time.Date(2029, 12, 31, 12, 0, 0, 0, time.UTC), time.Date(2030, 1, 2, 0, 0, 0, 0, time.UTC)
	t.Run("update applies as planned", func(t *testing.T) {
		now, clock := clockAt(time.Date(2029, 6, 1, 12, 0, 0, 0, time.UTC))
		acceptedAt := statecheck.CompareValue(compare.ValuesSame())
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: factoriesAt(clock),
			Steps: []resource.TestStep{
				{
					Config:            acceptanceConfig(twoObligations, "team-payments", "j", "2030-01-01"),
					ConfigStateChecks: []statecheck.StateCheck{acceptedAt.AddStateValue(acceptanceAddr, tfjsonpath.New("accepted_at"))},
				},
				{
					PreConfig: func() { *now = before },
					Config:    acceptanceConfig(twoObligations, "team-payments", "j, reviewed", "2030-01-01"),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(acceptanceAddr, plancheck.ResourceActionUpdate),
						plancheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("accepted_obligations"), knownvalue.ListSizeExact(2)),
						advanceClock{now, after},
					}},
					ConfigStateChecks: []statecheck.StateCheck{
						acceptedAt.AddStateValue(acceptanceAddr, tfjsonpath.New("accepted_at")),
						statecheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("justification"), knownvalue.StringExact("j, reviewed")),
					},
				},
				{
					// The next refresh marked it expired: nothing is accepted any
					// more, and the plan proposes no change.
					Config: acceptanceConfig(twoObligations, "team-payments", "j, reviewed", "2030-01-01"),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(acceptanceAddr, plancheck.ResourceActionNoop),
						plancheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("expired"), knownvalue.Bool(true)),
						plancheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("accepted_obligations"), knownvalue.ListSizeExact(0)),
					}},
				},
			},
		})
	})
	t.Run("expired record stays as it is", func(t *testing.T) {
		now, clock := clockAt(time.Date(2029, 6, 1, 12, 0, 0, 0, time.UTC))
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: factoriesAt(clock),
			Steps: []resource.TestStep{
				{Config: acceptanceConfig(twoObligations, "team-payments", "j", "2030-01-01")},
				{
					PreConfig: func() { *now = after },
					Config:    acceptanceConfig(twoObligations, "team-payments", "j", "2030-01-01"),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(acceptanceAddr, plancheck.ResourceActionNoop),
						plancheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("expired"), knownvalue.Bool(true)),
						advanceClock{now, after.Add(48 * time.Hour)},
					}},
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("accepted_at"), knownvalue.StringExact("2029-06-01T12:00:00Z")),
						statecheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("expired"), knownvalue.Bool(true)),
					},
				},
			},
		})
	})
	t.Run("expired record with a review date known only at apply", func(t *testing.T) {
		now, clock := clockAt(time.Date(2029, 6, 1, 12, 0, 0, 0, time.UTC))
		unknownReviewBy := strings.Replace(acceptanceConfig(twoObligations, "team-payments", "j", "2030-01-01"),
			`review_by        = "2030-01-01"`, `review_by        = terraform_data.review.output`, 1) + `
resource "terraform_data" "review" { input = "2030-01-01" }
`
		resource.ParallelTest(t, resource.TestCase{
			ProtoV6ProviderFactories: factoriesAt(clock),
			Steps: []resource.TestStep{
				{Config: acceptanceConfig(twoObligations, "team-payments", "j", "2030-01-01")},
				{
					// The same date, through a value unknown at plan: the
					// record stays expired, decided at apply.
					PreConfig: func() { *now = after },
					Config:    unknownReviewBy,
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectUnknownValue(acceptanceAddr, tfjsonpath.New("expired")),
					}},
					ConfigStateChecks: []statecheck.StateCheck{
						statecheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("expired"), knownvalue.Bool(true)),
						statecheck.ExpectKnownValue(acceptanceAddr, tfjsonpath.New("accepted_obligations"), knownvalue.ListSizeExact(0)),
					},
				},
			},
		})
	})
	for name, config := range map[string]string{
		"create":           acceptanceConfig(twoObligations, "team-payments", "j", "2030-01-01"),
		"review_by change": acceptanceConfig(twoObligations, "team-payments", "j", "2030-01-01"),
	} {
		t.Run(name+" stops with our error", func(t *testing.T) {
			now, clock := clockAt(before)
			var steps []resource.TestStep
			if name != "create" {
				steps = append(steps, resource.TestStep{Config: acceptanceConfig(twoObligations, "team-payments", "j", "2029-12-31T18:00:00Z")})
			}
			steps = append(steps, resource.TestStep{
				Config:           config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{advanceClock{now, after}}},
				ExpectError:      errorPattern(`(?s)Review date in the past.*2030-01-01 has already passed.*saved plan made before that date`),
			})
			resource.ParallelTest(t, resource.TestCase{ProtoV6ProviderFactories: factoriesAt(clock), Steps: steps})
		})
	}
}
