// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"fmt"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

type diagnostics = diag.Diagnostics

// configuredData unpacks the provider data handed to Configure.
func configuredData(v any, diags *diag.Diagnostics) *providerData {
	if v == nil {
		return nil
	}
	d, ok := v.(*providerData)
	if !ok {
		diags.AddError("Unexpected provider data", fmt.Sprintf("Expected *providerData, got %T. This is a bug in the provider.", v))
		return nil
	}
	return d
}

// modelList renders the built-in service models for descriptions.
func modelList() string { return codeList(srm.MustBuiltin().ModelIDs()) }

// layerList renders the built-in layers for descriptions.
func layerList() string { return codeList(srm.MustBuiltin().LayerIDs()) }

func codeList(ids []string) string { return "`" + strings.Join(ids, "`, `") + "`" }

func componentsAttribute() schema.MapNestedAttribute {
	return schema.MapNestedAttribute{
		MarkdownDescription: "Every component keyed by id (" + codeList(srm.MustBuiltin().ComponentIDs()) + ") with its layer, owner and, " +
			"for shared cells, what each party does.",
		Computed: true,
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"layer":         schema.StringAttribute{MarkdownDescription: "Layer of the component.", Computed: true},
			"owner":         schema.StringAttribute{MarkdownDescription: "`provider`, `customer` or `shared`.", Computed: true},
			"provider_part": schema.StringAttribute{MarkdownDescription: "What the provider does, for a shared component; null otherwise.", Computed: true},
			"customer_part": schema.StringAttribute{MarkdownDescription: "What the customer does, for a shared component; null otherwise.", Computed: true},
			"source":        schema.StringAttribute{MarkdownDescription: "Id of the source behind the cell (see `sources`).", Computed: true},
		}},
	}
}

func obligationsAttribute(desc string) schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: desc,
		Computed:            true,
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"id":          schema.StringAttribute{MarkdownDescription: "Stable obligation id, `<component>.<name>`.", Computed: true},
			"layer":       schema.StringAttribute{MarkdownDescription: "Layer of the obligation's component.", Computed: true},
			"component":   schema.StringAttribute{MarkdownDescription: "Component the obligation belongs to.", Computed: true},
			"title":       schema.StringAttribute{MarkdownDescription: "Short imperative title.", Computed: true},
			"description": schema.StringAttribute{MarkdownDescription: "What the customer must do and how to evidence it.", Computed: true},
		}},
	}
}

func idsAttribute(desc string) schema.ListAttribute {
	return schema.ListAttribute{MarkdownDescription: desc, ElementType: types.StringType, Computed: true}
}

func responsibilitiesAttribute() schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: "What the provider does: every component it owns or shares, in catalog order.",
		Computed:            true,
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"component":   schema.StringAttribute{MarkdownDescription: "Component id.", Computed: true},
			"layer":       schema.StringAttribute{MarkdownDescription: "Layer of the component.", Computed: true},
			"owner":       schema.StringAttribute{MarkdownDescription: "`provider` or `shared`.", Computed: true},
			"description": schema.StringAttribute{MarkdownDescription: "What the provider does there.", Computed: true},
		}},
	}
}

func overridesAttribute() schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: "Cells that a condition or an agreement moved away from the matrix, with the reason: the audit trail.",
		Computed:            true,
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"kind":      schema.StringAttribute{MarkdownDescription: "`resource_type` (a cell the type's catalog entry sets), `condition` or `agreement`.", Computed: true},
			"name":      schema.StringAttribute{MarkdownDescription: "`<condition>=<value>` or the agreement name.", Computed: true},
			"component": schema.StringAttribute{MarkdownDescription: "Component whose owner moved.", Computed: true},
			"from":      schema.StringAttribute{MarkdownDescription: "Owner before.", Computed: true},
			"to":        schema.StringAttribute{MarkdownDescription: "Owner after.", Computed: true},
			"reason":    schema.StringAttribute{MarkdownDescription: "Why.", Computed: true},
			"reference": schema.StringAttribute{MarkdownDescription: "Contract or ticket, for agreements.", Computed: true},
		}},
	}
}

// basisDescription says what basis holds; shared by the resolving data
// sources and the acceptance resource.
const basisDescription = "What in the catalog answered for the resource type, from the most to the least specific: `type` " +
	"(an entry for the type, which may have conditions), `service` (the cloud service the type belongs to, by the longest " +
	"prefix of its name or an explicit list: every type of the service gets the service's model and class; `srm_catalog`'s " +
	"`services` lists them; azapi types resolve through the service of the ARM type in condition `type`) or `provider` (a " +
	"provider-wide rule, for a type of a utility provider such as random, tls or null, or `terraform_data`). Null for a " +
	"request by `service_model` alone."

