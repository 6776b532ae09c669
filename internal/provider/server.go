// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// ProtocolServer returns the provider's protocol server: the framework's,
// with every unary call that Terraform can make once per resource instance
// run under a context of its own, and the read of srm_responsibility, which
// Terraform makes once per instance, answered without the framework in the
// common case (server_read_direct.go). Validation, and every other call, is
// the framework's.
//
// Why the detached contexts: terraform-plugin-framework v1.19.0 keeps the
// cancel function of every request's context until a StopProvider call,
// which Terraform sends only on interrupt (internal/proto6server/serve.go:
// registerContext appends to contextCancels, and only
// cancelRegisteredContexts, reached from StopProvider, empties it). Each
// cancel function holds its context and, through it, the whole request
// context: the gRPC stream and the loggers the plugin libraries attach to
// it, about 18 KiB per call. A plan makes two calls per resource instance,
// so at 5,000 instances that is 180 MiB that cannot be freed. Under a
// detachedContext a call leaves about 300 bytes behind instead. The
// upstream report is in CONTRIBUTING.md ("Upstream reports"); remove this
// wrapper once the framework forgets a context when its call returns
// (TestFrameworkRetention fails then, saying so).
//
// The wrapper never calls StopProvider itself: that would cancel every call
// in flight, not only finished ones.
func ProtocolServer(p provider.Provider) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer {
		sp, ok := p.(*srmProvider)
		if !ok {
			return newDetachedServer(providerserver.NewProtocol6(p)())
		}
		// Each server has a provider of its own, so that the direct read
		// answers from what this server's provider was configured with,
		// even when, as in tests, servers are made from one provider.
		own := &srmProvider{version: sp.version, clock: sp.clock}
		s := newDetachedServer(providerserver.NewProtocol6(own)())
		s.direct = map[string]directRead{responsibilityTypeName: responsibilityDirectRead(own)}
		return s
	}
}

// frameworkServer is every interface the framework's server implements and
// tf6server looks for, by type assertion, on the server it is given.
// Embedding it forwards them all, so that the wrapper hides none (a list
// resource, an action or a state store added later keeps working).
type frameworkServer interface {
	tfprotov6.ProviderServer
	tfprotov6.ListResourceServer
	tfprotov6.ActionServer
	tfprotov6.StateStoreServer
}

// With ProviderServer, these make the server a
// tfprotov6.ProviderServerWithListResource, ...WithActions and
// ...WithStateStores, the (deprecated) interfaces tf6server asserts.
var (
	_ tfprotov6.ProviderServer     = (*detachedServer)(nil)
	_ tfprotov6.ListResourceServer = (*detachedServer)(nil)
	_ tfprotov6.ActionServer       = (*detachedServer)(nil)
	_ tfprotov6.StateStoreServer   = (*detachedServer)(nil)
)

// detachedServer runs the framework's unary per-resource calls under a
// detachedContext. Every other call goes to the framework as it comes: the
// calls made once per process (schema, configuration, StopProvider), and the
// streaming ones (ListResource, InvokeAction, ReadStateBytes,
// WriteStateBytes), whose results are produced after the call returns, when
// a detachedContext would already be cancelled.
type detachedServer struct {
	frameworkServer
	// direct answers the reads of the data sources it names without the
	// framework, when it can (server_read_direct.go).
	direct map[string]directRead
}

func newDetachedServer(s tfprotov6.ProviderServer) *detachedServer {
	fs, ok := s.(frameworkServer)
	if !ok {
		// The framework's server implements them all (v1.19.0);
		// TestDetachedServerForwardsEveryMethod checks the version in use.
		panic(fmt.Sprintf("the framework's server (%T) lacks an optional protocol interface: update frameworkServer", s))
	}
	return &detachedServer{frameworkServer: fs}
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

// detached runs one call of the framework under a detachedContext.
func detached[Req, Resp any](ctx context.Context, req Req, call func(context.Context, Req) (Resp, error)) (Resp, error) {
	ctx, done := detach(ctx)
	defer done()
	return call(ctx, req)
}

func (s *detachedServer) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	return detached(ctx, req, s.frameworkServer.ValidateResourceConfig)
}

