// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"slices"
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

// ownerCase is a resource type, its conditions, and the owner one component
// must resolve to.
type ownerCase struct {
	rtype      string
	conditions map[string]string
	component  string
	want       Owner
}

func checkOwners(t *testing.T, e *Engine, cases []ownerCase) {
	t.Helper()
	for _, tc := range cases {
		r := resolve(t, e, Request{ResourceType: tc.rtype, Conditions: tc.conditions})
		if got := owner(t, r, tc.component); got != tc.want {
			t.Errorf("%s %v: %s = %s, want %s", tc.rtype, tc.conditions, tc.component, got, tc.want)
		}
	}
}

// Every condition the catalog documents changes the answer as documented.
func TestConditions(t *testing.T) {
	e := engine()
	checkOwners(t, e, []ownerCase{
		// Conservative defaults: an unspecified package type is an image, an
		// unspecified runtime update mode is manual.
		{"aws_lambda_function", nil, "operating_system", OwnerShared},
		{"aws_lambda_function", nil, "runtime", OwnerCustomer},
		{"aws_lambda_function", map[string]string{"package_type": "Zip", "update_runtime_on": "Auto"}, "operating_system", OwnerProvider},
		{"aws_lambda_function", map[string]string{"package_type": "Zip", "update_runtime_on": "Auto"}, "runtime", OwnerShared},
		{"aws_lambda_function", map[string]string{"package_type": "Zip"}, "runtime", OwnerCustomer},
		{"aws_lambda_function", map[string]string{"package_type": "Image"}, "operating_system", OwnerShared},
		{"aws_lambda_function", map[string]string{"package_type": "Image"}, "runtime", OwnerCustomer},
		{"aws_lambda_function", map[string]string{"package_type": "Zip", "update_runtime_on": "Manual"}, "runtime", OwnerCustomer},
		{"aws_lambda_function", map[string]string{"package_type": "Zip", "update_runtime_on": "FunctionUpdate"}, "runtime", OwnerShared},
		// Image wins over automatic runtime updates: the customer owns the runtime it ships.
		{"aws_lambda_function", map[string]string{"package_type": "Image", "update_runtime_on": "Auto"}, "runtime", OwnerCustomer},
		{"aws_ecs_service", nil, "operating_system", OwnerCustomer},
		{"aws_ecs_service", map[string]string{"launch_type": "FARGATE", "capacity_provider_strategy.capacity_provider": ""}, "operating_system", OwnerShared},
		{"aws_ecs_service", map[string]string{"launch_type": "FARGATE", "capacity_provider_strategy.capacity_provider": ""}, "physical_hosts", OwnerProvider},
		// A launch type excludes a capacity provider strategy (the two
		// conflict): no strategy is assumed beside it (audit N11).
		{"aws_ecs_service", map[string]string{"launch_type": "FARGATE"}, "operating_system", OwnerShared},
		{"aws_ecs_service", map[string]string{"launch_type": "", "capacity_provider_strategy.capacity_provider": "FARGATE_SPOT"}, "runtime", OwnerCustomer},
		{"aws_ecs_service", map[string]string{"launch_type": "", "capacity_provider_strategy.capacity_provider": "my-asg"}, "operating_system", OwnerCustomer},
		{"aws_ecs_service", map[string]string{"launch_type": "EXTERNAL"}, "operating_system", OwnerCustomer},
		{"aws_ecs_task_definition", map[string]string{"requires_compatibilities": "FARGATE"}, "operating_system", OwnerShared},
		{"aws_ecs_task_definition", map[string]string{"requires_compatibilities": "EC2"}, "operating_system", OwnerCustomer},
		{"aws_eks_node_group", nil, "operating_system", OwnerCustomer},
		{"aws_eks_node_group", map[string]string{"ami_type": "AL2023_x86_64_STANDARD"}, "operating_system", OwnerShared},
		{"aws_eks_fargate_profile", nil, "operating_system", OwnerShared},
		{"google_container_cluster", nil, "operating_system", OwnerShared},
		{"google_container_cluster", map[string]string{"enable_autopilot": "true"}, "operating_system", OwnerProvider},
		{"azurerm_kubernetes_cluster", nil, "operating_system", OwnerCustomer},
		{"azurerm_kubernetes_cluster", map[string]string{"node_os_upgrade_channel": "NodeImage"}, "operating_system", OwnerShared},
		{"azurerm_kubernetes_cluster", map[string]string{"node_os_upgrade_channel": "None"}, "operating_system", OwnerCustomer},
		{"azurerm_kubernetes_cluster", map[string]string{"node_os_upgrade_channel": "Unmanaged"}, "operating_system", OwnerCustomer},
		{"azurerm_kubernetes_cluster", nil, "middleware", OwnerCustomer},
		{"azurerm_kubernetes_cluster", map[string]string{"automatic_upgrade_channel": "stable"}, "middleware", OwnerShared},
		{"azurerm_linux_web_app", nil, "runtime", OwnerCustomer},
		{"azurerm_linux_web_app", map[string]string{"application_stack": "code"}, "runtime", OwnerShared},
		{"azurerm_linux_web_app", map[string]string{"application_stack": "code"}, "operating_system", OwnerProvider},
		{"azurerm_linux_web_app", map[string]string{"application_stack": "docker"}, "runtime", OwnerCustomer},
		{"azurerm_linux_function_app", map[string]string{"application_stack": "docker"}, "operating_system", OwnerShared},
		{"azurerm_linux_function_app", map[string]string{"application_stack": "code"}, "runtime", OwnerShared},
		{"google_cloud_run_v2_service", nil, "runtime", OwnerCustomer},
		{"google_cloud_run_v2_service", nil, "operating_system", OwnerShared},
		{"google_cloud_run_v2_service", map[string]string{"source": "buildpacks"}, "runtime", OwnerShared},
		{"google_cloudfunctions2_function", nil, "runtime", OwnerShared},
	})
	// A changed owner is explained.
	r := resolve(t, e, Request{ResourceType: "aws_ecs_service", Conditions: map[string]string{"launch_type": "EXTERNAL", "capacity_provider_strategy.capacity_provider": ""}})
	if len(r.OverridesApplied) == 0 || r.OverridesApplied[0].Name != "launch_type=EXTERNAL" || r.OverridesApplied[0].Reason == "" {
		t.Errorf("overrides applied: %+v", r.OverridesApplied)
	}
}

