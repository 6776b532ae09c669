// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"strings"
	"testing"
)

// serviceCatalog is the built-in catalog with services of a made-up
// provider "acme" merged on top: nested prefixes, an explicit type, a type
// entry, a provider rule and ARM types.
func serviceCatalog(t *testing.T) *Catalog {
	t.Helper()
	svc := func(name, model, class, fields string) string {
		return `{"name": "` + name + `", "service_model": "` + model + `", "class": "` + class + `", "source": "aws-srm", "rationale": "r"` + fields + `}`
	}
	return customCatalog(t, `{
  "resource_types": {"acme_store_special": {"service_model": "iaas", "class": "compute_host", "focus": ["configuration"], "source": "aws-srm"}},
  "providers": {"acme": {"service_model": "on_premises", "class": "configuration_object", "source": "aws-srm", "rationale": "r"}},
  "services": {
    "acme/store": `+svc("Acme Store", "paas", "data_store", `, "prefixes": ["acme_store_", "acme_bucket"], "arm": ["Microsoft.Acme"]`)+`,
    "acme/tables": `+svc("Acme Tables", "saas", "data_store", `, "prefixes": ["acme_store_table_"], "arm": ["Microsoft.Acme/stores/tables"]`)+`,
    "acme/compute": `+svc("Acme Compute", "iaas", "compute_host", `, "types": ["acme_store_table_vm"], "arm": ["Microsoft.Acme/machines", "Microsoft.AcmeCompute"]`)+`
  }}`)
}

// What answers for a type: its entry, else the service listing it, else the
// service with the longest prefix of its name, else its provider rule.
func TestLookupLongestPrefixWins(t *testing.T) {
	t.Parallel()
	c := serviceCatalog(t)
	for _, tc := range []struct{ typ, want, basis string }{
		{"acme_store_bucket", "acme/store", BasisService},
		{"acme_store_table_index", "acme/tables", BasisService},   // the longer prefix
		{"acme_store_table_vm", "acme/compute", BasisService},     // listed: wins over both prefixes
		{"acme_store_special", "acme_store_special", BasisType},   // its own entry wins
		{"acme_bucket_policy", "acme/store", BasisService},        // a prefix need not end in '_'
		{"acme_buckets", "acme/store", BasisService},              //
		{"acme_storeroom", "acme", BasisProvider},                 // "acme_store_" is not a prefix of it
		{"acme_store_tabl", "acme/store", BasisService},           // shorter than the longer prefix
		{"acme_store_table_", "acme/tables", BasisService},        // the prefix itself
		{"acme", "acme", BasisProvider},                           //
		{"aws_instance", "aws_instance", BasisType},               // built-in entries unaffected
		{"terraform_data", "terraform", BasisProvider},            //
		{"null_resource", "null", BasisProvider},                  //
		{"acme_store_table_vm_disk", "acme/tables", BasisService}, // a listed type is not a prefix
		{"acme_compute_vm", "acme", BasisProvider},                // no service claims it
		{"acmecorp_store_bucket", "", ""},                         // another provider
	} {
		rt := c.Lookup(tc.typ)
		switch {
		case tc.want == "" && rt != nil:
			t.Errorf("%s: answered by %s, want nothing", tc.typ, rt.Describe())
		case tc.want == "":
		case rt == nil:
			t.Errorf("%s: nothing answers, want %s", tc.typ, tc.want)
		case rt.Type != tc.want || rt.Basis != tc.basis:
			t.Errorf("%s: answered by %s (basis %s), want %s (basis %s)", tc.typ, rt.Type, rt.Basis, tc.want, tc.basis)
		}
	}
}

