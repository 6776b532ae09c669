// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"io/fs"
	"path"
	"sort"
	"sync"
)

// The built-in catalog is the documents under data/ (matrix.json first, then
// every other document in name order), compiled into the provider as Go
// values by builtin_documents.go: `go generate ./internal/srm` (make
// generate) writes it, TestBuiltinDocumentsMatchJSON checks that it holds
// what the JSON says, and make docs-check that it is what the generator
// writes. Its resource types are one table sorted by name, which the Go
// compiler lays out as static data, so that a process start costs little
// more for 5,000 types than for 50.

//go:generate go run -tags gencatalog ../cmd/gencatalog

// builtinType is one resource type of the built-in documents, with the index
// of its document.
type builtinType struct {
	name string
	doc  int
	def  ResourceTypeDoc
}

var builtin struct {
	once     sync.Once
	cat      *Catalog
	err      error
	docsOnce sync.Once
	docs     []NamedDocument
}

// BuiltinDocuments returns the built-in documents, in merge order, with
// their resource types; custom catalogs are merged on top of them.
func BuiltinDocuments() ([]NamedDocument, error) {
	builtin.docsOnce.Do(func() { builtin.docs = builtinDocuments() })
	return builtin.docs, nil
}

// builtinDocuments assembles the built-in documents with their resource
// types; each call builds them anew.
func builtinDocuments() []NamedDocument { return withTypes(builtinDocumentList(), builtinTypes[:]) }

// withTypes puts each resource type of a table into its document.
func withTypes(docs []NamedDocument, types []builtinType) []NamedDocument {
	for i := range types {
		t := &types[i]
		d := docs[t.doc].Document
		if d.ResourceTypes == nil {
			d.ResourceTypes = map[string]ResourceTypeDoc{}
		}
		d.ResourceTypes[t.name] = t.def
	}
	return docs
}

// Builtin returns the built-in catalog, built once per process. It is not
// validated at run time: TestBuiltinCatalogIsValid compiles it with every
// rule.
func Builtin() (*Catalog, error) {
	builtin.once.Do(func() {
		builtin.cat, builtin.err = compileTrusted(builtinDocumentList(), builtinTypes[:])
	})
	return builtin.cat, builtin.err
}

// MustBuiltin returns the built-in catalog and panics if it is invalid; the
// unit tests guarantee it is not.
func MustBuiltin() *Catalog {
	c, err := Builtin()
	if err != nil {
		panic(err)
	}
	return c
}

// compileTrusted merges and builds documents and a sorted table of resource
// types without the rules: for the built-in catalog, which the unit tests
// prove valid.
func compileTrusted(docs []NamedDocument, types []builtinType) (*Catalog, error) {
	m, probs := merge(docs)
	if len(probs) > 0 {
		return nil, probs
	}
	// The build needs neither the origins nor the index of the types.
	m.types = ordered[ResourceTypeDoc]{ids: make([]string, len(types)), items: make([]ResourceTypeDoc, len(types))}
	for i := range types {
		m.types.ids[i], m.types.items[i] = types[i].name, types[i].def
	}
	return m.build(), nil
}

// ReadDocuments parses the catalog documents dir/*.json of fsys, in merge
// order (matrix.json first, then the others by name), with the parser of
// custom catalogs: unknown fields, wrong types and duplicate keys are errors.
func ReadDocuments(fsys fs.FS, dir string) ([]NamedDocument, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	matrix := path.Join(dir, "matrix.json")
	sort.Slice(names, func(i, j int) bool {
		if (names[i] == matrix) != (names[j] == matrix) {
			return names[i] == matrix
		}
		return names[i] < names[j]
	})
	docs := make([]NamedDocument, 0, len(names))
	for _, name := range names {
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		d, probs := ParseDocument(name, string(b))
		if len(probs) > 0 {
			return nil, probs
		}
		docs = append(docs, NamedDocument{Name: name, Document: d})
	}
	return docs, nil
}
