// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"reflect"
	"strings"
	"testing"
)

func TestExtractKubernetes(t *testing.T) {
	dir := gitRepo(t, "kubernetes/good", true)
	ex, err := extractKubernetes(dir)
	if err != nil {
		t.Fatal(err)
	}
	wantProv := provenance{Repository: "hashicorp/terraform-provider-kubernetes",
		Path:   "kubernetes/provider.go + internal/framework/provider/provider.go + manifest/provider/provider.go",
		Commit: headCommit(t, dir), Date: "2026-08-21"}
	if ex.Provider != "kubernetes" || ex.Provenance != wantProv {
		t.Errorf("Provider, Provenance = %q, %+v, want kubernetes, %+v", ex.Provider, ex.Provenance, wantProv)
	}
	got := map[string][]string{}
	for _, s := range ex.Services {
		if len(s.Prefixes) != 0 {
			t.Errorf("%s declares prefixes %v: kubernetes type names do not show their group", s.ID, s.Prefixes)
		}
		if !strings.HasPrefix(s.Name, "Kubernetes ") {
			t.Errorf("%s is named %q", s.ID, s.Name)
		}
		got[s.ID] = s.Types
	}
	want := map[string][]string{
		// Both forms of a type, from the SDK provider's sections.
		"kubernetes/core": {"kubernetes_secret", "kubernetes_secret_v1"},
		"kubernetes/apps": {"kubernetes_deployment_v1"},
		// Listed under core, placed by hand in its API group.
		"kubernetes/discovery": {"kubernetes_endpoint_slice_v1"},
		"kubernetes/metadata":  {"kubernetes_labels"},
		// From the framework provider's package admissionregistrationv1;
		// its ephemeral resources are not resource types.
		"kubernetes/admissionregistration": {"kubernetes_validating_admission_policy_v1"},
		// Data sources of the manifest provider are not resource types.
		"kubernetes/manifest": {"kubernetes_manifest"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("services:\n got %v\nwant %v", got, want)
	}
	rows := typeRows(t, ex)
	for id, types := range want {
		for _, ty := range types {
			if rows[ty] != id {
				t.Errorf("row %s: service %q, want %q", ty, rows[ty], id)
			}
		}
	}
	if len(rows) != 7 {
		t.Errorf("%d rows, want 7: %v", len(rows), rows)
	}
}

func TestExtractKubernetesErrors(t *testing.T) {
	for name, tc := range map[string]struct{ dir, want string }{
		"a section without a service": {gitRepo(t, "kubernetes/unknown-section", false),
			`kubernetes_resource_claim_v1 is in section "resource claims", which has no service: decide it in kubernetesSections`},
		"another provider's repository": {gitRepo(t, "helm/good", false),
			"has no kubernetes/provider.go at HEAD: not a checkout or mirror of hashicorp/terraform-provider-kubernetes"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := extractKubernetes(tc.dir)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}
