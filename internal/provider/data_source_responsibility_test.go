// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"maps"
	"regexp"
	"slices"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

func TestAccResponsibility_serviceModels(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
data "srm_responsibility" "iaas" { service_model = "iaas" }
data "srm_responsibility" "paas" { service_model = "paas" }
data "srm_responsibility" "saas" {
  service_model    = "saas"
  resource_address = "example.saas"
}
data "srm_responsibility" "onprem" { service_model = "on_premises" }
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.srm_responsibility.iaas", tfjsonpath.New("component_owners").AtMapKey("operating_system"), knownvalue.StringExact("customer")),
				statecheck.ExpectKnownValue("data.srm_responsibility.iaas", tfjsonpath.New("owners"), knownvalue.MapExact(map[string]knownvalue.Check{
					"infrastructure": knownvalue.StringExact("provider"),
					"platform":       knownvalue.StringExact("customer"),
					"application":    knownvalue.StringExact("customer"),
					"data":           knownvalue.StringExact("customer"),
					"identity":       knownvalue.StringExact("customer"),
				})),
				statecheck.ExpectKnownValue("data.srm_responsibility.saas", tfjsonpath.New("component_owners").AtMapKey("application_code"), knownvalue.StringExact("provider")),
				// PaaS: OS provider, network controls shared → platform shared; identity shared.
				statecheck.ExpectKnownValue("data.srm_responsibility.paas", tfjsonpath.New("owners"), knownvalue.MapExact(map[string]knownvalue.Check{
					"infrastructure": knownvalue.StringExact("provider"),
					"platform":       knownvalue.StringExact("shared"),
					"application":    knownvalue.StringExact("customer"),
					"data":           knownvalue.StringExact("customer"),
					"identity":       knownvalue.StringExact("shared"),
				})),
				// data_* stays with the customer in every model, even SaaS.
				statecheck.ExpectKnownValue("data.srm_responsibility.saas", tfjsonpath.New("component_owners").AtMapKey("data_protection"), knownvalue.StringExact("customer")),
				statecheck.ExpectKnownValue("data.srm_responsibility.saas", tfjsonpath.New("component_owners").AtMapKey("data_access"), knownvalue.StringExact("customer")),
				statecheck.ExpectKnownValue("data.srm_responsibility.saas", tfjsonpath.New("component_owners").AtMapKey("data_classification"), knownvalue.StringExact("customer")),
				statecheck.ExpectKnownValue("data.srm_responsibility.onprem", tfjsonpath.New("owners").AtMapKey("infrastructure"), knownvalue.StringExact("customer")),
				statecheck.ExpectKnownValue("data.srm_responsibility.saas", tfjsonpath.New("customer_obligation_ids"), knownvalue.ListPartial(map[int]knownvalue.Check{
					0: knownvalue.StringRegexp(regexp.MustCompile(`^[a-z_]+\.[a-z_]+$`)),
				})),
				statecheck.ExpectKnownValue("data.srm_responsibility.iaas", tfjsonpath.New("tags"), knownvalue.MapPartial(map[string]knownvalue.Check{
					"srm-service-model": knownvalue.StringExact("iaas"),
					"srm-platform":      knownvalue.StringExact("customer"),
				})),
				statecheck.ExpectKnownValue("data.srm_responsibility.iaas", tfjsonpath.New("service_model"), knownvalue.StringExact("iaas")),
				statecheck.ExpectKnownValue("data.srm_responsibility.iaas", tfjsonpath.New("catalog_version"), knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}\.\d+\.\d+$`))),
			},
		}},
	})
}

func TestAccResponsibility_resourceType(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
data "srm_responsibility" "db" {
  resource_type    = "aws_db_instance"
  resource_address = "aws_db_instance.main"
  conditions       = { engine = "postgres", auto_minor_version_upgrade = "true" }
}
data "srm_responsibility" "db_unspecified" { resource_type = "aws_db_instance" }
data "srm_responsibility" "sg" { resource_type = "aws_security_group" }
data "srm_responsibility" "fn" {
  resource_type = "aws_lambda_function"
  conditions    = { package_type = "Image" }
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.srm_responsibility.db", tfjsonpath.New("service_model"), knownvalue.StringExact("paas")),
				statecheck.ExpectKnownValue("data.srm_responsibility.db", tfjsonpath.New("component_owners").AtMapKey("operating_system"), knownvalue.StringExact("provider")),
				statecheck.ExpectKnownValue("data.srm_responsibility.db", tfjsonpath.New("component_owners").AtMapKey("middleware"), knownvalue.StringExact("shared")),
				// Without the engine the answer is the conservative one, RDS Custom, and says so.
				statecheck.ExpectKnownValue("data.srm_responsibility.db_unspecified", tfjsonpath.New("component_owners").AtMapKey("operating_system"), knownvalue.StringExact("customer")),
				statecheck.ExpectKnownValue("data.srm_responsibility.db_unspecified", tfjsonpath.New("overrides_applied"), knownvalue.ListPartial(map[int]knownvalue.Check{
					0: knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("engine=custom-* (default)"), "component": knownvalue.StringExact("operating_system")}),
				})),
				statecheck.ExpectKnownValue("data.srm_responsibility.sg", tfjsonpath.New("focus"), knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact("network_controls")})),
				statecheck.ExpectKnownValue("data.srm_responsibility.fn", tfjsonpath.New("service_model"), knownvalue.StringExact("faas")),
				statecheck.ExpectKnownValue("data.srm_responsibility.fn", tfjsonpath.New("component_owners").AtMapKey("operating_system"), knownvalue.StringExact("shared")),
				statecheck.ExpectKnownValue("data.srm_responsibility.fn", tfjsonpath.New("overrides_applied").AtSliceIndex(0).AtMapKey("kind"), knownvalue.StringExact("condition")),
			},
		}},
	})
}

// srm_responsibility is lean: srm_catalog holds the catalog text once, and
// srm_responsibility_detail gives it per resource, agreeing with both.
func TestAccResponsibility_detail(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
data "srm_responsibility" "lean" { service_model = "paas" }
data "srm_responsibility_detail" "full" { service_model = "paas" }
data "srm_catalog" "all" {}
output "titles_agree" {
  value = [for o in data.srm_responsibility_detail.full.customer_obligations : o.title] == [
    for id in data.srm_responsibility.lean.customer_obligation_ids : data.srm_catalog.all.obligations[id].title
  ]
}
output "descriptions_agree" {
  value = [for o in data.srm_responsibility_detail.full.customer_obligations : o.description] == [
    for id in data.srm_responsibility.lean.customer_obligation_ids : data.srm_catalog.all.obligations[id].description
  ]
}
output "sources_agree" {
  value = alltrue([for s in data.srm_responsibility_detail.full.sources : data.srm_catalog.all.sources[s.id] == s])
}
output "owners_agree" {
  value = tomap({ for id, c in data.srm_responsibility_detail.full.components : id => c.owner }) == data.srm_responsibility.lean.component_owners
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.srm_responsibility_detail.full", tfjsonpath.New("customer_obligations").AtSliceIndex(0), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"id":          knownvalue.StringRegexp(regexp.MustCompile(`^[a-z_]+\.[a-z_]+$`)),
					"layer":       knownvalue.StringRegexp(regexp.MustCompile(`^[a-z]+$`)),
					"component":   knownvalue.StringRegexp(regexp.MustCompile(`^[a-z_]+$`)),
					"title":       knownvalue.StringRegexp(regexp.MustCompile(`^[A-Z].{10,}`)),
					"description": knownvalue.StringRegexp(regexp.MustCompile(`^[A-Z].{40,}`)),
				})),
				statecheck.CompareValuePairs("data.srm_responsibility_detail.full", tfjsonpath.New("customer_obligations").AtSliceIndex(0).AtMapKey("id"),
					"data.srm_responsibility.lean", tfjsonpath.New("customer_obligation_ids").AtSliceIndex(0), compare.ValuesSame()),
				// PaaS shares the network controls: both parties' parts are there.
				statecheck.ExpectKnownValue("data.srm_responsibility_detail.full", tfjsonpath.New("components").AtMapKey("network_controls"), knownvalue.ObjectExact(map[string]knownvalue.Check{
					"layer":         knownvalue.StringExact("platform"),
					"owner":         knownvalue.StringExact("shared"),
					"provider_part": knownvalue.StringRegexp(regexp.MustCompile(`.`)),
					"customer_part": knownvalue.StringRegexp(regexp.MustCompile(`.`)),
					"source":        knownvalue.StringRegexp(regexp.MustCompile(`^[a-z0-9-]+$`)),
				})),
				statecheck.ExpectKnownValue("data.srm_responsibility.lean", tfjsonpath.New("component_owners").AtMapKey("network_controls"), knownvalue.StringExact("shared")),
				// The provider keeps the physical layer of its cloud.
				statecheck.ExpectKnownValue("data.srm_responsibility_detail.full", tfjsonpath.New("provider_responsibilities").AtSliceIndex(0), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"component": knownvalue.StringExact("physical_datacenter"),
					"owner":     knownvalue.StringExact("provider"),
				})),
				statecheck.ExpectKnownValue("data.srm_responsibility_detail.full", tfjsonpath.New("sources").AtSliceIndex(0), knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"url": knownvalue.StringRegexp(regexp.MustCompile(`^https://`)),
				})),
				statecheck.ExpectKnownOutputValue("titles_agree", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("descriptions_agree", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("sources_agree", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("owners_agree", knownvalue.Bool(true)),
			},
		}},
	})
}

