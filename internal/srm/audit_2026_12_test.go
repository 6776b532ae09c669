// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"slices"
	"testing"
)

// auditCase is one answer the December 2026 catalog audit found wrong
// (../shared/reviews/catalog-audit-2026-12.md, finding id), as the
// catalog must now give it.
type auditCase struct {
	finding   string
	typ       string
	conds     map[string]string
	component string
	// want lists the owners allowed.
	want []Owner
	// obligation, when set, must be among the customer obligations (or,
	// with absent, must not be).
	obligation string
	absent     bool
}

var notProvider = []Owner{OwnerShared, OwnerCustomer}

var auditCases = []auditCase{
	// N2: engine major versions are the customer's to start.
	{finding: "N2", typ: "aws_elasticache_cluster", component: "middleware", want: notProvider, obligation: "middleware.patch_middleware"},
	{finding: "N2", typ: "aws_elasticache_replication_group", component: "middleware", want: notProvider},
	{finding: "N2", typ: "aws_memorydb_cluster", component: "middleware", want: notProvider},
	{finding: "N2", typ: "aws_mq_broker", component: "middleware", want: notProvider},
	{finding: "N2", typ: "aws_msk_cluster", component: "middleware", want: notProvider},
	{finding: "N2", typ: "aws_opensearch_domain", component: "middleware", want: notProvider},
	{finding: "N2", typ: "aws_elasticsearch_domain", component: "middleware", want: notProvider},
	{finding: "N2", typ: "aws_docdb_cluster", component: "middleware", want: notProvider},
	{finding: "N2", typ: "aws_docdb_cluster_instance", component: "middleware", want: notProvider},
	{finding: "N2", typ: "aws_neptune_cluster", component: "middleware", want: notProvider},
	{finding: "N2", typ: "aws_neptune_cluster_instance", component: "middleware", want: notProvider},
	{finding: "N2", typ: "aws_dms_replication_instance", component: "middleware", want: notProvider},
	{finding: "N2", typ: "google_redis_instance", component: "middleware", want: notProvider},
	{finding: "N2", typ: "google_redis_cluster", component: "middleware", want: notProvider},
	{finding: "N2", typ: "google_memcache_instance", component: "middleware", want: notProvider},
	{finding: "N2", typ: "google_alloydb_cluster", component: "middleware", want: notProvider},
	{finding: "N2", typ: "google_alloydb_instance", component: "middleware", want: notProvider},
	{finding: "N2", typ: "azurerm_redis_cache", component: "middleware", want: notProvider},
	// N4: Azure Machine Learning compute.
	{finding: "N4", typ: "azurerm_machine_learning_compute_instance", component: "operating_system", want: []Owner{OwnerCustomer}, obligation: "operating_system.patch"},
	{finding: "N4", typ: "azurerm_machine_learning_compute_cluster", component: "operating_system", want: notProvider},
	// N5: SQL Server on Azure VMs.
	{finding: "N5", typ: "azurerm_mssql_virtual_machine", component: "middleware", want: []Owner{OwnerCustomer}, obligation: "middleware.patch_middleware"},
	{finding: "N5", typ: "azurerm_mssql_virtual_machine", component: "operating_system", want: []Owner{OwnerCustomer}},
	// N6: the focus component of a service is never the provider's.
	{finding: "N6", typ: "aws_route53_resolver_firewall_rule", component: "network_controls", want: notProvider},
	{finding: "N6", typ: "aws_route53_resolver_firewall_rule_group_association", component: "network_controls", want: notProvider},
	{finding: "N6", typ: "aws_wafv2_regex_pattern_set", component: "network_controls", want: notProvider},
	{finding: "N6", typ: "aws_wafv2_web_acl_rule_group_association", component: "network_controls", want: notProvider},
	{finding: "N6", typ: "aws_globalaccelerator_listener", component: "network_controls", want: notProvider},
	{finding: "N6", typ: "azurerm_signalr_service_network_acl", component: "network_controls", want: notProvider},
	{finding: "N6", typ: "azurerm_relay_namespace", component: "network_controls", want: notProvider},
	{finding: "N6", typ: "azurerm_cognitive_deployment", component: "network_controls", want: notProvider},
	{finding: "N6", typ: "azurerm_logic_app_action_custom", component: "application_code", want: notProvider},
	{finding: "N6", typ: "azurerm_logic_app_trigger_http_request", component: "application_code", want: notProvider},
	{finding: "N6", typ: "aws_appsync_resolver", component: "application_code", want: notProvider},
	{finding: "N6", typ: "aws_appsync_function", component: "application_code", want: notProvider},
	// N14: a bucket's settings carry what they configure, not the bucket's
	// 13 obligations.
	{finding: "N14", typ: "aws_s3_bucket_cors_configuration", obligation: "data_classification.classify_data", absent: true},
	{finding: "N14", typ: "aws_s3_bucket_versioning", obligation: "data_protection.back_up_data"},
	{finding: "N14", typ: "aws_s3_bucket_versioning", obligation: "data_protection.encrypt_at_rest", absent: true},
	{finding: "N14", typ: "aws_s3_bucket_public_access_block", obligation: "data_access.block_public_access"},
	{finding: "N14", typ: "aws_s3_bucket_public_access_block", obligation: "data_protection.back_up_data", absent: true},
	{finding: "N14", typ: "google_storage_bucket_iam_member", obligation: "data_access.least_privilege_access"},
	{finding: "N14", typ: "google_storage_bucket_iam_member", obligation: "data_protection.back_up_data", absent: true},
	// N15: objects without a host carry no host obligations.
	{finding: "N15", typ: "aws_ecs_cluster", obligation: "operating_system.patch", absent: true},
	{finding: "N15", typ: "aws_ecs_cluster_capacity_providers", obligation: "operating_system.harden_baseline", absent: true},
	{finding: "N15", typ: "aws_eks_addon", obligation: "operating_system.keep_auto_upgrade_enabled", absent: true},
	{finding: "N15", typ: "google_gke_hub_membership", obligation: "operating_system.harden_baseline", absent: true},
	{finding: "N15", typ: "azurerm_kubernetes_fleet_manager", obligation: "operating_system.harden_baseline", absent: true},
	{finding: "N15", typ: "azurerm_container_registry_task", obligation: "data_protection.back_up_data", absent: true},
	{finding: "N15", typ: "azurerm_virtual_machine_run_command", obligation: "operating_system.patch", absent: true},
	{finding: "N15", typ: "aws_ec2_host", obligation: "operating_system.patch", absent: true},
	{finding: "N15", typ: "azurerm_batch_account", obligation: "operating_system.patch", absent: true},
	{finding: "N15", typ: "aws_lambda_function_event_invoke_config", obligation: "runtime.use_supported_runtime", absent: true},
	{finding: "N15", typ: "aws_lambda_code_signing_config", obligation: "application_code.fix_vulnerabilities"},
	{finding: "N15", typ: "google_cloudbuild_trigger", obligation: "operating_system.harden_baseline", absent: true},
	// N16: traffic endpoints carry no data-store obligations; policy
	// attachments and bindings no MFA or credential rotation.
	{finding: "N16", typ: "google_compute_health_check", obligation: "data_protection.back_up_data", absent: true},
	{finding: "N16", typ: "google_compute_health_check", obligation: "data_protection.manage_keys", absent: true},
	{finding: "N16", typ: "aws_lb", obligation: "data_protection.encrypt_in_transit"},
	{finding: "N16", typ: "aws_iam_role_policy_attachment", obligation: "accounts_and_access.enforce_mfa", absent: true},
	{finding: "N16", typ: "aws_iam_role", obligation: "accounts_and_access.rotate_credentials", absent: true},
	{finding: "N16", typ: "google_project_iam_member", obligation: "accounts_and_access.enforce_mfa", absent: true},
	{finding: "N16", typ: "azurerm_role_assignment", obligation: "accounts_and_access.enforce_mfa", absent: true},
	{finding: "N16", typ: "azurerm_management_lock", obligation: "accounts_and_access.rotate_credentials", absent: true},
	{finding: "N16", typ: "aws_iam_user", obligation: "accounts_and_access.enforce_mfa"},
	{finding: "N16", typ: "aws_iam_access_key", obligation: "accounts_and_access.rotate_credentials"},
	// L1: module telemetry.
	{finding: "L1", typ: "modtm_telemetry", obligation: "data_protection.back_up_data", absent: true},
	{finding: "L1", typ: "modtm_telemetry", obligation: "data_classification.set_data_residency"},
	// N7: a customer-built image on a provider-run host is shared: the
	// provider patches the host, the customer rebuilds the image, once, on
	// the resource that names it.
	{finding: "N7", typ: "aws_ecs_task_definition", conds: map[string]string{"requires_compatibilities": "FARGATE"}, component: "operating_system", want: []Owner{OwnerShared}, obligation: "operating_system.rebuild_images"},
	{finding: "N7", typ: "aws_ecs_task_definition", conds: map[string]string{"requires_compatibilities": "FARGATE"}, obligation: "operating_system.patch", absent: true},
	{finding: "N7", typ: "aws_ecs_task_definition", conds: map[string]string{"requires_compatibilities": "FARGATE"}, obligation: "operating_system.keep_auto_upgrade_enabled", absent: true},
	{finding: "N7", typ: "aws_ecs_task_definition", conds: map[string]string{"requires_compatibilities": "EC2"}, component: "operating_system", want: []Owner{OwnerCustomer}, obligation: "operating_system.patch"},
	{finding: "N7", typ: "aws_ecs_service", conds: map[string]string{"launch_type": "FARGATE", "capacity_provider_strategy.capacity_provider": ""}, component: "operating_system", want: []Owner{OwnerShared}, obligation: "operating_system.rebuild_images", absent: true},
	{finding: "N7", typ: "aws_ecs_service", conds: map[string]string{"launch_type": "FARGATE", "capacity_provider_strategy.capacity_provider": ""}, obligation: "operating_system.patch", absent: true},
	{finding: "N7", typ: "aws_lambda_function", conds: map[string]string{"package_type": "Image"}, component: "operating_system", want: []Owner{OwnerShared}, obligation: "operating_system.rebuild_images"},
	{finding: "N7", typ: "aws_lambda_function", conds: map[string]string{"package_type": "Image"}, obligation: "operating_system.patch", absent: true},
	{finding: "N7", typ: "azurerm_container_app", component: "operating_system", want: []Owner{OwnerShared}, obligation: "operating_system.rebuild_images"},
	{finding: "N7", typ: "azurerm_container_group", component: "operating_system", want: []Owner{OwnerShared}, obligation: "operating_system.rebuild_images"},
	{finding: "N7", typ: "google_cloud_run_v2_service", component: "operating_system", want: []Owner{OwnerShared}, obligation: "operating_system.rebuild_images"},
	{finding: "N7", typ: "azurerm_linux_web_app", component: "operating_system", want: []Owner{OwnerShared}, obligation: "operating_system.keep_auto_upgrade_enabled", absent: true},
	{finding: "N7", typ: "kubernetes_deployment_v1", component: "operating_system", want: []Owner{OwnerShared}, obligation: "operating_system.rebuild_images"},
	{finding: "N7", typ: "kubernetes_deployment_v1", obligation: "operating_system.keep_auto_upgrade_enabled", absent: true},
	{finding: "N7", typ: "google_container_cluster", conds: map[string]string{"enable_autopilot": "true"}, component: "operating_system", want: []Owner{OwnerProvider}},
	{finding: "N7", typ: "aws_eks_cluster", conds: map[string]string{"compute_config.enabled": "true"}, component: "operating_system", want: []Owner{OwnerProvider}},
	{finding: "N7", typ: "google_container_node_pool", conds: map[string]string{"management.auto_upgrade": "true"}, obligation: "operating_system.rebuild_images", absent: true},
	// N8: EKS managed node groups on an AWS AMI.
	{finding: "N8", typ: "aws_eks_node_group", conds: map[string]string{"ami_type": "AL2023_x86_64_STANDARD"}, obligation: "operating_system.update_node_images"},
	{finding: "N8", typ: "aws_eks_node_group", conds: map[string]string{"ami_type": "AL2023_x86_64_STANDARD"}, obligation: "operating_system.keep_auto_upgrade_enabled", absent: true},
	{finding: "N8", typ: "aws_eks_node_group", obligation: "operating_system.patch"},
	// N9: Batch EC2 compute environments: the AMIs are the customer's.
	{finding: "N9", typ: "aws_batch_compute_environment", component: "operating_system", want: []Owner{OwnerCustomer}, obligation: "operating_system.patch"},
	// N12: Windows web app slots read the image like the app; Flex
	// Consumption function apps choose their runtime version.
	{finding: "N12", typ: "azurerm_windows_web_app_slot", conds: map[string]string{"site_config.application_stack.docker_image_name": ""}, component: "runtime", want: []Owner{OwnerShared}},
	{finding: "N12", typ: "azurerm_windows_web_app_slot", component: "operating_system", want: []Owner{OwnerShared}},
	{finding: "N12", typ: "azurerm_function_app_flex_consumption", component: "runtime", want: []Owner{OwnerShared}, obligation: "runtime.use_supported_runtime"},
	// N13: gateways and agents the customer hosts, Arc extensions.
	{finding: "N13", typ: "aws_storagegateway_gateway", component: "physical_hosts", want: []Owner{OwnerCustomer}},
	{finding: "N13", typ: "aws_datasync_agent", component: "virtualization", want: []Owner{OwnerCustomer}},
	{finding: "N13", typ: "azurerm_arc_machine_extension", component: "physical_hosts", want: []Owner{OwnerCustomer}},
	// N11: an ECS service or task set that sets neither a launch type nor a
	// capacity provider strategy runs on the cluster's default strategy,
	// not on Fargate (was: no override, the caas OS row shared).
	{finding: "N11", typ: "aws_ecs_service", conds: ecsCapacity("", ""), component: "operating_system", want: []Owner{OwnerCustomer}, obligation: "operating_system.patch"},
	{finding: "N11", typ: "aws_ecs_task_set", conds: ecsCapacity("", ""), component: "operating_system", want: []Owner{OwnerCustomer}, obligation: "operating_system.patch"},
	{finding: "N11", typ: "aws_ecs_task_set", component: "operating_system", want: []Owner{OwnerCustomer}, obligation: "operating_system.patch"},
	{finding: "N11", typ: "aws_ecs_task_set", conds: ecsCapacity("FARGATE", ""), component: "operating_system", want: []Owner{OwnerShared}, obligation: "operating_system.patch", absent: true},
	{finding: "N11", typ: "aws_ecs_task_set", conds: ecsCapacity("", "FARGATE_SPOT"), component: "operating_system", want: []Owner{OwnerShared}},
	// L10: GKE Kubernetes components are shared when a release channel
	// enrolls the cluster in auto-upgrade, the customer's otherwise (was:
	// customer whatever the channel).
	{finding: "L10", typ: "google_container_cluster", conds: map[string]string{"release_channel.channel": "REGULAR"}, component: "middleware", want: []Owner{OwnerShared}, obligation: "middleware.patch_middleware"},
	{finding: "L10", typ: "google_container_cluster", conds: map[string]string{"release_channel.channel": "STABLE"}, component: "middleware", want: []Owner{OwnerShared}},
	{finding: "L10", typ: "google_container_cluster", conds: map[string]string{"release_channel.channel": "EXTENDED"}, component: "middleware", want: []Owner{OwnerShared}},
	{finding: "L10", typ: "google_container_cluster", conds: map[string]string{"release_channel.channel": "UNSPECIFIED"}, component: "middleware", want: []Owner{OwnerCustomer}},
	{finding: "L10", typ: "google_container_cluster", conds: map[string]string{"release_channel.channel": ""}, component: "middleware", want: []Owner{OwnerCustomer}},
	{finding: "L10", typ: "google_container_cluster", component: "middleware", want: []Owner{OwnerCustomer}},
	// L11: Amazon EVS: the customer runs the hypervisor on AWS's bare-metal
	// hosts (was on_premises: AWS's facility and hardware the customer's).
	{finding: "L11", typ: "aws_evs_environment", component: "virtualization", want: []Owner{OwnerCustomer}, obligation: "virtualization.patch_hypervisor"},
	{finding: "L11", typ: "aws_evs_environment", component: "physical_hosts", want: []Owner{OwnerProvider}, obligation: "physical_hosts.maintain_hardware", absent: true},
	{finding: "L11", typ: "aws_evs_environment", component: "physical_datacenter", want: []Owner{OwnerProvider}, obligation: "physical_datacenter.secure_facilities", absent: true},
	// L12: Outposts: AWS maintains the rack, the customer the site (was:
	// on_premises, the hosts the customer's).
	{finding: "L12", typ: "aws_outposts_site", component: "physical_hosts", want: []Owner{OwnerProvider}, obligation: "physical_hosts.maintain_hardware", absent: true},
	{finding: "L12", typ: "aws_outposts_site", component: "virtualization", want: []Owner{OwnerProvider}, obligation: "virtualization.patch_hypervisor", absent: true},
	{finding: "L12", typ: "aws_outposts_site", component: "physical_datacenter", want: []Owner{OwnerCustomer}, obligation: "physical_datacenter.secure_facilities"},
	{finding: "L12", typ: "aws_outposts_site", component: "physical_network", want: []Owner{OwnerCustomer}, obligation: "physical_network.protect_cabling"},
	// L8: custom key stores and EKM connections.
	{finding: "L8", typ: "aws_kms_custom_key_store", component: "middleware", want: []Owner{OwnerCustomer}},
	{finding: "L8", typ: "google_kms_ekm_connection", component: "middleware", want: []Owner{OwnerCustomer}},
	// L9: EMR instance groups and fleets take new AMIs only at launch.
	{finding: "L9", typ: "aws_emr_instance_group", component: "operating_system", want: notProvider},
	{finding: "L9", typ: "aws_emr_instance_fleet", component: "operating_system", want: notProvider},
}

