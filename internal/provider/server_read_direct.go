// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/vmihailenco/msgpack/v5"
)

// Terraform validates and reads srm_responsibility once per declared
// resource. For those two calls the framework walks the whole schema several
// times (decoding the configuration into its own form, validating every
// attribute, semantic equality, encoding the state) around a Read that
// mostly reuses a cached answer: in a plan of 2,000 instances that was four
// fifths of the provider's CPU. The protocol server answers the common case
// of both calls directly, from the schema's Terraform type, and hands
// everything else to the framework, which then answers exactly as it always
// does. TestDirectCallsMatchFramework compares the two over a corpus of
// configurations, and checks that the direct path is taken.

// responsibilityTypeName is the srm_responsibility data source's name.
const responsibilityTypeName = "srm_responsibility"

// directSchema is what the direct calls need of srm_responsibility's
// schema: its Terraform type and, per attribute, what validateDirect may
// accept.
type directSchema struct {
	typ tftypes.Type
	// readable: no attribute has a type with semantic equality, whose
	// pass readDirect skips; otherwise every read goes to the framework.
	readable bool
	// names are the attribute names, sorted; attrTypes their types.
	names     []string
	attrTypes map[string]tftypes.Type
	// accepts holds the attributes whose value validateDirect accepts:
	// anyValue when the framework can have nothing to say about any value
	// (optional, no validators, no deprecation, nested attributes likewise),
	// nullOnly when it can have nothing to say about a null. An attribute
	// not listed (one with validators, or required) always goes to the
	// framework.
	accepts map[string]acceptance
	// validators are the data source's config validators, all
	// rootValidators (else validateDirect leaves validation to the
	// framework: ok is false).
	validators   []rootValidator
	validatorsOK bool
}

type acceptance int

const (
	nullOnly acceptance = iota + 1
	anyValue
)

var directResponsibility = sync.OnceValue(func() *directSchema {
	ctx := context.Background()
	var resp datasource.SchemaResponse
	(&responsibilityDataSource{}).Schema(ctx, datasource.SchemaRequest{}, &resp)
	d := &directSchema{typ: resp.Schema.Type().TerraformType(ctx), accepts: map[string]acceptance{}}
	if obj, ok := d.typ.(tftypes.Object); ok {
		d.attrTypes = obj.AttributeTypes
		d.names = slices.Sorted(maps.Keys(obj.AttributeTypes))
	}
	d.readable = !hasSemanticEquality(ctx, resp.Schema.Type())
	d.validatorsOK = true
	for _, v := range (&responsibilityDataSource{}).ConfigValidators(ctx) {
		root, ok := v.(rootValidator)
		d.validators, d.validatorsOK = append(d.validators, root), d.validatorsOK && ok
	}
	for name, a := range resp.Schema.Attributes {
		switch {
		case hasValidators(a) || a.IsRequired():
		case plainAttribute(a):
			d.accepts[name] = anyValue
		default:
			d.accepts[name] = nullOnly
		}
	}
	return d
})

// attribute is what plainAttribute reads of an attribute, nested or not.
type attribute interface {
	IsRequired() bool
	IsOptional() bool
	IsWriteOnly() bool
	GetDeprecationMessage() string
}

// plainAttribute reports whether the framework's validation of any value of
// a has nothing to say: a is optional, neither deprecated nor write-only,
// has no validators, and neither have its nested attributes, which are
// plain too.
func plainAttribute(a attribute) bool {
	if !a.IsOptional() || a.IsRequired() || a.IsWriteOnly() || a.GetDeprecationMessage() != "" || hasValidators(a) {
		return false
	}
	nested, ok := a.(schema.NestedAttribute)
	if !ok {
		return true
	}
	object := nested.GetNestedObject()
	if hasValidators(object) {
		return false
	}
	for _, n := range object.GetAttributes() {
		if !plainAttribute(n) {
			return false
		}
	}
	return true
}

// hasValidators reports whether v has validators of any kind: each schema
// type has its own method (StringValidators, ObjectValidators, ...), so they
// are found by name, and a kind added later is not missed.
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
// it, have semantic equality (StringSemanticEquals, ListSemanticEquals, ...:
// found by name, as hasValidators finds validators).
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

