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
// catalog's default applies, and the review says so.
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
	// worst caches, per type and condition, the value that leaves the most
	// to the customer.
	worst map[[2]string]string
	// results caches resolutions without acceptances (see resolve).
	results map[string]*srm.Result
}

// read reads the conditions of resource type rt from the resource's
// attributes; a value is used as the plan states it: strings as they are,
// booleans and numbers as written. A condition the plan does not set is
// left out, so that the catalog's default (the provider's default) applies.
// A value that is known only after apply, sensitive, or not one the catalog
// knows cannot be trusted either way: the review takes the value that
// leaves the most to the customer. Both are recorded as assumptions.
// Sensitive values are never printed.
func (cr *conditionReader) read(rt *srm.ResourceType, attrs attributes) (map[string]string, []Assumption) {
	if len(rt.ConditionKeys) == 0 {
		return nil, nil
	}
	var conds map[string]string
	var assumptions []Assumption
	set := func(key, value string) {
		if conds == nil {
			conds = make(map[string]string, len(rt.ConditionKeys))
		}
		conds[key] = value
	}
	values, unknown, sensitive := attrs.values, attrs.unknown, attrs.sensitive
	for _, key := range rt.ConditionKeys {
		cond := rt.Conditions[key]
		path := strings.Split(key, ".")
		conservative := func(why string) {
			v := cr.worstValue(rt, key)
			set(key, v)
			assumptions = append(assumptions, Assumption{Condition: key, Assumed: v,
				Reason: why + "; assumed the value that leaves the most to the customer"})
		}
		switch {
		case lookupFlag(unknown, path):
			conservative("known only after apply")
			continue
		case lookupFlag(sensitive, path):
			conservative("the value is sensitive (not read, not shown)")
			continue
		}
		raw, found := lookup(values, path)
		if !found {
			assumptions = append(assumptions, Assumption{Condition: key, Assumed: cond.Default,
				Reason: "not set in the plan; assumed the catalog's default"})
			continue
		}
		value, ok := scalar(raw)
		switch {
		case !ok:
			conservative("not a single value in the plan (" + describeRaw(raw) + ")")
		case cond.Values[value] == nil:
			conservative(fmt.Sprintf("%q is not a value the catalog knows (%s)", value, strings.Join(cond.ValueKeys, ", ")))
		default:
			set(key, value)
		}
	}
	return conds, assumptions
}

// worstValue returns the value of a condition that leaves the most
// customer obligations (the catalog's default on a tie).
func (cr *conditionReader) worstValue(rt *srm.ResourceType, key string) string {
	ck := [2]string{rt.Type, key}
	if v, ok := cr.worst[ck]; ok {
		return v
	}
	cond := rt.Conditions[key]
	best, most := cond.Default, -1
	for _, v := range append([]string{cond.Default}, cond.ValueKeys...) {
		res, err := cr.engine.Resolve(srm.Request{ResourceType: rt.Type, Conditions: map[string]string{key: v}})
		if err == nil && len(res.CustomerObligations) > most {
			best, most = v, len(res.CustomerObligations)
		}
	}
	if cr.worst == nil {
		cr.worst = map[[2]string]string{}
	}
	cr.worst[ck] = best
	return best
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
