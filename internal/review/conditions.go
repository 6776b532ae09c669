// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// Assumption is a condition the review could not read from the plan: the
// resolution took the value that leaves the most to the customer (see
// srm.Result.Assumptions), and the review says why.
type Assumption struct {
	Condition string `json:"condition"`
	Assumed   string `json:"assumed"`
	Reason    string `json:"reason"`
}

// attributes are the values of one resource instance as the plan shows
// them: the values (change.after, or before for a deletion, or a state's
// values), and the matching after_unknown and sensitive trees.
type attributes struct {
	values, unknown, sensitive json.RawMessage
}

// conditionReader reads conditions from resources' attributes.
type conditionReader struct {
	engine *srm.Engine
	// results caches resolutions without acceptances (see resolve).
	results map[string]*srm.Result
}

// read reads the conditions of resource type rt from the resource's
// attributes, for the domain to match against the catalog's values and
// rules: strings as they are, booleans and numbers as written, an
// attribute that is null or absent (an empty block) as "" (not set), and
// any other value (a list of several, an object) as its JSON text, which
// only a "(set)" rule matches. A value that is known only after apply or
// sensitive is left out: the domain assumes the value that leaves the most
// to the customer. why gives the review's reason for the conditions whose
// value it could not pass as it is; Sensitive values are never printed.
func (cr *conditionReader) read(rt *srm.ResourceType, attrs attributes) (conds map[string]string, why map[string]string) {
	keys := rt.AttributeKeys()
	if len(keys) == 0 {
		return nil, nil
	}
	conds = make(map[string]string, len(keys))
	because := func(key, reason string) {
		if why == nil {
			why = map[string]string{}
		}
		why[key] = reason
	}
	values, unknown, sensitive := attrs.values, attrs.unknown, attrs.sensitive
	for _, key := range keys {
		if cond := rt.Conditions[key]; cond != nil && cond.ReplacedBy != "" {
			continue // a plan has the attribute names
		}
		path := strings.Split(key, ".")
		switch {
		case lookupFlag(unknown, path):
			because(key, "known only after apply")
			continue
		case lookupFlag(sensitive, path):
			because(key, "the value is sensitive (not read, not shown)")
			continue
		}
		raw, found := lookup(values, path)
		if !found {
			conds[key] = ""
			continue
		}
		if value, ok := scalar(raw); ok {
			conds[key] = value
			continue
		}
		var compact bytes.Buffer
		if json.Compact(&compact, raw) != nil {
			compact.Reset()
			compact.WriteString("{}")
		}
		conds[key] = compact.String()
		because(key, "not a single value in the plan ("+describeRaw(raw)+")")
	}
	return conds, why
}

// assumptions are the domain's assumptions of a resolution, with the
// review's reason where it left a value out or passed one that is not a
// single value.
func assumptions(res *srm.Result, why map[string]string) []Assumption {
	if len(res.Assumptions) == 0 {
		return nil
	}
	out := make([]Assumption, len(res.Assumptions))
	for i, a := range res.Assumptions {
		out[i] = Assumption{Condition: a.Condition, Assumed: a.Assumed, Reason: a.Reason}
		if w, ok := why[a.Condition]; ok {
			out[i].Reason = w + "; assumed the value that leaves the most to the customer"
		}
	}
	return out
}

// lookup walks a dotted attribute path through an object. A nested block
// appears in the plan as a list of objects: the walk enters its first
// element. It reports false when an attribute on the way is absent or null.
func lookup(raw json.RawMessage, path []string) (json.RawMessage, bool) {
	for _, name := range path {
		raw = firstBlock(raw)
		var ok bool
		if raw, ok = member(raw, name); !ok || isNull(raw) {
			return nil, false
		}
	}
	return raw, true
}

// lookupFlag reports whether a mark tree (after_unknown, after_sensitive,
// sensitive_values) marks the path or an attribute on the way with true.
func lookupFlag(raw json.RawMessage, path []string) bool {
	for _, name := range path {
		raw = firstBlock(raw)
		if isTrue(raw) {
			return true
		}
		var ok bool
		if raw, ok = member(raw, name); !ok {
			return false
		}
	}
	return isTrue(firstBlock(raw))
}

