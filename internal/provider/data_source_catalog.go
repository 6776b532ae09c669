// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

var _ datasource.DataSourceWithConfigure = (*catalogDataSource)(nil)

// NewCatalogDataSource returns the srm_catalog data source.
func NewCatalogDataSource() datasource.DataSource { return &catalogDataSource{} }

type catalogDataSource struct{ data *providerData }

type catalogModel struct {
	ServiceModel   types.String `tfsdk:"service_model"`
	Layer          types.String `tfsdk:"layer"`
	Provider       types.String `tfsdk:"terraform_provider"`
	Frameworks     types.Set    `tfsdk:"frameworks"`
	ServiceModels  types.Map    `tfsdk:"service_models"`
	Components     types.Map    `tfsdk:"components"`
	Obligations    types.Map    `tfsdk:"obligations"`
	ResourceTypes  types.Map    `tfsdk:"resource_types"`
	Providers      types.Map    `tfsdk:"providers"`
	Services       types.Map    `tfsdk:"services"`
	Sources        types.Map    `tfsdk:"sources"`
	CatalogVersion types.String `tfsdk:"catalog_version"`
}

var (
	catalogModelAttrTypes     = map[string]attr.Type{"name": types.StringType, "description": types.StringType, "cloud": types.BoolType}
	catalogComponentAttrTypes = map[string]attr.Type{"layer": types.StringType, "name": types.StringType, "description": types.StringType}
	catalogObligationAttrType = map[string]attr.Type{
		"layer": types.StringType, "component": types.StringType, "title": types.StringType, "description": types.StringType,
		"service_models": types.ListType{ElemType: types.StringType},
		"controls":       types.MapType{ElemType: types.ListType{ElemType: types.StringType}},
	}
	catalogConditionAttrTypes = map[string]attr.Type{
		"description": types.StringType, "default": types.StringType, "values": types.ListType{ElemType: types.StringType},
		"replaced_by": types.StringType,
	}
	catalogTypeAttrTypes = map[string]attr.Type{
		"service_model": types.StringType,
		"focus":         types.ListType{ElemType: types.StringType},
		"class":         types.StringType,
		"applies_to":    types.ListType{ElemType: types.StringType},
		"conditions":    types.MapType{ElemType: types.ObjectType{AttrTypes: catalogConditionAttrTypes}},
		"source":        types.ObjectType{AttrTypes: sourceAttrTypes},
		"rationale":     types.StringType,
	}
	// catalogProviderAttrTypes are a provider rule's attributes: its
	// classification; a service has the same plus its name and how types
	// reach it.
	catalogProviderAttrTypes = map[string]attr.Type{
		"service_model": types.StringType,
		"focus":         types.ListType{ElemType: types.StringType},
		"class":         types.StringType,
		"applies_to":    types.ListType{ElemType: types.StringType},
		"source":        types.ObjectType{AttrTypes: sourceAttrTypes},
		"rationale":     types.StringType,
	}
	catalogServiceAttrTypes = withAttrTypes(catalogProviderAttrTypes, map[string]attr.Type{
		"name":     types.StringType,
		"prefixes": types.ListType{ElemType: types.StringType},
		"types":    types.ListType{ElemType: types.StringType},
		"arm":      types.ListType{ElemType: types.StringType},
	})
)

func (d *catalogDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_catalog"
}

