// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"bufio"
	"bytes"
	"crypto/sha1" //nolint:gosec // RFC 4122 name-based (version 5) UUIDs are defined on SHA-1.
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// OSCALVersion is the OSCAL version of the exported document.
const OSCALVersion = "1.1.3"

// OSCALFramework is the framework whose controls the OSCAL export implements.
const OSCALFramework = "nist_800_53_r5"

// OSCALProfileHref is the import-profile placeholder: the export documents
// the division of responsibility, not a baseline; replace it with the
// profile (baseline) the system is assessed against.
const OSCALProfileHref = "#nist-sp-800-53-rev5"

// uuidNamespace is the namespace of every UUID the provider derives
// (version 5, RFC 4122): the same ids always give the same UUIDs.
var uuidNamespace = [16]byte{0x5c, 0x1f, 0x8e, 0x2a, 0x63, 0x0d, 0x4b, 0x7e, 0x9a, 0x21, 0x3e, 0x55, 0x0b, 0xd4, 0x71, 0x96}

// UUID5 derives a deterministic version-5 UUID from stable ids.
func UUID5(parts ...string) string {
	h := sha1.New() //nolint:gosec // see import
	h.Write(uuidNamespace[:])
	h.Write([]byte(strings.Join(parts, "\x00")))
	s := h.Sum(nil)
	s[6] = (s[6] & 0x0f) | 0x50
	s[8] = (s[8] & 0x3f) | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", s[0:4], s[4:6], s[6:8], s[8:10], s[10:16])
}

// OSCALControlID converts an 800-53 control id to its OSCAL form:
// "SC-28" → "sc-28", "IA-2(1)" → "ia-2.1".
func OSCALControlID(id string) string {
	id = strings.ToLower(id)
	id = strings.ReplaceAll(id, "(", ".")
	return strings.ReplaceAll(id, ")", "")
}

type obj = map[string]any

