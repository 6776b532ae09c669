// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

// Command catalogdocs writes the documentation templates that are generated
// from the built-in catalog (the provider index and the catalog guides), for
// tfplugindocs to render into docs/. Run it through `make docs`.
package main

import (
	_ "embed"
	"flag"
	"fmt"
	"log"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

var (
	//go:embed index.md.tmpl
	indexTemplate string
	//go:embed agreements.md.tmpl
	agreementsTemplate string
)

func main() {
	templates := flag.String("templates", "templates", "the tfplugindocs templates directory")
	flag.Parse()
	c, err := srm.Builtin()
	if err != nil {
		log.Fatal(err)
	}
	schema, err := documentJSONSchema()
	if err != nil {
		log.Fatal(err)
	}
	data := pageData(c, string(schema))
	files := map[string]string{
		"index.md.tmpl": render("index", indexTemplate, data),
		"guides/agreements-and-custom-catalogs.md.tmpl": render("agreements", agreementsTemplate, data),
		"guides/compliance-mapping.md.tmpl":             complianceGuide(c),
		"guides/sources.md.tmpl":                        sourcesGuide(c),
	}
	// The per-provider pages are generated: remove those of providers the
	// catalog no longer has.
	stale, _ := filepath.Glob(filepath.Join(*templates, "guides", providerPage("*")+".md.tmpl"))
	for _, p := range stale {
		if err := os.Remove(p); err != nil {
			log.Fatal(err)
		}
	}
	maps.Copy(files, resourceTypesGuide(c))
	for name, content := range files {
		p := filepath.Join(*templates, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			log.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

type layerRow struct {
	ID, Description, Components string
}

func pageData(c *srm.Catalog, schema string) map[string]any {
	var layers []layerRow
	for _, l := range c.Layers {
		var comps []string
		for _, comp := range c.Components {
			if comp.Layer == l.ID {
				comps = append(comps, "`"+comp.ID+"`")
			}
		}
		layers = append(layers, layerRow{l.ID, l.Description, strings.Join(comps, ", ")})
	}
	e := &srm.Engine{Catalog: c}
	models, rows, err := e.Matrix(nil, "")
	if err != nil {
		log.Fatal(err)
	}
	return map[string]any{
		"Version":    c.Version,
		"Layers":     layers,
		"Models":     c.ServiceModels,
		"Matrix":     srm.MatrixMarkdown(models, rows),
		"Invariants": srm.Invariants,
		"Schema":     schema,
	}
}

func render(name, text string, data any) string {
	var b strings.Builder
	if err := template.Must(template.New(name).Parse(text)).Execute(&b, data); err != nil {
		log.Fatal(fmt.Errorf("%s: %w", name, err))
	}
	return b.String()
}