func (d *catalogDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	str := func(desc string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: desc, Computed: true}
	}
	strList := func(desc string) schema.ListAttribute {
		return schema.ListAttribute{MarkdownDescription: desc, ElementType: types.StringType, Computed: true}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Browse the catalog the provider is configured with (built-in, merged with the provider's `catalog`): " +
			"service models, components, obligations and Terraform resource types. Filters narrow the maps.",
		Attributes: map[string]schema.Attribute{
			"service_model": schema.StringAttribute{
				MarkdownDescription: "Only resource types of this service model and obligations that apply to it.",
				Optional:            true,
			},
			"layer": schema.StringAttribute{
				MarkdownDescription: "Only components and obligations of this layer (" + layerList() + ").",
				Optional:            true,
			},
			"terraform_provider": schema.StringAttribute{
				MarkdownDescription: "Only resource types of this Terraform provider, by type-name prefix: `aws`, `azurerm`, `google`, " +
					"`kubernetes`, ... (`provider` is a name Terraform reserves, hence this one).",
				Optional: true,
			},
			"frameworks": frameworksAttribute(),
			"service_models": schema.MapNestedAttribute{
				MarkdownDescription: "Service models keyed by id.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":        str("Name."),
					"description": str("What the model means."),
					"cloud":       schema.BoolAttribute{MarkdownDescription: "Whether it is a cloud model (the invariants differ on premises).", Computed: true},
				}},
			},
			"components": schema.MapNestedAttribute{
				MarkdownDescription: "Components keyed by id.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"layer": str("Layer of the component."), "name": str("Name."), "description": str("What it covers."),
				}},
			},
			"obligations": schema.MapNestedAttribute{
				MarkdownDescription: "Customer obligations keyed by id.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"layer": str("Layer."), "component": str("Component."), "title": str("Short title."), "description": str("What to do and evidence."),
					"service_models": strList("Service models the obligation applies to."),
					"controls": schema.MapAttribute{MarkdownDescription: "Control ids by framework, for the frameworks named in `frameworks`.",
						ElementType: types.ListType{ElemType: types.StringType}, Computed: true},
				}},
			},
			"resource_types": schema.MapNestedAttribute{
				MarkdownDescription: "Terraform resource types keyed by type.",
				Computed:            true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"service_model": str("Service model."),
					"focus":         strList("Components the resource directly configures."),
					"class":         str("Service class of the type (see the resource-types guide), or null when only `applies_to` is set."),
					"applies_to": strList("Components the type embodies, in catalog order: those of its class and of its own `applies_to`. " +
						"Its customer obligations are those of these components that are customer-owned or shared."),
					"conditions": schema.MapNestedAttribute{
						MarkdownDescription: "Attributes whose values change the answer, keyed by the attribute's name (a dotted path in nested blocks).",
						Computed:            true,
						NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
							"description": str("What the condition is."),
							"default": str("Value or rule assumed when the condition is not given or its value matches nothing: the one that " +
								"leaves the most to the customer."),
							"values": strList("The exact values, then the rules in match order: `<prefix>*` (a value that starts with the prefix), " +
								"`(set)` (any value), `(not set)` (null or empty), `true` / `false` (a boolean). Any other value is not an error: " +
								"it resolves to `default`, listed in `assumptions`."),
							"replaced_by": str("For a deprecated condition, the condition that replaces it (it still works, with a warning); null otherwise."),
						}},
					},
					"source":    citationAttribute("Citation of the mapping."),
					"rationale": str("Why, for hard calls."),
				}},
			},
			"providers": schema.MapNestedAttribute{
				MarkdownDescription: "Provider-wide rules keyed by Terraform provider name (the part of its resource types before the first " +
					"`_`; `terraform` for the built-in `terraform_data`): a type of the provider without an entry in `resource_types` " +
					"resolves through the rule, with `basis = \"provider\"`. Filtered by `service_model` and `terraform_provider` like " +
					"`resource_types`.",
				Computed: true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"service_model": str("Service model."),
					"focus":         strList("Components the provider's resources directly configure."),
					"class":         str("Service class of the provider's types, or null when only `applies_to` is set."),
					"applies_to":    strList("Components the provider's types embody, in catalog order."),
					"source":        citationAttribute("Citation of the rule."),
					"rationale":     str("What the provider's resources do and carry, and so why the rule is what it is."),
				}},
			},
			"services": schema.MapNestedAttribute{
				MarkdownDescription: "Cloud services keyed by `<provider>/<service>` (`aws/s3tables`, `azurerm/containers`, " +
					"`google/compute`): a type without an entry in `resource_types` resolves through the service that lists it in " +
					"`types`, else the service with the longest prefix of its name in `prefixes` (before any provider rule), with " +
					"`basis = \"service\"`; azapi types resolve through the service whose `arm` lists the ARM type in their " +
					"condition `type`. Filtered by `service_model` and `terraform_provider` like `resource_types`.",
				Computed: true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"name":          str("The service's name as its vendor writes it."),
					"prefixes":      strList("Type-name prefixes of the service, sorted; the longest prefix of a type's name wins."),
					"types":         strList("Types of the service whose names do not show it, sorted; they win over every prefix."),
					"arm":           strList("Azure Resource Manager namespaces or resource types of the service, for azapi types."),
					"service_model": str("Service model."),
					"focus":         strList("Components the service's resources directly configure."),
					"class":         str("Service class of the service's types, or null when only `applies_to` is set."),
					"applies_to":    strList("Components the service's types embody, in catalog order."),
					"source":        citationAttribute("Citation of the classification."),
					"rationale":     str("What the service is, and why it has its model and class."),
				}},
			},
			"sources": schema.MapNestedAttribute{
				MarkdownDescription: "Every source the catalog cites, keyed by id: the citations behind the `source` of cells, resource " +
					"types and conditions (`srm_responsibility_detail`'s `sources`).",
				Computed: true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"id": str("Source id."), "title": str("Title."), "url": str("URL."), "as_of": str("Date of the source or of its reading (YYYY-MM-DD)."),
				}},
			},
			"catalog_version": str("Version of the catalog."),
		},
	}
}

