// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

//go:build pprof

package main

import (
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"time"
)

// A provider built with `-tags pprof` writes a CPU profile of each of its
// processes to $SRM_CPU_PROFILE.<pid> and a heap profile to
// $SRM_CPU_PROFILE.heap.<pid> (and, with SRM_HEAP_AT, the live heap
// mid-run), for `go tool pprof`; see CONTRIBUTING.md.
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
	stopProfile = func() {
		pprof.StopCPUProfile()
		// The heap profile holds what was allocated in the whole run
		// (alloc_space) and what is live at its end (inuse_space).
		writeHeap(prefix + ".heap.")
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
