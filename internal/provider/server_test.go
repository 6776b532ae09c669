// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

type ctxKey struct{}

// recordingServer remembers the context of the last call.
type recordingServer struct {
	tfprotov6.ProviderServer
	ctx    context.Context
	during func(context.Context)
	stops  int
}

func (s *recordingServer) StopProvider(context.Context, *tfprotov6.StopProviderRequest) (*tfprotov6.StopProviderResponse, error) {
	s.stops++
	return &tfprotov6.StopProviderResponse{}, nil
}

func (s *recordingServer) ReadDataSource(ctx context.Context, _ *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	s.ctx = ctx
	s.during(ctx)
	return &tfprotov6.ReadDataSourceResponse{}, nil
}

func (s *recordingServer) GetMetadata(ctx context.Context, _ *tfprotov6.GetMetadataRequest) (*tfprotov6.GetMetadataResponse, error) {
	s.ctx = ctx
	return &tfprotov6.GetMetadataResponse{}, nil
}

func TestDetachedServer(t *testing.T) {
	t.Parallel()
	rec := &recordingServer{}
	s := &detachedServer{ProviderServer: rec}
	reqCtx, cancel := context.WithCancel(context.WithValue(context.Background(), ctxKey{}, "request"))
	defer cancel()

	var during any
	rec.during = func(ctx context.Context) { during = ctx.Value(ctxKey{}) }
	if _, err := s.ReadDataSource(reqCtx, &tfprotov6.ReadDataSourceRequest{}); err != nil {
		t.Fatal(err)
	}
	if during != "request" {
		t.Errorf("during the call, the request context's values (the loggers) read %v", during)
	}
	if v := rec.ctx.Value(ctxKey{}); v != nil {
		t.Errorf("after the call, the detached context still reaches the request context (%v)", v)
	}
	if rec.ctx.Err() == nil {
		t.Error("the detached context outlived its call")
	}
	if reqCtx.Err() != nil {
		t.Error("ending the call cancelled the request context")
	}

	// Calls made once per process go to the framework as they come.
	if _, err := s.GetMetadata(reqCtx, &tfprotov6.GetMetadataRequest{}); err != nil {
		t.Fatal(err)
	}
	if rec.ctx != reqCtx {
		t.Error("GetMetadata did not receive the request context")
	}
}

// A cancelled request cancels the provider's work on it, and contexts the
// framework derives attach to the detached context.
func TestDetachPropagatesCancellation(t *testing.T) {
	t.Parallel()
	reqCtx, cancel := context.WithCancel(context.Background())
	ctx, done := detach(reqCtx)
	defer done()
	derived, stop := context.WithCancel(ctx)
	defer stop()
	if derived.Err() != nil {
		t.Fatal("cancelled before the request was")
	}
	cancel()
	select {
	case <-derived.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("cancelling the request did not reach a context derived from the detached one")
	}
}

// The framework's kept cancel functions are released when no call is in
// flight, and never under a call still running.
func TestDetachedServerReleases(t *testing.T) {
	t.Parallel()
	rec := &recordingServer{during: func(context.Context) {}}
	s := &detachedServer{ProviderServer: rec}
	if _, err := s.ReadDataSource(context.Background(), &tfprotov6.ReadDataSourceRequest{}); err != nil {
		t.Fatal(err)
	}
	if rec.stops != 1 {
		t.Fatalf("after a call with none other in flight: %d releases, want 1", rec.stops)
	}
	// A call still in flight holds releases off.
	_, end := s.begin(context.Background())
	rec.during = func(context.Context) {}
	if _, err := s.ReadDataSource(context.Background(), &tfprotov6.ReadDataSourceRequest{}); err != nil {
		t.Fatal(err)
	}
	if rec.stops != 1 {
		t.Errorf("a release happened while a call was in flight (%d)", rec.stops)
	}
	end()
	if rec.stops != 2 {
		t.Errorf("the last call to end did not release (%d)", rec.stops)
	}
}