func isTrue(raw json.RawMessage) bool { return bytes.Equal(bytes.TrimSpace(raw), []byte("true")) }

// member returns the value of the member name of a JSON object, scanning
// its top level without decoding it: a plan's values are valid JSON (the
// document decoded), and a resource's attributes are read for a few
// conditions only.
func member(raw json.RawMessage, name string) (json.RawMessage, bool) {
	i := skipSpace(raw, 0)
	if i >= len(raw) || raw[i] != '{' {
		return nil, false
	}
	i++
	for {
		i = skipSpace(raw, i)
		if i >= len(raw) || raw[i] != '"' {
			return nil, false
		}
		keyEnd := skipValue(raw, i)
		key := raw[i+1 : keyEnd-1]
		match := string(key) == name
		if !match && bytes.IndexByte(key, '\\') >= 0 {
			var k string
			match = json.Unmarshal(raw[i:keyEnd], &k) == nil && k == name
		}
		i = skipSpace(raw, keyEnd)
		if i >= len(raw) || raw[i] != ':' {
			return nil, false
		}
		i = skipSpace(raw, i+1)
		end := skipValue(raw, i)
		if match {
			return raw[i:end], true
		}
		i = skipSpace(raw, end)
		if i >= len(raw) || raw[i] != ',' {
			return nil, false
		}
		i++
	}
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\n' || b[i] == '\t' || b[i] == '\r') {
		i++
	}
	return i
}

// skipValue returns the index after the JSON value that starts at i.
func skipValue(b []byte, i int) int {
	if i >= len(b) {
		return i
	}
	switch b[i] {
	case '"':
		for i++; i < len(b); i++ {
			switch b[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
		return i
	case '{', '[':
		depth := 0
		for ; i < len(b); i++ {
			switch b[i] {
			case '"':
				i = skipValue(b, i) - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			}
		}
		return i
	default:
		for i < len(b) && b[i] != ',' && b[i] != '}' && b[i] != ']' && b[i] != ' ' && b[i] != '\n' && b[i] != '\t' && b[i] != '\r' {
			i++
		}
		return i
	}
}

// firstBlock returns the first element of a list of objects (a nested
// block), or raw itself.
func firstBlock(raw json.RawMessage) json.RawMessage {
	i := skipSpace(raw, 0)
	if i >= len(raw) || raw[i] != '[' {
		return raw[i:]
	}
	i = skipSpace(raw, i+1)
	if i >= len(raw) || raw[i] == ']' {
		return nil
	}
	first := raw[i:skipValue(raw, i)]
	if first[0] == '{' || isTrue(first) || bytes.Equal(first, []byte("false")) {
		return first
	}
	return raw
}

// scalar converts a plan value into a condition value: a string as it is,
// a boolean as "true" or "false", a number as written, and a list or set
// of exactly one of those as its element.
func scalar(raw json.RawMessage) (string, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", false
	}
	switch raw[0] {
	case '"':
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return "", false
		}
		return s, true
	case 't', 'f':
		return string(raw), string(raw) == "true" || string(raw) == "false"
	case '[':
		var list []json.RawMessage
		if json.Unmarshal(raw, &list) != nil || len(list) != 1 {
			return "", false
		}
		if e := bytes.TrimSpace(list[0]); len(e) > 0 && e[0] != '[' && e[0] != '{' {
			return scalar(e)
		}
		return "", false
	case '{', 'n':
		return "", false
	default:
		var n json.Number
		if json.Unmarshal(raw, &n) != nil {
			return "", false
		}
		return n.String(), true
	}
}

// describeRaw names the kind of a value that is not a single value.
func describeRaw(raw json.RawMessage) string {
	raw = bytes.TrimSpace(raw)
	switch {
	case len(raw) > 0 && raw[0] == '{':
		return "an object"
	case len(raw) > 0 && raw[0] == '[':
		var list []json.RawMessage
		_ = json.Unmarshal(raw, &list)
		if len(list) == 0 {
			return "an empty list"
		}
		return fmt.Sprintf("a list of %d", len(list))
	}
	return "not a string, number or boolean"
}

func isNull(raw json.RawMessage) bool {
	return bytes.Equal(bytes.TrimSpace(raw), []byte("null"))
}
