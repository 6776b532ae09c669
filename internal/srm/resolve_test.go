// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func engine() *Engine { return &Engine{Catalog: MustBuiltin()} }

func owner(t *testing.T, r *Result, component string) Owner {
	t.Helper()
	for _, c := range r.Components {
		if c.Component.ID == component {
			return c.Owner
		}
	}
	t.Fatalf("no component %s", component)
	return ""
}

func layerOwner(r *Result, layer string) Owner {
	for _, l := range r.Layers {
		if l.Layer.ID == layer {
			return l.Owner
		}
	}
	return ""
}

func resolve(t testing.TB, e *Engine, req Request) *Result {
	t.Helper()
	r, err := e.Resolve(req)
	if err != nil {
		t.Fatalf("Resolve(%+v): %v", req, err)
	}
	return r
}

func TestResolveServiceModels(t *testing.T) {
	e := engine()
	cases := []struct {
		model, component string
		want             Owner
	}{
		{"iaas", "operating_system", OwnerCustomer},
		{"iaas", "virtualization", OwnerProvider},
		{"paas", "operating_system", OwnerProvider},
		{"paas", "network_controls", OwnerShared},
		{"caas", "operating_system", OwnerShared},
		{"faas", "runtime", OwnerShared},
		{"saas", "application_code", OwnerProvider},
		{"saas", "configuration", OwnerCustomer},
		{"on_premises", "physical_datacenter", OwnerCustomer},
	}
	for _, tc := range cases {
		r := resolve(t, e, Request{ServiceModel: tc.model})
		if got := owner(t, r, tc.component); got != tc.want {
			t.Errorf("%s/%s = %s, want %s", tc.model, tc.component, got, tc.want)
		}
	}
	for _, m := range e.Catalog.ServiceModels {
		r := resolve(t, e, Request{ServiceModel: m.ID})
		for _, c := range []string{"data_classification", "data_protection", "data_access", "accounts_and_access"} {
			if got := owner(t, r, c); got == OwnerProvider {
				t.Errorf("%s/%s is provider-owned", m.ID, c)
			}
		}
	}
}

func TestLayerOwnersAreDerived(t *testing.T) {
	e := engine()
	for _, m := range e.Catalog.ServiceModels {
		r := resolve(t, e, Request{ServiceModel: m.ID})
		for _, l := range e.Catalog.Layers {
			var owners []Owner
			for _, c := range r.Components {
				if c.Component.Layer == l.ID {
					owners = append(owners, c.Owner)
				}
			}
			want := owners[0]
			for _, o := range owners[1:] {
				if o != want {
					want = OwnerShared
				}
			}
			if got := layerOwner(r, l.ID); got != want {
				t.Errorf("%s/%s layer = %s, want %s (components %v)", m.ID, l.ID, got, want, owners)
			}
		}
	}
	r := resolve(t, e, Request{ServiceModel: "iaas"})
	if layerOwner(r, "infrastructure") != OwnerProvider || layerOwner(r, "platform") != OwnerCustomer {
		t.Errorf("iaas layers: %+v", r.Layers)
	}
	if layerOwner(resolve(t, e, Request{ServiceModel: "paas"}), "platform") != OwnerShared {
		t.Error("paas platform should be shared (provider OS, shared network controls)")
	}
}

func TestObligationsFollowOwners(t *testing.T) {
	e := engine()
	iaas := resolve(t, e, Request{ServiceModel: "iaas"})
	paas := resolve(t, e, Request{ServiceModel: "paas"})
	hasComponent := func(r *Result, comp string) bool {
		for _, o := range r.CustomerObligations {
			if o.Component == comp {
				return true
			}
		}
		return false
	}
	if !hasComponent(iaas, "operating_system") {
		t.Error("iaas carries no operating_system obligation")
	}
	if hasComponent(paas, "operating_system") {
		t.Error("paas carries an operating_system obligation though the provider owns the OS")
	}
	if hasComponent(iaas, "physical_hosts") {
		t.Error("iaas carries a physical obligation")
	}
	if len(iaas.Unaccepted) != len(iaas.CustomerObligations) {
		t.Error("nothing accepted, yet not everything is unaccepted")
	}
	if prs := paas.ProviderResponsibilities(); len(prs) == 0 || prs[0].Component != "physical_datacenter" {
		t.Errorf("provider responsibilities = %+v", prs)
	}
}

