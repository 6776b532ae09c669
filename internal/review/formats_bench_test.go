// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"encoding/json"
	"io"
	"runtime"
	"runtime/metrics"
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

// BenchmarkFormats47k reviews a plan of 47,000 changes (the size of the
// largest real plan the review was tried on) in every format. Per format it
// reports the time as a multiple of decoding the same JSON into a generic
// value with encoding/json (x-parse; target: at most 3), the live heap's
// peak as a multiple of the file's size (peak-x-file; the target of 3 is for
// the process's RSS, which make bench measures on the binary) and the
// output's bytes per reviewed resource. One iteration takes seconds:
//
//	go test ./internal/review -run '^$' -bench Formats47k -benchtime 2x
func BenchmarkFormats47k(b *testing.B) {
	const n = 47000
	data := syntheticPlan(n)
	engine := &srm.Engine{Catalog: srm.MustBuiltin()}
	render := map[string]func(*Report, io.Writer) error{
		"text":     func(r *Report, w io.Writer) error { return r.WriteText(w, false) },
		"markdown": (*Report).WriteMarkdown,
		"json":     (*Report).WriteJSON,
		"oscal":    (*Report).WriteOSCAL,
	}
	for _, format := range []string{"text", "markdown", "json", "oscal"} {
		b.Run(format, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			var parse, review time.Duration
			var peak uint64
			var out int64
			for range b.N {
				runtime.GC()
				t0 := time.Now()
				var v any
				if err := json.Unmarshal(data, &v); err != nil {
					b.Fatal(err)
				}
				parse += time.Since(t0)
				v = nil
				runtime.GC()
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
			b.ReportMetric(float64(peak)/float64(len(data)), "peak-x-file")
			b.ReportMetric(float64(out)/n, "out-B/resource")
		})
	}
}
