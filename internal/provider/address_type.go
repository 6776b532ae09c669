// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// typeFromAddress reads the resource type from a resource address such as
// module.x.aws_db_instance.orders["a"], for a request that gives neither a
// resource type nor a service model (SPEC §7.4). An address that is not one,
// or whose type the catalog does not know, is an error on at that says to
// set the type.
func typeFromAddress(e *srm.Engine, address string, at path.Path, diags *diagnostics) (string, bool) {
	a, err := srm.ParseResourceAddress(address)
	if err != nil {
		diags.AddAttributeError(at, "Resource type not given",
			err.Error()+". Without a resource type the type is read from the address; set the resource type (or the "+
				"service model for a type the catalog does not know).")
		return "", false
	}
	if _, err := e.Resolve(srm.Request{ResourceType: a.Type}); err != nil {
		var ie *srm.InputError
		if errors.As(err, &ie) && ie.Field == "resource_type" {
			diags.AddAttributeError(at, "Unknown resource type in the address",
				fmt.Sprintf("%s names the resource type %q. %s Set the resource type to the type it stands for, or the "+
					"service model.", address, a.Type, ie.Detail))
		} else {
			addInputError(diags, at, err, nil)
		}
		return "", false
	}
	return a.Type, true
}
