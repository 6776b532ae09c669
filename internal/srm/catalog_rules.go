// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
)

// The second stage of Compile: the rules a merged catalog must satisfy. Each
// rule is a small function that returns its problems located by the JSON
// path of the offending entry; a rule skips what another rule reports (a
// dangling reference is reported once, by the rule that owns the reference).

// rule is one check of a merged catalog.
type rule struct {
	name  string
	check func(*merged) Problems
}

// rules are run in this order; their problems are reported in it.
var rules = []rule{
	{"version", checkVersion},
	{"sources", checkSources},
	{"frameworks", checkFrameworks},
	{"service_models", checkModels},
	{"layers", checkLayers},
	{"components", checkComponents},
	{"obligations", checkObligations},
	{"obligation_coverage", checkCoverage},
	{"service_classes", checkClasses},
	{"resource_types", checkResourceTypes},
	{"applicability", checkApplicability},
	{"providers", checkProviders},
	{"services", checkServices},
	{"entry_arm", checkEntryARM},
	{"focus_not_provider", checkFocusNotProvider},
	{"object_kinds", checkObjectKinds},
	{"replaces", checkReplaces},
	{"conditions", checkConditions},
	{"conservative_default", checkConservativeDefault},
	{"one_model_moving_condition", checkModelMoves},
	{"invariants", checkInvariants},
}

// validate runs every rule.
func (m *merged) validate() Problems {
	var probs Problems
	for _, r := range rules {
		probs = append(probs, r.check(m)...)
	}
	return probs
}

var (
	idPattern       = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	sourceIDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	datePattern     = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
)

const idRule = "%q must be lowercase letters, digits and '_', starting with a letter"

func checkVersion(m *merged) Problems {
	if m.version == "" {
		return Problems{{"catalog", "$.catalog_version", "no document sets the catalog version"}}
	}
	return nil
}

func checkSources(m *merged) Problems {
	var probs Problems
	for i, id := range m.sources.ids {
		s, at := m.sources.items[i], m.sources.at[i]
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
	}
	return probs
}

func checkFrameworks(m *merged) Problems {
	var probs Problems
	for i, f := range m.frameworks.items {
		at := m.frameworks.at[i]
		if _, err := compilePattern(f.IDPattern); err != nil {
			probs = append(probs, at.problem("id_pattern", "%v", err))
		}
		probs = append(probs, m.checkSource(at, f.Source, true)...)
	}
	return probs
}

// compilePattern compiles a framework's control id pattern, anchored.
func compilePattern(p string) (*regexp.Regexp, error) {
	if p == "" {
		return nil, fmt.Errorf("must be a regular expression that every control id of the framework matches; it is empty")
	}
	re, err := regexp.Compile("^(?:" + p + ")$")
	if err != nil {
		return nil, fmt.Errorf("must be a regular expression: %v", err)
	}
	return re, nil
}

func checkModels(m *merged) Problems {
	var probs Problems
	for i, sm := range m.models.items {
		if !idPattern.MatchString(sm.ID) {
			probs = append(probs, m.models.at[i].problem("id", idRule, sm.ID))
		}
	}
	if len(m.models.items) == 0 {
		probs = append(probs, Problem{"catalog", "$.service_models", "no service model is defined"})
	}
	return probs
}

func checkLayers(m *merged) Problems {
	used := map[string]bool{}
	for _, c := range m.components.items {
		used[c.Layer] = true
	}
	var probs Problems
	for i, l := range m.layers.items {
		if !idPattern.MatchString(l.ID) {
			probs = append(probs, m.layers.at[i].problem("id", idRule, l.ID))
		}
		if !used[l.ID] {
			probs = append(probs, m.layers.at[i].problem("", "layer %q has no component", l.ID))
		}
	}
	return probs
}

func checkComponents(m *merged) Problems {
	var probs Problems
	for i, c := range m.components.items {
		at := m.components.at[i]
		if !idPattern.MatchString(c.ID) {
			probs = append(probs, at.problem("id", idRule, c.ID))
		}
		if m.layers.lookup(c.Layer) < 0 {
			probs = append(probs, at.problem("layer", "%s", unknownID{kind: "layer", id: c.Layer, defined: m.layers.ids}.problem()))
		}
		probs = append(probs, m.checkControls(at.sub("provider_controls"), c.ProviderControls)...)
		for _, model := range sortedKeys(c.Cells) {
			if m.models.lookup(model) < 0 {
				probs = append(probs, c.cellAt[model].problem("", "%s", unknownID{kind: "service model", id: model, defined: m.models.ids}.problem()))
			}
		}
		for mi, model := range m.models.ids {
			cd, ok := c.Cells[model]
			if ok {
				probs = append(probs, m.checkCell(c.cellAt[model], cd)...)
				continue
			}
			// Report where the fix goes: at the model when the model is
			// newer than the component (a custom model), else at the
			// component.
			where := at.problem("cells", "no cell for service model %q: every component needs one cell per model", model)
			if modelAt := m.models.at[mi]; modelAt.doc != at.doc {
				where = modelAt.problem("", "component %q has no cell for service model %q: every component needs one cell per model; add {\"id\": %q, \"cells\": {%q: {...}}} to components",
					c.ID, model, c.ID, model)
			}
			probs = append(probs, where)
		}
	}
	return probs
}

