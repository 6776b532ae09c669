// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestAzapiResolvesThroughEntries: every ARM type an entry lists is an ARM
// type the azapi provider documents (testdata/providers/azapi.csv), and an
// azapi_resource or azapi_update_resource of it gets the entry's answer
// (audit N1), cells, obligations and conditions.
func TestAzapiResolvesThroughEntries(t *testing.T) {
	documented := map[string]bool{}
	f, err := os.Open(filepath.Join("testdata", "providers", "azapi.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for sc := bufio.NewScanner(f); sc.Scan(); {
		if kind, rest, ok := strings.Cut(sc.Text(), ","); ok && kind == "arm" {
			name, _, _ := strings.Cut(rest, ",")
			documented[strings.ToLower(name)] = true
		}
	}
	c := MustBuiltin()
	e := &Engine{Catalog: c}
	n := 0
	for _, name := range sortedKeys(c.ResourceTypes) {
		rt := c.ResourceTypes[name]
		for _, arm := range rt.ARM {
			n++
			if !documented[strings.ToLower(arm)] {
				t.Errorf("%s: arm %q is not an ARM type the azapi provider documents", name, arm)
			}
			want, err := e.Resolve(Request{ResourceType: name})
			if err != nil {
				t.Fatal(err)
			}
			for _, azapi := range []string{"azapi_resource", "azapi_update_resource"} {
				got, err := e.Resolve(Request{ResourceType: azapi, Conditions: map[string]string{"type": arm + "@" + azapiVersion}})
				if err != nil {
					t.Fatalf("%s %s: %v", azapi, arm, err)
				}
				if got.ResourceType != rt {
					t.Errorf("%s of %s: answered by %s, want %s", azapi, arm, got.ResourceType.Type, name)
					continue
				}
				if !slices.Equal(got.CustomerObligationIDs(), want.CustomerObligationIDs()) {
					t.Errorf("%s of %s: obligations %v, want %v", azapi, arm, got.CustomerObligationIDs(), want.CustomerObligationIDs())
				}
			}
		}
	}
	// The ARM types entries list may only grow: an entry that loses one
	// sends its azapi resources back to a coarser service.
	const armOnEntries = 124
	if n < armOnEntries {
		t.Errorf("%d ARM types on entries, want at least %d", n, armOnEntries)
	}
	// Container Apps through azapi: the OS of the image is not the
	// provider's (it was, through the service).
	res, err := e.Resolve(Request{ResourceType: "azapi_resource", Conditions: map[string]string{"type": "Microsoft.App/containerApps@2024-03-01"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := owner(t, res, "operating_system"); got == OwnerProvider {
		t.Errorf("Microsoft.App/containerApps: operating_system %s", got)
	}
	// A registry's settings answer as the registry's settings part, its
	// build tasks as the container service (they run builds).
	for arm, want := range map[string]string{
		"Microsoft.ContainerRegistry/registries/cacheRules@2023-07-01": "azurerm/containers.registry",
		"Microsoft.ContainerRegistry/registries/tokens@2023-07-01":     "azurerm/containers.registry",
		"Microsoft.ContainerRegistry/registries@2023-07-01":            "azurerm_container_registry",
		"Microsoft.ContainerRegistry/registries/tasks@2019-04-01":      "azurerm/containers",
	} {
		res, err := e.Resolve(Request{ResourceType: "azapi_resource", Conditions: map[string]string{"type": arm}})
		if err != nil {
			t.Fatal(err)
		}
		if res.ResourceType.Type != want {
			t.Errorf("%s: answered by %s, want %s", arm, res.ResourceType.Type, want)
		}
	}
}

// TestAzurermEarlierNames: the types azurerm 4.0 removed resolve as their
// successor's entry (audit L13), basis type, with a warning that names it.
func TestAzurermEarlierNames(t *testing.T) {
	e := &Engine{Catalog: MustBuiltin()}
	for old, successor := range map[string]string{
		"azurerm_app_service_plan": "azurerm_service_plan", "azurerm_app_service": "azurerm_linux_web_app",
		"azurerm_function_app": "azurerm_linux_function_app", "azurerm_sql_server": "azurerm_mssql_server",
		"azurerm_sql_database": "azurerm_mssql_database", "azurerm_postgresql_server": "azurerm_postgresql_flexible_server",
	} {
		res, err := e.Resolve(Request{ResourceType: old})
		if err != nil {
			t.Errorf("%s: %v", old, err)
			continue
		}
		want, _ := e.Resolve(Request{ResourceType: successor})
		if res.Successor() != successor || res.Basis() != BasisType || res.Type != old ||
			!slices.Equal(res.CustomerObligationIDs(), want.CustomerObligationIDs()) {
			t.Errorf("%s: answered by %s (basis %s, successor %q), want %s's answer", old, res.ResourceType.Type, res.Basis(), res.Successor(), successor)
		}
		if w := res.NearEntryWarning(); !strings.Contains(w, `successor "`+successor+`"`) {
			t.Errorf("%s: warning %q", old, w)
		}
	}
	// An entry's own name has no successor.
	if res, _ := e.Resolve(Request{ResourceType: "azurerm_service_plan"}); res.Successor() != "" || res.NearEntryWarning() != "" {
		t.Errorf("azurerm_service_plan: successor %q, warning %q", res.Successor(), res.NearEntryWarning())
	}
}
