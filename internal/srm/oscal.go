// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"crypto/sha1" //nolint:gosec // RFC 4122 name-based (version 5) UUIDs are defined on SHA-1.
	"encoding/json"
	"fmt"
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

// OSCAL renders the assessment as an OSCAL 1.1.3 system security plan: one
// component per declared resource; per NIST SP 800-53 control, by-components
// with export.provided for what the provider does, export.responsibilities
// for the customer's obligations (linked by provided-uuid where the
// component is shared), and satisfied for accepted obligations. UUIDs are
// version 5, derived from addresses, components, obligations and controls.
func (a *Assessment) OSCAL() ([]byte, error) {
	sysKey := strings.Join(a.Addresses, "\x00")
	components := []any{obj{
		"uuid": UUID5("this-system", sysKey), "type": "this-system", "title": "The Terraform configuration",
		"description": "The resources declared in the assessed Terraform configuration.",
		"status":      obj{"state": "operational"},
	}}
	type entry struct {
		addr string
		byc  obj
	}
	perControl := map[string][]entry{}
	for _, addr := range a.Addresses {
		r := a.Results[addr]
		title := addr
		desc := r.ServiceModel.Name
		if r.ResourceType != nil {
			desc = fmt.Sprintf("%s: %s (%s).", r.Type, r.ServiceModel.Name, r.ServiceModel.ID)
			if r.Basis() != BasisType {
				desc = fmt.Sprintf("%s: %s (%s), classified by %s.", r.Type, r.ServiceModel.Name, r.ServiceModel.ID, r.ResourceType.Describe())
			}
		}
		compUUID := UUID5("component", addr)
		components = append(components, obj{
			"uuid": compUUID, "type": "service", "title": title, "description": desc,
			"props":  []any{obj{"name": "service-model", "ns": "https://github.com/shared-responsibility/terraform-provider-srm", "value": r.ServiceModel.ID}},
			"status": obj{"state": "operational"},
		})
		// Accepted obligations, with the team of the record that accepted
		// each ("" when the ids were given directly).
		accepted := map[string]string{}
		for _, id := range r.AcceptedIDs() {
			accepted[id] = ""
			if rec := a.AcceptedBy[addr][id]; rec != nil {
				accepted[id] = rec.AcceptedBy
			}
		}
		provider, customer := r.controlSets(OSCALFramework)
		controls := provider
		for c := range customer {
			controls[c] = true
		}
		for _, control := range sortedKeys(controls) {
			perControl[control] = append(perControl[control], entry{addr, r.oscalByComponent(addr, compUUID, control, accepted)})
		}
	}
	ids := sortedKeys(perControl)
	sort.SliceStable(ids, func(i, j int) bool { return controlLess(ids[i], ids[j]) })
	reqs := make([]any, 0, len(ids))
	for _, control := range ids {
		var bycs []any
		for _, e := range perControl[control] {
			bycs = append(bycs, e.byc)
		}
		reqs = append(reqs, obj{"uuid": UUID5("requirement", sysKey, control), "control-id": OSCALControlID(control), "by-components": bycs})
	}
	if len(reqs) == 0 {
		return nil, fmt.Errorf("the assessment has no control to export: declare at least one resource")
	}
	return json.MarshalIndent(a.oscalPlan(sysKey, components, reqs), "", "  ")
}

// oscalByComponent is the by-component of one declared resource for one
// control: what the provider provides, the customer's responsibilities and
// which of them are satisfied by accepted obligations.
func (r *Result) oscalByComponent(addr, compUUID, control string, accepted map[string]string) obj {
	var provided, responsibilities, satisfied []any
	providedUUID := map[string]string{}
	for _, rc := range r.Components {
		if rc.Owner == OwnerCustomer || !slices.Contains(rc.Component.ProviderControls[OSCALFramework], control) {
			continue
		}
		u := UUID5("provided", addr, control, rc.Component.ID)
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
		ru := UUID5("responsibility", addr, control, o.ID)
		resp := obj{"uuid": ru, "description": o.Title + ". " + o.Description,
			"responsible-roles": []any{obj{"role-id": "customer"}}}
		if pu, ok := providedUUID[o.Component]; ok {
			resp["provided-uuid"] = pu
		}
		responsibilities = append(responsibilities, resp)
		if team, ok := accepted[o.ID]; ok {
			desc := fmt.Sprintf("Obligation %s accepted for %s.", o.ID, addr)
			if team != "" {
				desc = fmt.Sprintf("Obligation %s accepted for %s by %s.", o.ID, addr, team)
			}
			satisfied = append(satisfied, obj{"uuid": UUID5("satisfied", addr, control, o.ID), "responsibility-uuid": ru,
				"description":       desc,
				"responsible-roles": []any{obj{"role-id": "customer"}}})
		}
	}
	byc := obj{"component-uuid": compUUID, "uuid": UUID5("by-component", addr, control),
		"description": fmt.Sprintf("How %s divides %s between the provider and the customer.", addr, control)}
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

// oscalPlan is the system security plan around the components and the
// implemented requirements.
func (a *Assessment) oscalPlan(sysKey string, components, reqs []any) obj {
	return obj{"system-security-plan": obj{
		"uuid": UUID5("system-security-plan", sysKey),
		"metadata": obj{
			"title":         "Shared responsibility of the declared resources",
			"last-modified": a.LastModified(),
			"version":       a.Catalog.Version,
			"oscal-version": OSCALVersion,
			"roles": []any{
				obj{"id": "provider", "title": "Cloud service provider"},
				obj{"id": "customer", "title": "Cloud service customer"},
			},
		},
		"import-profile": obj{"href": OSCALProfileHref},
		"system-characteristics": obj{
			"system-ids":  []any{obj{"id": "srm-" + UUID5("system-id", sysKey)[:8]}},
			"system-name": "Terraform configuration",
			"description": "The resources declared in a Terraform configuration and the division of their security responsibility, computed by terraform-provider-srm.",
			"system-information": obj{"information-types": []any{obj{
				"title":       "Data held by the declared resources",
				"description": "The customer classifies its data (obligation data_classification.classify_data).",
			}}},
			"status":                 obj{"state": "operational"},
			"authorization-boundary": obj{"description": "The resources declared in the assessed Terraform configuration."},
		},
		"system-implementation": obj{
			"users":      []any{obj{"uuid": UUID5("user", "customer"), "title": "Customer teams", "role-ids": []any{"customer"}}},
			"components": components,
		},
		"control-implementation": obj{
			"description":              "Division of NIST SP 800-53 rev. 5 controls between the cloud provider and the customer, per declared resource. The mapping supports, and does not replace, an assessor's judgement.",
			"implemented-requirements": reqs,
		},
	}}
}
