// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// CLI-free reads of every data source and calls of every function through
// the provider's protocol server: each value the provider builds is checked
// against the schema the server announces (a wrong attribute type fails
// here, not as a plugin crash under a CLI), and against the domain's answer.

func TestProtocolResponsibility(t *testing.T) {
	t.Parallel()
	s := configuredServer(t, map[string]tftypes.Value{"tag_prefix": tfString("own")})
	got := mustRead(t, s, responsibilityTypeName, map[string]tftypes.Value{
		"resource_type":        tfString("aws_db_instance"),
		"resource_address":     tfString("aws_db_instance.orders"),
		"conditions":           tfStringMap(map[string]string{"engine": "postgres"}),
		"accepted_obligations": tfStringSet("data_protection.encrypt_at_rest"),
	})
	want, err := builtinEngine().Resolve(srm.Request{ResourceType: "aws_db_instance", Conditions: map[string]string{"engine": "postgres"},
		Accepted: []string{"data_protection.encrypt_at_rest"}})
	if err != nil {
		t.Fatal(err)
	}
	var model string
	if err := got["service_model"].As(&model); err != nil || model != "paas" {
		t.Errorf("service_model = %q (%v), want paas", model, err)
	}
	if ids := stringsOf(t, got["customer_obligation_ids"]); !slices.Equal(ids, want.CustomerObligationIDs()) {
		t.Errorf("customer_obligation_ids = %v, want %v", ids, want.CustomerObligationIDs())
	}
	unaccepted := stringsOf(t, got["unaccepted_obligations"])
	if !slices.Equal(unaccepted, want.UnacceptedIDs()) || slices.Contains(unaccepted, "data_protection.encrypt_at_rest") {
		t.Errorf("unaccepted_obligations = %v, want %v", unaccepted, want.UnacceptedIDs())
	}
	if tags := stringMapOf(t, got["tags"]); tags["own-service-model"] != "paas" || len(tags) != len(want.Tags("own")) {
		t.Errorf("tags = %v, want %v", tags, want.Tags("own"))
	}
	if owners := stringMapOf(t, got["component_owners"]); owners["operating_system"] != "provider" || owners["data_protection"] != "customer" {
		t.Errorf("component_owners = %v", owners)
	}
	if !got["accepted_by"].IsNull() {
		t.Errorf("accepted_by = %v without acceptances, want null", got["accepted_by"])
	}
}

// Errors land on the argument that caused them, with the message the user
// needs.
func TestProtocolResponsibilityErrors(t *testing.T) {
	t.Parallel()
	s := configuredServer(t, nil)
	for name, c := range map[string]struct {
		attrs   map[string]tftypes.Value
		at, msg string
	}{
		"neither":           {map[string]tftypes.Value{}, "", `At least one of these attributes must be configured`},
		"both":              {map[string]tftypes.Value{"resource_type": tfString("aws_vpc"), "service_model": tfString("iaas")}, "resource_type", `cannot be configured together`},
		"unknown type":      {map[string]tftypes.Value{"resource_type": tfString("aws_dbinstance")}, "resource_type", `Did you mean "aws_db_instance"`},
		"unknown condition": {map[string]tftypes.Value{"resource_type": tfString("aws_db_instance"), "conditions": tfStringMap(map[string]string{"engin": "x"})}, "conditions", `engine`},
		"not an obligation": {map[string]tftypes.Value{"resource_type": tfString("aws_vpc"), "accepted_obligations": tfStringSet("runtime.patch")}, "accepted_obligations", `runtime.patch`},
		"no agreement":      {map[string]tftypes.Value{"resource_type": tfString("aws_vpc"), "agreement": tfString("none")}, "agreement", `none`},
		"module address":    {map[string]tftypes.Value{"resource_address": tfString("module.payments")}, "resource_address", `set the resource type`},
	} {
		_, diags := readDataSource(t, s, responsibilityTypeName, c.attrs)
		if !hasError(diags) {
			t.Errorf("%s: no error", name)
			continue
		}
		text := diagText(diags)
		if !regexp.MustCompile(c.msg).MatchString(text) {
			t.Errorf("%s: %s, want %q", name, text, c.msg)
		}
		if c.at != "" && !strings.Contains(text, `AttributeName("`+c.at+`")`) {
			t.Errorf("%s: %s, want the error on %s", name, text, c.at)
		}
	}
}

