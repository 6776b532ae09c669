// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The domain stays easy to change: catalog.go holds the runtime types in at
// most 400 lines, and no hand-written function is longer than 100 lines
// (the generated catalog and the tests are exempt).
func TestDomainSize(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("catalog.go")
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(src), "\n"); n > 400 {
		t.Errorf("catalog.go has %d lines; keep it at 400 or fewer (move a concept to a file of its own)", n)
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "builtin_documents.go" {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			if n := fset.Position(fd.End()).Line - fset.Position(fd.Pos()).Line + 1; n > 100 {
				t.Errorf("%s: %s is %d lines; split it below 100", name, fd.Name.Name, n)
			}
		}
	}
}
