// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/helpers/validatordiag"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// rootValidator is datasourcevalidator.AtLeastOneOf or Conflicting over
// root attributes, with the same semantics and the same diagnostics (their
// descriptions come from the framework validator itself), but reading the
// attributes straight from the raw configuration.
//
// Why: the framework validators resolve path expressions against the schema
// (Config.PathMatches, GetAttribute), which copies the schema's attribute map
// at every step. In a plan of 2,000 srm_responsibility reads that was 22 % of
// the provider's CPU (CONTRIBUTING, "Benchmarks"): every instance of the
// data source is validated. This form reads the root object once.
type rootValidator struct {
	// conflicting: at most one of names is configured; otherwise at least
	// one is.
	conflicting bool
	names       []string
	// framework is the equivalent framework validator, for its description.
	framework datasource.ConfigValidator
}

var _ datasource.ConfigValidator = rootValidator{}

func atLeastOneOfRoot(names ...string) rootValidator {
	return rootValidator{names: names, framework: datasourcevalidator.AtLeastOneOf(rootExpressions(names)...)}
}

func conflictingRoot(names ...string) rootValidator {
	return rootValidator{conflicting: true, names: names, framework: datasourcevalidator.Conflicting(rootExpressions(names)...)}
}

func rootExpressions(names []string) []path.Expression {
	out := make([]path.Expression, len(names))
	for i, n := range names {
		out[i] = path.MatchRoot(n)
	}
	return out
}

func (v rootValidator) Description(ctx context.Context) string { return v.framework.Description(ctx) }

func (v rootValidator) MarkdownDescription(ctx context.Context) string {
	return v.framework.MarkdownDescription(ctx)
}

func (v rootValidator) ValidateDataSource(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	resp.Diagnostics.Append(v.validate(ctx, req.Config.Raw)...)
}

func (v rootValidator) validate(ctx context.Context, config tftypes.Value) diag.Diagnostics {
	var attrs map[string]tftypes.Value
	if !config.IsKnown() || config.IsNull() {
		return nil
	}
	if err := config.As(&attrs); err != nil {
		return diag.Diagnostics{diag.NewErrorDiagnostic("Invalid configuration", "The configuration is not an object: "+strings.TrimSpace(err.Error()))}
	}
	var configured []string
	unknown := false
	for _, n := range v.names {
		switch val, ok := attrs[n]; {
		case !ok || val.IsNull():
		case !val.IsKnown():
			unknown = true
		default:
			configured = append(configured, n)
		}
	}
	switch {
	case v.conflicting && len(configured) > 1:
		// As Conflicting: an unknown value does not conflict yet.
		return diag.Diagnostics{validatordiag.InvalidAttributeCombinationDiagnostic(path.Root(configured[0]), v.Description(ctx))}
	case !v.conflicting && len(configured) == 0 && !unknown:
		return diag.Diagnostics{diag.NewErrorDiagnostic("Missing Attribute Configuration", v.Description(ctx))}
	}
	return nil
}
