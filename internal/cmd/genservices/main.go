// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

// Command genservices refreshes the service lists of the built-in catalog
// from the sources of the Terraform providers they classify: for each
// provider given on the command line it reads the provider's source (a
// checkout, or one file of it), and rewrites
//
//   - internal/srm/data/services_<provider>.json: the services with their
//     names, prefixes, explicit types (and ARM namespaces where the source
//     gives them), keeping every classification already written (model,
//     class, applies_to, focus, source, rationale) and the sources;
//   - internal/srm/testdata/providers/<provider>.csv: what the source lists
//     (every resource type with its service, or every service prefix), with
//     its provenance, for the test that requires all of it to resolve.
//
// A service new in the source has no classification yet: the catalog then
// fails to compile, naming it, until one is written. Run from the repository
// root, e.g.
//
//	go run ./internal/cmd/genservices -aws ../terraform-provider-aws/names/data/names_data.hcl
//
// (see CONTRIBUTING, "Refreshing the service lists").
package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// extraction is what the source of one provider yields.
type extraction struct {
	// Provider is the provider's type-name prefix (aws, azurerm, google).
	Provider   string
	Provenance provenance
	Services   []extractedService
	// Rows are what the completeness test resolves: every resource type of
	// the provider with its service (Kind "type"), or where the source lists
	// no types, every service prefix (Kind "prefix").
	Rows []row
}

// provenance says where a list comes from.
type provenance struct {
	Repository string // owner/name
	Path       string // in the repository
	Commit     string
	Date       string // of the commit, YYYY-MM-DD
	// Note qualifies the source when it is not the file itself (a condensed
	// transcription); empty otherwise.
	Note string
}

// extractedService is a service as the source gives it. ID is the catalog
// key, "<provider>/<service>".
type extractedService struct {
	ID       string
	Name     string
	Prefixes []string
	Types    []string
	// ARM is kept from the existing file when the source gives none.
	ARM []string
}

type row struct {
	Kind    string // "type", "prefix" or "arm" (an ARM resource type)
	Name    string
	Service string // catalog key, or "" for a type answered by a type entry only
}

// extractor reads the source at path.
type extractor struct {
	name  string
	usage string
	read  func(path string) (*extraction, error)
}

var extractors []extractor

// register adds an extractor; each provider's file calls it from init.
func register(name, usage string, read func(path string) (*extraction, error)) {
	extractors = append(extractors, extractor{name, usage, read})
}

func main() {
	sort.Slice(extractors, func(i, j int) bool { return extractors[i].name < extractors[j].name })
	paths := make([]*string, len(extractors))
	for i, x := range extractors {
		paths[i] = flag.String(x.name, "", x.usage)
	}
	root := flag.String("root", ".", "the repository root")
	flag.Parse()
	ran := false
	for i, x := range extractors {
		if *paths[i] == "" {
			continue
		}
		ran = true
		ex, err := x.read(*paths[i])
		if err != nil {
			log.Fatalf("%s: %v", x.name, err)
		}
		if err := write(*root, ex); err != nil {
			log.Fatalf("%s: %v", x.name, err)
		}
	}
	if !ran {
		flag.Usage()
		os.Exit(2)
	}
}

