// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"sort"
	"strings"
)

// The third stage of Compile: the runtime catalog, built from a merged
// catalog that the rules found valid. It checks nothing: an invalid input is
// a bug of the caller (the built-in catalog skips the rules at run time
// because the unit tests prove it valid).

// build constructs the runtime catalog.
func (m *merged) build() *Catalog {
	c := &Catalog{
		Version:       m.version,
		Sources:       make(map[string]Source, len(m.sources.ids)),
		Frameworks:    make(map[string]*Framework, len(m.frameworks.ids)),
		FrameworkIDs:  m.frameworks.ids,
		ResourceTypes: make(map[string]*ResourceType, len(m.types.ids)),
		TypeNames:     m.types.ids,
		Providers:     make(map[string]*ResourceType, len(m.providers.ids)),
		ProviderNames: m.providers.ids,
		models:        make(map[string]*ServiceModel, len(m.models.ids)),
		layers:        make(map[string]*Layer, len(m.layers.ids)),
		components:    make(map[string]*Component, len(m.components.ids)),
		obligations:   make(map[string]*Obligation, len(m.obligations.ids)),
		classes:       make(map[string]*ServiceClass, len(m.classes.ids)),
	}
	for i, id := range m.sources.ids {
		s := m.sources.items[i]
		c.Sources[id] = Source{ID: id, Title: s.Title, URL: s.URL, AsOf: s.AsOf}
	}
	for i, id := range m.frameworks.ids {
		f := m.frameworks.items[i]
		re, _ := compilePattern(f.IDPattern)
		c.Frameworks[id] = &Framework{ID: id, Name: f.Name, Source: f.Source, Pattern: re}
	}
	for i, d := range m.models.items {
		sm := &ServiceModel{ID: d.ID, Name: d.Name, Description: d.Description, Cloud: d.Cloud, index: i}
		c.ServiceModels = append(c.ServiceModels, sm)
		c.models[d.ID] = sm
	}
	for i, d := range m.layers.items {
		l := &Layer{ID: d.ID, Name: d.Name, Description: d.Description, index: i}
		c.Layers = append(c.Layers, l)
		c.layers[d.ID] = l
	}
	for i, d := range m.components.items {
		comp := &Component{ID: d.ID, Layer: d.Layer, Name: d.Name, Description: d.Description,
			ProviderControls: d.ProviderControls, Cells: make([]Cell, len(m.models.ids)), index: i, layer: c.layers[d.Layer].index}
		for mi, model := range m.models.ids {
			comp.Cells[mi] = cellOf(d.Cells[model])
		}
		c.Components = append(c.Components, comp)
		c.components[d.ID] = comp
	}
	c.buildObligations(m)
	for _, d := range m.classes.items {
		sc := &ServiceClass{ID: d.ID, Name: d.Name, Description: d.Description, Rationale: d.Rationale,
			applies: make([]bool, len(c.Components))}
		sc.AppliesTo = c.inCatalogOrder(d.AppliesTo, nil, sc.applies)
		if len(d.Without) > 0 {
			sc.Without, sc.without = d.Without, make(map[string]bool, len(d.Without))
			for _, id := range d.Without {
				sc.without[id] = true
			}
		}
		if len(d.Cells) > 0 {
			sc.Cells, sc.cells = map[string]map[string]Cell{}, make([][]Cell, len(c.Components))
			for id, byModel := range d.Cells {
				comp := c.components[id]
				sc.Cells[id], sc.cells[comp.index] = map[string]Cell{}, make([]Cell, len(c.ServiceModels))
				for model, cd := range byModel {
					sc.Cells[id][model] = cellOf(cd)
					sc.cells[comp.index][c.models[model].index] = cellOf(cd)
				}
			}
		}
		c.ServiceClasses = append(c.ServiceClasses, sc)
		c.classes[d.ID] = sc
	}
	c.services.entryByARM, c.services.renamed = map[string]*ResourceType{}, map[string]*ResourceType{}
	rts := make([]ResourceType, len(m.types.ids))
	for i, name := range m.types.ids {
		c.buildType(&rts[i], name, &m.types.items[i])
		c.ResourceTypes[name] = &rts[i]
		for _, old := range m.types.items[i].Replaces {
			c.services.renamed[old] = &rts[i]
		}
		for _, a := range m.types.items[i].ARM {
			c.services.entryByARM[strings.ToLower(a)] = &rts[i]
		}
	}
	for i, name := range m.providers.ids {
		d := m.providers.items[i].typeDoc()
		rt := &ResourceType{}
		c.buildType(rt, name, &d)
		rt.Basis = BasisProvider
		c.Providers[name] = rt
	}
	c.buildServices(m)
	return c
}

// inCatalogOrder returns the components of a and b, without repeats, in
// catalog order, and marks them in mark if it is not nil.
func (c *Catalog) inCatalogOrder(a, b []string, mark []bool) []string {
	seen := make([]bool, len(c.Components))
	for _, id := range a {
		seen[c.components[id].index] = true
	}
	for _, id := range b {
		seen[c.components[id].index] = true
	}
	out := make([]string, 0, len(a)+len(b))
	for i, comp := range c.Components {
		if seen[i] {
			out = append(out, comp.ID)
		}
	}
	if mark != nil {
		copy(mark, seen)
	}
	return out
}