// ecsCapacity gives an ECS service's or task set's launch_type and
// capacity_provider_strategy.capacity_provider.
func ecsCapacity(launchType, capacityProvider string) map[string]string {
	return map[string]string{"launch_type": launchType, "capacity_provider_strategy.capacity_provider": capacityProvider}
}

// TestECSCapacityConflict (audit N11): launch_type and
// capacity_provider_strategy conflict (the aws provider and the ECS API
// reject both), so the one that is set answers alone, whatever the other
// is (given empty, or not given: unknown in a plan); with neither, the
// cluster's default strategy applies, answered as instances the customer
// manages; both given (a request the API rejects) leave the most to the
// customer. Every cell of the truth table, for both types.
func TestECSCapacityConflict(t *testing.T) {
	e := &Engine{Catalog: MustBuiltin()}
	const notGiven = "<not given>"
	cases := []struct {
		launchType, capacityProvider string
		want                         Owner
		assumed                      []string
	}{
		{"", "", OwnerCustomer, nil},
		{notGiven, notGiven, OwnerCustomer, []string{"capacity_provider_strategy.capacity_provider", "launch_type"}},
		{notGiven, "", OwnerCustomer, []string{"launch_type"}},
		{"", notGiven, OwnerCustomer, []string{"capacity_provider_strategy.capacity_provider"}},
		{"FARGATE", "", OwnerShared, nil},
		{"FARGATE", notGiven, OwnerShared, nil},
		{"", "FARGATE", OwnerShared, nil},
		{notGiven, "FARGATE", OwnerShared, nil},
		{notGiven, "FARGATE_SPOT", OwnerShared, nil},
		{"MANAGED_INSTANCES", notGiven, OwnerShared, nil},
		{"EC2", notGiven, OwnerCustomer, nil},
		{notGiven, "my-asg", OwnerCustomer, nil},
		{"EC2", "FARGATE", OwnerCustomer, nil},
		{"FARGATE", "my-asg", OwnerCustomer, nil},
		{"BOGUS", notGiven, OwnerCustomer, []string{"launch_type"}},
	}
	for _, typ := range []string{"aws_ecs_service", "aws_ecs_task_set"} {
		for _, tc := range cases {
			conds := map[string]string{}
			if tc.launchType != notGiven {
				conds["launch_type"] = tc.launchType
			}
			if tc.capacityProvider != notGiven {
				conds["capacity_provider_strategy.capacity_provider"] = tc.capacityProvider
			}
			res, err := e.Resolve(Request{ResourceType: typ, Conditions: conds})
			if err != nil {
				t.Fatal(err)
			}
			if got := owner(t, res, "operating_system"); got != tc.want {
				t.Errorf("%s %v: operating_system %s, want %s", typ, conds, got, tc.want)
			}
			var assumed []string
			for _, a := range res.Assumptions {
				assumed = append(assumed, a.Condition)
			}
			slices.Sort(assumed)
			if !slices.Equal(assumed, tc.assumed) {
				t.Errorf("%s %v: assumed %v, want %v", typ, conds, assumed, tc.assumed)
			}
		}
	}
}

