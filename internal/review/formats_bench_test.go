// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// countingWriter counts what a renderer writes.
type countingWriter struct{ n int64 }

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return len(p), nil
}

// peakHeap samples the live heap every millisecond until stop is called,
// which returns the largest sample in bytes.
func peakHeap() (stop func() uint64) {
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	go func() {
		defer close(finished)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return func() uint64 {
		close(done)
		<-finished
		return peak.Load()
	}
}

// TestMain lets a benchmark run the review as the CLI does, in a process of
// its own: with SRM_REVIEW_CHILD set, the test binary is
// `terraform-provider-srm review` with the arguments after "--".
func TestMain(m *testing.M) {
	if os.Getenv("SRM_REVIEW_CHILD") != "" {
		args := os.Args[1:]
		for i, a := range args {
			if a == "--" {
				args = args[i+1:]
				break
			}
		}
		status := Run(args, os.Stdin, io.Discard, io.Discard)
		// The peak resident set of this process (Linux): the parent's
		// rusage would count the pages it shared before exec.
		if st, err := os.ReadFile("/proc/self/status"); err == nil {
			for _, line := range strings.Split(string(st), "\n") {
				if strings.HasPrefix(line, "VmHWM:") {
					fmt.Fprintln(os.Stderr, line)
				}
			}
		}
		os.Exit(status)
	}
	os.Exit(m.Run())
}

// reviewRSS runs the review of the plan file in a process of its own, as
// the CLI does, and returns its peak resident set size in bytes.
func reviewRSS(b *testing.B, plan, format string) int64 {
	b.Helper()
	cmd := exec.Command(os.Args[0], "--", "-format", format, plan)
	cmd.Env = append(os.Environ(), "SRM_REVIEW_CHILD=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			b.Fatal(err)
		}
	}
	for _, line := range strings.Split(stderr.String(), "\n") {
		if kb, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(kb), "kB")), 10, 64)
			if err == nil {
				return n * 1024
			}
		}
	}
	b.Skip("the review process did not report its peak resident set (/proc/self/status)")
	return 0
}

// BenchmarkFormats47k reviews a plan of 47,000 changes (the size of the
// largest real plan the review was tried on) in every format. Per format it
// reports the time as a multiple of decoding the same JSON into a generic
// value with encoding/json (x-parse; target: at most 3), the peak resident
// set of a review process of its own as a multiple of the file's size
// (rss-x-file; target: at most 3), the live heap's peak in this process,
// which also holds the plan's bytes (heap-x-file), and the output's bytes
// per reviewed resource. One iteration takes seconds:
//
//	go test ./internal/review -run '^$' -bench Formats47k -benchtime 2x
func BenchmarkFormats47k(b *testing.B) {
	const n = 47000
	data := syntheticPlan(n)
	planFile := filepath.Join(b.TempDir(), "plan.json")
	if err := os.WriteFile(planFile, data, 0o600); err != nil {
		b.Fatal(err)
	}
	engine := &srm.Engine{Catalog: srm.MustBuiltin()}
	render := map[string]func(*Report, io.Writer) error{
		"text":     func(r *Report, w io.Writer) error { return r.WriteText(w, false) },
		"markdown": (*Report).WriteMarkdown,
		"json":     (*Report).WriteJSON,
		"oscal":    (*Report).WriteOSCAL,
		"junit":    (*Report).WriteJUnit,
	}
	for _, format := range []string{"text", "markdown", "json", "oscal", "junit"} {
		b.Run(format, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			var parse, review time.Duration
			var peak uint64
			var out int64
			for range b.N {
				parse += decodeTime(b, data)
				stop := peakHeap()
				t1 := time.Now()
				doc, k, err := parseDocument(data)
				if err != nil {
					b.Fatal(err)
				}
				rep := reviewDocument(doc, k, engine, Options{Now: testNow})
				w := &countingWriter{}
				if err := render[format](rep, w); err != nil {
					b.Fatal(err)
				}
				review += time.Since(t1)
				peak = max(peak, stop())
				out = w.n
			}
			b.ReportMetric(float64(review)/float64(parse), "x-parse")
			b.ReportMetric(float64(peak)/float64(len(data)), "heap-x-file")
			b.ReportMetric(float64(reviewRSS(b, planFile, format))/float64(len(data)), "rss-x-file")
			b.ReportMetric(float64(out)/n, "out-B/resource")
		})
	}
}
