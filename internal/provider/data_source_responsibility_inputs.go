// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// acceptancesType is the type of the acceptances argument.
var acceptancesType = acceptancesAttribute("").GetType()

// readInputs fills the arguments of m (what Read uses; the computed
// attributes stay zero) from the raw configuration, as Config.Get would.
//
// Why: Config.Get converts the whole configuration, every computed
// attribute included, and sets the struct by reflection; for a data source
// read once per declared resource that was a tenth of the provider's CPU.
// TestReadInputsMatchesConfigGet checks the two agree.
func readInputs(ctx context.Context, raw tftypes.Value, m *responsibilityModel) diag.Diagnostics {
	var attrs map[string]tftypes.Value
	if err := raw.As(&attrs); err != nil {
		return diag.Diagnostics{diag.NewErrorDiagnostic("Unexpected configuration value",
			"The configuration is not an object: "+err.Error()+". This is a bug in the provider.")}
	}
	var diags diag.Diagnostics
	value := func(name string, t attr.Type) attr.Value {
		if attrs[name].IsNull() {
			// ValueFromTerraform builds and compares the Terraform type
			// first, which for acceptances (a list of objects) costs more
			// than the rest of a read: most arguments are null.
			if null, ok := nullValue(t); ok {
				return null
			}
		}
		v, err := t.ValueFromTerraform(ctx, attrs[name])
		if err != nil {
			diags.AddAttributeError(path.Root(name), "Unexpected configuration value", fmt.Sprintf("%s. This is a bug in the provider.", err))
			return nil
		}
		return v
	}
	str := func(name string) types.String {
		if v, ok := value(name, types.StringType).(types.String); ok {
			return v
		}
		return types.StringNull()
	}
	m.ResourceType, m.ServiceModel, m.ResourceAddress, m.Agreement = str("resource_type"), str("service_model"), str("resource_address"), str("agreement")
	if v, ok := value("conditions", types.MapType{ElemType: types.StringType}).(types.Map); ok {
		m.Conditions = v
	}
	if v, ok := value("accepted_obligations", types.SetType{ElemType: types.StringType}).(types.Set); ok {
		m.AcceptedObligations = v
	}
	if v, ok := value("acceptances", acceptancesType).(types.List); ok {
		m.Acceptances = v
	}
	return diags
}

// nullValue returns the null value of the argument types readInputs reads.
func nullValue(t attr.Type) (attr.Value, bool) {
	switch t := t.(type) {
	case basetypes.StringType:
		return types.StringNull(), true
	case basetypes.BoolType:
		return types.BoolNull(), true
	case basetypes.MapType:
		return types.MapNull(t.ElemType), true
	case basetypes.SetType:
		return types.SetNull(t.ElemType), true
	case basetypes.ListType:
		return types.ListNull(t.ElemType), true
	}
	return nil, false
}
