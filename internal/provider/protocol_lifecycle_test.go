// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// resourceCalls drives srm_obligation_acceptance through the protocol as a
// CLI does: validate, plan, apply, read, import.
type resourceCalls struct {
	t   *testing.T
	s   tfprotov6.ProviderServer
	typ tftypes.Object
}

const acceptanceTypeName = "srm_obligation_acceptance"

func newResourceCalls(t *testing.T, s tfprotov6.ProviderServer) *resourceCalls {
	t.Helper()
	schemas, err := s.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || schemas.ResourceSchemas[acceptanceTypeName] == nil {
		t.Fatalf("no schema of %s: %v", acceptanceTypeName, err)
	}
	typ := typeOf[tftypes.Object](t, schemas.ResourceSchemas[acceptanceTypeName].ValueType(), "the resource schema is not an object")
	return &resourceCalls{t: t, s: s, typ: typ}
}

func (c *resourceCalls) dv(v tftypes.Value) *tfprotov6.DynamicValue {
	c.t.Helper()
	dv, err := tfprotov6.NewDynamicValue(c.typ, v)
	if err != nil {
		c.t.Fatal(err)
	}
	return &dv
}

func (c *resourceCalls) value(dv *tfprotov6.DynamicValue) tftypes.Value {
	c.t.Helper()
	v, err := dv.Unmarshal(c.typ)
	if err != nil {
		c.t.Fatal(err)
	}
	return v
}

func (c *resourceCalls) null() tftypes.Value { return tftypes.NewValue(c.typ, nil) }

// plan validates config and plans it over prior; it fails the test on an
// error diagnostic.
func (c *resourceCalls) plan(prior, config tftypes.Value) tftypes.Value {
	c.t.Helper()
	ctx := context.Background()
	vresp, err := c.s.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: acceptanceTypeName, Config: c.dv(config)})
	if err != nil || hasError(vresp.Diagnostics) {
		c.t.Fatalf("validate: %v %s", err, diagText(vresp.Diagnostics))
	}
	proposed := config
	if !prior.IsNull() {
		// Terraform proposes the prior state's computed values under the
		// configuration's arguments.
		var p, cfg map[string]tftypes.Value
		if err := prior.As(&p); err != nil || config.As(&cfg) != nil {
			c.t.Fatal("not objects")
		}
		merged := map[string]tftypes.Value{}
		for k, v := range p {
			merged[k] = v
			if !cfg[k].IsNull() {
				merged[k] = cfg[k]
			}
		}
		proposed = tftypes.NewValue(c.typ, merged)
	}
	resp, err := c.s.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: acceptanceTypeName,
		PriorState: c.dv(prior), ProposedNewState: c.dv(proposed), Config: c.dv(config)})
	if err != nil || hasError(resp.Diagnostics) {
		c.t.Fatalf("plan: %v %s", err, diagText(resp.Diagnostics))
	}
	return c.value(resp.PlannedState)
}

func (c *resourceCalls) apply(prior, planned, config tftypes.Value) tftypes.Value {
	c.t.Helper()
	resp, err := c.s.ApplyResourceChange(context.Background(), &tfprotov6.ApplyResourceChangeRequest{TypeName: acceptanceTypeName,
		PriorState: c.dv(prior), PlannedState: c.dv(planned), Config: c.dv(config)})
	if err != nil || hasError(resp.Diagnostics) {
		c.t.Fatalf("apply: %v %s", err, diagText(resp.Diagnostics))
	}
	return c.value(resp.NewState)
}

func (c *resourceCalls) read(state tftypes.Value) tftypes.Value {
	c.t.Helper()
	resp, err := c.s.ReadResource(context.Background(), &tfprotov6.ReadResourceRequest{TypeName: acceptanceTypeName, CurrentState: c.dv(state)})
	if err != nil || hasError(resp.Diagnostics) {
		c.t.Fatalf("read: %v %s", err, diagText(resp.Diagnostics))
	}
	return c.value(resp.NewState)
}

func attrOf(t *testing.T, v tftypes.Value, name string) tftypes.Value {
	t.Helper()
	var m map[string]tftypes.Value
	if err := v.As(&m); err != nil {
		t.Fatal(err)
	}
	return m[name]
}

