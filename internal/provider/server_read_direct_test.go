// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func tfString(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }

func tfStringSet(ids ...string) tftypes.Value {
	vals := make([]tftypes.Value, len(ids))
	for i, id := range ids {
		vals[i] = tfString(id)
	}
	return tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, vals)
}

// configuredServer returns the provider's protocol server, configured with
// the given provider attributes (tag_prefix, catalog).
func configuredServer(t testing.TB, attrs map[string]tftypes.Value) *detachedServer {
	t.Helper()
	ctx := context.Background()
	s, ok := ProtocolServer(NewWithClock("test", func() time.Time { return time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC) })())().(*detachedServer)
	if !ok {
		t.Fatal("ProtocolServer does not return the detached server")
	}
	schemas, err := s.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := s.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: dynamicValue(t, schemas.Provider, attrs)})
	if err != nil || len(resp.Diagnostics) > 0 {
		t.Fatalf("configuring the provider: %v %v", err, resp.Diagnostics)
	}
	return s
}

// responsibilityProtoSchema returns srm_responsibility's schema as the
// server gives it to Terraform.
func responsibilityProtoSchema(t testing.TB, s tfprotov6.ProviderServer) *tfprotov6.Schema {
	t.Helper()
	schemas, err := s.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || schemas.DataSourceSchemas[responsibilityTypeName] == nil {
		t.Fatalf("no schema of %s: %v", responsibilityTypeName, err)
	}
	return schemas.DataSourceSchemas[responsibilityTypeName]
}

// directCase is one srm_responsibility configuration, and whether the
// direct calls answer it (false: the framework does, with diagnostics).
type directCase struct {
	name           string
	attrs          map[string]tftypes.Value
	validateDirect bool
	readDirect     bool
}

func directCases() []directCase {
	acceptances := acceptancesType.TerraformType(context.Background())
	record := func(attrs map[string]tftypes.Value) tftypes.Value {
		lt, ok := acceptances.(tftypes.List)
		if !ok {
			panic("acceptances is not a list")
		}
		ot, ok := lt.ElementType.(tftypes.Object)
		if !ok {
			panic("acceptances is not a list of objects")
		}
		return tftypes.NewValue(acceptances, []tftypes.Value{object(ot, attrs)})
	}
	addr := tfString("module.orders.aws_db_instance.main")
	return []directCase{
		{"type", map[string]tftypes.Value{"resource_type": tfString("aws_db_instance"), "resource_address": addr}, true, true},
		{"address only", map[string]tftypes.Value{"resource_address": addr}, true, true},
		{"model only", map[string]tftypes.Value{"service_model": tfString("saas")}, true, true},
		{"conditions", map[string]tftypes.Value{"resource_type": tfString("aws_db_instance"), "conditions": tftypes.NewValue(
			tftypes.Map{ElementType: tftypes.String}, map[string]tftypes.Value{"engine": tfString("postgres"), "auto_minor_version_upgrade": tfString("true")})}, true, true},
		{"accepted", map[string]tftypes.Value{"resource_type": tfString("aws_vpc"), "accepted_obligations": tfStringSet("network_controls.restrict_ingress")}, true, true},
		{"detail", map[string]tftypes.Value{"resource_type": tfString("aws_s3_bucket"), "detail": tftypes.NewValue(tftypes.Bool, true)}, true, true},
		{"frameworks", map[string]tftypes.Value{"resource_type": tfString("aws_s3_bucket"), "frameworks": tfStringSet("nist_800_53_r5")}, true, true},
		{"acceptances", map[string]tftypes.Value{"resource_type": tfString("aws_db_instance"), "resource_address": addr, "acceptances": record(map[string]tftypes.Value{
			"accepted_by": tfString("team-data"), "scope": tfStringSet("module.orders.*"), "obligations": tfStringSet("*"),
			"accepted_obligations": tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, []tftypes.Value{tfString("data_protection.back_up_data")}),
			"expired":              tftypes.NewValue(tftypes.Bool, false)})}, true, true},
		{"service only", map[string]tftypes.Value{"resource_type": tfString("aws_sagemaker_notebook_instance")}, true, true},
		{"azapi", map[string]tftypes.Value{"resource_type": tfString("azapi_resource"), "conditions": tftypes.NewValue(
			tftypes.Map{ElementType: tftypes.String}, map[string]tftypes.Value{"type": tfString("Microsoft.Sql/servers@2023-08-01")})}, true, true},
		// Diagnostics: the framework reports them.
		{"unknown type", map[string]tftypes.Value{"resource_type": tfString("aws_no_such_thing_at_all")}, true, false},
		{"misspelt type (warning)", map[string]tftypes.Value{"resource_type": tfString("aws_db_instanse")}, true, false},
		{"accepted not an obligation", map[string]tftypes.Value{"resource_type": tfString("aws_vpc"), "accepted_obligations": tfStringSet("no.such")}, true, false},
		{"unknown condition", map[string]tftypes.Value{"resource_type": tfString("aws_db_instance"), "conditions": tftypes.NewValue(
			tftypes.Map{ElementType: tftypes.String}, map[string]tftypes.Value{"colour": tfString("blue")})}, true, false},
		{"agreement not configured", map[string]tftypes.Value{"resource_type": tfString("aws_vpc"), "agreement": tfString("none")}, true, false},
		{"unknown framework", map[string]tftypes.Value{"resource_type": tfString("aws_vpc"), "frameworks": tfStringSet("no_such_framework")}, true, false},
		{"type and model", map[string]tftypes.Value{"resource_type": tfString("aws_vpc"), "service_model": tfString("iaas")}, false, false},
		{"nothing", nil, false, false},
		{"address without type", map[string]tftypes.Value{"resource_address": tfString("var.x")}, true, false},
		{"unknown value", map[string]tftypes.Value{"resource_type": tftypes.NewValue(tftypes.String, tftypes.UnknownValue)}, true, false},
		{"computed attribute set", map[string]tftypes.Value{"resource_type": tfString("aws_vpc"), "basis": tfString("type")}, false, true},
	}
}

