// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Owner is who is responsible for a component under a service model.
type Owner string

// The three owners of the model.
const (
	OwnerProvider Owner = "provider"
	OwnerCustomer Owner = "customer"
	OwnerShared   Owner = "shared"
)

// Owners lists the owners in display order.
var Owners = []Owner{OwnerProvider, OwnerShared, OwnerCustomer}

// OwnerNames lists the owners as strings, for validators and docs.
func OwnerNames() []string {
	out := make([]string, len(Owners))
	for i, o := range Owners {
		out[i] = string(o)
	}
	return out
}

// Source is a resolved citation.
type Source struct {
	ID    string
	Title string
	URL   string
	AsOf  string
}

// Framework is a compliance framework with a compiled id pattern.
type Framework struct {
	ID      string
	Name    string
	Source  string
	Pattern *regexp.Regexp
}

// ServiceModel is a column of the matrix.
type ServiceModel struct {
	ID          string
	Name        string
	Description string
	Cloud       bool
	index       int
}

// Layer is one of the layers of the model.
type Layer struct {
	ID          string
	Name        string
	Description string
	index       int
}

// Component is a row of the matrix.
type Component struct {
	ID               string
	Layer            string
	Name             string
	Description      string
	ProviderControls map[string][]string
	// Cells is indexed like Catalog.ServiceModels.
	Cells []Cell
	index int
	layer int
}

// Cell is an owner assignment with what each party does and its citation.
type Cell struct {
	Owner        Owner
	ProviderPart string
	CustomerPart string
	Source       string
	Disagreement string
}

// Obligation is a concrete thing the customer must do.
type Obligation struct {
	ID          string
	Component   string
	Layer       string
	Title       string
	Description string
	When        Owner
	Controls    map[string][]string
	Source      string
	// ServiceModels are the models the obligation applies to, derived from
	// the matrix: those where its component is not provider-owned (and its
	// owner matches When).
	ServiceModels []string
	index         int
}

// AppliesTo reports whether the obligation applies to a component cell owned
// by owner.
func (o *Obligation) AppliesTo(owner Owner) bool {
	if owner == OwnerProvider {
		return false
	}
	return o.When == "" || o.When == owner
}

// ResourceType maps a Terraform resource type to the model.
type ResourceType struct {
	Type         string
	ServiceModel string
	Focus        []string
	// Cells replace matrix cells for every resource of the type.
	Cells      map[string]Cell
	Conditions map[string]*Condition
	// ConditionKeys are the keys of Conditions, sorted.
	ConditionKeys []string
	Source        string
	Rationale     string
	// cells are Cells by component index, for resolution; cellReason is the
	// reason of the overrides they make.
	cells      []indexedCell
	cellReason string
}

// indexedCell is a cell with the index of its component. A cell that cites
// no source carries, in byModel, a copy per service model that cites the
// matrix cell's source instead.
type indexedCell struct {
	index   int
	cell    Cell
	byModel []Cell
}

// under returns the cell as it stands under model m.
func (ic *indexedCell) under(m *ServiceModel) *Cell {
	if ic.byModel != nil {
		return &ic.byModel[m.index]
	}
	return &ic.cell
}

// Condition is an attribute whose values change the answer.
type Condition struct {
	Key         string
	Description string
	Default     string
	Values      map[string]*Effect
	// ValueKeys are the keys of Values, sorted.
	ValueKeys []string
}

// Effect is what one condition value changes.
type Effect struct {
	ServiceModel string
	// Cells by component id.
	Cells  map[string]Cell
	Reason string
	Source string
	// name and defaultName ("<key>=<value>", with " (default)" when the
	// value was not given) name the effect in overrides; cells are Cells by
	// component index.
	name, defaultName string
	cells             []indexedCell
}

// Catalog is a compiled, validated catalog. It is immutable once built and
// safe for concurrent use.
type Catalog struct {
	Version       string
	Sources       map[string]Source
	Frameworks    map[string]*Framework
	FrameworkIDs  []string
	ServiceModels []*ServiceModel
	Layers        []*Layer
	Components    []*Component
	Obligations   []*Obligation
	ResourceTypes map[string]*ResourceType
	// TypeNames are the keys of ResourceTypes, sorted.
	TypeNames []string

	models      map[string]*ServiceModel
	layers      map[string]*Layer
	components  map[string]*Component
	obligations map[string]*Obligation
	// byCell[component index][owner] lists the obligations that apply to a
	// cell of that component with that owner, in catalog order.
	byCell [][3][]*Obligation
}