func checkObligations(m *merged) Problems {
	var probs Problems
	for i, o := range m.obligations.items {
		at := m.obligations.at[i]
		if m.components.lookup(o.Component) < 0 {
			probs = append(probs, at.problem("component", "%s", unknownID{kind: "component", id: o.Component, defined: m.components.ids}.problem()))
			continue
		}
		if name, ok := strings.CutPrefix(o.ID, o.Component+"."); !ok || !idPattern.MatchString(name) {
			probs = append(probs, at.problem("id", "%q must be \"%s.<snake_case_name>\"", o.ID, o.Component))
		}
		if o.Title == "" {
			probs = append(probs, at.problem("title", "must not be empty"))
		}
		if when := Owner(o.When); when != "" && when != OwnerCustomer && when != OwnerShared {
			probs = append(probs, at.problem("when", "must be \"customer\", \"shared\" or empty, got %q", o.When))
		}
		probs = append(probs, m.checkControls(at.sub("controls"), o.Controls)...)
		probs = append(probs, m.checkSource(at, o.Source, false)...)
	}
	return probs
}

// checkCoverage: every matrix cell the customer owns or shares has at least
// one obligation.
func checkCoverage(m *merged) Problems {
	covered := map[string]*[3]bool{}
	for _, o := range m.obligations.items {
		if covered[o.Component] == nil {
			covered[o.Component] = &[3]bool{}
		}
		for _, owner := range Owners {
			if appliesTo(Owner(o.When), owner) {
				covered[o.Component][ownerIndex(owner)] = true
			}
		}
	}
	var probs Problems
	for _, c := range m.components.items {
		for _, model := range m.models.ids {
			cd, ok := c.Cells[model]
			if o := Owner(cd.Owner); !ok || (o != OwnerCustomer && o != OwnerShared) || covered[c.ID] != nil && covered[c.ID][ownerIndex(o)] {
				continue
			}
			probs = append(probs, c.cellAt[model].problem("owner",
				"%s is %s under %s but no obligation applies to it: add an obligation for component %q", c.ID, cd.Owner, model, c.ID))
		}
	}
	return probs
}

func checkResourceTypes(m *merged) Problems {
	var probs Problems
	for i, name := range m.types.ids {
		rt, at := m.types.items[i], m.types.at[i]
		if !isTypeName(name) {
			probs = append(probs, at.problem("", "%q is not a Terraform resource type name (<provider>_<name>, lowercase)", name))
		}
		probs = append(probs, m.checkEntry(at, rt.ServiceModel, rt.Focus, rt.Source)...)
		probs = append(probs, m.checkCells(at, "cells", rt.Cells)...)
		probs = append(probs, m.checkWithout(at, rt.Without)...)
	}
	return probs
}

// checkWithout checks the obligation ids of an entry's without.
func (m *merged) checkWithout(at origin, ids []string) Problems {
	var probs Problems
	for j, id := range ids {
		if m.obligations.lookup(id) < 0 {
			probs = append(probs, at.problem(fmt.Sprintf("without[%d]", j), "%s", unknownID{kind: "obligation", id: id, defined: m.obligations.ids}.problem()))
		}
	}
	return probs
}

// checkEntry checks what a type and a provider rule share: a defined
// model, defined focus components and a source.
func (m *merged) checkEntry(at origin, model string, focus []string, source string) Problems {
	probs := m.checkModelRef(at, "service_model", model)
	for fi, f := range focus {
		if m.components.lookup(f) < 0 {
			probs = append(probs, at.problem(fmt.Sprintf("focus[%d]", fi), "%s", unknownID{kind: "component", id: f, defined: m.components.ids}.problem()))
		}
	}
	return append(probs, m.checkSource(at, source, true)...)
}

// checkClasses: each class has a well-formed id, a name, a description and at
// least one component, every one of them defined.
func checkClasses(m *merged) Problems {
	var probs Problems
	for i, sc := range m.classes.items {
		at := m.classes.at[i]
		if !idPattern.MatchString(sc.ID) {
			probs = append(probs, at.problem("id", idRule, sc.ID))
		}
		if sc.Name == "" {
			probs = append(probs, at.problem("name", "must not be empty"))
		}
		if sc.Description == "" {
			probs = append(probs, at.problem("description", "must not be empty"))
		}
		if len(sc.AppliesTo) == 0 {
			probs = append(probs, at.problem("applies_to", "a service class must embody at least one component"))
		}
		probs = append(probs, m.checkComponentList(at, "applies_to", sc.AppliesTo)...)
		probs = append(probs, m.checkWithout(at, sc.Without)...)
		probs = append(probs, m.checkClassCells(at, sc)...)
	}
	return probs
}

