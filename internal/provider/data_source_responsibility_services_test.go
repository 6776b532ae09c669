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

// acmeServices configures the provider with two services of a made-up
// provider "acme", one prefix nested in the other.
const acmeServices = `
provider "srm" {
  catalog = jsonencode({
    services = {
      "acme/store" = {
        name = "Acme Store", prefixes = ["acme_store_"], service_model = "paas", class = "data_store",
        source = "aws-srm", rationale = "A managed object store."
      }
      "acme/tables" = {
        name = "Acme Tables", prefixes = ["acme_store_table_"], service_model = "saas", class = "data_store",
        source = "aws-srm", rationale = "Managed tables on the store."
      }
    }
  })
}
`

// A type known only by its service resolves through it (basis "service"):
// the longest prefix wins, a type entry wins over its service, and a custom
// catalog may add services; srm_catalog lists them with their prefixes.
func TestAccResponsibility_services(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: acmeServices + `
data "srm_responsibility" "bucket" { resource_type = "acme_store_bucket" }
data "srm_responsibility" "table" { resource_type = "acme_store_table_index" }
data "srm_responsibility" "workbench" { resource_type = "google_workbench_instance" }
data "srm_responsibility" "app" {
  resource_type = "azapi_resource"
  conditions    = { type = "Microsoft.App/containerApps@2024-03-01" }
}
data "srm_responsibility" "any" { resource_type = "azapi_resource" }
data "srm_assessment" "module" {
  resources = {
    "acme_store_bucket.logs" = { type = "acme_store_bucket" }
  }
}
resource "srm_obligation_acceptance" "table" {
  resource_address = "acme_store_table_index.main"
  obligations      = ["data_protection.*"]
  accepted_by      = "team-data"
}
data "srm_catalog" "acme" { terraform_provider = "acme" }
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.srm_responsibility.bucket", tfjsonpath.New("basis"), knownvalue.StringExact("service")),
				statecheck.ExpectKnownValue("data.srm_responsibility.bucket", tfjsonpath.New("service_model"), knownvalue.StringExact("paas")),
				statecheck.ExpectKnownValue("data.srm_responsibility.table", tfjsonpath.New("basis"), knownvalue.StringExact("service")),
				statecheck.ExpectKnownValue("data.srm_responsibility.table", tfjsonpath.New("service_model"), knownvalue.StringExact("saas")),
				// A built-in service: Vertex AI Workbench instances are VMs the customer runs.
				statecheck.ExpectKnownValue("data.srm_responsibility.workbench", tfjsonpath.New("basis"), knownvalue.StringExact("service")),
				statecheck.ExpectKnownValue("data.srm_responsibility.workbench", tfjsonpath.New("service_model"), knownvalue.StringExact("iaas")),
				statecheck.ExpectKnownValue("data.srm_responsibility.workbench", tfjsonpath.New("owners").AtMapKey("platform"), knownvalue.StringExact("customer")),
				// azapi: the ARM type in condition type names the azurerm entry of
				// the same resource (azurerm_container_app).
				statecheck.ExpectKnownValue("data.srm_responsibility.app", tfjsonpath.New("basis"), knownvalue.StringExact("type")),
				statecheck.ExpectKnownValue("data.srm_responsibility.app", tfjsonpath.New("service_model"), knownvalue.StringExact("paas")),
				statecheck.ExpectKnownValue("data.srm_responsibility.app", tfjsonpath.New("assumptions"), knownvalue.ListSizeExact(0)),
				// Without it, azapi's own entry leaves everything to the customer and says so.
				statecheck.ExpectKnownValue("data.srm_responsibility.any", tfjsonpath.New("basis"), knownvalue.StringExact("type")),
				statecheck.ExpectKnownValue("data.srm_responsibility.any", tfjsonpath.New("service_model"), knownvalue.StringExact("iaas")),
				statecheck.ExpectKnownValue("data.srm_responsibility.any", tfjsonpath.New("assumptions"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"condition": knownvalue.StringExact("type")}),
				})),
				statecheck.ExpectKnownValue("data.srm_assessment.module", tfjsonpath.New("results").AtMapKey("acme_store_bucket.logs").AtMapKey("basis"), knownvalue.StringExact("service")),
				statecheck.ExpectKnownValue("srm_obligation_acceptance.table", tfjsonpath.New("basis"), knownvalue.StringExact("service")),
				statecheck.ExpectKnownValue("data.srm_catalog.acme", tfjsonpath.New("services").AtMapKey("acme/tables"), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"name":          knownvalue.StringExact("Acme Tables"),
					"prefixes":      knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("acme_store_table_")}),
					"service_model": knownvalue.StringExact("saas"),
					"class":         knownvalue.StringExact("data_store"),
				})),
				statecheck.ExpectKnownValue("data.srm_catalog.acme", tfjsonpath.New("services"), knownvalue.MapSizeExact(2)),
			},
		}, {
			// A service has no conditions; the error names it.
			Config: acmeServices + `
data "srm_responsibility" "bucket" {
  resource_type = "acme_store_bucket"
  conditions    = { tier = "hot" }
}
`,
			ExpectError: errorPattern(`the service "acme/store" \(Acme Store\) has no conditions`),
		}},
	})
}
