// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-validators/resourcevalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/mapplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

var (
	_ resource.ResourceWithConfigure        = (*obligationAcceptanceResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*obligationAcceptanceResource)(nil)
	_ resource.ResourceWithImportState      = (*obligationAcceptanceResource)(nil)
	_ resource.ResourceWithConfigValidators = (*obligationAcceptanceResource)(nil)
)

// NewObligationAcceptanceResource returns the srm_obligation_acceptance resource.
func NewObligationAcceptanceResource() resource.Resource { return &obligationAcceptanceResource{} }

type obligationAcceptanceResource struct{ data *providerData }

type obligationAcceptanceModel struct {
	ID                    types.String `tfsdk:"id"`
	ResourceAddress       types.String `tfsdk:"resource_address"`
	Scope                 types.Set    `tfsdk:"scope"`
	ResourceType          types.String `tfsdk:"resource_type"`
	ServiceModel          types.String `tfsdk:"service_model"`
	Conditions            types.Map    `tfsdk:"conditions"`
	Agreement             types.String `tfsdk:"agreement"`
	Obligations           types.Set    `tfsdk:"obligations"`
	AcceptedBy            types.String `tfsdk:"accepted_by"`
	Justification         types.String `tfsdk:"justification"`
	Reference             types.String `tfsdk:"reference"`
	ReviewBy              types.String `tfsdk:"review_by"`
	AcceptedAt            types.String `tfsdk:"accepted_at"`
	AcceptedObligations   types.List   `tfsdk:"accepted_obligations"`
	RequiredObligations   types.List   `tfsdk:"required_obligations"`
	UnacceptedObligations types.List   `tfsdk:"unaccepted_obligations"`
	CatalogVersion        types.String `tfsdk:"catalog_version"`
	Expired               types.Bool   `tfsdk:"expired"`
	Assumptions           types.List   `tfsdk:"assumptions"`
	Basis                 types.String `tfsdk:"basis"`
}

func (r *obligationAcceptanceResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_obligation_acceptance"
}

func (r *obligationAcceptanceResource) Schema(_ context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = obligationAcceptanceSchema()
}

