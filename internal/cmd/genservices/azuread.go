// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

func init() {
	register("azuread", "a checkout or bare clone of hashicorp/terraform-provider-azuread", extractAzuread)
}

// azureadTypeService places documented resource types that no service
// directory registers (none today); see azurermTypeService.
var azureadTypeService = map[string]string{}

// extractAzuread reads the azuread provider, laid out as azurerm is:
// internal/services/<dir> registers each service's resources, and
// docs/resources has a page per resource type. Entra ID has no ARM
// namespaces: its resources are Microsoft Graph objects.
func extractAzuread(path string) (*extraction, error) {
	commit, date, err := gitProvenance(path)
	if err != nil {
		return nil, err
	}
	src, err := readServices(repoAtHead(path), "azuread", "docs/resources/", ".md", azureadTypeService)
	if err != nil {
		return nil, err
	}
	// The registration names (Users, Groups, Policies) name parts of one
	// product: say which.
	for dir, name := range src.names {
		src.names[dir] = "Microsoft Entra ID: " + name
	}
	ex := src.extraction("azuread", nil)
	ex.Provenance = provenance{Repository: "hashicorp/terraform-provider-azuread", Path: "internal/services",
		Commit: commit, Date: date}
	return ex, nil
}
