// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"path/filepath"
	"slices"
	"testing"
)

// TestObjectKindsOfRealTypes applies the object_kinds rule to every real
// type the catalog answers, through its service as well as its entry: the
// types of the providers' lists (testdata/providers) and of the module sets.
// A service reaches most of them by prefix, which the catalog rule cannot
// enumerate.
func TestObjectKindsOfRealTypes(t *testing.T) {
	t.Parallel()
	e := engine()
	docs, err := BuiltinDocuments()
	if err != nil {
		t.Fatal(err)
	}
	m, _ := merge(docs)
	names := map[string]bool{}
	for _, p := range []string{"aws", "azurerm", "azuread", "google", "kubernetes", "helm"} {
		for _, rec := range readCSV(t, filepath.Join("testdata", "providers", p+".csv"))[1:] {
			if rec[0] == "type" {
				names[rec[1]] = true
			}
		}
	}
	for _, set := range moduleSets {
		for _, typ := range readModuleSet(t, set).types {
			names[typ] = true
		}
	}
	checked, settings := 0, 0
	for _, name := range sortedKeys(names) {
		rt := e.Catalog.Lookup(name)
		if rt == nil {
			continue
		}
		res, err := e.Resolve(Request{ResourceType: name})
		if err != nil {
			t.Fatal(err)
		}
		checked++
		carried := res.CustomerObligationIDs()
		carries := func(ids []string) bool {
			for _, id := range ids {
				if slices.Contains(carried, id) && !slices.Contains(rt.Focus, m.componentOf(id)) {
					return true
				}
			}
			return false
		}
		if hasSuffix(name, accessSuffixes) && carries(credentialObligations) {
			t.Errorf("%s (%s, %s): an access object carries multi-factor authentication or credential rotation", name, rt.Type, rt.Class)
		}
		if rt.Class == "traffic_endpoint" && carries(dataStoreObligations) {
			t.Errorf("%s (%s): a traffic endpoint carries data-store obligations", name, rt.Type)
		}
		if hasSuffix(name, settingSuffixes) && !hasSuffix(name, accessSuffixes) {
			host := false
			for _, o := range hostObligations(res) {
				host = host || !slices.Contains(rt.Focus, o.Component)
			}
			if host || carries(dataStoreObligations) {
				settings++
			}
		}
	}
	if checked < 3000 {
		t.Errorf("checked %d real types, want the providers' lists", checked)
	}
	// Types named as settings (*_config, *_policy, *_association, ...) that
	// a service answers with host or data-store obligations: services are
	// classified as a whole, and a name alone does not say that the type is
	// a setting (google_compute_resource_policy is a snapshot schedule,
	// google_workstations_workstation_config a host template). Entries and
	// listed types obey the object_kinds rule; the rest may only shrink.
	const settingsCeiling = 159
	t.Logf("%d real types checked; %d setting-named types answered by a service with host or data-store obligations", checked, settings)
	if settings > settingsCeiling {
		t.Errorf("%d setting-named types carry host or data-store obligations, more than the %d of issue 24: classify the new ones (a service part or an entry)", settings, settingsCeiling)
	}
}
