// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// The team journey of the HCL workflow, under every CLI of make test: team
// records by scope, srm_responsibility for every declared resource with all
// the records, tags and a precondition on each resource (terraform_data
// stands in for the cloud resources).

// journeyRecord is one srm_obligation_acceptance of the journey.
type journeyRecord struct {
	name, scope, resourceType, team, reviewBy string
}

func (r journeyRecord) hcl() string {
	filter := ""
	if r.resourceType != "" {
		filter = fmt.Sprintf("  resource_type = %q\n", r.resourceType)
	}
	return fmt.Sprintf(`
resource "srm_obligation_acceptance" %q {
  scope       = [%q]
%s  obligations = ["*"]
  accepted_by = %q
  review_by   = %q
}
`, r.name, r.scope, filter, r.team, r.reviewBy)
}

// journeyConfig declares the records and, for every address, an
// srm_responsibility taking all the records and a terraform_data (named as
// the resource) whose input is the srm tags, gated by a precondition (off
// when var.gate is false).
func journeyConfig(records []journeyRecord, addresses ...string) string {
	var b strings.Builder
	refs := make([]string, len(records))
	for i, r := range records {
		b.WriteString(r.hcl())
		refs[i] = "srm_obligation_acceptance." + r.name
	}
	fmt.Fprintf(&b, `
variable "gate" {
  type    = bool
  default = true
}
locals {
  acceptances = [%s]
}
`, strings.Join(refs, ", "))
	// One block per resource: the test harness's state shim does not take
	// for_each instances.
	for _, a := range addresses {
		fmt.Fprintf(&b, `
data "srm_responsibility" %[1]q {
  resource_address = %[2]q
  acceptances      = local.acceptances
}
resource "terraform_data" %[1]q {
  input = data.srm_responsibility.%[1]s.tags
  lifecycle {
    precondition {
      condition     = !var.gate || length(data.srm_responsibility.%[1]s.unaccepted_obligations) == 0
      error_message = "%[2]s has unaccepted obligations: ${join(", ", data.srm_responsibility.%[1]s.unaccepted_obligations)}"
    }
  }
}
`, journeyName(a), a)
	}
	return b.String()
}

// journeyName is the block name of an address: its resource name.
func journeyName(address string) string { return address[strings.LastIndex(address, ".")+1:] }

var (
	journeyPayments = journeyRecord{name: "payments", scope: "module.payments.*", team: "team-payments", reviewBy: "2030-01-01"}
	journeyPlatform = journeyRecord{name: "platform", scope: "*.aws_instance.*", resourceType: "aws_instance", team: "team-platform",
		reviewBy: "2030-01-01"}
	journeySearch    = journeyRecord{name: "search", scope: "module.search.*", team: "team-search", reviewBy: "2030-01-01"}
	journeyAddresses = []string{"module.payments.aws_db_instance.orders", "module.web.aws_instance.app", "module.search.aws_s3_bucket.index"}
)

func tagsUnchanged(addresses ...string) []plancheck.PlanCheck {
	checks := make([]plancheck.PlanCheck, len(addresses))
	for i, a := range addresses {
		checks[i] = plancheck.ExpectResourceAction("terraform_data."+journeyName(a), plancheck.ResourceActionNoop)
	}
	return checks
}

// A change that adds a record (whose id and accepted_at are unknown until
// apply) and a resource nobody accepted fails in the plan: every
// srm_responsibility is read during plan, so the preconditions decide there,
// not at apply.
func TestAccJourney_preconditionsDecideAtPlan(t *testing.T) {
	_, clock := clockAt(time.Date(2029, 6, 1, 12, 0, 0, 0, time.UTC))
	base := journeyConfig([]journeyRecord{journeyPayments, journeyPlatform}, journeyAddresses[:2]...)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: factoriesAt(clock),
		Steps: []resource.TestStep{
			{Config: base},
			{
				Config:      journeyConfig([]journeyRecord{journeyPayments, journeyPlatform, journeySearch}, append(journeyAddresses[:2:2], "module.reports.aws_s3_bucket.exports")...),
				PlanOnly:    true,
				ExpectError: errorPattern(`(?s)Resource precondition failed.*module.reports.aws_s3_bucket.exports has unaccepted obligations: configuration`),
			},
			{
				// The same new record with a resource it covers: the plan reads
				// the data sources (the new resource's tags are known) and
				// passes.
				Config: journeyConfig([]journeyRecord{journeyPayments, journeyPlatform, journeySearch}, journeyAddresses...),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: append(tagsUnchanged(journeyAddresses[:2]...),
					plancheck.ExpectResourceAction("srm_obligation_acceptance.search", plancheck.ResourceActionCreate),
					plancheck.ExpectUnknownValue("srm_obligation_acceptance.search", tfjsonpath.New("accepted_at")),
					plancheck.ExpectKnownValue("terraform_data.index", tfjsonpath.New("input"),
						knownvalue.MapPartial(map[string]knownvalue.Check{"srm-data": knownvalue.StringExact("customer")})),
				)},
			},
		},
	})
}

