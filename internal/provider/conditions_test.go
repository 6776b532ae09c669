// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// conditionsConfig declares stand-ins for real resources (terraform_data,
// whose output is known only after apply, like a real resource's computed
// attributes) and reads the conditions from their attributes as they are: a
// string, a boolean, a null, a nested value.
const conditionsConfig = `
resource "terraform_data" "fn" {
  input = { package_type = "Image" }
}
resource "terraform_data" "db" {
  input = { engine = "custom-sqlserver-ee", auto_minor_version_upgrade = true }
}
resource "terraform_data" "key" {
  input = { custom_key_store_id = null }
}
resource "terraform_data" "app" {
  input = { site_config = { application_stack = { docker_image_name = "nginx:1.27" } } }
}
data "srm_responsibility" "fn" {
  resource_type    = "aws_lambda_function"
  resource_address = "aws_lambda_function.fn"
  conditions       = { package_type = terraform_data.fn.output.package_type }
}
data "srm_responsibility" "db" {
  resource_type = "aws_db_instance"
  conditions = {
    engine                     = terraform_data.db.output.engine
    auto_minor_version_upgrade = terraform_data.db.output.auto_minor_version_upgrade
  }
}
data "srm_responsibility" "key" {
  resource_type = "aws_kms_key"
  conditions    = { custom_key_store_id = terraform_data.key.output.custom_key_store_id }
}
data "srm_responsibility" "app" {
  resource_type = "azurerm_linux_web_app"
  conditions = {
    "site_config.application_stack.docker_image_name" = terraform_data.app.output.site_config.application_stack.docker_image_name
  }
}
data "srm_responsibility" "odd" {
  resource_type = "aws_lambda_function"
  conditions    = { package_type = "Wasm", update_runtime_on = "Auto" }
}
resource "srm_obligation_acceptance" "fn" {
  resource_address = "aws_lambda_function.fn"
  conditions       = { package_type = terraform_data.fn.output.package_type }
  obligations      = ["application_code.*"]
  accepted_by      = "team-media"
}
data "srm_assessment" "all" {
  resources = {
    "aws_lambda_function.fn" = { type = "aws_lambda_function", conditions = { package_type = terraform_data.fn.output.package_type } }
    "aws_db_instance.db"     = { type = "aws_db_instance", conditions = { engine = "postgres", auto_minor_version_upgrade = true } }
  }
}
`

func TestAccConditions_assumptions(t *testing.T) {
	notGiven := knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
		"condition": knownvalue.StringExact("update_runtime_on"),
		"assumed":   knownvalue.StringExact("Manual"),
		"reason":    knownvalue.StringRegexp(regexp.MustCompile(`^not given: assumed the value that leaves the most to the customer`)),
	})})
	none := knownvalue.ListSizeExact(0)
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: conditionsConfig,
			ConfigStateChecks: []statecheck.StateCheck{
				// A string from the resource; the condition not given is assumed.
				statecheck.ExpectKnownValue("data.srm_responsibility.fn", tfjsonpath.New("assumptions"), notGiven),
				statecheck.ExpectKnownValue("data.srm_responsibility.fn", tfjsonpath.New("component_owners").AtMapKey("operating_system"), knownvalue.StringExact("shared")),
				// A prefix rule and a boolean, as Terraform converts it.
				statecheck.ExpectKnownValue("data.srm_responsibility.db", tfjsonpath.New("assumptions"), none),
				statecheck.ExpectKnownValue("data.srm_responsibility.db", tfjsonpath.New("component_owners").AtMapKey("operating_system"), knownvalue.StringExact("customer")),
				statecheck.ExpectKnownValue("data.srm_responsibility.db", tfjsonpath.New("overrides_applied").AtSliceIndex(0).AtMapKey("name"), knownvalue.StringExact("engine=custom-*")),
				// A null: the attribute is not set.
				statecheck.ExpectKnownValue("data.srm_responsibility.key", tfjsonpath.New("assumptions"), none),
				statecheck.ExpectKnownValue("data.srm_responsibility.key", tfjsonpath.New("component_owners").AtMapKey("middleware"), knownvalue.StringExact("provider")),
				// A nested path, present.
				statecheck.ExpectKnownValue("data.srm_responsibility.app", tfjsonpath.New("assumptions"), none),
				statecheck.ExpectKnownValue("data.srm_responsibility.app", tfjsonpath.New("component_owners").AtMapKey("runtime"), knownvalue.StringExact("customer")),
				// An unexpected value is not an error: the conservative answer, and why.
				statecheck.ExpectKnownValue("data.srm_responsibility.odd", tfjsonpath.New("assumptions"), knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
					"condition": knownvalue.StringExact("package_type"),
					"assumed":   knownvalue.StringExact("Image"),
					"reason":    knownvalue.StringRegexp(regexp.MustCompile(`^"Wasm" matches none of the catalog's values and rules \(Image, Zip\)`)),
				})})),
				statecheck.ExpectKnownValue("data.srm_responsibility.odd", tfjsonpath.New("component_owners").AtMapKey("runtime"), knownvalue.StringExact("customer")),
				// The acceptance and the assessment say the same.
				statecheck.ExpectKnownValue("srm_obligation_acceptance.fn", tfjsonpath.New("assumptions"), notGiven),
				statecheck.ExpectKnownValue("data.srm_assessment.all", tfjsonpath.New("results").AtMapKey("aws_lambda_function.fn").AtMapKey("assumptions"), notGiven),
				statecheck.ExpectKnownValue("data.srm_assessment.all", tfjsonpath.New("results").AtMapKey("aws_db_instance.db").AtMapKey("assumptions"), none),
			},
		}},
	})
}

