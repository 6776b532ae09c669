// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// addressPatternValidator checks a scope pattern: a resource address in
// which * matches any run of characters.
type addressPatternValidator struct{}

var _ validator.String = addressPatternValidator{}

func (addressPatternValidator) Description(context.Context) string {
	return "must be a resource address pattern such as module.payments.* or aws_instance.*"
}

func (v addressPatternValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (addressPatternValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	p := req.ConfigValue.ValueString()
	if _, err := srm.ParseAddressPattern(p); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid address pattern",
			err.Error()+". A pattern is a resource address in which * matches any run of characters: module.payments.* (everything in "+
				"that module and below it), aws_instance.* (every root-module instance of that type), *.aws_s3_bucket.* (that type in any module).")
		return
	}
	if all := srm.ModuleOnlyPattern(p); all != "" {
		resp.Diagnostics.AddAttributeWarning(req.Path, "Scope pattern names a module",
			fmt.Sprintf("%q names a module, not the resources in it: a scope matches resource addresses, so it covers nothing. "+
				"Did you mean %q (everything in that module and below it)?", p, all))
	}
}

// noWildcardValidator rejects a * in resource_address, which names one
// resource: patterns belong in scope.
type noWildcardValidator struct{}

var _ validator.String = noWildcardValidator{}

func (noWildcardValidator) Description(context.Context) string {
	return "must name one resource; use scope for patterns"
}

func (v noWildcardValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (noWildcardValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || !strings.Contains(req.ConfigValue.ValueString(), "*") {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Wildcard in resource_address",
		req.ConfigValue.ValueString()+" contains *: resource_address names one resource. To cover many, set scope = [\""+
			req.ConfigValue.ValueString()+"\"] instead.")
}
