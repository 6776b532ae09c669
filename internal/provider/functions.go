// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/function"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// builtinNote is said in every function's description.
const builtinNote = " Functions see only the **built-in catalog**: Terraform gives functions no provider configuration, so " +
	"agreements and custom catalogs do not apply. Use the data sources for those."

func providerFunctions() []func() function.Function {
	return []func() function.Function{
		NewOwnerFunction,
		NewServiceModelFunction,
		NewCustomerObligationsFunction,
		NewUnacceptedFunction,
	}
}

// builtinEngine resolves against the built-in catalog, without agreements.
func builtinEngine() *srm.Engine { return &srm.Engine{Catalog: srm.MustBuiltin()} }

// argumentError turns a domain input error into an error on argument i.
func argumentError(i int64, err error) *function.FuncError {
	if ie, ok := err.(*srm.InputError); ok {
		return function.NewArgumentFuncError(i, ie.Summary+": "+ie.Detail)
	}
	return function.NewArgumentFuncError(i, err.Error())
}

// setStringList sets a function's result to a list of strings.
func setStringList(ctx context.Context, resp *function.RunResponse, items []string) {
	var diags diagnostics
	list := values(&diags).stringList(items)
	if diags.HasError() {
		resp.Error = function.FuncErrorFromDiags(ctx, diags)
		return
	}
	resp.Error = resp.Result.Set(ctx, list)
}