// The corrections of the 2026-11 catalog audit: each type resolves to the
// owners the audit's evidence supports (finding ids in the comments).
func TestAuditCorrections(t *testing.T) {
	type cond = map[string]string
	checkOwners(t, engine(), []ownerCase{
		// M1, R4, R5: network rules of AWS abstracted services are the customer's to write.
		{"aws_wafv2_web_acl", nil, "network_controls", OwnerShared},
		{"aws_wafv2_rule_group", nil, "network_controls", OwnerShared},
		{"aws_wafv2_ip_set", nil, "network_controls", OwnerShared},
		{"aws_wafv2_web_acl_association", nil, "network_controls", OwnerShared},
		{"aws_shield_protection", nil, "network_controls", OwnerShared},
		{"aws_api_gateway_rest_api", nil, "network_controls", OwnerShared},
		{"aws_apigatewayv2_api", nil, "network_controls", OwnerShared},
		{"aws_cloudfront_distribution", nil, "network_controls", OwnerShared},
		{"aws_route53_resolver_endpoint", nil, "network_controls", OwnerShared},
		{"aws_route53_resolver_rule", nil, "network_controls", OwnerShared},
		{"aws_efs_mount_target", nil, "network_controls", OwnerShared},
		{"aws_redshiftserverless_workgroup", nil, "network_controls", OwnerShared},
		{"aws_globalaccelerator_accelerator", nil, "network_controls", OwnerShared},
		{"aws_wafv2_web_acl", nil, "application_code", OwnerProvider},
		// R1: Elastic Beanstalk platforms are shared with managed updates, the customer's without.
		{"aws_elastic_beanstalk_environment", nil, "operating_system", OwnerCustomer},
		{"aws_elastic_beanstalk_environment", nil, "middleware", OwnerCustomer},
		{"aws_elastic_beanstalk_environment", cond{"managed_actions_enabled": "true"}, "operating_system", OwnerShared},
		{"aws_elastic_beanstalk_environment", cond{"managed_actions_enabled": "true"}, "runtime", OwnerShared},
		{"aws_elastic_beanstalk_environment", cond{"managed_actions_enabled": "false"}, "runtime", OwnerCustomer},
		// R2, M4: RDS Custom hosts, engine major versions, minor version upgrades.
		{"aws_db_instance", nil, "operating_system", OwnerCustomer},
		{"aws_db_instance", cond{"engine": "custom-sqlserver-ee"}, "operating_system", OwnerCustomer},
		{"aws_db_instance", cond{"engine": "postgres", "auto_minor_version_upgrade": "true"}, "operating_system", OwnerProvider},
		{"aws_db_instance", cond{"engine": "postgres", "auto_minor_version_upgrade": "true"}, "middleware", OwnerShared},
		{"aws_db_instance", cond{"engine": "postgres", "auto_minor_version_upgrade": "false"}, "middleware", OwnerCustomer},
		{"aws_db_instance", cond{"engine": "custom-oracle-ee", "auto_minor_version_upgrade": "true"}, "middleware", OwnerCustomer},
		{"aws_rds_cluster", cond{"auto_minor_version_upgrade": "true"}, "middleware", OwnerShared},
		{"aws_rds_cluster_instance", cond{"auto_minor_version_upgrade": "true"}, "middleware", OwnerShared},
		// R3: EMR patches images, not running clusters.
		{"aws_emr_cluster", cond{"custom_ami_id": ""}, "operating_system", OwnerShared},
		{"aws_emr_cluster", cond{"custom_ami_id": "ami-0123456789abcdef0"}, "operating_system", OwnerCustomer},
		{"aws_emr_cluster", nil, "operating_system", OwnerCustomer},
		// R6, R7: gateways are network functions the provider runs.
		{"aws_nat_gateway", nil, "operating_system", OwnerProvider},
		{"aws_nat_gateway", nil, "middleware", OwnerProvider},
		{"aws_nat_gateway", nil, "network_controls", OwnerCustomer},
		{"aws_vpn_gateway", nil, "operating_system", OwnerProvider},
		{"aws_ec2_transit_gateway", nil, "runtime", OwnerProvider},
		{"aws_internet_gateway", nil, "operating_system", OwnerProvider},
		{"azurerm_virtual_network_gateway", nil, "operating_system", OwnerProvider},
		{"azurerm_nat_gateway", nil, "middleware", OwnerProvider},
		{"azurerm_private_dns_resolver", nil, "operating_system", OwnerProvider},
		{"google_compute_router", nil, "operating_system", OwnerProvider},
		{"google_compute_router_nat", nil, "operating_system", OwnerProvider},
		{"google_compute_ha_vpn_gateway", nil, "operating_system", OwnerProvider},
		{"google_compute_router_nat", nil, "network_controls", OwnerCustomer},
		// R8: EKS Auto Mode patches the nodes.
		{"aws_eks_cluster", nil, "operating_system", OwnerShared},
		{"aws_eks_cluster", cond{"compute_config.enabled": "true"}, "operating_system", OwnerProvider},
		// R9: a custom AMI is the customer's.
		{"aws_eks_node_group", cond{"ami_type": "CUSTOM"}, "operating_system", OwnerCustomer},
		{"aws_eks_node_group", cond{"ami_type": "BOTTLEROCKET_x86_64"}, "operating_system", OwnerShared},
		// R10: ECS Managed Instances, capacity providers.
		{"aws_ecs_service", cond{"launch_type": "MANAGED_INSTANCES", "capacity_provider_strategy.capacity_provider": ""}, "operating_system", OwnerShared},
		{"aws_ecs_task_definition", cond{"requires_compatibilities": "MANAGED_INSTANCES"}, "operating_system", OwnerShared},
		{"aws_ecs_capacity_provider", nil, "operating_system", OwnerCustomer},
		// M2: GKE runs the cluster's identity plumbing; the customer rotates credentials.
		{"google_container_cluster", nil, "identity_infrastructure", OwnerShared},
		{"kubernetes_deployment_v1", nil, "identity_infrastructure", OwnerShared},
		// M4, R11: customers choose runtime and engine versions.
		{"azurerm_windows_web_app", cond{"application_stack": "code"}, "runtime", OwnerShared},
		{"azurerm_linux_web_app_slot", cond{"application_stack": "code"}, "runtime", OwnerShared},
		{"google_app_engine_standard_app_version", nil, "runtime", OwnerShared},
		{"google_sql_database_instance", nil, "middleware", OwnerShared},
		{"azurerm_postgresql_flexible_server", nil, "middleware", OwnerShared},
		{"azurerm_mysql_flexible_server", nil, "middleware", OwnerShared},
		// R14: workflow definitions are abstracted services with customer code.
		{"aws_sfn_state_machine", nil, "application_code", OwnerShared},
		{"aws_sfn_state_machine", nil, "runtime", OwnerProvider},
		{"azurerm_logic_app_workflow", nil, "middleware", OwnerProvider},
		{"google_workflows_workflow", nil, "application_code", OwnerShared},
		// R15: on-deploy runtime updates leave the image's OS libraries to redeploys.
		{"google_cloudfunctions2_function", nil, "operating_system", OwnerShared},
		{"google_cloudfunctions2_function", cond{"runtime_update_policy": "automatic"}, "operating_system", OwnerProvider},
		// R20: flexible scale sets take patch_mode like the VMs.
		{"azurerm_orchestrated_virtual_machine_scale_set", nil, "operating_system", OwnerCustomer},
		{"azurerm_orchestrated_virtual_machine_scale_set", cond{"patch_mode": "AutomaticByPlatform"}, "operating_system", OwnerShared},
		// R21: Databricks runtime versions are the customer's choice.
		{"azurerm_databricks_workspace", nil, "runtime", OwnerShared},
		// Conservative defaults (SPEC 7.1).
		{"azurerm_linux_function_app", nil, "operating_system", OwnerShared},
		{"google_container_node_pool", nil, "operating_system", OwnerCustomer},
		{"google_container_node_pool", cond{"auto_upgrade": "true"}, "operating_system", OwnerShared},
		{"google_app_engine_flexible_app_version", nil, "runtime", OwnerCustomer},
		{"google_app_engine_flexible_app_version", cond{"runtime": "language"}, "runtime", OwnerProvider},
	})
}

