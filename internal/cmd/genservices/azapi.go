// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"fmt"
	"os/exec"
	"path"
	"strings"
)

func init() {
	register("azapi", "a checkout or bare repository of Azure/terraform-provider-azapi: its docs/resources/<Namespace>_<type>.md "+
		"pages list the ARM resource types it documents, which must all resolve through a service's arm", extractAzapi)
}

// extractAzapi lists the ARM resource types of the azapi provider's
// documentation (rows of kind "arm"); it adds no services: azapi types
// resolve through the services of azurerm.
func extractAzapi(dir string) (*extraction, error) {
	commit, date, err := gitProvenance(dir)
	if err != nil {
		return nil, err
	}
	out, err := exec.Command("git", "-C", dir, "ls-tree", "--name-only", commit, "docs/resources/").Output()
	if err != nil {
		return nil, fmt.Errorf("git ls-tree in %s: %w", dir, err)
	}
	ex := &extraction{Provider: "azapi", Provenance: provenance{Repository: "Azure/terraform-provider-azapi", Path: "docs/resources", Commit: commit, Date: date}}
	for _, name := range strings.Fields(string(out)) {
		if arm, ok := armTypeOfDoc(path.Base(name)); ok {
			ex.Rows = append(ex.Rows, row{Kind: "arm", Name: arm})
		}
	}
	if len(ex.Rows) == 0 {
		return nil, fmt.Errorf("no ARM resource type pages under docs/resources in %s", dir)
	}
	return ex, nil
}

// armTypeOfDoc turns a page name such as Microsoft.App_managedEnvironments_storages.md
// into the ARM type Microsoft.App/managedEnvironments/storages; pages of the
// provider's own resources (resource.md, update_resource.md) are not ARM types.
func armTypeOfDoc(name string) (string, bool) {
	base, ok := strings.CutSuffix(name, ".md")
	if !ok {
		return "", false
	}
	ns, rest, ok := strings.Cut(base, "_")
	if !ok || !strings.Contains(ns, ".") || rest == "" {
		return "", false
	}
	return ns + "/" + strings.ReplaceAll(rest, "_", "/"), true
}