func (d *catalogDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = configuredData(req.ProviderData, &resp.Diagnostics)
}

func (d *catalogDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	v := values(&resp.Diagnostics)
	var m catalogModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() || d.data == nil || !d.data.settingsKnown(&resp.Diagnostics, false, "") {
		return
	}
	c := d.data.engine.Catalog
	model, layer, prefix := m.ServiceModel.ValueString(), m.Layer.ValueString(), m.Provider.ValueString()
	if model != "" && c.ServiceModel(model) == nil {
		addInputError(&resp.Diagnostics, path.Empty(), srm.UnknownIDError("service_model", "service model", model, c.ModelIDs()), nil)
	}
	if layer != "" && c.Layer(layer) == nil {
		addInputError(&resp.Diagnostics, path.Empty(), srm.UnknownIDError("layer", "layer", layer, c.LayerIDs()), nil)
	}
	providers := typeProviders(c)
	if prefix != "" && !slices.Contains(providers, prefix) {
		resp.Diagnostics.AddAttributeError(path.Root("terraform_provider"), "Unknown provider",
			fmt.Sprintf("No resource type of the catalog starts with %q. Providers in the catalog: %s.", prefix+"_", strings.Join(providers, ", ")))
	}
	var frameworks []string
	if !m.Frameworks.IsNull() {
		resp.Diagnostics.Append(m.Frameworks.ElementsAs(ctx, &frameworks, false)...)
	}
	if err := c.ValidateFrameworks(frameworks); err != nil {
		addInputError(&resp.Diagnostics, path.Empty(), err, nil)
	}
	if resp.Diagnostics.HasError() {
		return
	}

	models := map[string]attr.Value{}
	for _, sm := range c.ServiceModels {
		models[sm.ID] = v.object(catalogModelAttrTypes, map[string]attr.Value{
			"name": types.StringValue(sm.Name), "description": types.StringValue(sm.Description), "cloud": types.BoolValue(sm.Cloud)})
	}
	comps := map[string]attr.Value{}
	for _, comp := range c.Components {
		if layer == "" || comp.Layer == layer {
			comps[comp.ID] = v.object(catalogComponentAttrTypes, map[string]attr.Value{
				"layer": types.StringValue(comp.Layer), "name": types.StringValue(comp.Name), "description": types.StringValue(comp.Description)})
		}
	}
	obls := map[string]attr.Value{}
	for _, o := range c.Obligations {
		if layer != "" && o.Layer != layer || model != "" && !slices.Contains(o.ServiceModels, model) {
			continue
		}
		controls := map[string]attr.Value{}
		for _, fw := range frameworks {
			controls[fw] = v.stringList(o.Controls[fw])
		}
		obls[o.ID] = v.object(catalogObligationAttrType, map[string]attr.Value{
			"layer": types.StringValue(o.Layer), "component": types.StringValue(o.Component), "title": types.StringValue(o.Title),
			"description": types.StringValue(o.Description), "service_models": v.stringList(o.ServiceModels),
			"controls": v.mapOf(types.ListType{ElemType: types.StringType}, controls),
		})
	}
	rts := map[string]attr.Value{}
	for _, name := range c.TypeNames {
		rt := c.ResourceTypes[name]
		if model != "" && rt.ServiceModel != model || prefix != "" && !strings.HasPrefix(name, prefix+"_") {
			continue
		}
		conds := map[string]attr.Value{}
		for _, k := range rt.ConditionKeys {
			cond := rt.Conditions[k]
			conds[k] = v.object(catalogConditionAttrTypes, map[string]attr.Value{
				"description": types.StringValue(cond.Description), "default": types.StringValue(cond.Default), "values": v.stringList(cond.Names()),
				"replaced_by": optStr(cond.ReplacedBy)})
		}
		rts[name] = v.object(catalogTypeAttrTypes, map[string]attr.Value{
			"service_model": types.StringValue(rt.ServiceModel),
			"focus":         v.stringList(rt.Focus),
			"class":         optStr(rt.Class),
			"applies_to":    v.stringList(rt.AppliesTo),
			"conditions":    v.mapOf(types.ObjectType{AttrTypes: catalogConditionAttrTypes}, conds),
			"source":        v.sourceObject(c.Sources[rt.Source]),
			"rationale":     optStr(rt.Rationale),
		})
	}
	m.ServiceModels = v.mapOf(types.ObjectType{AttrTypes: catalogModelAttrTypes}, models)
	m.Components = v.mapOf(types.ObjectType{AttrTypes: catalogComponentAttrTypes}, comps)
	m.Obligations = v.mapOf(types.ObjectType{AttrTypes: catalogObligationAttrType}, obls)
	m.ResourceTypes = v.mapOf(types.ObjectType{AttrTypes: catalogTypeAttrTypes}, rts)
	prs := map[string]attr.Value{}
	for _, name := range c.ProviderNames {
		pr := c.Providers[name]
		if model != "" && pr.ServiceModel != model || prefix != "" && name != prefix {
			continue
		}
		prs[name] = v.object(catalogProviderAttrTypes, v.classificationValues(c, pr))
	}
	m.Providers = v.mapOf(types.ObjectType{AttrTypes: catalogProviderAttrTypes}, prs)
	svcs := map[string]attr.Value{}
	for _, id := range c.ServiceIDs {
		s := c.Services[id]
		if p, _, _ := strings.Cut(id, "/"); model != "" && s.ServiceModel != model || prefix != "" && p != prefix {
			continue
		}
		vals := v.classificationValues(c, s)
		vals["name"], vals["prefixes"] = types.StringValue(s.Service.Name), v.stringList(s.Service.Prefixes)
		vals["types"], vals["arm"] = v.stringList(s.Service.Types), v.stringList(s.Service.ARM)
		svcs[id] = v.object(catalogServiceAttrTypes, vals)
	}
	m.Services = v.mapOf(types.ObjectType{AttrTypes: catalogServiceAttrTypes}, svcs)
	sources := make(map[string]attr.Value, len(c.Sources))
	for id, src := range c.Sources {
		sources[id] = v.sourceObject(src)
	}
	m.Sources = v.mapOf(types.ObjectType{AttrTypes: sourceAttrTypes}, sources)
	m.CatalogVersion = types.StringValue(c.Version)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// classificationValues are the attributes a provider rule and a service
// share: what they answer for the types they cover.
func (v valueBuilder) classificationValues(c *srm.Catalog, rt *srm.ResourceType) map[string]attr.Value {
	return map[string]attr.Value{
		"service_model": types.StringValue(rt.ServiceModel),
		"focus":         v.stringList(rt.Focus),
		"class":         optStr(rt.Class),
		"applies_to":    v.stringList(rt.AppliesTo),
		"source":        v.sourceObject(c.Sources[rt.Source]),
		"rationale":     optStr(rt.Rationale),
	}
}

// withAttrTypes returns a copy of base with more added.
func withAttrTypes(base, more map[string]attr.Type) map[string]attr.Type {
	out := maps.Clone(base)
	maps.Copy(out, more)
	return out
}

// citationAttribute is the source a type or a provider rule cites.
func citationAttribute(description string) schema.SingleNestedAttribute {
	str := func(d string) schema.StringAttribute {
		return schema.StringAttribute{MarkdownDescription: d, Computed: true}
	}
	return schema.SingleNestedAttribute{
		MarkdownDescription: description,
		Computed:            true,
		Attributes: map[string]schema.Attribute{
			"id": str("Source id."), "title": str("Title."), "url": str("URL."), "as_of": str("Date."),
		},
	}
}

// typeProviders lists the Terraform providers of the catalog's resource
// types (the prefix before the first "_"), of its provider rules and of its
// services.
func typeProviders(c *srm.Catalog) []string {
	out := slices.Clone(c.ProviderNames)
	for _, id := range c.ServiceIDs {
		if p, _, _ := strings.Cut(id, "/"); !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	for _, name := range c.TypeNames {
		p, _, _ := strings.Cut(name, "_")
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}
