// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// The first stage of Compile: documents, in order, into one merged structure
// that remembers where every entry came from. Merging checks only what the
// merge rule itself forbids (collisions); the rules stage checks the rest.

// origin records where a merged entry came from: a document and a JSON
// path into it.
type origin struct {
	doc  string
	path string
	// key, if set, is the last step of the path, kept apart so that merging
	// thousands of entries does not build their paths.
	key string
}

// jsonPath is the origin's JSON path.
func (o origin) jsonPath() string {
	if o.key == "" {
		return o.path
	}
	return o.path + "." + o.key
}

func (o origin) problem(sub, format string, args ...any) Problem {
	return Problem{Document: o.doc, Path: o.sub(sub).jsonPath(), Message: fmt.Sprintf(format, args...)}
}

// sub is the origin of a field of the entry.
func (o origin) sub(field string) origin {
	if field == "" {
		return o
	}
	return origin{doc: o.doc, path: o.jsonPath() + "." + field}
}

// ordered is a list of entries keyed by id, in merge order, with the origin
// of each and an index by id.
type ordered[T any] struct {
	ids   []string
	items []T
	at    []origin
	index map[string]int
}

func newOrdered[T any](n int) ordered[T] {
	return ordered[T]{ids: make([]string, 0, n), items: make([]T, 0, n), at: make([]origin, 0, n), index: make(map[string]int, n)}
}

// lookup returns the position of id, or -1.
func (o *ordered[T]) lookup(id string) int {
	if i, ok := o.index[id]; ok {
		return i
	}
	return -1
}

// get returns the entry with the id and whether there is one.
func (o *ordered[T]) get(id string) (T, bool) {
	i, ok := o.index[id]
	if !ok {
		var zero T
		return zero, false
	}
	return o.items[i], true
}

// put appends an entry, or replaces the one with the same id in place.
func (o *ordered[T]) put(id string, v T, at origin) {
	if i, ok := o.index[id]; ok {
		o.items[i], o.at[i] = v, at
		return
	}
	if o.index == nil {
		o.index = map[string]int{}
	}
	o.index[id] = len(o.items)
	o.ids, o.items, o.at = append(o.ids, id), append(o.items, v), append(o.at, at)
}

// sortByID puts the entries in id order: the order of entries that come
// from JSON objects, whose key order carries no meaning.
func (o *ordered[T]) sortByID() {
	if sort.StringsAreSorted(o.ids) {
		return
	}
	ids := slices.Clone(o.ids)
	sort.Strings(ids)
	items, at := make([]T, len(ids)), make([]origin, len(ids))
	for i, id := range ids {
		j := o.index[id]
		items[i], at[i] = o.items[j], o.at[j]
	}
	for i, id := range ids {
		o.index[id] = i
	}
	o.ids, o.items, o.at = ids, items, at
}

// mergedComponent is a component merged field by field, with the origin of
// each of its cells by model id.
type mergedComponent struct {
	ComponentDoc
	cellAt map[string]origin
}

// merged is the union of the documents, before validation.
type merged struct {
	version     string
	sources     ordered[SourceDoc]
	frameworks  ordered[FrameworkDoc]
	models      ordered[ServiceModelDoc]
	layers      ordered[LayerDoc]
	components  ordered[*mergedComponent]
	obligations ordered[ObligationDoc]
	classes     ordered[ServiceClassDoc]
	types       ordered[ResourceTypeDoc]
	providers   ordered[ProviderRuleDoc]
	services    ordered[ServiceDoc]
	// patterns caches the compiled framework patterns, for the rules.
	patterns map[string]*regexp.Regexp
}

// merge applies the merge rule documented on Compile. The problems are the
// collisions the rule forbids; what was merged despite them is returned too,
// so that the rules can report every other problem in the same pass.
func merge(docs []NamedDocument) (*merged, Problems) {
	nTypes := 0
	for _, nd := range docs {
		if nd.Document != nil {
			nTypes += len(nd.Document.ResourceTypes)
		}
	}
	m := &merged{types: newOrdered[ResourceTypeDoc](nTypes)}
	var probs Problems
	for _, nd := range docs {
		if nd.Document != nil {
			mg := &docMerge{m: m, nd: nd, within: map[string]string{}}
			mg.merge()
			probs = append(probs, mg.probs...)
		}
	}
	m.sources.sortByID()
	m.frameworks.sortByID()
	m.types.sortByID()
	m.providers.sortByID()
	m.services.sortByID()
	return m, probs
}

// docMerge merges one document into m.
type docMerge struct {
	m     *merged
	nd    NamedDocument
	probs Problems
	// within maps kind and id to the path of the entry in this document:
	// ids are unique within one document, even one that may override.
	within map[string]string
}

