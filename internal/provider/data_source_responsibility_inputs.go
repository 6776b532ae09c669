// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"fmt"
	"reflect"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// readInputs fills the arguments of m (what Read uses; the computed
// attributes stay zero) from the raw configuration, as Config.Get would:
// every attribute of the schema that is not computed only, into the field
// of m with its tfsdk tag.
//
// Why: Config.Get converts the whole configuration, every computed
// attribute included, and sets the struct by reflection over every field;
// for a data source read once per declared resource that was a tenth of
// the provider's CPU. TestReadInputsMatchesConfigGet checks the two agree
// over values generated from the schema.
func readInputs(ctx context.Context, raw tftypes.Value, m *responsibilityModel) diag.Diagnostics {
	args, err := responsibilityInputs()
	if err != nil {
		return diag.Diagnostics{diag.NewErrorDiagnostic("Unexpected schema", err.Error()+". This is a bug in the provider.")}
	}
	var attrs map[string]tftypes.Value
	if err := raw.As(&attrs); err != nil {
		return diag.Diagnostics{diag.NewErrorDiagnostic("Unexpected configuration value",
			"The configuration is not an object: "+err.Error()+". This is a bug in the provider.")}
	}
	var diags diag.Diagnostics
	model := reflect.ValueOf(m).Elem()
	for _, a := range args {
		v, ok := nullValue(a.typ)
		if !attrs[a.name].IsNull() || !ok {
			// ValueFromTerraform builds and compares the Terraform type
			// first, which for acceptances (a list of objects) costs more
			// than the rest of a read: most arguments are null.
			if v, err = a.typ.ValueFromTerraform(ctx, attrs[a.name]); err != nil {
				diags.AddAttributeError(path.Root(a.name), "Unexpected configuration value", fmt.Sprintf("%s. This is a bug in the provider.", err))
				continue
			}
		}
		field := model.Field(a.field)
		rv := reflect.ValueOf(v)
		if !rv.Type().AssignableTo(field.Type()) {
			diags.AddAttributeError(path.Root(a.name), "Unexpected configuration value",
				fmt.Sprintf("A %s does not fit the model's %s. This is a bug in the provider.", rv.Type(), field.Type()))
			continue
		}
		field.Set(rv)
	}
	return diags
}

// input is one argument of srm_responsibility: its name, its type and the
// index of its field in responsibilityModel.
type input struct {
	name  string
	typ   attr.Type
	field int
}

// responsibilityInputs reads the arguments from the schema, once.
var responsibilityInputs = sync.OnceValues(func() ([]input, error) {
	var resp datasource.SchemaResponse
	NewResponsibilityDataSource().Schema(context.Background(), datasource.SchemaRequest{}, &resp)
	fields := map[string]int{}
	mt := reflect.TypeFor[responsibilityModel]()
	for i := range mt.NumField() {
		fields[mt.Field(i).Tag.Get("tfsdk")] = i
	}
	var out []input
	for name, a := range resp.Schema.Attributes {
		if !a.IsOptional() && !a.IsRequired() {
			continue
		}
		i, ok := fields[name]
		if !ok {
			return nil, fmt.Errorf("the argument %s has no field in responsibilityModel", name)
		}
		out = append(out, input{name: name, typ: a.GetType(), field: i})
	}
	return out, nil
})

// nullValue returns the null value of the argument types readInputs reads
// most often.
func nullValue(t attr.Type) (attr.Value, bool) {
	switch t := t.(type) {
	case basetypes.StringType:
		return types.StringNull(), true
	case basetypes.MapType:
		return types.MapNull(t.ElemType), true
	case basetypes.SetType:
		return types.SetNull(t.ElemType), true
	case basetypes.ListType:
		return types.ListNull(t.ElemType), true
	}
	return nil, false
}
