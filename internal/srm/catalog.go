// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
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
func (o *Obligation) AppliesTo(owner Owner) bool { return appliesTo(o.When, owner) }

// appliesTo reports whether an obligation restricted to cells of owner when
// ("" for any) applies to a cell owned by owner.
func appliesTo(when, owner Owner) bool {
	if owner == OwnerProvider {
		return false
	}
	return when == "" || when == owner
}

// ResourceType maps a Terraform resource type to the model.
type ResourceType struct {
	// Type is the resource type, or for a provider rule the provider name.
	Type string
	// Basis is BasisType for a type entry, BasisService for a service (Type
	// is then the service's key), BasisProvider for a provider rule.
	Basis string
	// Service is the service's name and what it answers for, for a service.
	Service *Service
	// ARMCondition names the condition that gives the ARM resource type
	// through which the type resolves (the azapi types), or is empty.
	ARMCondition string
	// ARM are the ARM resource types of an entry's resources (the azapi
	// types resolve through the entry).
	ARM []string
	// Without are the obligations the type never carries: its class's and
	// its own (see ResourceTypeDoc.Without).
	Without []string
	without map[string]bool
	// Replaces are the names of the type in earlier major versions of its
	// provider, which answer as this entry.
	Replaces     []string
	ServiceModel string
	// Class is the id of the type's service class, or empty.
	Class string
	// AppliesTo are the components the type embodies, in catalog order: its
	// class's and its own applies_to.
	AppliesTo []string
	Focus     []string
	// Cells replace matrix cells for every resource of the type.
	Cells map[string]Cell
	// Hybrid: the type runs on hardware on the customer's site.
	Hybrid     bool
	Conditions map[string]*Condition
	// ConditionKeys are the keys of Conditions, sorted.
	ConditionKeys []string
	Source        string
	Rationale     string
	// cells are Cells by component index, for resolution; cellReason is the
	// reason of the overrides they make.
	cells      []indexedCell
	cellReason string
	// applies is AppliesTo by component index: the customer's obligations
	// are those of these components (and of any whose cell the type, a
	// condition or an agreement sets).
	applies []bool
}

// The basis of an answer: what in the catalog answered for a resource type.
const (
	// BasisType: the catalog has an entry for the type.
	BasisType = "type"
	// BasisProvider: a provider-wide rule answered (the type has no entry).
	BasisProvider = "provider"
)

// Describe names what answered: the type, or the rule of its provider.
func (rt *ResourceType) Describe() string {
	switch rt.Basis {
	case BasisProvider:
		return "the provider rule " + strconv.Quote(rt.Type)
	case BasisService:
		return "the service " + strconv.Quote(rt.Type) + " (" + rt.Service.Name + ")"
	}
	return rt.Type
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
	// ServiceClasses are the classes, in display order.
	ServiceClasses []*ServiceClass
	ResourceTypes  map[string]*ResourceType
	// TypeNames are the keys of ResourceTypes, sorted.
	TypeNames []string
	// Providers are the provider-wide rules by provider name, each as the
	// resource type it answers for (Basis BasisProvider).
	Providers map[string]*ResourceType
	// ProviderNames are the keys of Providers, sorted.
	ProviderNames []string
	// Services classify the types of a cloud service, by key
	// ("aws/s3tables"), each as the resource type it answers for (Basis
	// BasisService).
	Services map[string]*ResourceType
	// ServiceIDs are the keys of Services, sorted.
	ServiceIDs []string
	services   serviceIndex

	models      map[string]*ServiceModel
	layers      map[string]*Layer
	components  map[string]*Component
	obligations map[string]*Obligation
	classes     map[string]*ServiceClass
	// byCell[component index][owner] lists the obligations that apply to a
	// cell of that component with that owner, in catalog order.
	byCell [][3][]*Obligation
}

// ServiceModel returns the model with the id, or nil.
func (c *Catalog) ServiceModel(id string) *ServiceModel { return c.models[id] }

// Layer returns the layer with the id, or nil.
func (c *Catalog) Layer(id string) *Layer { return c.layers[id] }

// ServiceClass returns the class with the id, or nil.
func (c *Catalog) ServiceClass(id string) *ServiceClass { return c.classes[id] }

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

func validOwner(o Owner) bool { return o == OwnerProvider || o == OwnerShared || o == OwnerCustomer }

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

// Compile merges documents in order, validates the result and builds the
// runtime catalog: merge (catalog_merge.go), rules (catalog_rules.go), build
// (catalog_build.go).
//
// Merge rule: maps (sources, frameworks, resource_types, providers) and lists keyed by id
// (service_models, layers, obligations, service_classes) take the later document's entry whole
// when ids collide; components merge field by field: a later document's
// non-empty name, layer or description replace the earlier ones, its cells
// replace the earlier cells of the same model and add cells for new models,
// and its provider_controls replace those of the same framework. A collision
// is an error unless the later document has Override set. New entries are
// appended in their document order.
func Compile(docs ...NamedDocument) (*Catalog, error) {
	m, probs := merge(docs)
	probs = append(probs, m.validate()...)
	if len(probs) > 0 {
		return nil, probs
	}
	return m.build(), nil
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
