// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"strings"
	"testing"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

func TestGuides(t *testing.T) {
	c := srm.MustBuiltin()
	rt := resourceTypesGuide(c)
	for _, want := range []string{
		"\n## aws\n", "\n## kubernetes\n",
		"| `aws_lambda_function` | faas |",
		"**`package_type`** (default `Image`)",
		"- `Image`: `middleware` → `customer`, `operating_system` → `customer`, `runtime` → `customer`.",
		"- The type sets `operating_system` to `provider`.",
	} {
		if !strings.Contains(rt, want) {
			t.Errorf("resource-types guide lacks %q", want)
		}
	}
	if rt != resourceTypesGuide(c) {
		t.Error("resource-types guide is not deterministic")
	}
	src := sourcesGuide(c)
	for _, want := range []string{"| `network_controls` | `paas` | shared |", "| `azure-srm` | [Microsoft: Shared responsibility in the cloud]"} {
		if !strings.Contains(src, want) {
			t.Errorf("sources guide lacks %q", want)
		}
	}
	cg := complianceGuide(c)
	for _, want := range []string{"does not replace, an assessor's judgement", "| `data_protection.encrypt_at_rest` Encrypt data at rest |", "## Split of NIST SP 800-53 Rev. 5 by service model"} {
		if !strings.Contains(cg, want) {
			t.Errorf("compliance guide lacks %q", want)
		}
	}
}
