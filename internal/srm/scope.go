// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Resource addresses and the patterns of an acceptance's scope.
//
// An address is Terraform's resource instance address:
// `module.payments["eu"].aws_db_instance.orders[0]`: module calls (each with
// an optional instance key), then the resource type and name (with an
// optional key). A pattern is an address in which `*` matches any run of
// characters, dots and brackets included: `module.payments.*` is everything
// in that module and below it, `aws_instance.*` every root-module instance
// of that type. A module call or resource named in a pattern without an
// instance key covers all its instances, so `module.payments.*` also covers
// `module.payments["eu"].aws_db_instance.orders`.

// AddressPattern is a compiled scope pattern.
type AddressPattern struct {
	Pattern string
	re      *regexp.Regexp
	// literal counts the characters that are not wildcards: the longer, the
	// more specific the pattern.
	literal int
}

// instanceKey matches one instance key: a number or a quoted string.
const instanceKey = `\[(?:[0-9]+|"(?:[^"\\]|\\.)*")\]`

// addressSegment is one dot-separated part of an address or pattern: a name
// and its instance key, as written.
type addressSegment struct {
	name string
	key  string // with brackets; empty when absent
}

// AddressError is a malformed address or pattern.
type AddressError struct {
	Input  string
	Reason string
}

func (e *AddressError) Error() string {
	return fmt.Sprintf("%q is not a valid resource address: %s", e.Input, e.Reason)
}

// splitAddress parses an address or, with wildcards, a pattern into its
// segments.
func splitAddress(s string, wildcards bool) ([]addressSegment, error) {
	fail := func(i int, what string) error {
		if i >= len(s) {
			return &AddressError{Input: s, Reason: what + " at the end"}
		}
		return &AddressError{Input: s, Reason: fmt.Sprintf("%s at position %d (%q)", what, i+1, s[i:i+1])}
	}
	isName := func(b byte) bool {
		return b == '_' || b == '-' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || wildcards && b == '*'
	}
	if s == "" {
		return nil, &AddressError{Input: s, Reason: "it is empty"}
	}
	var segs []addressSegment
	i := 0
	for {
		start := i
		for i < len(s) && isName(s[i]) {
			i++
		}
		if i == start {
			if i < len(s) && s[i] == '*' {
				return nil, fail(i, "a wildcard is only allowed in a scope pattern, not in resource_address")
			}
			return nil, fail(i, "expected a name (letters, digits, _ or -)")
		}
		seg := addressSegment{name: s[start:i]}
		if i < len(s) && s[i] == '[' {
			k := i
			i++
			switch {
			case i < len(s) && s[i] == '"':
				i++
				for i < len(s) && s[i] != '"' {
					if s[i] == '\\' {
						i++
					}
					i++
				}
				if i >= len(s) {
					return nil, &AddressError{Input: s, Reason: "an instance key string is not closed with \""}
				}
				i++
			case wildcards && i < len(s) && s[i] == '*':
				i++
			default:
				n := i
				for i < len(s) && s[i] >= '0' && s[i] <= '9' {
					i++
				}
				if i == n {
					return nil, fail(i, `expected an instance key: a number or a quoted string such as ["eu"]`)
				}
			}
			if i >= len(s) || s[i] != ']' {
				return nil, fail(i, "expected ] after the instance key")
			}
			i++
			seg.key = s[k:i]
		}
		segs = append(segs, seg)
		if i == len(s) {
			return segs, nil
		}
		if s[i] != '.' {
			return nil, fail(i, "expected . between the parts of the address")
		}
		i++
	}
}

// ParseAddressPattern compiles a scope pattern.
func ParseAddressPattern(p string) (*AddressPattern, error) {
	segs, err := splitAddress(p, true)
	if err != nil {
		return nil, err
	}
	glob := func(s string) string {
		parts := strings.Split(s, "*")
		for i := range parts {
			parts[i] = regexp.QuoteMeta(parts[i])
		}
		return strings.Join(parts, ".*")
	}
	var b strings.Builder
	b.WriteString("^")
	for i, seg := range segs {
		if i > 0 {
			b.WriteString(`\.`)
		}
		b.WriteString(glob(seg.name))
		switch {
		case seg.key != "":
			b.WriteString(glob(seg.key))
		case !strings.Contains(seg.name, "*"):
			// An unkeyed name covers every instance of it.
			b.WriteString("(?:" + instanceKey + ")?")
		}
	}
	b.WriteString("$")
	return &AddressPattern{Pattern: p, re: regexp.MustCompile(b.String()), literal: len(p) - strings.Count(p, "*")}, nil
}

// compiledPatterns remembers compiled patterns: every srm_responsibility
// instance matches the same few records, and compiling dominates matching.
// Bounded; when full it starts over, which only costs recompiling.
var compiledPatterns struct {
	sync.Mutex
	m map[string]*AddressPattern
}

const compiledPatternsSize = 4096

