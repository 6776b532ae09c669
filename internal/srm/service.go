// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Services: a resource type without an entry of its own resolves through
// the cloud service it belongs to (basis "service"): the service that lists
// it in types, else the service with the longest prefix its name starts
// with. azapi types resolve through the service of the ARM resource type
// their condition names.

// BasisService: the type's service answered (the type has no entry).
const BasisService = "service"

// Service is what a service answers for: its name and how types reach it.
type Service struct {
	Name     string
	Prefixes []string
	Types    []string
	ARM      []string
}

// serviceIndex finds the service of a type name or an ARM resource type.
type serviceIndex struct {
	byType   map[string]*ResourceType
	byPrefix map[string]*ResourceType
	// byARM is keyed by lowercase ARM namespace or resource type.
	byARM map[string]*ResourceType
	// entryByARM is keyed by lowercase ARM resource type: the entries that
	// list it (arm).
	entryByARM map[string]*ResourceType
	// renamed maps a type's name in an earlier major version of its
	// provider to the entry that replaces it.
	renamed map[string]*ResourceType
	// minPrefix and maxPrefix bound the prefix lengths, for the search.
	minPrefix, maxPrefix int
}

// buildServices builds the services and their index.
func (c *Catalog) buildServices(m *merged) {
	n := len(m.services.ids)
	c.Services = make(map[string]*ResourceType, n)
	c.ServiceIDs = m.services.ids
	ix := &c.services
	ix.byType, ix.byPrefix, ix.byARM = map[string]*ResourceType{}, map[string]*ResourceType{}, map[string]*ResourceType{}
	rts := make([]ResourceType, n)
	for i, id := range m.services.ids {
		d := &m.services.items[i]
		td := d.typeDoc()
		rt := &rts[i]
		c.buildType(rt, id, &td)
		rt.Basis = BasisService
		rt.Service = &Service{Name: d.Name, Prefixes: d.Prefixes, Types: d.Types, ARM: d.ARM}
		c.Services[id] = rt
		for _, t := range d.Types {
			ix.byType[t] = rt
		}
		for _, p := range d.Prefixes {
			ix.byPrefix[p] = rt
			if ix.minPrefix == 0 || len(p) < ix.minPrefix {
				ix.minPrefix = len(p)
			}
			ix.maxPrefix = max(ix.maxPrefix, len(p))
		}
		for _, a := range d.ARM {
			ix.byARM[strings.ToLower(a)] = rt
		}
	}
}

// ServiceOf returns the service a type name belongs to, whether or not the
// type has an entry of its own: the service that lists it, else the one
// with the longest prefix of it, else nil.
func (c *Catalog) ServiceOf(t string) *ResourceType {
	ix := &c.services
	if rt := ix.byType[t]; rt != nil {
		return rt
	}
	for i := min(len(t), ix.maxPrefix); i >= ix.minPrefix && i > 0; i-- {
		if rt := ix.byPrefix[t[:i]]; rt != nil {
			return rt
		}
	}
	return nil
}

// ServiceOfARM returns the service of an ARM resource type such as
// Microsoft.Compute/virtualMachines@2024-03-01 (the API version is
// ignored): the service listing the longest match of the type, its parent
// types or its namespace, case-insensitive; nil if none does.
func (c *Catalog) ServiceOfARM(armType string) *ResourceType {
	s, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(armType)), "@")
	for s != "" {
		if rt := c.services.byARM[s]; rt != nil {
			return rt
		}
		i := strings.LastIndexByte(s, '/')
		if i < 0 {
			return nil
		}
		s = s[:i]
	}
	return nil
}

// EntryOfARM returns the entry whose arm lists an ARM resource type such as
// Microsoft.App/containerApps@2024-03-01 (the API version is ignored,
// the match is exact and case-insensitive), or nil.
func (c *Catalog) EntryOfARM(armType string) *ResourceType {
	s, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(armType)), "@")
	return c.services.entryByARM[s]
}

