// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import "sync"

// The built-in catalog is the documents under data/ (matrix.json first, then
// every other document in name order), compiled into the provider as Go
// values by builtin_documents.go, which a test keeps equal to the JSON.

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

// Builtin returns the compiled built-in catalog, built once per process. It
// is not validated at run time: the unit tests compile it with every rule
// (TestBuiltinCatalogIsValid).
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
		builtin.docs = builtinDocuments()
		builtin.cat, builtin.err = compileTrusted(builtin.docs)
	})
}