// ServiceModel returns the model with the id, or nil.
func (c *Catalog) ServiceModel(id string) *ServiceModel { return c.models[id] }

// Layer returns the layer with the id, or nil.
func (c *Catalog) Layer(id string) *Layer { return c.layers[id] }

// Component returns the component with the id, or nil.
func (c *Catalog) Component(id string) *Component { return c.components[id] }

// Obligation returns the obligation with the id, or nil.
func (c *Catalog) Obligation(id string) *Obligation { return c.obligations[id] }

// ModelIDs lists the service model ids in display order.
func (c *Catalog) ModelIDs() []string {
	out := make([]string, len(c.ServiceModels))
	for i, m := range c.ServiceModels {
		out[i] = m.ID
	}
	return out
}

// LayerIDs lists the layer ids in display order.
func (c *Catalog) LayerIDs() []string {
	out := make([]string, len(c.Layers))
	for i, l := range c.Layers {
		out[i] = l.ID
	}
	return out
}

// ComponentIDs lists the component ids in display order.
func (c *Catalog) ComponentIDs() []string {
	out := make([]string, len(c.Components))
	for i, m := range c.Components {
		out[i] = m.ID
	}
	return out
}

// ObligationIDs lists the obligation ids in catalog order.
func (c *Catalog) ObligationIDs() []string {
	out := make([]string, len(c.Obligations))
	for i, o := range c.Obligations {
		out[i] = o.ID
	}
	return out
}

// Cell returns the base matrix cell of a component under a model.
func (c *Catalog) Cell(model, component string) (Cell, bool) {
	m, comp := c.models[model], c.components[component]
	if m == nil || comp == nil {
		return Cell{}, false
	}
	return comp.Cells[m.index], true
}

func ownerIndex(o Owner) int {
	switch o {
	case OwnerProvider:
		return 0
	case OwnerShared:
		return 1
	default:
		return 2
	}
}

// Problem is one validation error of a catalog document, located by a JSON
// path into the document it came from.
type Problem struct {
	// Document names the document ("catalog" for a custom catalog, the file
	// name for a built-in one).
	Document string
	// Path is a JSON path such as $.resource_types.aws_foo.service_model.
	Path    string
	Message string
}

func (p Problem) Error() string {
	return fmt.Sprintf("%s: %s: %s", p.Document, p.Path, p.Message)
}

// Problems is a list of validation errors.
type Problems []Problem

func (ps Problems) Error() string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(p.Error())
	}
	return b.String()
}

// NamedDocument is a Document with the name used in problems, and whether it
// may replace entries of the documents before it.
type NamedDocument struct {
	Name     string
	Document *Document
	// Override allows the document to replace entries with the same id.
	// Built-in documents may not collide with each other; a custom catalog
	// may replace built-in entries.
	Override bool
}

// origin records where a merged entry came from.
type origin struct {
	doc  string
	path string
}

func (o origin) problem(sub, format string, args ...any) Problem {
	p := o.path
	if sub != "" {
		p += "." + sub
	}
	return Problem{Document: o.doc, Path: p, Message: fmt.Sprintf(format, args...)}
}

type mergedComponent struct {
	doc         ComponentDoc
	at          origin
	cellOrigins map[string]origin
}