func TestProtocolResponsibilityDetail(t *testing.T) {
	t.Parallel()
	s := configuredServer(t, nil)
	got := mustRead(t, s, "srm_responsibility_detail", map[string]tftypes.Value{
		"resource_type": tfString("aws_db_instance"),
		"frameworks":    tfStringSet("nist_800_53_r5"),
	})
	want, err := builtinEngine().Resolve(srm.Request{ResourceType: "aws_db_instance"})
	if err != nil {
		t.Fatal(err)
	}
	var obligations []tftypes.Value
	if err := got["customer_obligations"].As(&obligations); err != nil || len(obligations) != len(want.CustomerObligations) {
		t.Fatalf("%d customer_obligations (%v), want %d", len(obligations), err, len(want.CustomerObligations))
	}
	var first map[string]tftypes.Value
	var id, title string
	if err := obligations[0].As(&first); err != nil || first["id"].As(&id) != nil || first["title"].As(&title) != nil {
		t.Fatal("the first obligation is not an object of strings")
	}
	if id != want.CustomerObligations[0].ID || title != want.CustomerObligations[0].Title {
		t.Errorf("first obligation %s %q, want %s %q", id, title, want.CustomerObligations[0].ID, want.CustomerObligations[0].Title)
	}
	var controls map[string]tftypes.Value
	if err := got["controls"].As(&controls); err != nil || len(controls) != 1 || controls["nist_800_53_r5"].IsNull() {
		t.Errorf("controls = %v, want nist_800_53_r5 only", got["controls"])
	}
	var split map[string]tftypes.Value
	if err := controls["nist_800_53_r5"].As(&split); err != nil {
		t.Fatal(err)
	}
	if c := stringsOf(t, split["customer"]); !slices.Equal(c, want.Controls("nist_800_53_r5").Customer) {
		t.Errorf("customer controls %v, want %v", c, want.Controls("nist_800_53_r5").Customer)
	}
	var components, sources []tftypes.Value
	var componentMap map[string]tftypes.Value
	if err := got["components"].As(&componentMap); err != nil || len(componentMap) != len(srm.MustBuiltin().ComponentIDs()) {
		t.Errorf("%d components, want %d", len(componentMap), len(srm.MustBuiltin().ComponentIDs()))
	}
	if err := got["provider_responsibilities"].As(&components); err != nil || len(components) == 0 {
		t.Errorf("provider_responsibilities = %v", got["provider_responsibilities"])
	}
	if err := got["sources"].As(&sources); err != nil || len(sources) != len(want.SourceIDs) {
		t.Errorf("%d sources, want %d", len(sources), len(want.SourceIDs))
	}
	_, diags := readDataSource(t, s, "srm_responsibility_detail", map[string]tftypes.Value{
		"service_model": tfString("iaas"), "frameworks": tfStringSet("nist_800_53"),
	})
	if text := diagText(diags); !strings.Contains(text, `did you mean "nist_800_53_r5"`) || !strings.Contains(text, `AttributeName("frameworks")`) {
		t.Errorf("unknown framework: %s", text)
	}
}

func TestProtocolMatrix(t *testing.T) {
	t.Parallel()
	s := configuredServer(t, nil)
	got := mustRead(t, s, "srm_matrix", map[string]tftypes.Value{
		"service_models": tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, []tftypes.Value{tfString("iaas"), tfString("saas")}),
	})
	models, rows, err := builtinEngine().Matrix([]string{"iaas", "saas"}, "")
	if err != nil {
		t.Fatal(err)
	}
	var gotRows []tftypes.Value
	if err := got["rows"].As(&gotRows); err != nil || len(gotRows) != len(rows) {
		t.Fatalf("%d rows (%v), want %d", len(gotRows), err, len(rows))
	}
	for i, r := range gotRows {
		var row map[string]tftypes.Value
		var component string
		if err := r.As(&row); err != nil || row["component"].As(&component) != nil {
			t.Fatal("a row is not an object")
		}
		owners := stringMapOf(t, row["owners"])
		if component != rows[i].Component || owners["iaas"] != string(rows[i].Owners[0]) || owners["saas"] != string(rows[i].Owners[1]) || len(owners) != 2 {
			t.Errorf("row %d: %s %v, want %s %v", i, component, owners, rows[i].Component, rows[i].Owners)
		}
	}
	var markdown string
	if err := got["markdown"].As(&markdown); err != nil || markdown != srm.MatrixMarkdown(models, rows) {
		t.Errorf("markdown differs from the domain's:\n%s", markdown)
	}
	_, diags := readDataSource(t, s, "srm_matrix", map[string]tftypes.Value{
		"service_models": tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, []tftypes.Value{tfString("serverless")}),
	})
	if text := diagText(diags); !strings.Contains(text, "Unknown service model") || !strings.Contains(text, `AttributeName("service_models")`) {
		t.Errorf("unknown model: %s", text)
	}
}

