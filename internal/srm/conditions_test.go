// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"slices"
	"strings"
	"testing"
)

// Value rules, booleans, nested paths and hybrid values of the built-in
// catalog's conditions, each with a value that matches and one that
// does not.
func TestConditionValueRules(t *testing.T) {
	type cond = map[string]string
	checkOwners(t, engine(), []ownerCase{
		// Prefix: every custom- engine is RDS Custom, the others are listed.
		{"aws_db_instance", cond{"engine": "custom-sqlserver-ee", "auto_minor_version_upgrade": "true"}, "operating_system", OwnerCustomer},
		{"aws_db_instance", cond{"engine": "custom-oracle-se2-cdb", "auto_minor_version_upgrade": "true"}, "middleware", OwnerCustomer},
		{"aws_db_instance", cond{"engine": "postgres", "auto_minor_version_upgrade": "true"}, "operating_system", OwnerProvider},
		// Booleans, in any case Terraform writes them.
		{"aws_db_instance", cond{"engine": "postgres", "auto_minor_version_upgrade": "true"}, "middleware", OwnerShared},
		{"aws_db_instance", cond{"engine": "postgres", "auto_minor_version_upgrade": "True"}, "middleware", OwnerShared},
		{"aws_db_instance", cond{"engine": "postgres", "auto_minor_version_upgrade": "false"}, "middleware", OwnerCustomer},
		{"aws_rds_cluster", cond{"auto_minor_version_upgrade": "true"}, "middleware", OwnerShared},
		{"aws_elastic_beanstalk_environment", cond{"managed_actions_enabled": "true"}, "operating_system", OwnerShared},
		{"aws_elastic_beanstalk_environment", cond{"managed_actions_enabled": "false"}, "operating_system", OwnerCustomer},
		// Nested paths, booleans.
		{"aws_eks_cluster", cond{"compute_config.enabled": "true"}, "operating_system", OwnerProvider},
		{"aws_eks_cluster", cond{"compute_config.enabled": "false"}, "operating_system", OwnerShared},
		{"google_container_node_pool", cond{"management.auto_upgrade": "true"}, "operating_system", OwnerShared},
		{"google_container_node_pool", cond{"management.auto_upgrade": "false"}, "operating_system", OwnerCustomer},
		{"azurerm_linux_virtual_machine_scale_set", cond{"automatic_os_upgrade_policy.automatic_os_upgrade_enabled": "true"}, "operating_system", OwnerShared},
		{"azurerm_orchestrated_virtual_machine_scale_set", cond{"os_profile.linux_configuration.patch_mode": "AutomaticByPlatform", "os_profile.windows_configuration.patch_mode": ""}, "operating_system", OwnerShared},
		{"azurerm_orchestrated_virtual_machine_scale_set", cond{"os_profile.linux_configuration.patch_mode": "", "os_profile.windows_configuration.patch_mode": "AutomaticByPlatform"}, "operating_system", OwnerShared},
		{"azurerm_orchestrated_virtual_machine_scale_set", cond{"os_profile.linux_configuration.patch_mode": "ImageDefault"}, "operating_system", OwnerCustomer},
		// Present and absent.
		{"azurerm_linux_web_app", cond{"site_config.application_stack.docker_image_name": "nginx:1.27"}, "operating_system", OwnerShared},
		{"azurerm_linux_web_app", cond{"site_config.application_stack.docker_image_name": ""}, "operating_system", OwnerProvider},
		{"azurerm_linux_web_app", cond{"site_config.application_stack.docker_image_name": ""}, "runtime", OwnerShared},
		{"azurerm_linux_function_app", cond{"site_config.application_stack.docker.image_name": "func:1"}, "runtime", OwnerCustomer},
		{"azurerm_linux_function_app", cond{"site_config.application_stack.docker.image_name": ""}, "operating_system", OwnerProvider},
		{"aws_emr_cluster", cond{"custom_ami_id": "ami-0abc"}, "operating_system", OwnerCustomer},
		{"aws_kms_key", cond{"custom_key_store_id": ""}, "middleware", OwnerProvider},
		{"aws_kms_key", cond{"custom_key_store_id": "cks-1234567890abcdef0"}, "middleware", OwnerCustomer},
		{"aws_ecs_capacity_provider", cond{"managed_instances_provider": "set"}, "operating_system", OwnerProvider},
		{"aws_ecs_capacity_provider", cond{"managed_instances_provider": ""}, "operating_system", OwnerCustomer},
		{"google_cloud_run_v2_service", cond{"template.containers.base_image_uri": "us-central1-docker.pkg.dev/serverless-runtimes/google-24-full/runtimes/nodejs24"}, "operating_system", OwnerProvider},
		{"google_cloud_run_v2_service", cond{"template.containers.base_image_uri": ""}, "operating_system", OwnerShared},
		{"google_cloudfunctions2_function", cond{"build_config.on_deploy_update_policy": ""}, "runtime", OwnerShared},
		{"google_cloudfunctions2_function", cond{"build_config.on_deploy_update_policy": ""}, "operating_system", OwnerProvider},
		{"google_cloudfunctions2_function", cond{"build_config.on_deploy_update_policy": "set"}, "operating_system", OwnerShared},
		{"google_app_engine_flexible_app_version", cond{"runtime": "python"}, "runtime", OwnerProvider},
		{"google_app_engine_flexible_app_version", cond{"runtime": "custom"}, "operating_system", OwnerShared},
		{"google_kms_crypto_key", cond{"version_template.protection_level": "HSM"}, "middleware", OwnerProvider},
		{"google_kms_crypto_key", cond{"version_template.protection_level": ""}, "middleware", OwnerProvider},
		{"google_kms_crypto_key", cond{"version_template.protection_level": "EXTERNAL_VPC"}, "middleware", OwnerCustomer},
		// One rule for a customer-built image on a provider-run host: the
		// OS layer, runtime and middleware of the image are the customer's,
		// the hardware under it the provider's.
		{"aws_lambda_function", cond{"package_type": "Image", "update_runtime_on": "Auto"}, "operating_system", OwnerShared},
		{"aws_ecs_task_definition", cond{"requires_compatibilities": "FARGATE"}, "operating_system", OwnerShared},
		{"aws_eks_fargate_profile", nil, "operating_system", OwnerShared},
		{"azurerm_container_group", nil, "operating_system", OwnerShared},
		{"azurerm_container_app", nil, "operating_system", OwnerShared},
		{"google_cloud_run_service", nil, "operating_system", OwnerShared},
		{"azurerm_windows_web_app", cond{"site_config.application_stack.docker_image_name": "app:1"}, "operating_system", OwnerShared},
		{"azurerm_container_group", nil, "physical_hosts", OwnerProvider},
		// Hybrid: hardware on the customer's site.
		{"aws_ecs_service", cond{"launch_type": "EXTERNAL", "capacity_provider_strategy.capacity_provider": ""}, "physical_hosts", OwnerCustomer},
		{"aws_ecs_service", cond{"launch_type": "EXTERNAL", "capacity_provider_strategy.capacity_provider": ""}, "virtualization", OwnerCustomer},
		{"aws_ecs_task_definition", cond{"requires_compatibilities": "EXTERNAL"}, "physical_datacenter", OwnerCustomer},
		{"aws_eks_cluster", cond{"remote_network_config": "set"}, "physical_hosts", OwnerCustomer},
		{"aws_eks_cluster", cond{"remote_network_config": ""}, "physical_hosts", OwnerProvider},
		{"aws_eks_cluster", nil, "physical_hosts", OwnerProvider},
		{"azurerm_data_factory_integration_runtime_self_hosted", nil, "physical_datacenter", OwnerCustomer},
		{"google_kms_crypto_key", cond{"version_template.protection_level": "EXTERNAL"}, "physical_hosts", OwnerProvider},
		{"azurerm_arc_machine", nil, "physical_hosts", OwnerCustomer},
		{"azurerm_arc_kubernetes_cluster", nil, "operating_system", OwnerCustomer},
		{"google_gkeonprem_vmware_cluster", nil, "virtualization", OwnerCustomer},
		{"google_gkeonprem_bare_metal_cluster", nil, "operating_system", OwnerShared},
	})
}

