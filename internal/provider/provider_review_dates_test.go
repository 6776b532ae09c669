// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

func TestReviewPolicy(t *testing.T) {
	t.Parallel()
	now := time.Date(2029, 6, 1, 12, 0, 0, 0, time.UTC)
	for name, tc := range map[string]struct {
		policy   reviewPolicy
		reviewBy types.String
		expired  bool
		// want is the summary and a part of the detail of the one
		// diagnostic expected; empty: none.
		want, detail string
		warning      bool
	}{
		"no policy, no date":                   {policy: reviewPolicy{}, reviewBy: types.StringNull()},
		"default, far date":                    {policy: configureReviewPolicy(types.Int64Null(), types.Int64Null()), reviewBy: types.StringValue("2030-01-01")},
		"default, date in 29 days":             {policy: configureReviewPolicy(types.Int64Null(), types.Int64Null()), reviewBy: types.StringValue("2029-06-30"), want: "Obligation acceptance expires soon", detail: "scope:module.payments.* by team-payments expires with review_by 2029-06-30 (in 29 days", warning: true},
		"default, date in 31 days":             {policy: configureReviewPolicy(types.Int64Null(), types.Int64Null()), reviewBy: types.StringValue("2029-07-02")},
		"warning off":                          {policy: configureReviewPolicy(types.Int64Null(), types.Int64Value(0)), reviewBy: types.StringValue("2029-06-02")},
		"warning at 60 days":                   {policy: configureReviewPolicy(types.Int64Null(), types.Int64Value(60)), reviewBy: types.StringValue("2029-07-20T00:00:00Z"), want: "Obligation acceptance expires soon", detail: "(in 48 days, within the 60 days", warning: true},
		"passed, not refreshed":                {policy: configureReviewPolicy(types.Int64Null(), types.Int64Value(0)), reviewBy: types.StringValue("2029-05-01"), want: "Obligation acceptance expired", detail: "review_by 2029-05-01 of the acceptance of scope:module.payments.* by team-payments has passed: it accepts nothing, and the next refresh marks it expired", warning: true},
		"expired: its own warning":             {policy: configureReviewPolicy(types.Int64Null(), types.Int64Null()), reviewBy: types.StringValue("2029-05-01"), expired: true},
		"max, no date":                         {policy: configureReviewPolicy(types.Int64Value(90), types.Int64Null()), reviewBy: types.StringNull(), want: "Missing review date", detail: `max_review_days = 90: every acceptance needs a review_by at most 90 days ahead. Set review_by on the acceptance of scope:module.payments.* by team-payments, e.g. review_by = "2029-08-30"`},
		"max, last day allowed":                {policy: configureReviewPolicy(types.Int64Value(90), types.Int64Null()), reviewBy: types.StringValue("2029-08-30")},
		"max, a day too far":                   {policy: configureReviewPolicy(types.Int64Value(90), types.Int64Null()), reviewBy: types.StringValue("2029-08-31"), want: "Review date too far ahead", detail: "review_by 2029-08-31 of the acceptance of scope:module.payments.* by team-payments lies beyond the 90 days that the srm provider's max_review_days allows: set it to 2029-08-30 or earlier"},
		"max, timestamp too far":               {policy: configureReviewPolicy(types.Int64Value(1), types.Int64Null()), reviewBy: types.StringValue("2029-06-03T00:00:00Z"), want: "Review date too far ahead", detail: "set it to 2029-06-02 or earlier"},
		"max, huge":                            {policy: configureReviewPolicy(types.Int64Value(1<<62), types.Int64Null()), reviewBy: types.StringValue("9999-12-31")},
		"unknown setting":                      {policy: configureReviewPolicy(types.Int64Unknown(), types.Int64Null()), reviewBy: types.StringNull()},
		"unknown date":                         {policy: configureReviewPolicy(types.Int64Value(90), types.Int64Null()), reviewBy: types.StringUnknown()},
		"malformed date left to its validator": {policy: configureReviewPolicy(types.Int64Value(90), types.Int64Null()), reviewBy: types.StringValue("soon")},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var diags diag.Diagnostics
			tc.policy.check("scope:module.payments.*", "team-payments", tc.reviewBy, tc.expired, now, &diags)
			if tc.want == "" {
				if len(diags) > 0 {
					t.Fatalf("unexpected diagnostics: %v", diags)
				}
				return
			}
			if len(diags) != 1 {
				t.Fatalf("got %d diagnostics (%v), want one %q", len(diags), diags, tc.want)
			}
			d := diags[0]
			if d.Summary() != tc.want || !strings.Contains(d.Detail(), tc.detail) {
				t.Errorf("got %q: %s\nwant %q containing %q", d.Summary(), d.Detail(), tc.want, tc.detail)
			}
			if isWarning := d.Severity() == diag.SeverityWarning; isWarning != tc.warning {
				t.Errorf("warning = %v, want %v", isWarning, tc.warning)
			}
		})
	}
}

