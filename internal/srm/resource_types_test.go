// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"strings"
	"testing"
)

func TestResourceTypeCatalog(t *testing.T) {
	c := MustBuiltin()
	if len(c.TypeNames) < 400 {
		t.Errorf("the catalog holds %d resource types, want at least 400", len(c.TypeNames))
	}
	perProvider := map[string]int{}
	for _, name := range c.TypeNames {
		p, _, _ := strings.Cut(name, "_")
		perProvider[p]++
		rt := c.ResourceTypes[name]
		if c.ServiceModel(rt.ServiceModel) == nil || rt.Source == "" || c.Sources[rt.Source].URL == "" {
			t.Errorf("%s: model %q, source %q", name, rt.ServiceModel, rt.Source)
		}
		if len(rt.Focus) == 0 {
			t.Errorf("%s has no focus", name)
		}
		for _, f := range rt.Focus {
			if comp := c.Component(f); comp == nil || strings.HasPrefix(f, "physical_") {
				t.Errorf("%s: focus %q", name, f)
			}
		}
		// Every type and every condition value resolves.
		if _, err := engine().Resolve(Request{ResourceType: name}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		for _, k := range rt.ConditionKeys {
			if rt.Conditions[k].Description == "" {
				t.Errorf("%s: condition %s is not documented", name, k)
			}
			for _, v := range rt.Conditions[k].ValueKeys {
				if _, err := engine().Resolve(Request{ResourceType: name, Conditions: map[string]string{k: v}}); err != nil {
					t.Errorf("%s %s=%s: %v", name, k, v, err)
				}
			}
		}
	}
	for _, p := range []string{"aws", "azurerm", "google", "kubernetes"} {
		if perProvider[p] < 40 {
			t.Errorf("%s: %d types", p, perProvider[p])
		}
	}
}

// Every condition the catalog documents changes the answer as documented.
func TestConditions(t *testing.T) {
	e := engine()
	cases := []struct {
		rtype      string
		conditions map[string]string
		component  string
		want       Owner
	}{
		// Conservative defaults: an unspecified package type is an image, an
		// unspecified runtime update mode is manual.
		{"aws_lambda_function", nil, "operating_system", OwnerCustomer},
		{"aws_lambda_function", nil, "runtime", OwnerCustomer},
		{"aws_lambda_function", map[string]string{"package_type": "Zip", "update_runtime_on": "Auto"}, "operating_system", OwnerProvider},
		{"aws_lambda_function", map[string]string{"package_type": "Zip", "update_runtime_on": "Auto"}, "runtime", OwnerShared},
		{"aws_lambda_function", map[string]string{"package_type": "Zip"}, "runtime", OwnerCustomer},
		{"aws_lambda_function", map[string]string{"package_type": "Image"}, "operating_system", OwnerCustomer},
		{"aws_lambda_function", map[string]string{"package_type": "Image"}, "runtime", OwnerCustomer},
		{"aws_lambda_function", map[string]string{"package_type": "Zip", "update_runtime_on": "Manual"}, "runtime", OwnerCustomer},
		{"aws_lambda_function", map[string]string{"package_type": "Zip", "update_runtime_on": "FunctionUpdate"}, "runtime", OwnerShared},
		// Image wins over automatic runtime updates: the customer owns the runtime it ships.
		{"aws_lambda_function", map[string]string{"package_type": "Image", "update_runtime_on": "Auto"}, "runtime", OwnerCustomer},
		{"aws_ecs_service", nil, "operating_system", OwnerCustomer},
		{"aws_ecs_service", map[string]string{"launch_type": "FARGATE"}, "operating_system", OwnerProvider},
		{"aws_ecs_service", map[string]string{"launch_type": "EXTERNAL"}, "operating_system", OwnerCustomer},
		{"aws_ecs_task_definition", map[string]string{"requires_compatibilities": "FARGATE"}, "operating_system", OwnerProvider},
		{"aws_ecs_task_definition", map[string]string{"requires_compatibilities": "EC2"}, "operating_system", OwnerCustomer},
		{"aws_eks_node_group", nil, "operating_system", OwnerCustomer},
		{"aws_eks_node_group", map[string]string{"ami_type": "AL2023_x86_64_STANDARD"}, "operating_system", OwnerShared},
		{"aws_eks_fargate_profile", nil, "operating_system", OwnerProvider},
		{"google_container_cluster", nil, "operating_system", OwnerShared},
		{"google_container_cluster", map[string]string{"enable_autopilot": "true"}, "operating_system", OwnerProvider},
		{"azurerm_kubernetes_cluster", nil, "operating_system", OwnerShared},
		{"azurerm_kubernetes_cluster", map[string]string{"node_os_upgrade_channel": "None"}, "operating_system", OwnerCustomer},
		{"azurerm_kubernetes_cluster", map[string]string{"node_os_upgrade_channel": "Unmanaged"}, "operating_system", OwnerCustomer},
		{"azurerm_kubernetes_cluster", nil, "middleware", OwnerCustomer},
		{"azurerm_kubernetes_cluster", map[string]string{"automatic_upgrade_channel": "stable"}, "middleware", OwnerShared},
		{"azurerm_linux_web_app", nil, "runtime", OwnerCustomer},
		{"azurerm_linux_web_app", map[string]string{"application_stack": "code"}, "runtime", OwnerShared},
		{"azurerm_linux_web_app", map[string]string{"application_stack": "code"}, "operating_system", OwnerProvider},
		{"azurerm_linux_web_app", map[string]string{"application_stack": "docker"}, "runtime", OwnerCustomer},
		{"azurerm_linux_function_app", map[string]string{"application_stack": "docker"}, "operating_system", OwnerCustomer},
		{"azurerm_linux_function_app", map[string]string{"application_stack": "code"}, "runtime", OwnerShared},
		{"google_cloud_run_v2_service", nil, "runtime", OwnerCustomer},
		{"google_cloud_run_v2_service", nil, "operating_system", OwnerShared},
		{"google_cloud_run_v2_service", map[string]string{"source": "buildpacks"}, "runtime", OwnerShared},
		{"google_cloudfunctions2_function", nil, "runtime", OwnerShared},
	}
	for _, tc := range cases {
		r := resolve(t, e, Request{ResourceType: tc.rtype, Conditions: tc.conditions})
		if got := owner(t, r, tc.component); got != tc.want {
			t.Errorf("%s %v: %s = %s, want %s", tc.rtype, tc.conditions, tc.component, got, tc.want)
		}
	}
	// A changed owner is explained.
	r := resolve(t, e, Request{ResourceType: "aws_ecs_service", Conditions: map[string]string{"launch_type": "FARGATE"}})
	if len(r.OverridesApplied) == 0 || r.OverridesApplied[0].Name != "launch_type=FARGATE" || r.OverridesApplied[0].Reason == "" {
		t.Errorf("overrides applied: %+v", r.OverridesApplied)
	}
}
