// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/shared-responsibility/terraform-provider-srm/internal/measure"
)

// serviceListProviders are the providers whose every resource type (or, for
// aws, every service prefix; for azapi, every ARM type it documents) must
// resolve: the lists under testdata/providers, written with their provenance
// by internal/cmd/genservices (SPEC 7.2).
var serviceListProviders = []string{"aws", "azapi", "azuread", "azurerm", "google", "helm", "kubernetes"}

// unclassifiedARMNamespaces are namespaces the azapi provider documents but
// that no azurerm service has: services Microsoft retired or never offered
// through azurerm (the azurerm extractor found no resource of them).
// Their types get azapi's conservative answer (everything the customer's).
var unclassifiedARMNamespaces = map[string]string{
	"Microsoft.Impact":             "Azure Impact Reporting: preview, no azurerm service",
	"Microsoft.Media":              "Azure Media Services: no azurerm service (retired or being retired)",
	"Microsoft.Migrate":            "Azure Migrate projects: no azurerm service",
	"Microsoft.MixedReality":       "Spatial Anchors: no azurerm service (retired or being retired)",
	"Microsoft.MobileNetwork":      "Azure Private 5G Core: no azurerm service (retired or being retired)",
	"Microsoft.Orbital":            "Azure Orbital Ground Station: no azurerm service (retired or being retired)",
	"Microsoft.TimeSeriesInsights": "Azure Time Series Insights: no azurerm service (retired or being retired)",
	"Microsoft.VoiceServices":      "Azure Operator Voice services: no azurerm service",
}

func readServiceList(t *testing.T, provider string) [][]string {
	t.Helper()
	recs := readCSV(t, filepath.Join("testdata", "providers", provider+".csv"))
	if len(recs) < 2 || !slices.Equal(recs[0], []string{"kind", "name", "service"}) {
		t.Fatalf("%s.csv: no header or no rows", provider)
	}
	return recs[1:]
}

// readCSV reads a CSV file of the test data whose comment lines start with
// '#'.
func readCSV(t testing.TB, name string) [][]string {
	t.Helper()
	recs, err := measure.ReadCSV(name)
	if err != nil {
		t.Fatal(err)
	}
	return recs
}

// Every type, prefix and ARM type the providers' sources list resolves, to
// the service the list names where no type entry answers first; every
// service named is classified.
func TestServiceLists(t *testing.T) {
	t.Parallel()
	c := MustBuiltin()
	e := &Engine{Catalog: c}
	files, _ := filepath.Glob(filepath.Join("testdata", "providers", "*.csv"))
	var have []string
	for _, f := range files {
		have = append(have, strings.TrimSuffix(filepath.Base(f), ".csv"))
	}
	for _, p := range serviceListProviders {
		if !slices.Contains(have, p) {
			t.Errorf("testdata/providers/%s.csv is missing", p)
		}
	}
	for _, p := range have {
		rows := readServiceList(t, p)
		bad := 0
		for _, rec := range rows {
			kind, name, service := rec[0], rec[1], rec[2]
			if service != "" && c.Services[service] == nil {
				t.Errorf("%s.csv: %s %s names service %q, which the catalog does not classify", p, kind, name, service)
				continue
			}
			var rt *ResourceType
			switch kind {
			case "type", "prefix":
				rt = c.Lookup(name)
				// The list's service or one of its parts answers, unless the
				// type has an entry of its own or another service lists it.
				// A part of the service ("google/compute.network") may answer.
				if rt != nil && rt.Basis == BasisService && service != "" && rt.Type != service && !strings.HasPrefix(rt.Type, service+".") &&
					!slices.Contains(rt.Service.Types, name) {
					t.Errorf("%s.csv: %s %s resolves through %s, want %s", p, kind, name, rt.Type, service)
				}
			case "arm":
				rt = c.ServiceOfARM(name)
				ns, _, _ := strings.Cut(name, "/")
				if reason, ok := unclassifiedARMNamespaces[ns]; ok {
					// No service: azapi answers with its own entry, which
					// leaves everything to the customer, and says so.
					res, err := e.Resolve(Request{ResourceType: "azapi_resource", Conditions: map[string]string{"type": name + "@2024-01-01"}})
					if rt != nil || err != nil || res.Basis() != BasisType || len(res.Assumptions) != 1 {
						t.Errorf("%s.csv: %s (%s) should be answered by azapi_resource's own entry with an assumption: %v", p, name, reason, err)
					}
					continue
				}
			default:
				t.Fatalf("%s.csv: unknown kind %q", p, kind)
			}
			if rt == nil {
				if bad++; bad <= 20 {
					t.Errorf("%s.csv: %s %s does not resolve", p, kind, name)
				}
			}
		}
		if bad > 20 {
			t.Errorf("%s.csv: %d rows in all do not resolve", p, bad)
		}
		t.Logf("%s: %d rows", p, len(rows))
	}
}

// TestNearEntryRealTypes: no real type, of the provider lists or of the
// module sets, is taken for a misspelling of a type entry (NearEntry); a
// real type one edit from an entry must be listed by name (genservices
// does it for the provider lists).
func TestNearEntryRealTypes(t *testing.T) {
	t.Parallel()
	e := &Engine{Catalog: MustBuiltin()}
	var types []string
	files, _ := filepath.Glob(filepath.Join("testdata", "providers", "*.csv"))
	for _, f := range files {
		for _, rec := range readServiceList(t, strings.TrimSuffix(filepath.Base(f), ".csv")) {
			if rec[0] == "type" {
				types = append(types, rec[1])
			}
		}
	}
	for _, set := range moduleSets {
		types = append(types, readModuleSet(t, set).types...)
	}
	for _, typ := range types {
		res, err := e.Resolve(Request{ResourceType: typ})
		if err != nil {
			continue // TestServiceLists and TestModuleCoverage report it
		}
		if near := res.NearEntry(); near != "" {
			t.Errorf("%s, a real type, is taken for a misspelling of %s: list it by name in its service", typ, near)
		}
	}
	if len(types) < 3000 {
		t.Errorf("only %d real types", len(types))
	}
}
