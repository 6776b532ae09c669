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

// Utility providers and terraform_data resolve through provider-wide rules
// (basis "provider"); random_password's own entry, a secret in state, wins
// over the random rule (basis "type"); a service-model request has no basis.
func TestAccResponsibility_providerRules(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
data "srm_responsibility" "password" { resource_type = "random_password" }
data "srm_responsibility" "id" { resource_type = "random_id" }
data "srm_responsibility" "data" { resource_type = "terraform_data" }
data "srm_responsibility" "column" { service_model = "on_premises" }
data "srm_assessment" "module" {
  resources = {
    "random_password.db"  = { type = "random_password" }
    "terraform_data.hook" = { type = "terraform_data" }
  }
}
data "srm_catalog" "random" { terraform_provider = "random" }
resource "srm_obligation_acceptance" "hook" {
  resource_address = "terraform_data.hook"
  resource_type    = "terraform_data"
  obligations      = ["application_code.*"]
  accepted_by      = "team-platform"
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.srm_responsibility.password", tfjsonpath.New("basis"), knownvalue.StringExact("type")),
				statecheck.ExpectKnownValue("data.srm_responsibility.password", tfjsonpath.New("service_model"), knownvalue.StringExact("on_premises")),
				statecheck.ExpectKnownValue("data.srm_responsibility.password", tfjsonpath.New("focus"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("data_protection")})),
				statecheck.ExpectKnownValue("data.srm_responsibility.id", tfjsonpath.New("basis"), knownvalue.StringExact("provider")),
				// A random_id carries no secret: only its configuration.
				statecheck.ExpectKnownValue("data.srm_responsibility.id", tfjsonpath.New("customer_obligation_ids"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("configuration.maintain_baseline"),
					knownvalue.StringExact("configuration.detect_drift"),
					knownvalue.StringExact("deployment_settings.control_changes"),
					knownvalue.StringExact("deployment_settings.plan_recovery"),
				})),
				statecheck.ExpectKnownValue("data.srm_responsibility.data", tfjsonpath.New("basis"), knownvalue.StringExact("provider")),
				statecheck.ExpectKnownValue("data.srm_responsibility.data", tfjsonpath.New("owners").AtMapKey("infrastructure"), knownvalue.StringExact("customer")),
				statecheck.ExpectKnownValue("data.srm_responsibility.column", tfjsonpath.New("basis"), knownvalue.Null()),
				statecheck.ExpectKnownValue("data.srm_assessment.module", tfjsonpath.New("results").AtMapKey("random_password.db").AtMapKey("basis"), knownvalue.StringExact("type")),
				statecheck.ExpectKnownValue("data.srm_assessment.module", tfjsonpath.New("results").AtMapKey("terraform_data.hook").AtMapKey("basis"), knownvalue.StringExact("provider")),
				statecheck.ExpectKnownValue("data.srm_catalog.random", tfjsonpath.New("providers").AtMapKey("random").AtMapKey("class"), knownvalue.StringExact("configuration_object")),
				statecheck.ExpectKnownValue("data.srm_catalog.random", tfjsonpath.New("resource_types").AtMapKey("random_password").AtMapKey("class"), knownvalue.StringExact("key_secret")),
				statecheck.ExpectKnownValue("srm_obligation_acceptance.hook", tfjsonpath.New("basis"), knownvalue.StringExact("provider")),
				statecheck.ExpectKnownValue("srm_obligation_acceptance.hook", tfjsonpath.New("accepted_obligations"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("application_code.fix_vulnerabilities"),
					knownvalue.StringExact("application_code.scan_dependencies"),
				})),
			},
		}, {
			// A provider rule has no conditions; the error names the rule.
			Config: `
data "srm_responsibility" "id" {
  resource_type = "random_id"
  conditions    = { byte_length = "8" }
}
`,
			ExpectError: errorPattern(`the provider rule "random" has no conditions`),
		}, {
			Config:      `data "srm_responsibility" "x" { resource_type = "acme_widget" }`,
			ExpectError: errorPattern(`(?s)Unknown resource type.*set service_model`),
		}},
	})
}