func TestAcceptedObligations(t *testing.T) {
	e := engine()
	all := resolve(t, e, Request{ServiceModel: "saas"}).CustomerObligationIDs()
	r := resolve(t, e, Request{ServiceModel: "saas", Accepted: all[:2]})
	if got := r.UnacceptedIDs(); !slices.Equal(got, all[2:]) {
		t.Errorf("unaccepted = %v, want %v", got, all[2:])
	}
	if len(resolve(t, e, Request{ServiceModel: "saas", Accepted: all}).Unaccepted) != 0 {
		t.Error("all accepted, yet some unaccepted")
	}
	_, err := e.Resolve(Request{ServiceModel: "paas", Accepted: []string{"operating_system.patch"}})
	var ie *InputError
	if !errors.As(err, &ie) || ie.Field != "accepted_obligations" || !strings.Contains(ie.Detail, "provider-owned") {
		t.Errorf("accepting a provider-side obligation: %v", err)
	}
	_, err = e.Resolve(Request{ServiceModel: "saas", Accepted: []string{"data_protection.encrypt_at_rst"}})
	if !errors.As(err, &ie) || !strings.Contains(ie.Detail, `did you mean "data_protection.encrypt_at_rest"`) {
		t.Errorf("typo in accepted id: %v", err)
	}
}

// WithAccepted answers as Resolve with the same accepted ids would, and
// leaves the result it starts from untouched.
func TestWithAccepted(t *testing.T) {
	e := engine()
	base := resolve(t, e, Request{ServiceModel: "paas"})
	all := base.CustomerObligationIDs()
	for _, accepted := range [][]string{nil, all[:1], {all[3], all[1]}, all} {
		want := resolve(t, e, Request{ServiceModel: "paas", Accepted: accepted})
		got, err := base.WithAccepted(accepted)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.UnacceptedIDs(), want.UnacceptedIDs()) || !slices.Equal(got.AcceptedIDs(), want.AcceptedIDs()) {
			t.Errorf("accepted %v: unaccepted %v, want %v", accepted, got.UnacceptedIDs(), want.UnacceptedIDs())
		}
	}
	if !slices.Equal(base.UnacceptedIDs(), all) {
		t.Errorf("WithAccepted changed the result it started from: unaccepted %v", base.UnacceptedIDs())
	}
	_, want := e.Resolve(Request{ServiceModel: "paas", Accepted: []string{"operating_system.patch"}})
	if _, err := base.WithAccepted([]string{"operating_system.patch"}); err == nil || want == nil || err.Error() != want.Error() {
		t.Errorf("a provider-side obligation: %v, want %v", err, want)
	}
}

func TestResolveErrors(t *testing.T) {
	e := engine()
	cases := []struct {
		req          Request
		field, match string
	}{
		{Request{ServiceModel: "iaaas"}, "service_model", `did you mean "iaas"`},
		{Request{ResourceType: "aws_dbinstance"}, "resource_type", `Did you mean "aws_db_instance"`},
		{Request{ResourceType: "aws_lambda_function", Conditions: map[string]string{"packagetype": "Image"}}, "conditions", "Valid conditions: package_type"},
		{Request{ResourceType: "aws_instance", Conditions: map[string]string{"ami": "x"}}, "conditions", "aws_instance has no conditions"},
		{Request{ServiceModel: "iaas", Conditions: map[string]string{"a": "b"}}, "conditions", "set resource_type"},
		{Request{ServiceModel: "iaas", Agreement: "x"}, "agreement", "No agreement is defined"},
	}
	for _, tc := range cases {
		_, err := e.Resolve(tc.req)
		var ie *InputError
		if !errors.As(err, &ie) {
			t.Errorf("%+v: want InputError, got %v", tc.req, err)
			continue
		}
		if ie.Field != tc.field || !strings.Contains(ie.Detail, tc.match) {
			t.Errorf("%+v: got field %s detail %q; want field %s containing %q", tc.req, ie.Field, ie.Detail, tc.field, tc.match)
		}
	}
}