// TestDirectCallsMatchFramework runs every case through the direct calls
// and through the framework: where the direct calls answer, the framework
// must give the same answer; and they must answer the common cases, or
// the shortcut would be dead code.
func TestDirectCallsMatchFramework(t *testing.T) {
	ctx := context.Background()
	for _, settings := range []map[string]tftypes.Value{nil, {"tag_prefix": tfString("team")}} {
		s := configuredServer(t, settings)
		typ := directResponsibility().typ
		for _, c := range directCases() {
			config := dynamicValue(t, responsibilityProtoSchema(t, s), c.attrs)

			vreq := &tfprotov6.ValidateDataResourceConfigRequest{TypeName: responsibilityTypeName, Config: config}
			fv, err := s.frameworkServer.ValidateDataResourceConfig(ctx, vreq)
			if err != nil {
				t.Fatal(err)
			}
			dv := validateDirect(ctx, vreq)
			if (dv != nil) != c.validateDirect {
				t.Errorf("%s: validated directly: %t, want %t (framework: %v)", c.name, dv != nil, c.validateDirect, fv.Diagnostics)
			}
			if dv != nil && len(fv.Diagnostics) > 0 {
				t.Errorf("%s: validated directly, but the framework reports %v", c.name, fv.Diagnostics)
			}

			rreq := &tfprotov6.ReadDataSourceRequest{TypeName: responsibilityTypeName, Config: config}
			fr, err := s.frameworkServer.ReadDataSource(ctx, rreq)
			if err != nil {
				t.Fatal(err)
			}
			dr := s.readDirect(ctx, rreq)
			if (dr != nil) != c.readDirect {
				t.Errorf("%s: read directly: %t, want %t (framework: %v)", c.name, dr != nil, c.readDirect, fr.Diagnostics)
			}
			if dr == nil {
				continue
			}
			if len(fr.Diagnostics) > 0 || fr.Deferred != nil {
				t.Errorf("%s: read directly, but the framework reports %v (deferred %v)", c.name, fr.Diagnostics, fr.Deferred)
				continue
			}
			want, err := fr.State.Unmarshal(typ)
			if err != nil {
				t.Fatal(err)
			}
			// readDirect encodes the state itself: decoding it checks the
			// encoding too (byte for byte it may differ: tftypes writes map
			// entries in Go's map order).
			got, err := dr.State.Unmarshal(typ)
			if err != nil {
				t.Fatal(err)
			}
			if diffs, err := want.Diff(got); err != nil || len(diffs) > 0 {
				t.Errorf("%s: the direct state differs from the framework's: %v %v", c.name, err, diffs)
			}
		}
	}
}

