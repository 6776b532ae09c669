// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"os"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// directSamples are meaningful values of each argument of
// srm_responsibility, beside the null, unknown and generated values every
// argument gets: valid ones (which the direct read answers) and invalid ones
// (which it leaves to the framework). A new argument without samples fails
// TestDirectReadMatchesFramework until it has some.
func directSamples(t *testing.T, typ tftypes.Object) map[string][]tftypes.Value {
	t.Helper()
	list, ok := typ.AttributeTypes["acceptances"].(tftypes.List)
	if !ok {
		t.Fatal("acceptances is not a list")
	}
	recType, ok := list.ElementType.(tftypes.Object)
	if !ok {
		t.Fatal("an acceptance is not an object")
	}
	strList := func(items ...string) tftypes.Value {
		vals := make([]tftypes.Value, len(items))
		for i, s := range items {
			vals[i] = tfString(s)
		}
		return tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, vals)
	}
	record := func(attrs map[string]tftypes.Value) tftypes.Value { return object(recType, attrs) }
	records := func(rs ...tftypes.Value) tftypes.Value { return tftypes.NewValue(list, rs) }
	return map[string][]tftypes.Value{
		"resource_type":    {tfString("aws_db_instance"), tfString("aws_lambda_function"), tfString("aws_dbinstance")},
		"service_model":    {tfString("paas"), tfString("serverless")},
		"resource_address": {tfString("aws_db_instance.orders"), tfString("module.media[\"eu\"].aws_lambda_function.resize[0]"), tfString("module.payments")},
		"conditions": {tfStringMap(map[string]string{"engine": "postgres"}), tfStringMap(map[string]string{"package_type": "Image"}),
			tfStringMap(map[string]string{"engin": "postgres"}), tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, map[string]tftypes.Value{"engine": tftypes.NewValue(tftypes.String, nil)})},
		"agreement":            {tfString("managed-firewall"), tfString("none")},
		"accepted_obligations": {tfStringSet("data_protection.encrypt_at_rest"), tfStringSet("data_protection.encrypt_at_rest", "runtime.patch"), tfStringSet()},
		"acceptances": {
			records(record(map[string]tftypes.Value{"resource_address": tfString("aws_db_instance.orders"), "accepted_by": tfString("team-data"),
				"accepted_obligations": strList("data_protection.encrypt_at_rest"), "review_by": tfString("2027-06-30")})),
			records(record(map[string]tftypes.Value{"scope": tfStringSet("module.*"), "accepted_by": tfString("team-platform"),
				"accepted_obligations": strList("data_protection.back_up_data")}),
				record(map[string]tftypes.Value{"resource_address": tfString("aws_db_instance.orders"), "accepted_by": tfString("team-old"),
					"accepted_obligations": strList("data_protection.back_up_data"), "expired": tftypes.NewValue(tftypes.Bool, true)})),
			records(),
		},
	}
}

// directConfigs generates srm_responsibility configurations from the
// schema: base configurations, each argument set to each of its values
// (null, unknown, generated, and its samples) over each base, and every pair
// of arguments set to a sample together.
func directConfigs(t *testing.T, typ tftypes.Object, arguments []string) []map[string]tftypes.Value {
	t.Helper()
	samples := directSamples(t, typ)
	bases := []map[string]tftypes.Value{
		{"resource_type": tfString("aws_db_instance"), "resource_address": tfString("aws_db_instance.orders")},
		{"service_model": tfString("paas")},
		{"resource_address": tfString("module.x.aws_lambda_function.resize")},
	}
	with := func(base map[string]tftypes.Value, kv map[string]tftypes.Value) map[string]tftypes.Value {
		out := map[string]tftypes.Value{}
		for k, v := range base {
			out[k] = v
		}
		for k, v := range kv {
			out[k] = v
		}
		return out
	}
	configs := slices.Clone(bases)
	for _, name := range arguments {
		at := typ.AttributeTypes[name]
		values := append([]tftypes.Value{tftypes.NewValue(at, nil), tftypes.NewValue(at, tftypes.UnknownValue), generatedValue(at)}, samples[name]...)
		if len(samples[name]) == 0 {
			t.Errorf("argument %s has no samples in directSamples: add valid and invalid values of it", name)
		}
		for _, base := range bases {
			for _, v := range values {
				configs = append(configs, with(base, map[string]tftypes.Value{name: v}))
			}
		}
	}
	for i, a := range arguments {
		for _, b := range arguments[i+1:] {
			if len(samples[a]) > 0 && len(samples[b]) > 0 {
				configs = append(configs, with(bases[0], map[string]tftypes.Value{a: samples[a][0], b: samples[b][0]}))
			}
		}
	}
	return configs
}

