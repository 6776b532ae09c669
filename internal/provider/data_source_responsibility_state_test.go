// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"encoding/json"
	"math/big"
	"sort"
	"strconv"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/shared-responsibility/terraform-provider-srm/internal/measure"
)

// jsonOf converts a Terraform value into what encoding/json writes as
// Terraform writes the value's attributes in state: objects and maps with
// sorted keys, null as null.
func jsonOf(t *testing.T, v tftypes.Value) any {
	t.Helper()
	if v.IsNull() {
		return nil
	}
	typ := v.Type()
	switch {
	case typ.Is(tftypes.String):
		var s string
		_ = v.As(&s)
		return s
	case typ.Is(tftypes.Bool):
		var b bool
		_ = v.As(&b)
		return b
	case typ.Is(tftypes.Number):
		f := new(big.Float)
		_ = v.As(&f)
		return json.Number(f.String())
	case typ.Is(tftypes.List{}), typ.Is(tftypes.Set{}), typ.Is(tftypes.Tuple{}):
		var elems []tftypes.Value
		_ = v.As(&elems)
		out := make([]any, len(elems))
		for i, e := range elems {
			out[i] = jsonOf(t, e)
		}
		return out
	default:
		var attrs map[string]tftypes.Value
		if err := v.As(&attrs); err != nil {
			t.Fatalf("cannot convert %s: %v", typ, err)
		}
		out := make(map[string]any, len(attrs))
		for k, e := range attrs {
			out[k] = jsonOf(t, e)
		}
		return out
	}
}

// stateBytes is the size of an instance's attributes in state, as compact
// JSON (what planbench reports as attribute bytes).
func stateBytes(t *testing.T, v tftypes.Value) int {
	t.Helper()
	b, err := json.Marshal(jsonOf(t, v))
	if err != nil {
		t.Fatal(err)
	}
	return len(b)
}

// TestStateSizeOverModuleSets measures the state of srm_responsibility, by
// default (no conditions, nothing accepted), for every resource type that
// public modules declare (the measurement sets of internal/srm), weighted
// by how often they declare it. go test -v -run TestStateSizeOverModuleSets
// ./internal/provider prints the figures.
func TestStateSizeOverModuleSets(t *testing.T) {
	s := configuredServer(t, nil)
	for _, set := range []string{"../srm/testdata/module_types.csv", "../srm/testdata/module_types_holdout.csv"} {
		counts := readTypeCounts(t, set)
		names := make([]string, 0, len(counts))
		for name := range counts {
			names = append(names, name)
		}
		sort.Strings(names)
		var sizes, weights []int
		total, within := 0, 0
		largest := map[string]int{}
		for _, name := range names {
			v, diags := readDataSource(t, s, responsibilityTypeName,
				map[string]tftypes.Value{"resource_type": tfString(name), "resource_address": tfString(name + ".this")})
			if hasError(diags) {
				t.Errorf("%s: %s", name, diagText(diags))
				continue
			}
			n := stateBytes(t, v)
			sizes, weights = append(sizes, n), append(weights, counts[name])
			total += counts[name]
			if n <= 2048 {
				within += counts[name]
			}
			if n > 3500 {
				largest[name] = n
			}
		}
		median, p90 := measure.WeightedPercentile(sizes, weights, 0.5), measure.WeightedPercentile(sizes, weights, 0.9)
		t.Logf("%s: %d types, %d resource blocks: state per instance median %d B, p90 %d B, max %d B; %.1f%% of blocks within 2 KiB; over 3,500 B: %v",
			set, len(names), total, median, p90, measure.WeightedPercentile(sizes, weights, 1), 100*float64(within)/float64(total), largest)
		if median > 2048 {
			t.Errorf("%s: median state per instance %d B, over 2 KiB", set, median)
		}
		if most := measure.WeightedPercentile(sizes, weights, 1); most > 4608 {
			t.Errorf("%s: the largest state per instance is %d B, over 4.5 KiB", set, most)
		}
	}
}

// readTypeCounts reads a module set: resource blocks per type.
func readTypeCounts(t *testing.T, name string) map[string]int {
	t.Helper()
	recs, err := measure.ReadCSV(name)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]int{}
	for _, rec := range recs[1:] {
		n, err := strconv.Atoi(rec[4])
		if err != nil {
			t.Fatalf("bad row %v", rec)
		}
		counts[rec[3]] += n
	}
	return counts
}