// Compile merges documents in order and validates the result.
//
// Merge rule: maps (sources, frameworks, resource_types) and lists keyed by id
// (service_models, layers, obligations) take the later document's entry whole
// when ids collide; components merge field by field: a later document's
// non-empty name, layer or description replace the earlier ones, its cells
// replace the earlier cells of the same model and add cells for new models,
// and its provider_controls replace those of the same framework. A collision
// is an error unless the later document has Override set. New entries are
// appended in their document order.
func Compile(docs ...NamedDocument) (*Catalog, error) {
	var probs Problems
	sources := map[string]SourceDoc{}
	sourceAt := map[string]origin{}
	frameworks := map[string]FrameworkDoc{}
	frameworkAt := map[string]origin{}
	nTypes := 0
	for _, nd := range docs {
		if nd.Document != nil {
			nTypes += len(nd.Document.ResourceTypes)
		}
	}
	types := make(map[string]ResourceTypeDoc, nTypes)
	typeAt := make(map[string]origin, nTypes)
	var models []ServiceModelDoc
	var modelAt []origin
	var layers []LayerDoc
	var layerAt []origin
	var comps []*mergedComponent
	var obls []ObligationDoc
	var oblAt []origin
	version := ""

	collide := func(nd NamedDocument, at origin, what, id string) bool {
		if nd.Override {
			return true
		}
		probs = append(probs, at.problem("", "duplicate %s %q: it is already defined by an earlier document", what, id))
		return false
	}
	for _, nd := range docs {
		d := nd.Document
		if d == nil {
			continue
		}
		// Ids must be unique within one document, even one that may
		// override earlier documents.
		within := map[string]string{}
		dupWithin := func(what, id, path string) bool {
			if prev, ok := within[what+"\x00"+id]; ok {
				probs = append(probs, Problem{nd.Name, path, fmt.Sprintf("duplicate %s %q: already defined at %s of this document", what, id, prev)})
				return true
			}
			within[what+"\x00"+id] = path
			return false
		}
		if d.CatalogVersion != "" {
			switch {
			case version == "":
				version = d.CatalogVersion
			case nd.Override:
				version += "+" + d.CatalogVersion
			default:
				probs = append(probs, Problem{nd.Name, "$.catalog_version", "the catalog version is set by an earlier document"})
			}
		}
		for _, id := range sortedKeys(d.Sources) {
			at := origin{nd.Name, "$.sources." + id}
			if _, dup := sources[id]; dup && !collide(nd, at, "source", id) {
				continue
			}
			sources[id], sourceAt[id] = d.Sources[id], at
		}
		for _, id := range sortedKeys(d.Frameworks) {
			at := origin{nd.Name, "$.frameworks." + id}
			if _, dup := frameworks[id]; dup && !collide(nd, at, "framework", id) {
				continue
			}
			frameworks[id], frameworkAt[id] = d.Frameworks[id], at
		}
		for _, id := range sortedKeys(d.ResourceTypes) {
			at := origin{nd.Name, "$.resource_types." + id}
			if _, dup := types[id]; dup && !collide(nd, at, "resource type", id) {
				continue
			}
			types[id], typeAt[id] = d.ResourceTypes[id], at
		}
		for i, m := range d.ServiceModels {
			at := origin{nd.Name, fmt.Sprintf("$.service_models[%d]", i)}
			if dupWithin("service model", m.ID, at.path) {
				continue
			}
			if j := indexOf(len(models), func(k int) bool { return models[k].ID == m.ID }); j >= 0 {
				if collide(nd, at, "service model", m.ID) {
					models[j], modelAt[j] = m, at
				}
				continue
			}
			models, modelAt = append(models, m), append(modelAt, at)
		}
		for i, l := range d.Layers {
			at := origin{nd.Name, fmt.Sprintf("$.layers[%d]", i)}
			if dupWithin("layer", l.ID, at.path) {
				continue
			}
			if j := indexOf(len(layers), func(k int) bool { return layers[k].ID == l.ID }); j >= 0 {
				if collide(nd, at, "layer", l.ID) {
					layers[j], layerAt[j] = l, at
				}
				continue
			}
			layers, layerAt = append(layers, l), append(layerAt, at)
		}
		for i, c := range d.Components {
			at := origin{nd.Name, fmt.Sprintf("$.components[%d]", i)}
			if dupWithin("component", c.ID, at.path) {
				continue
			}
			j := indexOf(len(comps), func(k int) bool { return comps[k].doc.ID == c.ID })
			if j < 0 {
				mc := &mergedComponent{doc: c, at: at, cellOrigins: map[string]origin{}}
				mc.doc.Cells = map[string]CellDoc{}
				mc.doc.ProviderControls = map[string][]string{}
				comps = append(comps, mc)
				j = len(comps) - 1
			} else if !collide(nd, at, "component", c.ID) {
				continue
			}
			mc := comps[j]
			if c.Layer != "" {
				mc.doc.Layer = c.Layer
				mc.at = at
			}
			if c.Name != "" {
				mc.doc.Name = c.Name
			}
			if c.Description != "" {
				mc.doc.Description = c.Description
			}
			for fw, ids := range c.ProviderControls {
				mc.doc.ProviderControls[fw] = ids
			}
			for model, cell := range c.Cells {
				mc.doc.Cells[model] = cell
				mc.cellOrigins[model] = origin{nd.Name, at.path + ".cells." + model}
			}
		}
		for i, o := range d.Obligations {
			at := origin{nd.Name, fmt.Sprintf("$.obligations[%d]", i)}
			if dupWithin("obligation", o.ID, at.path) {
				continue
			}
			if j := indexOf(len(obls), func(k int) bool { return obls[k].ID == o.ID }); j >= 0 {
				if collide(nd, at, "obligation", o.ID) {
					obls[j], oblAt[j] = o, at
				}
				continue
			}
			obls, oblAt = append(obls, o), append(oblAt, at)
		}
	}

	c := &Catalog{
		Version:       version,
		Sources:       map[string]Source{},
		Frameworks:    map[string]*Framework{},
		ResourceTypes: map[string]*ResourceType{},
		models:        map[string]*ServiceModel{},
		layers:        map[string]*Layer{},
		components:    map[string]*Component{},
		obligations:   map[string]*Obligation{},
	}
	if version == "" {
		probs = append(probs, Problem{"catalog", "$.catalog_version", "no document sets the catalog version"})
	}
	checkSource := func(at origin, sub, id string, required bool) {
		if id == "" {
			if required {
				probs = append(probs, at.problem(sub, "a source is required: the id of an entry of sources"))
			}
			return
		}
		if _, ok := sources[id]; !ok {
			probs = append(probs, at.problem(sub, "unknown source %q%s", id, didYouMean(id, sortedKeys(sources))))
		}
	}
	for _, id := range sortedKeys(sources) {
		s, at := sources[id], sourceAt[id]
		if !idPattern.MatchString(id) && !sourceIDPattern.MatchString(id) {
			probs = append(probs, at.problem("", "source id %q must be lowercase letters, digits, '-' and '_'", id))
		}
		if !strings.HasPrefix(s.URL, "https://") {
			probs = append(probs, at.problem("url", "must be an https:// URL, got %q", s.URL))
		}
		if !datePattern.MatchString(s.AsOf) {
			probs = append(probs, at.problem("as_of", "must be a date YYYY-MM-DD, got %q", s.AsOf))
		}
		if s.Title == "" {
			probs = append(probs, at.problem("title", "must not be empty"))
		}
		c.Sources[id] = Source{ID: id, Title: s.Title, URL: s.URL, AsOf: s.AsOf}
	}
	for _, id := range sortedKeys(frameworks) {
		f, at := frameworks[id], frameworkAt[id]
		re, err := regexp.Compile("^(?:" + f.IDPattern + ")$")
		if err != nil || f.IDPattern == "" {
			probs = append(probs, at.problem("id_pattern", "must be a regular expression: %v", err))
			re = regexp.MustCompile(".*")
		}
		checkSource(at, "source", f.Source, true)
		c.Frameworks[id] = &Framework{ID: id, Name: f.Name, Source: f.Source, Pattern: re}
		c.FrameworkIDs = append(c.FrameworkIDs, id)
	}
	checkControls := func(at origin, sub string, controls map[string][]string) {
		for _, fw := range sortedKeys(controls) {
			f := c.Frameworks[fw]
			if f == nil {
				probs = append(probs, at.problem(sub+"."+fw, "unknown framework %q; defined: %s", fw, strings.Join(c.FrameworkIDs, ", ")))
				continue
			}
			for i, id := range controls[fw] {
				if !f.Pattern.MatchString(id) {
					probs = append(probs, at.problem(fmt.Sprintf("%s.%s[%d]", sub, fw, i), "%q is not a well-formed %s control id", id, f.Name))
				}
			}
		}
	}
	for i, m := range models {
		at := modelAt[i]
		if !idPattern.MatchString(m.ID) {
			probs = append(probs, at.problem("id", "%q must be lowercase letters, digits and '_', starting with a letter", m.ID))
		}
		sm := &ServiceModel{ID: m.ID, Name: m.Name, Description: m.Description, Cloud: m.Cloud, index: i}
		c.ServiceModels = append(c.ServiceModels, sm)
		c.models[m.ID] = sm
	}
	if len(models) == 0 {
		probs = append(probs, Problem{"catalog", "$.service_models", "no service model is defined"})
	}
	for i, l := range layers {
		if !idPattern.MatchString(l.ID) {
			probs = append(probs, layerAt[i].problem("id", "%q must be lowercase letters, digits and '_', starting with a letter", l.ID))
		}
		ly := &Layer{ID: l.ID, Name: l.Name, Description: l.Description, index: i}
		c.Layers = append(c.Layers, ly)
		c.layers[l.ID] = ly
	}
	for i, mc := range comps {
		d, at := mc.doc, mc.at
		if !idPattern.MatchString(d.ID) {
			probs = append(probs, at.problem("id", "%q must be lowercase letters, digits and '_', starting with a letter", d.ID))
		}
		ly := c.layers[d.Layer]
		if ly == nil {
			probs = append(probs, at.problem("layer", "unknown layer %q; defined: %s", d.Layer, strings.Join(c.LayerIDs(), ", ")))
			ly = &Layer{}
		}
		comp := &Component{ID: d.ID, Layer: d.Layer, Name: d.Name, Description: d.Description,
			ProviderControls: d.ProviderControls, Cells: make([]Cell, len(models)), index: i, layer: ly.index}
		checkControls(at, "provider_controls", d.ProviderControls)
		for _, model := range sortedKeys(d.Cells) {
			if c.models[model] == nil {
				probs = append(probs, mc.cellOrigins[model].problem("", "unknown service model %q; defined: %s", model, strings.Join(c.ModelIDs(), ", ")))
			}
		}
		for mi, m := range c.ServiceModels {
			cd, ok := d.Cells[m.ID]
			if !ok {
				// Report where the fix goes: at the model when the model is
				// newer than the component (a custom model), else at the
				// component.
				where := at.problem("cells", "no cell for service model %q: every component needs one cell per model", m.ID)
				if modelAt[mi].doc != at.doc {
					where = modelAt[mi].problem("", "component %q has no cell for service model %q: every component needs one cell per model; add {\"id\": %q, \"cells\": {%q: {...}}} to components", d.ID, m.ID, d.ID, m.ID)
				}
				probs = append(probs, where)
				continue
			}
			cat := mc.cellOrigins[m.ID]
			cell, cellProbs := compileCell(cat, cd, sources)
			probs = append(probs, cellProbs...)
			comp.Cells[mi] = cell
		}
		c.Components = append(c.Components, comp)
		c.components[d.ID] = comp
	}
	for _, l := range c.Layers {
		if indexOf(len(c.Components), func(k int) bool { return c.Components[k].Layer == l.ID }) < 0 {
			probs = append(probs, layerAt[l.index].problem("", "layer %q has no component", l.ID))
		}
	}
	// Invariants over the merged matrix.
	for _, comp := range c.Components {
		for mi, m := range c.ServiceModels {
			if inv := CheckInvariants(m, comp, comp.Cells[mi].Owner); inv != nil {
				at := mc(comps, comp.ID).cellOrigins[m.ID]
				probs = append(probs, at.problem("owner", "%s %s may not be %s: %s", comp.ID, m.ID, comp.Cells[mi].Owner, inv.Rule))
			}
		}
	}
	for i, o := range obls {
		at := oblAt[i]
		comp := c.components[o.Component]
		if comp == nil {
			probs = append(probs, at.problem("component", "unknown component %q%s", o.Component, didYouMean(o.Component, c.ComponentIDs())))
			continue
		}
		if !strings.HasPrefix(o.ID, o.Component+".") || !idPattern.MatchString(strings.TrimPrefix(o.ID, o.Component+".")) {
			probs = append(probs, at.problem("id", "%q must be \"%s.<snake_case_name>\"", o.ID, o.Component))
		}
		if o.Title == "" {
			probs = append(probs, at.problem("title", "must not be empty"))
		}
		when := Owner(o.When)
		if when != "" && when != OwnerCustomer && when != OwnerShared {
			probs = append(probs, at.problem("when", "must be \"customer\", \"shared\" or empty, got %q", o.When))
		}
		checkControls(at, "controls", o.Controls)
		checkSource(at, "source", o.Source, false)
		ob := &Obligation{ID: o.ID, Component: o.Component, Layer: comp.Layer, Title: o.Title, Description: o.Description,
			When: when, Controls: o.Controls, Source: o.Source, index: i}
		c.Obligations = append(c.Obligations, ob)
		c.obligations[o.ID] = ob
	}
	c.byCell = make([][3][]*Obligation, len(c.Components))
	for _, ob := range c.Obligations {
		comp := c.components[ob.Component]
		for _, o := range Owners {
			if ob.AppliesTo(o) {
				c.byCell[comp.index][ownerIndex(o)] = append(c.byCell[comp.index][ownerIndex(o)], ob)
			}
		}
		for mi, m := range c.ServiceModels {
			if ob.AppliesTo(comp.Cells[mi].Owner) {
				ob.ServiceModels = append(ob.ServiceModels, m.ID)
			}
		}
	}
	for _, comp := range c.Components {
		for mi, m := range c.ServiceModels {
			if o := comp.Cells[mi].Owner; o != OwnerProvider && len(c.byCell[comp.index][ownerIndex(o)]) == 0 {
				probs = append(probs, mc(comps, comp.ID).cellOrigins[m.ID].problem("owner",
					"%s is %s under %s but no obligation applies to it: add an obligation for component %q", comp.ID, o, m.ID, comp.ID))
			}
		}
	}
	for _, name := range sortedKeys(types) {
		rt, rtProbs := compileType(c, name, types[name], typeAt[name], sources)
		probs = append(probs, rtProbs...)
		c.ResourceTypes[name] = rt
		c.TypeNames = append(c.TypeNames, name)
	}
	if len(probs) > 0 {
		return nil, probs
	}
	return c, nil
}

