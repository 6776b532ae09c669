// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// section returns the text of a "## title" section of a Markdown file.
func section(t *testing.T, file, title string) string {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	start := strings.Index(text, "\n## "+title+"\n")
	if start < 0 {
		t.Fatalf("%s has no section %q", file, title)
	}
	text = text[start+len(title)+5:]
	if end := strings.Index(text, "\n## "); end >= 0 {
		text = text[:end]
	}
	return text
}

// CONTRIBUTING.md's table of make targets names every target of the
// GNUmakefile and no other, and the fuzz targets make fuzz runs.
func TestContributingMakeTargets(t *testing.T) {
	b, err := os.ReadFile("GNUmakefile")
	if err != nil {
		t.Fatal(err)
	}
	makefile := string(b)
	var targets []string
	for _, m := range regexp.MustCompile(`(?m)^([a-z][a-z0-9-]*):([^=]|$)`).FindAllStringSubmatch(makefile, -1) {
		if m[1] != "default" && !slices.Contains(targets, m[1]) {
			targets = append(targets, m[1])
		}
	}
	if len(targets) < 10 {
		t.Fatalf("only %d targets found in the GNUmakefile: %v", len(targets), targets)
	}
	table := section(t, "CONTRIBUTING.md", "Make targets")
	var documented []string
	for _, row := range strings.Split(table, "\n") {
		if !strings.HasPrefix(row, "| `make ") {
			continue
		}
		first := strings.SplitN(row, "|", 3)[1]
		for _, m := range regexp.MustCompile("`make ([a-z0-9-]+)").FindAllStringSubmatch(first, -1) {
			documented = append(documented, m[1])
		}
	}
	for _, target := range targets {
		if !slices.Contains(documented, target) {
			t.Errorf("make %s is not in CONTRIBUTING.md's table of make targets", target)
		}
	}
	for _, target := range documented {
		if !slices.Contains(targets, target) {
			t.Errorf("CONTRIBUTING.md documents make %s, which the GNUmakefile does not have", target)
		}
	}
	for _, fuzz := range regexp.MustCompile(`\bFuzz[A-Za-z]+`).FindAllString(makefile, -1) {
		if !strings.Contains(table, fuzz) {
			t.Errorf("make fuzz runs %s, which CONTRIBUTING.md's table does not name", fuzz)
		}
	}
	for _, fuzz := range regexp.MustCompile(`\bFuzz[A-Za-z]+`).FindAllString(table, -1) {
		if !strings.Contains(makefile, fuzz) {
			t.Errorf("CONTRIBUTING.md says make fuzz runs %s; the GNUmakefile does not", fuzz)
		}
	}
}

// CONTRIBUTING.md's layout names every Go package of the module and every
// path it names exists.
func TestContributingLayout(t *testing.T) {
	layout := section(t, "CONTRIBUTING.md", "Layout")
	var packages []string
	err := filepath.WalkDir("internal", func(p string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if d.Name() == "testdata" {
			return filepath.SkipDir
		}
		files, _ := filepath.Glob(filepath.Join(p, "*.go"))
		if len(files) > 0 {
			packages = append(packages, filepath.ToSlash(p))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range packages {
		if !strings.Contains(layout, "`"+p+"`") {
			t.Errorf("the package %s is not in CONTRIBUTING.md's layout", p)
		}
	}
	for _, m := range regexp.MustCompile("`((?:internal|examples|templates|docs|scripts)/[^`*<> ]*)`").FindAllStringSubmatch(layout, -1) {
		if _, err := os.Stat(strings.TrimSuffix(m[1], "/")); err != nil {
			t.Errorf("CONTRIBUTING.md's layout names %s, which does not exist", m[1])
		}
	}
}
