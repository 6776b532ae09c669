// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

// Package srm is the domain of the shared responsibility model: the catalog
// (service models, layers, components, the ownership matrix, obligations,
// Terraform resource types), its invariants and the resolution of one declared
// resource into owners and obligations. It imports nothing from Terraform.
package srm

import "fmt"

// Document is the on-disk form of a catalog. The built-in catalog is the merge
// of the documents under data/ (compiled into the provider, see builtin.go),
// and an organisation's custom catalog (provider argument "catalog") is one
// more Document merged on top by the same rule (see Compile). Every field is
// optional in a Document; the merged result is validated as a whole.
type Document struct {
	// CatalogVersion names the version of the catalog. The built-in documents
	// carry it once; a custom catalog may set its own, which is appended to the
	// built-in one ("<built-in>+<custom>").
	CatalogVersion string `json:"catalog_version,omitempty"`

	// Sources are the citations that cells, obligations and resource types
	// refer to by id.
	Sources map[string]SourceDoc `json:"sources,omitempty"`

	// Frameworks are the compliance frameworks whose control ids obligations
	// and components cite (e.g. nist_800_53_r5).
	Frameworks map[string]FrameworkDoc `json:"frameworks,omitempty"`

	// ServiceModels are the columns of the matrix, in display order.
	ServiceModels []ServiceModelDoc `json:"service_models,omitempty"`

	// Layers are the layers of the model (five in the built-in catalog), in
	// display order.
	Layers []LayerDoc `json:"layers,omitempty"`

	// Components are the rows of the matrix, in display order, each with one
	// cell per service model.
	Components []ComponentDoc `json:"components,omitempty"`

	// Obligations are the concrete things a customer must do where a
	// component is customer-owned or shared.
	Obligations []ObligationDoc `json:"obligations,omitempty"`

	// ServiceClasses are the kinds of resource (compute with a host, network
	// object, key and secret, ...), in display order, each naming the
	// components a resource of the class embodies. A resource type takes the
	// applicability of its class (see ResourceTypeDoc.Class).
	ServiceClasses []ServiceClassDoc `json:"service_classes,omitempty"`

	// ResourceTypes maps Terraform resource types to a service model.
	ResourceTypes map[string]ResourceTypeDoc `json:"resource_types,omitempty"`

	// Providers are provider-wide rules, keyed by the Terraform provider's
	// name as it prefixes its resource types (random, tls, null; terraform
	// for the built-in terraform_data): a type without an entry of its own
	// resolves through the rule of its provider (basis "provider"). A type
	// entry always wins over the rule.
	Providers map[string]ProviderRuleDoc `json:"providers,omitempty"`

	// Services classify the resource types of one cloud service at once,
	// keyed "<provider>/<service>" (aws/s3tables, azurerm/containers,
	// google/compute): a type without an entry of its own resolves through
	// the service that lists it in types, else the service with the longest
	// prefix its name starts with (basis "service"), else its provider rule.
	Services map[string]ServiceDoc `json:"services,omitempty"`
}

// ServiceDoc classifies every resource type of one cloud service that has
// no entry of its own.
type ServiceDoc struct {
	// Name is the service's name as its vendor writes it.
	Name string `json:"name"`
	// Prefixes are resource-type name prefixes of the service, each starting
	// with "<provider>_"; the longest prefix a type's name starts with wins.
	Prefixes []string `json:"prefixes,omitempty"`
	// Types are types of the service whose names do not show it; a listed
	// type wins over every prefix.
	Types []string `json:"types,omitempty"`
	// ARM are the Azure Resource Manager namespaces (Microsoft.Compute) or
	// resource types (Microsoft.Compute/virtualMachines) of the service, by
	// which azapi resources resolve; the longest match wins, case-insensitive.
	ARM []string `json:"arm,omitempty"`
	Classification
}

// ProviderRuleDoc answers for every resource type of one Terraform provider
// that has no entry of its own: the utility providers, whose resources call
// no cloud service and run on the machine that runs Terraform, and some
// widely used providers of other vendors. Its rationale says what the
// provider's resources do and carry.
type ProviderRuleDoc struct {
	Classification
}