// reviewByPattern admits RFC 3339 dates and timestamps; srm.ParseReviewBy
// checks the calendar.
var reviewByPattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$`)

// obligationAcceptanceSchema is schema version 1: version 0 (before scopes
// and expired) is upgraded by UpgradeState, which keeps every attribute.
func obligationAcceptanceSchema() schema.Schema {
	// A new acceptance is a new record with a new accepted_at: changing what
	// is accepted, for which resource, or by whom replaces the record.
	replaceUnlessImported := stringplanmodifier.RequiresReplaceIf(replaceUnlessImportedString,
		"Changing this is a new acceptance.", "Changing this is a new acceptance.")
	return schema.Schema{
		Version: 1,
		MarkdownDescription: "The record of accepted customer obligations of one declared resource, or of every resource in a `scope` " +
			"(a module, a type, a fleet): which obligations a team has " +
			"accepted, by whom, why, and until when. It lives only in Terraform state and calls no API.\n\n" +
			"The plan shows `required_obligations` and `unaccepted_obligations`, so a reviewer sees what a change brings and " +
			"what is still open; partial acceptance is allowed and visible. Changing `resource_address`, the model or type, " +
			"`conditions`, `agreement`, `obligations` or `accepted_by` is a new acceptance: the record is replaced and gets a " +
			"new `accepted_at`. `justification`, `reference` and `review_by` update in place. When a newer catalog adds an " +
			"obligation, the next plan shows it in `required_obligations` and `unaccepted_obligations`, or, when a wildcard of " +
			"`obligations` matches it, in `accepted_obligations`.\n\n" +
			"**Expiry.** Expiry is detected when Terraform refreshes the record (as `time_rotating` does): once `review_by` " +
			"has passed, the refresh sets `expired` and empties `accepted_obligations`. The record then stays in state as it is, " +
			"expired: plans show no change for it and warn, naming the resource, the team and the date, and every obligation " +
			"counts as unaccepted, so the preconditions of every resource it covered fail in the plan. Moving `review_by` to a " +
			"future date renews it in place (a new `id` and `accepted_at`: renewing an acceptance is re-accepting it). " +
			"Plans never read the clock for expiry, so a plan saved before `review_by` applies as it was planned; the next " +
			"refresh then marks the record expired. A `review_by` that a plan sets (a new record, or a changed date) must lie " +
			"in the future, also when a saved plan is applied. The provider settings `max_review_days` and " +
			"`expiry_warning_days` require review dates and warn before they pass.\n\n" +
			"Accepting an obligation records who owns it. It does not transfer liability or remove risk.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				MarkdownDescription: "`<resource_address>@<accepted_at>`, or `scope:<patterns, sorted, comma-separated>@<accepted_at>`; " +
					"also the import ID.",
				Computed: true,
				// Stable for the life of the record; replacements make it unknown in ModifyPlan.
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"resource_address": schema.StringAttribute{
				MarkdownDescription: "Address of the one declared resource the acceptance covers, e.g. `aws_db_instance.orders` or " +
					"`module.shop.aws_db_instance.orders[\"eu\"]`; without an instance key it covers every instance of the resource. " +
					"Exactly one of `resource_address` and `scope`.",
				Optional:      true,
				Validators:    []validator.String{stringvalidator.LengthAtLeast(1), noWildcardValidator{}},
				PlanModifiers: []planmodifier.String{replaceUnlessImported},
			},
			"scope": schema.SetAttribute{
				MarkdownDescription: "Address patterns of the declared resources the acceptance covers, for a team that owns many: " +
					"`*` matches any run of characters, so `module.payments.*` is everything in that module and below it (every " +
					"instance of the module included), `aws_instance.*` every root-module instance of that type and " +
					"`*.aws_s3_bucket.*` that type in any module. A module call or resource named without an instance key covers " +
					"all its instances. `resource_type` and `service_model` then filter the resources covered. Exactly one of " +
					"`resource_address` and `scope`.",
				ElementType: types.StringType,
				Optional:    true,
				Validators:  []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(addressPatternValidator{})},
				PlanModifiers: []planmodifier.Set{setplanmodifier.RequiresReplaceIf(replaceUnlessImportedSet,
					"Changing this is a new acceptance.", "Changing this is a new acceptance.")},
			},
			"resource_type": schema.StringAttribute{
				MarkdownDescription: "Terraform resource type of the declared resource. With `resource_address` it may be omitted when " +
					"the address names it (`module.x.aws_db_instance.orders[\"a\"]` is an `aws_db_instance`); with `scope` it is a " +
					"filter: only resources of this type are covered. At most one of `resource_type` and `service_model`.",
				Optional:      true,
				PlanModifiers: []planmodifier.String{replaceUnlessImported},
			},
			"service_model": schema.StringAttribute{
				MarkdownDescription: "Service model (" + modelList() + "): with `resource_address`, of a resource whose type the catalog " +
					"does not know; with `scope`, a filter: only resources under this model are covered. At most one of " +
					"`resource_type` and `service_model`.",
				Optional:      true,
				PlanModifiers: []planmodifier.String{replaceUnlessImported},
			},
			"conditions": schema.MapAttribute{
				MarkdownDescription: "Attribute values of the declared resource that change the answer, as in `srm_responsibility`.",
				ElementType:         types.StringType,
				Optional:            true,
				PlanModifiers: []planmodifier.Map{mapplanmodifier.RequiresReplaceIf(replaceUnlessImportedMap,
					"Changing this is a new acceptance.", "Changing this is a new acceptance.")},
			},
			"agreement": schema.StringAttribute{
				MarkdownDescription: "Name of an `agreement` block of the provider configuration to apply.",
				Optional:            true,
				PlanModifiers:       []planmodifier.String{replaceUnlessImported},
			},
			"obligations": schema.SetAttribute{
				MarkdownDescription: "Accepted obligations: ids, `<component>.*` (every customer obligation of that component) or `*` " +
					"(every customer obligation). With `resource_address`, each must match a customer obligation of the resource " +
					"under its model; with `scope`, an obligation of the catalog (under `service_model`, if set). The error lists the " +
					"valid ids. When a newer catalog adds an obligation that a wildcard matches, the next plan shows it being added " +
					"to `accepted_obligations`, with a warning: it is accepted only once that plan is applied.",
				ElementType: types.StringType,
				Required:    true,
				Validators:  []validator.Set{setvalidator.SizeAtLeast(1), setvalidator.ValueStringsAre(stringvalidator.LengthAtLeast(1))},
				PlanModifiers: []planmodifier.Set{setplanmodifier.RequiresReplaceIf(replaceUnlessImportedSet,
					"Changing this is a new acceptance.", "Changing this is a new acceptance.")},
			},
			"accepted_by": schema.StringAttribute{
				MarkdownDescription: "The accountable team or person.",
				Required:            true,
				Validators: []validator.String{stringvalidator.RegexMatches(regexp.MustCompile(`\S`),
					"must name the accountable team or person")},
				PlanModifiers: []planmodifier.String{replaceUnlessImported},
			},
			"justification": schema.StringAttribute{
				MarkdownDescription: "Why the obligations are accepted, or how they are met. Updates in place.",
				Optional:            true,
			},
			"reference": schema.StringAttribute{
				MarkdownDescription: "Ticket, change or risk-register id. Updates in place.",
				Optional:            true,
			},
			"review_by": schema.StringAttribute{
				MarkdownDescription: "When the acceptance must be reviewed: an RFC 3339 date (`2027-06-30`, valid through that day, UTC) " +
					"or timestamp (`2027-06-30T12:00:00Z`). After it passes, the record is expired (see above).",
				Optional: true,
				Validators: []validator.String{stringvalidator.RegexMatches(reviewByPattern,
					"must be an RFC 3339 date (2027-06-30) or timestamp (2027-06-30T12:00:00Z)")},
			},
			"accepted_at": schema.StringAttribute{
				MarkdownDescription: "When the acceptance was recorded (RFC 3339, UTC). Set once at creation; kept by import.",
				Computed:            true,
				// Set once at create; only a replacement (a new acceptance) changes it.
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"accepted_obligations": schema.ListAttribute{
				MarkdownDescription: "The obligation ids this record currently accepts, in catalog order: `obligations` with its " +
					"wildcards expanded (for a `scope`, against the catalog), or none once the record has expired. Pass the record " +
					"itself to `acceptances` of `srm_responsibility` or `srm_assessment`, or this list to their `accepted_obligations`, " +
					"so that expiry closes the gate.",
				ElementType: types.StringType,
				Computed:    true,
			},
			"required_obligations": schema.ListAttribute{
				MarkdownDescription: "Every customer obligation of the resource under its model, in catalog order. Null for a `scope`, " +
					"which covers resources of many kinds: see `srm_assessment`.",
				ElementType: types.StringType,
				Computed:    true,
			},
			"unaccepted_obligations": schema.ListAttribute{
				MarkdownDescription: "`required_obligations` that this record does not currently accept. Null for a `scope`.",
				ElementType:         types.StringType,
				Computed:            true,
			},
			"catalog_version": schema.StringAttribute{
				MarkdownDescription: "Version of the catalog that computed the obligations.",
				Computed:            true,
			},
			"assumptions": schema.ListNestedAttribute{
				MarkdownDescription: assumptionsDescription + " The obligations a record may accept follow from the assumed values. " +
					"Null for a `scope`.",
				Computed: true,
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"condition": schema.StringAttribute{MarkdownDescription: "Condition key: the attribute's name, a dotted path in nested blocks.", Computed: true},
					"assumed":   schema.StringAttribute{MarkdownDescription: "The value or rule assumed, the one that leaves the most to the customer.", Computed: true},
					"reason":    schema.StringAttribute{MarkdownDescription: "Why the condition was assumed: not given, or the value given matches nothing.", Computed: true},
				}},
			},
			"basis": schema.StringAttribute{
				MarkdownDescription: basisDescription + " Null for a `scope`.",
				Computed:            true,
			},
			"expired": schema.BoolAttribute{
				MarkdownDescription: "Whether `review_by` had passed when the record was last refreshed. An expired record accepts nothing.",
				Computed:            true,
			},
		},
	}
}

