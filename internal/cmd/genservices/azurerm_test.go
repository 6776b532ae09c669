// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

func TestNamingRules(t *testing.T) {
	for name, tc := range map[string]struct {
		types map[string]string
		want  map[string]namingRule
	}{
		"one service: the shortest prefix after one word": {
			types: map[string]string{"azurerm_cosmosdb_account": "cosmos", "azurerm_cosmosdb_sql_database": "cosmos"},
			want:  map[string]namingRule{"cosmos": {Prefixes: []string{"azurerm_cosmosdb_"}}},
		},
		"a shared word: longer prefixes, each only one service's": {
			types: map[string]string{
				"azurerm_private_dns_zone": "privatedns", "azurerm_private_dns_a_record": "privatedns",
				"azurerm_private_dns_resolver_inbound_endpoint":                   "privatednsresolver",
				"azurerm_private_endpoint_application_security_group_association": "network",
			},
			want: map[string]namingRule{
				"privatedns":         {Prefixes: []string{"azurerm_private_dns_a_"}, Types: []string{"azurerm_private_dns_zone"}},
				"privatednsresolver": {Prefixes: []string{"azurerm_private_dns_resolver_"}},
				"network":            {Prefixes: []string{"azurerm_private_endpoint_"}},
			},
		},
		"a name every prefix of which another service's type starts with: explicit": {
			types: map[string]string{
				"azurerm_virtual_machine": "legacy", "azurerm_virtual_machine_scale_set": "legacy",
				"azurerm_virtual_machine_extension": "compute", "azurerm_linux_virtual_machine": "compute",
			},
			want: map[string]namingRule{
				"legacy":  {Prefixes: []string{"azurerm_virtual_machine_scale_"}, Types: []string{"azurerm_virtual_machine"}},
				"compute": {Prefixes: []string{"azurerm_linux_"}, Types: []string{"azurerm_virtual_machine_extension"}},
			},
		},
		"one word only: explicit, never the provider's prefix": {
			types: map[string]string{"azurerm_lb": "loadbalancer", "azurerm_lb_rule": "loadbalancer", "azurerm_subscription": "subscription"},
			want: map[string]namingRule{
				"loadbalancer": {Prefixes: []string{"azurerm_lb_"}, Types: []string{"azurerm_lb"}},
				"subscription": {Types: []string{"azurerm_subscription"}},
			},
		},
		"a character prefix is not a word: azurerm_key_vault_ is shared": {
			types: map[string]string{
				"azurerm_key_vault": "keyvault", "azurerm_key_vault_secret": "keyvault",
				"azurerm_key_vault_managed_hardware_security_module": "managedhsm",
			},
			want: map[string]namingRule{
				"keyvault":   {Types: []string{"azurerm_key_vault", "azurerm_key_vault_secret"}},
				"managedhsm": {Prefixes: []string{"azurerm_key_vault_managed_"}},
			},
		},
	} {
		t.Run(name, func(t *testing.T) {
			got := namingRules("azurerm", tc.types)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("namingRules:\n got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func TestARMRules(t *testing.T) {
	for name, tc := range map[string]struct {
		refs      map[string]map[string]int
		typeOwner map[string]string
		nsOwner   map[string]string
		want      map[string][]string
	}{
		"one service per namespace": {
			refs: map[string]map[string]int{
				"Microsoft.Compute/virtualMachines": {"compute": 40, "network": 3},
				"Microsoft.Compute/disks":           {"compute": 9},
			},
			want: map[string][]string{"compute": {"Microsoft.Compute"}},
		},
		"a split namespace: the owner of most types takes it, the others their types": {
			refs: map[string]map[string]int{
				"Microsoft.Network/virtualNetworks":   {"network": 70, "containers": 20},
				"Microsoft.Network/publicIPAddresses": {"network": 10},
				"Microsoft.Network/dnsZones":          {"dns": 12},
				"Microsoft.Network/privateDnsZones":   {"privatedns": 8, "network": 2},
				"Microsoft.Network/locations":         {"loadbalancer": 14},
			},
			want: map[string][]string{
				"network":    {"Microsoft.Network"},
				"dns":        {"Microsoft.Network/dnsZones"},
				"privatedns": {"Microsoft.Network/privateDnsZones"},
			},
		},
		"spellings differing in case are one type, spelt as most files do": {
			refs: map[string]map[string]int{
				"Microsoft.Network/frontDoors":     {"frontdoor": 5},
				"Microsoft.Network/frontdoors":     {"frontdoor": 1},
				"Microsoft.Network/azureFirewalls": {"firewall": 3},
				"Microsoft.Network/vpnGateways":    {"network": 3},
				"Microsoft.Network/virtualHubs":    {"network": 3},
			},
			want: map[string][]string{
				"network":   {"Microsoft.Network"},
				"frontdoor": {"Microsoft.Network/frontDoors"},
				"firewall":  {"Microsoft.Network/azureFirewalls"},
			},
		},
		"hand decisions: a type's owner, a dropped type, a namespace owner": {
			refs: map[string]map[string]int{
				"Microsoft.OperationalInsights/workspaces": {"sentinel": 9, "loganalytics": 3},
				"Microsoft.OperationalInsights/clusters":   {"loganalytics": 3},
				"Microsoft.DBforMariaDB/servers":           {"network": 1},
				"Microsoft.KeyVault/vaults":                {"keyvault": 24},
				"Microsoft.KeyVault/managedHSMs":           {"managedhsm": 4},
			},
			typeOwner: map[string]string{
				"microsoft.operationalinsights/workspaces": "loganalytics",
				"microsoft.dbformariadb/servers":           "",
			},
			nsOwner: map[string]string{"microsoft.keyvault": "keyvault"},
			want: map[string][]string{
				"loganalytics": {"Microsoft.OperationalInsights"},
				"keyvault":     {"Microsoft.KeyVault"},
				"managedhsm":   {"Microsoft.KeyVault/managedHSMs"},
			},
		},
	} {
		t.Run(name, func(t *testing.T) {
			got := armRules(tc.refs, tc.typeOwner, tc.nsOwner)
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("armRules:\n got %v\nwant %v", got, tc.want)
			}
		})
	}
}

func TestExtractAzurerm(t *testing.T) {
	for _, bare := range []bool{false, true} {
		repo := gitRepo(t, "azurerm", bare)
		ex, err := extractAzurerm(repo)
		if err != nil {
			t.Fatalf("bare %v: %v", bare, err)
		}
		if ex.Provider != "azurerm" || ex.Provenance.Repository != "hashicorp/terraform-provider-azurerm" ||
			len(ex.Provenance.Commit) != 40 || ex.Provenance.Date != "2026-08-21" {
			t.Errorf("bare %v: provider %q, provenance %+v", bare, ex.Provider, ex.Provenance)
		}
		got := map[string]extractedService{}
		for _, s := range ex.Services {
			got[s.ID] = s
		}
		// Names are Microsoft's product names where azurermServiceName has one
		// (compute), else the registration's (Load Balancer).
		want := map[string]extractedService{
			"azurerm/compute": {ID: "azurerm/compute", Name: "Azure Virtual Machines", Prefixes: []string{"azurerm_linux_"},
				Types: []string{"azurerm_virtual_machine_extension"}, ARM: []string{"Microsoft.Compute"}},
			"azurerm/containers": {ID: "azurerm/containers", Name: "Azure Kubernetes Service, Container Instances and Container Registry",
				Prefixes: []string{"azurerm_kubernetes_"}, ARM: []string{"Microsoft.ContainerService"}},
			"azurerm/cosmos": {ID: "azurerm/cosmos", Name: "Azure Cosmos DB", Prefixes: []string{"azurerm_cosmosdb_"}},
			"azurerm/legacy": {ID: "azurerm/legacy", Name: "Azure Virtual Machines (legacy resources)", Prefixes: []string{"azurerm_virtual_machine_scale_"},
				Types: []string{"azurerm_virtual_machine"}},
			"azurerm/loadbalancer": {ID: "azurerm/loadbalancer", Name: "Load Balancer", Prefixes: []string{"azurerm_lb_"},
				Types: []string{"azurerm_lb"}, ARM: []string{"Microsoft.Network/loadBalancers"}},
			"azurerm/network": {ID: "azurerm/network", Name: "Azure Virtual Network",
				Types: []string{"azurerm_private_endpoint", "azurerm_virtual_network"}, ARM: []string{"Microsoft.Network"}},
			"azurerm/privatedns": {ID: "azurerm/privatedns", Name: "Private DNS", Prefixes: []string{"azurerm_private_dns_"},
				ARM: []string{"Microsoft.Network/privateDnsZones"}},
			"azurerm/signalr": {ID: "azurerm/signalr", Name: "Azure SignalR Service and Web PubSub", Prefixes: []string{"azurerm_web_"},
				ARM: []string{"Microsoft.SignalRService"}},
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("bare %v: services\n got %+v\nwant %+v", bare, got, want)
		}
		if len(ex.Rows) != 15 {
			t.Errorf("bare %v: %d rows, want 15 (every page of website/docs/r)", bare, len(ex.Rows))
		}
		for _, r := range ex.Rows {
			if r.Kind != "type" || !strings.HasPrefix(r.Service, "azurerm/") {
				t.Errorf("bare %v: row %+v", bare, r)
			}
			if r.Name == "azurerm_web_pubsub_custom_domain" && r.Service != "azurerm/signalr" {
				t.Errorf("bare %v: a ResourceType returning a constant: row %+v", bare, r)
			}
		}
	}
}

func TestReadServicesUndecidedType(t *testing.T) {
	repo := gitRepo(t, "azurerm", false)
	page := filepath.Join(repo, "website", "docs", "r", "orphan_thing.html.markdown")
	if err := os.WriteFile(page, []byte("# azurerm_orphan_thing\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"add", page}, {"commit", "-q", "-m", "orphan"}} {
		out, err := exec.Command("git", append([]string{"-C", repo, "-c", "user.name=t", "-c", "user.email=t@example.com"},
			args...)...).CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v: %s", args, err, out)
		}
	}
	_, err := readServices(repoAtHead(repo), "azurerm", "website/docs/r/", ".html.markdown", nil)
	if err == nil || !strings.Contains(err.Error(), "azurerm_orphan_thing") {
		t.Errorf("a documented type in no service directory: error %v, want one naming it", err)
	}
	s, err := readServices(repoAtHead(repo), "azurerm", "website/docs/r/", ".html.markdown",
		map[string]string{"azurerm_orphan_thing": "cosmos"})
	if err != nil || s.typeService["azurerm_orphan_thing"] != "cosmos" {
		t.Errorf("a type decided in hand: %v, service %q", err, s.typeService["azurerm_orphan_thing"])
	}
}

// TestAzurermCommonNamespaces checks that the namespaces azapi users use
// most each resolve to one service of the built-in document.
func TestAzurermCommonNamespaces(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "srm", "data", "services_azurerm.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc srm.Document
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	owner := map[string][]string{}
	for id, s := range doc.Services {
		for _, a := range s.ARM {
			owner[strings.ToLower(a)] = append(owner[strings.ToLower(a)], id)
		}
	}
	for _, ns := range []string{"Compute", "Network", "Storage", "Web", "App", "ContainerService", "ContainerInstance",
		"ContainerRegistry", "KeyVault", "Sql", "DBforPostgreSQL", "DBforMySQL", "DocumentDB", "Cache", "EventHub",
		"ServiceBus", "Insights", "OperationalInsights", "Authorization", "ManagedIdentity", "Resources", "Cdn",
		"ApiManagement", "CognitiveServices", "MachineLearningServices", "Logic", "DataFactory", "Databricks",
		"Synapse", "Search", "SignalRService", "Kusto", "RecoveryServices", "HybridCompute", "Kubernetes"} {
		if got := owner["microsoft."+strings.ToLower(ns)]; len(got) != 1 {
			t.Errorf("Microsoft.%s: services %v, want one", ns, got)
		}
	}
}