func strOf(t *testing.T, v tftypes.Value) string {
	t.Helper()
	var s string
	if err := v.As(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// A record's life without a CLI: created, read, refreshed past review_by
// (expired), renewed, imported back from its ID; and what
// srm_responsibility makes of it through acceptances.
func TestProtocolObligationAcceptanceLifecycle(t *testing.T) {
	t.Parallel()
	now := testNow
	p := NewWithClock("test", func() time.Time { return now })()
	s := ProtocolServer(p)()
	schemas, err := s.GetProviderSchema(context.Background(), &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	if resp, err := s.ConfigureProvider(context.Background(), &tfprotov6.ConfigureProviderRequest{Config: dynamicValue(t, schemas.Provider, nil)}); err != nil || hasError(resp.Diagnostics) {
		t.Fatalf("configure: %v", err)
	}
	c := newResourceCalls(t, s)
	config := object(c.typ, map[string]tftypes.Value{
		"resource_address": tfString("aws_db_instance.orders"),
		"resource_type":    tfString("aws_db_instance"),
		"obligations":      tfStringSet("data_protection.*"),
		"accepted_by":      tfString("team-data"),
		"review_by":        tfString("2027-01-31"),
	})
	planned := c.plan(c.null(), config)
	if attrOf(t, planned, "id").IsKnown() {
		t.Error("the planned id of a new record is known")
	}
	state := c.apply(c.null(), planned, config)
	id := strOf(t, attrOf(t, state, "id"))
	if id != "aws_db_instance.orders@2026-11-29T00:00:00Z" {
		t.Errorf("id = %s", id)
	}
	accepted := stringsOf(t, attrOf(t, state, "accepted_obligations"))
	if len(accepted) == 0 || !slices.ContainsFunc(accepted, func(s string) bool { return strings.HasPrefix(s, "data_protection.") }) {
		t.Errorf("accepted_obligations = %v", accepted)
	}
	for _, o := range accepted {
		if !strings.HasPrefix(o, "data_protection.") {
			t.Errorf("%s accepted through data_protection.*", o)
		}
	}
	if got := c.read(state); !got.Equal(state) {
		t.Errorf("a read before review_by changed the state:\n%v\n%v", got, state)
	}

	// srm_responsibility applies the record through acceptances.
	rs := dataSourceSchema(t, s, responsibilityTypeName)
	rtyp := typeOf[tftypes.Object](t, rs.ValueType(), "not an object")
	list := typeOf[tftypes.List](t, rtyp.AttributeTypes["acceptances"], "acceptances is not a list")
	record := recordAs(t, state, list.ElementType)
	read := mustRead(t, s, responsibilityTypeName, map[string]tftypes.Value{
		"resource_address": tfString("aws_db_instance.orders"),
		"acceptances":      tftypes.NewValue(list, []tftypes.Value{record}),
	})
	unaccepted := stringsOf(t, attrOf(t, tftypes.NewValue(rtyp, read), "unaccepted_obligations"))
	for _, o := range accepted {
		if slices.Contains(unaccepted, o) {
			t.Errorf("%s is accepted by the record, yet unaccepted", o)
		}
	}
	if by := stringMapOf(t, read["accepted_by"]); by[accepted[0]] != "team-data" || len(by) != len(accepted) {
		t.Errorf("accepted_by = %v", by)
	}

	// Past review_by a refresh marks the record expired; nothing is accepted.
	now = time.Date(2027, 2, 1, 0, 0, 0, 0, time.UTC)
	expired := c.read(state)
	if !attrOf(t, expired, "expired").Equal(tftypes.NewValue(tftypes.Bool, true)) || len(stringsOf(t, attrOf(t, expired, "accepted_obligations"))) != 0 {
		t.Errorf("after review_by: expired %v, accepted %v", attrOf(t, expired, "expired"), attrOf(t, expired, "accepted_obligations"))
	}
	// Renewing is re-accepting: a later review_by plans a new acceptance.
	renewedConfig := object(c.typ, map[string]tftypes.Value{
		"resource_address": tfString("aws_db_instance.orders"), "resource_type": tfString("aws_db_instance"),
		"obligations": tfStringSet("data_protection.*"), "accepted_by": tfString("team-data"), "review_by": tfString("2027-06-30"),
	})
	renewed := c.apply(expired, c.plan(expired, renewedConfig), renewedConfig)
	if attrOf(t, renewed, "expired").Equal(tftypes.NewValue(tftypes.Bool, true)) || strOf(t, attrOf(t, renewed, "accepted_at")) != "2027-02-01T00:00:00Z" {
		t.Errorf("renewed: expired %v, accepted_at %v", attrOf(t, renewed, "expired"), attrOf(t, renewed, "accepted_at"))
	}

	// Import rebuilds the record's identity from its ID.
	iresp, err := s.ImportResourceState(context.Background(), &tfprotov6.ImportResourceStateRequest{TypeName: acceptanceTypeName, ID: id})
	if err != nil || hasError(iresp.Diagnostics) || len(iresp.ImportedResources) != 1 {
		t.Fatalf("import: %v %s", err, diagText(iresp.Diagnostics))
	}
	imported := c.read(c.value(iresp.ImportedResources[0].State))
	if strOf(t, attrOf(t, imported, "resource_address")) != "aws_db_instance.orders" || strOf(t, attrOf(t, imported, "accepted_at")) != "2026-11-29T00:00:00Z" {
		t.Errorf("imported %v", imported)
	}
	iresp, err = s.ImportResourceState(context.Background(), &tfprotov6.ImportResourceStateRequest{TypeName: acceptanceTypeName, ID: "aws_db_instance.orders"})
	if err != nil || !strings.Contains(diagText(iresp.Diagnostics), "Invalid import ID") {
		t.Errorf("an ID without @: %v %s", err, diagText(iresp.Diagnostics))
	}

	// Destroy: the planned state is null and apply forgets the record.
	dresp, err := s.ApplyResourceChange(context.Background(), &tfprotov6.ApplyResourceChangeRequest{TypeName: acceptanceTypeName,
		PriorState: c.dv(renewed), PlannedState: c.dv(c.null()), Config: c.dv(c.null())})
	if err != nil || hasError(dresp.Diagnostics) || !c.value(dresp.NewState).IsNull() {
		t.Errorf("destroy: %v %s", err, diagText(dresp.Diagnostics))
	}
}

// recordAs converts a record's state to the acceptances element type: the
// same attributes, as `acceptances = [srm_obligation_acceptance.x]` passes
// them.
func recordAs(t *testing.T, state tftypes.Value, elem tftypes.Type) tftypes.Value {
	t.Helper()
	obj := typeOf[tftypes.Object](t, elem, "an acceptance is not an object")
	var attrs map[string]tftypes.Value
	if err := state.As(&attrs); err != nil {
		t.Fatal(err)
	}
	vals := map[string]tftypes.Value{}
	for name, at := range obj.AttributeTypes {
		vals[name] = tftypes.NewValue(at, nil)
		if v, ok := attrs[name]; ok {
			vals[name] = v
		}
	}
	return tftypes.NewValue(obj, vals)
}

// Configuration errors are placed on the argument, and the plan refuses a
// review_by in the past.
func TestProtocolObligationAcceptanceErrors(t *testing.T) {
	t.Parallel()
	s := configuredServer(t, nil)
	c := newResourceCalls(t, s)
	ctx := context.Background()
	for name, tc := range map[string]struct {
		attrs   map[string]tftypes.Value
		at, msg string
	}{
		"no obligation of the type": {map[string]tftypes.Value{"resource_address": tfString("aws_vpc.main"), "resource_type": tfString("aws_vpc"),
			"obligations": tfStringSet("runtime.patch"), "accepted_by": tfString("team")}, "obligations", "runtime.patch"},
		"past review_by": {map[string]tftypes.Value{"resource_address": tfString("aws_vpc.main"), "resource_type": tfString("aws_vpc"),
			"obligations": tfStringSet("*"), "accepted_by": tfString("team"), "review_by": tfString("2020-01-01")}, "review_by", "Review date in the past"},
		"bad scope": {map[string]tftypes.Value{"scope": tfStringSet("module..x"), "resource_type": tfString("aws_vpc"),
			"obligations": tfStringSet("*"), "accepted_by": tfString("team")}, "scope", "module..x"},
	} {
		config := object(c.typ, tc.attrs)
		diags := []*tfprotov6.Diagnostic{}
		vresp, err := s.ValidateResourceConfig(ctx, &tfprotov6.ValidateResourceConfigRequest{TypeName: acceptanceTypeName, Config: c.dv(config)})
		if err != nil {
			t.Fatal(err)
		}
		diags = append(diags, vresp.Diagnostics...)
		if !hasError(diags) {
			presp, err := s.PlanResourceChange(ctx, &tfprotov6.PlanResourceChangeRequest{TypeName: acceptanceTypeName,
				PriorState: c.dv(c.null()), ProposedNewState: c.dv(config), Config: c.dv(config)})
			if err != nil {
				t.Fatal(err)
			}
			diags = append(diags, presp.Diagnostics...)
		}
		if text := diagText(diags); !hasError(diags) || !strings.Contains(text, tc.msg) || !strings.Contains(text, `AttributeName("`+tc.at+`")`) {
			t.Errorf("%s: %s, want %q on %s", name, text, tc.msg, tc.at)
		}
	}
}