// A deprecated condition key gives the same answer as its replacement, with
// a warning on the key that names the new one. (The CLIs' test harness does
// not expose warnings: this reads through the protocol server they talk
// to.)
func TestDeprecatedConditionWarns(t *testing.T) {
	ctx := context.Background()
	s := providerserver.NewProtocol6(New("test")())()
	schemas, err := s.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(schemas.Diagnostics) > 0 {
		t.Fatal(err, schemas.Diagnostics)
	}
	if conf, err := s.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: dynamicValue(t, schemas.Provider, nil)}); err != nil || len(conf.Diagnostics) > 0 {
		t.Fatal(err, conf.Diagnostics)
	}
	read := func(conditions map[string]string) (*tfprotov6.ReadDataSourceResponse, map[string]tftypes.Value) {
		elems := map[string]tftypes.Value{}
		for k, v := range conditions {
			elems[k] = tftypes.NewValue(tftypes.String, v)
		}
		ds := dynamicValue(t, schemas.DataSourceSchemas["srm_responsibility"], map[string]tftypes.Value{
			"resource_type": tftypes.NewValue(tftypes.String, "azurerm_linux_web_app"),
			"conditions":    tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, elems)})
		resp, err := s.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: "srm_responsibility", Config: ds})
		if err != nil || resp.State == nil {
			t.Fatal(err, resp.Diagnostics)
		}
		v, err := resp.State.Unmarshal(schemas.DataSourceSchemas["srm_responsibility"].ValueType())
		if err != nil {
			t.Fatal(err)
		}
		var attrs map[string]tftypes.Value
		if err := v.As(&attrs); err != nil {
			t.Fatal(err)
		}
		return resp, attrs
	}
	old, oldState := read(map[string]string{"application_stack": "code"})
	current, newState := read(map[string]string{"site_config.application_stack.docker_image_name": ""})
	if len(old.Diagnostics) != 1 {
		t.Fatalf("diagnostics %+v, want one warning", old.Diagnostics)
	}
	d := old.Diagnostics[0]
	if d.Severity != tfprotov6.DiagnosticSeverityWarning || d.Summary != "Deprecated condition" ||
		!strings.Contains(d.Detail, `"site_config.application_stack.docker_image_name"`) ||
		d.Attribute == nil || !d.Attribute.Equal(tftypes.NewAttributePath().WithAttributeName("conditions").WithElementKeyString("application_stack")) {
		t.Errorf("warning %+v, want one on conditions[\"application_stack\"] naming the new key", d)
	}
	if len(current.Diagnostics) != 0 {
		t.Errorf("diagnostics with the new key: %+v", current.Diagnostics)
	}
	if !oldState["component_owners"].Equal(newState["component_owners"]) {
		t.Errorf("owners differ: %v with the deprecated key, %v with the new one", oldState["component_owners"], newState["component_owners"])
	}
}