func mc(comps []*mergedComponent, id string) *mergedComponent {
	for _, m := range comps {
		if m.doc.ID == id {
			return m
		}
	}
	return nil
}

func compileCell(at origin, cd CellDoc, sources map[string]SourceDoc) (Cell, Problems) {
	var probs Problems
	o := Owner(cd.Owner)
	switch o {
	case OwnerProvider, OwnerCustomer:
		if cd.ProviderPart != "" || cd.CustomerPart != "" {
			probs = append(probs, at.problem("owner", "provider_part and customer_part belong to shared cells only; owner is %q", o))
		}
	case OwnerShared:
		if cd.ProviderPart == "" {
			probs = append(probs, at.problem("provider_part", "a shared cell must say what the provider does"))
		}
		if cd.CustomerPart == "" {
			probs = append(probs, at.problem("customer_part", "a shared cell must say what the customer does"))
		}
	default:
		probs = append(probs, at.problem("owner", "must be one of %s, got %q", strings.Join(OwnerNames(), ", "), cd.Owner))
	}
	if cd.Source != "" {
		if _, ok := sources[cd.Source]; !ok {
			probs = append(probs, at.problem("source", "unknown source %q%s", cd.Source, didYouMean(cd.Source, sortedKeys(sources))))
		}
	}
	return Cell{Owner: o, ProviderPart: cd.ProviderPart, CustomerPart: cd.CustomerPart, Source: cd.Source, Disagreement: cd.Disagreement}, probs
}

