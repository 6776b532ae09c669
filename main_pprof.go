// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

//go:build pprof

package main

import (
	"os"
	"runtime/pprof"
	"strconv"
)

// A provider built with `-tags pprof` writes a CPU profile of each of its
// processes to $SRM_CPU_PROFILE.<pid>, for `go tool pprof`; see
// CONTRIBUTING.md.
func init() {
	prefix := os.Getenv("SRM_CPU_PROFILE")
	if prefix == "" {
		return
	}
	f, err := os.Create(prefix + "." + strconv.Itoa(os.Getpid()))
	if err != nil {
		return
	}
	if pprof.StartCPUProfile(f) == nil {
		stopProfile = pprof.StopCPUProfile
	}
}
