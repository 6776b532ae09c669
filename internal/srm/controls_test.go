// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"slices"
	"sort"
	"testing"
)

func TestControlOrder(t *testing.T) {
	ids := []string{"AC-17", "AC-2(1)", "SC-28", "AC-2", "AC-6", "IA-2(12)", "IA-2(2)"}
	sort.Slice(ids, func(i, j int) bool { return controlLess(ids[i], ids[j]) })
	want := []string{"AC-2", "AC-2(1)", "AC-6", "AC-17", "IA-2(2)", "IA-2(12)", "SC-28"}
	if !slices.Equal(ids, want) {
		t.Errorf("order = %v, want %v", ids, want)
	}
}

func TestControlSplitFollowsOwners(t *testing.T) {
	e := engine()
	iaas := resolve(t, e, Request{ServiceModel: "iaas"}).Controls("nist_800_53_r5")
	paas := resolve(t, e, Request{ServiceModel: "paas"}).Controls("nist_800_53_r5")
	// Physical protection is inherited from the provider in every cloud model.
	for _, s := range []ControlSplit{iaas, paas} {
		if !slices.Contains(s.Inherited, "PE-3") {
			t.Errorf("PE-3 not inherited: %+v", s)
		}
	}
	// Flaw remediation: the customer patches the guest OS in IaaS while the
	// provider patches hosts, so SI-2 is shared there.
	if !slices.Contains(iaas.Shared, "SI-2") {
		t.Errorf("iaas SI-2 not shared: %+v", iaas)
	}
	// Encryption at rest is the customer's to evidence everywhere.
	for _, s := range []ControlSplit{iaas, paas} {
		if !slices.Contains(s.Customer, "SC-28") && !slices.Contains(s.Shared, "SC-28") {
			t.Errorf("SC-28 missing from the customer side: %+v", s)
		}
	}
	if slices.Equal(iaas.Customer, paas.Customer) && slices.Equal(iaas.Inherited, paas.Inherited) {
		t.Error("iaas and paas splits are identical")
	}
	onprem := resolve(t, e, Request{ServiceModel: "on_premises"}).Controls("nist_800_53_r5")
	if len(onprem.Inherited) != 0 || len(onprem.Shared) != 0 {
		t.Errorf("on premises inherits nothing: %+v", onprem)
	}
}

func TestAgreementMovesControlSplit(t *testing.T) {
	c := MustBuiltin()
	a := &Agreement{Name: "managed-firewall", Overrides: []Override{{
		ServiceModel: "paas", Component: "network_controls", Owner: OwnerProvider, Reason: "managed firewall"}}}
	e := &Engine{Catalog: c, Agreements: map[string]*Agreement{a.Name: a}}
	before := resolve(t, e, Request{ServiceModel: "paas"}).Controls("nist_800_53_r5")
	after := resolve(t, e, Request{ServiceModel: "paas", Agreement: a.Name}).Controls("nist_800_53_r5")
	if !slices.Contains(before.Shared, "SC-7") {
		t.Fatalf("paas SC-7 should be shared before the agreement: %+v", before)
	}
	if !slices.Contains(after.Inherited, "SC-7") {
		t.Errorf("SC-7 should be inherited once the provider owns network controls: %+v", after)
	}
}