// The direct read answers exactly as the framework does wherever it answers,
// over a corpus generated from the schema, with the built-in catalog and
// with an agreement, a custom catalog and a tag prefix; and it does answer
// the common cases, with every argument set.
func TestDirectReadMatchesFramework(t *testing.T) {
	ctx := context.Background()
	sresp, typ := responsibilitySchema(t)
	var arguments []string
	for name, a := range sresp.Schema.Attributes {
		if a.IsOptional() || a.IsRequired() {
			arguments = append(arguments, name)
		}
	}
	sort.Strings(arguments)
	configs := directConfigs(t, typ, arguments)
	schemas, err := ProtocolServer(New("test")())().GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	settings := map[string]map[string]tftypes.Value{
		"built-in": nil,
		"settings": {"agreement": firewallAgreement(t, schemas.Provider), "tag_prefix": tfString("own"), "catalog": tfString(`{"catalog_version": "acme.1", "resource_types": {"acme_queue": {"service_model": "saas", "class": "messaging", "focus": ["data_access"], "source": "aws-srm"}}}`)},
	}
	answered := map[string]int{}
	total := 0
	for setting, attrs := range settings {
		s, ok := configuredServer(t, attrs).(*detachedServer)
		if !ok {
			t.Fatal("not the detached server")
		}
		direct := s.direct[responsibilityTypeName]
		schema := dataSourceSchema(t, s, responsibilityTypeName)
		for _, cfg := range configs {
			req := &tfprotov6.ReadDataSourceRequest{TypeName: responsibilityTypeName, Config: dynamicValue(t, schema, cfg)}
			fresp, err := s.frameworkServer.ReadDataSource(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			dresp := direct.read(ctx, req)
			total++
			if dresp == nil {
				continue
			}
			name := setting + " " + describe(cfg)
			if len(fresp.Diagnostics) > 0 {
				t.Errorf("%s: read directly, but the framework reports:%s", name, diagText(fresp.Diagnostics))
				continue
			}
			fstate, ferr := fresp.State.Unmarshal(typ)
			dstate, derr := dresp.State.Unmarshal(typ)
			if ferr != nil || derr != nil {
				t.Fatalf("%s: %v %v", name, ferr, derr)
			}
			if !fstate.Equal(dstate) {
				t.Errorf("%s: the states differ:\nframework %s\ndirect    %s", name, fstate, dstate)
			}
			for k, v := range cfg {
				if !v.IsNull() {
					answered[k]++
				}
			}
			answered[""]++
		}
	}
	t.Logf("%d reads, %d answered directly", total, answered[""])
	if answered[""] < total/3 {
		t.Errorf("only %d of %d reads answered directly", answered[""], total)
	}
	for _, name := range arguments {
		if answered[name] == 0 {
			t.Errorf("no read with %s set was answered directly: the corpus does not exercise it", name)
		}
	}
}

func describe(cfg map[string]tftypes.Value) string {
	keys := make([]string, 0, len(cfg))
	for k, v := range cfg {
		keys = append(keys, k+"="+v.String())
	}
	sort.Strings(keys)
	return strings.Join(keys, " ")
}

// The direct read leaves to the framework what only the framework can
// answer: a provider not configured yet, or configured with a setting
// unknown during plan (the framework defers the read or fails it).
func TestDirectReadLeavesToFramework(t *testing.T) {
	ctx := context.Background()
	p := New("test")()
	s, ok := ProtocolServer(p)().(*detachedServer)
	if !ok {
		t.Fatal("not the detached server")
	}
	schema := dataSourceSchema(t, s, responsibilityTypeName)
	req := &tfprotov6.ReadDataSourceRequest{TypeName: responsibilityTypeName,
		Config: dynamicValue(t, schema, map[string]tftypes.Value{"service_model": tfString("iaas")})}
	if s.direct[responsibilityTypeName].read(ctx, req) != nil {
		t.Error("read directly before the provider was configured")
	}
	schemas, err := s.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	unknown := dynamicValue(t, schemas.Provider, map[string]tftypes.Value{"tag_prefix": tftypes.NewValue(tftypes.String, tftypes.UnknownValue)})
	if _, err := s.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: unknown}); err != nil {
		t.Fatal(err)
	}
	if s.direct[responsibilityTypeName].read(ctx, req) != nil {
		t.Error("read directly with a provider setting unknown")
	}
	configured, ok := configuredServer(t, nil).(*detachedServer)
	if !ok || configured.direct[responsibilityTypeName].read(ctx, req) == nil {
		t.Error("not read directly with the provider configured")
	}
}

// reviewedFramework is the framework release whose ReadDataSource the direct
// read was last checked against (internal/fwserver/server_readdatasource.go:
// decode the configuration, Read, semantic equality, null collection blocks,
// encode the state). A dependency update fails TestDirectReadReviewed until
// someone checks that the framework's read still does nothing more for
// srm_responsibility's schema, then updates these versions.
const (
	reviewedFramework = "github.com/hashicorp/terraform-plugin-framework v1.19.0"
	reviewedPluginGo  = "github.com/hashicorp/terraform-plugin-go v0.31.0"
)