func compileType(c *Catalog, name string, d ResourceTypeDoc, at origin, sources map[string]SourceDoc) (*ResourceType, Problems) {
	var probs Problems
	if !isTypeName(name) {
		probs = append(probs, at.problem("", "%q is not a Terraform resource type name (<provider>_<name>, lowercase)", name))
	}
	m := c.models[d.ServiceModel]
	if m == nil {
		probs = append(probs, at.problem("service_model", "unknown service model %q; defined: %s", d.ServiceModel, strings.Join(c.ModelIDs(), ", ")))
	}
	for i, f := range d.Focus {
		if c.components[f] == nil {
			probs = append(probs, at.problem(fmt.Sprintf("focus[%d]", i), "unknown component %q%s", f, didYouMean(f, c.ComponentIDs())))
		}
	}
	if d.Source == "" {
		probs = append(probs, at.problem("source", "a source is required: the id of an entry of sources"))
	} else if _, ok := sources[d.Source]; !ok {
		probs = append(probs, at.problem("source", "unknown source %q%s", d.Source, didYouMean(d.Source, sortedKeys(sources))))
	}
	rt := &ResourceType{Type: name, ServiceModel: d.ServiceModel, Focus: d.Focus, Source: d.Source, Rationale: d.Rationale,
		Conditions: map[string]*Condition{}}
	var cp Problems
	rt.Cells, rt.cells, cp = compileCells(c, m, d.Cells, at.doc, at.path+".cells", sources)
	rt.cellReason = "The catalog entry of " + name + " sets this cell."
	probs = append(probs, cp...)
	for _, key := range sortedKeys(d.Conditions) {
		cd := d.Conditions[key]
		cat := origin{at.doc, at.path + ".conditions." + key}
		cond := &Condition{Key: key, Description: cd.Description, Default: cd.Default, Values: map[string]*Effect{}}
		if len(cd.Values) == 0 {
			probs = append(probs, cat.problem("values", "a condition needs at least one value"))
		}
		if _, ok := cd.Values[cd.Default]; !ok {
			probs = append(probs, cat.problem("default", "%q is not one of the values (%s)", cd.Default, strings.Join(sortedKeys(cd.Values), ", ")))
		}
		for _, v := range sortedKeys(cd.Values) {
			ed := cd.Values[v]
			vat := origin{at.doc, cat.path + ".values." + v}
			eff := &Effect{ServiceModel: ed.ServiceModel, Reason: ed.Reason, Source: ed.Source,
				name: key + "=" + v, defaultName: key + "=" + v + " (default)"}
			model := m
			if ed.ServiceModel != "" {
				if model = c.models[ed.ServiceModel]; model == nil {
					probs = append(probs, vat.problem("service_model", "unknown service model %q; defined: %s", ed.ServiceModel, strings.Join(c.ModelIDs(), ", ")))
				}
			}
			if ed.Source != "" {
				if _, ok := sources[ed.Source]; !ok {
					probs = append(probs, vat.problem("source", "unknown source %q", ed.Source))
				}
			}
			var cp Problems
			eff.Cells, eff.cells, cp = compileCells(c, model, ed.Cells, at.doc, vat.path+".cells", sources)
			probs = append(probs, cp...)
			cond.Values[v] = eff
			cond.ValueKeys = append(cond.ValueKeys, v)
		}
		rt.Conditions[key] = cond
		rt.ConditionKeys = append(rt.ConditionKeys, key)
	}
	return rt, probs
}