// checkClassCells: a class's cells name defined components the class does
// not embody (a cell on an embodied component could hide its obligations)
// and defined models, and each is a valid cell.
func (m *merged) checkClassCells(at origin, sc ServiceClassDoc) Problems {
	var probs Problems
	for _, id := range sortedKeys(sc.Cells) {
		cat := at.sub("cells").sub(id)
		switch {
		case m.components.lookup(id) < 0:
			probs = append(probs, cat.problem("", "%s", unknownID{kind: "component", id: id, defined: m.components.ids}.problem()))
			continue
		case slices.Contains(sc.AppliesTo, id):
			probs = append(probs, cat.problem("", "the class embodies %s: a class cell may only set the owner of a component the class does not embody, since it would otherwise decide the obligations its resources carry", id))
			continue
		}
		for _, model := range sortedKeys(sc.Cells[id]) {
			if m.models.lookup(model) < 0 {
				probs = append(probs, cat.problem(model, "%s", unknownID{kind: "service model", id: model, defined: m.models.ids}.problem()))
				continue
			}
			probs = append(probs, m.checkCell(cat.sub(model), sc.Cells[id][model])...)
		}
	}
	return probs
}

// checkApplicability: every resource type names a class or applies_to (or
// both), the class and the components exist, and the components the type
// focuses on are applicable.
func checkApplicability(m *merged) Problems {
	var probs Problems
	for i, rt := range m.types.items {
		probs = append(probs, m.checkApplies(m.types.at[i], "a resource type", "the type", rt.Class, rt.AppliesTo, rt.Focus)...)
	}
	return probs
}

// checkApplies checks the class, applies_to and focus of a type or a
// provider rule (what, or the in a focus problem).
func (m *merged) checkApplies(at origin, what, the, class string, appliesTo, focus []string) Problems {
	var probs Problems
	ci := -1
	if class != "" {
		if ci = m.classes.lookup(class); ci < 0 {
			return append(probs, at.problem("class", "%s", unknownID{kind: "service class", id: class, defined: m.classes.ids}.problem()))
		}
	} else if len(appliesTo) == 0 {
		return append(probs, at.problem("class", "%s needs a class or applies_to: the components it embodies decide which customer obligations apply (service classes: %s)", what, strings.Join(m.classes.ids, ", ")))
	}
	probs = append(probs, m.checkComponentList(at, "applies_to", appliesTo)...)
	var classComps []string
	if ci >= 0 {
		classComps = m.classes.items[ci].AppliesTo
	}
	for fi, f := range focus {
		if m.components.lookup(f) >= 0 && !slices.Contains(classComps, f) && !slices.Contains(appliesTo, f) {
			probs = append(probs, at.problem(fmt.Sprintf("focus[%d]", fi), "component %q is a focus of %s but does not apply to it: add it to applies_to or choose a class that embodies it", f, the))
		}
	}
	return probs
}

// checkProviders: a provider rule is keyed by a provider name (lowercase
// letters and digits, no '_': the part of a type name before its first
// '_'), names a defined model and a class or applies_to, cites a source and
// says why (a rule answers for types nobody listed, so it must explain
// itself). Its focus components exist and apply.
func checkProviders(m *merged) Problems {
	var probs Problems
	for i, name := range m.providers.ids {
		pr, at := m.providers.items[i], m.providers.at[i]
		if !isProviderName(name) {
			probs = append(probs, at.problem("", "%q is not a Terraform provider name (lowercase letters and digits, the part of its resource types before the first '_')", name))
		}
		probs = append(probs, m.checkClassification(at, "provider rule", pr.Classification, "say what the provider's resources do and carry")...)
	}
	return probs
}

// checkClassification checks what a provider rule or a service answers: a
// defined model, a class or applies_to whose components exist and cover the
// focus, a source, and a rationale: it answers for types nobody listed, so
// it must explain itself (why names what the rationale should say).
func (m *merged) checkClassification(at origin, kind string, c Classification, why string) Problems {
	probs := m.checkEntry(at, c.ServiceModel, c.Focus, c.Source)
	probs = append(probs, m.checkApplies(at, "a "+kind, "the "+kind, c.Class, c.AppliesTo, c.Focus)...)
	probs = append(probs, m.checkCells(at, "cells", c.Cells)...)
	probs = append(probs, m.checkWithout(at, c.Without)...)
	if strings.TrimSpace(c.Rationale) == "" {
		probs = append(probs, at.problem("rationale", "must not be empty: %s", why))
	}
	return probs
}

func isProviderName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

// checkComponentList checks a list of component ids in field of an entry:
// each defined, none twice.
func (m *merged) checkComponentList(at origin, field string, ids []string) Problems {
	var probs Problems
	for i, id := range ids {
		switch {
		case m.components.lookup(id) < 0:
			probs = append(probs, at.problem(fmt.Sprintf("%s[%d]", field, i), "%s", unknownID{kind: "component", id: id, defined: m.components.ids}.problem()))
		case slices.Index(ids, id) < i:
			probs = append(probs, at.problem(fmt.Sprintf("%s[%d]", field, i), "component %q is listed twice", id))
		}
	}
	return probs
}