// The settings reach the resource's plan under every CLI.
func TestAccProvider_reviewDates(t *testing.T) {
	_, clock := clockAt(time.Date(2029, 6, 1, 12, 0, 0, 0, time.UTC))
	record := func(reviewBy string) string {
		return `
provider "srm" {
  max_review_days = 90
}
resource "srm_obligation_acceptance" "payments" {
  scope       = ["module.payments.*"]
  obligations = ["*"]
  accepted_by = "team-payments"
` + reviewBy + `
}
`
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: factoriesAt(clock),
		Steps: []resource.TestStep{
			{Config: record(""), ExpectError: errorPattern(`(?s)Missing review date.*max_review_days = 90`)},
			{Config: record(`  review_by = "2029-12-31"`), ExpectError: errorPattern(`(?s)Review date too far ahead.*set it to 2029-08-30 or earlier`)},
			{Config: record(`  review_by = "2029-08-30"`)},
		},
	})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: factoriesAt(clock),
		Steps: []resource.TestStep{{
			Config:      `provider "srm" { max_review_days = 0 }` + "\n" + `data "srm_matrix" "all" {}`,
			ExpectError: errorPattern(`Attribute max_review_days value must be at least 1`),
		}},
	})
}

// expiry_warning_days reaches the plan of a record: at 60 a record that
// expires in 48 days warns, at the default (30) and at 0 it does not.
func TestProtocolExpiryWarningDays(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		attrs map[string]tftypes.Value
		warns bool
	}{
		{map[string]tftypes.Value{"expiry_warning_days": tftypes.NewValue(tftypes.Number, 60)}, true},
		{nil, false},
		{map[string]tftypes.Value{"expiry_warning_days": tftypes.NewValue(tftypes.Number, 0)}, false},
	} {
		s := configuredServer(t, tc.attrs)
		c := newResourceCalls(t, s)
		config := object(c.typ, map[string]tftypes.Value{
			"scope":       tfStringSet("module.payments.*"),
			"obligations": tfStringSet("*"),
			"accepted_by": tfString("team-payments"),
			"review_by":   tfString("2027-01-16"),
		})
		resp, err := s.PlanResourceChange(context.Background(), &tfprotov6.PlanResourceChangeRequest{TypeName: acceptanceTypeName,
			PriorState: c.dv(c.null()), ProposedNewState: c.dv(config), Config: c.dv(config)})
		if err != nil || hasError(resp.Diagnostics) {
			t.Fatalf("plan: %v %s", err, diagText(resp.Diagnostics))
		}
		warned := strings.Contains(diagText(resp.Diagnostics), "expires soon")
		if warned != tc.warns {
			t.Errorf("expiry_warning_days %v: warned %v, want %v (%s)", tc.attrs, warned, tc.warns, diagText(resp.Diagnostics))
		}
	}
}
