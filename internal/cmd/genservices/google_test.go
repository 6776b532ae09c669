// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"reflect"
	"strings"
	"testing"
)

func headCommit(t *testing.T, dir string) string {
	t.Helper()
	commit, _, err := gitProvenance(dir)
	if err != nil {
		t.Fatal(err)
	}
	return commit
}

func TestExtractGoogle(t *testing.T) {
	ga := gitRepo(t, "google/ga", false)
	beta := gitRepo(t, "google/beta", true) // a bare mirror reads like a checkout
	ex, err := extractGoogle(ga, beta)
	if err != nil {
		t.Fatal(err)
	}
	if ex.Provider != "google" {
		t.Errorf("Provider = %q, want google", ex.Provider)
	}
	wantProv := provenance{
		Repository: "hashicorp/terraform-provider-google + hashicorp/terraform-provider-google-beta",
		Path:       "google/services + google-beta/services (registry.Schema, registry.FrameworkResource)",
		Commit:     headCommit(t, ga) + " + " + headCommit(t, beta),
		Date:       "2026-08-21 + 2026-08-21",
	}
	if ex.Provenance != wantProv {
		t.Errorf("Provenance = %+v, want %+v", ex.Provenance, wantProv)
	}

	got := map[string]extractedService{}
	for _, s := range ex.Services {
		s.Prefixes, s.Types = sorted(s.Prefixes), sorted(s.Types)
		got[s.ID] = s
	}
	want := map[string]extractedService{
		// Spelled by its directory, google_bigquery_ is BigQuery's though
		// BigQuery Connection's types share only it.
		"google/bigquery": {ID: "google/bigquery", Name: "BigQuery", Prefixes: []string{"google_bigquery_"}},
		"google/bigqueryconnection": {ID: "google/bigqueryconnection", Name: "bigqueryconnection",
			Prefixes: []string{"google_bigquery_connection_"}, Types: []string{"google_bigquery_connection"}},
		// No prefix common to all its types: google_project_usage_ for the
		// one outside google_compute_; named by most of its pages.
		"google/compute": {ID: "google/compute", Name: "Compute Engine", Prefixes: []string{"google_compute_", "google_project_usage_"}},
		// Only in google-beta; google_firebase_hosting_ nests in google_firebase_.
		"google/firebase":        {ID: "google/firebase", Name: "firebase", Prefixes: []string{"google_firebase_"}},
		"google/firebasehosting": {ID: "google/firebasehosting", Name: "Firebase Hosting", Prefixes: []string{"google_firebase_hosting_"}},
		// google_project and google_folder are prefixes of other types: listed.
		"google/resourcemanager": {ID: "google/resourcemanager", Name: "Resource Manager",
			Prefixes: []string{"google_project_iam_"}, Types: []string{"google_folder", "google_project"}},
		// Registered as a framework resource.
		"google/storage": {ID: "google/storage", Name: "storage", Prefixes: []string{"google_storage_"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("services:\n got %+v\nwant %+v", got, want)
	}

	rows := typeRows(t, ex)
	wantRows := map[string]string{
		"google_bigquery_connection":            "google/bigqueryconnection",
		"google_bigquery_connection_iam_member": "google/bigqueryconnection",
		"google_bigquery_dataset":               "google/bigquery",
		"google_bigquery_table":                 "google/bigquery",
		"google_compute_disk_iam_binding":       "google/compute",
		"google_compute_disk_iam_member":        "google/compute",
		"google_compute_instance":               "google/compute",
		"google_firebase_hosting_channel":       "google/firebasehosting",
		"google_firebase_hosting_site":          "google/firebasehosting",
		"google_firebase_project":               "google/firebase",
		"google_folder":                         "google/resourcemanager",
		"google_project":                        "google/resourcemanager",
		"google_project_iam_member":             "google/resourcemanager",
		"google_project_usage_export_bucket":    "google/compute",
		"google_storage_notification":           "google/storage",
	}
	// Data sources and registrations in tests are not resource types.
	if !reflect.DeepEqual(rows, wantRows) {
		t.Errorf("rows:\n got %v\nwant %v", rows, wantRows)
	}
	for name, service := range rows {
		if got := resolveDerived(ex.Services, name); got != service {
			t.Errorf("%s resolves to %q through the derived prefixes and types, want %q", name, got, service)
		}
	}
}

// resolveDerived answers as the catalog does: a listed type, else the
// longest prefix.
func resolveDerived(services []extractedService, name string) string {
	best, bestLen := "", 0
	for _, s := range services {
		for _, t := range s.Types {
			if t == name {
				return s.ID
			}
		}
		for _, p := range s.Prefixes {
			if strings.HasPrefix(name, p) && len(p) > bestLen {
				best, bestLen = s.ID, len(p)
			}
		}
	}
	return best
}

func TestGooglePrefixes(t *testing.T) {
	for name, tc := range map[string]struct {
		types              map[string]string
		prefixes, explicit map[string]string
	}{
		"nested products keep the shorter prefix": {
			types: map[string]string{
				"google_cloud_run_service": "cloudrun", "google_cloud_run_domain_mapping": "cloudrun",
				"google_cloud_run_v2_job": "cloudrunv2", "google_cloud_run_v2_service": "cloudrunv2",
				"google_cloud_scheduler_job": "cloudscheduler",
			},
			prefixes: map[string]string{"google_cloud_run_": "cloudrun", "google_cloud_run_v2_": "cloudrunv2",
				"google_cloud_scheduler_": "cloudscheduler"},
			explicit: map[string]string{},
		},
		"one type: the shortest prefix only its product has": {
			types: map[string]string{
				"google_os_login_ssh_public_key": "oslogin", "google_os_config_patch_deployment": "osconfig",
				"google_os_config_os_policy_assignment": "osconfig",
			},
			prefixes: map[string]string{"google_os_login_": "oslogin", "google_os_config_": "osconfig"},
			explicit: map[string]string{},
		},
		"a claimed prefix that no directory spells goes to the hand-decided owner": {
			types: map[string]string{
				"google_billing_account_iam_member": "cloudbilling", "google_billing_project_info": "cloudbilling",
				"google_billing_budget": "billingbudgets",
			},
			prefixes: map[string]string{"google_billing_": "cloudbilling"},
			explicit: map[string]string{"google_billing_budget": "billingbudgets"},
		},
		"a claimed prefix without a decision goes to none": {
			types: map[string]string{
				"google_iam_deny_policy": "iam2", "google_iam_access_boundary_policy": "iam2",
				"google_iam_principal_access_boundary_policy": "iam3", "google_iam_folders_policy_binding": "iam3",
				"google_iam_workload_identity_pool": "iambeta", "google_iam_workload_identity_pool_provider": "iambeta",
			},
			prefixes: map[string]string{"google_iam_deny_": "iam2", "google_iam_access_": "iam2",
				"google_iam_principal_": "iam3", "google_iam_folders_": "iam3", "google_iam_workload_": "iambeta"},
			explicit: map[string]string{},
		},
	} {
		t.Run(name, func(t *testing.T) {
			prefixes, explicit := googlePrefixes(tc.types)
			if !reflect.DeepEqual(prefixes, tc.prefixes) {
				t.Errorf("prefixes = %v, want %v", prefixes, tc.prefixes)
			}
			if !reflect.DeepEqual(explicit, tc.explicit) {
				t.Errorf("explicit = %v, want %v", explicit, tc.explicit)
			}
		})
	}
}

func TestExtractGoogleErrors(t *testing.T) {
	ga := gitRepo(t, "google/ga", false)
	for name, tc := range map[string]struct {
		ga, beta, want string
	}{
		"beta repository given as google": {ga: gitRepo(t, "google/beta", false), beta: gitRepo(t, "google/beta", false),
			want: "has no google/services at HEAD: not a checkout or mirror of hashicorp/terraform-provider-google"},
		"google repository given as beta": {ga: ga, beta: ga,
			want: "has no google-beta/services at HEAD: not a checkout or mirror of hashicorp/terraform-provider-google-beta"},
		"not a repository": {ga: t.TempDir(), beta: ga, want: "not a checkout or mirror"},
		"a name that is not a literal": {ga: gitRepo(t, "google/bad", false), beta: ga,
			want: "google/services/compute/resource_compute_x.go: a registration whose Name is not a string literal"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := extractGoogle(tc.ga, tc.beta)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}

func TestExtractGoogleNeedsBothFlags(t *testing.T) {
	// Without main's flags (as with only one of them), nothing is read.
	_, err := extractGoogleFlags()
	if err == nil || !strings.Contains(err.Error(), "give both -google and -google-beta") {
		t.Errorf("error = %v, want one asking for both flags", err)
	}
}

func TestUnderscorePrefixes(t *testing.T) {
	got := underscorePrefixes("google_compute_instance_template")
	want := []string{"google_compute_", "google_compute_instance_"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("underscorePrefixes = %v, want %v", got, want)
	}
	if got := underscorePrefixes("google_project"); len(got) != 0 {
		t.Errorf("underscorePrefixes(google_project) = %v, want none", got)
	}
}
