// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"maps"
	"strings"
	"testing"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

func TestGuides(t *testing.T) {
	c := srm.MustBuiltin()
	pages := resourceTypesGuide(c)
	for page, wants := range map[string][]string{
		"guides/resource-types.md.tmpl": {"## Service classes", "## Provider-wide rules", "## Services", "| [`aws`](resource-types-aws) |", "| [`kubernetes`](resource-types-kubernetes) |",
			"; sets `middleware` provider under iaas, `operating_system` provider under iaas, `runtime` provider under iaas"},
		"guides/resource-types-aws.md.tmpl": {
			"| `aws_lambda_function` | faas |",
			"**`package_type`** (default `Image`)",
			"- `Image`: `middleware` → `customer`, `operating_system` → `shared`, `runtime` → `customer`.",
			"- The type sets `operating_system` to `provider`.",
			"(`aws/lambda`)",
			"Conflicts with `launch_type`: when that is set and this is not, this condition does not apply.",
			"The service is hybrid: its hardware is on the customer's site.",
		},
		"guides/resource-types-google.md.tmpl":  {"Classified by service only: no type of the service has an entry of its own."},
		"guides/resource-types-azurerm.md.tmpl": {"azapi resources of the ARM types"},
	} {
		for _, want := range wants {
			if !strings.Contains(pages[page], want) {
				t.Errorf("%s lacks %q", page, want)
			}
		}
	}
	for page, text := range pages {
		// The Registry renders pages of at most 500,000 bytes.
		if len(text) > 450_000 {
			t.Errorf("%s is %d bytes", page, len(text))
		}
	}
	if !maps.Equal(pages, resourceTypesGuide(c)) {
		t.Error("resource-types guides are not deterministic")
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
