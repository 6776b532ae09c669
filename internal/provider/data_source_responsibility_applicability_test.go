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

// A resource carries the obligations of the components its type embodies:
// a VPC none of the operating system's. Its class says who owns the layers
// a network object has none of (the provider's software implements it), so
// its platform is shared (network controls are the customer's); a
// service-model request gets the whole column.
func TestAccResponsibility_applicability(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
data "srm_responsibility" "vpc" { resource_type = "aws_vpc" }
data "srm_responsibility" "vm" { resource_type = "aws_instance" }
data "srm_responsibility" "column" { service_model = "iaas" }
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.srm_responsibility.vpc", tfjsonpath.New("customer_obligation_ids"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("network_controls.restrict_ingress"),
					knownvalue.StringExact("network_controls.segment_networks"),
					knownvalue.StringExact("configuration.maintain_baseline"),
					knownvalue.StringExact("configuration.detect_drift"),
					knownvalue.StringExact("deployment_settings.control_changes"),
					knownvalue.StringExact("deployment_settings.plan_recovery"),
				})),
				statecheck.ExpectKnownValue("data.srm_responsibility.vpc", tfjsonpath.New("component_owners").AtMapKey("operating_system"), knownvalue.StringExact("provider")),
				statecheck.ExpectKnownValue("data.srm_responsibility.vpc", tfjsonpath.New("owners").AtMapKey("platform"), knownvalue.StringExact("shared")),
				statecheck.ExpectKnownValue("data.srm_responsibility.vm", tfjsonpath.New("customer_obligation_ids"), knownvalue.ListSizeExact(27)),
				statecheck.ExpectKnownValue("data.srm_responsibility.column", tfjsonpath.New("customer_obligation_ids"), knownvalue.ListSizeExact(29)),
			},
		}, {
			// Accepting an obligation that does not apply says why: an EBS
			// volume has no operating system of its own, although the IaaS
			// column gives it to the customer; on a VPC the class makes it
			// the provider's.
			Config: `
data "srm_responsibility" "volume" {
  resource_type        = "aws_ebs_volume"
  accepted_obligations = ["operating_system.patch"]
}
`,
			ExpectError: errorPattern(`does not embody component operating_system`),
		}, {
			Config: `
data "srm_responsibility" "vpc" {
  resource_type        = "aws_vpc"
  accepted_obligations = ["operating_system.patch"]
}
`,
			ExpectError: errorPattern(`component operating_system is provider-owned there`),
		}},
	})
}
