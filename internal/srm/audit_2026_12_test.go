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
	// L9: EMR instance groups and fleets take new AMIs only at launch.
	{finding: "L9", typ: "aws_emr_instance_group", component: "operating_system", want: notProvider},
	{finding: "L9", typ: "aws_emr_instance_fleet", component: "operating_system", want: notProvider},
}

func TestAuditDecember2026(t *testing.T) {
	e := &Engine{Catalog: MustBuiltin()}
	for _, tc := range auditCases {
		res, err := e.Resolve(Request{ResourceType: tc.typ, Conditions: tc.conds})
		if err != nil {
			t.Errorf("%s %s: %v", tc.finding, tc.typ, err)
			continue
		}
		for _, rc := range res.Components {
			if rc.Component.ID == tc.component && !slices.Contains(tc.want, rc.Owner) {
				t.Errorf("%s %s %v: %s %s, want one of %v", tc.finding, tc.typ, tc.conds, tc.component, rc.Owner, tc.want)
			}
		}
		if tc.obligation != "" && slices.Contains(res.CustomerObligationIDs(), tc.obligation) == tc.absent {
			t.Errorf("%s %s %v: obligations %v; want %s present %v", tc.finding, tc.typ, tc.conds, res.CustomerObligationIDs(), tc.obligation, !tc.absent)
		}
	}
}