func TestAgreementOverrides(t *testing.T) {
	c := MustBuiltin()
	firewall := &Agreement{Name: "managed-firewall", Overrides: []Override{{
		ServiceModel: "iaas", Component: "network_controls", Owner: OwnerShared,
		ProviderPart: "Operates the managed firewall", CustomerPart: "Requests rule changes", Reason: "Managed firewall contract", Reference: "MSA-7",
	}}}
	if errs := ValidateAgreements(c, []*Agreement{firewall}); len(errs) != 0 {
		t.Fatalf("valid agreement rejected: %v", errs[0])
	}
	e := &Engine{Catalog: c, Agreements: map[string]*Agreement{firewall.Name: firewall}}
	r := resolve(t, e, Request{ServiceModel: "iaas", Agreement: "managed-firewall"})
	if owner(t, r, "network_controls") != OwnerShared {
		t.Error("override not applied")
	}
	if len(r.OverridesApplied) != 1 || r.OverridesApplied[0].Reference != "MSA-7" || r.OverridesApplied[0].From != OwnerCustomer {
		t.Errorf("overrides applied = %+v", r.OverridesApplied)
	}
	if owner(t, resolve(t, e, Request{ServiceModel: "paas", Agreement: "managed-firewall"}), "network_controls") != OwnerShared {
		t.Error("paas network controls changed")
	}

	bad := []struct {
		ov   Override
		attr string
		rule string
	}{
		{Override{Component: "data_protection", Owner: OwnerProvider, Reason: "r"}, "owner", "customer retains data security"},
		{Override{ServiceModel: "saas", Component: "accounts_and_access", Owner: OwnerProvider, Reason: "r"}, "owner", "customer retains user access"},
		{Override{Component: "configuration", Owner: OwnerProvider, Reason: "r"}, "owner", "misconfiguration"},
		{Override{ServiceModel: "iaas", Component: "physical_hosts", Owner: OwnerCustomer, Reason: "r"}, "owner", "physical layer of its cloud"},
		{Override{ServiceModel: "iaas", Component: "network_controlz", Owner: OwnerShared, Reason: "r"}, "component", `did you mean "network_controls"`},
		{Override{ServiceModel: "xaas", Component: "runtime", Owner: OwnerCustomer, Reason: "r"}, "service_model", "Valid service models"},
		{Override{ServiceModel: "iaas", Component: "runtime", Owner: OwnerShared, Reason: "r"}, "owner", "provider_part and customer_part"},
	}
	for _, b := range bad {
		errs := ValidateAgreements(c, []*Agreement{{Name: "a", Overrides: []Override{b.ov}}})
		if len(errs) == 0 || errs[0].Attribute != b.attr || !strings.Contains(errs[0].Detail, b.rule) {
			t.Errorf("%+v: want %s error with %q, got %+v", b.ov, b.attr, b.rule, errs)
		}
	}
	dup := ValidateAgreements(c, []*Agreement{{Name: "a"}, {Name: "a"}})
	if len(dup) != 1 || dup[0].Agreement != 1 || dup[0].Attribute != "name" {
		t.Errorf("duplicate names: %+v", dup)
	}
}

func TestTags(t *testing.T) {
	e := engine()
	r := resolve(t, e, Request{ResourceType: "aws_db_instance"})
	tags := r.Tags(DefaultTagPrefix)
	if tags["srm-service-model"] != "paas" || tags["srm-infrastructure"] != "provider" {
		t.Errorf("tags = %v", tags)
	}
	for k, v := range tags {
		if !tagKeyPattern.MatchString(k) || len(k) > maxTagLength || !tagValuePattern.MatchString(v) || len(v) > maxTagLength {
			t.Errorf("tag %s=%s is not valid for AWS, Azure and GCP at once", k, v)
		}
	}
	for _, bad := range []string{"SRM", "1srm", "s rm", "srm.x", strings.Repeat("a", 60)} {
		if e.Catalog.ValidateTagPrefix(bad) == nil {
			t.Errorf("prefix %q accepted", bad)
		}
	}
	if err := e.Catalog.ValidateTagPrefix("acme_srm"); err != nil {
		t.Error(err)
	}
}

func TestMatrixMarkdownIsDeterministic(t *testing.T) {
	e := engine()
	ms, rows, err := e.Matrix([]string{"saas", "iaas"}, "")
	if err != nil {
		t.Fatal(err)
	}
	md := MatrixMarkdown(ms, rows)
	if !strings.HasPrefix(md, "| layer | component | iaas | saas |\n|---|---|---|---|\n") {
		t.Errorf("header:\n%s", md)
	}
	if !strings.Contains(md, "| platform | operating_system | customer | provider |\n") {
		t.Errorf("row:\n%s", md)
	}
	ms2, rows2, _ := e.Matrix([]string{"iaas", "saas"}, "")
	if MatrixMarkdown(ms2, rows2) != md {
		t.Error("filter order changed the table")
	}
}
