// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"sync"
)

// The built-in catalog: matrix.json first (version, models, layers,
// components), then every other document in name order.
//
//go:embed data/*.json
var builtinFS embed.FS

var builtin struct {
	once sync.Once
	docs []NamedDocument
	cat  *Catalog
	err  error
}

// BuiltinDocuments returns the decoded built-in documents, in merge order.
func BuiltinDocuments() ([]NamedDocument, error) {
	loadBuiltin()
	return builtin.docs, builtin.err
}

// Builtin returns the compiled built-in catalog. It is decoded and validated
// once per process.
func Builtin() (*Catalog, error) {
	loadBuiltin()
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

func loadBuiltin() {
	builtin.once.Do(func() {
		builtin.docs, builtin.err = readBuiltin()
		if builtin.err == nil {
			builtin.cat, builtin.err = Compile(builtin.docs...)
		}
	})
}

func readBuiltin() ([]NamedDocument, error) {
	names, err := fs.Glob(builtinFS, "data/*.json")
	if err != nil {
		return nil, err
	}
	sort.Slice(names, func(i, j int) bool {
		if (names[i] == "data/matrix.json") != (names[j] == "data/matrix.json") {
			return names[i] == "data/matrix.json"
		}
		return names[i] < names[j]
	})
	docs := make([]NamedDocument, 0, len(names))
	for _, name := range names {
		b, err := builtinFS.ReadFile(name)
		if err != nil {
			return nil, err
		}
		d := &Document{}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(d); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		docs = append(docs, NamedDocument{Name: name, Document: d})
	}
	return docs, nil
}