func checkConditions(m *merged) Problems {
	var probs Problems
	for i, rt := range m.types.items {
		for _, key := range sortedKeys(rt.Conditions) {
			cd, at := rt.Conditions[key], m.types.at[i].sub("conditions."+key)
			effs := cd.effects()
			names := make([]string, len(effs))
			for j, e := range effs {
				names[j] = e.name
			}
			if len(effs) == 0 {
				probs = append(probs, at.problem("values", "a condition needs at least one value or rule"))
			}
			if !slices.Contains(names, cd.Default) {
				probs = append(probs, at.problem("default", "%q is not one of the values or rules (%s)", cd.Default, strings.Join(names, ", ")))
			}
			for j := range cd.Rules {
				probs = append(probs, checkRule(at.sub(fmt.Sprintf("rules[%d]", j)), &cd.Rules[j], cd, names[:len(cd.Values)+j])...)
			}
			if st := cd.Setting; st != nil && (st.List == "" || st.Value == "" || len(st.Match) == 0) {
				probs = append(probs, at.problem("setting", "a setting needs list, match and value"))
			}
			if cd.Absent != "" && !cd.matchesDoc(cd.Absent) {
				probs = append(probs, at.problem("absent", "%q matches none of the values and rules (%s)", cd.Absent, strings.Join(names, ", ")))
			}
			if by := cd.ReplacedBy; by != "" {
				switch nb, ok := rt.Conditions[by]; {
				case !ok:
					probs = append(probs, at.problem("replaced_by", "%s", unknownID{kind: "condition", of: m.types.ids[i], id: by, defined: sortedKeys(rt.Conditions)}.problem()))
				case nb.ReplacedBy != "":
					probs = append(probs, at.problem("replaced_by", "%q is deprecated itself (replaced by %q): name the condition that replaces both", by, nb.ReplacedBy))
				}
			}
			probs = append(probs, checkConflicts(at, m.types.ids[i], key, rt.Conditions)...)
			for _, e := range effs {
				vat := at.sub(e.at)
				if e.ServiceModel != "" {
					probs = append(probs, m.checkModelRef(vat, "service_model", e.ServiceModel)...)
				}
				probs = append(probs, m.checkSource(vat, e.Source, false)...)
				probs = append(probs, m.checkCells(vat, "cells", e.Cells)...)
			}
		}
	}
	return probs
}

// checkConflicts checks a condition's conflicts_with: each names another
// condition of the type that is not deprecated and names this one back (the
// provider's ConflictsWith is mutual, and a one-sided conflict would let the
// order of the keys decide which attribute answers).
func checkConflicts(at origin, typeName, key string, conds map[string]ConditionDoc) Problems {
	var probs Problems
	for j, other := range conds[key].ConflictsWith {
		oat := at.sub(fmt.Sprintf("conflicts_with[%d]", j))
		oc, ok := conds[other]
		switch {
		case other == key:
			probs = append(probs, oat.problem("", "a condition cannot conflict with itself"))
		case !ok:
			probs = append(probs, oat.problem("", "%s", unknownID{kind: "condition", of: typeName, id: other, defined: sortedKeys(conds)}.problem()))
		case oc.ReplacedBy != "":
			probs = append(probs, oat.problem("", "%q is deprecated (replaced by %q): name the condition that replaces it", other, oc.ReplacedBy))
		case !slices.Contains(oc.ConflictsWith, key):
			probs = append(probs, oat.problem("", "%q does not name %q in its conflicts_with: a conflict is mutual", other, key))
		}
	}
	return probs
}

// checkRule checks that a rule sets exactly one way of matching, and that
// no earlier value or rule has its name (the name would not say which one
// applied).
func checkRule(at origin, r *RuleDoc, cd ConditionDoc, earlier []string) Problems {
	n := 0
	if r.Prefix != "" {
		n++
	}
	if r.Present != nil {
		n++
	}
	if r.Boolean != nil {
		n++
	}
	switch {
	case n != 1:
		return Problems{at.problem("", "a rule sets exactly one of prefix, present and boolean, got %d", n)}
	case slices.Contains(earlier, r.Name()):
		return Problems{at.problem("", "rule %q repeats a value or an earlier rule of the condition", r.Name())}
	case r.Boolean != nil && len(cd.Values) > 0:
		return Problems{at.problem("boolean", "a boolean condition matches by rules only: move the exact values %s to boolean rules", strings.Join(sortedKeys(cd.Values), ", "))}
	}
	return nil
}

