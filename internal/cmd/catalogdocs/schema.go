// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"encoding/json"
	"reflect"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// documentJSONSchema returns the JSON Schema (draft 2020-12) of a catalog
// document, derived from the Document type itself so that the published
// schema and the strict decoder can never disagree.
func documentJSONSchema() ([]byte, error) {
	s := schemaOf(reflect.TypeOf(srm.Document{}))
	s["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	s["$id"] = "https://registry.terraform.io/providers/shared-responsibility/srm/latest/docs/guides/agreements-and-custom-catalogs"
	s["title"] = "terraform-provider-srm catalog document"
	s["description"] = "A document of the srm catalog: the built-in catalog is made of such documents, and the provider's catalog argument takes one more, merged on top."
	return json.MarshalIndent(s, "", "  ")
}

// schemaEnums lists the fields whose values are closed sets.
var schemaEnums = map[string][]string{
	"owner": {string(srm.OwnerProvider), string(srm.OwnerShared), string(srm.OwnerCustomer)},
	"when":  {"", string(srm.OwnerCustomer), string(srm.OwnerShared)},
}

func schemaOf(t reflect.Type) map[string]any {
	switch t.Kind() {
	case reflect.Struct:
		props := map[string]any{}
		var required []string
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name, _ := splitTag(f.Tag.Get("json"))
			if f.Anonymous && name == "" {
				// An embedded struct's fields are the object's own.
				embedded, _ := schemaOf(f.Type)["properties"].(map[string]any)
				for n, p := range embedded {
					props[n] = p
				}
				continue
			}
			if name == "" || name == "-" {
				continue
			}
			p := schemaOf(f.Type)
			if enum, ok := schemaEnums[name]; ok {
				p["enum"] = enum
			}
			props[name] = p
			// Only ids are required by the shape: a document may carry part
			// of an entry (a component's new cells), and the merged catalog
			// is validated as a whole.
			if name == "id" {
				required = append(required, name)
			}
		}
		s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
		if len(required) > 0 {
			s["required"] = required
		}
		return s
	case reflect.Map:
		return map[string]any{"type": "object", "additionalProperties": schemaOf(t.Elem())}
	case reflect.Slice:
		return map[string]any{"type": "array", "items": schemaOf(t.Elem())}
	case reflect.Bool:
		return map[string]any{"type": "boolean"}
	case reflect.Pointer:
		return schemaOf(t.Elem())
	default:
		return map[string]any{"type": "string"}
	}
}

func splitTag(tag string) (string, string) {
	for i := 0; i < len(tag); i++ {
		if tag[i] == ',' {
			return tag[:i], tag[i+1:]
		}
	}
	return tag, ""
}
