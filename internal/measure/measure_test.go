// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package measure

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWeightedPercentile(t *testing.T) {
	values, weights := []int{30, 10, 20}, []int{1, 1, 2}
	for p, want := range map[float64]int{0.25: 10, 0.5: 20, 0.75: 20, 0.9: 30, 1: 30} {
		if got := WeightedPercentile(values, weights, p); got != want {
			t.Errorf("p%.0f = %d, want %d", 100*p, got, want)
		}
	}
	if got := WeightedPercentile(nil, nil, 0.5); got != 0 {
		t.Errorf("no values: %d", got)
	}
}

func TestReadCSV(t *testing.T) {
	name := filepath.Join(t.TempDir(), "x.csv")
	if err := os.WriteFile(name, []byte("# a comment, with a comma\na,b\n1,2\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	recs, err := ReadCSV(name)
	if err != nil || len(recs) != 2 || recs[1][1] != "2" {
		t.Errorf("got %v, %v", recs, err)
	}
	if _, err := ReadCSV(filepath.Join(t.TempDir(), "none.csv")); err == nil {
		t.Error("no error for a missing file")
	}
}