// Obligations that the corrections bring back or remove.
func TestAuditCorrectionObligations(t *testing.T) {
	e := engine()
	has := func(r *Result, id string) bool { return slices.Contains(r.CustomerObligationIDs(), id) }
	cases := []struct {
		rtype      string
		conditions map[string]string
		id         string
		want       bool
	}{
		{"aws_wafv2_web_acl", nil, "network_controls.restrict_ingress", true},
		{"aws_elastic_beanstalk_environment", nil, "operating_system.patch", true},
		{"aws_elastic_beanstalk_environment", map[string]string{"managed_actions_enabled": "true"}, "runtime.use_supported_runtime", true},
		{"aws_db_instance", map[string]string{"engine": "postgres"}, "middleware.patch_middleware", true},
		{"aws_db_instance", map[string]string{"engine": "postgres"}, "operating_system.patch", false},
		{"aws_db_instance", map[string]string{"engine": "custom-oracle-se2"}, "operating_system.patch", true},
		{"aws_nat_gateway", nil, "operating_system.patch", false},
		{"aws_nat_gateway", nil, "middleware.patch_middleware", false},
		{"google_compute_router_nat", nil, "operating_system.protect_against_malware", false},
		// M3: node images the customer chooses keep hardening and malware protection.
		{"aws_eks_node_group", map[string]string{"ami_type": "AL2023_x86_64_STANDARD"}, "operating_system.harden_baseline", true},
		{"aws_eks_node_group", map[string]string{"ami_type": "AL2023_x86_64_STANDARD"}, "operating_system.protect_against_malware", true},
		{"aws_eks_node_group", map[string]string{"ami_type": "AL2023_x86_64_STANDARD"}, "operating_system.update_node_images", true},
		{"aws_eks_node_group", map[string]string{"ami_type": "AL2023_x86_64_STANDARD"}, "operating_system.keep_auto_upgrade_enabled", false},
		// M2: nobody operates a directory for a Kubernetes cluster.
		{"google_container_cluster", nil, "identity_infrastructure.operate_directory", false},
		{"google_container_cluster", nil, "identity_infrastructure.configure_federation", true},
		{"aws_sfn_state_machine", nil, "runtime.use_supported_runtime", false},
	}
	for _, tc := range cases {
		r := resolve(t, e, Request{ResourceType: tc.rtype, Conditions: tc.conditions})
		if got := has(r, tc.id); got != tc.want {
			t.Errorf("%s %v: has %s = %v, want %v", tc.rtype, tc.conditions, tc.id, got, tc.want)
		}
	}
}

