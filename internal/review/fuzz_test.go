// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// FuzzReadPlan feeds arbitrary bytes to the plan reader and, when they
// read as a plan or state, to the review and every renderer: no input may
// panic or hang.
func FuzzReadPlan(f *testing.F) {
	for _, pattern := range []string{"testdata/plans/*.json", "testdata/real/*-plan.json"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
		}
	}
	for _, s := range []string{`{"format_version":"1.0"}`, `{"format_version":"0.1","values":{"root_module":{}}}`,
		`{"format_version":"1.2","resource_changes":[{"mode":"managed","type":"aws_lambda_function","change":{"actions":["create"],"after":{"package_type":["Image"]},"after_unknown":{"package_type":[true]}}}]}`,
		`{"format_version":"1.2","planned_values":{"root_module":{"resources":[{"mode":"managed","type":"srm_obligation_acceptance","values":{"scope":["*"],"obligations":["*"],"accepted_by":"t","review_by":"x"}}]}}}`,
		"\xef\xbb\xbf{}", "[", `{"format_version":2}`} {
		f.Add([]byte(s))
	}
	engine := &srm.Engine{Catalog: srm.MustBuiltin()}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, k, err := parseDocument(data)
		if err != nil {
			if _, ok := err.(*InputError); !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		rep := reviewDocument(doc, k, engine, Options{All: true, Now: testNow})
		for _, write := range []func(io.Writer) error{rep.WriteJSON, rep.WriteMarkdown,
			func(w io.Writer) error { return rep.WriteText(w, true) }} {
			if err := write(io.Discard); err != nil {
				t.Fatal(err)
			}
		}
		_ = rep.WriteOSCAL(io.Discard)
	})
}
