// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import "fmt"

// The helm provider is a terraform-plugin-framework provider in package
// helm; its Resources method lists its resources (helm_release). Helm is one
// service: every type it has installs or renders charts onto a cluster, so
// the service declares the provider's prefix and a new type resolves through
// it before the next refresh.

func init() {
	register("helm", "checkout or bare repository of hashicorp/terraform-provider-helm", extractHelm)
}

const (
	helmRepository   = "hashicorp/terraform-provider-helm"
	helmProviderFile = "helm/provider.go"
)

func extractHelm(dir string) (*extraction, error) {
	src := gitSource{dir}
	if !src.has(helmProviderFile) {
		return nil, fmt.Errorf("%s has no %s at HEAD: not a checkout or mirror of %s", dir, helmProviderFile, helmRepository)
	}
	commit, date, err := gitProvenance(dir)
	if err != nil {
		return nil, err
	}
	resources, err := frameworkResources(src, helmProviderFile)
	if err != nil {
		return nil, err
	}
	ex := &extraction{
		Provider:   "helm",
		Provenance: provenance{Repository: helmRepository, Path: helmProviderFile, Commit: commit, Date: date},
		Services:   []extractedService{{ID: "helm/helm", Name: "Helm", Prefixes: []string{"helm_"}}},
	}
	for _, r := range resources {
		ex.Rows = append(ex.Rows, row{Kind: "type", Name: "helm" + r.Suffix, Service: "helm/helm"})
	}
	return ex, nil
}