func TestProtocolCatalog(t *testing.T) {
	t.Parallel()
	s := configuredServer(t, nil)
	c := srm.MustBuiltin()
	all := mustRead(t, s, "srm_catalog", nil)
	for name, want := range map[string]int{"service_models": len(c.ServiceModels), "components": len(c.ComponentIDs()), "resource_types": len(c.TypeNames)} {
		var m map[string]tftypes.Value
		if err := all[name].As(&m); err != nil || len(m) != want {
			t.Errorf("%s: %d entries (%v), want %d", name, len(m), err, want)
		}
	}
	var version string
	if err := all["catalog_version"].As(&version); err != nil || version != c.Version {
		t.Errorf("catalog_version = %q, want %q", version, c.Version)
	}
	filtered := mustRead(t, s, "srm_catalog", map[string]tftypes.Value{
		"terraform_provider": tfString("aws"), "service_model": tfString("faas"), "layer": tfString("data"),
		"frameworks": tfStringSet("nist_800_53_r5"),
	})
	var types map[string]tftypes.Value
	if err := filtered["resource_types"].As(&types); err != nil || types["aws_lambda_function"].IsNull() {
		t.Fatalf("aws faas types: %v", filtered["resource_types"])
	}
	for name, v := range types {
		var rt map[string]tftypes.Value
		var model string
		if err := v.As(&rt); err != nil || rt["service_model"].As(&model) != nil || model != "faas" || !strings.HasPrefix(name, "aws_") {
			t.Errorf("%s (%s) passes the aws/faas filter", name, model)
		}
	}
	var obligations map[string]tftypes.Value
	if err := filtered["obligations"].As(&obligations); err != nil || len(obligations) == 0 {
		t.Fatalf("no obligations in the data layer: %v", err)
	}
	for id := range obligations {
		if !strings.HasPrefix(id, "data") {
			t.Errorf("obligation %s passes the data-layer filter", id)
		}
	}
	for name, c := range map[string]struct {
		attrs   map[string]tftypes.Value
		at, msg string
	}{
		"model":     {map[string]tftypes.Value{"service_model": tfString("serverless")}, "service_model", "Unknown service model"},
		"layer":     {map[string]tftypes.Value{"layer": tfString("network")}, "layer", `"network" is not a layer`},
		"provider":  {map[string]tftypes.Value{"terraform_provider": tfString("awz")}, "terraform_provider", `starts with "awz_"`},
		"framework": {map[string]tftypes.Value{"frameworks": tfStringSet("iso27001")}, "frameworks", "Unknown framework"},
	} {
		_, diags := readDataSource(t, s, "srm_catalog", c.attrs)
		if text := diagText(diags); !strings.Contains(text, c.msg) || !strings.Contains(text, `AttributeName("`+c.at+`")`) {
			t.Errorf("%s: %s, want %q on %s", name, text, c.msg, c.at)
		}
	}
}