func cellOf(d CellDoc) Cell {
	return Cell{Owner: Owner(d.Owner), ProviderPart: d.ProviderPart, CustomerPart: d.CustomerPart, Source: d.Source, Disagreement: d.Disagreement}
}

// buildObligations adds the obligations, the models each applies to and
// the index of those that apply to each component and owner.
func (c *Catalog) buildObligations(m *merged) {
	c.byCell = make([][3][]*Obligation, len(c.Components))
	for i, d := range m.obligations.items {
		comp := c.components[d.Component]
		ob := &Obligation{ID: d.ID, Component: d.Component, Layer: comp.Layer, Title: d.Title, Description: d.Description,
			When: Owner(d.When), Controls: d.Controls, Source: d.Source, index: i}
		c.Obligations = append(c.Obligations, ob)
		c.obligations[d.ID] = ob
		for _, o := range Owners {
			if ob.AppliesTo(o) {
				c.byCell[comp.index][ownerIndex(o)] = append(c.byCell[comp.index][ownerIndex(o)], ob)
			}
		}
		for mi, sm := range c.ServiceModels {
			if ob.AppliesTo(comp.Cells[mi].Owner) {
				ob.ServiceModels = append(ob.ServiceModels, sm.ID)
			}
		}
	}
}

func (c *Catalog) buildType(rt *ResourceType, name string, d *ResourceTypeDoc) {
	*rt = ResourceType{Type: name, Basis: BasisType, ServiceModel: d.ServiceModel, Class: d.Class, Hybrid: d.Hybrid, Focus: d.Focus,
		Source: d.Source, Rationale: d.Rationale, ARMCondition: d.ARMTypeCondition, ARM: d.ARM, Replaces: d.Replaces}
	sc := c.classes[d.Class]
	if sc != nil && len(d.Without) == 0 {
		rt.Without, rt.without = sc.Without, sc.without
	} else if len(d.Without) > 0 {
		rt.without = map[string]bool{}
		if sc != nil {
			rt.Without = append(rt.Without, sc.Without...)
		}
		rt.Without = append(rt.Without, d.Without...)
		for _, id := range rt.Without {
			rt.without[id] = true
		}
	}
	if sc != nil && len(d.AppliesTo) == 0 {
		// Most types take their class as it is: they share its lists.
		rt.AppliesTo, rt.applies = sc.AppliesTo, sc.applies
	} else {
		var classComps []string
		if sc != nil {
			classComps = sc.AppliesTo
		}
		rt.applies = make([]bool, len(c.Components))
		rt.AppliesTo = c.inCatalogOrder(classComps, d.AppliesTo, rt.applies)
	}
	if len(d.Cells) > 0 {
		rt.Cells, rt.cells = c.buildCells(d.Cells)
		rt.cellReason = "The catalog entry of " + name + " sets this cell."
	}
	if len(d.Conditions) == 0 {
		return
	}
	rt.Conditions = make(map[string]*Condition, len(d.Conditions))
	rt.ConditionKeys = sortedKeys(d.Conditions)
	for _, key := range rt.ConditionKeys {
		cd := d.Conditions[key]
		cond := &Condition{Key: key, Description: cd.Description, Default: cd.Default, ReplacedBy: cd.ReplacedBy, Absent: cd.Absent, ARMProperty: cd.ARMProperty, Setting: cd.Setting,
			ConflictsWith: cd.ConflictsWith, Values: make(map[string]*Effect, len(cd.Values)), ValueKeys: sortedKeys(cd.Values)}
		effect := func(name string, ed EffectDoc) *Effect {
			eff := &Effect{Value: name, ServiceModel: ed.ServiceModel, Hybrid: ed.Hybrid, Reason: ed.Reason, Source: ed.Source,
				name: key + "=" + name, defaultName: key + "=" + name + " (default)"}
			eff.Cells, eff.cells = c.buildCells(ed.Cells)
			if name == cd.Default && cond.assumed == nil {
				cond.assumed = eff
			}
			return eff
		}
		for _, v := range cond.ValueKeys {
			cond.Values[v] = effect(v, cd.Values[v])
		}
		for i := range cd.Rules {
			r := &cd.Rules[i]
			cond.Rules = append(cond.Rules, &Rule{Prefix: r.Prefix, Present: r.Present, Boolean: r.Boolean, Effect: effect(r.Name(), r.EffectDoc)})
		}
		rt.Conditions[key] = cond
	}
	for _, key := range rt.ConditionKeys {
		if by := rt.Conditions[key].ReplacedBy; by != "" {
			rt.Conditions[by].Replaces = append(rt.Conditions[by].Replaces, key)
		}
	}
}

// buildCells builds the cells a resource type or a condition value sets, by
// component id and by component index. A cell that cites no source gets a
// copy per model that cites the matrix cell's source instead.
func (c *Catalog) buildCells(cells map[string]CellDoc) (map[string]Cell, []indexedCell) {
	if len(cells) == 0 {
		return nil, nil
	}
	out := make(map[string]Cell, len(cells))
	indexed := make([]indexedCell, 0, len(cells))
	for id, d := range cells {
		comp, cell := c.components[id], cellOf(d)
		out[id] = cell
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
	return out, indexed
}