// Classification is what a service or a provider rule answers for the types
// it covers: unlike a type entry, it has no cells or conditions, and it must
// say why.
type Classification struct {
	ServiceModel string `json:"service_model"`
	// Class is the id of the service class whose components the types
	// embody.
	Class string `json:"class,omitempty"`
	// AppliesTo lists components beyond those of the class, as for a type.
	AppliesTo []string `json:"applies_to,omitempty"`
	// Focus lists the components the resources directly configure.
	Focus []string `json:"focus,omitempty"`
	// Without lists obligations the resources never carry beyond those of
	// the class, as for a type (a shared access policy holds keys, so it is
	// a credential, but nobody signs in to it with a second factor).
	Without []string `json:"without,omitempty"`
	// Source is the id of the citation for the classification.
	Source string `json:"source"`
	// Rationale says what the resources are, and why they have their model
	// and class.
	Rationale string `json:"rationale"`
	// Cells replace matrix cells for every resource of the service or
	// provider, by component id, as a type's cells do (a WAF's rules are
	// the customer's although the saas matrix gives network controls to the
	// provider).
	Cells map[string]CellDoc `json:"cells,omitempty"`
	// Hybrid says that the resources run on hardware on the customer's
	// site, as a type's hybrid does: their cells may make physical_*
	// components the customer's (Outposts: the customer's facility and
	// network, AWS's rack).
	Hybrid bool `json:"hybrid,omitempty"`
}

// typeDoc is the classification as a resource type entry, for building.
func (d Classification) typeDoc() ResourceTypeDoc {
	return ResourceTypeDoc{ServiceModel: d.ServiceModel, Class: d.Class, AppliesTo: d.AppliesTo, Focus: d.Focus, Without: d.Without,
		Source: d.Source, Rationale: d.Rationale, Cells: d.Cells, Hybrid: d.Hybrid}
}

// ServiceClassDoc is a kind of resource and the components it embodies: a
// resource's customer obligations are those of its customer or shared
// components that are applicable (SPEC 7.1).
type ServiceClassDoc struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	// AppliesTo lists the components a resource of the class embodies.
	AppliesTo []string `json:"applies_to"`
	// Without lists obligations that resources of the class never carry
	// although their component applies: a reviewer could not check them on
	// such an object (multi-factor authentication on a policy attachment,
	// back-ups of a health check).
	Without []string `json:"without,omitempty"`
	// Cells refine the matrix for the class's resources, by component and
	// then by service model, for components the class does not embody: the
	// owner of a layer such an object has none of (no guest operating system
	// in a virtual network). A type's own cells and its conditions apply on
	// top; a component the type embodies keeps the matrix's cell, so a class
	// cell never hides an obligation.
	Cells map[string]map[string]CellDoc `json:"cells,omitempty"`
	// Rationale says why the class embodies these components and not others.
	Rationale string `json:"rationale,omitempty"`
}

// SourceDoc is a citation.
type SourceDoc struct {
	Title string `json:"title"`
	URL   string `json:"url"`
	// AsOf is the date (YYYY-MM-DD) on which the source was last read and
	// found to say what the catalog cites it for; never the page's own date.
	AsOf string `json:"as_of"`
}

// FrameworkDoc describes a compliance framework.
type FrameworkDoc struct {
	Name   string `json:"name"`
	Source string `json:"source"`
	// IDPattern is a regular expression every control id of the framework
	// must match (anchored).
	IDPattern string `json:"id_pattern"`
}

// ServiceModelDoc is a column of the matrix.
type ServiceModelDoc struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	// Cloud is false only for models run entirely by the customer
	// (on_premises); the invariants treat the two kinds differently.
	Cloud bool `json:"cloud"`
}

// LayerDoc is one of the layers of the model.
type LayerDoc struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
}

// ComponentDoc is a row of the matrix.
type ComponentDoc struct {
	ID          string `json:"id"`
	Layer       string `json:"layer"`
	Name        string `json:"name"`
	Description string `json:"description"`
	// ProviderControls are the control ids, by framework, that the provider
	// covers when it owns (or shares) this component.
	ProviderControls map[string][]string `json:"provider_controls,omitempty"`
	// Cells holds one cell per service model id.
	Cells map[string]CellDoc `json:"cells"`
}

// CellDoc is one owner assignment: a matrix cell, a condition's effect or an
// agreement's override.
type CellDoc struct {
	Owner string `json:"owner"`
	// ProviderPart and CustomerPart say what each party does; both are
	// required when Owner is "shared".
	ProviderPart string `json:"provider_part,omitempty"`
	CustomerPart string `json:"customer_part,omitempty"`
	// Source is the id of the citation for the cell.
	Source string `json:"source,omitempty"`
	// Disagreement records where sources differ and why this value was chosen.
	Disagreement string `json:"disagreement,omitempty"`
}

// ObligationDoc is a customer obligation.
type ObligationDoc struct {
	// ID is "<component>.<verb_phrase>", stable API: renaming one is a
	// breaking change.
	ID          string `json:"id"`
	Component   string `json:"component"`
	Title       string `json:"title"`
	Description string `json:"description"`
	// When restricts the obligation to cells of one owner ("customer" or
	// "shared"); empty means both.
	When string `json:"when,omitempty"`
	// Controls are the control ids, by framework id, that the obligation
	// helps satisfy.
	Controls map[string][]string `json:"controls,omitempty"`
	// Source cites the basis of the obligation and its control mapping.
	Source string `json:"source,omitempty"`
}