// OSCAL renders the assessment as an OSCAL 1.1.3 system security plan
// (see WriteOSCAL).
func (a *Assessment) OSCAL() ([]byte, error) {
	var b bytes.Buffer
	if err := a.WriteOSCAL(&b); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// oscalGroup is one distinct answer of an assessment: the declared
// resources that resolve alike (type, model, owners, obligations) and have
// the same obligations accepted by the same teams share one OSCAL
// component, whose statements are written once; each resource is an
// inventory item that implements it.
type oscalGroup struct {
	uuid      string
	first     string // the first address, for the description
	result    *Result
	accepted  map[string]string // obligation id → team ("" without a record)
	resources int
}

// oscalGroups groups the addresses by answer. member[i] is the group of
// a.Addresses[i]; groups are in the order of their first address.
func (a *Assessment) oscalGroups() (groups []*oscalGroup, member []int, sysKey string) {
	index := map[[sha256.Size]byte]int{}
	member = make([]int, len(a.Addresses))
	sys := sha256.New()
	var key bytes.Buffer
	// Resources that resolve alike often share one result (the review
	// does): its answer's digest is computed once.
	answers := map[*Result][sha256.Size]byte{}
	for i, addr := range a.Addresses {
		sys.Write([]byte(addr))
		sys.Write([]byte{0})
		r := a.Results[addr]
		accepted := a.acceptedTeams(addr, r)
		answer, ok := answers[r]
		if !ok {
			key.Reset()
			r.writeAnswerKey(&key)
			answer = sha256.Sum256(key.Bytes())
			answers[r] = answer
		}
		key.Reset()
		key.Write(answer[:])
		for _, id := range r.AcceptedIDs() {
			key.WriteString("\x00a:" + id + "=" + accepted[id])
		}
		k := sha256.Sum256(key.Bytes())
		g, ok := index[k]
		if !ok {
			g = len(groups)
			index[k] = g
			groups = append(groups, &oscalGroup{uuid: UUID5("component", hex.EncodeToString(k[:])), first: addr,
				result: r, accepted: accepted})
		}
		groups[g].resources++
		member[i] = g
	}
	return groups, member, hex.EncodeToString(sys.Sum(nil))
}

// acceptedTeams maps each accepted obligation of the resource at addr to
// the team of the record that accepted it ("" when the ids were given
// directly).
func (a *Assessment) acceptedTeams(addr string, r *Result) map[string]string {
	accepted := map[string]string{}
	for _, id := range r.AcceptedIDs() {
		accepted[id] = ""
		if rec := a.AcceptedBy[addr][id]; rec != nil {
			accepted[id] = rec.AcceptedBy
		}
	}
	return accepted
}

// writeAnswerKey writes what the OSCAL statements of the result depend on:
// the type and what answered for it, the model, each component's owner and
// parts, and the customer obligations.
func (r *Result) writeAnswerKey(b *bytes.Buffer) {
	b.WriteString(r.Type + "\x00" + r.ServiceModel.ID + "\x00" + r.Basis())
	if r.ResourceType != nil {
		b.WriteString("\x00" + r.ResourceType.Describe())
	}
	for _, rc := range r.Components {
		b.WriteString("\x00c:" + rc.Component.ID + "=" + string(rc.Owner) + "\x00" + rc.ProviderPart + "\x00" + rc.CustomerPart)
	}
	for _, o := range r.CustomerObligations {
		b.WriteString("\x00o:" + o.ID)
	}
}

// title names the component of a group.
func (g *oscalGroup) title() string {
	r := g.result
	name := r.Type
	if name == "" {
		name = r.ServiceModel.ID
	}
	accepted := ""
	if n := len(g.accepted); n > 0 {
		accepted = fmt.Sprintf(", %d of %d obligations accepted", n, len(r.CustomerObligations))
	}
	return fmt.Sprintf("%s (%s%s)", name, r.ServiceModel.ID, accepted)
}

func (g *oscalGroup) component() obj {
	r := g.result
	desc := r.ServiceModel.Name + "."
	if r.ResourceType != nil {
		desc = fmt.Sprintf("%s: %s (%s).", r.Type, r.ServiceModel.Name, r.ServiceModel.ID)
		if r.Basis() != BasisType {
			desc = fmt.Sprintf("%s: %s (%s), classified by %s.", r.Type, r.ServiceModel.Name, r.ServiceModel.ID, r.ResourceType.Describe())
		}
	}
	if g.resources == 1 {
		desc += " Declared as " + g.first + "."
	} else {
		desc += fmt.Sprintf(" Declared %d times (the inventory items that implement this component), first as %s.", g.resources, g.first)
	}
	return obj{
		"uuid": g.uuid, "type": "service", "title": g.title(), "description": desc,
		"props":  []any{obj{"name": "service-model", "ns": oscalNS, "value": r.ServiceModel.ID}},
		"status": obj{"state": "operational"},
	}
}

// oscalNS is the namespace of the export's own properties.
const oscalNS = "https://github.com/shared-responsibility/terraform-provider-srm"

// oscalPropValue is the pattern OSCAL requires of a property value.
var oscalPropValue = regexp.MustCompile(`^\S(.*\S)?$`)

func inventoryItem(addr, componentUUID string) []byte {
	// Written by hand, as json.MarshalIndent would write the object with
	// the prefix of an element of inventory-items: one per resource, it
	// is most of a large plan's export.
	q, _ := json.Marshal(addr) // a string always encodes
	const in = "\n          "
	b := make([]byte, 0, 300+3*len(q))
	b = append(b, "{"+in+`"description": `...)
	b = append(b, q...)
	b = append(b, ","+in+`"implemented-components": [`+in+`  {`+in+`    "component-uuid": "`...)
	b = append(b, componentUUID...)
	b = append(b, `"`+in+"  }"+in+"]"...)
	if oscalPropValue.MatchString(addr) {
		b = append(b, ","+in+`"props": [`+in+`  {`+in+`    "name": "resource-address",`+in+`    "ns": "`+oscalNS+`",`+in+`    "value": `...)
		b = append(b, q...)
		b = append(b, in+"  }"+in+"]"...)
	}
	b = append(b, ","+in+`"uuid": "`...)
	b = append(b, UUID5("inventory-item", addr)...)
	return append(b, "\"\n        }"...)
}

// WriteOSCAL writes the assessment as an OSCAL 1.1.3 system security plan.
// Resources that resolve alike, with the same obligations accepted by the
// same teams, share one component: per NIST SP 800-53 control, its
// by-component has export.provided for what the provider does,
// export.responsibilities for the customer's obligations (linked by
// provided-uuid where the component is shared) and satisfied for accepted
// obligations, written once however many resources share it. Each declared
// resource is an inventory item that implements its component, so the
// document grows by a few hundred bytes per resource and is written as it
// goes. An assessment without resources is a valid plan whose only
// requirement is PL-2, the plan itself. UUIDs are version 5, derived from
// addresses, answers, obligations and controls.
func (a *Assessment) WriteOSCAL(w io.Writer) error {
	groups, member, sysKey := a.oscalGroups()
	perControl := map[string][]int{}
	for gi, g := range groups {
		provider, customer := g.result.controlSets(OSCALFramework)
		for c := range customer {
			provider[c] = true
		}
		for c := range provider {
			perControl[c] = append(perControl[c], gi)
		}
	}
	const planControl = "PL-2"
	if _, ok := perControl[planControl]; !ok {
		perControl[planControl] = nil
	}
	controls := sortedKeys(perControl)
	sort.SliceStable(controls, func(i, j int) bool { return controlLess(controls[i], controls[j]) })

	systemUUID := UUID5("this-system", sysKey)
	components := make([]any, 0, len(groups)+1)
	components = append(components, obj{
		"uuid": systemUUID, "type": "this-system", "title": "The Terraform configuration",
		"description": "The resources declared in the assessed Terraform configuration.",
		"status":      obj{"state": "operational"},
	})
	for _, g := range groups {
		components = append(components, g.component())
	}

	ow := &oscalWriter{w: bufio.NewWriter(w)}
	ow.raw("{\n  \"system-security-plan\": {\n    \"uuid\": ")
	ow.value("    ", UUID5("system-security-plan", sysKey))
	ow.raw(",\n    \"metadata\": ")
	ow.value("    ", a.oscalMetadata())
	ow.raw(",\n    \"import-profile\": ")
	ow.value("    ", obj{"href": OSCALProfileHref})
	ow.raw(",\n    \"system-characteristics\": ")
	ow.value("    ", oscalCharacteristics(sysKey))
	ow.raw(",\n    \"system-implementation\": {\n      \"users\": ")
	ow.value("      ", []any{obj{"uuid": UUID5("user", "customer"), "title": "Customer teams", "role-ids": []any{"customer"}}})
	ow.raw(",\n      \"components\": ")
	ow.value("      ", components)
	if len(a.Addresses) > 0 {
		ow.raw(",\n      \"inventory-items\": [")
		for i, addr := range a.Addresses {
			if i > 0 {
				ow.raw(",")
			}
			ow.raw("\n        ")
			ow.raw(string(inventoryItem(addr, groups[member[i]].uuid)))
		}
		ow.raw("\n      ]")
	}
	ow.raw("\n    },\n    \"control-implementation\": {\n      \"description\": ")
	ow.value("      ", "Division of NIST SP 800-53 rev. 5 controls between the cloud provider and the customer, per kind of declared "+
		"resource (a component) and declared resource (an inventory item). The mapping supports, and does not replace, an assessor's judgement.")
	ow.raw(",\n      \"implemented-requirements\": [")
	for ci, control := range controls {
		if ci > 0 {
			ow.raw(",")
		}
		bycs := make([]any, 0, len(perControl[control])+1)
		if control == planControl {
			bycs = append(bycs, obj{"component-uuid": systemUUID, "uuid": UUID5("by-component", sysKey, control),
				"description": fmt.Sprintf("This plan divides the security responsibility of the %d declared resources of the "+
					"configuration between the cloud provider and the customer, as computed by terraform-provider-srm.", len(a.Addresses))})
		}
		for _, gi := range perControl[control] {
			bycs = append(bycs, groups[gi].byComponent(control))
		}
		ow.raw("\n        ")
		ow.value("        ", obj{"uuid": UUID5("requirement", sysKey, control), "control-id": OSCALControlID(control), "by-components": bycs})
	}
	ow.raw("\n      ]\n    }\n  }\n}\n")
	return ow.flush()
}

// oscalWriter writes a JSON document piece by piece, indented as
// json.MarshalIndent would, and keeps the first error.
type oscalWriter struct {
	w   *bufio.Writer
	err error
}

func (o *oscalWriter) raw(s string) {
	if o.err == nil {
		_, o.err = o.w.WriteString(s)
	}
}

func (o *oscalWriter) value(prefix string, v any) {
	if o.err != nil {
		return
	}
	b, err := json.MarshalIndent(v, prefix, "  ")
	if err != nil {
		o.err = err
		return
	}
	_, o.err = o.w.Write(b)
}

func (o *oscalWriter) flush() error {
	if o.err != nil {
		return o.err
	}
	return o.w.Flush()
}

// byComponent is the by-component of one group's component for one
// control: what the provider provides, the customer's responsibilities and
// which of them are satisfied by accepted obligations.
func (g *oscalGroup) byComponent(control string) obj {
	r, compUUID, accepted := g.result, g.uuid, g.accepted
	var provided, responsibilities, satisfied []any
	providedUUID := map[string]string{}
	for _, rc := range r.Components {
		if rc.Owner == OwnerCustomer || !slices.Contains(rc.Component.ProviderControls[OSCALFramework], control) {
			continue
		}
		u := UUID5("provided", compUUID, control, rc.Component.ID)
		providedUUID[rc.Component.ID] = u
		what := rc.Component.Description
		if rc.Owner == OwnerShared {
			what = rc.ProviderPart
		}
		provided = append(provided, obj{"uuid": u, "description": rc.Component.Name + ": " + what,
			"responsible-roles": []any{obj{"role-id": "provider"}}})
	}
	for _, o := range r.CustomerObligations {
		if !slices.Contains(o.Controls[OSCALFramework], control) {
			continue
		}
		ru := UUID5("responsibility", compUUID, control, o.ID)
		resp := obj{"uuid": ru, "description": o.Title + ". " + o.Description,
			"responsible-roles": []any{obj{"role-id": "customer"}}}
		if pu, ok := providedUUID[o.Component]; ok {
			resp["provided-uuid"] = pu
		}
		responsibilities = append(responsibilities, resp)
		if team, ok := accepted[o.ID]; ok {
			desc := fmt.Sprintf("Obligation %s accepted for %s.", o.ID, g.resourcesPhrase())
			if team != "" {
				desc = fmt.Sprintf("Obligation %s accepted for %s by %s.", o.ID, g.resourcesPhrase(), team)
			}
			satisfied = append(satisfied, obj{"uuid": UUID5("satisfied", compUUID, control, o.ID), "responsibility-uuid": ru,
				"description":       desc,
				"responsible-roles": []any{obj{"role-id": "customer"}}})
		}
	}
	byc := obj{"component-uuid": compUUID, "uuid": UUID5("by-component", compUUID, control),
		"description": fmt.Sprintf("How %s divides %s between the provider and the customer.", g.resourcesPhrase(), control)}
	export := obj{}
	if len(provided) > 0 {
		export["provided"] = provided
	}
	if len(responsibilities) > 0 {
		export["responsibilities"] = responsibilities
	}
	if len(export) > 0 {
		byc["export"] = export
	}
	if len(satisfied) > 0 {
		byc["satisfied"] = satisfied
	}
	return byc
}

// resourcesPhrase names the resources of a group in a sentence.
func (g *oscalGroup) resourcesPhrase() string {
	if g.resources == 1 {
		return g.first
	}
	return fmt.Sprintf("the %d resources of %s", g.resources, g.title())
}

func (a *Assessment) oscalMetadata() obj {
	return obj{
		"title":         "Shared responsibility of the declared resources",
		"last-modified": a.LastModified(),
		"version":       a.Catalog.Version,
		"oscal-version": OSCALVersion,
		"roles": []any{
			obj{"id": "provider", "title": "Cloud service provider"},
			obj{"id": "customer", "title": "Cloud service customer"},
		},
	}
}

func oscalCharacteristics(sysKey string) obj {
	return obj{
		"system-ids":  []any{obj{"id": "srm-" + UUID5("system-id", sysKey)[:8]}},
		"system-name": "Terraform configuration",
		"description": "The resources declared in a Terraform configuration and the division of their security responsibility, computed by terraform-provider-srm.",
		"system-information": obj{"information-types": []any{obj{
			"title":       "Data held by the declared resources",
			"description": "The customer classifies its data (obligation data_classification.classify_data).",
		}}},
		"status":                 obj{"state": "operational"},
		"authorization-boundary": obj{"description": "The resources declared in the assessed Terraform configuration."},
	}
}