// viaARM answers for a type whose condition names an ARM resource type (the
// azapi types): the entry of the same Azure resource (with its cells and
// conditions), else the service of that ARM type, else the type's own entry,
// which leaves the most to the customer, with the assumption said. The
// condition is taken out of the conditions the answer applies.
func (c *Catalog) viaARM(rt *ResourceType, conditions map[string]string) (*ResourceType, map[string]string, *Assumption) {
	key := rt.ARMCondition
	value, given := conditions[key]
	rest := conditions
	if given {
		rest = make(map[string]string, len(conditions)-1)
		for k, v := range conditions {
			if k != key {
				rest[k] = v
			}
		}
	}
	if e := c.EntryOfARM(value); given && e != nil {
		return e, rest, nil
	}
	if svc := c.ServiceOfARM(value); given && svc != nil {
		return svc, rest, nil
	}
	assumed := rt.ServiceModel
	if sc := c.classes[rt.Class]; sc != nil {
		assumed += ", " + strings.ToLower(sc.Name)
	}
	reason := "not given: the ARM resource type decides the service; assumed the answer that leaves the most to the customer"
	if given {
		reason = fmt.Sprintf("%s is not an ARM resource type of a service the catalog classifies: assumed the answer that leaves the most to the customer", strconv.Quote(value))
	}
	return rt, rest, &Assumption{Condition: key, Assumed: assumed, Reason: reason}
}

