// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"maps"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

var (
	_ datasource.DataSource                     = (*responsibilityDataSource)(nil)
	_ datasource.DataSourceWithConfigure        = (*responsibilityDataSource)(nil)
	_ datasource.DataSourceWithConfigValidators = (*responsibilityDataSource)(nil)
)

// NewResponsibilityDataSource returns the srm_responsibility data source.
func NewResponsibilityDataSource() datasource.DataSource { return &responsibilityDataSource{} }

type responsibilityDataSource struct{ data *providerData }

type responsibilityModel struct {
	ResourceType          types.String `tfsdk:"resource_type"`
	ServiceModel          types.String `tfsdk:"service_model"`
	Basis                 types.String `tfsdk:"basis"`
	ResourceAddress       types.String `tfsdk:"resource_address"`
	Conditions            types.Map    `tfsdk:"conditions"`
	Agreement             types.String `tfsdk:"agreement"`
	AcceptedObligations   types.Set    `tfsdk:"accepted_obligations"`
	Acceptances           types.List   `tfsdk:"acceptances"`
	AcceptedBy            types.Map    `tfsdk:"accepted_by"`
	Owners                types.Map    `tfsdk:"owners"`
	ComponentOwners       types.Map    `tfsdk:"component_owners"`
	CustomerObligationIDs types.List   `tfsdk:"customer_obligation_ids"`
	UnacceptedObligations types.List   `tfsdk:"unaccepted_obligations"`
	Focus                 types.List   `tfsdk:"focus"`
	Tags                  types.Map    `tfsdk:"tags"`
	OverridesApplied      types.List   `tfsdk:"overrides_applied"`
	Assumptions           types.List   `tfsdk:"assumptions"`
	CatalogVersion        types.String `tfsdk:"catalog_version"`
}

func (d *responsibilityDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_responsibility"
}

func (d *responsibilityDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	attrs := responsibilityArguments("Address of the declared resource (e.g. `module.orders.aws_db_instance.main[\"eu\"]`), " +
		"matched by the `scope` of `acceptances`.")
	maps.Copy(attrs, map[string]schema.Attribute{
		"accepted_obligations": schema.SetAttribute{
			MarkdownDescription: "Obligation ids already accepted, usually `srm_obligation_acceptance.<name>.obligations`. " +
				"Each must be a customer obligation of this resource.",
			ElementType: types.StringType,
			Optional:    true,
		},
		"acceptances": acceptancesAttribute(acceptancesDescription + " Needs `resource_address`; combines with `accepted_obligations`."),
		"accepted_by": schema.MapAttribute{
			MarkdownDescription: "Who accepted each obligation that `acceptances` accept: obligation id → `accepted_by` of the most " +
				"specific record (its own `resource_address` before a scope, a longer pattern before a shorter one, a type filter " +
				"before a model filter, an id before `<component>.*` before `*`). Null without `acceptances`.",
			ElementType: types.StringType,
			Computed:    true,
		},
		"owners": schema.MapAttribute{
			MarkdownDescription: "Owner of each layer (`provider`, `customer` or `shared`), keyed by layer: " + layerList() +
				". A layer is `provider` when all its components are, `customer` when all are, otherwise `shared`.",
			ElementType: types.StringType,
			Computed:    true,
		},
		"component_owners": schema.MapAttribute{
			MarkdownDescription: "Owner of each component (`provider`, `customer` or `shared`), keyed by component id: " +
				codeList(srm.MustBuiltin().ComponentIDs()) + ". The layer, name and description of each are in `srm_catalog`'s `components`.",
			ElementType: types.StringType,
			Computed:    true,
		},
		"customer_obligation_ids": idsAttribute("Ids of the customer obligations of the resource, in catalog order: those of its customer or shared components that apply to its type (the components its service class embodies, see the resource-types guide); with `service_model` alone, the whole column. Titles and descriptions: `srm_catalog`'s `obligations`, keyed by these ids."),
		"unaccepted_obligations":  idsAttribute("Customer obligation ids not in `accepted_obligations`. Empty when every obligation is accepted: the value to test in a precondition."),
		"focus":                   idsAttribute("Components the resource type directly configures (e.g. `network_controls` for a security group). Empty for `service_model`."),
		"tags": schema.MapAttribute{
			MarkdownDescription: "Tags describing the ownership, valid as AWS tags, Azure tags and GCP labels at once: " +
				"`<prefix>-service-model` and `<prefix>-<layer>` (owner of each layer). They depend only on the answer for the " +
				"resource, never on what is accepted: recording, renaming, renewing or letting expire an acceptance changes no tag.",
			ElementType: types.StringType,
			Computed:    true,
		},
		"overrides_applied": overridesAttribute(),
		"assumptions":       assumptionsAttribute(),
		"basis":             basisAttribute(),
	})
	resp.Schema = schema.Schema{
		MarkdownDescription: "Computes who owns each layer and component of one declared resource under its service model, " +
			"which obligations the customer carries, and which of them are not accepted yet. Set `resource_type` (the Terraform " +
			"type of the declared resource, looked up in the catalog), `service_model`, or only `resource_address` when it names " +
			"the type (`module.x.aws_db_instance.orders`). When an argument is " +
			"unknown at plan time, the results are unknown until apply.\n\n" +
			"The answer is lean: owners, ids, tags and overrides, about 2 KB of state for a typical resource (up to 4.5 KB " +
			"for types with many obligations). The titles and descriptions of obligations and components and the citations are the " +
			"same for every resource: read them once from `srm_catalog` (e.g. `data.srm_catalog.all.obligations[id].title`), or per " +
			"resource, with what each party does for every component and the compliance controls, from `srm_responsibility_detail`.",
		Attributes: attrs,
	}
}

