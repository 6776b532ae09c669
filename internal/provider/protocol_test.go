// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The protocol-level harness: the provider's protocol server, called as
// Terraform calls it, without a CLI. Tests that need no CLI behaviour
// (plan, apply, state, HCL) use it to run every data source and function.

func tfString(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }

func tfStringSet(ids ...string) tftypes.Value {
	vals := make([]tftypes.Value, len(ids))
	for i, id := range ids {
		vals[i] = tfString(id)
	}
	return tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, vals)
}

func tfStringMap(kv map[string]string) tftypes.Value {
	vals := make(map[string]tftypes.Value, len(kv))
	for k, v := range kv {
		vals[k] = tfString(v)
	}
	return tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, vals)
}

// testNow is the clock of the servers configuredServer returns.
var testNow = time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)

// configuredServer returns the provider's protocol server, configured with
// the given provider attributes (tag_prefix, catalog).
func configuredServer(t testing.TB, attrs map[string]tftypes.Value) tfprotov6.ProviderServer {
	t.Helper()
	ctx := context.Background()
	s := ProtocolServer(NewWithClock("test", func() time.Time { return testNow })())()
	schemas, err := s.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := s.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{Config: dynamicValue(t, schemas.Provider, attrs)})
	if err != nil || len(resp.Diagnostics) > 0 {
		t.Fatalf("configuring the provider: %v %s", err, diagText(resp.Diagnostics))
	}
	return s
}

// dataSourceSchema returns a data source's schema as the server gives it
// to Terraform.
func dataSourceSchema(t testing.TB, s tfprotov6.ProviderServer, name string) *tfprotov6.Schema {
	t.Helper()
	schemas, err := s.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || schemas.DataSourceSchemas[name] == nil {
		t.Fatalf("no schema of %s: %v", name, err)
	}
	return schemas.DataSourceSchemas[name]
}

// readDataSource validates and reads a data source as Terraform does during
// plan, and returns the state (null when there is none) and every
// diagnostic of both calls.
func readDataSource(t testing.TB, s tfprotov6.ProviderServer, name string, attrs map[string]tftypes.Value) (tftypes.Value, []*tfprotov6.Diagnostic) {
	t.Helper()
	ctx := context.Background()
	schema := dataSourceSchema(t, s, name)
	config := dynamicValue(t, schema, attrs)
	vresp, err := s.ValidateDataResourceConfig(ctx, &tfprotov6.ValidateDataResourceConfigRequest{TypeName: name, Config: config})
	if err != nil {
		t.Fatal(err)
	}
	if hasError(vresp.Diagnostics) {
		return tftypes.NewValue(schema.ValueType(), nil), vresp.Diagnostics
	}
	rresp, err := s.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: name, Config: config})
	if err != nil {
		t.Fatal(err)
	}
	diags := append(vresp.Diagnostics, rresp.Diagnostics...)
	if rresp.State == nil {
		return tftypes.NewValue(schema.ValueType(), nil), diags
	}
	state, err := rresp.State.Unmarshal(schema.ValueType())
	if err != nil {
		t.Fatal(err)
	}
	return state, diags
}

// mustRead is readDataSource for a configuration that must read without
// an error.
func mustRead(t testing.TB, s tfprotov6.ProviderServer, name string, attrs map[string]tftypes.Value) map[string]tftypes.Value {
	t.Helper()
	state, diags := readDataSource(t, s, name, attrs)
	if hasError(diags) {
		t.Fatalf("reading %s: %s", name, diagText(diags))
	}
	var out map[string]tftypes.Value
	if err := state.As(&out); err != nil {
		t.Fatal(err)
	}
	return out
}

// callFunction calls a provider function with arguments.
func callFunction(t testing.TB, s tfprotov6.ProviderServer, name string, args ...tftypes.Value) (tftypes.Value, *tfprotov6.FunctionError) {
	t.Helper()
	ctx := context.Background()
	fns, err := s.GetFunctions(ctx, &tfprotov6.GetFunctionsRequest{})
	if err != nil || fns.Functions[name] == nil {
		t.Fatalf("no function %s: %v", name, err)
	}
	fn := fns.Functions[name]
	dvs := make([]*tfprotov6.DynamicValue, len(args))
	for i, a := range args {
		typ := fn.VariadicParameter
		if i < len(fn.Parameters) {
			typ = fn.Parameters[i]
		}
		dv, err := tfprotov6.NewDynamicValue(typ.Type, a)
		if err != nil {
			t.Fatal(err)
		}
		dvs[i] = &dv
	}
	resp, err := s.CallFunction(ctx, &tfprotov6.CallFunctionRequest{Name: name, Arguments: dvs})
	if err != nil {
		t.Fatal(err)
	}
	if resp.Error != nil {
		return tftypes.Value{}, resp.Error
	}
	v, err := resp.Result.Unmarshal(fn.Return.Type)
	if err != nil {
		t.Fatal(err)
	}
	return v, nil
}

func hasError(diags []*tfprotov6.Diagnostic) bool {
	for _, d := range diags {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return true
		}
	}
	return false
}

// diagText renders diagnostics for failure messages: severity, attribute
// path, summary and detail of each.
func diagText(diags []*tfprotov6.Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString("\n  " + d.Severity.String())
		if d.Attribute != nil {
			b.WriteString(" at " + d.Attribute.String())
		}
		b.WriteString(": " + d.Summary + ": " + d.Detail)
	}
	return b.String()
}

// stringsOf returns the strings of a known list or set of strings.
func stringsOf(t testing.TB, v tftypes.Value) []string {
	t.Helper()
	var elems []tftypes.Value
	if err := v.As(&elems); err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(elems))
	for i, e := range elems {
		if err := e.As(&out[i]); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// stringMapOf returns the strings of a known map of strings.
func stringMapOf(t testing.TB, v tftypes.Value) map[string]string {
	t.Helper()
	var elems map[string]tftypes.Value
	if err := v.As(&elems); err != nil {
		t.Fatal(err)
	}
	out := make(map[string]string, len(elems))
	for k, e := range elems {
		var s string
		if err := e.As(&s); err != nil {
			t.Fatal(err)
		}
		out[k] = s
	}
	return out
}

// typeOf asserts that v is a T, and fails the test with msg otherwise.
func typeOf[T any](t testing.TB, v any, msg string) T {
	t.Helper()
	x, ok := v.(T)
	if !ok {
		t.Fatalf("%s (%T)", msg, v)
	}
	return x
}
