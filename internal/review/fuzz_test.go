// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// FuzzReadPlan feeds arbitrary bytes to the plan reader and, when they
// read as a plan or state, to the review and every renderer: no input may
// panic or hang, and every format stays valid and safe (checkRenderers).
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
	f.Add([]byte(hostilePlan))
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
		checkRenderers(t, rep)
	})
}

// checkRenderers renders a review in every format and checks what each
// format promises whatever the input: valid JSON (and OSCAL), well-formed
// XML, text and Markdown without control characters (the text's own
// styles aside), a Markdown comment within its limit.
func checkRenderers(t *testing.T, rep *Report) {
	t.Helper()
	var b bytes.Buffer
	render := func(name string, write func(io.Writer) error) string {
		b.Reset()
		if err := write(&b); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return b.String()
	}
	if out := render("json", rep.WriteJSON); !json.Valid([]byte(out)) {
		t.Fatalf("the JSON report is not valid JSON:\n%s", out)
	}
	if out := render("oscal", rep.WriteOSCAL); !json.Valid([]byte(out)) {
		t.Fatalf("the OSCAL export is not valid JSON:\n%s", out)
	}
	if out := render("junit", rep.WriteJUnit); xml.Unmarshal([]byte(out), new(junitDoc)) != nil {
		t.Fatalf("the JUnit report is not well-formed XML:\n%s", out)
	}
	md := render("markdown", rep.WriteMarkdown)
	if i := controlFree(md); i >= 0 || len(md) > MarkdownLimit {
		t.Fatalf("the Markdown holds a control character at %d, or is %d bytes", i, len(md))
	}
	if i := controlFree(render("text", func(w io.Writer) error { return rep.WriteText(w, false) })); i >= 0 {
		t.Fatalf("the text report holds a control character at %d", i)
	}
	coloured := render("coloured text", func(w io.Writer) error { return rep.WriteText(w, true) })
	for _, code := range []string{ansiReset, ansiBold, ansiRed, ansiYellow, ansiGreen, ansiCyan, ansiDim} {
		coloured = strings.ReplaceAll(coloured, code, "")
	}
	if i := controlFree(coloured); i >= 0 {
		t.Fatalf("the coloured text report holds a control character beyond its styles at %d", i)
	}
}
