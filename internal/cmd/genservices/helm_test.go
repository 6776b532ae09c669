// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"reflect"
	"strings"
	"testing"
)

func TestExtractHelm(t *testing.T) {
	dir := gitRepo(t, "helm/good", false)
	ex, err := extractHelm(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := &extraction{
		Provider:   "helm",
		Provenance: provenance{Repository: "hashicorp/terraform-provider-helm", Path: "helm/provider.go", Commit: headCommit(t, dir), Date: "2026-08-21"},
		Services:   []extractedService{{ID: "helm/helm", Name: "Helm", Types: []string{"helm_release"}}},
		// helm_template is a data source.
		Rows: []row{{Kind: "type", Name: "helm_release", Service: "helm/helm"}},
	}
	if !reflect.DeepEqual(ex, want) {
		t.Errorf("extraction:\n got %+v\nwant %+v", ex, want)
	}
}

func TestExtractHelmErrors(t *testing.T) {
	for name, tc := range map[string]struct{ dir, want string }{
		"a constructor without a type name": {gitRepo(t, "helm/no-typename", false),
			`helm/provider.go: NewHelmRelease: helm/resource_helm_release.go defines NewHelmRelease but sets no resp.TypeName`},
		"another provider's repository": {gitRepo(t, "kubernetes/good", false),
			"has no helm/provider.go at HEAD: not a checkout or mirror of hashicorp/terraform-provider-helm"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := extractHelm(tc.dir)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want one containing %q", err, tc.want)
			}
		})
	}
}
