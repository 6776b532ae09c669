// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// TestAccExamples applies every example of the documentation (the demo has
// its own run in `make testdemo`), so that no example in docs/ is broken.
// Function examples need provider functions: they skip under Terraform 1.5.
func TestAccExamples(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("..", "..", "examples", "*", "*"))
	if err != nil {
		t.Fatal(err)
	}
	dirs = append(dirs, filepath.Join("..", "..", "examples", "provider"))
	ran := 0
	for _, dir := range dirs {
		// examples/modules are modules, applied through their callers
		// (TestAccExampleModule and the documentation's examples).
		if info, err := os.Stat(dir); err != nil || !info.IsDir() || strings.Contains(dir, "demo") || strings.Contains(dir, "modules") {
			continue
		}
		tfs, _ := filepath.Glob(filepath.Join(dir, "*.tf"))
		if len(tfs) == 0 {
			continue
		}
		ran++
		name := strings.TrimPrefix(filepath.ToSlash(dir), "../../examples/")
		t.Run(name, func(t *testing.T) {
			var checks []tfversion.TerraformVersionCheck
			if strings.HasPrefix(name, "functions/") {
				checks = functionVersions
				dir = withRequiredProvider(t, dir)
			}
			// The examples' review dates lie within a year of docsClock.
			_, clock := clockAt(docsClock)
			resource.ParallelTest(t, resource.TestCase{
				TerraformVersionChecks: checks,
				Steps: []resource.TestStep{{
					ProtoV6ProviderFactories: factoriesAt(clock),
					ConfigDirectory:          config.StaticDirectory(dir),
				}},
			})
		})
	}
	if ran < 9 {
		t.Fatalf("only %d example directories found", ran)
	}
}

// withRequiredProvider copies an example into a temporary directory with a
// required_providers block: a configuration that only calls a provider
// function must still require the provider. The examples leave it out to
// stay short.
func withRequiredProvider(t *testing.T, dir string) string {
	t.Helper()
	tmp := t.TempDir()
	files, _ := filepath.Glob(filepath.Join(dir, "*.tf"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(tmp, filepath.Base(f)), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	versions := "terraform {\n  required_providers {\n    srm = { source = \"hashicorp/srm\" }\n  }\n}\n"
	if err := os.WriteFile(filepath.Join(tmp, "versions.tf"), []byte(versions), 0o644); err != nil {
		t.Fatal(err)
	}
	return tmp
}