func (mg *docMerge) merge() {
	d, m := mg.nd.Document, mg.m
	mg.version(d.CatalogVersion)
	mergeMap(mg, "source", "$.sources", d.Sources, &m.sources)
	mergeMap(mg, "framework", "$.frameworks", d.Frameworks, &m.frameworks)
	mergeMap(mg, "resource type", "$.resource_types", d.ResourceTypes, &m.types)
	mergeMap(mg, "provider rule", "$.providers", d.Providers, &m.providers)
	mergeMap(mg, "service", "$.services", d.Services, &m.services)
	mergeList(mg, "service model", "$.service_models", d.ServiceModels, func(x ServiceModelDoc) string { return x.ID }, &m.models)
	mergeList(mg, "layer", "$.layers", d.Layers, func(x LayerDoc) string { return x.ID }, &m.layers)
	for i, c := range d.Components {
		mg.component(c, origin{doc: mg.nd.Name, path: fmt.Sprintf("$.components[%d]", i)})
	}
	mergeList(mg, "obligation", "$.obligations", d.Obligations, func(x ObligationDoc) string { return x.ID }, &m.obligations)
	mergeList(mg, "service class", "$.service_classes", d.ServiceClasses, func(x ServiceClassDoc) string { return x.ID }, &m.classes)
}

func (mg *docMerge) version(v string) {
	switch {
	case v == "":
	case mg.m.version == "":
		mg.m.version = v
	case mg.nd.Override:
		mg.m.version += "+" + v
	default:
		mg.probs = append(mg.probs, Problem{mg.nd.Name, "$.catalog_version", "the catalog version is set by an earlier document"})
	}
}

// collides reports whether an entry that an earlier document defines may not
// be replaced, and records the problem if so.
func (mg *docMerge) collides(at origin, what, id string) bool {
	if mg.nd.Override {
		return false
	}
	mg.probs = append(mg.probs, at.problem("", "duplicate %s %q: it is already defined by an earlier document", what, id))
	return true
}

// duplicateWithin reports (and records) an id that this document defines
// twice.
func (mg *docMerge) duplicateWithin(at origin, what, id string) bool {
	key := what + "\x00" + id
	if prev, ok := mg.within[key]; ok {
		mg.probs = append(mg.probs, at.problem("", "duplicate %s %q: already defined at %s of this document", what, id, prev))
		return true
	}
	mg.within[key] = at.jsonPath()
	return false
}

// mergeMap merges entries of a JSON object: the later document's entry
// replaces the earlier one whole. Collisions are reported in key order.
func mergeMap[T any](mg *docMerge, what, path string, src map[string]T, into *ordered[T]) {
	n := len(mg.probs)
	for id, x := range src {
		at := origin{doc: mg.nd.Name, path: path, key: id}
		if into.lookup(id) >= 0 && mg.collides(at, what, id) {
			continue
		}
		into.put(id, x, at)
	}
	slices.SortFunc(mg.probs[n:], func(a, b Problem) int { return strings.Compare(a.Path, b.Path) })
}

// mergeList merges entries of a list keyed by id: the later document's entry
// replaces the earlier one whole, in its place; new entries are appended.
func mergeList[T any](mg *docMerge, what, path string, src []T, idOf func(T) string, into *ordered[T]) {
	for i, x := range src {
		id, at := idOf(x), origin{doc: mg.nd.Name, path: fmt.Sprintf("%s[%d]", path, i)}
		if mg.duplicateWithin(at, what, id) || into.lookup(id) >= 0 && mg.collides(at, what, id) {
			continue
		}
		into.put(id, x, at)
	}
}

// component merges a component field by field: non-empty name, layer and
// description replace the earlier ones, cells and provider controls replace
// those of the same model or framework. The component's origin is that of
// the document that last set its layer.
func (mg *docMerge) component(c ComponentDoc, at origin) {
	if mg.duplicateWithin(at, "component", c.ID) {
		return
	}
	comps := &mg.m.components
	mc, ok := comps.get(c.ID)
	switch {
	case !ok:
		mc = &mergedComponent{ComponentDoc: c, cellAt: map[string]origin{}}
		mc.Cells, mc.ProviderControls = map[string]CellDoc{}, map[string][]string{}
		comps.put(c.ID, mc, at)
	case mg.collides(at, "component", c.ID):
		return
	}
	if c.Layer != "" {
		mc.Layer = c.Layer
		comps.at[comps.index[c.ID]] = at
	}
	if c.Name != "" {
		mc.Name = c.Name
	}
	if c.Description != "" {
		mc.Description = c.Description
	}
	for fw, ids := range c.ProviderControls {
		mc.ProviderControls[fw] = ids
	}
	for model, cell := range c.Cells {
		mc.Cells[model] = cell
		mc.cellAt[model] = at.sub("cells." + model)
	}
}