// write updates the provider's services document and its test list; a
// source that yields rows but no services (azapi: ARM types only) updates
// the list alone.
func write(root string, ex *extraction) error {
	rowsPath := filepath.Join(root, "internal", "srm", "testdata", "providers", ex.Provider+".csv")
	if ex.Services == nil {
		return writeRows(rowsPath, ex)
	}
	listNearTypes(srm.MustBuiltin(), ex, os.Stderr)
	docPath := filepath.Join(root, "internal", "srm", "data", "services_"+ex.Provider+".json")
	doc := &srm.Document{}
	if b, err := os.ReadFile(docPath); err == nil {
		if err := json.Unmarshal(b, doc); err != nil {
			return fmt.Errorf("%s: %w", docPath, err)
		}
	} else if !os.IsNotExist(err) {
		return err
	}
	old := doc.Services
	doc.Services = make(map[string]srm.ServiceDoc, len(ex.Services))
	for _, s := range ex.Services {
		d := old[s.ID]
		d.Name, d.Prefixes, d.Types = s.Name, sorted(s.Prefixes), sorted(s.Types)
		if len(s.ARM) > 0 {
			d.ARM = sorted(s.ARM)
		}
		if _, ok := old[s.ID]; !ok {
			fmt.Fprintf(os.Stderr, "%s: new service %s (%s): classify it in %s\n", ex.Provider, s.ID, s.Name, docPath)
		}
		doc.Services[s.ID] = d
	}
	for id := range old {
		if _, ok := doc.Services[id]; !ok {
			fmt.Fprintf(os.Stderr, "%s: service %s is no longer in the source: removed\n", ex.Provider, id)
		}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if err := os.WriteFile(docPath, b.Bytes(), 0o644); err != nil {
		return err
	}
	return writeRows(rowsPath, ex)
}

// listNearTypes lists by name, in their service, the types of the source
// that are one edit from a type entry of the catalog (azurerm_dns_ns_record
// and azurerm_dns_a_record): they are real, and srm.Result.NearEntry spares
// the types a service lists. A type that a part of its service answers must
// be listed in the part (services_parts.json, written by hand): it is named
// on w.
func listNearTypes(c *srm.Catalog, ex *extraction, w io.Writer) {
	services := make(map[string]*extractedService, len(ex.Services))
	for i := range ex.Services {
		services[ex.Services[i].ID] = &ex.Services[i]
	}
	for _, r := range ex.Rows {
		if r.Kind != "type" || c.ResourceTypes[r.Name] != nil || c.EntryOneEditFrom(r.Name) == "" {
			continue
		}
		answering := c.ServiceOf(r.Name)
		switch s := services[r.Service]; {
		case s == nil:
		case answering == nil || answering.Type == r.Service:
			if !slices.Contains(s.Types, r.Name) {
				s.Types = append(s.Types, r.Name)
			}
		case !slices.Contains(answering.Service.Types, r.Name):
			fmt.Fprintf(w, "%s: %s is one edit from %s and answered by part %s: list it in the part's types\n",
				ex.Provider, r.Name, c.EntryOneEditFrom(r.Name), answering.Type)
		}
	}
}

func writeRows(path string, ex *extraction) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	p := ex.Provenance
	var b bytes.Buffer
	fmt.Fprintf(&b, "# What the %s provider's source lists (resource types, service prefixes or ARM types), with the service of the built-in catalog it names.\n", ex.Provider)
	fmt.Fprintf(&b, "# Source: %s, %s, commit %s (%s)", p.Repository, p.Path, p.Commit, p.Date)
	if p.Note != "" {
		fmt.Fprintf(&b, "; %s", p.Note)
	}
	b.WriteString(".\n")
	fmt.Fprintf(&b, "# Written by go run ./internal/cmd/genservices -%s <source>; every row must resolve (TestServiceLists).\n", ex.Provider)
	w := csv.NewWriter(&b)
	rows := slices.Clone(ex.Rows)
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].Kind != rows[j].Kind {
			return rows[i].Kind < rows[j].Kind
		}
		return rows[i].Name < rows[j].Name
	})
	_ = w.Write([]string{"kind", "name", "service"})
	for _, r := range rows {
		_ = w.Write([]string{r.Kind, r.Name, r.Service})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

func sorted(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	s = slices.Clone(s)
	sort.Strings(s)
	return slices.Compact(s)
}

// gitProvenance returns the commit and its date of the repository at dir
// (a checkout or a bare repository).
func gitProvenance(dir string) (commit, date string, err error) {
	out, err := exec.Command("git", "-C", dir, "log", "-1", "--format=%H %cs").Output()
	if err != nil {
		return "", "", fmt.Errorf("git log in %s: %w", dir, err)
	}
	commit, date, _ = strings.Cut(strings.TrimSpace(string(out)), " ")
	return commit, date, nil
}