// TestAuditSite (audit L11, L12): the answers' model and site, and the
// invariants that admit them without being weakened: a customer-run
// hypervisor on the provider's hardware needs no hybrid flag (virtualization
// is bound by no invariant), a customer-owned physical layer still does, and
// a hybrid resource may leave the hardware the provider maintains to it.
func TestAuditSite(t *testing.T) {
	c := MustBuiltin()
	e := &Engine{Catalog: c}
	for _, tc := range []struct {
		typ, model string
		hybrid     bool
	}{
		{"aws_evs_environment", "iaas", false},
		{"aws_outposts_site", "iaas", true},
	} {
		res, err := e.Resolve(Request{ResourceType: tc.typ})
		if err != nil {
			t.Fatal(err)
		}
		if res.ServiceModel.ID != tc.model || res.Hybrid != tc.hybrid {
			t.Errorf("%s: %s hybrid %v, want %s hybrid %v", tc.typ, res.ServiceModel.ID, res.Hybrid, tc.model, tc.hybrid)
		}
		for _, rc := range res.Components {
			if inv := CheckInvariants(res.ServiceModel, res.Hybrid, rc.Component, rc.Owner); inv != nil {
				t.Errorf("%s: %s %s breaks %s", tc.typ, rc.Component.ID, rc.Owner, inv.ID)
			}
		}
	}
	iaas := c.ServiceModel("iaas")
	for _, tc := range []struct {
		component string
		hybrid    bool
		owner     Owner
		broken    string
	}{
		{"virtualization", false, OwnerCustomer, ""},
		{"physical_hosts", false, OwnerCustomer, "provider_keeps_physical"},
		{"physical_datacenter", false, OwnerShared, "provider_keeps_physical"},
		{"physical_hosts", true, OwnerProvider, ""},
		{"physical_datacenter", true, OwnerCustomer, ""},
	} {
		got := ""
		if inv := CheckInvariants(iaas, tc.hybrid, c.Component(tc.component), tc.owner); inv != nil {
			got = inv.ID
		}
		if got != tc.broken {
			t.Errorf("%s %s hybrid %v: breaks %q, want %q", tc.component, tc.owner, tc.hybrid, got, tc.broken)
		}
	}
}

func TestAuditDecember2026(t *testing.T) {
	e := &Engine{Catalog: MustBuiltin()}
	for _, tc := range auditCases {
		res, err := e.Resolve(Request{ResourceType: tc.typ, Conditions: tc.conds})
		if err != nil {
			t.Errorf("%s %s: %v", tc.finding, tc.typ, err)
			continue
		}
		if tc.component != "" {
			if got := owner(t, res, tc.component); !slices.Contains(tc.want, got) {
				t.Errorf("%s %s %v: %s %s, want one of %v", tc.finding, tc.typ, tc.conds, tc.component, got, tc.want)
			}
		}
		if tc.obligation != "" && slices.Contains(res.CustomerObligationIDs(), tc.obligation) == tc.absent {
			t.Errorf("%s %s %v: obligations %v; want %s present %v", tc.finding, tc.typ, tc.conds, res.CustomerObligationIDs(), tc.obligation, !tc.absent)
		}
	}
}