// A condition not given, a value that matches nothing, and an attribute not
// set where no rule reads "not set" resolve to the condition's default, the
// value that leaves the most to the customer, and each is an assumption.
func TestConditionAssumptions(t *testing.T) {
	e := engine()
	for _, tc := range []struct {
		name       string
		rtype      string
		conditions map[string]string
		key        string
		assumed    string
		reason     string
		component  string
		want       Owner
	}{
		{"not given", "aws_lambda_function", map[string]string{"update_runtime_on": "Auto"}, "package_type", "Image", "not given", "operating_system", OwnerShared},
		{"unexpected value", "aws_lambda_function", map[string]string{"package_type": "Docker", "update_runtime_on": "Auto"}, "package_type", "Image", `"Docker" matches none of the catalog's values and rules (Image, Zip)`, "runtime", OwnerCustomer},
		{"near miss", "aws_lambda_function", map[string]string{"package_type": "image", "update_runtime_on": "Auto"}, "package_type", "Image", `did you mean "Image"?`, "operating_system", OwnerShared},
		{"not set without a rule for it", "aws_lambda_function", map[string]string{"package_type": "", "update_runtime_on": "Auto"}, "package_type", "Image", "not set", "middleware", OwnerCustomer},
		{"unexpected boolean", "aws_db_instance", map[string]string{"engine": "postgres", "auto_minor_version_upgrade": "yes"}, "auto_minor_version_upgrade", "false", `"yes" matches none`, "middleware", OwnerCustomer},
		{"number where a boolean is expected", "aws_eks_cluster", map[string]string{"compute_config.enabled": "1", "remote_network_config": ""}, "compute_config.enabled", "false", `"1" matches none`, "operating_system", OwnerShared},
		{"engine the catalog does not list", "aws_db_instance", map[string]string{"engine": "aurora-mysql", "auto_minor_version_upgrade": "true"}, "engine", "custom-*", `"aurora-mysql" matches none`, "operating_system", OwnerCustomer},
		{"prefix not given", "aws_db_instance", map[string]string{"auto_minor_version_upgrade": "true"}, "engine", "custom-*", "not given", "operating_system", OwnerCustomer},
		{"presence not given", "aws_emr_cluster", nil, "custom_ami_id", "(set)", "not given", "operating_system", OwnerCustomer},
		{"hybrid site not given", "aws_eks_cluster", map[string]string{"compute_config.enabled": "false"}, "remote_network_config", "(not set)", "not given", "physical_hosts", OwnerProvider},
		{"unexpected protection level", "google_kms_crypto_key", map[string]string{"version_template.protection_level": "SOFTWARE_PLUS"}, "version_template.protection_level", "EXTERNAL", `"SOFTWARE_PLUS" matches none`, "middleware", OwnerCustomer},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := resolve(t, e, Request{ResourceType: tc.rtype, Conditions: tc.conditions})
			if got := owner(t, r, tc.component); got != tc.want {
				t.Errorf("%s = %s, want %s", tc.component, got, tc.want)
			}
			var found []Assumption
			for _, a := range r.Assumptions {
				if a.Condition == tc.key {
					found = append(found, a)
				}
			}
			if len(found) != 1 || found[0].Assumed != tc.assumed || !strings.Contains(found[0].Reason, tc.reason) || !strings.Contains(found[0].Reason, "leaves the most to the customer") {
				t.Errorf("assumptions %+v, want one for %s assuming %q because ...%s...", r.Assumptions, tc.key, tc.assumed, tc.reason)
			}
			for _, a := range r.Assumptions {
				if _, given := tc.conditions[a.Condition]; given && a.Condition != tc.key {
					t.Errorf("assumption for a condition given a matching value: %+v", a)
				}
			}
		})
	}
	// Every condition given with a value that matches: no assumption.
	r := resolve(t, e, Request{ResourceType: "aws_db_instance", Conditions: map[string]string{"engine": "mysql", "auto_minor_version_upgrade": "false"}})
	if len(r.Assumptions) != 0 || len(r.Deprecations) != 0 {
		t.Errorf("assumptions %+v, deprecations %+v, want none", r.Assumptions, r.Deprecations)
	}
}

