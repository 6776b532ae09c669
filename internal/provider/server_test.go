// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

type ctxKey struct{}

// recordingServer remembers the context of the last call.
type recordingServer struct {
	tfprotov6.ProviderServer
	ctx context.Context
}

func (s *recordingServer) ReadDataSource(ctx context.Context, _ *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	s.ctx = ctx
	return &tfprotov6.ReadDataSourceResponse{}, nil
}

func (s *recordingServer) GetMetadata(ctx context.Context, _ *tfprotov6.GetMetadataRequest) (*tfprotov6.GetMetadataResponse, error) {
	s.ctx = ctx
	return &tfprotov6.GetMetadataResponse{}, nil
}

func TestDetachedServer(t *testing.T) {
	t.Parallel()
	rec := &recordingServer{}
	s := &detachedServer{rec}
	reqCtx, cancel := context.WithCancel(context.WithValue(context.Background(), ctxKey{}, "request"))
	defer cancel()

	if _, err := s.ReadDataSource(reqCtx, &tfprotov6.ReadDataSourceRequest{}); err != nil {
		t.Fatal(err)
	}
	if rec.ctx.Value(ctxKey{}) != nil {
		t.Error("a per-resource call received the request context's values")
	}
	if rec.ctx.Err() == nil {
		t.Error("the detached context outlived its call")
	}
	if reqCtx.Err() != nil {
		t.Error("ending the call cancelled the request context")
	}

	// Calls made once per process keep the request context.
	if _, err := s.GetMetadata(reqCtx, &tfprotov6.GetMetadataRequest{}); err != nil {
		t.Fatal(err)
	}
	if rec.ctx.Value(ctxKey{}) != "request" {
		t.Error("GetMetadata did not receive the request context")
	}
}

// A cancelled request cancels the provider's work on it.
func TestDetachPropagatesCancellation(t *testing.T) {
	t.Parallel()
	reqCtx, cancel := context.WithCancel(context.Background())
	ctx, done := detach(reqCtx)
	defer done()
	cancel()
	<-ctx.Done()
}

func TestProtocolServerKeepsContextForLogs(t *testing.T) {
	t.Parallel()
	if _, ok := ProtocolServer(New("test")(), true)().(*detachedServer); ok {
		t.Error("with logs wanted, the request context must reach the framework")
	}
	if _, ok := ProtocolServer(New("test")(), false)().(*detachedServer); !ok {
		t.Error("without logs, per-resource calls must run detached")
	}
}