// subject names what the record covers, in its id and messages: the
// resource address, or the scope label.
func (m *obligationAcceptanceModel) subject(ctx context.Context) string {
	if m.Scope.IsNull() || m.Scope.IsUnknown() {
		return m.ResourceAddress.ValueString()
	}
	var patterns []string
	m.Scope.ElementsAs(ctx, &patterns, false)
	return srm.ScopeLabel(patterns)
}

// An imported record carries only resource_address and accepted_at (the
// import ID); its first plan adopts the configuration in place instead of
// replacing it, so that a lost state entry is recreated with its original
// accepted_at. Imported state is recognisable by its null obligations, which
// are otherwise required.
func importedState(ctx context.Context, req interface {
	GetAttribute(context.Context, path.Path, any) diagnostics
}) bool {
	var obligations types.Set
	req.GetAttribute(ctx, path.Root("obligations"), &obligations)
	return obligations.IsNull()
}

func replaceUnlessImportedString(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = !importedState(ctx, req.State)
}

func replaceUnlessImportedMap(ctx context.Context, req planmodifier.MapRequest, resp *mapplanmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = !importedState(ctx, req.State)
}

func replaceUnlessImportedSet(ctx context.Context, req planmodifier.SetRequest, resp *setplanmodifier.RequiresReplaceIfFuncResponse) {
	resp.RequiresReplace = !importedState(ctx, req.State)
}