// compileCells compiles the cells a resource type or a condition value sets,
// each checked against the invariants under the model it applies to, by
// component id and by component index.
func compileCells(c *Catalog, model *ServiceModel, cells map[string]CellDoc, doc, at string, sources map[string]SourceDoc) (map[string]Cell, []indexedCell, Problems) {
	var probs Problems
	out := make(map[string]Cell, len(cells))
	indexed := make([]indexedCell, 0, len(cells))
	for _, compID := range sortedKeys(cells) {
		cellAt := origin{doc, at + "." + compID}
		comp := c.components[compID]
		if comp == nil {
			probs = append(probs, cellAt.problem("", "unknown component %q%s", compID, didYouMean(compID, c.ComponentIDs())))
			continue
		}
		cell, cp := compileCell(cellAt, cells[compID], sources)
		probs = append(probs, cp...)
		if model != nil {
			if inv := CheckInvariants(model, comp, cell.Owner); inv != nil {
				probs = append(probs, cellAt.problem("owner", "%s may not be %s under %s: %s", compID, cell.Owner, model.ID, inv.Rule))
			}
		}
		out[compID] = cell
		ic := indexedCell{index: comp.index, cell: cell}
		if cell.Source == "" {
			ic.byModel = make([]Cell, len(comp.Cells))
			for mi := range comp.Cells {
				ic.byModel[mi] = cell
				ic.byModel[mi].Source = comp.Cells[mi].Source
			}
		}
		indexed = append(indexed, ic)
	}
	sort.Slice(indexed, func(i, j int) bool { return indexed[i].index < indexed[j].index })
	return out, indexed, probs
}

var (
	idPattern       = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	sourceIDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	datePattern     = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

// isTypeName reports whether s is a Terraform resource type name,
// ^[a-z0-9]+_[a-z0-9_]+$: checked for every type of the catalog at load,
// where a regular expression costs a fifth of the load.
func isTypeName(s string) bool {
	first := strings.IndexByte(s, '_')
	if first <= 0 || first == len(s)-1 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '_' {
			return false
		}
	}
	return true
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func indexOf(n int, f func(int) bool) int {
	for i := 0; i < n; i++ {
		if f(i) {
			return i
		}
	}
	return -1
}
