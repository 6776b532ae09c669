// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"testing"
	"time"
)

func TestReviewBy(t *testing.T) {
	day, err := ParseReviewBy("2027-01-31")
	if err != nil {
		t.Fatal(err)
	}
	if day.Format(time.RFC3339Nano) != "2027-01-31T23:59:59.999999999Z" {
		t.Errorf("a date lasts until the end of the day, got %s", day)
	}
	if _, err := ParseReviewBy("31/01/2027"); err == nil {
		t.Error("malformed date accepted")
	}
	noon := time.Date(2027, 1, 31, 12, 0, 0, 0, time.UTC)
	cases := []struct {
		reviewBy string
		now      time.Time
		want     bool
	}{
		{"", noon, false},
		{"2027-01-31", noon, false},
		{"2027-01-31", noon.Add(12 * time.Hour), true},
		{"2027-01-31T11:00:00Z", noon, true},
		{"2027-01-31T13:00:00+02:00", noon, true},
		{"garbage", noon, true},
	}
	for _, tc := range cases {
		if got := Expired(tc.reviewBy, tc.now); got != tc.want {
			t.Errorf("Expired(%q, %s) = %t", tc.reviewBy, tc.now, got)
		}
	}
}

func TestAcceptanceID(t *testing.T) {
	at := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	id := AcceptanceID(`module.db["a@b"].aws_db_instance.main`, at)
	addr, got, err := ParseAcceptanceID(id)
	if err != nil || addr != `module.db["a@b"].aws_db_instance.main` || !got.Equal(at) {
		t.Errorf("round trip of %s: %s %s %v", id, addr, got, err)
	}
	for _, bad := range []string{"aws_db_instance.main", "@2026-11-28T10:00:00Z", "a@", "a@2026-11-28"} {
		if _, _, err := ParseAcceptanceID(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
