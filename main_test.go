// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"slices"
	"testing"
)

func TestSilencedLogs(t *testing.T) {
	t.Parallel()
	for name, tc := range map[string]struct {
		environ []string
		want    []string
	}{
		"nobody listens":     {[]string{"HOME=/home/u", "TF_CLI_CONFIG_FILE=x"}, []string{"TF_LOG_SDK", "TF_LOG_PROVIDER_SRM"}},
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
