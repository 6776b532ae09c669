// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"fmt"
	"strings"
	"time"
)

// ParseReviewBy reads a review date: an RFC 3339 date ("2027-01-31", which
// lasts until the end of that day, UTC) or timestamp ("2027-01-31T12:00:00Z").
// It returns the instant after which the acceptance is expired.
func ParseReviewBy(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	if d, err := time.Parse(time.DateOnly, s); err == nil {
		return d.Add(24*time.Hour - time.Nanosecond), nil
	}
	return time.Time{}, fmt.Errorf("%q is neither an RFC 3339 date (2027-01-31) nor an RFC 3339 timestamp (2027-01-31T12:00:00Z)", s)
}

// Expired reports whether an acceptance reviewed by reviewBy has expired at
// now. An empty reviewBy never expires; a malformed one is treated as
// expired, so that a corrupted record never counts as accepted.
func Expired(reviewBy string, now time.Time) bool {
	if reviewBy == "" {
		return false
	}
	t, err := ParseReviewBy(reviewBy)
	return err != nil || now.After(t)
}

// AcceptanceID is the id, and import id, of an acceptance record:
// "<resource_address>@<accepted_at>".
func AcceptanceID(address string, acceptedAt time.Time) string {
	return address + "@" + acceptedAt.UTC().Format(time.RFC3339)
}

// ParseAcceptanceID splits an acceptance id. The address may itself hold an
// "@" (in an index key); the timestamp follows the last one.
func ParseAcceptanceID(id string) (string, time.Time, error) {
	i := strings.LastIndex(id, "@")
	if i <= 0 || i == len(id)-1 {
		return "", time.Time{}, fmt.Errorf("%q is not an acceptance id: expected <resource_address>@<accepted_at>, e.g. aws_db_instance.main@2026-11-28T10:00:00Z", id)
	}
	t, err := time.Parse(time.RFC3339, id[i+1:])
	if err != nil {
		return "", time.Time{}, fmt.Errorf("%q is not an acceptance id: %q after the last \"@\" is not an RFC 3339 timestamp such as 2026-11-28T10:00:00Z", id, id[i+1:])
	}
	return id[:i], t, nil
}