// ResourceTypeDoc maps a Terraform resource type to the shared responsibility
// model.
type ResourceTypeDoc struct {
	ServiceModel string `json:"service_model"`
	// Class is the id of the service class whose components the type
	// embodies.
	Class string `json:"class,omitempty"`
	// AppliesTo lists components the type embodies beyond those of its
	// class (or, without a class, all of them): it extends the class, never
	// narrows it; to narrow, choose another class or list every component
	// without one. A type has a class, applies_to or both.
	AppliesTo []string `json:"applies_to,omitempty"`
	// Focus lists the components the resource directly configures.
	Focus []string `json:"focus,omitempty"`
	// Cells replace matrix cells for every resource of the type, by
	// component id (e.g. the operating system of a Fargate profile is the
	// provider's although caas shares it). Conditions apply on top.
	Cells map[string]CellDoc `json:"cells,omitempty"`
	// Hybrid says that the type runs on hardware on the customer's site
	// (Outposts, Azure Arc, self-hosted runtimes, on-premises clusters):
	// its cells may make the physical_* components the customer's.
	Hybrid bool `json:"hybrid,omitempty"`
	// Conditions are attributes of the declared resource whose values change
	// the answer, keyed by attribute name (a dotted path in nested blocks).
	Conditions map[string]ConditionDoc `json:"conditions,omitempty"`
	// Source is the id of the citation for the mapping.
	Source string `json:"source"`
	// Rationale explains a hard call.
	Rationale string `json:"rationale,omitempty"`
	// ARMTypeCondition names the condition that gives an ARM resource type
	// (Microsoft.App/containerApps@2024-03-01): the type resolves through
	// the service whose arm lists it (the azapi types), and through its own
	// entry, which must leave the most to the customer, when the condition
	// is not given or names no classified ARM type.
	ARMTypeCondition string `json:"arm_type_condition,omitempty"`
	// ARM lists the Azure Resource Manager resource types that the entry's
	// resources are (Microsoft.App/containerApps for azurerm_container_app):
	// an azapi resource of one of them resolves through this entry, with
	// its cells and conditions, rather than through the ARM type's service.
	// An ARM type belongs to one entry at most.
	ARM []string `json:"arm,omitempty"`
	// Without lists obligations that resources of the type never carry, on
	// top of its class's: those a reviewer could not check on it although
	// their component applies (encryption at rest on a bucket's versioning
	// setting).
	Without []string `json:"without,omitempty"`
	// Replaces lists the names the type had in earlier major versions of
	// its provider (azurerm_app_service_plan, removed in azurerm 4.0, for
	// azurerm_service_plan): a resource declared under such a name answers as
	// this entry, and the answer says so. A name is replaced by one entry
	// at most and is no entry itself.
	Replaces []string `json:"replaces,omitempty"`
}

// ConditionDoc is an attribute of a resource type whose value changes owners.
// Its key is the attribute's name as the resource's provider spells it, a
// dotted path for an attribute of a nested block (for example
// "site_config.application_stack.docker_image_name"), so that a value read
// from a plan or a resource applies as it is. A value matches the exact
// values first, then the rules in order. A value that matches none, and a
// condition that is not given, resolve to Default, the value that leaves the
// most to the customer, and the answer records the assumption.
type ConditionDoc struct {
	Description string `json:"description"`
	// Default is the value or rule the provider assumes when the condition
	// is not given or its value matches nothing: the name of one of Values
	// or Rules, and the one that leaves the most to the customer (the rule
	// conservative_default checks it).
	Default string `json:"default"`
	// Values are the exact values of the attribute and what each changes.
	Values map[string]EffectDoc `json:"values,omitempty"`
	// Rules match values that Values does not list, in order: the first
	// that matches applies.
	Rules []RuleDoc `json:"rules,omitempty"`
	// ReplacedBy, when set, marks the condition as deprecated in favour of
	// another condition of the type: it still applies when given (and its
	// replacement is not), with a deprecation warning naming the new key.
	ReplacedBy string `json:"replaced_by,omitempty"`
	// Absent is the value the attribute had on every resource before the
	// resource's provider added it ("Zip" for a Lambda function's
	// package_type): the plan review reads it when a plan, written by a
	// provider version that predates the attribute, has no such attribute at
	// all (not even null). It must match one of Values or Rules. Without it,
	// an absent attribute is not set.
	Absent string `json:"absent,omitempty"`
	// ARMProperty is the path of the same property in the ARM resource's
	// body (properties.autoUpgradeProfile.upgradeChannel), with the same
	// values, for an entry that lists arm types: the plan review reads the
	// condition from the body of an azapi resource of such a type.
	ARMProperty string `json:"arm_property,omitempty"`
	// Setting, for a condition that is not an attribute but an element of
	// a list of settings (aws_elastic_beanstalk_environment's setting
	// blocks: namespace, name, value), says which element: the plan review
	// reads its value from the element of the list whose fields match.
	Setting *SettingDoc `json:"setting,omitempty"`
	// ConflictsWith names the conditions of the type whose attributes the
	// resource cannot set together with this one (the provider's schema
	// says ConflictsWith, or the service's API rejects both: an ECS
	// service's launch_type and its capacity_provider_strategy). When one
	// of them is set (given, and not empty) and this one is not, this one
	// does not apply at all: neither its default nor its (not set) rule,
	// since the resource cannot have it. When neither is set, each applies
	// as usual, so a (not set) rule says what the resource does without
	// either; when both are given, both apply. Each condition named must
	// name this one back.
	ConflictsWith []string `json:"conflicts_with,omitempty"`
}

