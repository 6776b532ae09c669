// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"strings"
	"testing"
	"time"
)

func TestMedianAndPerInstance(t *testing.T) {
	if got := median([]time.Duration{5, 1, 3}); got != 3 {
		t.Errorf("odd median = %v", got)
	}
	if got := median([]time.Duration{4, 1, 3, 2}); got != 2 {
		t.Errorf("even median = %v", got)
	}
	if got := perInstance(1100*time.Millisecond, 100*time.Millisecond, 1000); got != time.Millisecond {
		t.Errorf("per instance = %v", got)
	}
	if got := perInstance(50*time.Millisecond, 100*time.Millisecond, 10); got != 0 {
		t.Errorf("below empty = %v", got)
	}
	if ratio(2*time.Millisecond, time.Millisecond) != "2.00" || ratio(1, 0) != "n/a" {
		t.Error("ratio")
	}
}

func TestRender(t *testing.T) {
	s := map[key][]time.Duration{}
	for _, k := range kinds {
		for _, op := range []string{"plan", "apply"} {
			s[key{"tofu", k.name, op, 100}] = []time.Duration{time.Second + time.Duration(len(k.name))*time.Millisecond}
		}
	}
	s[key{"tofu", "empty", "plan", 100}] = []time.Duration{time.Second}
	out := render([]string{"tofu"}, []int{100}, 1, s, map[string]int64{"tofu terraform-provider-srm 100": 12345}, []string{"OpenTofu v1.12.6"})
	for _, want := range []string{"| tofu | plan | 100 | srm_responsibility |", "| tofu terraform-provider-srm 100 | 12345 |"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}
