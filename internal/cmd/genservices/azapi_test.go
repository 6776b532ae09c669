// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import "testing"

func TestArmTypeOfDoc(t *testing.T) {
	for name, want := range map[string]string{
		"Microsoft.App_managedEnvironments_storages.md": "Microsoft.App/managedEnvironments/storages",
		"Microsoft.Compute_virtualMachines.md":          "Microsoft.Compute/virtualMachines",
		"Nginx.NginxPlus_nginxDeployments.md":           "Nginx.NginxPlus/nginxDeployments",
		"resource.md":                                   "",
		"data_plane_resource.md":                        "",
		"Microsoft.Compute.md":                          "",
		"Microsoft.Compute_.md":                         "",
		"Microsoft.Compute_virtualMachines.html":        "",
	} {
		got, ok := armTypeOfDoc(name)
		if got != want || ok != (want != "") {
			t.Errorf("armTypeOfDoc(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
}
