// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// Review dates with teeth: the provider settings max_review_days and
// expiry_warning_days, checked when a srm_obligation_acceptance is planned.

// defaultExpiryWarningDays is expiry_warning_days when the provider sets
// none.
const defaultExpiryWarningDays = 30

// reviewPolicy is what the provider requires of review dates.
type reviewPolicy struct {
	// maxDays: every record needs a review_by at most this many days ahead;
	// 0 requires nothing.
	maxDays int64
	// warnDays: a plan warns about a record that expires within this many
	// days; 0 never warns.
	warnDays int64
	// unknown: a setting is unknown during plan; it is checked at apply.
	unknown bool
}

func maxReviewDaysAttribute() schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: "The longest an acceptance may go without review, in days. When set, every " +
			"`srm_obligation_acceptance` needs a `review_by`, at most this many days ahead of the plan: a record without " +
			"one, or with a later one, is an error on its `review_by`. Unset: `review_by` is optional and unbounded.",
		Optional:   true,
		Validators: []validator.Int64{int64validator.AtLeast(1)},
	}
}

func expiryWarningDaysAttribute() schema.Int64Attribute {
	return schema.Int64Attribute{
		MarkdownDescription: fmt.Sprintf("How many days before its `review_by` an acceptance starts to warn: the plan of a "+
			"`srm_obligation_acceptance` that expires within this many days warns, naming the record, the team and the date, "+
			"so that it is renewed before preconditions fail. Defaults to `%d`; `0` turns the warning off.", defaultExpiryWarningDays),
		Optional:   true,
		Validators: []validator.Int64{int64validator.AtLeast(0)},
	}
}

// configureReviewPolicy reads the settings; unknown ones (during plan)
// leave the policy to apply time.
func configureReviewPolicy(maxDays, warnDays types.Int64) reviewPolicy {
	p := reviewPolicy{warnDays: defaultExpiryWarningDays}
	if maxDays.IsUnknown() || warnDays.IsUnknown() {
		return reviewPolicy{unknown: true}
	}
	if !maxDays.IsNull() {
		p.maxDays = maxDays.ValueInt64()
	}
	if !warnDays.IsNull() {
		p.warnDays = warnDays.ValueInt64()
	}
	return p
}

// endOfDay is the last instant of t's UTC day.
func endOfDay(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Add(24*time.Hour - time.Nanosecond)
}

// maxDays bounds the day counts of the settings: ten thousand years.
const maxDays = 3_652_500

// addDays adds n days to t, saturating at maxDays.
func addDays(t time.Time, n int64) time.Time {
	return t.AddDate(0, 0, int(min(n, maxDays)))
}

// check reports, for the record subject accepted by team with review date
// reviewBy (null or unknown possibly), a missing or too distant date
// (errors), one within the warning window and one passed but not yet
// marked expired by a refresh (warnings). A record marked expired has its
// own warning.
func (p reviewPolicy) check(subject, team string, reviewBy types.String, expired bool, now time.Time, diags *diagnostics) {
	if p.unknown || reviewBy.IsUnknown() {
		return
	}
	at := path.Root("review_by")
	if reviewBy.IsNull() {
		if p.maxDays > 0 {
			diags.AddAttributeError(at, "Missing review date",
				fmt.Sprintf("The srm provider sets max_review_days = %d: every acceptance needs a review_by at most %d days ahead. "+
					"Set review_by on the acceptance of %s by %s, e.g. review_by = %q.",
					p.maxDays, p.maxDays, subject, team, addDays(now, p.maxDays).UTC().Format(time.DateOnly)))
		}
		return
	}
	t, err := srm.ParseReviewBy(reviewBy.ValueString())
	if err != nil {
		return // the attribute's validator reports it
	}
	if limit := endOfDay(addDays(now, p.maxDays)); p.maxDays > 0 && t.After(limit) {
		diags.AddAttributeError(at, "Review date too far ahead",
			fmt.Sprintf("review_by %s of the acceptance of %s by %s lies beyond the %d days that the srm provider's "+
				"max_review_days allows: set it to %s or earlier.",
				reviewBy.ValueString(), subject, team, p.maxDays, limit.Format(time.DateOnly)))
		return
	}
	if expired {
		return
	}
	if now.After(t) {
		// Not refreshed since (terraform plan -refresh=false): the data
		// sources already read the record as expired.
		diags.AddAttributeWarning(at, "Obligation acceptance expired",
			fmt.Sprintf("review_by %s of the acceptance of %s by %s has passed: it accepts nothing, and the next refresh "+
				"marks it expired. Move review_by to a future date to renew it.", reviewBy.ValueString(), subject, team))
		return
	}
	if p.warnDays == 0 {
		return
	}
	if left := t.Sub(now); left <= time.Duration(p.warnDays)*24*time.Hour {
		days := int(left.Hours() / 24)
		diags.AddAttributeWarning(at, "Obligation acceptance expires soon",
			fmt.Sprintf("The acceptance of %s by %s expires with review_by %s (in %d days, within the %d days of "+
				"expiry_warning_days). Once it passes, the record accepts nothing and the preconditions it satisfies fail: "+
				"review it and move review_by to renew it.", subject, team, reviewBy.ValueString(), days, p.warnDays))
	}
}
