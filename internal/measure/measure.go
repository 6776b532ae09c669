// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

// Package measure holds what the tests that measure the provider over data
// sets share (the module sets of internal/srm/testdata, the provider lists):
// reading a CSV file with comment lines, and weighted percentiles.
package measure

import (
	"encoding/csv"
	"fmt"
	"os"
	"sort"
)

// ReadCSV reads a CSV file whose lines starting with '#' are comments.
func ReadCSV(name string) ([][]string, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return recs, nil
}

// WeightedPercentile returns the p-th percentile (0 < p ≤ 1) of values
// weighted by weights, by nearest rank; 0 for no values.
func WeightedPercentile(values, weights []int, p float64) int {
	idx := make([]int, len(values))
	total := 0
	for i := range idx {
		idx[i] = i
		total += weights[i]
	}
	sort.Slice(idx, func(a, b int) bool { return values[idx[a]] < values[idx[b]] })
	rank, seen := p*float64(total), 0
	for _, i := range idx {
		seen += weights[i]
		if float64(seen) >= rank {
			return values[i]
		}
	}
	return 0
}