// Renaming a team, adding a record and renewing one changes no tag: the
// plan shows no change on any resource whose tags come from srm.
func TestAccJourney_tagsStayStill(t *testing.T) {
	_, clock := clockAt(time.Date(2029, 6, 1, 12, 0, 0, 0, time.UTC))
	renamed := journeyPlatform
	renamed.team = "team-compute"
	renewed := journeyPayments
	renewed.reviewBy = "2030-06-30"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: factoriesAt(clock),
		Steps: []resource.TestStep{
			{Config: journeyConfig([]journeyRecord{journeyPayments, journeyPlatform, journeySearch}, journeyAddresses...)},
			{
				Config: journeyConfig([]journeyRecord{renewed, renamed, journeySearch,
					{name: "dba", scope: "*.aws_db_instance.*", resourceType: "aws_db_instance", team: "team-dba", reviewBy: "2030-01-01"}},
					journeyAddresses...),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: append(tagsUnchanged(journeyAddresses...),
					plancheck.ExpectResourceAction("srm_obligation_acceptance.platform", plancheck.ResourceActionReplace),
					plancheck.ExpectResourceAction("srm_obligation_acceptance.payments", plancheck.ResourceActionUpdate),
					plancheck.ExpectResourceAction("srm_obligation_acceptance.dba", plancheck.ResourceActionCreate),
				)},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("data.srm_responsibility.app", tfjsonpath.New("accepted_by"),
						knownvalue.MapPartial(map[string]knownvalue.Check{"operating_system.patch": knownvalue.StringExact("team-compute")})),
					statecheck.ExpectKnownValue("data.srm_responsibility.orders", tfjsonpath.New("accepted_by"),
						knownvalue.MapPartial(map[string]knownvalue.Check{"data_protection.encrypt_at_rest": knownvalue.StringExact("team-dba")})),
				},
			},
		},
	})
}

// A record whose review_by passes between two plans: the next plan fails on
// the precondition and proposes no change to the record, which stays
// expired; moving review_by renews it in place and changes no tag.
func TestAccJourney_expiryFailsThePlan(t *testing.T) {
	start := time.Date(2029, 6, 1, 12, 0, 0, 0, time.UTC)
	now, clock := clockAt(start)
	soon := journeyPayments
	soon.reviewBy = start.Add(5 * time.Second).Format(time.RFC3339)
	renewed := journeyPayments
	renewed.reviewBy = "2030-01-01"
	records := []journeyRecord{soon, journeyPlatform}
	gateOff := config.Variables{"gate": config.BoolVariable(false)}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: factoriesAt(clock),
		Steps: []resource.TestStep{
			{Config: journeyConfig(records, journeyAddresses[:2]...)},
			{
				PreConfig:   func() { *now = start.Add(10 * time.Second) },
				Config:      journeyConfig(records, journeyAddresses[:2]...),
				PlanOnly:    true,
				ExpectError: errorPattern(`(?s)Resource precondition failed.*module.payments.aws_db_instance.orders has unaccepted obligations`),
			},
			{
				// Without the gate, the same plan: no change to the expired
				// record, nor to any tag.
				Config:          journeyConfig(records, journeyAddresses[:2]...),
				ConfigVariables: gateOff,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: append(tagsUnchanged(journeyAddresses[:2]...),
					plancheck.ExpectResourceAction("srm_obligation_acceptance.payments", plancheck.ResourceActionNoop),
					plancheck.ExpectKnownValue("srm_obligation_acceptance.payments", tfjsonpath.New("expired"), knownvalue.Bool(true)),
				)},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("srm_obligation_acceptance.payments", tfjsonpath.New("accepted_obligations"), knownvalue.ListSizeExact(0)),
					statecheck.ExpectKnownValue("data.srm_responsibility.orders", tfjsonpath.New("accepted_by"),
						knownvalue.MapExact(map[string]knownvalue.Check{})),
				},
			},
			{
				// Renewal: in place, read at plan, the gate passes again.
				Config: journeyConfig([]journeyRecord{renewed, journeyPlatform}, journeyAddresses[:2]...),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: append(tagsUnchanged(journeyAddresses[:2]...),
					plancheck.ExpectResourceAction("srm_obligation_acceptance.payments", plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue("srm_obligation_acceptance.payments", tfjsonpath.New("expired"), knownvalue.Bool(false)),
				)},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue("srm_obligation_acceptance.payments", tfjsonpath.New("accepted_at"),
						knownvalue.StringExact(start.Add(10*time.Second).Format(time.RFC3339))),
				},
			},
		},
	})
}