// validateDirect validates an srm_responsibility configuration without the
// framework, or returns nil for the framework to validate it: when an
// attribute has a value the framework might have something to say about
// (see directSchema.accepts), or when a config validator reports anything.
func validateDirect(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) *tfprotov6.ValidateDataResourceConfigResponse {
	d := directResponsibility()
	if req.Config == nil || !d.validatorsOK {
		return nil
	}
	config, err := req.Config.Unmarshal(d.typ)
	var attrs map[string]tftypes.Value
	if err != nil || !config.IsKnown() || config.IsNull() || config.As(&attrs) != nil {
		return nil
	}
	for name, v := range attrs {
		switch d.accepts[name] {
		case anyValue:
		case nullOnly:
			if !v.IsNull() {
				return nil
			}
		default:
			return nil
		}
	}
	for _, root := range d.validators {
		if len(root.validate(ctx, config)) > 0 {
			return nil
		}
	}
	return &tfprotov6.ValidateDataResourceConfigResponse{}
}

// readDirect answers a read of srm_responsibility without the framework, or
// returns nil for the framework to answer it: on any diagnostic (an error or
// a warning, which the framework then reports with its own conversions),
// when the provider is not configured, or is configured with a setting
// unknown during plan (the framework defers the read or fails it). It
// decodes the configuration, calls the same respond as Read and encodes the
// state. The framework's semantic-equality pass is skipped: it can change a
// state only through a type with semantic equality, and with one in the
// schema every read goes to the framework (directSchema.readable).
func (s *detachedServer) readDirect(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) *tfprotov6.ReadDataSourceResponse {
	data := s.configured.Load()
	d := directResponsibility()
	if data == nil || data.unknown.any() || req.Config == nil || !d.readable {
		return nil
	}
	config, err := req.Config.Unmarshal(d.typ)
	if err != nil || !config.IsFullyKnown() {
		return nil
	}
	var diags diagnostics
	state, ok := (&responsibilityDataSource{data: data}).respond(ctx, config, &diags)
	if !ok || len(diags) > 0 {
		return nil
	}
	b, err := d.encode(state)
	if err != nil {
		return nil
	}
	return &tfprotov6.ReadDataSourceResponse{State: &tfprotov6.DynamicValue{MsgPack: b}}
}

// encode writes a state in the protocol's encoding, as
// tfprotov6.NewDynamicValue would (TestDirectCallsMatchFramework decodes
// it): a MessagePack map of the attributes in name order. The
// attributes that come from the cached answer are copied as they were
// encoded once, when the answer was computed; only the arguments and what
// depends on acceptance are encoded here.
func (d *directSchema) encode(s *responsibilityState) ([]byte, error) {
	var buf bytes.Buffer
	enc := msgpack.NewEncoder(&buf)
	if err := enc.EncodeMapLen(len(d.names)); err != nil {
		return nil, err
	}
	for _, name := range d.names {
		if err := enc.EncodeString(name); err != nil {
			return nil, err
		}
		v := s.attrs[name]
		cached, ok := s.answer.encoded[name]
		if name == "unaccepted_obligations" && s.allUnaccepted {
			cached, ok = s.answer.encoded["customer_obligation_ids"]
		}
		switch {
		case ok:
			buf.Write(cached)
		case v.IsNull() && v.IsKnown():
			if err := enc.EncodeNil(); err != nil {
				return nil, err
			}
		default:
			dv, err := tfprotov6.NewDynamicValue(d.attrTypes[name], v)
			if err != nil {
				return nil, err
			}
			buf.Write(dv.MsgPack)
		}
	}
	return buf.Bytes(), nil
}

// encodeValues encodes each value on its own, as encode copies them.
func encodeValues(values map[string]tftypes.Value) (map[string][]byte, error) {
	out := make(map[string][]byte, len(values))
	for name, v := range values {
		dv, err := tfprotov6.NewDynamicValue(v.Type(), v)
		if err != nil {
			return nil, fmt.Errorf("encoding %s: %w", name, err)
		}
		out[name] = dv.MsgPack
	}
	return out, nil
}