// responsibilityArguments are the arguments that srm_responsibility and
// srm_responsibility_detail share (what identifies the answer), with
// service_model and catalog_version, which both compute.
func responsibilityArguments(addressDescription string) map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"resource_type": schema.StringAttribute{
			MarkdownDescription: "Terraform resource type of the declared resource, e.g. `aws_db_instance`. Looked up in the " +
				"resource-type catalog (see `srm_catalog`). At most one of `resource_type` and `service_model`; without either, the " +
				"type is read from `resource_address`.",
			Optional: true,
		},
		"service_model": schema.StringAttribute{
			MarkdownDescription: "Service model: " + modelList() + ". As an argument, it sets the model directly; " +
				"otherwise it is computed from `resource_type` and `conditions`.",
			Optional: true,
			Computed: true,
		},
		"resource_address": schema.StringAttribute{
			MarkdownDescription: addressDescription + " Without `resource_type` and `service_model`, the resource type is read from it.",
			Optional:            true,
		},
		"conditions": schema.MapAttribute{
			MarkdownDescription: conditionsDescription,
			ElementType:         types.StringType,
			Optional:            true,
		},
		"agreement": schema.StringAttribute{
			MarkdownDescription: "Name of an `agreement` block of the provider configuration to apply.",
			Optional:            true,
		},
		"catalog_version": schema.StringAttribute{
			MarkdownDescription: "Version of the catalog that produced the answer.",
			Computed:            true,
		},
	}
}

// responsibilityConfigValidators are the rules on the shared arguments: the
// framework-validators' AtLeastOneOf and Conflicting, read from the raw
// configuration (see rootValidator).
func responsibilityConfigValidators() []datasource.ConfigValidator {
	return []datasource.ConfigValidator{
		atLeastOneOfRoot("resource_type", "service_model", "resource_address"),
		conflictingRoot("resource_type", "service_model"),
		conflictingRoot("service_model", "conditions"),
	}
}

func (d *responsibilityDataSource) ConfigValidators(context.Context) []datasource.ConfigValidator {
	return responsibilityConfigValidators()
}

func (d *responsibilityDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = configuredData(req.ProviderData, &resp.Diagnostics)
}

func (d *responsibilityDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	own, shared, ok := d.respond(ctx, req.Config.Raw, &resp.Diagnostics)
	if !ok {
		return
	}
	// The state is the configuration with the computed attributes filled
	// in, built directly as a Terraform value: the same answer for every
	// resource of a kind, without converting it again for each.
	attrs := make(map[string]tftypes.Value, len(own)+len(shared.values))
	maps.Copy(attrs, own)
	maps.Copy(attrs, shared.values)
	typ := req.Config.Raw.Type()
	if err := tftypes.ValidateValue(typ, attrs); err != nil {
		resp.Diagnostics.AddError("Unexpected state value", err.Error()+". This is a bug in the provider.")
		return
	}
	resp.State.Raw = tftypes.NewValue(typ, attrs)
}