func TestAccResponsibility_acceptedObligations(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
data "srm_responsibility" "all" { service_model = "saas" }
data "srm_responsibility" "accepted" {
  service_model        = "saas"
  accepted_obligations = data.srm_responsibility.all.customer_obligation_ids
}
data "srm_responsibility" "partial" {
  service_model        = "saas"
  accepted_obligations = ["data_protection.encrypt_at_rest"]
}
output "accepted_by_partial" {
  value = length(data.srm_responsibility.all.unaccepted_obligations) - length(data.srm_responsibility.partial.unaccepted_obligations)
}
output "partial_still_unaccepted" {
  value = contains(data.srm_responsibility.partial.unaccepted_obligations, "data_protection.encrypt_at_rest")
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.srm_responsibility.accepted", tfjsonpath.New("unaccepted_obligations"), knownvalue.ListSizeExact(0)),
				// Tags do not depend on what is accepted.
				statecheck.CompareValuePairs("data.srm_responsibility.accepted", tfjsonpath.New("tags"),
					"data.srm_responsibility.all", tfjsonpath.New("tags"), compare.ValuesSame()),
				statecheck.CompareValuePairs("data.srm_responsibility.all", tfjsonpath.New("customer_obligation_ids"),
					"data.srm_responsibility.all", tfjsonpath.New("unaccepted_obligations"), compare.ValuesSame()),
				statecheck.ExpectKnownOutputValue("accepted_by_partial", knownvalue.Int64Exact(1)),
				statecheck.ExpectKnownOutputValue("partial_still_unaccepted", knownvalue.Bool(false)),
			},
		}},
	})
}