func TestResolveByService(t *testing.T) {
	t.Parallel()
	e := &Engine{Catalog: serviceCatalog(t)}
	res, err := e.Resolve(Request{ResourceType: "acme_store_table_index"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Basis() != BasisService || res.ServiceModel.ID != "saas" || res.Type != "acme_store_table_index" {
		t.Errorf("basis %s, model %s, type %s", res.Basis(), res.ServiceModel.ID, res.Type)
	}
	if got, want := res.ResourceType.Describe(), `the service "acme/tables" (Acme Tables)`; got != want {
		t.Errorf("Describe() = %q, want %q", got, want)
	}
	// A service has no conditions: a condition is an error that says so.
	_, err = e.Resolve(Request{ResourceType: "acme_store_bucket", Conditions: map[string]string{"tier": "hot"}})
	if ie, ok := err.(*InputError); !ok || ie.Field != "conditions" || ie.Key != "tier" || !strings.Contains(ie.Detail, `the service "acme/store" (Acme Store) has no conditions`) {
		t.Errorf("condition on a service: %v", err)
	}
}

// An agreement may name a type that only its service (or provider rule)
// answers for, and its override applies to that type alone.
func TestAgreementOnServiceType(t *testing.T) {
	t.Parallel()
	c := serviceCatalog(t)
	a := &Agreement{Name: "managed-tables", Overrides: []Override{
		{ResourceType: "acme_store_table_index", Component: "configuration", Owner: OwnerShared, ProviderPart: "p", CustomerPart: "c", Reason: "vendor hardens it"},
		{ResourceType: "acme_storeroom", Component: "configuration", Owner: OwnerCustomer, Reason: "r"},
	}}
	if errs := ValidateAgreements(c, []*Agreement{a}); len(errs) > 0 {
		t.Fatal(errs[0])
	}
	e := &Engine{Catalog: c, Agreements: map[string]*Agreement{a.Name: a}}
	for typ, want := range map[string]int{"acme_store_table_index": 1, "acme_store_table_other": 0, "acme_storeroom": 1} {
		res, err := e.Resolve(Request{ResourceType: typ, Agreement: a.Name})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.OverridesApplied) != want {
			t.Errorf("%s: %d overrides applied, want %d", typ, len(res.OverridesApplied), want)
		}
	}
}

func TestServiceOfARM(t *testing.T) {
	t.Parallel()
	c := serviceCatalog(t)
	for arm, want := range map[string]string{
		"Microsoft.Acme/stores@2024-01-01":        "acme/store", // the namespace
		"microsoft.acme/STORES/tables@2024-01-01": "acme/tables",
		"Microsoft.Acme/stores/tables/rows":       "acme/tables", // a child of a listed type
		"Microsoft.Acme/machines@2023-01-01":      "acme/compute",
		"Microsoft.AcmeCompute/disks":             "acme/compute",
		"Microsoft.AcmeComputeX/disks":            "",
		"Microsoft.Unknown/things@2024-01-01":     "",
		"":                                        "",
		"@2024-01-01":                             "",
		"Microsoft":                               "",
	} {
		got := ""
		if rt := c.ServiceOfARM(arm); rt != nil {
			got = rt.Type
		}
		if got != want {
			t.Errorf("ServiceOfARM(%q) = %q, want %q", arm, got, want)
		}
	}
}

// azapi types resolve through the service of the ARM type in condition
// "type"; without one, or with one no service lists, through their own
// entry, with the assumption said.
func TestAzapiByARMType(t *testing.T) {
	t.Parallel()
	e := &Engine{Catalog: serviceCatalog(t)}
	for _, typ := range []string{"azapi_resource", "azapi_update_resource", "azapi_resource_action", "azapi_data_plane_resource"} {
		res, err := e.Resolve(Request{ResourceType: typ, Conditions: map[string]string{"type": "Microsoft.Acme/stores/tables@2024-03-01"}})
		if err != nil {
			t.Fatal(err)
		}
		if res.Basis() != BasisService || res.ResourceType.Type != "acme/tables" || res.ServiceModel.ID != "saas" || len(res.Assumptions) != 0 || res.Type != typ {
			t.Errorf("%s: basis %s, %s, %s, assumptions %v", typ, res.Basis(), res.ResourceType.Type, res.ServiceModel.ID, res.Assumptions)
		}
		for _, tc := range []struct {
			conds  map[string]string
			reason string
		}{
			{nil, "not given"},
			{map[string]string{"type": "Microsoft.Unknown/things@2024-01-01"}, `"Microsoft.Unknown/things@2024-01-01" is not an ARM resource type of a service the catalog classifies`},
			{map[string]string{"type": ""}, `"" is not an ARM resource type`},
		} {
			res, err := e.Resolve(Request{ResourceType: typ, Conditions: tc.conds})
			if err != nil {
				t.Fatal(err)
			}
			if res.Basis() != BasisType || res.ServiceModel.ID != "iaas" || len(res.Assumptions) != 1 ||
				res.Assumptions[0].Condition != "type" || !strings.HasPrefix(res.Assumptions[0].Reason, tc.reason) {
				t.Errorf("%s %v: basis %s, model %s, assumptions %v", typ, tc.conds, res.Basis(), res.ServiceModel.ID, res.Assumptions)
			}
			// The answer by default leaves at least as much to the customer
			// as the service would.
			if n := len(res.CustomerObligations); n < 10 {
				t.Errorf("%s %v: %d customer obligations", typ, tc.conds, n)
			}
		}
	}
	// Other keys are not conditions of azapi types.
	_, err := e.Resolve(Request{ResourceType: "azapi_resource", Conditions: map[string]string{"type": "Microsoft.Acme/stores@1", "body": "{}"}})
	if ie, ok := err.(*InputError); !ok || ie.Key != "body" {
		t.Errorf("unknown azapi condition: %v", err)
	}
}

// A type that a service answers but that is one edit from an entry
// is likely a misspelling: the answer says so (the provider warns).
func TestNearEntry(t *testing.T) {
	t.Parallel()
	e := engine()
	for typ, want := range map[string]string{
		"aws_db_instanse":    "aws_db_instance", // RDS's prefix answers it, an entry is one edit away
		"aws_db_instnace":    "aws_db_instance",
		"aws_db_instance":    "", // the entry itself
		"aws_db_proxy_xyzzy": "",
		"random_pasword":     "random_password", // the random rule answers it
		"aws_db_instanc":     "aws_db_instance", // one removed
		"aws_db_instancee":   "aws_db_instance", // one added
		"aws_db_instanze_":   "",                // two edits: not flagged
		"google_access_context_manager_access_levels": "", // real, listed by name by its service
	} {
		res, err := e.Resolve(Request{ResourceType: typ})
		if err != nil {
			t.Fatalf("%s: %v", typ, err)
		}
		if got := res.NearEntry(); got != want {
			t.Errorf("%s: NearEntry() = %q, want %q", typ, got, want)
		}
		if w := res.NearEntryWarning(); (w != "") != (want != "") || want != "" && !strings.Contains(w, `Did you mean "`+want+`"`) {
			t.Errorf("%s: warning %q", typ, w)
		}
	}
	if res, _ := e.Resolve(Request{ServiceModel: "iaas"}); res.NearEntry() != "" {
		t.Error("a request by service model has no near entry")
	}
	// azapi_resource answered by the service of its ARM type is its own
	// entry, not a misspelling of it.
	res, err := e.Resolve(Request{ResourceType: "azapi_resource", Conditions: map[string]string{"type": "Microsoft.App/connectedEnvironments@2024-03-01"}})
	if err != nil || res.Basis() != BasisService || res.NearEntry() != "" {
		t.Errorf("azapi_resource by ARM type: %v, basis %s, near entry %q", err, res.Basis(), res.NearEntry())
	}
	// and answered by the entry of its ARM type, too.
	res, err = e.Resolve(Request{ResourceType: "azapi_resource", Conditions: map[string]string{"type": "Microsoft.App/containerApps@2024-03-01"}})
	if err != nil || res.Basis() != BasisType || res.ResourceType.Type != "azurerm_container_app" || res.NearEntry() != "" {
		t.Errorf("azapi_resource by ARM type of an entry: %v, basis %s, near entry %q", err, res.Basis(), res.NearEntry())
	}
}
