// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"encoding/json"
	"testing"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// TestAzapiThroughEntry: an azapi resource of an ARM type that an azurerm
// entry lists answers as that entry (audit N1: a Container App through
// azapi was paas with the OS, runtime and middleware the provider's), and
// the entry's conditions whose property the ARM resource has are read from
// body, an object in azapi 2.x and a JSON string in azapi 1.x (the azapi
// provider's docs/resources/resource.md: "body - (Optional) A dynamic
// attribute that contains the request body").
func TestAzapiThroughEntry(t *testing.T) {
	engine := &srm.Engine{Catalog: srm.MustBuiltin()}
	cr := &conditionReader{engine: engine}
	rt := engine.Catalog.Lookup("azapi_resource")
	cases := []struct {
		name, after, unknown string
		conds                map[string]string
		os                   srm.Owner
		entry                string
	}{
		{name: "container app", after: `{"type": "Microsoft.App/containerApps@2024-03-01", "body": {"properties": {}}}`,
			conds: map[string]string{"type": "Microsoft.App/containerApps@2024-03-01"}, os: srm.OwnerShared, entry: "azurerm_container_app"},
		{name: "cluster on a channel", after: `{"type": "Microsoft.ContainerService/managedClusters@2024-05-01",
			"body": {"properties": {"autoUpgradeProfile": {"upgradeChannel": "stable", "nodeOSUpgradeChannel": "NodeImage"}}}}`,
			conds: map[string]string{"type": "Microsoft.ContainerService/managedClusters@2024-05-01",
				"automatic_upgrade_channel": "stable", "node_os_upgrade_channel": "NodeImage"}, os: srm.OwnerShared, entry: "azurerm_kubernetes_cluster"},
		{name: "cluster, azapi 1.x body string", after: `{"type": "Microsoft.ContainerService/managedClusters@2024-05-01",
			"body": "{\"properties\": {\"autoUpgradeProfile\": {\"nodeOSUpgradeChannel\": \"None\"}}}"}`,
			conds: map[string]string{"type": "Microsoft.ContainerService/managedClusters@2024-05-01", "node_os_upgrade_channel": "None"},
			os:    srm.OwnerCustomer, entry: "azurerm_kubernetes_cluster"},
		{name: "cluster, channel unknown", after: `{"type": "Microsoft.ContainerService/managedClusters@2024-05-01", "body": {}}`,
			unknown: `{"body": {"properties": {"autoUpgradeProfile": {"nodeOSUpgradeChannel": true}}}}`,
			conds:   map[string]string{"type": "Microsoft.ContainerService/managedClusters@2024-05-01"}, os: srm.OwnerCustomer, entry: "azurerm_kubernetes_cluster"},
		{name: "ARM type of a service only", after: `{"type": "Microsoft.App/connectedEnvironments@2024-03-01", "body": {}}`,
			conds: map[string]string{"type": "Microsoft.App/connectedEnvironments@2024-03-01"}, entry: "azurerm/containerapps"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			attrs := attributes{values: json.RawMessage(tc.after)}
			if tc.unknown != "" {
				attrs.unknown = json.RawMessage(tc.unknown)
			}
			conds, why := cr.read(rt, attrs)
			if len(conds) != len(tc.conds) {
				t.Errorf("conditions %v (%v), want %v", conds, why, tc.conds)
			}
			for k, v := range tc.conds {
				if conds[k] != v {
					t.Errorf("%s = %q, want %q", k, conds[k], v)
				}
			}
			res, err := engine.Resolve(srm.Request{ResourceType: "azapi_resource", Conditions: conds})
			if err != nil {
				t.Fatal(err)
			}
			if res.ResourceType.Type != tc.entry {
				t.Errorf("answered by %s, want %s", res.ResourceType.Type, tc.entry)
			}
			if tc.os == "" {
				return
			}
			for _, rc := range res.Components {
				if rc.Component.ID == "operating_system" && rc.Owner != tc.os {
					t.Errorf("operating_system %s, want %s", rc.Owner, tc.os)
				}
			}
		})
	}
}
