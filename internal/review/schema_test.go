// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// reviewSchema compiles docs/review.schema.json, the JSON report's
// documented schema.
func reviewSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	schema, err := jsonschema.NewCompiler().Compile(filepath.Join("..", "..", "docs", "review.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	return schema
}

func validateReviewJSON(t *testing.T, schema *jsonschema.Schema, out string) {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Fatalf("the report does not follow docs/review.schema.json:\n%v", err)
	}
}

// Every JSON report follows the committed schema: the golden files, and
// the review of every plan and state of testdata under each option that
// changes the JSON.
func TestReviewJSONSchema(t *testing.T) {
	schema := reviewSchema(t)
	goldens, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.json"))
	plans, _ := filepath.Glob(filepath.Join("testdata", "plans", "*.json"))
	realPlans, _ := filepath.Glob(filepath.Join("testdata", "real", "*.json"))
	if len(goldens) < 5 || len(plans) < 3 || len(realPlans) < 2 {
		t.Fatalf("testdata moved: %d goldens, %d plans, %d real plans", len(goldens), len(plans), len(realPlans))
	}
	for _, g := range goldens {
		t.Run(g, func(t *testing.T) {
			data, err := os.ReadFile(g)
			if err != nil {
				t.Fatal(err)
			}
			validateReviewJSON(t, schema, string(data))
		})
	}
	for _, p := range append(plans, realPlans...) {
		for _, args := range [][]string{nil, {"-all"}, {"-trusted-acceptances", "prior"}} {
			t.Run(p+strings.Join(args, " "), func(t *testing.T) {
				status, out, stderr := runReview(t, "", append(append([]string{"-format", "json"}, args...), p)...)
				// A plan Terraform did not finish exits 1 and still reports.
				if status == ExitBadInput && !strings.Contains(p, "errored") {
					t.Fatalf("exit %d: %s", status, stderr)
				}
				validateReviewJSON(t, schema, out)
			})
		}
	}
}

// The schema is no rubber stamp: it rejects a report without its version,
// with an unknown field, or with a mistyped one.
func TestReviewJSONSchemaRejects(t *testing.T) {
	schema := reviewSchema(t)
	_, out, _ := runReview(t, "", "-format", "json", "testdata/plans/modules.json")
	for name, edit := range map[string]func(map[string]any){
		"no schema_version": func(d map[string]any) { delete(d, "schema_version") },
		"schema 2":          func(d map[string]any) { d["schema_version"] = "2.0" },
		"unknown field":     func(d map[string]any) { objectAt(t, d, "resources", 0)["owner"] = "x" },
		"owner typo": func(d map[string]any) {
			owners, _ := objectAt(t, d, "resources", 1)["owners"].(map[string]any)
			owners["data"] = "customers"
		},
		"matches a count": func(d map[string]any) { objectAt(t, d, "acceptance_records", 0)["matches"] = 2 },
	} {
		t.Run(name, func(t *testing.T) {
			var d map[string]any
			if err := json.Unmarshal([]byte(out), &d); err != nil {
				t.Fatal(err)
			}
			edit(d)
			if err := schema.Validate(any(d)); err == nil {
				t.Error("the schema accepts it")
			}
		})
	}
}

// objectAt is element i of the array d[key], an object.
func objectAt(t *testing.T, d map[string]any, key string, i int) map[string]any {
	t.Helper()
	list, _ := d[key].([]any)
	if i >= len(list) {
		t.Fatalf("%s has %d elements", key, len(list))
	}
	m, ok := list[i].(map[string]any)
	if !ok {
		t.Fatalf("%s[%d] is not an object", key, i)
	}
	return m
}