// An unknown condition key of a known type stays an error, naming the
// type's conditions, deprecated ones included.
func TestUnknownConditionKeyIsAnError(t *testing.T) {
	_, err := engine().Resolve(Request{ResourceType: "azurerm_linux_web_app", Conditions: map[string]string{"docker_image_name": "x"}})
	ie, ok := err.(*InputError)
	if !ok || ie.Field != "conditions" || ie.Key != "docker_image_name" || !strings.Contains(ie.Detail, "site_config.application_stack.docker_image_name") {
		t.Fatalf("got %v", err)
	}
}

// A deprecated condition key still works for one minor version: it gives
// the same answer as its replacement, reports the deprecation with the new
// key, and makes no assumption about the replacement.
func TestDeprecatedConditionKeys(t *testing.T) {
	e := engine()
	for _, tc := range []struct {
		rtype    string
		old, new map[string]string
	}{
		{"azurerm_linux_web_app", map[string]string{"application_stack": "docker"}, map[string]string{"site_config.application_stack.docker_image_name": "nginx"}},
		{"azurerm_linux_web_app", map[string]string{"application_stack": "code"}, map[string]string{"site_config.application_stack.docker_image_name": ""}},
		{"azurerm_linux_web_app_slot", map[string]string{"application_stack": "code"}, map[string]string{"site_config.application_stack.docker_image_name": ""}},
		{"azurerm_windows_web_app", map[string]string{"application_stack": "docker"}, map[string]string{"site_config.application_stack.docker_image_name": "app"}},
		{"azurerm_linux_function_app", map[string]string{"application_stack": "code"}, map[string]string{"site_config.application_stack.docker.image_name": ""}},
		{"azurerm_linux_function_app_slot", map[string]string{"application_stack": "docker"}, map[string]string{"site_config.application_stack.docker.image_name": "f"}},
		{"azurerm_linux_virtual_machine_scale_set", map[string]string{"enable_automatic_os_upgrade": "true"}, map[string]string{"automatic_os_upgrade_policy.automatic_os_upgrade_enabled": "true"}},
		{"azurerm_linux_virtual_machine_scale_set", map[string]string{"automatic_os_upgrade_policy.enable_automatic_os_upgrade": "true"}, map[string]string{"automatic_os_upgrade_policy.automatic_os_upgrade_enabled": "true"}},
		{"azurerm_windows_virtual_machine_scale_set", map[string]string{"enable_automatic_os_upgrade": "false"}, map[string]string{"automatic_os_upgrade_policy.automatic_os_upgrade_enabled": "false"}},
		{"azurerm_orchestrated_virtual_machine_scale_set", map[string]string{"patch_mode": "AutomaticByPlatform"}, map[string]string{"os_profile.linux_configuration.patch_mode": "AutomaticByPlatform"}},
		{"google_cloud_run_v2_service", map[string]string{"source": "buildpacks"}, map[string]string{"template.containers.base_image_uri": "base"}},
		{"google_cloud_run_v2_service", map[string]string{"source": "container"}, map[string]string{"template.containers.base_image_uri": ""}},
		{"google_cloudfunctions2_function", map[string]string{"runtime_update_policy": "automatic"}, map[string]string{"build_config.on_deploy_update_policy": ""}},
		{"google_container_node_pool", map[string]string{"auto_upgrade": "true"}, map[string]string{"management.auto_upgrade": "true"}},
	} {
		var oldKey, newKey string
		for k := range tc.old {
			oldKey = k
		}
		for k := range tc.new {
			newKey = k
		}
		t.Run(tc.rtype+"/"+oldKey+"="+tc.old[oldKey], func(t *testing.T) {
			before := resolve(t, e, Request{ResourceType: tc.rtype, Conditions: tc.old})
			after := resolve(t, e, Request{ResourceType: tc.rtype, Conditions: tc.new})
			for i := range before.Components {
				if before.Components[i].Owner != after.Components[i].Owner {
					t.Errorf("%s: %s with the deprecated key, %s with the new one", before.Components[i].Component.ID, before.Components[i].Owner, after.Components[i].Owner)
				}
			}
			if want := []Deprecation{{Condition: oldKey, ReplacedBy: newKey}}; !slices.Equal(before.Deprecations, want) {
				t.Errorf("deprecations %+v, want %+v", before.Deprecations, want)
			}
			if msg := before.Deprecations[0].Message(); !strings.Contains(msg, `"`+newKey+`"`) {
				t.Errorf("message %q does not name the new key", msg)
			}
			if len(after.Deprecations) != 0 {
				t.Errorf("deprecations with the new key: %+v", after.Deprecations)
			}
			for _, a := range before.Assumptions {
				if a.Condition == newKey || a.Condition == oldKey {
					t.Errorf("assumption about a condition given by its deprecated key: %+v", a)
				}
			}
		})
	}
	// Both keys: the new one wins, the old one is still reported.
	r := resolve(t, e, Request{ResourceType: "azurerm_linux_web_app", Conditions: map[string]string{"application_stack": "docker", "site_config.application_stack.docker_image_name": ""}})
	if owner(t, r, "operating_system") != OwnerProvider || len(r.Deprecations) != 1 {
		t.Errorf("os %s, deprecations %+v", owner(t, r, "operating_system"), r.Deprecations)
	}
	// Neither key: one assumption, about the new key.
	r = resolve(t, e, Request{ResourceType: "azurerm_linux_web_app"})
	if len(r.Assumptions) != 1 || r.Assumptions[0].Condition != "site_config.application_stack.docker_image_name" || r.Assumptions[0].Assumed != RuleSet {
		t.Errorf("assumptions %+v", r.Assumptions)
	}
}

