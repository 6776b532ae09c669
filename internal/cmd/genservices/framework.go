// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"fmt"
	"path"
	"regexp"
	"strings"
)

// frameworkResource is a resource that a terraform-plugin-framework provider
// lists in its Resources method.
type frameworkResource struct {
	// Package is the Go package of its constructor as the provider file
	// names it ("" for the provider's own package).
	Package string
	// Suffix is what the resource appends to the provider's type name
	// (resp.TypeName = req.ProviderTypeName + "_release").
	Suffix string
}

var (
	frameworkResourcesMethod = regexp.MustCompile(`(?s)\) Resources\(ctx context\.Context\) \[\]func\(\) resource\.Resource \{(.*?)\n\}`)
	frameworkCtor            = regexp.MustCompile(`(?:(\w+)\.)?(New\w+)\s*,`)
	frameworkTypeName        = regexp.MustCompile(`resp\.TypeName\s*=\s*req\.ProviderTypeName\s*\+\s*"(_\w+)"`)
)

// frameworkResources reads the Resources method of the provider in
// providerFile and, for each constructor it lists, the type-name suffix
// that the constructor's file sets. A constructor of another package is
// looked up in the folder of that name beside providerFile.
func frameworkResources(src gitSource, providerFile string) ([]frameworkResource, error) {
	b, err := src.readOne(providerFile)
	if err != nil {
		return nil, err
	}
	m := frameworkResourcesMethod.FindSubmatch(b)
	if m == nil {
		return nil, fmt.Errorf("%s: no Resources method found", providerFile)
	}
	var out []frameworkResource
	for _, c := range frameworkCtor.FindAllStringSubmatch(string(m[1]), -1) {
		pkg, ctor := c[1], c[2]
		dir := path.Dir(providerFile)
		if pkg != "" {
			dir = path.Join(dir, pkg)
		}
		suffix, err := frameworkSuffix(src, dir, ctor)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", providerFile, strings.TrimSuffix(strings.TrimSpace(c[0]), ","), err)
		}
		out = append(out, frameworkResource{Package: pkg, Suffix: suffix})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: the Resources method lists no constructor", providerFile)
	}
	return out, nil
}

// frameworkSuffix finds the file of dir that defines ctor and returns the
// type-name suffix set in it.
func frameworkSuffix(src gitSource, dir, ctor string) (string, error) {
	paths, err := src.files(dir)
	if err != nil {
		return "", err
	}
	var goFiles []string
	for _, p := range paths {
		if path.Dir(p) == dir && strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") {
			goFiles = append(goFiles, p)
		}
	}
	contents, err := src.read(goFiles)
	if err != nil {
		return "", err
	}
	for _, p := range goFiles {
		if !strings.Contains(string(contents[p]), "func "+ctor+"(") {
			continue
		}
		m := frameworkTypeName.FindSubmatch(contents[p])
		if m == nil {
			return "", fmt.Errorf("%s defines %s but sets no resp.TypeName = req.ProviderTypeName + \"_...\"", p, ctor)
		}
		return string(m[1]), nil
	}
	return "", fmt.Errorf("no file of %s defines func %s", dir, ctor)
}
