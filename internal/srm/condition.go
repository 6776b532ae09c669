// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import "strings"

// A condition is an attribute of the declared resource whose value changes
// the answer: its runtime form, and how a value (as a plan or a
// configuration gives it) matches its exact values and rules.

// Condition is an attribute whose values change the answer.
type Condition struct {
	Key         string
	Description string
	// Default names the value or rule assumed when the condition is not
	// given or its value matches nothing.
	Default string
	// Values are the exact values.
	Values map[string]*Effect
	// ValueKeys are the keys of Values, sorted.
	ValueKeys []string
	// Rules match the values that Values does not list, in order.
	Rules []*Rule
	// ReplacedBy is the key of the condition that replaces a deprecated one.
	ReplacedBy string
	// Absent is the value of the attribute in a plan whose provider version
	// predates it (see ConditionDoc.Absent); "" when not given.
	Absent string
	// ARMProperty is the path of the attribute in an ARM body (see
	// ConditionDoc.ARMProperty); "" when not given.
	ARMProperty string
	// Setting names the element of a list of settings that holds the
	// condition's value (see ConditionDoc.Setting), or is nil.
	Setting *SettingDoc
	// ConflictsWith are the conditions whose attributes the resource cannot
	// set together with this one (see ConditionDoc.ConflictsWith).
	ConflictsWith []string
	// Replaces are the deprecated conditions that this one replaces.
	Replaces []string
	// assumed is the effect of Default.
	assumed *Effect
}

// Rule matches condition values by rule (see RuleDoc).
type Rule struct {
	Prefix  string
	Present *bool
	Boolean *bool
	*Effect
}

// matches reports whether the rule matches value ("" is not set).
func (r *Rule) matches(value string) bool {
	switch {
	case r.Prefix != "":
		return strings.HasPrefix(value, r.Prefix)
	case r.Present != nil:
		return (value != "") == *r.Present
	case r.Boolean != nil:
		b, ok := parseBool(value)
		return ok && b == *r.Boolean
	}
	return false
}

// parseBool reads a boolean as Terraform writes one as a string.
func parseBool(v string) (bool, bool) {
	switch {
	case strings.EqualFold(v, "true"):
		return true, true
	case strings.EqualFold(v, "false"):
		return false, true
	}
	return false, false
}

// Match returns the effect of a value: the exact value, else the first rule
// that matches it, else nil.
func (c *Condition) Match(value string) *Effect {
	if e := c.Values[value]; e != nil {
		return e
	}
	for _, r := range c.Rules {
		if r.matches(value) {
			return r.Effect
		}
	}
	return nil
}

// Effects lists the exact values (sorted) and then the rules (in order).
func (c *Condition) Effects() []*Effect {
	out := make([]*Effect, 0, len(c.ValueKeys)+len(c.Rules))
	for _, v := range c.ValueKeys {
		out = append(out, c.Values[v])
	}
	for _, r := range c.Rules {
		out = append(out, r.Effect)
	}
	return out
}

// Names lists the names of the exact values and the rules, in match order.
func (c *Condition) Names() []string {
	effs := c.Effects()
	out := make([]string, len(effs))
	for i, e := range effs {
		out[i] = e.Value
	}
	return out
}

// Effect is what one condition value changes.
type Effect struct {
	// Value is the exact value or the rule's name ("custom-*", "(set)").
	Value        string
	ServiceModel string
	// Cells by component id.
	Cells  map[string]Cell
	Hybrid bool
	Reason string
	Source string
	// name and defaultName ("<key>=<value>", with " (default)" when the
	// value was assumed) name the effect in overrides; cells are Cells by
	// component index.
	name, defaultName string
	cells             []indexedCell
}

// displaced reports whether the condition does not apply to a resource
// with these conditions: it is not set (not given, or given empty) and a
// condition it conflicts with is set, so the resource cannot have it
// (ConditionDoc.ConflictsWith). Its default is then not assumed and its
// (not set) rule does not apply: the condition that is set answers alone.
func (c *Condition) displaced(conditions map[string]string) bool {
	if len(c.ConflictsWith) == 0 || conditions[c.Key] != "" {
		return false
	}
	for _, other := range c.ConflictsWith {
		if conditions[other] != "" {
			return true
		}
	}
	return false
}
