// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"bytes"
	"context"
	"maps"
	"slices"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/vmihailenco/msgpack/v5"
)

// Terraform reads srm_responsibility once per declared resource. For a read
// the framework (v1.19.0) decodes the configuration, calls Read, walks the
// whole schema for semantic equality and for null collection blocks, and
// encodes the state: for a Read that mostly reuses a cached answer, that
// walk is most of the provider's CPU, and a plan of N instances costs
// 2.4-3.7x a one-attribute data source instead of the 1.8x the project
// allows (CONTRIBUTING.md, "The read of srm_responsibility"). The protocol
// server therefore answers the common read itself: it decodes the
// configuration, calls the same respond as Read, and encodes the state.
// Everything else goes to the framework, which then answers as it always
// does: validation (always), a read with any diagnostic, before the provider
// is configured, or with a provider setting unknown during plan.
//
// What keeps the two reads the same (server_read_direct_test.go):
// TestDirectReadMatchesFramework compares them over a corpus generated from
// the schema; TestDirectReadReviewed fails when the data source gains
// anything the framework's read does more with (an optional interface, a
// type with semantic equality, a block) or when the framework's version
// changes, until someone has checked the framework's ReadDataSource again.
// Removal condition: the framework's read of a schema without blocks or
// semantic equality costs less than 1.4x the schema's floor (the upstream
// report in CONTRIBUTING.md).

// responsibilityTypeName is the srm_responsibility data source's name.
const responsibilityTypeName = "srm_responsibility"

// directRead answers the reads of one data source type.
type directRead struct {
	typ tftypes.Object
	// names are the attribute names, sorted, as the encoding lists them.
	names []string
	// respond computes the state's attributes from the configuration: own
	// are this read's, shared (nil for none) those it shares with other
	// reads, which win. It returns false for the framework to answer.
	respond func(ctx context.Context, config tftypes.Value) (own map[string]tftypes.Value, shared *sharedAttrs, ok bool)
}

func newDirectRead(ds datasource.DataSource, respond func(context.Context, tftypes.Value) (map[string]tftypes.Value, *sharedAttrs, bool)) directRead {
	typ := schemaType(ds)
	return directRead{typ: typ, names: slices.Sorted(maps.Keys(typ.AttributeTypes)), respond: respond}
}

// sharedAttrs are attribute values that many reads share (those of one
// cached answer), with their encodings memoised on first use.
type sharedAttrs struct {
	values  map[string]tftypes.Value
	mu      sync.Mutex
	encoded map[string][]byte
}

func newSharedAttrs(values map[string]tftypes.Value) *sharedAttrs {
	return &sharedAttrs{values: values, encoded: make(map[string][]byte, len(values))}
}

// encoding returns the protocol encoding of the shared value of an
// attribute, and whether there is one.
func (s *sharedAttrs) encoding(name string, typ tftypes.Type) ([]byte, bool, error) {
	v, ok := s.values[name]
	if !ok {
		return nil, false, nil
	}
	s.mu.Lock()
	b, done := s.encoded[name]
	s.mu.Unlock()
	if done {
		return b, true, nil
	}
	dv, err := tfprotov6.NewDynamicValue(typ, v)
	if err != nil {
		return nil, true, err
	}
	s.mu.Lock()
	s.encoded[name] = dv.MsgPack
	s.mu.Unlock()
	return dv.MsgPack, true, nil
}

// read answers req, or returns nil for the framework to answer it.
func (d directRead) read(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) *tfprotov6.ReadDataSourceResponse {
	if req.Config == nil {
		return nil
	}
	config, err := req.Config.Unmarshal(d.typ)
	if err != nil || !config.IsFullyKnown() {
		return nil
	}
	own, shared, ok := d.respond(ctx, config)
	if !ok {
		return nil
	}
	state, err := d.encode(own, shared)
	if err != nil {
		return nil
	}
	return &tfprotov6.ReadDataSourceResponse{State: &tfprotov6.DynamicValue{MsgPack: state}}
}

// encode writes a state as tfprotov6.NewDynamicValue would (an object is a
// MessagePack map of its attributes in name order), copying the memoised
// encodings of the shared values. Each value is checked against its
// attribute's type as it is encoded.
func (d directRead) encode(own map[string]tftypes.Value, shared *sharedAttrs) ([]byte, error) {
	var buf bytes.Buffer
	enc := msgpack.NewEncoder(&buf)
	if err := enc.EncodeMapLen(len(d.names)); err != nil {
		return nil, err
	}
	for _, name := range d.names {
		if err := enc.EncodeString(name); err != nil {
			return nil, err
		}
		typ := d.typ.AttributeTypes[name]
		if shared != nil {
			if b, ok, err := shared.encoding(name, typ); ok {
				if err != nil {
					return nil, err
				}
				buf.Write(b)
				continue
			}
		}
		v, ok := own[name]
		if !ok {
			v = tftypes.NewValue(typ, nil)
		}
		dv, err := tfprotov6.NewDynamicValue(typ, v)
		if err != nil {
			return nil, err
		}
		buf.Write(dv.MsgPack)
	}
	return buf.Bytes(), nil
}

// responsibilityDirectRead reads srm_responsibility with what p was
// configured with, through the data source's own respond. Any diagnostic,
// an error or a warning, leaves the read to the framework, which reports it
// with its own conversions.
func responsibilityDirectRead(p *srmProvider) directRead {
	return newDirectRead(NewResponsibilityDataSource(), func(ctx context.Context, config tftypes.Value) (map[string]tftypes.Value, *sharedAttrs, bool) {
		data := p.configured.Load()
		if data == nil || data.unknown.any() {
			return nil, nil, false
		}
		var diags diagnostics
		own, shared, ok := (&responsibilityDataSource{data: data}).respond(ctx, config, &diags)
		return own, shared, ok && len(diags) == 0
	})
}

// schemaType returns the Terraform type of a data source's schema.
func schemaType(ds datasource.DataSource) tftypes.Object {
	ctx := context.Background()
	var resp datasource.SchemaResponse
	ds.Schema(ctx, datasource.SchemaRequest{}, &resp)
	typ, _ := resp.Schema.Type().TerraformType(ctx).(tftypes.Object) // a schema's type is an object
	return typ
}

// WithDirectRead returns s with the reads of the data source typeName (of
// ds's schema) answered as srm_responsibility's are: by respond, without
// the framework, whenever respond returns true. planbench's floor provider
// serves floor_wide, its srm_responsibility-shaped data source, through it,
// so that the schema's floor is measured on the same path.
func WithDirectRead(s tfprotov6.ProviderServer, typeName string, ds datasource.DataSource,
	respond func(ctx context.Context, config tftypes.Value) (map[string]tftypes.Value, bool)) tfprotov6.ProviderServer {
	return directServer{ProviderServer: s, typeName: typeName, direct: newDirectRead(ds,
		func(ctx context.Context, config tftypes.Value) (map[string]tftypes.Value, *sharedAttrs, bool) {
			own, ok := respond(ctx, config)
			return own, nil, ok
		})}
}

type directServer struct {
	tfprotov6.ProviderServer
	typeName string
	direct   directRead
}

func (s directServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	if req.TypeName == s.typeName {
		if resp := s.direct.read(ctx, req); resp != nil {
			return resp, nil
		}
	}
	return s.ProviderServer.ReadDataSource(ctx, req)
}
