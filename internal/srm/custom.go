// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sort"
	"strings"

	"sigs.k8s.io/yaml"
)

// CustomDocumentName is the document name used in problems of a custom
// catalog.
const CustomDocumentName = "catalog"

// ParseDocument decodes a catalog document written in JSON or YAML. Decoding
// is strict: an unknown field, a value of the wrong type or a duplicate key
// is a problem located by its JSON path. It never panics.
func ParseDocument(name, text string) (*Document, Problems) {
	raw := []byte(text)
	trimmed := bytes.TrimSpace(raw)
	if len(trimmed) == 0 {
		return nil, Problems{{name, "$", "the document is empty; expected a JSON or YAML object"}}
	}
	if trimmed[0] != '{' {
		j, err := yaml.YAMLToJSON(raw)
		if err != nil {
			return nil, Problems{{name, "$", "not valid YAML or JSON: " + err.Error()}}
		}
		raw = j
	}
	var generic any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&generic); err != nil {
		return nil, Problems{{name, "$", "not valid JSON: " + describeJSONError(raw, err)}}
	}
	if dec.More() {
		return nil, Problems{{name, "$", "unexpected content after the top-level JSON object"}}
	}
	if dup := findDuplicateKey(raw); dup != "" {
		return nil, Problems{{name, dup, "duplicate key"}}
	}
	var probs Problems
	checkShape(name, "$", generic, reflect.TypeOf(Document{}), &probs)
	if len(probs) > 0 {
		return nil, probs
	}
	doc := &Document{}
	if err := json.Unmarshal(raw, doc); err != nil {
		return nil, Problems{{name, "$", err.Error()}}
	}
	return doc, nil
}

// checkShape compares a decoded JSON value with the Go type it must fill and
// records every unknown field and type mismatch with its path.
func checkShape(doc, at string, v any, t reflect.Type, probs *Problems) {
	want := jsonKind(t)
	if v == nil {
		*probs = append(*probs, Problem{doc, at, fmt.Sprintf("null is not allowed here; expected %s", want)})
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			*probs = append(*probs, Problem{doc, at, fmt.Sprintf("expected %s, got %s", want, jsonKindOf(v))})
			return
		}
		fields := structFields(t)
		for _, k := range sortedKeys(obj) {
			f, ok := fields[k]
			if !ok {
				*probs = append(*probs, Problem{doc, at + "." + k, fmt.Sprintf("unknown field %q%s Allowed fields: %s.", k,
					strings.TrimSuffix(didYouMean(k, sortedKeys(fields)), "?")+".", strings.Join(sortedKeys(fields), ", "))})
				continue
			}
			checkShape(doc, at+"."+k, obj[k], f.Type, probs)
		}
	case reflect.Map:
		obj, ok := v.(map[string]any)
		if !ok {
			*probs = append(*probs, Problem{doc, at, fmt.Sprintf("expected %s, got %s", want, jsonKindOf(v))})
			return
		}
		for _, k := range sortedKeys(obj) {
			checkShape(doc, at+"."+k, obj[k], t.Elem(), probs)
		}
	case reflect.Slice:
		arr, ok := v.([]any)
		if !ok {
			*probs = append(*probs, Problem{doc, at, fmt.Sprintf("expected %s, got %s", want, jsonKindOf(v))})
			return
		}
		for i, e := range arr {
			checkShape(doc, fmt.Sprintf("%s[%d]", at, i), e, t.Elem(), probs)
		}
	case reflect.String:
		if _, ok := v.(string); !ok {
			*probs = append(*probs, Problem{doc, at, fmt.Sprintf("expected %s, got %s", want, jsonKindOf(v))})
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			*probs = append(*probs, Problem{doc, at, fmt.Sprintf("expected %s, got %s", want, jsonKindOf(v))})
		}
	}
}

func structFields(t reflect.Type) map[string]reflect.StructField {
	out := map[string]reflect.StructField{}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			// An embedded struct's fields are the object's own, as
			// encoding/json reads them.
			for n, ef := range structFields(f.Type) {
				out[n] = ef
			}
			continue
		}
		if name != "" && name != "-" {
			out[name] = f
		}
	}
	return out
}

func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Struct:
		return "an object"
	case reflect.Map:
		return "an object of " + strings.TrimPrefix(strings.TrimPrefix(jsonKind(t.Elem()), "an "), "a ") + " values"
	case reflect.Slice:
		return "a list"
	case reflect.Bool:
		return "a boolean"
	default:
		return "a string"
	}
}

func jsonKindOf(v any) string {
	switch v := v.(type) {
	case map[string]any:
		return "an object"
	case []any:
		return "a list"
	case string:
		return fmt.Sprintf("the string %q", v)
	case bool:
		return fmt.Sprintf("the boolean %t", v)
	case json.Number:
		return "the number " + v.String()
	default:
		return "null"
	}
}

func describeJSONError(raw []byte, err error) string {
	var off int64 = -1
	switch e := err.(type) {
	case *json.SyntaxError:
		off = e.Offset
	case *json.UnmarshalTypeError:
		off = e.Offset
	}
	if off < 0 {
		return err.Error()
	}
	line, col := 1, 1
	for _, b := range raw[:min(int(off), len(raw))] {
		if b == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Sprintf("%v (line %d, column %d)", err, line, col)
}

// findDuplicateKey returns the JSON path of the first duplicated object key,
// which encoding/json would otherwise silently overwrite.
func findDuplicateKey(raw []byte) string {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	type frame struct {
		obj   bool
		keys  map[string]bool
		path  string
		index int
		key   string
		want  bool // an object is waiting for a key
	}
	var stack []*frame
	childPath := func() string {
		if len(stack) == 0 {
			return "$"
		}
		top := stack[len(stack)-1]
		if top.obj {
			return top.path + "." + top.key
		}
		return fmt.Sprintf("%s[%d]", top.path, top.index)
	}
	afterValue := func() {
		if len(stack) == 0 {
			return
		}
		top := stack[len(stack)-1]
		if top.obj {
			top.want = true
		} else {
			top.index++
		}
	}
	for {
		tok, err := dec.Token()
		if err != nil {
			return ""
		}
		switch tok := tok.(type) {
		case json.Delim:
			switch tok {
			case '{', '[':
				p := childPath()
				stack = append(stack, &frame{obj: tok == '{', keys: map[string]bool{}, path: p, want: tok == '{'})
			default:
				stack = stack[:len(stack)-1]
				afterValue()
			}
		default:
			if len(stack) > 0 {
				top := stack[len(stack)-1]
				if top.obj && top.want {
					k, _ := tok.(string)
					if top.keys[k] {
						return top.path + "." + k
					}
					top.keys[k] = true
					top.key, top.want = k, false
					continue
				}
			}
			afterValue()
		}
	}
}

// WithCustom compiles the built-in catalog with a custom document merged on
// top (see Compile for the merge rule).
func WithCustom(doc *Document) (*Catalog, error) {
	docs, err := BuiltinDocuments()
	if err != nil {
		return nil, err
	}
	all := append(append([]NamedDocument(nil), docs...), NamedDocument{Name: CustomDocumentName, Document: doc, Override: true})
	c, err := Compile(all...)
	if err != nil {
		if ps, ok := err.(Problems); ok {
			// Report the custom document's problems first: they are the
			// user's to fix.
			sort.SliceStable(ps, func(i, j int) bool {
				return ps[i].Document == CustomDocumentName && ps[j].Document != CustomDocumentName
			})
			return nil, ps
		}
		return nil, err
	}
	return c, nil
}