// TestReadDirectLeavesUnconfiguredToFramework: without a configured
// provider, or with a setting unknown during plan, the framework answers
// (an unconfigured provider's null state, a deferral or an error).
func TestReadDirectLeavesUnconfiguredToFramework(t *testing.T) {
	ctx := context.Background()
	s, ok := ProtocolServer(New("test")())().(*detachedServer)
	if !ok {
		t.Fatal("ProtocolServer does not return the detached server")
	}
	req := &tfprotov6.ReadDataSourceRequest{TypeName: responsibilityTypeName,
		Config: dynamicValue(t, responsibilityProtoSchema(t, s), map[string]tftypes.Value{"resource_type": tfString("aws_vpc")})}
	if s.readDirect(ctx, req) != nil {
		t.Error("read directly before the provider was configured")
	}
	unknown := configuredServer(t, map[string]tftypes.Value{"tag_prefix": tftypes.NewValue(tftypes.String, tftypes.UnknownValue)})
	if unknown.readDirect(ctx, req) != nil {
		t.Error("read directly with a provider setting unknown")
	}
	if configuredServer(t, nil).readDirect(ctx, req) == nil {
		t.Error("not read directly with the provider configured")
	}
}

// TestPlainAttribute: an attribute is plain only when the framework's
// validation can have nothing to say about any of its values.
func TestPlainAttribute(t *testing.T) {
	nested := func(a schema.Attribute) schema.ListNestedAttribute {
		return schema.ListNestedAttribute{Optional: true, NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{"x": a}}}
	}
	for _, c := range []struct {
		name string
		a    schema.Attribute
		want bool
	}{
		{"optional string", schema.StringAttribute{Optional: true}, true},
		{"optional and computed", schema.StringAttribute{Optional: true, Computed: true}, true},
		{"computed only", schema.StringAttribute{Computed: true}, false},
		{"required", schema.StringAttribute{Required: true}, false},
		{"validators", schema.StringAttribute{Optional: true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)}}, false},
		{"deprecated", schema.StringAttribute{Optional: true, DeprecationMessage: "gone"}, false},
		{"plain nested", nested(schema.StringAttribute{Optional: true}), true},
		{"nested with validators", nested(schema.StringAttribute{Optional: true, Validators: []validator.String{stringvalidator.LengthAtLeast(1)}}), false},
		{"nested required", nested(schema.StringAttribute{Required: true}), false},
		{"nested object validators", schema.ListNestedAttribute{Optional: true, NestedObject: schema.NestedAttributeObject{
			Attributes: map[string]schema.Attribute{"x": schema.StringAttribute{Optional: true}},
			Validators: []validator.Object{objectNeverValid{}}}}, false},
	} {
		if got := plainAttribute(c.a); got != c.want {
			t.Errorf("%s: plain %t, want %t", c.name, got, c.want)
		}
	}
}

type objectNeverValid struct{}

func (objectNeverValid) Description(context.Context) string         { return "never valid" }
func (objectNeverValid) MarkdownDescription(context.Context) string { return "never valid" }
func (objectNeverValid) ValidateObject(_ context.Context, req validator.ObjectRequest, resp *validator.ObjectResponse) {
	resp.Diagnostics.AddAttributeError(req.Path, "never valid", "never valid")
}

// semanticString is a string type whose values have semantic equality, as
// custom types such as timetypes.RFC3339 do.
type semanticString struct{ basetypes.StringType }

func (semanticString) ValueType(context.Context) attr.Value { return semanticStringValue{} }

type semanticStringValue struct{ basetypes.StringValue }

func (semanticStringValue) StringSemanticEquals(context.Context, basetypes.StringValuable) (bool, diag.Diagnostics) {
	return true, nil
}

// TestHasSemanticEquality: a type with semantic equality is found however
// deep it is nested, and srm_responsibility has none (else readDirect
// would never answer, which TestDirectCallsMatchFramework would show).
func TestHasSemanticEquality(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name string
		t    attr.Type
		want bool
	}{
		{"string", types.StringType, false},
		{"semantic string", semanticString{}, true},
		{"list of objects", types.ListType{ElemType: types.ObjectType{AttrTypes: map[string]attr.Type{"a": types.StringType}}}, false},
		{"map of objects with a semantic string", types.MapType{ElemType: types.ObjectType{AttrTypes: map[string]attr.Type{
			"a": types.StringType, "b": types.SetType{ElemType: semanticString{}}}}}, true},
	} {
		if got := hasSemanticEquality(ctx, c.t); got != c.want {
			t.Errorf("%s: %t, want %t", c.name, got, c.want)
		}
	}
	if !directResponsibility().readable {
		t.Error("srm_responsibility has a type with semantic equality: readDirect never answers")
	}
}
