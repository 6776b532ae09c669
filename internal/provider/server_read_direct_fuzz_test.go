// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// FuzzDirectCalls: for any configuration, whenever the direct calls answer,
// the framework gives the same answer (no diagnostics, the same state).
func FuzzDirectCalls(f *testing.F) {
	f.Add("aws_db_instance", "", "module.a.aws_db_instance.b", "engine", "postgres", "data_protection.back_up_data", false, "")
	f.Add("", "saas", "", "", "", "", true, "nist_800_53_r5")
	f.Add("aws_vpc", "", "", "", "", "network_controls.restrict_ingress", false, "")
	f.Add("azapi_resource", "", "", "type", "Microsoft.Sql/servers@2023-08-01", "", true, "")
	f.Add("", "", "aws_s3_bucket.logs", "", "", "", false, "iso_27001_2022")
	f.Add("aws_db_instanse", "", "", "", "", "", false, "")
	f.Add("aws_lambda_function", "", "", "package_type", "Zip", "*", false, "")
	s := configuredServer(f, nil)
	proto := responsibilityProtoSchema(f, s)
	typ := directResponsibility().typ
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, resourceType, model, address, condKey, condValue, accepted string, detail bool, framework string) {
		attrs := map[string]tftypes.Value{"detail": tftypes.NewValue(tftypes.Bool, detail)}
		optional := func(name, v string) {
			if v != "" {
				attrs[name] = tfString(v)
			}
		}
		optional("resource_type", resourceType)
		optional("service_model", model)
		optional("resource_address", address)
		if condKey != "" {
			attrs["conditions"] = tftypes.NewValue(tftypes.Map{ElementType: tftypes.String}, map[string]tftypes.Value{condKey: tfString(condValue)})
		}
		if accepted != "" {
			attrs["accepted_obligations"] = tfStringSet(accepted)
		}
		if framework != "" {
			attrs["frameworks"] = tfStringSet(framework)
		}
		config := dynamicValue(t, proto, attrs)

		vreq := &tfprotov6.ValidateDataResourceConfigRequest{TypeName: responsibilityTypeName, Config: config}
		if validateDirect(ctx, vreq) != nil {
			fv, err := s.frameworkServer.ValidateDataResourceConfig(ctx, vreq)
			if err != nil || len(fv.Diagnostics) > 0 {
				t.Fatalf("validated directly, but the framework reports %v %v", err, fv.Diagnostics)
			}
		}
		rreq := &tfprotov6.ReadDataSourceRequest{TypeName: responsibilityTypeName, Config: config}
		dr := s.readDirect(ctx, rreq)
		if dr == nil {
			return
		}
		fr, err := s.frameworkServer.ReadDataSource(ctx, rreq)
		if err != nil || len(fr.Diagnostics) > 0 || fr.Deferred != nil {
			t.Fatalf("read directly, but the framework reports %v %v", err, fr.Diagnostics)
		}
		want, err := fr.State.Unmarshal(typ)
		if err != nil {
			t.Fatal(err)
		}
		got, err := dr.State.Unmarshal(typ)
		if err != nil {
			t.Fatalf("the direct state does not decode: %v", err)
		}
		if diffs, err := want.Diff(got); err != nil || len(diffs) > 0 {
			t.Fatalf("the direct state differs from the framework's: %v %v", err, diffs)
		}
	})
}