// The direct read skips the framework's semantic-equality pass and its
// null-block handling, and it calls respond, not the data source's Read.
// Anything that would make those matter fails here: a framework or
// plugin-go release other than the one reviewed, a type with semantic
// equality, a block, an optional data-source interface or an attribute
// validator the direct read was not reviewed with.
func TestDirectReadReviewed(t *testing.T) {
	gomod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []string{reviewedFramework, reviewedPluginGo} {
		if !regexp.MustCompile(`(?m)^\s*` + regexp.QuoteMeta(v) + `\s*$`).Match(gomod) {
			t.Errorf("go.mod does not require %s: check that the framework's ReadDataSource still does nothing more for "+
				"srm_responsibility than the direct read does (server_read_direct.go), run TestDirectReadMatchesFramework, then update reviewedFramework/reviewedPluginGo", v)
		}
	}
	ctx := context.Background()
	ds := NewResponsibilityDataSource()
	var sresp datasource.SchemaResponse
	ds.Schema(ctx, datasource.SchemaRequest{}, &sresp)
	if hasSemanticEquality(ctx, sresp.Schema.Type()) {
		t.Error("srm_responsibility has a type with semantic equality, whose pass the direct read skips")
	}
	if len(sresp.Schema.Blocks) > 0 {
		t.Error("srm_responsibility has blocks, whose null handling the direct read skips")
	}
	for name, a := range sresp.Schema.Attributes {
		if hasValidators(a) {
			t.Errorf("%s has validators: the framework runs them at validation, before the read; check that the direct read's "+
				"answer for values they reject cannot matter, then allow them here", name)
		}
	}
	optional := map[string]bool{}
	for name, iface := range map[string]reflect.Type{
		"Configure":        reflect.TypeFor[datasource.DataSourceWithConfigure](),
		"ConfigValidators": reflect.TypeFor[datasource.DataSourceWithConfigValidators](),
		"ValidateConfig":   reflect.TypeFor[datasource.DataSourceWithValidateConfig](),
	} {
		optional[name] = reflect.TypeOf(ds).Implements(iface)
	}
	if want := map[string]bool{"Configure": true, "ConfigValidators": true, "ValidateConfig": false}; !reflect.DeepEqual(optional, want) {
		t.Errorf("srm_responsibility implements %v, reviewed with %v: check the direct read against the framework's handling of the change", optional, want)
	}
}

// hasValidators reports whether v has validators of any kind: each schema
// type has its own method (StringValidators, ObjectValidators, ...), found
// by name so that a kind added later is not missed.
func hasValidators(v any) bool {
	rv := reflect.ValueOf(v)
	t := rv.Type()
	for i := range t.NumMethod() {
		m := t.Method(i)
		if strings.HasSuffix(m.Name, "Validators") && m.Type.NumIn() == 1 && m.Type.NumOut() == 1 &&
			m.Type.Out(0).Kind() == reflect.Slice && rv.Method(i).Call(nil)[0].Len() > 0 {
			return true
		}
	}
	return false
}

// hasSemanticEquality reports whether values of t, or of a type nested in
// it, have semantic equality (StringSemanticEquals, ListSemanticEquals, ...).
func hasSemanticEquality(ctx context.Context, t attr.Type) bool {
	vt := reflect.TypeOf(t.ValueType(ctx))
	for i := range vt.NumMethod() {
		if strings.HasSuffix(vt.Method(i).Name, "SemanticEquals") {
			return true
		}
	}
	switch t := t.(type) {
	case attr.TypeWithElementType:
		return hasSemanticEquality(ctx, t.ElementType())
	case attr.TypeWithAttributeTypes:
		for _, at := range t.AttributeTypes() {
			if hasSemanticEquality(ctx, at) {
				return true
			}
		}
	}
	return false
}

// BenchmarkPlanCalls measures the two calls Terraform makes per
// srm_responsibility instance of a plan, validation then read: through the
// framework, and with the direct read.
func BenchmarkPlanCalls(b *testing.B) {
	ctx := context.Background()
	s, ok := configuredServer(b, nil).(*detachedServer)
	if !ok {
		b.Fatal("not the detached server")
	}
	config := dynamicValue(b, dataSourceSchema(b, s, responsibilityTypeName), map[string]tftypes.Value{
		"resource_type": tfString("aws_db_instance"), "resource_address": tfString("aws_db_instance.orders"),
	})
	vreq := &tfprotov6.ValidateDataResourceConfigRequest{TypeName: responsibilityTypeName, Config: config}
	rreq := &tfprotov6.ReadDataSourceRequest{TypeName: responsibilityTypeName, Config: config}
	for _, direct := range []bool{false, true} {
		name := map[bool]string{false: "framework", true: "direct_read"}[direct]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.ValidateDataResourceConfig(ctx, vreq); err != nil {
					b.Fatal(err)
				}
				if direct {
					if s.direct[responsibilityTypeName].read(ctx, rreq) == nil {
						b.Fatal("not read directly")
					}
				} else if _, err := s.frameworkServer.ReadDataSource(ctx, rreq); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
