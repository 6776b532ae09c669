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

func TestAccCatalog(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
data "srm_catalog" "all" {}
data "srm_catalog" "aws_faas" {
  terraform_provider = "aws"
  service_model = "faas"
  frameworks    = ["nist_800_53_r5"]
}
data "srm_catalog" "data_layer" { layer = "data" }
output "aws_faas_has_lambda" { value = contains(keys(data.srm_catalog.aws_faas.resource_types), "aws_lambda_function") }
output "aws_faas_only" {
  value = alltrue([for name, t in data.srm_catalog.aws_faas.resource_types : t.service_model == "faas" && startswith(name, "aws_")])
}
output "only_data" { value = distinct([for c in data.srm_catalog.data_layer.components : c.layer]) }
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.srm_catalog.all", tfjsonpath.New("resource_types").AtMapKey("google_container_cluster").AtMapKey("service_model"), knownvalue.StringExact("caas")),
				statecheck.ExpectKnownValue("data.srm_catalog.all", tfjsonpath.New("resource_types").AtMapKey("azurerm_linux_web_app").AtMapKey("conditions").AtMapKey("application_stack").AtMapKey("values"),
					knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("code"), knownvalue.StringExact("docker")})),
				statecheck.ExpectKnownValue("data.srm_catalog.all", tfjsonpath.New("resource_types").AtMapKey("aws_lambda_function").AtMapKey("conditions").AtMapKey("package_type"),
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"default": knownvalue.StringExact("Image")})),
				statecheck.ExpectKnownValue("data.srm_catalog.all", tfjsonpath.New("resource_types").AtMapKey("aws_s3_bucket").AtMapKey("source").AtMapKey("url"), knownvalue.StringRegexp(regexpMust(`^https://`))),
				statecheck.ExpectKnownValue("data.srm_catalog.all", tfjsonpath.New("service_models").AtMapKey("on_premises").AtMapKey("cloud"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue("data.srm_catalog.all", tfjsonpath.New("resource_types").AtMapKey("aws_vpc").AtMapKey("class"), knownvalue.StringExact("network_object")),
				statecheck.ExpectKnownValue("data.srm_catalog.all", tfjsonpath.New("resource_types").AtMapKey("aws_vpc").AtMapKey("applies_to"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("network_controls"), knownvalue.StringExact("configuration"), knownvalue.StringExact("deployment_settings"),
				})),
				statecheck.ExpectKnownValue("data.srm_catalog.all", tfjsonpath.New("sources").AtMapKey("aws-srm"), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"id": knownvalue.StringExact("aws-srm"), "url": knownvalue.StringRegexp(regexpMust(`^https://`)),
				})),
				statecheck.ExpectKnownOutputValue("aws_faas_has_lambda", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("aws_faas_only", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("only_data", knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("data")})),
				statecheck.ExpectKnownValue("data.srm_catalog.aws_faas", tfjsonpath.New("obligations").AtMapKey("runtime.use_supported_runtime").AtMapKey("controls").AtMapKey("nist_800_53_r5"),
					knownvalue.ListPartial(map[int]knownvalue.Check{0: knownvalue.StringExact("SI-2")})),
				// faas obligations exclude the provider-owned operating system's patching.
				statecheck.ExpectKnownValue("data.srm_catalog.data_layer", tfjsonpath.New("obligations").AtMapKey("data_protection.encrypt_at_rest").AtMapKey("service_models"), knownvalue.ListSizeExact(6)),
			},
		}},
	})
}

func TestAccCatalog_badFilters(t *testing.T) {
	cases := map[string]struct{ config, err string }{
		"model":     {`data "srm_catalog" "x" { service_model = "serverless" }`, `Unknown service model.*Valid service models: on_premises`},
		"layer":     {`data "srm_catalog" "x" { layer = "network" }`, `"network" is not a layer. Valid layers: infrastructure, platform`},
		"provider":  {`data "srm_catalog" "x" { terraform_provider = "awz" }`, `No resource type of the catalog starts with "awz_". Providers in the catalog: archive, aws`},
		"framework": {`data "srm_catalog" "x" { frameworks = ["iso27001"] }`, `Unknown framework.*Valid frameworks: csa_ccm_v4, nist_800_53_r5`},
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
