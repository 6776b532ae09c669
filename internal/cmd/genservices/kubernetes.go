// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// The kubernetes provider registers its resource types in three places:
//
//   - kubernetes/provider.go, the SDK provider: the ResourcesMap literal,
//     in sections headed by a comment naming the API group ("// apps",
//     "// rbac"), each type in its un-suffixed (deprecated) and _v1 form;
//   - internal/framework/provider/provider.go, the framework provider: its
//     Resources method lists constructors of packages named by API group
//     and version (admissionregistrationv1);
//   - manifest/provider/provider.go, the kubernetes_manifest resource.
//
// A service is a Kubernetes API group. Type names do not show their group
// (kubernetes_deployment_v1 is apps, kubernetes_service_v1 core), so each
// service lists its types and declares no prefix: a new type resolves only
// after the refresh has put it in its group.

func init() {
	register("kubernetes", "checkout or bare repository of hashicorp/terraform-provider-kubernetes", extractKubernetes)
}

const kubernetesRepository = "hashicorp/terraform-provider-kubernetes"

// kubernetesGroup is a service: an API group and its name.
type kubernetesGroup struct{ service, name string }

// kubernetesSections maps a section comment of ResourcesMap, and a framework
// package's group (its name without the version), to its API group. A new
// section fails the refresh until it is decided here.
var kubernetesSections = map[string]kubernetesGroup{
	"core":                  {"core", "Kubernetes core API (v1: pods, services, config maps, secrets, volumes)"},
	"api registration":      {"apiregistration", "Kubernetes API registration (apiregistration.k8s.io)"},
	"apps":                  {"apps", "Kubernetes apps (apps: deployments, daemon sets, stateful sets)"},
	"batch":                 {"batch", "Kubernetes batch (batch: jobs, cron jobs)"},
	"autoscaling":           {"autoscaling", "Kubernetes autoscaling (autoscaling: horizontal pod autoscalers)"},
	"certificates":          {"certificates", "Kubernetes certificates (certificates.k8s.io)"},
	"rbac":                  {"rbac", "Kubernetes RBAC (rbac.authorization.k8s.io)"},
	"networking":            {"networking", "Kubernetes networking (networking.k8s.io: ingresses, ingress classes, network policies)"},
	"policy":                {"policy", "Kubernetes policy (policy: pod disruption budgets)"},
	"scheduling":            {"scheduling", "Kubernetes scheduling (scheduling.k8s.io: priority classes)"},
	"admission control":     {"admissionregistration", "Kubernetes admission control (admissionregistration.k8s.io)"},
	"admissionregistration": {"admissionregistration", "Kubernetes admission control (admissionregistration.k8s.io)"},
	"storage":               {"storage", "Kubernetes storage (storage.k8s.io: storage classes, CSI drivers)"},
	"authentication":        {"authentication", "Kubernetes authentication (authentication.k8s.io: token requests)"},
	"node":                  {"node", "Kubernetes node (node.k8s.io: runtime classes)"},
	// kubernetes_labels and kubernetes_annotations patch the metadata of an
	// object of any group.
	"provider helper resources": {"metadata", "Kubernetes object metadata (labels and annotations of any object)"},
	// kubernetes_manifest applies an object of any kind, custom resources
	// included.
	"manifest": {"manifest", "Kubernetes manifest (any object, custom resources included)"},
}

// kubernetesTypeGroups places types whose section is not their API group.
var kubernetesTypeGroups = map[string]kubernetesGroup{
	// Listed under "// core"; EndpointSlice is discovery.k8s.io/v1.
	"kubernetes_endpoint_slice_v1": {"discovery", "Kubernetes discovery (discovery.k8s.io: endpoint slices)"},
}

var (
	kubernetesEntry   = regexp.MustCompile(`^"(kubernetes_[a-z0-9_]+)"\s*:`)
	kubernetesVersion = regexp.MustCompile(`v\d+((alpha|beta)\d+)?$`)
	kubernetesSchema  = regexp.MustCompile(`(?m)^\t\t"(kubernetes_[a-z0-9_]+)":\s*\{`)
)

const (
	kubernetesSDKFile       = "kubernetes/provider.go"
	kubernetesFrameworkFile = "internal/framework/provider/provider.go"
	kubernetesManifestFile  = "manifest/provider/provider.go"
)

