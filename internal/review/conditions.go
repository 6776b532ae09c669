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
// rules, as Terraform and OpenTofu write them in `terraform show -json`
// (https://developer.hashicorp.com/terraform/internals/json-format, "Values
// Representation"): every attribute of the provider's schema appears, null
// when it is not set; a nested block appears as a list of objects (a
// single block as a list of one, or as an object), an unset block as [] (or
// null), a set as a list.
//
//   - strings as they are, booleans as "true" or "false" and numbers as
//     written, a list or set of one such value as that value;
//   - an attribute that is null, an empty list or an empty object (an unset
//     block) as "" (not set); a block that is set but whose attributes are
//     all null ([{}], {"x": null}) is set;
//   - a path through several blocks: the value when every block gives the
//     same one, else the values as a JSON list, which only a "(set)" rule
//     matches (the domain assumes otherwise);
//   - an attribute absent from its object (not even null: the provider
//     version that wrote the plan predates it) as the condition's Absent
//     value when the catalog gives one (the value every resource had before
//     the attribute existed), else as "" (not set);
//   - any other value (a list of several, an object) as its JSON text.
//
// A value that is known only after apply or sensitive is left out: the
// domain assumes the value that leaves the most to the customer. why gives
// the review's reason for the conditions whose value it could not pass as
// it is; sensitive values are never printed.
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
	for _, key := range keys {
		cond := rt.Conditions[key]
		if cond != nil && cond.ReplacedBy != "" {
			continue // a plan has the attribute names
		}
		if cond != nil && cond.Setting != nil {
			attrs.readSetting(conds, because, key, cond.Setting)
			continue
		}
		attrs.readInto(conds, because, key, strings.Split(key, "."), cond)
	}
	// An azapi resource of an ARM type that a catalog entry lists resolves
	// through that entry: its conditions that have the same property in
	// the ARM resource are read from body.
	if rt.ARMCondition != "" && cr.engine != nil {
		if entry := cr.engine.Catalog.EntryOfARM(conds[rt.ARMCondition]); entry != nil {
			body := attrs.body()
			for _, key := range entry.ConditionKeys {
				if cond := entry.Conditions[key]; cond.ARMProperty != "" && cond.ReplacedBy == "" {
					body.readInto(conds, because, key, strings.Split(cond.ARMProperty, "."), cond)
					if v, ok := conds[key]; ok && v == "" {
						delete(conds, key) // not in the body: not given
					}
				}
			}
		}
	}
	return conds, why
}

// unreadable says why the value at path cannot be read (known only after
// apply, or sensitive), or "".
func (attrs attributes) unreadable(path []string) string {
	switch {
	case lookupFlag(attrs.unknown, path):
		return "known only after apply"
	case lookupFlag(attrs.sensitive, path):
		return "the value is sensitive (not read, not shown)"
	}
	return ""
}

// readInto reads the condition key at path into conds, or says through
// because why it leaves it out.
func (attrs attributes) readInto(conds map[string]string, because func(key, reason string), key string, path []string, cond *srm.Condition) {
	if why := attrs.unreadable(path); why != "" {
		because(key, why)
		return
	}
	found, unset, absent := lookupAll(attrs.values, path)
	switch {
	case len(found) == 0 && absent && cond != nil && cond.Absent != "":
		conds[key] = cond.Absent
	case len(found) == 0:
		conds[key] = ""
	case unset > 0:
		// Some blocks set the attribute, others not: no one value
		// describes the resource, so the domain assumes one.
		because(key, fmt.Sprintf("set in %d of the %d blocks", len(found), len(found)+unset))
	default:
		value, reason, ok := conditionValue(found)
		if !ok {
			because(key, reason)
			return
		}
		conds[key] = value
		if reason != "" {
			because(key, reason)
		}
	}
}

// readSetting reads the condition key from the element of a list of
// settings whose fields match (an Elastic Beanstalk environment's setting
// blocks: namespace, name, value): its value field, "" when no element
// matches (the option is not set). A list or value that is unknown or
// sensitive is left out.
func (attrs attributes) readSetting(conds map[string]string, because func(key, reason string), key string, st *srm.SettingDoc) {
	if why := attrs.unreadable([]string{st.List}); why != "" {
		because(key, why)
		return
	}
	raw, ok := member(attrs.values, st.List)
	if !ok {
		conds[key] = ""
		return
	}
	var found []json.RawMessage
	for _, el := range blockObjects(raw) {
		match := true
		for field, want := range st.Match {
			v, ok := member(el, field)
			s, isString := scalar(v)
			match = match && ok && isString && s == want
		}
		if v, ok := member(el, st.Value); match && ok && !isUnset(v) {
			found = append(found, v)
		}
	}
	if len(found) == 0 {
		conds[key] = ""
		return
	}
	value, reason, ok := conditionValue(found)
	if !ok {
		because(key, reason)
		return
	}
	conds[key] = value
}

// body returns the attributes of an azapi resource's body: an object
// (azapi 2.x, a dynamic attribute) or a JSON string (azapi 1.x), decoded.
// An absent body has no attributes.
func (attrs attributes) body() attributes {
	out := attributes{}
	if v, ok := member(attrs.values, "body"); ok {
		out.values = v
		var s string
		if json.Unmarshal(v, &s) == nil {
			out.values = json.RawMessage(s)
			if !json.Valid(out.values) {
				out.values = nil
			}
		}
	}
	for _, t := range []struct{ from, to *json.RawMessage }{{&attrs.unknown, &out.unknown}, {&attrs.sensitive, &out.sensitive}} {
		if v, ok := member(*t.from, "body"); ok {
			*t.to = v
		}
	}
	return out
}

