// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"strings"
	"testing"
)

// conflictType is a custom type with two conditions, "a" and "b", whose
// conflicts_with are spliced in.
func conflictType(aConflicts, bConflicts string) string {
	return `{"resource_types": {"acme_runner": {"service_model": "caas", "class": "container_service", "source": "aws-srm",
  "conditions": {
    "a": {"description": "a", "default": "x", "conflicts_with": ` + aConflicts + `, "values": {
      "x": {"cells": {"operating_system": {"owner": "customer"}}}},
      "rules": [{"present": false, "cells": {"operating_system": {"owner": "customer"}}}]},
    "b": {"description": "b", "default": "x", "conflicts_with": ` + bConflicts + `, "values": {
      "x": {"cells": {"operating_system": {"owner": "customer"}}},
      "managed": {"cells": {"operating_system": {"owner": "provider"}}}}},
    "old": {"description": "old", "default": "x", "replaced_by": "b", "values": {"x": {}}}}}}}`
}

// TestConflictsWithRule: conflicts_with names another condition of the
// type, not a deprecated one, and the conflict is mutual.
func TestConflictsWithRule(t *testing.T) {
	cases := []struct{ a, b, path, msg string }{
		{`["a"]`, `[]`, "conditions.a.conflicts_with[0]", "cannot conflict with itself"},
		{`["c"]`, `[]`, "conditions.a.conflicts_with[0]", `unknown condition "c"`},
		{`["old"]`, `[]`, "conditions.a.conflicts_with[0]", `"old" is deprecated (replaced by "b")`},
		{`["b"]`, `[]`, "conditions.a.conflicts_with[0]", `"b" does not name "a" in its conflicts_with`},
	}
	for _, tc := range cases {
		doc, probs := ParseDocument(CustomDocumentName, conflictType(tc.a, tc.b))
		if len(probs) > 0 {
			t.Fatal(probs)
		}
		_, err := WithCustom(doc)
		if err == nil || !strings.Contains(err.Error(), tc.path) || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("a %s, b %s: %v; want %s: %s", tc.a, tc.b, err, tc.path, tc.msg)
		}
	}
	// Mutual: valid, and the condition that is set answers alone.
	c := customCatalog(t, conflictType(`["b"]`, `["a"]`))
	e := &Engine{Catalog: c}
	for _, tc := range []struct {
		conds map[string]string
		want  Owner
	}{
		{map[string]string{"b": "managed"}, OwnerProvider},
		{map[string]string{"a": "", "b": "managed"}, OwnerProvider},
		{map[string]string{"a": "x", "b": "managed"}, OwnerCustomer},
		{map[string]string{"a": "", "b": ""}, OwnerCustomer},
	} {
		res, err := e.Resolve(Request{ResourceType: "acme_runner", Conditions: tc.conds})
		if err != nil {
			t.Fatal(err)
		}
		if got := owner(t, res, "operating_system"); got != tc.want {
			t.Errorf("%v: operating_system %s, want %s", tc.conds, got, tc.want)
		}
	}
}