// No resource type hides the components it configures: under its default
// conditions, every focus component leaves something to the customer.
func TestFocusIsNeverProviderOwned(t *testing.T) {
	e := engine()
	for _, name := range e.Catalog.TypeNames {
		r := resolve(t, e, Request{ResourceType: name})
		for _, f := range r.Focus() {
			if owner(t, r, f) == OwnerProvider {
				t.Errorf("%s: focus component %s resolves to provider", name, f)
			}
		}
	}
}

// Every condition's default is the value that leaves the most to the
// customer (SPEC 7.1): no value or rule makes any component more the
// customer's than not giving the condition, except the site components of a
// hybrid value (hardware on the customer's site is never assumed).
func TestConditionDefaultsAreConservative(t *testing.T) {
	e := engine()
	for _, name := range e.Catalog.TypeNames {
		rt := e.Catalog.ResourceTypes[name]
		def := resolve(t, e, Request{ResourceType: name})
		for _, k := range rt.ConditionKeys {
			cond := rt.Conditions[k]
			if cond.ReplacedBy != "" {
				continue
			}
			for _, eff := range cond.Effects() {
				v := sampleValue(cond, eff)
				other := resolve(t, e, Request{ResourceType: name, Conditions: map[string]string{k: v}})
				for i, rc := range other.Components {
					if eff.Hybrid && IsSiteComponent(rc.Component.ID) {
						continue
					}
					if ownerWeight(rc.Owner) > ownerWeight(def.Components[i].Owner) {
						t.Errorf("%s: %s=%q leaves %s to the %s, more than not giving it (%s)",
							name, k, v, rc.Component.ID, rc.Owner, def.Components[i].Owner)
					}
				}
			}
		}
	}
}

// sampleValue returns a value that the exact value or rule eff of cond
// matches.
func sampleValue(cond *Condition, eff *Effect) string {
	for _, r := range cond.Rules {
		if r.Effect != eff {
			continue
		}
		switch {
		case r.Prefix != "":
			return r.Prefix + "sample"
		case r.Present != nil && *r.Present:
			return "sample"
		case r.Present != nil:
			return ""
		default:
			return eff.Value
		}
	}
	return eff.Value
}