func TestProtocolAssessment(t *testing.T) {
	t.Parallel()
	s := configuredServer(t, nil)
	schema := dataSourceSchema(t, s, "srm_assessment")
	typ := typeOf[tftypes.Object](t, schema.ValueType(), "srm_assessment's schema is not an object")
	resources := typeOf[tftypes.Map](t, typ.AttributeTypes["resources"], "resources is not a map")
	item := typeOf[tftypes.Object](t, resources.ElementType, "a resource is not an object")
	resource := func(attrs map[string]tftypes.Value) tftypes.Value { return object(item, attrs) }
	items := tftypes.NewValue(resources, map[string]tftypes.Value{
		"aws_db_instance.orders": resource(map[string]tftypes.Value{"type": tfString("aws_db_instance"), "conditions": tfStringMap(map[string]string{"engine": "postgres"})}),
		"aws_instance.web":       resource(map[string]tftypes.Value{"type": tfString("aws_instance")}),
		"module.x.legacy":        resource(map[string]tftypes.Value{"service_model": tfString("on_premises")}),
	})
	accepted := tftypes.NewValue(typ.AttributeTypes["accepted_obligations"], map[string]tftypes.Value{
		"aws_instance.web": tfStringSet("operating_system.patch"),
	})
	got := mustRead(t, s, "srm_assessment", map[string]tftypes.Value{"resources": items, "accepted_obligations": accepted})
	want, err := builtinEngine().Assess(map[string]srm.AssessItem{
		"aws_db_instance.orders": {ResourceType: "aws_db_instance", Conditions: map[string]string{"engine": "postgres"}},
		"aws_instance.web":       {ResourceType: "aws_instance"},
		"module.x.legacy":        {ServiceModel: "on_premises"},
	}, map[string][]string{"aws_instance.web": {"operating_system.patch"}}, "")
	if err != nil {
		t.Fatal(err)
	}
	var unaccepted map[string]tftypes.Value
	if err := got["unaccepted"].As(&unaccepted); err != nil || len(unaccepted) != 3 {
		t.Fatalf("unaccepted = %v (%v)", got["unaccepted"], err)
	}
	for addr, r := range want.Results {
		if ids := stringsOf(t, unaccepted[addr]); !slices.Equal(ids, r.UnacceptedIDs()) {
			t.Errorf("%s: unaccepted %v, want %v", addr, ids, r.UnacceptedIDs())
		}
	}
	if web := stringsOf(t, unaccepted["aws_instance.web"]); slices.Contains(web, "operating_system.patch") {
		t.Errorf("aws_instance.web: the accepted obligation is still unaccepted: %v", web)
	}
	var markdown string
	if err := got["markdown"].As(&markdown); err != nil || !strings.Contains(markdown, "aws_db_instance.orders") {
		t.Errorf("markdown does not name the resources: %q", markdown)
	}
	var oscal string
	if err := got["oscal"].As(&oscal); err != nil || !strings.Contains(oscal, `"system-security-plan"`) {
		t.Errorf("oscal is not an SSP: %.200q", oscal)
	}
	_, diags := readDataSource(t, s, "srm_assessment", map[string]tftypes.Value{"resources": tftypes.NewValue(resources, map[string]tftypes.Value{
		"aws_dbinstance.x": resource(map[string]tftypes.Value{"type": tfString("aws_dbinstance")}),
	})})
	if text := diagText(diags); !strings.Contains(text, `Did you mean "aws_db_instance"`) || !strings.Contains(text, `ElementKeyString("aws_dbinstance.x")`) {
		t.Errorf("unknown type: %s", text)
	}
}

func TestProtocolFunctions(t *testing.T) {
	t.Parallel()
	s := configuredServer(t, nil)
	e := builtinEngine()
	str := func(v tftypes.Value) string {
		var out string
		if err := v.As(&out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	if v, ferr := callFunction(t, s, "service_model", tfString("aws_lambda_function")); ferr != nil || str(v) != "faas" {
		t.Errorf("service_model(aws_lambda_function) = %v, %v", v, ferr)
	}
	if v, ferr := callFunction(t, s, "owner", tfString("paas"), tfString("operating_system")); ferr != nil || str(v) != "provider" {
		t.Errorf("owner(paas, operating_system) = %v, %v", v, ferr)
	}
	if v, ferr := callFunction(t, s, "owner", tfString("iaas"), tfString("platform")); ferr != nil || str(v) != "customer" {
		t.Errorf("owner(iaas, platform) = %v, %v", v, ferr)
	}
	saas, err := e.Resolve(srm.Request{ServiceModel: "saas"})
	if err != nil {
		t.Fatal(err)
	}
	if v, ferr := callFunction(t, s, "customer_obligations", tfString("saas")); ferr != nil || !slices.Equal(stringsOf(t, v), saas.CustomerObligationIDs()) {
		t.Errorf("customer_obligations(saas) = %v, %v; want %v", v, ferr, saas.CustomerObligationIDs())
	}
	ids := saas.CustomerObligationIDs()
	if v, ferr := callFunction(t, s, "unaccepted", tfString("saas"), tfStringSet(ids[0])); ferr != nil || !slices.Equal(stringsOf(t, v), ids[1:]) {
		t.Errorf("unaccepted(saas, [%s]) = %v, %v; want %v", ids[0], v, ferr, ids[1:])
	}
	for name, c := range map[string]struct {
		fn   string
		args []tftypes.Value
		msg  string
	}{
		"unknown type":  {"service_model", []tftypes.Value{tfString("aws_dbinstance")}, `aws_db_instance`},
		"unknown model": {"customer_obligations", []tftypes.Value{tfString("cloud")}, `Unknown service model`},
		"null model":    {"customer_obligations", []tftypes.Value{tftypes.NewValue(tftypes.String, nil)}, `null`},
		"bad component": {"owner", []tftypes.Value{tfString("paas"), tfString("kernel")}, `kernel`},
		"not accepted":  {"unaccepted", []tftypes.Value{tfString("saas"), tfStringSet("runtime.patch")}, `runtime.patch`},
	} {
		_, ferr := callFunction(t, s, c.fn, c.args...)
		if ferr == nil || !strings.Contains(ferr.Text, c.msg) {
			t.Errorf("%s: %v, want an error with %q", name, ferr, c.msg)
		}
	}
}
