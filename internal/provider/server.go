// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// ProtocolServer returns the provider's protocol server: the framework's,
// with every per-resource call run under a context of its own when
// keepRequestContext is false.
//
// Why: the framework keeps the cancel function of every request's context
// until the StopProvider call, which Terraform sends only on interrupt
// (terraform-plugin-framework v1.19.0, internal/proto6server registerContext).
// Each cancel function holds its context, and through it the whole request
// context: the gRPC stream and the loggers the plugin libraries attach to it,
// about 18 KiB per call. One provider process answers two calls per resource
// in a plan, so at 5000 resources that is 180 MiB that cannot be freed. Run
// under a fresh context that carries no values, a call leaves only that
// small context behind. The fresh context is cancelled when the request's is,
// so cancellation still reaches the provider.
//
// The request context carries the plugin libraries' loggers; keep it
// (keepRequestContext) when logs are wanted.
func ProtocolServer(p provider.Provider, keepRequestContext bool) func() tfprotov6.ProviderServer {
	framework := providerserver.NewProtocol6(p)
	return func() tfprotov6.ProviderServer {
		s := framework()
		if keepRequestContext {
			return s
		}
		return &detachedServer{s}
	}
}

// detachedServer runs the calls Terraform makes once per resource instance
// under a detached context; every other call goes to the framework as is.
type detachedServer struct {
	tfprotov6.ProviderServer
}

// detach returns a context without the values of ctx that is cancelled when
// ctx is, and the function that ends it.
func detach(ctx context.Context) (context.Context, func()) {
	d, cancel := context.WithCancel(context.Background())
	stop := context.AfterFunc(ctx, cancel)
	return d, func() {
		stop()
		cancel()
	}
}

func (s *detachedServer) ValidateResourceConfig(ctx context.Context, req *tfprotov6.ValidateResourceConfigRequest) (*tfprotov6.ValidateResourceConfigResponse, error) {
	ctx, done := detach(ctx)
	defer done()
	return s.ProviderServer.ValidateResourceConfig(ctx, req)
}

func (s *detachedServer) UpgradeResourceState(ctx context.Context, req *tfprotov6.UpgradeResourceStateRequest) (*tfprotov6.UpgradeResourceStateResponse, error) {
	ctx, done := detach(ctx)
	defer done()
	return s.ProviderServer.UpgradeResourceState(ctx, req)
}

func (s *detachedServer) ReadResource(ctx context.Context, req *tfprotov6.ReadResourceRequest) (*tfprotov6.ReadResourceResponse, error) {
	ctx, done := detach(ctx)
	defer done()
	return s.ProviderServer.ReadResource(ctx, req)
}

func (s *detachedServer) PlanResourceChange(ctx context.Context, req *tfprotov6.PlanResourceChangeRequest) (*tfprotov6.PlanResourceChangeResponse, error) {
	ctx, done := detach(ctx)
	defer done()
	return s.ProviderServer.PlanResourceChange(ctx, req)
}

func (s *detachedServer) ApplyResourceChange(ctx context.Context, req *tfprotov6.ApplyResourceChangeRequest) (*tfprotov6.ApplyResourceChangeResponse, error) {
	ctx, done := detach(ctx)
	defer done()
	return s.ProviderServer.ApplyResourceChange(ctx, req)
}

func (s *detachedServer) ImportResourceState(ctx context.Context, req *tfprotov6.ImportResourceStateRequest) (*tfprotov6.ImportResourceStateResponse, error) {
	ctx, done := detach(ctx)
	defer done()
	return s.ProviderServer.ImportResourceState(ctx, req)
}

func (s *detachedServer) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	ctx, done := detach(ctx)
	defer done()
	return s.ProviderServer.ValidateDataResourceConfig(ctx, req)
}

func (s *detachedServer) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	ctx, done := detach(ctx)
	defer done()
	return s.ProviderServer.ReadDataSource(ctx, req)
}

func (s *detachedServer) CallFunction(ctx context.Context, req *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	ctx, done := detach(ctx)
	defer done()
	return s.ProviderServer.CallFunction(ctx, req)
}
