// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

func median(ds []time.Duration) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// perInstance is the median time above the empty configuration, per
// instance.
func perInstance(kindMedian, emptyMedian time.Duration, n int) time.Duration {
	d := kindMedian - emptyMedian
	if d < 0 {
		d = 0
	}
	return d / time.Duration(n)
}

func ratio(a, b time.Duration) string {
	if b <= 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", float64(a)/float64(b))
}

func render(clis []string, counts []int, runs int, samples map[key][]time.Duration, peak map[string]int64, versions []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Machine: %s. CLIs: %s. Median of %d runs taken in alternation; per-instance time above an empty configuration.\n\n",
		machine(), strings.Join(versions, "; "), runs)
	b.WriteString("| CLI | op | N | kind | median | per instance | ÷ time_static | ÷ terraform_data |\n|---|---|---:|---|---:|---:|---:|---:|\n")
	for _, cli := range clis {
		for _, op := range []string{"plan", "apply"} {
			for _, n := range counts {
				empty := median(samples[key{cli, "empty", op, n}])
				peer := perInstance(median(samples[key{cli, "time_static", op, n}]), empty, n)
				floor := perInstance(median(samples[key{cli, "terraform_data", op, n}]), empty, n)
				for _, k := range kinds[1:] {
					m := median(samples[key{cli, k.name, op, n}])
					pi := perInstance(m, empty, n)
					fmt.Fprintf(&b, "| %s | %s | %d | %s | %s | %s | %s | %s |\n", cli, op, n, k.name,
						m.Round(time.Millisecond), pi.Round(time.Microsecond), ratio(pi, peer), ratio(pi, floor))
				}
			}
		}
	}
	if len(peak) > 0 {
		b.WriteString("\n| peak RSS of the provider process | KiB |\n|---|---:|\n")
		keys := make([]string, 0, len(peak))
		for k := range peak {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(&b, "| %s | %d |\n", k, peak[k])
		}
	}
	return b.String()
}
