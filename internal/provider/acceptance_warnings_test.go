// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// onlyDiagnostic returns the one diagnostic of diags, failing otherwise.
func onlyDiagnostic(t *testing.T, diags diag.Diagnostics, severity diag.Severity) diag.Diagnostic {
	t.Helper()
	if len(diags) != 1 || diags[0].Severity() != severity {
		t.Fatalf("got %v, want one diagnostic of severity %v", diags, severity)
	}
	return diags[0]
}

// A scope pattern that names a module, not the resources in it, warns
// with the pattern that covers them.
func TestScopePatternNamingAModule(t *testing.T) {
	t.Parallel()
	at := path.Root("scope").AtSetValue(types.StringValue("x"))
	for p, want := range map[string]string{
		`module.payments`:   `"module.payments" names a module, not the resources in it: a scope matches resource addresses, so it covers nothing. Did you mean "module.payments.*"`,
		`module.shop["eu"]`: `Did you mean "module.shop[\"eu\"].*"`,
		`module.payments.*`: "",
		`aws_instance.*`:    "",
	} {
		var resp validator.StringResponse
		addressPatternValidator{}.ValidateString(context.Background(), validator.StringRequest{Path: at, ConfigValue: types.StringValue(p)}, &resp)
		if want == "" {
			if len(resp.Diagnostics) > 0 {
				t.Errorf("%s: unexpected %v", p, resp.Diagnostics)
			}
			continue
		}
		d := onlyDiagnostic(t, resp.Diagnostics, diag.SeverityWarning)
		if d.Summary() != "Scope pattern names a module" || !strings.Contains(d.Detail(), want) {
			t.Errorf("%s: got %q: %s", p, d.Summary(), d.Detail())
		}
		if wp, ok := d.(diag.DiagnosticWithPath); !ok || !wp.Path().Equal(at) {
			t.Errorf("%s: the warning is not on the pattern", p)
		}
	}
}

// The resource_type filter of a scoped record: a type the catalog does not
// resolve is an error with suggestions; a type one edit from an entry,
// answered only by its service, warns.
func TestScopeResourceTypeFilter(t *testing.T) {
	t.Parallel()
	r := &obligationAcceptanceResource{data: testProviderData()}
	filter := func(resourceType string) diag.Diagnostics {
		var diags diag.Diagnostics
		m := &obligationAcceptanceModel{ResourceType: types.StringValue(resourceType), ServiceModel: types.StringNull()}
		r.scopeFilter(m, &diags)
		return diags
	}
	if diags := filter("aws_db_instance"); len(diags) > 0 {
		t.Errorf("aws_db_instance: unexpected %v", diags)
	}
	d := onlyDiagnostic(t, filter("aws_db_instnace"), diag.SeverityWarning)
	if d.Summary() != "Resource type near a catalog entry" || !strings.Contains(d.Detail(), `Did you mean "aws_db_instance"`) {
		t.Errorf("aws_db_instnace: got %q: %s", d.Summary(), d.Detail())
	}
	d = onlyDiagnostic(t, filter("awz_db_instance"), diag.SeverityError)
	if !strings.Contains(d.Detail(), "aws_db_instance") {
		t.Errorf("awz_db_instance: the error suggests nothing: %s", d.Detail())
	}
}

// srm_assessment warns about each record that covers none of its
// resources, on the record's element, with a did-you-mean.
func TestAssessmentUnmatchedRecordWarnings(t *testing.T) {
	t.Parallel()
	e := &srm.Engine{Catalog: srm.MustBuiltin()}
	records := []srm.AcceptanceRecord{
		{Scope: []string{"module.payments.*"}, Obligations: []string{"*"}, AcceptedBy: "team-payments"},
		{Scope: []string{"module.paymnets.*"}, Obligations: []string{"*"}, AcceptedBy: "team-typo"},
		{ResourceAddress: "aws_instance.wbe", Obligations: []string{"*"}, AcceptedBy: "team-web"},
		{Scope: []string{"*"}, ResourceType: "aws_s3_bucket", Obligations: []string{"*"}, AcceptedBy: "team-buckets"},
	}
	a, err := e.AssessWithRecords(map[string]srm.AssessItem{
		"module.payments.aws_db_instance.orders": {ResourceType: "aws_db_instance"},
		"aws_instance.web":                       {ResourceType: "aws_instance"},
	}, nil, records, "", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	var diags diag.Diagnostics
	warnUnmatched(records, a, &diags)
	want := map[int]string{
		1: `The acceptance by team-typo with scope module.paymnets.* covers none of the 2 resources of this assessment, so it accepts nothing here. Did you mean "module.payments.*"?`,
		2: `resource_address aws_instance.wbe covers none of the 2 resources of this assessment, so it accepts nothing here. Did you mean "aws_instance.web"?`,
		3: `with scope * (resource_type aws_s3_bucket) covers none`,
	}
	if len(diags) != len(want) {
		t.Fatalf("got %d diagnostics, want %d: %v", len(diags), len(want), diags)
	}
	for _, d := range diags {
		wp, _ := d.(diag.DiagnosticWithPath)
		found := false
		for i, text := range want {
			if wp != nil && wp.Path().Equal(path.Root("acceptances").AtListIndex(i)) {
				found = true
				if d.Severity() != diag.SeverityWarning || d.Summary() != "Acceptance covers no resource" || !strings.Contains(d.Detail(), text) {
					t.Errorf("acceptances[%d]: got %q: %s\nwant containing %s", i, d.Summary(), d.Detail(), text)
				}
			}
		}
		if !found {
			t.Errorf("unexpected %v", d)
		}
	}
}
