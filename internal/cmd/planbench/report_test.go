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
	for _, k := range kinds {
		// N=1000 is planned only (above -apply-max), at twice the
		// per-instance cost.
		s[key{"tofu", k.name, "plan", 1000}] = []time.Duration{time.Second + 20*time.Duration(len(k.name))*time.Millisecond}
	}
	s[key{"tofu", "empty", "plan", 1000}] = []time.Duration{time.Second}
	state := map[key]stateSize{
		{"tofu", "empty", "apply", 100}:              {file: 200},
		{"tofu", "srm_responsibility", "apply", 100}: {file: 200 + 100*3000, attributes: 100 * 2000, instances: 100},
	}
	out := render([]string{"tofu"}, []int{100, 1000}, 1, kinds, s,
		map[key]int64{{"tofu", "srm_responsibility", "plan", 100}: 12800}, state, []string{"OpenTofu v1.12.6"})
	for _, want := range []string{"| tofu | plan | 100 | srm_responsibility |", "| tofu | plan | 1000 | srm_responsibility |",
		"| tofu | plan | srm_responsibility | 2.00 |", "| tofu | plan | 100 | srm_responsibility | 12.5 |",
		"| tofu | srm_responsibility | 100 | 3000 | 2000 |"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "| tofu | apply | 1000 |") {
		t.Errorf("a row for an apply that was not run:\n%s", out)
	}
}

func TestSelectKinds(t *testing.T) {
	got := selectKinds("srm_responsibility, floor_echo")
	var names []string
	for _, k := range got {
		names = append(names, k.name)
	}
	if strings.Join(names, ",") != "empty,floor_echo,srm_responsibility" {
		t.Errorf("selected %v", names)
	}
	if len(selectKinds("")) != len(kinds) {
		t.Error("no selection is not every kind")
	}
}

// The distinct-acceptance configuration gives each instance its own set.
func TestDistinctConfig(t *testing.T) {
	var cfg string
	for _, k := range kinds {
		if k.name == "srm_responsibility_distinct" {
			cfg = k.config(3)
		}
	}
	if !strings.Contains(cfg, `"network_controls.restrict_ingress"`) || !strings.Contains(cfg, "count                = 3") {
		t.Errorf("config:\n%s", cfg)
	}
}
