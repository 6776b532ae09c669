// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"reflect"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// These tests run the wrapper over the real framework server
// (providerserver.NewProtocol6), serving probeProvider: a provider whose
// Configure and data source Read let a test hold a call in flight and see
// the context the framework hands it.

type probeProvider struct {
	// configure and read run inside Configure and the data source's Read.
	configure func(ctx context.Context)
	read      func(ctx context.Context)
}

func (p *probeProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "probe"
}

func (p *probeProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (p *probeProvider) Configure(ctx context.Context, _ provider.ConfigureRequest, _ *provider.ConfigureResponse) {
	if p.configure != nil {
		p.configure(ctx)
	}
}

func (p *probeProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{func() datasource.DataSource { return &probeDataSource{p} }}
}

func (p *probeProvider) Resources(context.Context) []func() resource.Resource { return nil }

type probeDataSource struct{ p *probeProvider }

func (d *probeDataSource) Metadata(_ context.Context, _ datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = "probe_thing"
}

func (d *probeDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{"id": schema.StringAttribute{Optional: true}}}
}

func (d *probeDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	if d.p.read != nil {
		d.p.read(ctx)
	}
	resp.State.Raw = req.Config.Raw
}

var probeObject = tftypes.Object{AttributeTypes: map[string]tftypes.Type{"id": tftypes.String}}

func probeRead(t *testing.T, s tfprotov6.ProviderServer, ctx context.Context) {
	t.Helper()
	config, err := tfprotov6.NewDynamicValue(probeObject, tftypes.NewValue(probeObject, map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, "x")}))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := s.ReadDataSource(ctx, &tfprotov6.ReadDataSourceRequest{TypeName: "probe_thing", Config: &config})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			t.Fatalf("read: %s: %s", d.Summary, d.Detail)
		}
	}
}

// The wrapper forwards every method of the framework's server, so that
// tf6server finds the optional interfaces (list resources, actions, state
// stores) it looks for by type assertion, and a method a framework upgrade
// adds is not hidden either.
func TestDetachedServerForwardsEveryMethod(t *testing.T) {
	t.Parallel()
	framework := providerserver.NewProtocol6(New("test")())()
	wrapped := ProtocolServer(New("test")())()
	ft, wt := reflect.TypeOf(framework), reflect.TypeOf(wrapped)
	for i := 0; i < ft.NumMethod(); i++ {
		m := ft.Method(i)
		if w, ok := wt.MethodByName(m.Name); !ok || w.Type.NumIn() != m.Type.NumIn() {
			t.Errorf("the wrapper does not forward %s: add it to frameworkServer", m.Name)
		}
	}
	// tf6server asserts ProviderServerWith{ListResource,Actions,StateStores}:
	// a ProviderServer with these.
	for name, ok := range map[string]bool{
		"ListResourceServer": is[tfprotov6.ListResourceServer](wrapped),
		"ActionServer":       is[tfprotov6.ActionServer](wrapped),
		"StateStoreServer":   is[tfprotov6.StateStoreServer](wrapped),
	} {
		if !ok {
			t.Errorf("the wrapper hides tfprotov6.%s", name)
		}
	}
	// Reachable: the framework answers (no such list resource), not
	// tf6server's "not implemented".
	lr, ok := wrapped.(tfprotov6.ListResourceServer)
	if !ok {
		t.Fatal("no ListResourceServer")
	}
	resp, err := lr.ValidateListResourceConfig(context.Background(), &tfprotov6.ValidateListResourceConfigRequest{TypeName: "srm_nothing"})
	if err != nil || len(resp.Diagnostics) == 0 {
		t.Errorf("ValidateListResourceConfig through the wrapper: %v, %+v", err, resp)
	}
	stream, err := lr.ListResource(context.Background(), &tfprotov6.ListResourceRequest{TypeName: "srm_nothing"})
	if err != nil || stream == nil || stream.Results == nil {
		t.Fatalf("ListResource through the wrapper: %v, %+v", err, stream)
	}
	n := 0
	for r := range stream.Results {
		n += len(r.Diagnostics)
	}
	if n == 0 {
		t.Error("ListResource of an unknown type answered without a diagnostic")
	}
}

func is[T any](v any) bool { _, ok := v.(T); return ok }