// checkConservativeDefault: the default of a condition (what a resource
// that does not give it, or gives a value that matches nothing, resolves to)
// leaves at least as much to the customer, on every component, as every
// other value and rule of the condition, under the type's model and with
// the type's own cells. A default that hides an obligation the resource may
// carry is the error the audit found (a forgotten package_type reported the
// OS of a container-image Lambda as AWS's). One exception: the site
// components (physical_*, virtualization) that a hybrid value moves are not
// compared, because hardware on the customer's site is never assumed (every
// cloud resource would then carry the facility's obligations), and the
// default itself is never hybrid; the assumption of such a condition still
// says that the site was not given.
func checkConservativeDefault(m *merged) Problems {
	var probs Problems
	for i, rt := range m.types.items {
		mi := m.models.lookup(rt.ServiceModel)
		if mi < 0 {
			continue
		}
		owner := func(component string, eff EffectDoc) Owner {
			if cd, ok := eff.Cells[component]; ok {
				return Owner(cd.Owner)
			}
			if cd, ok := rt.Cells[component]; ok {
				return Owner(cd.Owner)
			}
			return Owner(m.components.items[m.components.lookup(component)].Cells[rt.ServiceModel].Owner)
		}
		for _, key := range sortedKeys(rt.Conditions) {
			cd := rt.Conditions[key]
			effs := cd.effects()
			def := slices.IndexFunc(effs, func(e namedEffect) bool { return e.name == cd.Default })
			if def < 0 || effs[def].ServiceModel != "" {
				continue // reported by checkConditions; a model move is compared under its own model
			}
			if effs[def].Hybrid {
				probs = append(probs, m.types.at[i].sub("conditions."+key).problem("default",
					"%q is hybrid: hardware on the customer's site is never assumed; make a value that is not hybrid the default", cd.Default))
				continue
			}
		next:
			for _, e := range effs {
				if e.ServiceModel != "" {
					continue
				}
				for _, comp := range sortedKeys(e.Cells) {
					if m.components.lookup(comp) < 0 || (e.Hybrid && IsSiteComponent(comp)) {
						continue
					}
					if d, o := owner(comp, effs[def].EffectDoc), owner(comp, e.EffectDoc); ownerWeight(o) > ownerWeight(d) {
						probs = append(probs, m.types.at[i].sub("conditions."+key).problem("default",
							"%q is not the value that leaves the most to the customer: %q makes %s %s where %q makes it %s", cd.Default, e.name, comp, o, cd.Default, d))
						break next
					}
				}
			}
		}
	}
	return probs
}

// checkModelMoves: at most one condition of a type sets service_model. With
// two, the model a resource resolves to would depend on the order in which
// the conditions are applied, which no catalog author can see.
func checkModelMoves(m *merged) Problems {
	var probs Problems
	for i, rt := range m.types.items {
		movers := modelMovers(rt)
		for _, key := range movers[min(1, len(movers)):] {
			probs = append(probs, m.types.at[i].problem("conditions."+key,
				"condition %q sets service_model, and so does condition %q: at most one condition of a resource type may move it to another service model", key, movers[0]))
		}
	}
	return probs
}

// modelMovers lists, sorted, the conditions of a type of which a value sets
// service_model.
func modelMovers(rt ResourceTypeDoc) []string {
	var out []string
	for _, key := range sortedKeys(rt.Conditions) {
		cd := rt.Conditions[key]
		for _, ed := range cd.effects() {
			if ed.ServiceModel != "" {
				out = append(out, key)
				break
			}
		}
	}
	return out
}

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