func (r *obligationAcceptanceResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return []resource.ConfigValidator{
		resourcevalidator.ExactlyOneOf(path.MatchRoot("resource_address"), path.MatchRoot("scope")),
		resourcevalidator.Conflicting(path.MatchRoot("resource_type"), path.MatchRoot("service_model")),
		resourcevalidator.Conflicting(path.MatchRoot("service_model"), path.MatchRoot("conditions")),
		// A scope covers resources of many kinds: their conditions and
		// agreements belong to srm_responsibility and srm_assessment.
		resourcevalidator.Conflicting(path.MatchRoot("scope"), path.MatchRoot("conditions")),
		resourcevalidator.Conflicting(path.MatchRoot("scope"), path.MatchRoot("agreement")),
	}
}

func (r *obligationAcceptanceResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = configuredData(req.ProviderData, &resp.Diagnostics)
}

// derive computes the obligations of the record; false when an input is
// still unknown (the computed values then stay unknown) or invalid.
func (r *obligationAcceptanceResource) derive(ctx context.Context, m *obligationAcceptanceModel, diags *diagnostics) bool {
	v := values(diags)
	if m.ResourceAddress.IsUnknown() || !fullyKnown(m.Scope) || m.ResourceType.IsUnknown() || m.ServiceModel.IsUnknown() ||
		m.Agreement.IsUnknown() || !fullyKnown(mapElems{m.Conditions}) || !fullyKnown(m.Obligations) || m.Expired.IsUnknown() ||
		r.data.unknown.blocking(false, m.Agreement.ValueString()) != "" {
		return false
	}
	var patterns []string
	diags.Append(m.Obligations.ElementsAs(ctx, &patterns, false)...)
	if diags.HasError() {
		return false
	}
	c := r.data.engine.Catalog
	var candidates []*srm.Obligation
	var what string
	var notApplicable func(id string) *srm.InputError
	var res *srm.Result
	if !m.Scope.IsNull() {
		model, ok := r.scopeFilter(m, diags)
		if !ok {
			return false
		}
		candidates, what = c.ScopeCandidates(model), "obligations of the catalog"
		if model != "" {
			what = "obligations that apply under " + model
			notApplicable = func(id string) *srm.InputError {
				return &srm.InputError{Key: id, Summary: "Obligation does not apply under this model",
					Detail: fmt.Sprintf("%q does not apply under %s: component %s is provider-owned there. The %s are: %s.",
						id, model, c.Obligation(id).Component, what, strings.Join(srm.ObligationIDs(candidates), ", "))}
			}
		}
	} else {
		var ok bool
		if res, ok = r.resolveAddressed(ctx, m, diags); !ok {
			return false
		}
		candidates, what = res.CustomerObligations, "customer obligations of "+res.ServiceModel.ID
		if res.ResourceType != nil {
			what = fmt.Sprintf("customer obligations of %s (%s)", res.Type, res.ServiceModel.ID)
		}
		notApplicable = func(id string) *srm.InputError { return res.NotAnObligationError("obligations", id) }
	}
	if err := c.CheckObligationPatterns("obligations", patterns, candidates, what, notApplicable); err != nil {
		addInputError(diags, path.Empty(), err, nil)
		return false
	}
	accepted := srm.ExpandObligations(patterns, candidates)
	if m.Expired.ValueBool() {
		accepted = nil
	}
	m.AcceptedObligations = v.stringList(accepted)
	m.RequiredObligations = types.ListNull(types.StringType)
	m.UnacceptedObligations = types.ListNull(types.StringType)
	m.Assumptions = types.ListNull(types.ObjectType{AttrTypes: assumptionAttrTypes})
	m.Basis = types.StringNull()
	if res != nil {
		m.Assumptions = v.assumptionsList(res)
		m.Basis = basisValue(res)
		warnDeprecations(res, path.Empty(), "resource_type", diags)
		required := res.CustomerObligationIDs()
		unaccepted := make([]string, 0, len(required))
		for _, id := range required {
			if !slices.Contains(accepted, id) {
				unaccepted = append(unaccepted, id)
			}
		}
		m.RequiredObligations = v.stringList(required)
		m.UnacceptedObligations = v.stringList(unaccepted)
	}
	m.CatalogVersion = types.StringValue(c.Version)
	return true
}

