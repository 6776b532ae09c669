// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

//go:build pprof

package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"time"
)

// A provider built with `-tags pprof` writes a CPU profile of each of its
// processes to $SRM_CPU_PROFILE.<pid> and a heap profile to
// $SRM_CPU_PROFILE.heap.<pid>, for `go tool pprof`; see CONTRIBUTING.md.
func init() {
	prefix := os.Getenv("SRM_CPU_PROFILE")
	if prefix == "" {
		return
	}
	f, err := os.Create(prefix + "." + strconv.Itoa(os.Getpid()))
	if err != nil {
		return
	}
	if pprof.StartCPUProfile(f) != nil {
		return
	}
	// SRM_HEAP_AT=<duration> also writes the live heap at that time into
	// $SRM_CPU_PROFILE.live.<pid>.
	if at, err := time.ParseDuration(os.Getenv("SRM_HEAP_AT")); err == nil {
		time.AfterFunc(at, func() { writeHeap(prefix + ".live.") })
	}
	var peak runtime.MemStats
	maxGoroutines := 0
	done := make(chan struct{})
	go func() {
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				var m runtime.MemStats
				runtime.ReadMemStats(&m)
				maxGoroutines = max(maxGoroutines, runtime.NumGoroutine())
				if m.HeapInuse > peak.HeapInuse {
					peak = m
				}
			}
		}
	}()
	stopProfile = func() {
		close(done)
		pprof.StopCPUProfile()
		if m, err := os.Create(prefix + ".mem." + strconv.Itoa(os.Getpid())); err == nil {
			_, _ = fmt.Fprintf(m, "peak HeapInuse %d KiB HeapSys %d KiB Sys %d KiB HeapAlloc %d KiB NextGC %d KiB NumGC %d StackSys %d KiB goroutines %d\n",
				peak.HeapInuse>>10, peak.HeapSys>>10, peak.Sys>>10, peak.HeapAlloc>>10, peak.NextGC>>10, peak.NumGC, peak.StackSys>>10, maxGoroutines)
			_ = m.Close()
		}
		// The heap profile holds what was allocated in the whole run
		// (alloc_space) and what is live at its end (inuse_space).
		runtime.GC()
		runtime.GC()
		if h, err := os.Create(prefix + ".heap." + strconv.Itoa(os.Getpid())); err == nil {
			_ = pprof.Lookup("heap").WriteTo(h, 0)
			_ = h.Close()
		}
	}
}

// writeHeap writes a heap profile after two collections, so that its
// inuse_space is what is live now.
func writeHeap(prefix string) {
	runtime.GC()
	runtime.GC()
	if h, err := os.Create(prefix + strconv.Itoa(os.Getpid())); err == nil {
		_ = pprof.Lookup("heap").WriteTo(h, 0)
		_ = h.Close()
	}
}