// Calls through the wrapper never cancel another call in flight: a
// Configure held open while many reads come and go still has a live context
// (D5 of the 2026-11 review: the former wrapper called StopProvider when the
// per-resource calls drained, which cancelled it). A read's context is live
// during the read, carries the request's values, and is done once the read
// returns, without cancelling the request.
func TestDetachedServerCancelsNoOtherCall(t *testing.T) {
	t.Parallel()
	entered, release := make(chan struct{}), make(chan struct{})
	var configureErr error
	type ctxKey struct{}
	var mu sync.Mutex
	var readCtxs []context.Context
	p := &probeProvider{
		configure: func(ctx context.Context) {
			close(entered)
			<-release
			configureErr = ctx.Err()
		},
		read: func(ctx context.Context) {
			if ctx.Err() != nil || ctx.Value(ctxKey{}) != "request" {
				t.Errorf("during a read: err %v, request value %v", ctx.Err(), ctx.Value(ctxKey{}))
			}
			mu.Lock()
			readCtxs = append(readCtxs, ctx)
			mu.Unlock()
		},
	}
	s := ProtocolServer(p)()
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = s.ConfigureProvider(context.Background(), &tfprotov6.ConfigureProviderRequest{})
	}()
	<-entered
	reqCtx, cancel := context.WithCancel(context.WithValue(context.Background(), ctxKey{}, "request"))
	defer cancel()
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 25; i++ {
				probeRead(t, s, reqCtx)
			}
		}()
	}
	wg.Wait()
	close(release)
	<-done
	if configureErr != nil {
		t.Errorf("a Configure in flight saw its context end while reads came and went: %v", configureErr)
	}
	if reqCtx.Err() != nil {
		t.Error("a read cancelled the request context")
	}
	for _, ctx := range readCtxs {
		if ctx.Err() == nil || ctx.Value(ctxKey{}) != nil {
			t.Fatalf("after its read, a context is still live (%v) or reaches the request (%v)", ctx.Err(), ctx.Value(ctxKey{}))
		}
	}
	if len(readCtxs) != 100 {
		t.Errorf("%d reads seen, want 100", len(readCtxs))
	}
}

// Cancelling a request (Terraform interrupted) reaches the provider's work
// on it through the framework's own derived context.
func TestDetachedServerPropagatesCancellation(t *testing.T) {
	t.Parallel()
	entered := make(chan struct{})
	p := &probeProvider{read: func(ctx context.Context) {
		close(entered)
		select {
		case <-ctx.Done():
		case <-time.After(10 * time.Second):
			t.Error("cancelling the request did not reach the read")
		}
	}}
	s := ProtocolServer(p)()
	reqCtx, cancel := context.WithCancel(context.Background())
	go func() { <-entered; cancel() }()
	probeRead(t, s, reqCtx)
}

// TestFrameworkRetention measures what the framework keeps per call, over
// N reads whose request contexts each carry 16 KiB (as the loggers of a
// real request do): the raw framework server keeps every one until
// StopProvider; through the wrapper a call leaves a few hundred bytes. When
// the raw framework stops keeping them, this test fails to say that the
// wrapper can go.
func TestFrameworkRetention(t *testing.T) {
	const n, payload = 2000, 16 << 10
	perCall := func(s tfprotov6.ProviderServer) float64 {
		before := liveHeap()
		for i := 0; i < n; i++ {
			ctx := context.WithValue(context.Background(), ctxPayload{}, make([]byte, payload))
			probeRead(t, s, ctx)
		}
		after := liveHeap()
		runtime.KeepAlive(s)
		return float64(after-before) / n
	}
	raw := perCall(providerserver.NewProtocol6(&probeProvider{})())
	wrapped := perCall(ProtocolServer(&probeProvider{})())
	t.Logf("retained per call: raw framework %.0f B, through the wrapper %.0f B", raw, wrapped)
	if wrapped > 1024 {
		t.Errorf("through the wrapper each call retains %.0f B, want at most 1 KiB", wrapped)
	}
	if raw < payload/2 {
		t.Errorf("the raw framework server retains only %.0f B per call: it no longer keeps request contexts, so ProtocolServer's wrapper can go (see server.go)", raw)
	}
}

type ctxPayload struct{}