// scopeFilter checks the type or model filter of a scoped record and returns
// the model whose obligations it may accept ("" for every model).
func (r *obligationAcceptanceResource) scopeFilter(m *obligationAcceptanceModel, diags *diagnostics) (string, bool) {
	if m.ResourceType.IsNull() && m.ServiceModel.IsNull() {
		return "", true
	}
	// Resolving the filter alone reports an unknown type or model on its
	// attribute, with suggestions.
	res, err := r.data.engine.Resolve(srm.Request{ResourceType: m.ResourceType.ValueString(), ServiceModel: m.ServiceModel.ValueString()})
	if err != nil {
		addInputError(diags, path.Empty(), err, nil)
		return "", false
	}
	// A type that only its service answers for, one edit from an entry,
	// is probably a misspelled filter: it would cover no resource.
	warnDeprecations(res, path.Empty(), "resource_type", diags)
	// A type's conditions may move it to another model: every obligation
	// of the catalog stays acceptable.
	return m.ServiceModel.ValueString(), true
}

// resolveAddressed resolves the resource a record with resource_address
// covers; without resource_type and service_model, its type is read from
// the address.
func (r *obligationAcceptanceResource) resolveAddressed(ctx context.Context, m *obligationAcceptanceModel, diags *diagnostics) (*srm.Result, bool) {
	args := requestArgs{resourceType: m.ResourceType, serviceModel: m.ServiceModel, conditions: m.Conditions, agreement: m.Agreement}
	if !m.ResourceType.IsNull() || !m.ServiceModel.IsNull() {
		return resolveRequest(ctx, r.data.engine, args, path.Empty(), nil, diags)
	}
	resourceType, ok := typeFromAddress(r.data.engine, m.ResourceAddress.ValueString(), path.Root("resource_address"), diags)
	if !ok {
		return nil, false
	}
	args.resourceType = types.StringValue(resourceType)
	req, ok := args.request(ctx, diags)
	if !ok {
		return nil, false
	}
	res, err := r.data.engine.Resolve(req)
	if err != nil {
		addInputError(diags, path.Empty(), err, nil)
		return nil, false
	}
	return res, true
}

