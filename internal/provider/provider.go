// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

// Package provider is the Terraform glue of the srm provider: schemas,
// conversions and diagnostics, and the protocol server that wraps the
// framework's (server.go, server_read_direct.go). The domain lives in
// internal/srm.
package provider

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

var (
	_ provider.Provider              = (*srmProvider)(nil)
	_ provider.ProviderWithFunctions = (*srmProvider)(nil)
)

// New returns the provider factory. The clock is time.Now; tests replace it
// with NewWithClock to move time.
func New(version string) func() provider.Provider {
	return NewWithClock(version, time.Now)
}

// NewWithClock returns a provider factory whose notion of now is clock, as
// hashicorp/time does for its tests.
func NewWithClock(version string, clock func() time.Time) func() provider.Provider {
	return func() provider.Provider {
		return &srmProvider{version: version, clock: clock}
	}
}

type srmProvider struct {
	version string
	clock   func() time.Time
	// configured is what Configure made last (nil before). Data sources and
	// resources receive it from the framework (DataSourceData,
	// ResourceData); only the protocol server's direct read of
	// srm_responsibility, which bypasses the framework, reads it here.
	configured atomic.Pointer[providerData]
}

// providerData is what Configure hands to data sources and resources.
type providerData struct {
	engine    *srm.Engine
	tagPrefix string
	clock     func() time.Time
	// results caches srm_responsibility answers per request.
	results resultCache
	// unknown lists the settings that were unknown at configuration (plan).
	unknown unknownSettings
	// reviews is what the provider requires of review dates.
	reviews reviewPolicy
}

type providerModel struct {
	TagPrefix  types.String `tfsdk:"tag_prefix"`
	Catalog    types.String `tfsdk:"catalog"`
	Agreements types.List   `tfsdk:"agreement"`
	// Review dates: provider_review_dates.go.
	MaxReviewDays     types.Int64 `tfsdk:"max_review_days"`
	ExpiryWarningDays types.Int64 `tfsdk:"expiry_warning_days"`
}

func (p *srmProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "srm"
	resp.Version = p.version
}

func (p *srmProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "The `srm` provider makes the cloud **shared responsibility model** part of infrastructure code: " +
			"for every declared resource it computes who owns each layer under its service model, and it records which customer " +
			"obligations a team has accepted. It calls no cloud API. Every argument is optional.",
		Attributes: map[string]schema.Attribute{
			"tag_prefix": schema.StringAttribute{
				MarkdownDescription: "Prefix of the keys in `tags` outputs. Defaults to `" + srm.DefaultTagPrefix + "`. " +
					"Must start with a lowercase letter and contain only lowercase letters, digits, `_` and `-`, so that every key is at once a " +
					"valid AWS tag, Azure tag and GCP label (at most 63 characters with its suffix).",
				Optional: true,
			},
			"catalog": schema.StringAttribute{
				MarkdownDescription: "A JSON or YAML document, usually `file(\"srm-catalog.json\")`, that extends or overrides the built-in " +
					"catalog: organisation-specific resource types, obligations, service models. Strictly validated; errors name the JSON path. " +
					"See the guide *Agreements and custom catalogs*.",
				Optional: true,
			},
			"max_review_days":     maxReviewDaysAttribute(),
			"expiry_warning_days": expiryWarningDaysAttribute(),
		},
		Blocks: map[string]schema.Block{
			"agreement": agreementBlock(),
		},
	}
}

func (p *srmProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var cfg providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &cfg)...)
	if resp.Diagnostics.HasError() {
		return
	}
	var unknown unknownSettings
	catalog, ok := configureCatalog(cfg.Catalog, &unknown, &resp.Diagnostics)
	if !ok {
		return
	}
	prefix := srm.DefaultTagPrefix
	switch {
	case cfg.TagPrefix.IsUnknown():
		unknown.tagPrefix = true
	case !cfg.TagPrefix.IsNull():
		prefix = cfg.TagPrefix.ValueString()
		if err := catalog.ValidateTagPrefix(prefix); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("tag_prefix"), "Invalid tag prefix", err.Error())
			return
		}
	}
	agreements, ok := configureAgreements(ctx, catalog, cfg.Agreements, &unknown, &resp.Diagnostics)
	if !ok {
		return
	}
	tflog.Debug(ctx, "configured srm provider", map[string]any{
		"catalog_version": catalog.Version, "resource_types": len(catalog.TypeNames), "agreements": len(agreements),
		"unknown_settings": unknown.String(),
	})
	if unknown.any() && req.ClientCapabilities.DeferralAllowed {
		// The framework then defers every data source read and resource
		// plan until the settings are known.
		resp.Deferred = &provider.Deferred{Reason: provider.DeferredReasonProviderConfigUnknown}
	}
	data := &providerData{engine: &srm.Engine{Catalog: catalog, Agreements: agreements}, tagPrefix: prefix, clock: p.clock,
		unknown: unknown, reviews: configureReviewPolicy(cfg.MaxReviewDays, cfg.ExpiryWarningDays)}
	resp.DataSourceData = data
	resp.ResourceData = data
	p.configured.Store(data)
}

func (p *srmProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		NewResponsibilityDataSource,
		NewResponsibilityDetailDataSource,
		NewMatrixDataSource,
		NewCatalogDataSource,
		NewAssessmentDataSource,
	}
}

func (p *srmProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		NewObligationAcceptanceResource,
	}
}

func (p *srmProvider) Functions(context.Context) []func() function.Function {
	return providerFunctions()
}