func extractKubernetes(dir string) (*extraction, error) {
	src, commit, date, err := openSource(dir, kubernetesSDKFile, kubernetesRepository)
	if err != nil {
		return nil, err
	}
	types := map[string]kubernetesGroup{}
	add := func(t string, g kubernetesGroup, where string) error {
		if tg, ok := kubernetesTypeGroups[t]; ok {
			g = tg
		}
		if _, dup := types[t]; dup {
			return fmt.Errorf("%s: %s is registered twice", where, t)
		}
		types[t] = g
		return nil
	}

	sdk, err := src.readOne(kubernetesSDKFile)
	if err != nil {
		return nil, err
	}
	if err := kubernetesSDKTypes(string(sdk), add); err != nil {
		return nil, err
	}

	if src.has(kubernetesFrameworkFile) {
		fw, err := frameworkResources(src, kubernetesFrameworkFile)
		if err != nil {
			return nil, err
		}
		for _, r := range fw {
			group := kubernetesVersion.ReplaceAllString(r.Package, "")
			g, ok := kubernetesSections[group]
			if !ok {
				return nil, fmt.Errorf("%s: package %s (group %q) has no service: decide it in kubernetesSections", kubernetesFrameworkFile, r.Package, group)
			}
			if err := add("kubernetes"+r.Suffix, g, kubernetesFrameworkFile); err != nil {
				return nil, err
			}
		}
	}

	if src.has(kubernetesManifestFile) {
		b, err := src.readOne(kubernetesManifestFile)
		if err != nil {
			return nil, err
		}
		_, body, ok := strings.Cut(string(b), "func GetProviderResourceSchema()")
		if !ok {
			return nil, fmt.Errorf("%s: no GetProviderResourceSchema", kubernetesManifestFile)
		}
		body, _, _ = strings.Cut(body, "\n}\n")
		for _, m := range kubernetesSchema.FindAllStringSubmatch(body, -1) {
			if err := add(m[1], kubernetesSections["manifest"], kubernetesManifestFile); err != nil {
				return nil, err
			}
		}
	}

	ex := &extraction{
		Provider: "kubernetes",
		Provenance: provenance{Repository: kubernetesRepository,
			Path:   kubernetesSDKFile + " + " + kubernetesFrameworkFile + " + " + kubernetesManifestFile,
			Commit: commit, Date: date},
	}
	byService := map[string]*extractedService{}
	for t, g := range types {
		s, ok := byService[g.service]
		if !ok {
			s = &extractedService{ID: "kubernetes/" + g.service, Name: g.name}
			byService[g.service] = s
		}
		s.Types = append(s.Types, t)
		ex.Rows = append(ex.Rows, row{Kind: "type", Name: t, Service: s.ID})
	}
	for _, s := range byService {
		sort.Strings(s.Types)
		ex.Services = append(ex.Services, *s)
	}
	sort.Slice(ex.Services, func(i, j int) bool { return ex.Services[i].ID < ex.Services[j].ID })
	return ex, nil
}

// kubernetesSDKTypes reads the ResourcesMap literal of the SDK provider,
// passing each type with the group of the section comment above it.
func kubernetesSDKTypes(src string, add func(t string, g kubernetesGroup, where string) error) error {
	_, body, ok := strings.Cut(src, "ResourcesMap: map[string]*schema.Resource{")
	if !ok {
		return fmt.Errorf("%s: no ResourcesMap literal", kubernetesSDKFile)
	}
	section, n := "", 0
	for _, line := range strings.Split(body, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "}," || line == "}":
			if n == 0 {
				return fmt.Errorf("%s: ResourcesMap lists no type", kubernetesSDKFile)
			}
			return nil
		case strings.HasPrefix(line, "//"):
			section = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(line, "//")))
		case kubernetesEntry.MatchString(line):
			t := kubernetesEntry.FindStringSubmatch(line)[1]
			g, ok := kubernetesSections[section]
			if !ok {
				return fmt.Errorf("%s: %s is in section %q, which has no service: decide it in kubernetesSections", kubernetesSDKFile, t, section)
			}
			if err := add(t, g, kubernetesSDKFile); err != nil {
				return err
			}
			n++
		}
	}
	return fmt.Errorf("%s: ResourcesMap literal not closed", kubernetesSDKFile)
}