// ModifyPlan never reads the clock to decide expiry: Terraform plans again
// when it applies a saved plan, and a plan that depended on the time would
// then differ from the one approved. Expiry comes from state (Read sets
// expired); the clock only checks that a review date the plan sets lies in
// the future, which at apply time is a plain error, never a changed plan.
func (r *obligationAcceptanceResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() || r.data == nil {
		return // destroy, or provider not configured yet (validation)
	}
	var plan, state obligationAcceptanceModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	creating := req.State.Raw.IsNull()
	if !creating {
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	// A review date is set by a create or by changing it; an imported
	// record adopts the configuration's.
	reviewSet := creating || state.Obligations.IsNull() || !plan.ReviewBy.Equal(state.ReviewBy)
	expired := !creating && state.Expired.ValueBool()
	renewed := expired && reviewSet && !plan.ReviewBy.IsUnknown()
	switch {
	case renewed:
		// Moving review_by renews an expired record in place: renewing is
		// re-accepting, so it gets a new id and accepted_at. Data sources
		// do not read either, so their reads stay at plan time.
		plan.ID = types.StringUnknown()
		plan.AcceptedAt = types.StringUnknown()
	case expired:
		// An expired record stays as it is, expired, until review_by moves:
		// the plan shows no change for it, and every data source that takes
		// it reads it expired at plan time.
		resp.Diagnostics.AddAttributeWarning(path.Root("review_by"), "Obligation acceptance expired",
			fmt.Sprintf("The acceptance of %s by %s expired: review_by %s has passed. It accepts nothing, so its obligations "+
				"count as unaccepted, until review_by is moved to a future date, which renews it in place.",
				state.subject(ctx), state.AcceptedBy.ValueString(), state.ReviewBy.ValueString()))
	}
	if reviewSet && !plan.ReviewBy.IsNull() && !plan.ReviewBy.IsUnknown() {
		checkFutureReviewBy(plan.ReviewBy.ValueString(), r.data.clock(), &resp.Diagnostics)
	}
	r.data.reviews.check(plan.subject(ctx), plan.AcceptedBy.ValueString(), plan.ReviewBy, expired && !renewed, r.data.clock(), &resp.Diagnostics)
	// A record stays expired until the plan sets a new review date; whether
	// a review date not known yet is a new one is only known at apply.
	plan.Expired = types.BoolValue(expired && !reviewSet)
	if expired && plan.ReviewBy.IsUnknown() {
		plan.Expired = types.BoolUnknown()
	}
	if len(resp.RequiresReplace) > 0 {
		// A replacement is a new acceptance: new id and accepted_at.
		plan.ID = types.StringUnknown()
		plan.AcceptedAt = types.StringUnknown()
		plan.Expired = types.BoolValue(false)
	}
	if !r.derive(ctx, &plan, &resp.Diagnostics) {
		plan.AcceptedObligations = types.ListUnknown(types.StringType)
		plan.RequiredObligations = types.ListUnknown(types.StringType)
		plan.UnacceptedObligations = types.ListUnknown(types.StringType)
		plan.CatalogVersion = types.StringUnknown()
		plan.Assumptions = types.ListUnknown(types.ObjectType{AttrTypes: assumptionAttrTypes})
		plan.Basis = types.StringUnknown()
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if !creating && !expired && len(resp.RequiresReplace) == 0 && plan.Obligations.Equal(state.Obligations) {
		warnWildcardGrowth(ctx, &state, &plan, &resp.Diagnostics)
	}
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

// warnWildcardGrowth names the obligations that a record's unchanged
// wildcards now accept because the catalog grew: the plan shows them added
// to accepted_obligations, and the warning says so, so that nobody accepts
// a new duty without seeing it.
func warnWildcardGrowth(ctx context.Context, state, plan *obligationAcceptanceModel, diags *diagnostics) {
	if state.AcceptedObligations.IsNull() || !fullyKnown(plan.AcceptedObligations) {
		return
	}
	var before, after []string
	state.AcceptedObligations.ElementsAs(ctx, &before, false)
	plan.AcceptedObligations.ElementsAs(ctx, &after, false)
	var added []string
	for _, id := range after {
		if !slices.Contains(before, id) {
			added = append(added, id)
		}
	}
	if len(added) == 0 {
		return
	}
	diags.AddAttributeWarning(path.Root("accepted_obligations"), "Wildcard accepts new obligations",
		fmt.Sprintf("The catalog now has obligations that the wildcards in obligations of %s (accepted by %s) match: %s. "+
			"Applying this plan accepts them; to leave them open, list the accepted ids instead of the wildcard.",
			state.subject(ctx), state.AcceptedBy.ValueString(), strings.Join(added, ", ")))
}

// checkFutureReviewBy reports a review date that has already passed. When a
// saved plan is applied after the date, this is the error the apply stops
// with.
func checkFutureReviewBy(reviewBy string, now time.Time, diags *diagnostics) {
	t, err := srm.ParseReviewBy(reviewBy)
	if err != nil {
		diags.AddAttributeError(path.Root("review_by"), "Invalid review date", err.Error())
		return
	}
	if now.After(t) {
		diags.AddAttributeError(path.Root("review_by"), "Review date in the past",
			fmt.Sprintf("review_by %s has already passed (now is %s): an acceptance must be reviewed in the future. "+
				"If this is a saved plan made before that date, plan again with a later review_by.",
				reviewBy, now.UTC().Format(time.RFC3339)))
	}
}

func (r *obligationAcceptanceResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	r.record(ctx, req.Plan, &resp.State, &resp.Diagnostics)
}

// record writes the planned record to state: a new accepted_at (and id) when
// the plan leaves it unknown — a create, or an expired record recorded anew —
// and the obligations computed from values now known.
func (r *obligationAcceptanceResource) record(ctx context.Context, plan tfsdk.Plan, state *tfsdk.State, diags *diagnostics) {
	var m obligationAcceptanceModel
	diags.Append(plan.Get(ctx, &m)...)
	if diags.HasError() {
		return
	}
	now := r.data.clock().UTC().Truncate(time.Second)
	if m.AcceptedAt.IsUnknown() {
		m.AcceptedAt = types.StringValue(now.Format(time.RFC3339))
		m.ID = types.StringValue(srm.AcceptanceID(m.subject(ctx), now))
	}
	if !r.derive(ctx, &m, diags) {
		diags.AddError("Unknown values at apply", "The acceptance's arguments are still unknown at apply time. This is a bug in the provider.")
		return
	}
	tflog.Debug(ctx, "recorded obligation acceptance", map[string]any{"id": m.ID.ValueString()})
	diags.Append(state.Set(ctx, &m)...)
}

// Read is where expiry is detected, as hashicorp/time's time_rotating
// detects rotation: the record lives only in state, and a refresh after
// review_by marks it expired, so that plans act on state and never on the
// clock. Catalog changes are computed at plan time.
func (r *obligationAcceptanceResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	v := values(&resp.Diagnostics)
	var m obligationAcceptanceModel
	resp.Diagnostics.Append(req.State.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !m.Obligations.IsNull() { // not a record just imported
		if m.Expired.IsNull() {
			m.Expired = types.BoolValue(false)
		}
		if r.data != nil && !m.Expired.ValueBool() && srm.Expired(m.ReviewBy.ValueString(), r.data.clock()) {
			tflog.Info(ctx, "obligation acceptance expired", map[string]any{"id": m.ID.ValueString(), "review_by": m.ReviewBy.ValueString()})
			m.Expired = types.BoolValue(true)
			m.AcceptedObligations = v.list(types.StringType, nil)
			if !m.RequiredObligations.IsNull() {
				m.UnacceptedObligations = m.RequiredObligations
			}
		}
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

func (r *obligationAcceptanceResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	r.record(ctx, req.Plan, &resp.State, &resp.Diagnostics)
}

// Delete forgets the record: removing an acceptance from the configuration
// withdraws it.
func (r *obligationAcceptanceResource) Delete(context.Context, resource.DeleteRequest, *resource.DeleteResponse) {
}

// ImportState recreates a lost record from its ID,
// "<resource_address>@<accepted_at>" or "scope:<patterns>@<accepted_at>":
// the original accepted_at is kept, and
// the first plan adopts the rest of the configuration in place.
func (r *obligationAcceptanceResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	address, at, err := srm.ParseAcceptanceID(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), srm.AcceptanceID(address, at))...)
	if patterns, scoped := srm.ParseScopeLabel(address); scoped {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("scope"), patterns)...)
	} else {
		resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("resource_address"), address)...)
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("accepted_at"), at.UTC().Format(time.RFC3339))...)
}