// checkCell checks the shape of one cell and its citation.
func (m *merged) checkCell(at origin, cd CellDoc) Problems {
	var probs Problems
	switch o := Owner(cd.Owner); o {
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
	return append(probs, m.checkSource(at, cd.Source, false)...)
}

// checkCells checks the cells a resource type or a condition value sets, by
// component id, in field of the entry.
func (m *merged) checkCells(at origin, field string, cells map[string]CellDoc) Problems {
	if len(cells) == 0 {
		return nil
	}
	at = at.sub(field)
	var probs Problems
	for _, id := range sortedKeys(cells) {
		if m.components.lookup(id) < 0 {
			probs = append(probs, at.problem(id, "%s", unknownID{kind: "component", id: id, defined: m.components.ids}.problem()))
			continue
		}
		probs = append(probs, m.checkCell(at.sub(id), cells[id])...)
	}
	return probs
}

// checkSource checks the source id that an entry cites in its field
// "source".
func (m *merged) checkSource(at origin, id string, required bool) Problems {
	switch {
	case id == "" && required:
		return Problems{at.problem("source", "a source is required: the id of an entry of sources")}
	case id != "" && m.sources.lookup(id) < 0:
		return Problems{at.problem("source", "%s", unknownID{kind: "source", id: id, defined: m.sources.ids}.problem())}
	}
	return nil
}

// checkModelRef checks the service model id that field of an entry names.
func (m *merged) checkModelRef(at origin, field, id string) Problems {
	if m.models.lookup(id) < 0 {
		return Problems{at.problem(field, "%s", unknownID{kind: "service model", id: id, defined: m.models.ids}.problem())}
	}
	return nil
}

// checkControls checks control ids by framework against the frameworks'
// patterns.
func (m *merged) checkControls(at origin, controls map[string][]string) Problems {
	var probs Problems
	for _, fw := range sortedKeys(controls) {
		fi := m.frameworks.lookup(fw)
		if fi < 0 {
			probs = append(probs, at.problem(fw, "%s", unknownID{kind: "framework", id: fw, defined: m.frameworks.ids}.problem()))
			continue
		}
		f, re := m.frameworks.items[fi], m.pattern(fw)
		if re == nil {
			continue // reported by checkFrameworks
		}
		for i, id := range controls[fw] {
			if !re.MatchString(id) {
				probs = append(probs, at.problem(fmt.Sprintf("%s[%d]", fw, i), "%q is not a well-formed %s control id", id, f.Name))
			}
		}
	}
	return probs
}

// checkInvariants: no matrix cell, and no cell that a resource type or a
// condition sets, breaks an invariant under any service model it can apply
// under. A type's own cells, and those of its conditions, apply under every
// model the type can resolve to (its own, or the one a condition value moves
// it to); the cells of a model-moving condition's value apply under the model
// that value selects.
func checkInvariants(m *merged) Problems {
	ic := newInvariantCheck(m)
	var probs Problems
	for _, c := range m.components.items {
		for _, model := range m.models.ids {
			if cd, ok := c.Cells[model]; ok {
				if inv := ic.broken(c.ID, Owner(cd.Owner), model, false); inv != nil {
					probs = append(probs, c.cellAt[model].problem("owner", "%s %s may not be %s: %s", c.ID, model, cd.Owner, inv.Rule))
				}
			}
		}
	}
	// A class's cells hold for every type of the class, hybrid or not.
	for i, sc := range m.classes.items {
		for _, id := range sortedKeys(sc.Cells) {
			for _, model := range sortedKeys(sc.Cells[id]) {
				o := Owner(sc.Cells[id][model].Owner)
				if inv := ic.broken(id, o, model, false); inv != nil {
					probs = append(probs, m.classes.at[i].sub("cells").sub(id).problem(model, "%s may not be %s under %s: %s", id, o, model, inv.Rule))
				}
			}
		}
	}
	for i, id := range m.services.ids {
		s := m.services.items[i]
		probs = append(probs, ic.checkCells(m.services.at[i].sub("cells"), s.Cells, []string{s.ServiceModel}, id, s.ServiceModel, s.Hybrid)...)
	}
	for i, id := range m.providers.ids {
		pr := m.providers.items[i]
		probs = append(probs, ic.checkCells(m.providers.at[i].sub("cells"), pr.Cells, []string{pr.ServiceModel}, id, pr.ServiceModel, pr.Hybrid)...)
	}
	for i, name := range m.types.ids {
		rt, at := m.types.items[i], m.types.at[i]
		movers := modelMovers(rt)
		reach := reachableModels(rt.ServiceModel, moves(rt, movers))
		if len(rt.Cells) > 0 {
			probs = append(probs, ic.checkCells(at.sub("cells"), rt.Cells, reach, name, rt.ServiceModel, rt.Hybrid)...)
		}
		for _, key := range sortedKeys(rt.Conditions) {
			cd := rt.Conditions[key]
			for _, ed := range cd.effects() {
				models := reach
				if len(movers) > 0 && key == movers[0] {
					models = reachableModels(rt.ServiceModel, []string{ed.ServiceModel})
				}
				probs = append(probs, ic.checkCells(at.sub("conditions."+key+"."+ed.at+".cells"), ed.Cells, models, name, rt.ServiceModel, rt.Hybrid || ed.Hybrid)...)
			}
		}
	}
	return probs
}

// moves lists the models the values of a type's model-moving condition
// select ("" for the type's own), or nothing when no condition moves it.
func moves(rt ResourceTypeDoc, movers []string) []string {
	if len(movers) == 0 {
		return nil
	}
	cd := rt.Conditions[movers[0]]
	effs := cd.effects()
	out := make([]string, 0, len(effs))
	for _, e := range effs {
		out = append(out, e.ServiceModel)
	}
	return out
}

// reachableModels lists, without repeats, the models a resource type of
// model base resolves to when the values of its model-moving condition
// select moved ("" selects base): base first if it is reachable, then the
// others in the order given; base alone when nothing moves it.
func reachableModels(base string, moved []string) []string {
	if len(moved) == 0 || slices.Contains(moved, "") || slices.Contains(moved, base) {
		moved = append([]string{base}, moved...)
	}
	var out []string
	for _, id := range moved {
		if id != "" && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

// invariantCheck checks owners against the invariants; models and components
// stand in for the runtime ones the invariants read.
type invariantCheck struct {
	models     map[string]*ServiceModel
	components map[string]*Component
}

func newInvariantCheck(m *merged) *invariantCheck {
	ic := &invariantCheck{models: map[string]*ServiceModel{}, components: map[string]*Component{}}
	for _, sm := range m.models.items {
		ic.models[sm.ID] = &ServiceModel{ID: sm.ID, Cloud: sm.Cloud}
	}
	for _, c := range m.components.items {
		ic.components[c.ID] = &Component{ID: c.ID, Layer: c.Layer}
	}
	return ic
}

// broken returns the invariant that owner o of a component breaks under a
// model, for a hybrid resource or not, or nil; unknown ids and owners are
// reported by other rules.
func (ic *invariantCheck) broken(component string, o Owner, model string, hybrid bool) *Invariant {
	m, c := ic.models[model], ic.components[component]
	if m == nil || c == nil || !validOwner(o) {
		return nil
	}
	return CheckInvariants(m, hybrid, c, o)
}

// checkCells checks the cells of a resource type or a condition value
// under each of models, reporting each cell once.
func (ic *invariantCheck) checkCells(at origin, cells map[string]CellDoc, models []string, typeName, base string, hybrid bool) Problems {
	if len(cells) == 0 {
		return nil
	}
	var probs Problems
	for _, id := range sortedKeys(cells) {
		o := Owner(cells[id].Owner)
		for _, model := range models {
			inv := ic.broken(id, o, model, hybrid)
			switch {
			case inv == nil:
				continue
			case model == base:
				probs = append(probs, at.sub(id).problem("owner", "%s may not be %s under %s: %s", id, o, model, inv.Rule))
			default:
				probs = append(probs, at.sub(id).problem("owner", "%s may not be %s under %s, which a condition of %s moves it to: %s", id, o, model, typeName, inv.Rule))
			}
			break
		}
	}
	return probs
}

// pattern returns the compiled id pattern of a framework, or nil if it does
// not compile.
func (m *merged) pattern(fw string) *regexp.Regexp {
	if re, ok := m.patterns[fw]; ok {
		return re
	}
	if m.patterns == nil {
		m.patterns = map[string]*regexp.Regexp{}
	}
	f, _ := m.frameworks.get(fw)
	re, _ := compilePattern(f.IDPattern)
	m.patterns[fw] = re
	return re
}

// checkEntryARM: an entry's arm lists ARM resource types (namespace and
// type: Microsoft.App/containerApps), each belonging to one entry; an
// entry that resolves through an ARM type (arm_type_condition) lists none;
// a condition's arm_property needs an entry with arm types.
func checkEntryARM(m *merged) Problems {
	var probs Problems
	owner := map[string]string{}
	for i, name := range m.types.ids {
		rt, at := m.types.items[i], m.types.at[i]
		for j, a := range rt.ARM {
			field := fmt.Sprintf("arm[%d]", j)
			switch {
			case !armPattern.MatchString(a) || !strings.Contains(a, "/"):
				probs = append(probs, at.problem(field, "%q is not an ARM resource type (Microsoft.App/containerApps)", a))
			case rt.ARMTypeCondition != "":
				probs = append(probs, at.problem(field, "a type that resolves through an ARM type (arm_type_condition) is no ARM resource type itself"))
			case owner[strings.ToLower(a)] != "":
				probs = append(probs, at.problem(field, "ARM type %q is listed by %q too: an ARM type belongs to one entry", a, owner[strings.ToLower(a)]))
			default:
				owner[strings.ToLower(a)] = name
			}
		}
		for _, key := range sortedKeys(rt.Conditions) {
			if rt.Conditions[key].ARMProperty != "" && len(rt.ARM) == 0 {
				probs = append(probs, at.sub("conditions."+key).problem("arm_property", "the entry lists no arm types: no azapi resource reads this property"))
			}
		}
	}
	return probs
}

// checkFocusNotProvider: the components a resource directly configures
// (focus) are never wholly the provider's. A type, service or provider
// rule whose focus names a component that its cells and model's matrix
// column give to the provider would hide the customer's part of what the
// resource configures (the rules of a DNS firewall, the actions of a
// workflow): give the component a shared or customer cell. A type's
// conditions may move it on top.
func checkFocusNotProvider(m *merged) Problems {
	var probs Problems
	check := func(at origin, model string, focus []string, cells map[string]CellDoc) {
		for j, f := range focus {
			owner := Owner("")
			if cd, ok := cells[f]; ok {
				owner = Owner(cd.Owner)
			} else if ci := m.components.lookup(f); ci >= 0 {
				owner = Owner(m.components.items[ci].Cells[model].Owner)
			}
			if owner == OwnerProvider {
				probs = append(probs, at.problem(fmt.Sprintf("focus[%d]", j), "%s is in focus but %s answers it provider: the resource configures it, so give it a shared or customer cell", f, model))
			}
		}
	}
	for i := range m.types.ids {
		rt := m.types.items[i]
		check(m.types.at[i], rt.ServiceModel, rt.Focus, rt.Cells)
	}
	for i := range m.services.ids {
		s := m.services.items[i]
		check(m.services.at[i], s.ServiceModel, s.Focus, s.Cells)
	}
	for i := range m.providers.ids {
		pr := m.providers.items[i]
		check(m.providers.at[i], pr.ServiceModel, pr.Focus, pr.Cells)
	}
	return probs
}

// Kinds of object a type's name marks (issue 24): the obligations of a
// resource are those a reviewer could check on it.
var (
	// accessSuffixes mark attachments, bindings, members, assignments and
	// locks: access objects that hold no credentials.
	accessSuffixes = []string{"_policy_attachment", "_iam_member", "_iam_binding", "_iam_policy", "_role_assignment",
		"_role_binding", "_role_binding_v1", "_management_lock"}
	// settingSuffixes mark configuration objects of a parent: settings,
	// configurations, add-ons, attachments and associations.
	settingSuffixes = []string{"_configuration", "_config", "_settings", "_addon", "_attachment", "_association",
		"_capacity_providers", "_membership", "_trigger", "_run_command", "_public_access_block", "_ownership_controls",
		"_versioning", "_acl", "_policy"}
	credentialObligations = []string{"accounts_and_access.enforce_mfa", "accounts_and_access.rotate_credentials"}
	dataStoreObligations  = []string{"data_protection.encrypt_at_rest", "data_protection.back_up_data", "data_protection.manage_keys",
		"data_classification.classify_data"}
	settingHostComponents = []string{"operating_system", "runtime", "middleware"}
)

// checkObjectKinds: configuration objects of a parent (named *_configuration,
// *_attachment, *_policy, ...) carry only the components they configure: no
// host component (operating system, runtime, middleware) unless the entry
// focuses on it, and no data-store obligations unless it focuses on data
// protection; access objects (attachments, bindings, members, assignments,
// locks) carry no multi-factor authentication or credential rotation; a
// traffic endpoint (class traffic_endpoint) carries no data-store
// obligations. Entries and the types a service or part lists by name are
// checked; TestObjectKindsOfRealTypes checks the types services reach by
// prefix.
func checkObjectKinds(m *merged) Problems {
	var probs Problems
	for i, name := range m.types.ids {
		rt := m.types.items[i]
		for _, p := range m.objectKindProblems(name, rt.Class, rt.AppliesTo, rt.Focus, rt.Without) {
			probs = append(probs, m.types.at[i].problem("class", "%s", p))
		}
	}
	for i := range m.services.ids {
		s := m.services.items[i]
		for _, t := range s.Types {
			for _, p := range m.objectKindProblems(t, s.Class, s.AppliesTo, s.Focus, s.Without) {
				probs = append(probs, m.services.at[i].problem("class", "%s (type %s)", p, t))
			}
		}
	}
	return probs
}

// objectKindProblems returns what a type of the name, class, applies_to,
// focus and without would carry that its kind of object may not.
func (m *merged) objectKindProblems(name, class string, appliesTo, focus, without []string) []string {
	carried := m.carries(class, appliesTo, without)
	var out []string
	if hasSuffix(name, accessSuffixes) {
		for _, o := range credentialObligations {
			if carried[o] {
				out = append(out, fmt.Sprintf("an access object (%s) carries %s: it holds no credentials; use class access_policy or leave the obligation out (without)", name, o))
			}
		}
	}
	if hasSuffix(name, settingSuffixes) && !hasSuffix(name, accessSuffixes) {
		for _, c := range settingHostComponents {
			if m.embodies(class, appliesTo, c) && !slices.Contains(focus, c) {
				out = append(out, fmt.Sprintf("a setting of its parent (%s) embodies %s, which it does not configure (focus): give it the class of what it configures (configuration_object, network_object, access_policy)", name, c))
			}
		}
	}
	if class == "traffic_endpoint" || hasSuffix(name, settingSuffixes) && !slices.Contains(focus, "data_protection") {
		for _, o := range dataStoreObligations {
			if carried[o] && !slices.Contains(focus, m.componentOf(o)) {
				out = append(out, fmt.Sprintf("%s carries the data-store obligation %s: a traffic endpoint or a setting of its parent stores no data", name, o))
			}
		}
	}
	return out
}

// carries returns the obligations a type of the class, applies_to and
// without carries when its components are the customer's: those of every
// component it embodies, less its class's and its own without.
func (m *merged) carries(class string, appliesTo, without []string) map[string]bool {
	out := map[string]bool{}
	var left []string
	if ci := m.classes.lookup(class); ci >= 0 {
		left = m.classes.items[ci].Without
	}
	for _, o := range m.obligations.items {
		if m.embodies(class, appliesTo, o.Component) && !slices.Contains(left, o.ID) && !slices.Contains(without, o.ID) {
			out[o.ID] = true
		}
	}
	return out
}

// embodies reports whether a type of the class and applies_to embodies a
// component.
func (m *merged) embodies(class string, appliesTo []string, component string) bool {
	if slices.Contains(appliesTo, component) {
		return true
	}
	ci := m.classes.lookup(class)
	return ci >= 0 && slices.Contains(m.classes.items[ci].AppliesTo, component)
}

// componentOf returns the component of an obligation.
func (m *merged) componentOf(id string) string {
	if oi := m.obligations.lookup(id); oi >= 0 {
		return m.obligations.items[oi].Component
	}
	return ""
}

func hasSuffix(name string, suffixes []string) bool {
	for _, s := range suffixes {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}

// checkReplaces: the earlier names an entry replaces are type names of the
// same provider, no entry themselves, each replaced by one entry.
func checkReplaces(m *merged) Problems {
	var probs Problems
	by := map[string]string{}
	for i, name := range m.types.ids {
		provider, _, _ := strings.Cut(name, "_")
		for j, old := range m.types.items[i].Replaces {
			field := fmt.Sprintf("replaces[%d]", j)
			switch p, _, _ := strings.Cut(old, "_"); {
			case !isTypeName(old) || p != provider:
				probs = append(probs, m.types.at[i].problem(field, "%q is not a type name of provider %s", old, provider))
			case m.types.lookup(old) >= 0:
				probs = append(probs, m.types.at[i].problem(field, "%q has an entry of its own: it answers for itself", old))
			case by[old] != "":
				probs = append(probs, m.types.at[i].problem(field, "%q is replaced by %q too: a name has one successor", old, by[old]))
			default:
				by[old] = name
			}
		}
	}
	return probs
}
