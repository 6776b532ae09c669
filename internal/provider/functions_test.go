// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// Provider functions need Terraform 1.8 or OpenTofu: under Terraform 1.5.7
// these tests skip, and they run under Terraform 1.8.5 and OpenTofu.
var functionVersions = []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)}

// functionTest runs the steps that expect values as one test case, and each
// step that expects an error as a test case of its own (the post-test
// destroy must not see an invalid configuration).
func functionTest(t *testing.T, steps ...resource.TestStep) {
	t.Helper()
	t.Parallel()
	var ok []resource.TestStep
	for _, s := range steps {
		if s.ExpectError == nil {
			ok = append(ok, s)
			continue
		}
		resource.UnitTest(t, resource.TestCase{
			TerraformVersionChecks:   functionVersions,
			ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
			Steps:                    []resource.TestStep{s},
		})
	}
	resource.UnitTest(t, resource.TestCase{
		TerraformVersionChecks:   functionVersions,
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps:                    ok,
	})
}

func TestAccFunctionOwner(t *testing.T) {
	functionTest(t,
		resource.TestStep{
			Config: `
output "os_iaas"      { value = provider::srm::owner("iaas", "operating_system") }
output "app_saas"     { value = provider::srm::owner("saas", "application_code") }
output "platform_paas" { value = provider::srm::owner("paas", "platform") }
output "data_saas"    { value = provider::srm::owner("saas", "data") }
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("os_iaas", knownvalue.StringExact("customer")),
				statecheck.ExpectKnownOutputValue("app_saas", knownvalue.StringExact("provider")),
				statecheck.ExpectKnownOutputValue("platform_paas", knownvalue.StringExact("shared")),
				statecheck.ExpectKnownOutputValue("data_saas", knownvalue.StringExact("customer")),
			},
		},
		resource.TestStep{
			Config: `
resource "terraform_data" "m" { input = "iaas" }
output "later" { value = provider::srm::owner(terraform_data.m.output, "runtime") }
`,
			ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectUnknownOutputValue("later")}},
			ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("later", knownvalue.StringExact("customer"))},
		},
		resource.TestStep{
			Config:      `output "x" { value = provider::srm::owner(null, "runtime") }`,
			ExpectError: errorPattern(`(?s)Invalid value for "service_model" parameter: argument must not be null`),
		},
		resource.TestStep{
			Config:      `output "x" { value = provider::srm::owner("iaas", "runtimes") }`,
			ExpectError: errorPattern(`(?s)"runtimes" is neither a component nor a layer.*Did you mean runtime`),
		},
		resource.TestStep{
			Config:      `output "x" { value = provider::srm::owner("paas2", "runtime") }`,
			ExpectError: errorPattern(`(?s)Unknown service model.*did you mean "paas".*Valid service models`),
		},
	)
}

func TestAccFunctionServiceModel(t *testing.T) {
	functionTest(t,
		resource.TestStep{
			Config: `
output "gke" { value = provider::srm::service_model("google_container_cluster") }
output "rds" { value = provider::srm::service_model("aws_db_instance") }
output "null" { value = provider::srm::service_model("null_resource") }
output "workbench" { value = provider::srm::service_model("google_workbench_instance") }
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("gke", knownvalue.StringExact("caas")),
				statecheck.ExpectKnownOutputValue("rds", knownvalue.StringExact("paas")),
				// A provider-wide rule answers for a type without an entry.
				statecheck.ExpectKnownOutputValue("null", knownvalue.StringExact("on_premises")),
				// Its service answers for a type without an entry.
				statecheck.ExpectKnownOutputValue("workbench", knownvalue.StringExact("iaas")),
			},
		},
		resource.TestStep{
			Config: `
resource "terraform_data" "t" { input = "aws_db_instance" }
output "later" { value = provider::srm::service_model(terraform_data.t.output) }
`,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectUnknownOutputValue("later")}},
		},
		resource.TestStep{
			Config:      `output "x" { value = provider::srm::service_model(null) }`,
			ExpectError: errorPattern(`(?s)Invalid value for "resource_type" parameter: argument must not be null`),
		},
		resource.TestStep{
			Config:      `output "x" { value = provider::srm::service_model("aws_dbinstance") }`,
			ExpectError: errorPattern(`(?s)Unknown resource type.*Did you mean "aws_db_instance"`),
		},
		resource.TestStep{
			Config:      `output "x" { value = provider::srm::service_model("acme_widget") }`,
			ExpectError: errorPattern(`(?s)Unknown resource type.*set service_model`),
		},
	)
}

func TestAccFunctionCustomerObligations(t *testing.T) {
	functionTest(t,
		resource.TestStep{
			Config: `
output "paas" { value = provider::srm::customer_obligations("paas") }
output "iaas_patches" { value = contains(provider::srm::customer_obligations("iaas"), "operating_system.patch") }
output "paas_patches" { value = contains(provider::srm::customer_obligations("paas"), "operating_system.patch") }
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("paas", knownvalue.ListPartial(map[int]knownvalue.Check{0: knownvalue.StringExact("network_controls.restrict_ingress")})),
				statecheck.ExpectKnownOutputValue("iaas_patches", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("paas_patches", knownvalue.Bool(false)),
			},
		},
		resource.TestStep{
			Config: `
resource "terraform_data" "m" { input = "saas" }
output "later" { value = provider::srm::customer_obligations(terraform_data.m.output) }
`,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectUnknownOutputValue("later")}},
		},
		resource.TestStep{
			Config:      `output "x" { value = provider::srm::customer_obligations(null) }`,
			ExpectError: errorPattern(`(?s)Invalid value for "service_model" parameter: argument must not be null`),
		},
		resource.TestStep{
			Config:      `output "x" { value = provider::srm::customer_obligations("cloud") }`,
			ExpectError: errorPattern(`(?s)Unknown service model.*Valid service models: on_premises, iaas`),
		},
	)
}

func TestAccFunctionUnaccepted(t *testing.T) {
	functionTest(t,
		resource.TestStep{
			Config: `
locals { all = provider::srm::customer_obligations("saas") }
output "none_accepted" { value = length(provider::srm::unaccepted("saas", [])) == length(local.all) }
output "all_accepted"  { value = provider::srm::unaccepted("saas", local.all) }
output "one_accepted"  { value = contains(provider::srm::unaccepted("saas", ["data_protection.encrypt_at_rest"]), "data_protection.encrypt_at_rest") }
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("none_accepted", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("all_accepted", knownvalue.ListSizeExact(0)),
				statecheck.ExpectKnownOutputValue("one_accepted", knownvalue.Bool(false)),
			},
		},
		resource.TestStep{
			Config: `
resource "terraform_data" "a" { input = ["data_protection.encrypt_at_rest"] }
output "later" { value = provider::srm::unaccepted("saas", terraform_data.a.output) }
`,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectUnknownOutputValue("later")}},
		},
		resource.TestStep{
			Config:      `output "x" { value = provider::srm::unaccepted("saas", null) }`,
			ExpectError: errorPattern(`(?s)Invalid value for "accepted" parameter: argument must not be null`),
		},
		resource.TestStep{
			Config:      `output "x" { value = provider::srm::unaccepted("paas", ["operating_system.patch"]) }`,
			ExpectError: errorPattern(`(?s)"operating_system.patch" is not a customer obligation of paas.*provider-owned`),
		},
	)
}