// The provider keeps the physical layer of its cloud: a hybrid resource may
// make physical_* components the customer's, a resource that is not hybrid
// still may not (under a cloud model), whatever moves it.
func TestHybridInvariant(t *testing.T) {
	e := engine()
	c := e.Catalog
	iaas, hosts := c.ServiceModel("iaas"), c.Component("physical_hosts")
	if inv := CheckInvariants(iaas, true, hosts, OwnerCustomer); inv != nil {
		t.Errorf("hybrid: %v", inv.Rule)
	}
	if inv := CheckInvariants(iaas, false, hosts, OwnerCustomer); inv == nil || inv.ID != "provider_keeps_physical" {
		t.Errorf("not hybrid: %v", inv)
	}
	// The other invariants hold for hybrid resources too.
	if inv := CheckInvariants(iaas, true, c.Component("configuration"), OwnerProvider); inv == nil {
		t.Error("hybrid resource with provider-owned configuration")
	}
	// Resolutions: hybrid results say so, and every owner they give holds.
	for _, req := range []Request{
		{ResourceType: "aws_ecs_service", Conditions: map[string]string{"launch_type": "EXTERNAL"}},
		{ResourceType: "aws_eks_cluster", Conditions: map[string]string{"remote_network_config": "set"}},
		{ResourceType: "azurerm_data_factory_integration_runtime_self_hosted"},
		{ResourceType: "azurerm_arc_machine"},
		{ResourceType: "google_gkeonprem_bare_metal_cluster"},
	} {
		r := resolve(t, e, req)
		if !r.Hybrid {
			t.Errorf("%v: not hybrid", req)
		}
		for _, rc := range r.Components {
			if inv := CheckInvariants(r.ServiceModel, r.Hybrid, rc.Component, rc.Owner); inv != nil {
				t.Errorf("%v: %s %s breaks %s", req, rc.Component.ID, rc.Owner, inv.ID)
			}
		}
	}
	// Hardware on the customer's site is never assumed.
	for _, req := range []Request{
		{ResourceType: "aws_ecs_service", Conditions: map[string]string{"launch_type": "FARGATE"}},
		{ResourceType: "aws_eks_cluster"},
		{ResourceType: "aws_kms_key"},
		{ResourceType: "google_kms_crypto_key"},
	} {
		if r := resolve(t, e, req); r.Hybrid || owner(t, r, "physical_hosts") != OwnerProvider {
			t.Errorf("%v: hybrid", req)
		}
	}
}