func basisAttribute() schema.StringAttribute {
	return schema.StringAttribute{MarkdownDescription: basisDescription, Computed: true}
}

// assumptionsDescription says what assumptions holds; shared by the
// resolving data sources and the acceptance resource.
const assumptionsDescription = "Conditions of the resource type that the answer could not read: not given in `conditions`, or " +
	"given a value that matches none of the catalog's values and rules (an unexpected value is not an error). For each, the answer " +
	"took the value that leaves the most to the customer (`assumed`, a value or a rule such as `custom-*` or `(set)`) and says why " +
	"(`reason`). Empty when every condition was read: pass the resource's own attribute values in `conditions` to get the precise answer."

func assumptionsAttribute() schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: assumptionsDescription,
		Computed:            true,
		NestedObject:        schema.NestedAttributeObject{Attributes: assumptionAttributes()},
	}
}

// assumptionAttributes are the attributes of one assumption.
func assumptionAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"condition": schema.StringAttribute{MarkdownDescription: "Condition key: the attribute's name, a dotted path in nested blocks.", Computed: true},
		"assumed":   schema.StringAttribute{MarkdownDescription: "The value or rule assumed, the one that leaves the most to the customer.", Computed: true},
		"reason":    schema.StringAttribute{MarkdownDescription: "Why the condition was assumed: not given, or the value given matches nothing.", Computed: true},
	}
}

func sourcesAttribute() schema.ListNestedAttribute {
	return schema.ListNestedAttribute{
		MarkdownDescription: "Citations behind the answer, sorted by id.",
		Computed:            true,
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"id":    schema.StringAttribute{MarkdownDescription: "Source id.", Computed: true},
			"title": schema.StringAttribute{MarkdownDescription: "Title of the source.", Computed: true},
			"url":   schema.StringAttribute{MarkdownDescription: "URL of the source.", Computed: true},
			"as_of": schema.StringAttribute{MarkdownDescription: "Date of the source or of its reading (YYYY-MM-DD).", Computed: true},
		}},
	}
}

func frameworksAttribute() schema.SetAttribute {
	return schema.SetAttribute{
		MarkdownDescription: "Compliance frameworks to map the answer to (" + codeList(srm.MustBuiltin().FrameworkIDs) + "). " +
			"Adds `controls`: per framework, the controls the customer must evidence, those inherited from the provider, and the shared ones. " +
			"The mapping supports, and does not replace, an assessor's judgement.",
		ElementType: types.StringType,
		Optional:    true,
	}
}

func controlsAttribute() schema.MapNestedAttribute {
	return schema.MapNestedAttribute{
		MarkdownDescription: "Per framework named in `frameworks`, how its controls divide between the parties for this resource.",
		Computed:            true,
		NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
			"customer":  schema.ListAttribute{MarkdownDescription: "Controls only the customer's obligations address: the customer must evidence them.", ElementType: types.StringType, Computed: true},
			"inherited": schema.ListAttribute{MarkdownDescription: "Controls only the provider covers, through the components it owns: inherited from the provider's attestations.", ElementType: types.StringType, Computed: true},
			"shared":    schema.ListAttribute{MarkdownDescription: "Controls both parties address: each evidences its part.", ElementType: types.StringType, Computed: true},
		}},
	}
}

// valueBuilder builds framework values as types.ListValue, MapValue and
// ObjectValue do, adding what they report (a value that does not fit its
// type: a bug in the provider) to diags, where the *ValueMust forms would
// crash the plugin. Reads and functions check diags before using what they
// built.
type valueBuilder struct{ diags *diagnostics }

func values(diags *diagnostics) valueBuilder { return valueBuilder{diags: diags} }

func (v valueBuilder) list(t attr.Type, elems []attr.Value) types.List {
	l, d := types.ListValue(t, elems)
	v.diags.Append(d...)
	return l
}

func (v valueBuilder) mapOf(t attr.Type, elems map[string]attr.Value) types.Map {
	m, d := types.MapValue(t, elems)
	v.diags.Append(d...)
	return m
}

func (v valueBuilder) object(t map[string]attr.Type, attrs map[string]attr.Value) types.Object {
	o, d := types.ObjectValue(t, attrs)
	v.diags.Append(d...)
	return o
}
