// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-validators/datasourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// rootValidator gives exactly the diagnostics of the framework validator it
// stands for, on srm_responsibility's schema, for every combination of
// unset, null-free known and unknown values of the attributes involved.
func TestRootValidatorMatchesFramework(t *testing.T) {
	ctx := context.Background()
	sresp, objType := responsibilitySchema(t)

	names := []string{"resource_type", "service_model", "resource_address", "conditions"}
	known := map[string]tftypes.Value{
		"resource_type":    tftypes.NewValue(tftypes.String, "aws_instance"),
		"service_model":    tftypes.NewValue(tftypes.String, "iaas"),
		"resource_address": tftypes.NewValue(tftypes.String, "aws_instance.web"),
		"conditions":       tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, map[string]tftypes.Value{}),
	}
	pairs := []struct {
		fast      rootValidator
		framework datasource.ConfigValidator
	}{
		{atLeastOneOfRoot("resource_type", "service_model", "resource_address"),
			datasourcevalidator.AtLeastOneOf(path.MatchRoot("resource_type"), path.MatchRoot("service_model"), path.MatchRoot("resource_address"))},
		{conflictingRoot("resource_type", "service_model"),
			datasourcevalidator.Conflicting(path.MatchRoot("resource_type"), path.MatchRoot("service_model"))},
		{conflictingRoot("service_model", "conditions"),
			datasourcevalidator.Conflicting(path.MatchRoot("service_model"), path.MatchRoot("conditions"))},
	}
	// Each attribute unset (0), known (1) or unknown (2): 3^4 configurations.
	for combo := 0; combo < 81; combo++ {
		vals := map[string]tftypes.Value{}
		for name, at := range objType.AttributeTypes {
			vals[name] = tftypes.NewValue(at, nil)
		}
		label, c := "", combo
		for _, n := range names {
			switch c % 3 {
			case 1:
				vals[n] = known[n]
				label += n + "=known "
			case 2:
				vals[n] = tftypes.NewValue(objType.AttributeTypes[n], tftypes.UnknownValue)
				label += n + "=unknown "
			}
			c /= 3
		}
		config := tfsdk.Config{Schema: sresp.Schema, Raw: tftypes.NewValue(objType, vals)}
		for _, p := range pairs {
			var got, want datasource.ValidateConfigResponse
			p.fast.ValidateDataSource(ctx, datasource.ValidateConfigRequest{Config: config}, &got)
			p.framework.ValidateDataSource(ctx, datasource.ValidateConfigRequest{Config: config}, &want)
			if fmt.Sprint(got.Diagnostics) != fmt.Sprint(want.Diagnostics) {
				t.Errorf("%s with %s: got %v, want %v", p.fast.Description(ctx), label, got.Diagnostics, want.Diagnostics)
			}
		}
	}
}

// responsibilitySchema returns srm_responsibility's schema and its object
// type.
func responsibilitySchema(t *testing.T) (datasource.SchemaResponse, tftypes.Object) {
	t.Helper()
	ctx := context.Background()
	var sresp datasource.SchemaResponse
	NewResponsibilityDataSource().Schema(ctx, datasource.SchemaRequest{}, &sresp)
	objType, ok := sresp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatal("the schema is not an object")
	}
	return sresp, objType
}
