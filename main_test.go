// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestSilencedLogs(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		environ []string
		want    []string
	}{
		"nobody listens":     {[]string{"HOME=/home/u", "TF_CLI_CONFIG_FILE=x"}, []string{"TF_LOG_SDK", "TF_LOG_SDK_FRAMEWORK", "TF_LOG_SDK_PROTO", "TF_LOG_PROVIDER_SRM"}},
		"TF_LOG set":         {[]string{"TF_LOG=TRACE"}, nil},
		"provider logs only": {[]string{"HOME=/home/u", "TF_LOG_PROVIDER=DEBUG"}, nil},
		"framework only":     {[]string{"TF_LOG_SDK_FRAMEWORK=trace"}, nil},
		"empty TF_LOG":       {[]string{"TF_LOG="}, nil},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if got := silencedLogs(tc.environ); !slices.Equal(got, tc.want) {
				t.Errorf("silencedLogs(%q) = %q, want %q", tc.environ, got, tc.want)
			}
		})
	}
}

// The binary dispatches `review` before the provider's flags, and is the
// provider otherwise.
func TestMainDispatch(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "terraform-provider-srm")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	run := func(args ...string) (int, string, string) {
		cmd := exec.Command(bin, args...)
		var stdout, stderr strings.Builder
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return code, stdout.String(), stderr.String()
	}
	if code, out, _ := run("review", "-h"); code != 0 || !strings.HasPrefix(out, "Usage: terraform-provider-srm review") {
		t.Errorf("review -h: exit %d, stdout %q", code, out)
	}
	if code, _, stderr := run("review", "-format", "json", "internal/review/testdata/plans/cloud.json", "-gate"); code != 2 || !strings.Contains(stderr, "note: srm_obligation_acceptance.pending") {
		t.Errorf("review -gate of a plan with unaccepted obligations: exit %d, stderr %q; want 2", code, stderr)
	}
	if code, _, stderr := run("review", "no-such-plan.json"); code != 1 || strings.Count(stderr, "\n") != 1 || strings.Contains(stderr, "goroutine") {
		t.Errorf("review of a missing file: exit %d, stderr %q; want 1 and one line", code, stderr)
	}
	// Without review and without the plugin handshake: the provider, as today.
	if code, _, stderr := run(); code != 1 || !strings.Contains(stderr, "This binary is a plugin") {
		t.Errorf("no arguments: exit %d, stderr %q; want the plugin message", code, stderr)
	}
}
