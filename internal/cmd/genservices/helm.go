// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

// The helm provider is a terraform-plugin-framework provider in package
// helm; its Resources method lists its resources (helm_release). Helm is one
// service listing its types: a prefix may not be the bare provider prefix
// helm_ (that would be a provider rule), and helm_release is the only type.

func init() {
	register("helm", "checkout or bare repository of hashicorp/terraform-provider-helm", extractHelm)
}

const (
	helmRepository   = "hashicorp/terraform-provider-helm"
	helmProviderFile = "helm/provider.go"
)

func extractHelm(dir string) (*extraction, error) {
	src, commit, date, err := openSource(dir, helmProviderFile, helmRepository)
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
	}
	helm := extractedService{ID: "helm/helm", Name: "Helm"}
	for _, r := range resources {
		helm.Types = append(helm.Types, "helm"+r.Suffix)
		ex.Rows = append(ex.Rows, row{Kind: "type", Name: "helm" + r.Suffix, Service: helm.ID})
	}
	ex.Services = []extractedService{helm}
	return ex, nil
}