// SettingDoc names an element of a resource's list of settings.
type SettingDoc struct {
	// List is the attribute that holds the settings ("setting").
	List string `json:"list"`
	// Match are the fields that identify the element, by field name
	// ({"namespace": "aws:elasticbeanstalk:managedactions", "name":
	// "ManagedActionsEnabled"}).
	Match map[string]string `json:"match"`
	// Value is the field of the element that holds the value ("value").
	Value string `json:"value"`
}

// RuleDoc matches condition values by rule; exactly one of Prefix, Present
// and Boolean is set. A value given as an empty string (or null) is an
// attribute that is not set.
type RuleDoc struct {
	// Prefix matches every set value that starts with it (e.g. "custom-").
	// The rule's name is the prefix followed by "*".
	Prefix string `json:"prefix,omitempty"`
	// Present true matches every set value, false the attribute not set.
	// The rule's name is "(set)" or "(not set)".
	Present *bool `json:"present,omitempty"`
	// Boolean matches a boolean attribute's value, as Terraform writes it
	// ("true" or "false", in any case). The rule's name is "true" or
	// "false".
	Boolean *bool `json:"boolean,omitempty"`
	EffectDoc
}

// EffectDoc is what one condition value changes.
type EffectDoc struct {
	// ServiceModel, when set, replaces the resource type's service model.
	ServiceModel string `json:"service_model,omitempty"`
	// Cells replaces owner assignments, by component id.
	Cells map[string]CellDoc `json:"cells,omitempty"`
	// Hybrid says that the value puts the hardware on the customer's site
	// (ECS Anywhere, EKS Hybrid Nodes, Outposts, ...): the physical_*
	// components may then be the customer's, the provider keeping the
	// physical layer of its own cloud only.
	Hybrid bool `json:"hybrid,omitempty"`
	// Reason says why, for docs and overrides_applied.
	Reason string `json:"reason,omitempty"`
	// Source is the id of the citation for the effect.
	Source string `json:"source,omitempty"`
}

// Name returns the rule's name: what overrides and assumptions call the
// value it matches.
func (r *RuleDoc) Name() string {
	switch {
	case r.Prefix != "":
		return r.Prefix + "*"
	case r.Present != nil && *r.Present:
		return RuleSet
	case r.Present != nil:
		return RuleNotSet
	case r.Boolean != nil && *r.Boolean:
		return "true"
	case r.Boolean != nil:
		return "false"
	}
	return ""
}

// The names of the present/absent rules.
const (
	RuleSet    = "(set)"
	RuleNotSet = "(not set)"
)

// namedEffect is an exact value or a rule of a condition, by name, in match
// order.
type namedEffect struct {
	name string
	at   string // JSON path below the condition: values.<v> or rules[i]
	EffectDoc
}

// effects lists the exact values (sorted) and then the rules (in order) of
// a condition.
func (cd *ConditionDoc) effects() []namedEffect {
	out := make([]namedEffect, 0, len(cd.Values)+len(cd.Rules))
	for _, v := range sortedKeys(cd.Values) {
		out = append(out, namedEffect{name: v, at: "values." + v, EffectDoc: cd.Values[v]})
	}
	for i := range cd.Rules {
		out = append(out, namedEffect{name: cd.Rules[i].Name(), at: fmt.Sprintf("rules[%d]", i), EffectDoc: cd.Rules[i].EffectDoc})
	}
	return out
}

// ptrTo returns a pointer to v: the generated built-in documents write a
// rule's present and boolean through it.
func ptrTo[T any](v T) *T { return &v }

// matchesDoc reports whether a value matches one of the condition's exact
// values or rules, as Condition.Match does at run time.
func (cd *ConditionDoc) matchesDoc(value string) bool {
	if _, ok := cd.Values[value]; ok {
		return true
	}
	for i := range cd.Rules {
		r := &Rule{Prefix: cd.Rules[i].Prefix, Present: cd.Rules[i].Present, Boolean: cd.Rules[i].Boolean}
		if r.matches(value) {
			return true
		}
	}
	return false
}