var (
	serviceIDPattern = regexp.MustCompile(`^[a-z][a-z0-9]*/[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)?$`)
	armPattern       = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+(/[A-Za-z0-9]+)*$`)
)

// checkServices: a service is keyed "<provider>/<service>", or
// "<provider>/<service>.<part>" for a part of a service (its network
// objects, its disks) that the source of the service lists does not split
// out and whose class differs; it has a name,
// a model, a class or applies_to, a source and a rationale, and answers for
// something: prefixes and types of its provider, or ARM types. No prefix,
// type or ARM type belongs to two services (longest prefix wins among
// different prefixes; an equal one would make the answer an accident of
// order).
func checkServices(m *merged) Problems {
	var probs Problems
	owner := map[string]string{}
	claim := func(at origin, field, kind, key, id string) {
		if prev, ok := owner[kind+"\x00"+key]; ok && prev != id {
			probs = append(probs, at.problem(field, "%s %q is claimed by service %q too: a %s belongs to one service", kind, key, prev, kind))
			return
		}
		owner[kind+"\x00"+key] = id
	}
	for i, id := range m.services.ids {
		s, at := m.services.items[i], m.services.at[i]
		if !serviceIDPattern.MatchString(id) {
			probs = append(probs, at.problem("", "%q is not a service key: \"<provider>/<service>\", the provider as it prefixes its resource types (aws/s3tables, azurerm/containers), or \"<provider>/<service>.<part>\" for a part of a service", id))
		} else if parent, _, isPart := strings.Cut(id, "."); isPart {
			probs = append(probs, m.checkPart(id, parent, s, at)...)
		}
		provider, _, _ := strings.Cut(id, "/")
		if strings.TrimSpace(s.Name) == "" {
			probs = append(probs, at.problem("name", "must not be empty: the service's name as its vendor writes it"))
		}
		probs = append(probs, m.checkClassification(at, "service", s.Classification, "say what the service is and why it has its model and class")...)
		if len(s.Prefixes)+len(s.Types)+len(s.ARM) == 0 {
			probs = append(probs, at.problem("", "answers for no resource type: give prefixes, types or arm"))
		}
		for j, p := range s.Prefixes {
			field := fmt.Sprintf("prefixes[%d]", j)
			if !strings.HasPrefix(p, provider+"_") || len(p) == len(provider)+1 {
				probs = append(probs, at.problem(field, "%q must start with %q and go on: a service's prefixes are type names of its provider", p, provider+"_"))
				continue
			}
			claim(at, field, "prefix", p, id)
		}
		for j, t := range s.Types {
			field := fmt.Sprintf("types[%d]", j)
			if !strings.HasPrefix(t, provider+"_") {
				probs = append(probs, at.problem(field, "%q must start with %q: a service's types are types of its provider", t, provider+"_"))
				continue
			}
			claim(at, field, "type", t, id)
		}
		for j, a := range s.ARM {
			field := fmt.Sprintf("arm[%d]", j)
			if !armPattern.MatchString(a) {
				probs = append(probs, at.problem(field, "%q is not an ARM namespace or resource type (Microsoft.Compute, Microsoft.Compute/virtualMachines)", a))
				continue
			}
			claim(at, field, "ARM type", strings.ToLower(a), id)
		}
	}
	return probs
}

// AttributeKeys are the attribute paths whose values the answer for the
// type reads: the ARM type condition, if any, then the conditions, sorted.
func (rt *ResourceType) AttributeKeys() []string {
	if rt.ARMCondition == "" {
		return rt.ConditionKeys
	}
	return append([]string{rt.ARMCondition}, rt.ConditionKeys...)
}

// NearEntry returns, for a type that its service or provider rule answers,
// the type entry of the same provider one edit away from it (a letter
// changed, added, removed, or two neighbours swapped): the type is more
// likely a misspelling of that entry than a type of its own. It returns ""
// otherwise, and for a type a service lists by name, which is real.
//
// One edit, not two: over the 3,143 real types of the provider lists and
// module sets, two edits flagged azurerm_dns_ns_record (near
// azurerm_dns_a_record) and three others. The real types one edit from an
// entry are listed by name (genservices does it); TestNearEntryRealTypes
// keeps every real type free of the warning.
func (r *Result) NearEntry() string {
	c, t := r.Catalog, r.Type
	// An azapi type answered through the service of its ARM type has an
	// entry of its own: it is not a misspelling.
	if r.ResourceType == nil || r.ResourceType.Basis == BasisType || c.ResourceTypes[t] != nil || c.services.byType[t] != nil {
		return ""
	}
	return c.EntryOneEditFrom(t)
}

// EntryOneEditFrom returns the type entry of t's provider, other than t,
// one edit away from t (see oneEdit), or "". genservices lists by name the
// real types it finds near an entry, so that NearEntry spares them.
func (c *Catalog) EntryOneEditFrom(t string) string {
	p, _, _ := strings.Cut(t, "_")
	// TypeNames is sorted: the provider's entries are one run of it.
	i := sort.SearchStrings(c.TypeNames, p+"_")
	for ; i < len(c.TypeNames) && strings.HasPrefix(c.TypeNames[i], p+"_"); i++ {
		if e := c.TypeNames[i]; oneEdit(t, e) {
			return e
		}
	}
	return ""
}

// oneEdit reports whether a and b differ by exactly one edit: a byte
// changed, added or removed, or two neighbouring bytes swapped.
func oneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 || a == b {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) < len(b) {
		return a[i:] == b[i+1:] // one added
	}
	if a[i+1:] == b[i+1:] {
		return true // one changed
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:] // two swapped
}

// Successor returns, for a type answered as the entry that replaces its
// name (an azurerm 3.x name), that entry's name; "" otherwise.
func (r *Result) Successor() string {
	if rt := r.ResourceType; rt != nil && rt.Basis == BasisType && rt.Type != r.Type && slices.Contains(rt.Replaces, r.Type) {
		return rt.Type
	}
	return ""
}

// NearEntryWarning says that a type answered by its service or provider
// rule may be a misspelling of an entry, or that a type is the earlier
// name of an entry that answers for it; "" when neither.
func (r *Result) NearEntryWarning() string {
	if s := r.Successor(); s != "" {
		return fmt.Sprintf("%q is the name of a type in an earlier major version of its provider: it is answered as its successor %q. Rename it when you upgrade the provider.",
			r.Type, s)
	}
	e := r.NearEntry()
	if e == "" {
		return ""
	}
	return fmt.Sprintf("%q has no entry of its own: %s answered for it. Did you mean %q, which has its own answer? If %q is the type you declare, ignore this warning.",
		r.Type, r.ResourceType.Describe(), e, r.Type)
}

// checkPart: a part's service exists, and every prefix and type of the part
// is one its service would answer for (it extends one of the service's
// prefixes, or the service lists it): a part splits its service, it does
// not reach beyond it.
func (m *merged) checkPart(id, parent string, s ServiceDoc, at origin) Problems {
	pi := m.services.lookup(parent)
	if pi < 0 {
		return Problems{at.problem("", "%q is a part of service %q, which the catalog does not define", id, parent)}
	}
	ps := m.services.items[pi]
	within := func(name string) bool {
		for _, pp := range ps.Prefixes {
			if strings.HasPrefix(name, pp) {
				return true
			}
		}
		return false
	}
	var probs Problems
	for j, p := range s.Prefixes {
		if !within(p) {
			probs = append(probs, at.problem(fmt.Sprintf("prefixes[%d]", j), "%q does not extend a prefix of service %q (%s): a part splits its service", p, parent, strings.Join(ps.Prefixes, ", ")))
		}
	}
	for j, t := range s.Types {
		if !within(t) && !slices.Contains(ps.Types, t) {
			probs = append(probs, at.problem(fmt.Sprintf("types[%d]", j), "%q is not a type of service %q: a part splits its service", t, parent))
		}
	}
	return probs
}