// respond computes every attribute of one read from its configuration: own
// are this read's (the configuration, what depends on acceptance), shared
// the cached answer's, the same for every read of it (they win over own).
// ok is false when there is no answer (an error, or a provider setting
// unknown during plan), and diags say why.
func (d *responsibilityDataSource) respond(ctx context.Context, raw tftypes.Value, diags *diagnostics) (own map[string]tftypes.Value, shared *sharedAttrs, ok bool) {
	var m responsibilityModel
	diags.Append(readInputs(ctx, raw, &m)...)
	if diags.HasError() {
		return nil, nil, false
	}
	sreq, ok := d.data.request(ctx, requestArgs{resourceType: m.ResourceType, serviceModel: m.ServiceModel,
		conditions: m.Conditions, agreement: m.Agreement, accepted: m.AcceptedObligations}, m.ResourceAddress, true, diags)
	if !ok {
		return nil, nil, false
	}
	records, ok := addressedRecords(ctx, m.Acceptances, m.ResourceAddress, diags)
	if !ok {
		return nil, nil, false
	}
	// The answer before acceptance is cached; the acceptances of this
	// instance apply to it below.
	accepted := sreq.Accepted
	sreq.Accepted = nil
	key := answerKey(sreq)
	answer, cached := d.data.results.get(key)
	if !cached {
		if answer, ok = d.compute(ctx, sreq, diags); !ok {
			return nil, nil, false
		}
		d.data.results.put(key, answer)
	}
	warnDeprecations(answer.result, path.Empty(), "resource_type", diags)
	// The records apply to the answer resolved once above: who accepts
	// what depends on the resource's obligations, not on what is accepted.
	var acceptedBy map[string]*srm.AcceptanceRecord
	if len(records) > 0 {
		acceptedBy = srm.MatchRecords(records, m.ResourceAddress.ValueString(), answer.result, d.data.clock())
		accepted = srm.MergeAccepted(accepted, acceptedBy)
	}
	r, err := answer.result.WithAccepted(accepted)
	if err != nil {
		addInputError(diags, path.Empty(), err, nil)
		return nil, nil, false
	}
	tflog.Debug(ctx, "resolved responsibility", map[string]any{
		"resource_address": m.ResourceAddress.ValueString(), "cached": cached,
	})
	var config map[string]tftypes.Value
	if err := raw.As(&config); err != nil {
		diags.AddError("Unexpected configuration value", "The configuration is not an object: "+err.Error()+". This is a bug in the provider.")
		return nil, nil, false
	}
	// As shares the configuration's own map: build a new one.
	own = make(map[string]tftypes.Value, len(config))
	maps.Copy(own, config)
	own["unaccepted_obligations"] = answer.shared.values["customer_obligation_ids"]
	if len(accepted) > 0 {
		own["unaccepted_obligations"] = stringListValue(r.UnacceptedIDs())
	}
	own["tags"] = stringMapValue(r.Tags(d.data.tagPrefix))
	if acceptedBy != nil {
		by := values(diags).acceptedByMap(acceptedBy)
		if diags.HasError() {
			return nil, nil, false
		}
		var err error
		if own["accepted_by"], err = by.ToTerraformValue(ctx); err != nil {
			diags.AddAttributeError(path.Root("accepted_by"), "Unexpected value", err.Error()+". This is a bug in the provider.")
			return nil, nil, false
		}
	}
	return own, answer.shared, true
}

// request checks that the settings an answer depends on are known (tags:
// the answer has tags) and converts the shared arguments into a domain
// request, reading the resource type from the address when neither the
// type nor the model is set.
func (p *providerData) request(ctx context.Context, args requestArgs, address types.String, tags bool, diags *diagnostics) (srm.Request, bool) {
	if p == nil || !p.settingsKnown(diags, tags, args.agreement.ValueString()) {
		return srm.Request{}, false
	}
	if args.resourceType.IsNull() && args.serviceModel.IsNull() {
		resourceType, ok := typeFromAddress(p.engine, address.ValueString(), path.Root("resource_address"), diags)
		if !ok {
			return srm.Request{}, false
		}
		args.resourceType = types.StringValue(resourceType)
	}
	return args.request(ctx, diags)
}

