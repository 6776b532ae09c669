// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

// Command floorprovider is planbench's floor: a provider on the same plugin
// framework as srm with one data source, floor_echo, that returns its one
// string argument, written as the framework's documentation writes a data
// source (Config.Get, State.Set). No published framework data source is that
// trivial, and a published one would be built against other library
// versions: this one differs from srm only in what its data source does.
// Like srm, it does not produce plugin logs when no TF_LOG* variable is set,
// so that the comparison is between what the data sources do.
//
// A second data source, floor_wide, has srm_responsibility's schema (taken
// from the srm provider, not copied) and returns the configuration as it
// is, with every computed attribute null. Like srm_responsibility, it is
// served by the framework: it is the cost the CLI and the framework charge
// for that schema, whatever the data source computes, and
// srm_responsibility ÷ floor_wide is the cost of what srm computes and
// returns.
package main

import (
	"context"
	"log"
	"os"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6/tf6server"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	srmprovider "github.com/shared-responsibility/terraform-provider-srm/internal/provider"
)

func main() {
	quiet := true
	for _, kv := range os.Environ() {
		quiet = quiet && !strings.HasPrefix(kv, "TF_LOG")
	}
	if quiet {
		_ = os.Setenv("TF_LOG_SDK", "off")
	}
	err := tf6server.Serve("registry.terraform.io/planbench/floor", func() tfprotov6.ProviderServer {
		// floor_wide goes the way srm_responsibility goes: through srm's
		// protocol server (per-call contexts detached) and its direct read.
		wideServer := srmprovider.WithDirectRead(srmprovider.ProtocolServer(floorProvider{})(), "floor_wide", wide{}, echoConfig)
		return wideRouter{ProviderServer: providerserver.NewProtocol6(floorProvider{})(), wide: wideServer}
	})
	if err != nil {
		log.Fatal(err)
	}
}

type floorProvider struct{}

func (floorProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "floor"
}

func (floorProvider) Schema(context.Context, provider.SchemaRequest, *provider.SchemaResponse) {}

func (floorProvider) Configure(context.Context, provider.ConfigureRequest, *provider.ConfigureResponse) {
}

func (floorProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		func() datasource.DataSource { return echo{} },
		func() datasource.DataSource { return wide{} },
	}
}

func (floorProvider) Resources(context.Context) []func() resource.Resource { return nil }

type echo struct{}

type echoModel struct {
	Input  types.String `tfsdk:"input"`
	Output types.String `tfsdk:"output"`
}

func (echo) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_echo"
}

func (echo) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{Attributes: map[string]schema.Attribute{
		"input":  schema.StringAttribute{Optional: true},
		"output": schema.StringAttribute{Computed: true},
	}}
}

func (echo) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var m echoModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	m.Output = m.Input
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

type wide struct{}

func (wide) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_wide"
}

func (wide) Schema(ctx context.Context, req datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	srmprovider.NewResponsibilityDataSource().Schema(ctx, req, resp)
}

func (wide) Read(_ context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	resp.State.Raw = req.Config.Raw
}

// wideRouter sends floor_wide's validation and reads to the server that
// serves it as srm_responsibility is served, and every other call to the
// framework's server as it is.
type wideRouter struct {
	tfprotov6.ProviderServer
	wide tfprotov6.ProviderServer
}

func (s wideRouter) ValidateDataResourceConfig(ctx context.Context, req *tfprotov6.ValidateDataResourceConfigRequest) (*tfprotov6.ValidateDataResourceConfigResponse, error) {
	if req.TypeName == "floor_wide" {
		return s.wide.ValidateDataResourceConfig(ctx, req)
	}
	return s.ProviderServer.ValidateDataResourceConfig(ctx, req)
}

func (s wideRouter) ReadDataSource(ctx context.Context, req *tfprotov6.ReadDataSourceRequest) (*tfprotov6.ReadDataSourceResponse, error) {
	if req.TypeName == "floor_wide" {
		return s.wide.ReadDataSource(ctx, req)
	}
	return s.ProviderServer.ReadDataSource(ctx, req)
}

// echoConfig is floor_wide's read: the configuration as it is.
func echoConfig(_ context.Context, config tftypes.Value) (map[string]tftypes.Value, bool) {
	var attrs map[string]tftypes.Value
	return attrs, config.As(&attrs) == nil
}
