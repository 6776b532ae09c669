// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"math/big"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// readInputs reads every argument exactly as Config.Get does: null, known
// and unknown values. The arguments and their values come from the schema
// (every attribute that is not computed only, each given a generated value
// of its type), and the comparison covers every field of the model, so an
// argument added to the schema and the model but not to readInputs fails
// here; one added to the schema alone makes Config.Get fail.
func TestReadInputsMatchesConfigGet(t *testing.T) {
	ctx := context.Background()
	sresp, objType := responsibilitySchema(t)
	var arguments []string
	for name, a := range sresp.Schema.Attributes {
		if a.IsRequired() || a.IsOptional() {
			arguments = append(arguments, name)
		}
	}
	if len(arguments) < 5 {
		t.Fatalf("only %d arguments found in the schema: %v", len(arguments), arguments)
	}
	for _, state := range []string{"null", "known", "unknown"} {
		vals := map[string]tftypes.Value{}
		for name, at := range objType.AttributeTypes {
			vals[name] = tftypes.NewValue(at, nil)
		}
		for _, name := range arguments {
			at := objType.AttributeTypes[name]
			switch state {
			case "known":
				vals[name] = generatedValue(at)
			case "unknown":
				vals[name] = tftypes.NewValue(at, tftypes.UnknownValue)
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
		gv, wv := reflect.ValueOf(got), reflect.ValueOf(want)
		for i := range gv.NumField() {
			name := gv.Type().Field(i).Tag.Get("tfsdk")
			g, gok := gv.Field(i).Interface().(attr.Value)
			w, wok := wv.Field(i).Interface().(attr.Value)
			if !gok || !wok {
				t.Fatalf("field %s is not an attr.Value", name)
			}
			a := sresp.Schema.Attributes[name]
			if !a.IsOptional() && !a.IsRequired() {
				continue // computed only: readInputs leaves it zero
			}
			if !g.Equal(w) {
				t.Errorf("%s %s: readInputs %s, Config.Get %s", state, name, g, w)
			}
		}
	}
}

// generatedValue returns a known value of t with one element in every
// collection and every attribute of an object set.
func generatedValue(t tftypes.Type) tftypes.Value {
	switch {
	case t.Is(tftypes.String):
		return tftypes.NewValue(t, "aws_db_instance.x")
	case t.Is(tftypes.Bool):
		return tftypes.NewValue(t, true)
	case t.Is(tftypes.Number):
		return tftypes.NewValue(t, big.NewFloat(1))
	}
	switch t := t.(type) {
	case tftypes.List:
		return tftypes.NewValue(t, []tftypes.Value{generatedValue(t.ElementType)})
	case tftypes.Set:
		return tftypes.NewValue(t, []tftypes.Value{generatedValue(t.ElementType)})
	case tftypes.Map:
		return tftypes.NewValue(t, map[string]tftypes.Value{"k": generatedValue(t.ElementType)})
	case tftypes.Object:
		vals := map[string]tftypes.Value{}
		for name, at := range t.AttributeTypes {
			vals[name] = generatedValue(at)
		}
		return tftypes.NewValue(t, vals)
	}
	panic("generatedValue: unsupported type " + t.String())
}
