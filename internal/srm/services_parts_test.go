// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// partsDocument is the hand-written document of the parts of services
// (data/services_parts.json): the refresh command never rewrites it.
const partsDocument = "data/services_parts.json"

// withoutParts compiles the built-in documents without the parts document:
// the catalog in which every type without an entry takes its whole
// service's class.
func withoutParts(t *testing.T) *Catalog {
	t.Helper()
	var docs []NamedDocument
	found := false
	for _, d := range builtinDocuments() {
		if d.Name == partsDocument {
			found = true
			continue
		}
		docs = append(docs, d)
	}
	if !found {
		t.Fatalf("no built-in document %s", partsDocument)
	}
	c, err := Compile(docs...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// awsTypes are the resource types of the AWS provider that the aws/ec2,
// aws/autoscaling, aws/eks and aws/rds services answer for, and those the
// parts of other AWS services answer for (their website/docs/r pages; the
// aws list under testdata/providers holds prefixes only), for the figures
// of their parts.
var awsTypes = []string{
	// aws/ec2
	"aws_ami", "aws_ami_copy", "aws_ami_from_instance", "aws_ami_launch_permission",
	"aws_ec2_allowed_images_settings", "aws_ec2_availability_zone_group", "aws_ec2_capacity_block_reservation",
	"aws_ec2_capacity_reservation", "aws_ec2_default_credit_specification", "aws_ec2_fleet", "aws_ec2_host",
	"aws_ec2_image_block_public_access", "aws_ec2_instance_connect_endpoint", "aws_ec2_instance_metadata_defaults",
	"aws_ec2_instance_state", "aws_ec2_serial_console_access", "aws_ec2_tag",
	"aws_eip", "aws_eip_association", "aws_eip_domain_name",
	"aws_instance", "aws_key_pair", "aws_launch_template", "aws_placement_group",
	"aws_spot_datafeed_subscription", "aws_spot_fleet_request", "aws_spot_instance_request",
	// aws/autoscaling
	"aws_autoscaling_attachment", "aws_autoscaling_group", "aws_autoscaling_group_tag", "aws_autoscaling_lifecycle_hook",
	"aws_autoscaling_notification", "aws_autoscaling_policy", "aws_autoscaling_schedule", "aws_autoscaling_traffic_source_attachment",
	"aws_launch_configuration",
	// aws/eks
	"aws_eks_access_entry", "aws_eks_access_policy_association", "aws_eks_addon", "aws_eks_cluster",
	"aws_eks_fargate_profile", "aws_eks_identity_provider_config", "aws_eks_node_group", "aws_eks_pod_identity_association",
	// aws/rds
	"aws_db_cluster_snapshot", "aws_db_event_subscription", "aws_db_instance", "aws_db_instance_automated_backups_replication",
	"aws_db_instance_role_association", "aws_db_option_group", "aws_db_parameter_group", "aws_db_proxy",
	"aws_db_proxy_default_target_group", "aws_db_proxy_endpoint", "aws_db_proxy_target", "aws_db_snapshot",
	"aws_db_snapshot_copy", "aws_db_subnet_group", "aws_rds_certificate", "aws_rds_cluster", "aws_rds_cluster_activity_stream",
	"aws_rds_cluster_endpoint", "aws_rds_cluster_instance", "aws_rds_cluster_parameter_group", "aws_rds_cluster_role_association",
	"aws_rds_cluster_snapshot_copy", "aws_rds_custom_db_engine_version", "aws_rds_export_task", "aws_rds_global_cluster",
	"aws_rds_instance_state", "aws_rds_integration", "aws_rds_reserved_instance", "aws_rds_shard_group",
	// the types the parts of other AWS services answer for
	"aws_apprunner_auto_scaling_configuration_version", "aws_apprunner_connection",
	"aws_apprunner_custom_domain_association", "aws_apprunner_default_auto_scaling_configuration_version",
	"aws_apprunner_observability_configuration", "aws_apprunner_vpc_connector", "aws_apprunner_vpc_ingress_connection",
	"aws_appsync_api_cache", "aws_appsync_api_key", "aws_appsync_datasource", "aws_appsync_domain_name",
	"aws_appsync_domain_name_api_association", "aws_appsync_source_api_association", "aws_batch_job_queue",
	"aws_batch_scheduling_policy", "aws_cloudwatch_log_account_policy", "aws_cloudwatch_log_data_protection_policy",
	"aws_cloudwatch_log_destination_policy", "aws_cloudwatch_log_resource_policy", "aws_codebuild_report_group",
	"aws_cloudwatch_composite_alarm", "aws_codebuild_resource_policy", "aws_codebuild_source_credential", "aws_codebuild_webhook", "aws_dms_certificate",
	"aws_dms_endpoint", "aws_dms_event_subscription", "aws_dms_replication_subnet_group", "aws_dms_s3_endpoint",
	"aws_dsql_cluster_peering", "aws_dynamodb_resource_policy", "aws_ecr_account_setting", "aws_ecr_registry_policy",
	"aws_ecr_registry_scanning_configuration", "aws_ecr_replication_configuration", "aws_ecrpublic_repository_policy",
	"aws_efs_replication_configuration", "aws_elasticache_reserved_cache_node", "aws_elasticache_user_group",
	"aws_elasticache_user_group_association", "aws_emr_block_public_access_configuration",
	"aws_emr_managed_scaling_policy", "aws_emr_security_configuration", "aws_emr_studio_session_mapping",
	"aws_emrcontainers_virtual_cluster", "aws_fsx_backup", "aws_fsx_data_repository_association",
	"aws_fsx_ontap_volume", "aws_fsx_openzfs_snapshot", "aws_fsx_openzfs_volume", "aws_grafana_license_association",
	"aws_grafana_role_association", "aws_grafana_workspace_api_key", "aws_grafana_workspace_saml_configuration",
	"aws_grafana_workspace_service_account", "aws_grafana_workspace_service_account_token",
	"aws_lambda_function_recursion_config", "aws_memorydb_acl", "aws_memorydb_parameter_group", "aws_memorydb_snapshot",
	"aws_memorydb_subnet_group", "aws_memorydb_user", "aws_msk_cluster_policy", "aws_msk_configuration",
	"aws_msk_scram_secret_association", "aws_msk_single_scram_secret_association", "aws_msk_topic",
	"aws_msk_vpc_connection", "aws_mskconnect_worker_configuration", "aws_opensearch_authorize_vpc_endpoint_access",
	"aws_opensearch_domain_policy", "aws_opensearch_domain_saml_options", "aws_opensearch_inbound_connection_accepter",
	"aws_opensearch_outbound_connection", "aws_opensearch_package_association", "aws_opensearch_vpc_endpoint",
	"aws_opensearchserverless_access_policy", "aws_opensearchserverless_lifecycle_policy",
	"aws_opensearchserverless_security_config", "aws_opensearchserverless_security_policy",
	"aws_opensearchserverless_vpc_endpoint", "aws_prometheus_resource_policy", "aws_prometheus_workspace_configuration",
	"aws_redshift_authentication_profile", "aws_redshift_cluster_iam_roles", "aws_redshift_cluster_snapshot",
	"aws_redshift_data_share_authorization", "aws_redshift_data_share_consumer_association",
	"aws_redshift_endpoint_access", "aws_redshift_endpoint_authorization", "aws_redshift_event_subscription",
	"aws_redshift_hsm_client_certificate", "aws_redshift_hsm_configuration", "aws_redshift_logging",
	"aws_redshift_parameter_group", "aws_redshift_partner", "aws_redshift_resource_policy",
	"aws_redshift_scheduled_action", "aws_redshift_snapshot_copy", "aws_redshift_snapshot_copy_grant",
	"aws_redshift_snapshot_schedule", "aws_redshift_snapshot_schedule_association", "aws_redshift_usage_limit",
	"aws_s3_bucket_accelerate_configuration", "aws_s3_bucket_analytics_configuration",
	"aws_s3_bucket_intelligent_tiering_configuration", "aws_s3_bucket_inventory",
	"aws_s3_bucket_metadata_configuration", "aws_s3_bucket_metric", "aws_s3_bucket_request_payment_configuration",
	"aws_s3tables_table_bucket_policy", "aws_s3tables_table_policy", "aws_s3vectors_vector_bucket_policy",
	"aws_sns_topic_data_protection_policy", "aws_sqs_queue_redrive_allow_policy", "aws_sqs_queue_redrive_policy",
}

// listedTypes returns the resource types the providers' lists name (the
// aws/ec2 types for aws, whose list holds prefixes).
func listedTypes(t *testing.T) []string {
	t.Helper()
	types := slices.Clone(awsTypes)
	for _, p := range []string{"azuread", "azurerm", "google", "helm", "kubernetes"} {
		for _, rec := range readServiceList(t, p) {
			if rec[0] == "type" {
				types = append(types, rec[1])
			}
		}
	}
	sort.Strings(types)
	return slices.Compact(types)
}

// nearestRank returns the p-th percentile of values (nearest rank).
func nearestRank(values []int, p float64) int {
	if len(values) == 0 {
		return 0
	}
	s := slices.Clone(values)
	sort.Ints(s)
	i := int(p*float64(len(s))+0.999999) - 1
	return s[max(0, min(i, len(s)-1))]
}

// Parts of a service split it by prefix and nothing else: each prefix of a
// part extends a prefix of its service, each part answers for listed types
// its service answered before, and a type a part answers for carries no
// obligation of a host it does not have. go test -v -run TestServiceParts
// ./internal/srm prints, per service with parts, its types without an entry
// and their customer obligations before and after the split.
func TestServiceParts(t *testing.T) {
	t.Parallel()
	c, whole := MustBuiltin(), withoutParts(t)
	e, eWhole := &Engine{Catalog: c}, &Engine{Catalog: whole}
	parents := map[string]bool{}
	for _, id := range c.ServiceIDs {
		parent, _, isPart := strings.Cut(id, ".")
		if !isPart {
			continue
		}
		parents[parent] = true
		for _, p := range c.Services[id].Service.Prefixes {
			if !slices.ContainsFunc(c.Services[parent].Service.Prefixes, func(pp string) bool { return len(pp) < len(p) && strings.HasPrefix(p, pp) }) {
				t.Errorf("%s: prefix %q extends no prefix of %s %v", id, p, parent, c.Services[parent].Service.Prefixes)
			}
		}
	}
	if len(parents) == 0 {
		t.Fatal("no service has parts")
	}

	type figures struct {
		before, after         []int
		hostBefore, hostAfter int
		byPart                map[string]int
		// movedBefore and movedAfter are the figures of the types a
		// part answers for.
		movedBefore, movedAfter []int
	}
	fig := map[string]*figures{}
	answered := map[string]int{}
	for _, typ := range listedTypes(t) {
		rt, was := c.Lookup(typ), whole.Lookup(typ)
		if rt == nil || rt.Basis != BasisService {
			continue
		}
		parent, _, isPart := strings.Cut(rt.Type, ".")
		if !parents[parent] {
			continue
		}
		if isPart {
			answered[rt.Type]++
			if was == nil || was.Type != parent {
				t.Errorf("%s: answered by part %s, but not by %s without the parts (%v)", typ, rt.Type, parent, was)
				continue
			}
		}
		after, err := e.Resolve(Request{ResourceType: typ})
		if err != nil {
			t.Fatal(err)
		}
		before, err := eWhole.Resolve(Request{ResourceType: typ})
		if err != nil {
			t.Fatal(err)
		}
		f := fig[parent]
		if f == nil {
			f = &figures{byPart: map[string]int{}}
			fig[parent] = f
		}
		f.before = append(f.before, len(before.CustomerObligations))
		f.after = append(f.after, len(after.CustomerObligations))
		f.byPart[rt.Type]++
		if isPart {
			f.movedBefore = append(f.movedBefore, len(before.CustomerObligations))
			f.movedAfter = append(f.movedAfter, len(after.CustomerObligations))
		}
		if len(hostObligations(before)) > 0 {
			f.hostBefore++
		}
		if host := hostObligations(after); len(host) > 0 {
			f.hostAfter++
			if slices.Contains(hostlessClasses, rt.Class) {
				t.Errorf("%s: answered by %s (%s, no host) but carries %s", typ, rt.Type, rt.Class, host[0].ID)
			}
		}
	}
	// A part answers for listed types, or only for ARM types (resources
	// declared through azapi): then each of them is one the azapi
	// documentation lists or a module of the measurement sets declares,
	// and resolves to the part.
	declared := map[string]bool{}
	for _, rec := range readCSV(t, filepath.Join("testdata", "providers", "azapi.csv"))[1:] {
		if rec[0] == "arm" {
			declared[strings.ToLower(rec[1])] = true
		}
	}
	for _, blocks := range readAzapiTypes(t) {
		for _, b := range blocks {
			declared[strings.ToLower(b.arm)] = true
		}
	}
	for _, id := range c.ServiceIDs {
		if !strings.Contains(id, ".") || answered[id] > 0 {
			continue
		}
		arm := c.Services[id].Service.ARM
		if len(arm) == 0 {
			t.Errorf("%s answers for no listed type without an entry and no ARM type: a part that splits nothing", id)
		}
		for _, a := range arm {
			if !declared[strings.ToLower(a)] {
				t.Errorf("%s: ARM type %s is neither documented by azapi nor declared by a module of the measurement sets", id, a)
			}
			if got := c.ServiceOfARM(a + "@" + azapiVersion); got == nil || got.Type != id {
				t.Errorf("%s: ARM type %s answers as %v", id, a, got)
			}
		}
	}
	for _, id := range sortedKeys(fig) {
		f := fig[id]
		t.Logf("%s: %d listed types without an entry (%v); customer obligations per type before median %d p90 %d, after median %d p90 %d; types with host obligations before %d, after %d",
			id, len(f.before), f.byPart, nearestRank(f.before, 0.5), nearestRank(f.before, 0.9), nearestRank(f.after, 0.5), nearestRank(f.after, 0.9),
			f.hostBefore, f.hostAfter)
		t.Logf("%s: the %d types its parts answer for: before median %d p90 %d, after median %d p90 %d",
			id, len(f.movedBefore), nearestRank(f.movedBefore, 0.5), nearestRank(f.movedBefore, 0.9), nearestRank(f.movedAfter, 0.5), nearestRank(f.movedAfter, 0.9))
	}
}

// Each part answers for the types its prefixes were chosen for; the
// longest prefix decides between a part and its service, and between parts.
func TestServicePartsAnswer(t *testing.T) {
	t.Parallel()
	c := MustBuiltin()
	for typ, want := range map[string]string{
		// Network objects, with the load-balancing and IAM types whose
		// longer prefixes start the same way.
		"google_compute_network_attachment":                     "google/compute.network",
		"google_compute_router_route_policy":                    "google/compute.network",
		"google_compute_region_network_firewall_policy":         "google/compute.network",
		"google_compute_interconnect_group":                     "google/compute.network",
		"google_compute_network_endpoints":                      "google/compute.traffic",
		"google_compute_region_network_endpoint":                "google/compute.traffic",
		"google_compute_network_edge_security_service":          "google/compute.traffic",
		"google_compute_network_firewall_policy_iam_member":     "google/compute.network_iam",
		"google_compute_subnetwork_iam_binding":                 "google/compute.network_iam",
		"google_compute_target_grpc_proxy":                      "google/compute.traffic",
		"google_compute_backend_bucket_signed_url_key":          "google/compute.url_signing_keys",
		"google_compute_backend_service_iam_policy":             "google/compute.network_iam",
		"google_compute_region_disk_resource_policy_attachment": "google/compute.storage",
		"google_compute_snapshot_iam_member":                    "google/compute.data_iam",
		"google_compute_machine_image":                          "google/compute.images",
		"google_compute_instance_iam_binding":                   "google/compute.iam",
		"google_compute_reservation":                            "google/compute.capacity",
		"google_compute_zone_vm_extension_policy":               "google/compute.host_settings",
		"google_project_usage_export_bucket":                    "google/compute.usage_export",
		"google_vmwareengine_network_peering":                   "google/vmwareengine.network",
		"google_gke_hub_feature_iam_member":                     "google/gkehub2.access",
		"google_gke_hub_scope_rbac_role_binding":                "google/gkehub2.access",
		"aws_ec2_instance_connect_endpoint":                     "aws/ec2.network",
		"aws_ami_from_instance":                                 "aws/ec2.images",
		"aws_ami_launch_permission":                             "aws/ec2.image_access",
		"aws_db_snapshot_copy":                                  "aws/rds.backups",
		"aws_rds_cluster_role_association":                      "aws/rds.roles",
		"aws_db_proxy_endpoint":                                 "aws/rds.network",
		"azurerm_container_registry_token_password":             "azurerm/containers.registry_credentials",
		"azurerm_container_registry_webhook":                    "azurerm/containers.registry",
		"azurerm_virtual_machine_restore_point_collection":      "azurerm/compute.storage",
		// Hosts, engines and clusters stay with the service.
		"aws_ec2_fleet":                              "aws/ec2",
		"aws_rds_shard_group":                        "aws/rds",
		"google_vmwareengine_private_cloud":          "google/vmwareengine",
		"google_gke_hub_scope":                       "google/gkehub2",
		"google_compute_instance_from_machine_image": "google/compute",
		"google_compute_node_group":                  "google/compute",
		"google_compute_per_instance_config":         "google/compute",
	} {
		rt := c.Lookup(typ)
		if rt == nil || rt.Basis != BasisService || rt.Type != want {
			t.Errorf("%s: answered by %v, want %s", typ, rt, want)
		}
	}
}