// compute resolves a request with nothing accepted into the computed
// attributes of the data source that do not depend on acceptance, as
// Terraform values keyed by attribute name.
func (d *responsibilityDataSource) compute(ctx context.Context, sreq srm.Request, diags *diagnostics) (*cachedAnswer, bool) {
	r, err := d.data.engine.Resolve(sreq)
	if err != nil {
		addInputError(diags, path.Empty(), err, nil)
		return nil, false
	}
	v := values(diags)
	computed := map[string]attr.Value{
		"service_model":           types.StringValue(r.ServiceModel.ID),
		"owners":                  v.ownersMap(r),
		"component_owners":        v.componentOwnersMap(r),
		"customer_obligation_ids": v.stringList(r.CustomerObligationIDs()),
		"focus":                   v.stringList(r.Focus()),
		"overrides_applied":       v.overridesList(r),
		"assumptions":             v.assumptionsList(r),
		"basis":                   basisValue(r),
		"catalog_version":         types.StringValue(r.Catalog.Version),
	}
	if diags.HasError() {
		return nil, false
	}
	out := make(map[string]tftypes.Value, len(computed))
	for name, value := range computed {
		tv, err := value.ToTerraformValue(ctx)
		if err != nil {
			diags.AddAttributeError(path.Root(name), "Unexpected value", err.Error()+". This is a bug in the provider.")
			return nil, false
		}
		out[name] = tv
	}
	return &cachedAnswer{result: r, shared: newSharedAttrs(out), weight: answerWeight(out)}, true
}

// requestArgs are the arguments every resolving data source and resource
// shares, as Terraform values.
type requestArgs struct {
	resourceType types.String
	serviceModel types.String
	conditions   types.Map
	agreement    types.String
	accepted     types.Set
}

// request converts the arguments into a domain request.
func (a requestArgs) request(ctx context.Context, diags *diagnostics) (srm.Request, bool) {
	req := srm.Request{
		ResourceType: a.resourceType.ValueString(),
		ServiceModel: a.serviceModel.ValueString(),
		Agreement:    a.agreement.ValueString(),
	}
	if !a.conditions.IsNull() {
		req.Conditions = conditionValues(ctx, a.conditions, diags)
	}
	if !a.accepted.IsNull() {
		diags.Append(a.accepted.ElementsAs(ctx, &req.Accepted, false)...)
	}
	return req, !diags.HasError()
}

// conditionsDescription documents the conditions argument of every
// resolving data source and resource.
const conditionsDescription = "Attribute values of the declared resource that change the answer, keyed by the attribute's name " +
	"(a dotted path in nested blocks, e.g. `site_config.application_stack.docker_image_name`), best written from the resource " +
	"itself: `{ package_type = aws_lambda_function.this.package_type }`. Values are strings: Terraform converts booleans " +
	"(`true`, `false`) and numbers as they are, and a null (or empty) value is an attribute that is not set. A value matches " +
	"the catalog's exact values, then its rules (a prefix such as `custom-*`, `(set)` / `(not set)`, a boolean); a value that " +
	"matches nothing, and a condition not given, take the value that leaves the most to the customer and are listed in " +
	"`assumptions`. Only with `resource_type`; an unknown key is an error that lists the valid ones. `srm_catalog` and the " +
	"resource-types guide list each type's conditions."

// conditionValues converts a conditions map into the domain's form: a null
// element is an attribute that is not set ("").
func conditionValues(ctx context.Context, m types.Map, diags *diagnostics) map[string]string {
	var elems map[string]types.String
	diags.Append(m.ElementsAs(ctx, &elems, false)...)
	out := make(map[string]string, len(elems))
	for k, v := range elems {
		out[k] = v.ValueString()
	}
	return out
}

// resolveRequest converts the arguments and resolves them; errors are
// reported on the argument's path below root.
func resolveRequest(ctx context.Context, e *srm.Engine, a requestArgs, root path.Path, fields map[string]string, diags *diagnostics) (*srm.Result, bool) {
	req, ok := a.request(ctx, diags)
	if !ok {
		return nil, false
	}
	r, err := e.Resolve(req)
	if err != nil {
		addInputError(diags, root, err, fields)
		return nil, false
	}
	return r, true
}
