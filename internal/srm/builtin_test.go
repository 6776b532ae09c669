// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"os"
	"reflect"
	"sort"
	"testing"
)

// The Go form of the built-in catalog (builtin_documents.go) holds exactly
// what the JSON under data/ says. That the file is byte for byte what the
// generator writes is checked by make docs-check, which regenerates it.
func TestBuiltinDocumentsMatchJSON(t *testing.T) {
	t.Parallel()
	want, err := ReadDocuments(os.DirFS("."), "data")
	if err != nil {
		t.Fatal(err)
	}
	got := builtinDocuments()
	if len(got) != len(want) {
		t.Fatalf("%d compiled-in documents, %d JSON documents: run go generate ./internal/srm", len(got), len(want))
	}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("the compiled-in form of %s differs from the JSON: run go generate ./internal/srm", want[i].Name)
		}
	}
	if !sort.SliceIsSorted(builtinTypes[:], func(i, j int) bool { return builtinTypes[i].name < builtinTypes[j].name }) {
		t.Error("builtinTypes is not sorted by name")
	}
}