func TestAccResponsibility_unknownInputs(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "later" { input = "iaas" }
data "srm_responsibility" "x" { service_model = terraform_data.later.output }
output "owners" { value = data.srm_responsibility.x.owners }
`,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectUnknownOutputValue("owners")},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValueAtPath("owners", tfjsonpath.New("platform"), knownvalue.StringExact("customer")),
			},
		}},
	})
}

func TestAccResponsibility_badInput(t *testing.T) {
	cases := map[string]struct{ config, err string }{
		"unknown model": {`data "srm_responsibility" "x" { service_model = "iaaas" }`,
			`(?s)"iaaas" is not a service model.*did you mean "iaas".*Valid service models: on_premises, iaas, caas, paas, faas, saas`},
		"unknown type": {`data "srm_responsibility" "x" { resource_type = "aws_dbinstance" }`,
			`(?s)Unknown resource type.*Did you mean "aws_db_instance".*set service_model`},
		"both": {`data "srm_responsibility" "x" {
  service_model = "iaas"
  resource_type = "aws_instance"
}`, `(?s)Invalid Attribute Combination`},
		"neither": {`data "srm_responsibility" "x" {}`, `(?s)At least one of these attributes must be configured:.*resource_type,service_model,resource_address`},
		"unknown condition": {`data "srm_responsibility" "x" {
  resource_type = "aws_lambda_function"
  conditions    = { packge_type = "Image" }
}`, `(?s)"packge_type" is not a condition of aws_lambda_function.*did you mean "package_type".*Valid conditions:`},
		// An unexpected value is not an error (it resolves conservatively,
		// see TestAccConditions_assumptions); an unknown key is.
		"condition key of another type": {`data "srm_responsibility" "x" {
  resource_type = "aws_lambda_function"
  conditions    = { docker_image_name = "nginx" }
}`, `(?s)Unknown condition.*docker_image_name.*package_type`},
		"accepted not an obligation": {`data "srm_responsibility" "x" {
  service_model        = "paas"
  accepted_obligations = ["operating_system.patch"]
}`, `(?s)"operating_system.patch" is not a customer obligation of paas.*provider-owned`},
		"unknown agreement": {`data "srm_responsibility" "x" {
  service_model = "paas"
  agreement     = "nope"
}`, `(?s)Unknown agreement.*No agreement is defined`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
				Steps:                    []resource.TestStep{{Config: tc.config, ExpectError: errorPattern(tc.err)}},
			})
		})
	}
}

// Malware protection (SI-3) is the customer's to evidence on IaaS, where it
// runs the OS, and inherited on PaaS; boundary protection (SC-7) is shared on
// PaaS until an agreement gives the provider the network controls.
func TestAccResponsibility_frameworks(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
provider "srm" {
  agreement {
    name = "managed-firewall"
    override {
      service_model = "paas"
      component     = "network_controls"
      owner         = "provider"
      reason        = "Managed firewall contract"
    }
  }
}
data "srm_responsibility_detail" "vm" {
  resource_type = "aws_instance"
  frameworks    = ["nist_800_53_r5", "csa_ccm_v4"]
}
data "srm_responsibility_detail" "db" {
  resource_type = "aws_db_instance"
  conditions    = { engine = "postgres" }
  frameworks    = ["nist_800_53_r5"]
}
data "srm_responsibility_detail" "db_firewall" {
  resource_type = "aws_db_instance"
  conditions    = { engine = "postgres" }
  agreement     = "managed-firewall"
  frameworks    = ["nist_800_53_r5"]
}
output "vm_si3_customer" { value = contains(data.srm_responsibility_detail.vm.controls.nist_800_53_r5.customer, "SI-3") }
output "db_si3_inherited" { value = contains(data.srm_responsibility_detail.db.controls.nist_800_53_r5.inherited, "SI-3") }
output "db_sc7_shared" { value = contains(data.srm_responsibility_detail.db.controls.nist_800_53_r5.shared, "SC-7") }
output "firewall_sc7_inherited" { value = contains(data.srm_responsibility_detail.db_firewall.controls.nist_800_53_r5.inherited, "SC-7") }
output "vm_pe3_inherited" { value = contains(data.srm_responsibility_detail.vm.controls.nist_800_53_r5.inherited, "PE-3") }
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("vm_si3_customer", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("db_si3_inherited", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("db_sc7_shared", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("firewall_sc7_inherited", knownvalue.Bool(true)),
				statecheck.ExpectKnownOutputValue("vm_pe3_inherited", knownvalue.Bool(true)),
				statecheck.ExpectKnownValue("data.srm_responsibility_detail.vm", tfjsonpath.New("controls").AtMapKey("csa_ccm_v4").AtMapKey("customer"), knownvalue.ListPartial(map[int]knownvalue.Check{})),
				statecheck.ExpectKnownValue("data.srm_responsibility_detail.db", tfjsonpath.New("controls"), knownvalue.MapSizeExact(1)),
			},
		}},
	})
}

func TestAccResponsibility_unknownFramework(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `data "srm_responsibility_detail" "x" {
  service_model = "iaas"
  frameworks    = ["nist_800_53"]
}`,
			ExpectError: errorPattern(`(?s)Unknown framework.*did you mean "nist_800_53_r5".*Valid frameworks: csa_ccm_v4, nist_800_53_r5`),
		}},
	})
}

// readResponsibility reads srm_responsibility through the data source with
// the given arguments (the others null) and returns its state.
func readResponsibility(t *testing.T, ds *responsibilityDataSource, args map[string]tftypes.Value) tfsdk.State {
	t.Helper()
	ctx := context.Background()
	var sch datasource.SchemaResponse
	ds.Schema(ctx, datasource.SchemaRequest{}, &sch)
	objType, ok := sch.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatal("the schema is not an object")
	}
	attrs := map[string]tftypes.Value{}
	for name, typ := range objType.AttributeTypes {
		attrs[name] = tftypes.NewValue(typ, nil)
	}
	maps.Copy(attrs, args)
	req := datasource.ReadRequest{Config: tfsdk.Config{Schema: sch.Schema, Raw: tftypes.NewValue(objType, attrs)}}
	resp := datasource.ReadResponse{State: tfsdk.State{Schema: sch.Schema}}
	ds.Read(ctx, req, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("read %v: %v", args, resp.Diagnostics)
	}
	return resp.State
}

// Instances that differ only in what they accept share one cache entry,
// and each gets its own unaccepted ids (D1 of the 2026-11 review:
// 2000 distinct acceptance sets used to keep 2000 answers of ~90 KiB).
func TestResponsibilityDistinctAcceptances(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	ds := &responsibilityDataSource{data: testProviderData()}
	base, err := ds.data.engine.Resolve(srm.Request{ResourceType: "aws_db_instance"})
	if err != nil {
		t.Fatal(err)
	}
	ids := base.CustomerObligationIDs()
	for i := 1; i <= 300; i++ {
		var accepted []tftypes.Value
		var want []string
		for j, id := range ids {
			if i&(1<<j) != 0 {
				accepted = append(accepted, tftypes.NewValue(tftypes.String, id))
			} else {
				want = append(want, id)
			}
		}
		state := readResponsibility(t, ds, map[string]tftypes.Value{
			"resource_type":        tftypes.NewValue(tftypes.String, "aws_db_instance"),
			"accepted_obligations": tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, accepted),
		})
		var m responsibilityModel
		if diags := state.Get(ctx, &m); diags.HasError() {
			t.Fatal(diags)
		}
		var got []string
		m.UnacceptedObligations.ElementsAs(ctx, &got, false)
		if !slices.Equal(got, want) {
			t.Fatalf("read %d: unaccepted %v, want %v", i, got, want)
		}
		var tags map[string]string
		m.Tags.ElementsAs(ctx, &tags, false)
		if _, ok := tags["srm-unaccepted"]; ok || tags["srm-data"] != "customer" {
			t.Fatalf("read %d: tags %v, want the answer's, without an unaccepted count", i, tags)
		}
	}
	if n := len(ds.data.results.entries); n != 1 {
		t.Errorf("300 acceptance sets of one request left %d cache entries, want 1", n)
	}
}

// The default answer stays lean for every built-in resource type: owners,
// ids, tags and overrides, no catalog text. The bound is on the state value
// as the protocol carries it (MessagePack); with detail the same answer is
// several times larger.
func TestResponsibilityLeanState(t *testing.T) {
	t.Parallel()
	// Overrides carry their reasons, the one text the default keeps.
	const bound = 6 << 10
	ds := &responsibilityDataSource{data: testProviderData()}
	size := func(args map[string]tftypes.Value) int {
		st := readResponsibility(t, ds, args)
		dv, err := tfprotov6.NewDynamicValue(st.Raw.Type(), st.Raw)
		if err != nil {
			t.Fatal(err)
		}
		return len(dv.MsgPack)
	}
	largest, largestType := 0, ""
	for _, typ := range srm.MustBuiltin().TypeNames {
		if n := size(map[string]tftypes.Value{"resource_type": tftypes.NewValue(tftypes.String, typ)}); n > largest {
			largest, largestType = n, typ
		}
	}
	t.Logf("largest default answer: %s, %d bytes", largestType, largest)
	if largest > bound {
		t.Errorf("the default answer for %s takes %d bytes of state, more than %d", largestType, largest, bound)
	}
}

// Without resource_type and service_model, the type is read from
// resource_address (root, module, count and for_each addresses), and the
// answer is the one the type gives.
func TestAccResponsibility_typeFromAddress(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
data "srm_responsibility" "inferred" {
  resource_address = "module.media[\"eu\"].aws_lambda_function.resize[0]"
  conditions       = { package_type = "Zip", update_runtime_on = "Auto" }
}
data "srm_responsibility" "explicit" {
  resource_type = "aws_lambda_function"
  conditions    = { package_type = "Zip", update_runtime_on = "Auto" }
}
data "srm_assessment" "inferred" {
  resources = {
    "module.logs.aws_s3_bucket.archive" = {}
    "aws_instance.web[1]"               = { conditions = {} }
  }
}
output "same_obligations" {
  value = data.srm_responsibility.inferred.customer_obligation_ids == data.srm_responsibility.explicit.customer_obligation_ids
}
`,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.srm_responsibility.inferred", tfjsonpath.New("service_model"), knownvalue.StringExact("faas")),
				statecheck.ExpectKnownValue("data.srm_responsibility.inferred", tfjsonpath.New("component_owners").AtMapKey("operating_system"), knownvalue.StringExact("provider")),
				statecheck.ExpectKnownValue("data.srm_responsibility.inferred", tfjsonpath.New("resource_type"), knownvalue.Null()),
				statecheck.ExpectKnownOutputValue("same_obligations", knownvalue.Bool(true)),
				statecheck.ExpectKnownValue("data.srm_assessment.inferred", tfjsonpath.New("results").AtMapKey("module.logs.aws_s3_bucket.archive").AtMapKey("service_model"), knownvalue.StringExact("saas")),
				statecheck.ExpectKnownValue("data.srm_assessment.inferred", tfjsonpath.New("results").AtMapKey("aws_instance.web[1]").AtMapKey("service_model"), knownvalue.StringExact("iaas")),
			},
		}},
	})
}

func TestAccResponsibility_typeFromAddressErrors(t *testing.T) {
	cases := map[string]struct{ config, err string }{
		"a module address": {`data "srm_responsibility" "x" { resource_address = "module.payments" }`, `Resource type not given.*set the resource type`},
		"an unknown type": {`data "srm_responsibility" "x" { resource_address = "aws_dbinstance.orders" }`,
			`Unknown resource type in the address.*aws_dbinstance.orders names the resource type "aws_dbinstance".*Did you mean "aws_db_instance"`},
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
