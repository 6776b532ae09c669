// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// readInputs reads the arguments exactly as Config.Get does: known, null
// and unknown values of every argument, acceptances included.
func TestReadInputsMatchesConfigGet(t *testing.T) {
	ctx := context.Background()
	sresp, objType := responsibilitySchema(t)
	list, ok := objType.AttributeTypes["acceptances"].(tftypes.List)
	if !ok {
		t.Fatal("acceptances is not a list")
	}
	recType, ok := list.ElementType.(tftypes.Object)
	if !ok {
		t.Fatal("an acceptance is not an object")
	}
	record := map[string]tftypes.Value{}
	for name, at := range recType.AttributeTypes {
		record[name] = tftypes.NewValue(at, nil)
	}
	record["resource_address"] = tfString("aws_db_instance.orders")
	record["accepted_by"] = tfString("team-data")
	known := map[string]tftypes.Value{
		"resource_type":        tfString("aws_db_instance"),
		"service_model":        tfString("paas"),
		"resource_address":     tfString("aws_db_instance.orders"),
		"agreement":            tfString("managed"),
		"detail":               tftypes.NewValue(tftypes.Bool, true),
		"conditions":           tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, map[string]tftypes.Value{"engine": tfString("postgres")}),
		"accepted_obligations": tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, []tftypes.Value{tfString("data_protection.encrypt_at_rest")}),
		"frameworks":           tftypes.NewValue(tftypes.Set{ElementType: tftypes.String}, []tftypes.Value{tfString("nist_800_53_r5")}),
		"acceptances":          tftypes.NewValue(objType.AttributeTypes["acceptances"], []tftypes.Value{tftypes.NewValue(recType, record)}),
	}
	for _, state := range []string{"null", "known", "unknown"} {
		vals := map[string]tftypes.Value{}
		for name, at := range objType.AttributeTypes {
			vals[name] = tftypes.NewValue(at, nil)
			if kv, ok := known[name]; ok {
				switch state {
				case "known":
					vals[name] = kv
				case "unknown":
					vals[name] = tftypes.NewValue(at, tftypes.UnknownValue)
				}
			}
		}
		raw := tftypes.NewValue(objType, vals)
		var got, want responsibilityModel
		if diags := readInputs(ctx, raw, &got); diags.HasError() {
			t.Fatalf("%s: %v", state, diags)
		}
		if diags := (tfsdk.Config{Schema: sresp.Schema, Raw: raw}).Get(ctx, &want); diags.HasError() {
			t.Fatalf("%s: %v", state, diags)
		}
		for name, pair := range map[string][2]interface{ String() string }{
			"resource_type": {got.ResourceType, want.ResourceType}, "service_model": {got.ServiceModel, want.ServiceModel},
			"resource_address": {got.ResourceAddress, want.ResourceAddress}, "agreement": {got.Agreement, want.Agreement},
			"detail": {got.Detail, want.Detail}, "conditions": {got.Conditions, want.Conditions},
			"accepted_obligations": {got.AcceptedObligations, want.AcceptedObligations}, "frameworks": {got.Frameworks, want.Frameworks},
			"acceptances": {got.Acceptances, want.Acceptances},
		} {
			if pair[0].String() != pair[1].String() {
				t.Errorf("%s %s: readInputs %s, Config.Get %s", state, name, pair[0], pair[1])
			}
		}
		if !got.Acceptances.Equal(want.Acceptances) || !got.Conditions.Equal(want.Conditions) {
			t.Errorf("%s: collections differ", state)
		}
	}
}
