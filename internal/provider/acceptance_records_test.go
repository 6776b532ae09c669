// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The acceptances argument holds only attributes of the resource, with the
// resource's types, so that Terraform can convert a resource object to it.
func TestAcceptancesAttributeMatchesResource(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	resourceAttrs := obligationAcceptanceSchema().Attributes
	nested := acceptancesAttribute("").NestedObject.Attributes
	if len(nested) != len(acceptanceMatchAttributes) {
		t.Fatalf("acceptances has %d attributes, want %d", len(nested), len(acceptanceMatchAttributes))
	}
	for _, name := range acceptanceMatchAttributes {
		ra, ok := resourceAttrs[name]
		if !ok {
			t.Errorf("%s is not an attribute of srm_obligation_acceptance", name)
			continue
		}
		if got, want := nested[name].GetType().TerraformType(ctx), ra.GetType().TerraformType(ctx); !got.Equal(want) {
			t.Errorf("%s: acceptances has type %s, the resource %s", name, got, want)
		}
	}
	for _, dropped := range []string{"id", "accepted_at"} {
		if _, ok := nested[dropped]; ok {
			t.Errorf("acceptances takes %s, which is unknown at plan while a record is created or renewed", dropped)
		}
	}
}

// acceptanceValue builds a value of the resource's schema: the given
// attributes, the rest null, or unknown where unknown is true and the
// attribute is computed.
func acceptanceValue(t *testing.T, set map[string]tftypes.Value, unknown bool) tftypes.Value {
	t.Helper()
	s := obligationAcceptanceSchema()
	typ, ok := s.Type().TerraformType(context.Background()).(tftypes.Object)
	if !ok {
		t.Fatal("the schema's type is not an object")
	}
	vals := make(map[string]tftypes.Value, len(typ.AttributeTypes))
	for name, at := range typ.AttributeTypes {
		vals[name] = tftypes.NewValue(at, nil)
		if unknown && s.Attributes[name].IsComputed() && !s.Attributes[name].IsOptional() {
			vals[name] = tftypes.NewValue(at, tftypes.UnknownValue)
		}
	}
	for name, v := range set {
		vals[name] = v
	}
	return tftypes.NewValue(typ, vals)
}

func recString(s string) tftypes.Value { return tftypes.NewValue(tftypes.String, s) }

func recStrings(kind string, ss ...string) tftypes.Value {
	vals := make([]tftypes.Value, len(ss))
	for i, s := range ss {
		vals[i] = recString(s)
	}
	if kind == "list" {
		return tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, vals)
	}
	return tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, vals)
}

// Every attribute that acceptances takes is known in the plan of a record
// whose configuration is known: created, renewed, expired or not.
func TestAcceptancesKnownAtPlan(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := obligationAcceptanceSchema()
	now := time.Date(2029, 6, 1, 12, 0, 0, 0, time.UTC)
	data := testProviderData()
	data.clock = func() time.Time { return now }
	r := &obligationAcceptanceResource{data: data}
	scoped := map[string]tftypes.Value{
		"scope": recStrings("set", "module.payments.*"), "obligations": recStrings("set", "*"),
		"accepted_by": recString("team-payments"), "review_by": recString("2030-01-01"),
	}
	addressed := map[string]tftypes.Value{
		"resource_address": recString("aws_db_instance.orders"), "obligations": recStrings("set", "data_protection.*"),
		"accepted_by": recString("team-dba"), "review_by": recString("2030-01-01"),
	}
	expiredState := func(config map[string]tftypes.Value) map[string]tftypes.Value {
		st := map[string]tftypes.Value{
			"id": recString("x@2029-01-01T00:00:00Z"), "accepted_at": recString("2029-01-01T00:00:00Z"),
			"expired": tftypes.NewValue(tftypes.Bool, true), "accepted_obligations": recStrings("list"),
			"catalog_version": recString(data.engine.Catalog.Version), "review_by": recString("2029-05-01"),
		}
		for k, v := range config {
			if k != "review_by" {
				st[k] = v
			}
		}
		return st
	}
	withReviewBy := func(config map[string]tftypes.Value, reviewBy string) map[string]tftypes.Value {
		out := map[string]tftypes.Value{"review_by": recString(reviewBy)}
		for k, v := range config {
			if k != "review_by" {
				out[k] = v
			}
		}
		return out
	}
	for name, tc := range map[string]struct {
		config, state map[string]tftypes.Value
		expired       bool
	}{
		"scope created":            {config: scoped},
		"address created":          {config: addressed},
		"scope expired, unchanged": {config: withReviewBy(scoped, "2029-05-01"), state: expiredState(scoped), expired: true},
		"scope renewed":            {config: scoped, state: expiredState(scoped)},
		"address renewed":          {config: addressed, state: expiredState(addressed)},
	} {
		t.Run(name, func(t *testing.T) {
			state := tftypes.NewValue(s.Type().TerraformType(ctx), nil)
			plan := acceptanceValue(t, tc.config, true)
			if tc.state != nil {
				state = acceptanceValue(t, tc.state, false)
				// The framework plans the configuration over the state.
				planned := map[string]tftypes.Value{}
				for k, v := range tc.state {
					planned[k] = v
				}
				for k, v := range tc.config {
					planned[k] = v
				}
				plan = acceptanceValue(t, planned, false)
			}
			req := resource.ModifyPlanRequest{
				Config: tfsdk.Config{Schema: s, Raw: acceptanceValue(t, tc.config, false)},
				Plan:   tfsdk.Plan{Schema: s, Raw: plan},
				State:  tfsdk.State{Schema: s, Raw: state},
			}
			resp := resource.ModifyPlanResponse{Plan: req.Plan}
			r.ModifyPlan(ctx, req, &resp)
			if resp.Diagnostics.HasError() {
				t.Fatal(resp.Diagnostics)
			}
			var attrs map[string]tftypes.Value
			if err := resp.Plan.Raw.As(&attrs); err != nil {
				t.Fatal(err)
			}
			for _, name := range acceptanceMatchAttributes {
				if !attrs[name].IsFullyKnown() {
					t.Errorf("%s is unknown in the plan", name)
				}
			}
			var expired bool
			if err := attrs["expired"].As(&expired); err != nil || expired != tc.expired {
				t.Errorf("expired planned %v (%v), want %v", expired, err, tc.expired)
			}
		})
	}
}