// conditionValue turns the values a path reaches (each set: not null, not
// an empty list or object) into one condition value, with the reason when
// it is not a single value. ok is false when several blocks give different
// values: no one value describes the resource.
func conditionValue(found []json.RawMessage) (value, reason string, ok bool) {
	if len(found) == 1 {
		if v, ok := scalar(found[0]); ok {
			return v, "", true
		}
		return compact(found[0]), "not a single value in the plan (" + describeRaw(found[0]) + ")", true
	}
	first, same := scalar(found[0])
	for _, raw := range found[1:] {
		v, ok := scalar(raw)
		same = same && ok && v == first
	}
	if same {
		return first, "", true
	}
	return "", fmt.Sprintf("%d blocks give different values", len(found)), false
}

// compact returns the compact JSON text of a value.
func compact(raw json.RawMessage) string {
	var b bytes.Buffer
	if json.Compact(&b, raw) != nil {
		return "{}"
	}
	return b.String()
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

// lookup returns the first value that lookupAll finds.
func lookup(raw json.RawMessage, path []string) (json.RawMessage, bool) {
	found, _, _ := lookupAll(raw, path)
	if len(found) == 0 {
		return nil, false
	}
	return found[0], true
}

// lookupAll walks a dotted attribute path through an object and returns
// the values it reaches that are set: not null, not an empty list or
// object. A nested block appears in the plan as a list of objects (or, a
// single block, as an object): the walk enters every element, so that a
// path through several blocks reaches each block's value, and unset counts
// the blocks on the way where the path is not set. absent reports that an
// object on the way has no member of the name at all (not even null): the
// provider version that wrote the plan has no such attribute.
func lookupAll(raw json.RawMessage, path []string) (found []json.RawMessage, unset int, absent bool) {
	current := []json.RawMessage{raw}
	for _, name := range path {
		var next []json.RawMessage
		for _, v := range current {
			for _, obj := range blockObjects(v) {
				m, ok := member(obj, name)
				switch {
				case !ok:
					absent = true
				case isUnset(m):
					unset++
				default:
					next = append(next, m)
				}
			}
		}
		if len(next) == 0 {
			return nil, 0, absent
		}
		current = next
	}
	return current, unset, absent
}

// blockObjects returns the objects of a nested block: raw itself when it is an
// object, the elements of a list that are objects.
func blockObjects(raw json.RawMessage) []json.RawMessage {
	i := skipSpace(raw, 0)
	if i >= len(raw) {
		return nil
	}
	switch raw[i] {
	case '{':
		return []json.RawMessage{raw[i:]}
	case '[':
		var out []json.RawMessage
		for i = skipSpace(raw, i+1); i < len(raw) && raw[i] != ']'; {
			end := skipValue(raw, i)
			if raw[i] == '{' {
				out = append(out, raw[i:end])
			}
			i = skipSpace(raw, end)
			if i < len(raw) && raw[i] == ',' {
				i = skipSpace(raw, i+1)
			}
		}
		return out
	}
	return nil
}

// isUnset reports whether a plan value is an attribute or block that is
// not set: null, an empty list or set (an unset list or set block) or an
// empty object (an unset map or object).
func isUnset(raw json.RawMessage) bool {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 || isNull(t) {
		return true
	}
	if t[0] != '[' && t[0] != '{' {
		return false
	}
	return skipSpace(t, 1) < len(t) && (t[skipSpace(t, 1)] == ']' || t[skipSpace(t, 1)] == '}')
}

// lookupFlag reports whether a mark tree (after_unknown, after_sensitive,
// sensitive_values) marks the path or an attribute on the way with true,
// in any of the blocks the path goes through. A mark tree gives a list as
// a list of marks and a block as an object of marks.
func lookupFlag(raw json.RawMessage, path []string) bool {
	if isTrue(raw) {
		return true
	}
	if len(path) == 0 {
		return anyTrue(raw)
	}
	for _, obj := range markBlocks(raw) {
		if isTrue(obj) {
			return true // a whole block of the list is marked
		}
		if m, ok := member(obj, path[0]); ok && lookupFlag(m, path[1:]) {
			return true
		}
	}
	return false
}

// markBlocks returns the objects of a mark tree's nested block, and the
// elements of a list that are marked true as themselves.
func markBlocks(raw json.RawMessage) []json.RawMessage {
	i := skipSpace(raw, 0)
	if i < len(raw) && raw[i] == '[' {
		var out []json.RawMessage
		for i = skipSpace(raw, i+1); i < len(raw) && raw[i] != ']'; {
			end := skipValue(raw, i)
			out = append(out, raw[i:end])
			i = skipSpace(raw, end)
			if i < len(raw) && raw[i] == ',' {
				i = skipSpace(raw, i+1)
			}
		}
		return out
	}
	return blockObjects(raw)
}

// anyTrue reports whether a mark, or a list of marks, is true: a list of
// which one element is unknown or sensitive is not a value the review can
// read.
func anyTrue(raw json.RawMessage) bool {
	if isTrue(raw) {
		return true
	}
	i := skipSpace(raw, 0)
	if i >= len(raw) || raw[i] != '[' {
		return false
	}
	for _, e := range markBlocks(raw) {
		if isTrue(e) {
			return true
		}
	}
	return false
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
