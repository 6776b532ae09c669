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
	// Run by hand without arguments: the usage, naming every mode.
	if code, _, stderr := run(); code != 1 || !strings.HasPrefix(stderr, "Usage: terraform-provider-srm") {
		t.Errorf("no arguments: exit %d, stderr %q; want the usage", code, stderr)
	}
	if code, out, _ := run("version"); code != 0 || !strings.HasPrefix(out, "terraform-provider-srm dev\ncatalog 20") {
		t.Errorf("version: exit %d, stdout %q", code, out)
	}
	// Started as a plugin without the handshake Terraform performs: the
	// provider's own message, as before.
	cmd := exec.Command(bin)
	cmd.Env = append(cmd.Environ(), "TF_PLUGIN_MAGIC_COOKIE=wrong")
	out, _ := cmd.CombinedOutput()
	if !strings.Contains(string(out), "This binary is a plugin") {
		t.Errorf("with the plugin cookie: %q; want the plugin message", out)
	}
}

// The modes that are not the provider, and when the binary is the provider.
func TestCommand(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args           []string
		plugin         bool
		status         int
		done           bool
		stdout, stderr []string
	}{
		{nil, false, 1, true, nil, []string{"Usage: terraform-provider-srm", "review", "version", "Plugin mode"}},
		{nil, true, 0, false, nil, nil},
		{[]string{"-h"}, false, 0, true, []string{"Usage: terraform-provider-srm", "review", "version"}, nil},
		{[]string{"--help"}, false, 0, true, []string{"Usage: terraform-provider-srm"}, nil},
		{[]string{"version"}, false, 0, true, []string{"terraform-provider-srm dev\n", "\ncatalog ", "\ngo1."}, nil},
		{[]string{"review", "-h"}, false, 0, true, []string{"Usage: terraform-provider-srm review"}, nil},
		{[]string{"-debug"}, false, 0, false, nil, nil},
	} {
		var stdout, stderr strings.Builder
		status, done := command(tc.args, tc.plugin, &stdout, &stderr)
		if status != tc.status || done != tc.done {
			t.Errorf("%q (plugin %v): status %d, done %v; want %d, %v", tc.args, tc.plugin, status, done, tc.status, tc.done)
		}
		for _, want := range tc.stdout {
			if !strings.Contains(stdout.String(), want) {
				t.Errorf("%q: stdout %q lacks %q", tc.args, stdout.String(), want)
			}
		}
		for _, want := range tc.stderr {
			if !strings.Contains(stderr.String(), want) {
				t.Errorf("%q: stderr %q lacks %q", tc.args, stderr.String(), want)
			}
		}
	}
}
