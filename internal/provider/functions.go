// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import "github.com/hashicorp/terraform-plugin-framework/function"

// STUB: replaced by function_owner.go, function_service_model.go,
// function_customer_obligations.go and function_unaccepted.go.
func providerFunctions() []func() function.Function { return nil }