func (s *detachedServer) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	return detached(ctx, req, s.frameworkServer.UpgradeResourceState)
}

func (s *detachedServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	return detached(ctx, req, s.frameworkServer.ReadResource)
}

func (s *detachedServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	return detached(ctx, req, s.frameworkServer.PlanResourceChange)
}

func (s *detachedServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	return detached(ctx, req, s.frameworkServer.ApplyResourceChange)
}

func (s *detachedServer) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	return detached(ctx, req, s.frameworkServer.ImportResourceState)
}

func (s *detachedServer) MoveResourceState(ctx context.Context, req *tfprotov6.MoveResourceStateRequest) (*tfprotov6.MoveResourceStateResponse, error) {
	return detached(ctx, req, s.frameworkServer.MoveResourceState)
}

func (s *detachedServer) UpgradeResourceIdentity(ctx context.Context, req *tfprotov6.UpgradeResourceIdentityRequest) (*tfprotov6.UpgradeResourceIdentityResponse, error) {
	return detached(ctx, req, s.frameworkServer.UpgradeResourceIdentity)
}

func (s *detachedServer) GenerateResourceConfig(ctx context.Context, req *tfprotov6.GenerateResourceConfigRequest) (*tfprotov6.GenerateResourceConfigResponse, error) {
	return detached(ctx, req, s.frameworkServer.GenerateResourceConfig)
}

func (s *detachedServer) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	return detached(ctx, req, s.frameworkServer.ValidateDataResourceConfig)
}

func (s *detachedServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	if d, ok := s.direct[req.TypeName]; ok {
		if resp := d.read(ctx, req); resp != nil {
			return resp, nil
		}
	}
	return detached(ctx, req, s.frameworkServer.ReadDataSource)
}

func (s *detachedServer) ValidateEphemeralResourceConfig(ctx context.Context, req *tfprotov6.ValidateEphemeralResourceConfigRequest) (*tfprotov6.ValidateEphemeralResourceConfigResponse, error) {
	return detached(ctx, req, s.frameworkServer.ValidateEphemeralResourceConfig)
}

func (s *detachedServer) OpenEphemeralResource(ctx context.Context, req *tfprotov6.OpenEphemeralResourceRequest) (*tfprotov6.OpenEphemeralResourceResponse, error) {
	return detached(ctx, req, s.frameworkServer.OpenEphemeralResource)
}

func (s *detachedServer) RenewEphemeralResource(ctx context.Context, req *tfprotov6.RenewEphemeralResourceRequest) (*tfprotov6.RenewEphemeralResourceResponse, error) {
	return detached(ctx, req, s.frameworkServer.RenewEphemeralResource)
}

func (s *detachedServer) CloseEphemeralResource(ctx context.Context, req *tfprotov6.CloseEphemeralResourceRequest) (*tfprotov6.CloseEphemeralResourceResponse, error) {
	return detached(ctx, req, s.frameworkServer.CloseEphemeralResource)
}

func (s *detachedServer) CallFunction(ctx context.Context, req *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	return detached(ctx, req, s.frameworkServer.CallFunction)
}

func (s *detachedServer) ValidateListResourceConfig(ctx context.Context, req *tfprotov6.ValidateListResourceConfigRequest) (*tfprotov6.ValidateListResourceConfigResponse, error) {
	return detached(ctx, req, s.frameworkServer.ValidateListResourceConfig)
}

func (s *detachedServer) ValidateActionConfig(ctx context.Context, req *tfprotov6.ValidateActionConfigRequest) (*tfprotov6.ValidateActionConfigResponse, error) {
	return detached(ctx, req, s.frameworkServer.ValidateActionConfig)
}

func (s *detachedServer) PlanAction(ctx context.Context, req *tfprotov6.PlanActionRequest) (*tfprotov6.PlanActionResponse, error) {
	return detached(ctx, req, s.frameworkServer.PlanAction)
}