// addressPattern is ParseAddressPattern through compiledPatterns.
func addressPattern(p string) (*AddressPattern, error) {
	compiledPatterns.Lock()
	ap, ok := compiledPatterns.m[p]
	compiledPatterns.Unlock()
	if ok {
		return ap, nil
	}
	ap, err := ParseAddressPattern(p)
	if err != nil {
		return nil, err
	}
	compiledPatterns.Lock()
	if compiledPatterns.m == nil || len(compiledPatterns.m) >= compiledPatternsSize {
		compiledPatterns.m = make(map[string]*AddressPattern)
	}
	compiledPatterns.m[p] = ap
	compiledPatterns.Unlock()
	return ap, nil
}

// Match reports whether the pattern covers the resource address.
func (p *AddressPattern) Match(address string) bool { return p.re.MatchString(address) }

// ResourceAddress is a parsed resource instance address.
type ResourceAddress struct {
	// Modules are the module call names, outermost first.
	Modules []string
	Type    string
	Name    string
}

// ParseResourceAddress parses a managed resource instance address such as
// `module.x.aws_db_instance.orders["a"]`.
func ParseResourceAddress(s string) (ResourceAddress, error) {
	segs, err := splitAddress(s, false)
	if err != nil {
		return ResourceAddress{}, err
	}
	var a ResourceAddress
	for len(segs) >= 2 && segs[0].name == "module" && segs[0].key == "" {
		if len(segs) == 2 {
			return ResourceAddress{}, &AddressError{Input: s, Reason: "it names a module, not a resource in it"}
		}
		a.Modules = append(a.Modules, segs[1].name)
		segs = segs[2:]
	}
	if len(segs) > 0 && segs[0].name == "data" {
		return ResourceAddress{}, &AddressError{Input: s, Reason: "it names a data source; acceptances cover managed resources"}
	}
	if len(segs) != 2 || segs[0].key != "" {
		return ResourceAddress{}, &AddressError{Input: s, Reason: "expected [module.<name>.]...<type>.<name>, optionally with an instance key such as [0] or [\"eu\"]"}
	}
	a.Type, a.Name = segs[0].name, segs[1].name
	return a, nil
}

// scopeLabelPrefix marks the subject of a scoped record's id.
const scopeLabelPrefix = "scope:"

// ScopeLabel is the subject of a scoped record's id and import id:
// "scope:" and the patterns, sorted and comma-separated.
func ScopeLabel(patterns []string) string {
	sorted := append([]string(nil), patterns...)
	sort.Strings(sorted)
	return scopeLabelPrefix + strings.Join(sorted, ",")
}

// ParseScopeLabel returns the patterns of a scope label, and false when s
// is a resource address instead. Commas inside quoted instance keys do not
// separate patterns.
func ParseScopeLabel(s string) ([]string, bool) {
	rest, ok := strings.CutPrefix(s, scopeLabelPrefix)
	if !ok {
		return nil, false
	}
	var out []string
	start, quoted := 0, false
	for i := 0; i < len(rest); i++ {
		switch rest[i] {
		case '\\':
			i++
		case '"':
			quoted = !quoted
		case ',':
			if !quoted {
				out = append(out, rest[start:i])
				start = i + 1
			}
		}
	}
	return append(out, rest[start:]), true
}

// ModuleOnlyPattern returns, for a scope pattern that names a module call or
// module instance and nothing in it (`module.payments`,
// `module.shop["eu"]`), the pattern that covers everything in it
// (`module.payments.*`); "" otherwise. Such a pattern covers no resource:
// a scope matches resource addresses, and a module's own address is none.
func ModuleOnlyPattern(p string) string {
	segs, err := splitAddress(p, true)
	if err != nil || len(segs) < 2 || len(segs)%2 != 0 {
		return ""
	}
	for i := 0; i < len(segs); i += 2 {
		if segs[i].name != "module" || segs[i].key != "" {
			return ""
		}
	}
	// A wildcard in the last name or key may run on into the resource.
	if last := segs[len(segs)-1]; strings.Contains(last.name, "*") || strings.Contains(last.key, "*") {
		return ""
	}
	return p + ".*"
}

// ScopeSuggestions are the patterns that a misspelled scope pattern was
// probably meant to be, built from the addresses it should have covered:
// each module instance and module call with ".*", each resource type with
// "*.<type>.*" or, at the root, "<type>.*".
func ScopeSuggestions(addresses []string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, a := range addresses {
		segs, err := splitAddress(a, false)
		if err != nil {
			continue
		}
		var prefix strings.Builder
		i := 0
		for ; i+2 < len(segs) && segs[i].name == "module" && segs[i].key == ""; i += 2 {
			prefix.WriteString("module." + segs[i+1].name)
			if segs[i+1].key != "" {
				add(prefix.String() + ".*")
			}
			add(prefix.String() + segs[i+1].key + ".*")
			prefix.WriteString(segs[i+1].key + ".")
		}
		if i < len(segs) {
			if i == 0 {
				add(segs[i].name + ".*")
			} else {
				add("*." + segs[i].name + ".*")
			}
		}
	}
	sort.Strings(out)
	return out
}
