// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// ProtocolServer returns the provider's protocol server: the framework's,
// with every call Terraform makes once per resource instance run under a
// context of its own.
//
// Why: the framework keeps the cancel function of every request's context
// until the StopProvider call, which Terraform sends only on interrupt
// (terraform-plugin-framework v1.19.0, internal/proto6server registerContext).
// Each cancel function holds its context, and through it the whole request
// context: the gRPC stream and the loggers the plugin libraries attach to it,
// about 18 KiB per call. One provider process answers two calls per resource
// in a plan, so at 5000 resources that is 180 MiB that cannot be freed.
//
// Two measures: a call made under a detachedContext leaves only that small
// context behind, and whenever no such call is in flight the server lets the
// framework drop what it kept (see release).
func ProtocolServer(p provider.Provider) func() tfprotov6.ProviderServer {
	framework := providerserver.NewProtocol6(p)
	return func() tfprotov6.ProviderServer { return &detachedServer{ProviderServer: framework()} }
}

// detachedServer runs the calls Terraform makes once per resource instance
// under a detachedContext; every other call goes to the framework as is.
type detachedServer struct {
	tfprotov6.ProviderServer
	// calls is held for reading by every call in flight.
	calls sync.RWMutex
}

// begin starts a per-resource call; the returned function ends it.
func (s *detachedServer) begin(ctx context.Context) (context.Context, func()) {
	s.calls.RLock()
	d, done := detach(ctx)
	return d, func() {
		done()
		s.calls.RUnlock()
		s.release()
	}
}

// release empties the framework's list of kept cancel functions when no
// per-resource call is in flight. The framework's StopProvider does only
// that: it cancels the contexts it kept, here all of finished calls, and
// forgets them. Holding calls for writing keeps a new call from starting
// meanwhile; if a call is in flight, the next call to end tries again. A
// once-per-process call (configuration, schema) in flight at that moment has
// its framework context cancelled too, which nothing in the framework or in
// this provider observes: neither checks for cancellation.
func (s *detachedServer) release() {
	if !s.calls.TryLock() {
		return
	}
	defer s.calls.Unlock()
	_, _ = s.StopProvider(context.Background(), &tfprotov6.StopProviderRequest{})
}

// detachedContext is cancelled when the request context is, and reads its
// values (the loggers) from it, until the call ends: then it lets go of the
// request context, whoever still holds the detachedContext.
type detachedContext struct {
	context.Context // a cancellable context of its own
	mu              sync.Mutex
	request         context.Context // nil once the call has ended
}

func (c *detachedContext) Value(key any) any {
	// The own context answers for its cancellation machinery, so that
	// contexts derived from this one attach to it.
	if v := c.Context.Value(key); v != nil {
		return v
	}
	c.mu.Lock()
	request := c.request
	c.mu.Unlock()
	if request == nil {
		return nil
	}
	return request.Value(key)
}

// detach returns a detachedContext for ctx and the function that ends it.
func detach(ctx context.Context) (context.Context, func()) {
	own, cancel := context.WithCancel(context.Background())
	d := &detachedContext{Context: own, request: ctx}
	stop := context.AfterFunc(ctx, cancel)
	return d, func() {
		stop()
		cancel()
		d.mu.Lock()
		d.request = nil
		d.mu.Unlock()
	}
}

// detached runs one per-resource call of the framework under a
// detachedContext.
func detached[Req, Resp any](s *detachedServer, ctx context.Context, req Req, call func(context.Context, Req) (Resp, error)) (Resp, error) {
	ctx, done := s.begin(ctx)
	defer done()
	return call(ctx, req)
}

func (s *detachedServer) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return detached(s, ctx, req, s.ProviderServer.ValidateResourceConfig)
}

func (s *detachedServer) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return detached(s, ctx, req, s.ProviderServer.UpgradeResourceState)
}

func (s *detachedServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return detached(s, ctx, req, s.ProviderServer.ReadResource)
}

func (s *detachedServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return detached(s, ctx, req, s.ProviderServer.PlanResourceChange)
}

func (s *detachedServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return detached(s, ctx, req, s.ProviderServer.ApplyResourceChange)
}

func (s *detachedServer) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return detached(s, ctx, req, s.ProviderServer.ImportResourceState)
}

func (s *detachedServer) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return detached(s, ctx, req, s.ProviderServer.ValidateDataResourceConfig)
}

func (s *detachedServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	return detached(s, ctx, req, s.ProviderServer.ReadDataSource)
}

func (s *detachedServer) CallFunction(ctx context.Context, req *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	return detached(s, ctx, req, s.ProviderServer.CallFunction)
}
