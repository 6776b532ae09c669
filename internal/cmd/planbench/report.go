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

func render(clis []string, counts []int, runs int, selected []kind, samples map[key][]time.Duration, peak map[key]int64,
	state map[key]stateSize, versions []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Machine: %s. CLIs: %s. Median of %d runs taken in alternation; per-instance time above an empty configuration.\n\n",
		machine(), strings.Join(versions, "; "), runs)
	b.WriteString("| CLI | op | N | kind | median | per instance | ÷ floor_echo | ÷ time_static | ÷ terraform_data |\n|---|---|---:|---|---:|---:|---:|---:|---:|\n")
	perN := map[key]time.Duration{}
	for _, cli := range clis {
		for _, op := range []string{"plan", "apply"} {
			for _, n := range counts {
				if len(samples[key{cli, "empty", op, n}]) == 0 {
					continue // not measured (apply above -apply-max)
				}
				empty := median(samples[key{cli, "empty", op, n}])
				per := func(kind string) time.Duration {
					if len(samples[key{cli, kind, op, n}]) == 0 {
						return 0 // not measured: the ratio reads n/a
					}
					return perInstance(median(samples[key{cli, kind, op, n}]), empty, n)
				}
				framework, peer, core := per("floor_echo"), per("time_static"), per("terraform_data")
				for _, k := range selected[1:] {
					m := median(samples[key{cli, k.name, op, n}])
					pi := perInstance(m, empty, n)
					perN[key{cli, k.name, op, n}] = pi
					fmt.Fprintf(&b, "| %s | %s | %d | %s | %s | %s | %s | %s | %s |\n", cli, op, n, k.name,
						m.Round(time.Millisecond), pi.Round(time.Microsecond), ratio(pi, framework), ratio(pi, peer), ratio(pi, core))
				}
			}
		}
	}
	// Scaling: per-instance cost at the largest N against the next one.
	if len(counts) >= 2 {
		hi, lo := counts[len(counts)-1], counts[len(counts)-2]
		fmt.Fprintf(&b, "\nScaling (per-instance time at N=%d ÷ at N=%d):\n\n| CLI | op | kind | ratio |\n|---|---|---|---:|\n", hi, lo)
		for _, cli := range clis {
			for _, op := range []string{"plan", "apply"} {
				for _, k := range selected[1:] {
					a, ok1 := perN[key{cli, k.name, op, hi}]
					z, ok2 := perN[key{cli, k.name, op, lo}]
					if ok1 && ok2 {
						fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", cli, op, k.name, ratio(a, z))
					}
				}
			}
		}
	}
	if len(state) > 0 {
		b.WriteString("\nState per instance after apply (largest N applied): the state file's growth over the empty configuration's, " +
			"and the instance's attributes as compact JSON:\n\n| CLI | kind | N | file bytes | attribute bytes |\n|---|---|---:|---:|---:|\n")
		for _, cli := range clis {
			for _, k := range selected[1:] {
				n, ok := largestApplied(state, cli, k.name, counts)
				if !ok || state[key{cli, k.name, "apply", n}].instances == 0 {
					continue
				}
				s, empty := state[key{cli, k.name, "apply", n}], state[key{cli, "empty", "apply", n}]
				fmt.Fprintf(&b, "| %s | %s | %d | %d | %d |\n", cli, k.name, n,
					(s.file-empty.file)/int64(s.instances), s.attributes/int64(s.instances))
			}
		}
	}
	if len(peak) > 0 {
		b.WriteString("\nPeak RSS of the provider process (largest of the runs):\n\n| CLI | op | N | kind | MiB |\n|---|---|---:|---|---:|\n")
		keys := make([]key, 0, len(peak))
		for k := range peak {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool {
			a, c := keys[i], keys[j]
			if a.cli != c.cli {
				return a.cli > c.cli // terraform first
			}
			if a.op != c.op {
				return a.op > c.op // plan first
			}
			if a.n != c.n {
				return a.n < c.n
			}
			return a.kind < c.kind
		})
		for _, k := range keys {
			fmt.Fprintf(&b, "| %s | %s | %d | %s | %.1f |\n", k.cli, k.op, k.n, k.kind, float64(peak[k])/1024)
		}
	}
	return b.String()
}

func largestApplied(state map[key]stateSize, cli, kind string, counts []int) (int, bool) {
	for i := len(counts) - 1; i >= 0; i-- {
		if _, ok := state[key{cli, kind, "apply", counts[i]}]; ok {
			return counts[i], true
		}
	}
	return 0, false
}
