// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"slices"
	"testing"
)

// The built-in google, kubernetes and helm services answer for the types
// that have no entry, through the derived prefixes and lists, with the
// classification that leaves no customer duty out.
func TestBuiltinGoogleKubernetesServices(t *testing.T) {
	t.Parallel()
	c, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	e := &Engine{Catalog: c}
	for _, tc := range []struct {
		typ, service, model string
		// obligation is one the answer must carry.
		obligation string
	}{
		// A listed type (google_project is a prefix of other products'
		// types) and the product's own prefix google_project_iam_.
		{"google_project_service_identity", "google/resourcemanager", "saas", "accounts_and_access.least_privilege"},
		// The longest prefix wins: google_bigquery_connection_ over BigQuery's google_bigquery_.
		{"google_bigquery_connection_iam_member", "google/bigqueryconnection", "saas", "accounts_and_access.rotate_credentials"},
		{"google_bigquery_job", "google/bigquery", "saas", "data_access.least_privilege_access"},
		// A type only in google-beta, in a product only in google-beta.
		{"google_firebase_hosting_site", "google/firebasehosting", "saas", "data_protection.encrypt_in_transit"},
		// A Compute Engine host type without an entry answers as a host; a
		// network type, through the part of the service for its prefix.
		{"google_compute_node_group", "google/compute", "iaas", "operating_system.patch"},
		{"google_compute_region_network_firewall_policy", "google/compute.network", "iaas", "network_controls.restrict_ingress"},
		// IAM types of a serverless product keep their access duties, in
		// the part of the service for its grants.
		{"google_cloud_run_v2_job_iam_member", "google/cloudrunv2.iam", "faas", "accounts_and_access.least_privilege"},
		// On the customer's hardware: everything is the customer's.
		{"google_gkeonprem_vmware_node_pool", "google/gkeonprem", "on_premises", "physical_datacenter.secure_facilities"},
		// Kubernetes types are listed by API group.
		{"kubernetes_endpoint_slice_v1", "kubernetes/discovery", "caas", "network_controls.restrict_ingress"},
		{"kubernetes_validating_admission_policy_v1", "kubernetes/admissionregistration", "caas", ""},
		{"kubernetes_token_request_v1", "kubernetes/authentication", "caas", "accounts_and_access.rotate_credentials"},
	} {
		rt := c.Lookup(tc.typ)
		if rt == nil {
			t.Errorf("%s: nothing answers, want %s", tc.typ, tc.service)
			continue
		}
		if rt.Basis != BasisService || rt.Type != tc.service || rt.ServiceModel != tc.model {
			t.Errorf("%s: answered by %s (basis %s, %s), want %s (basis service, %s)", tc.typ, rt.Type, rt.Basis, rt.ServiceModel, tc.service, tc.model)
			continue
		}
		if tc.obligation == "" {
			continue
		}
		res, err := e.Resolve(Request{ResourceType: tc.typ})
		if err != nil {
			t.Errorf("%s: %v", tc.typ, err)
			continue
		}
		if ids := res.CustomerObligationIDs(); !slices.Contains(ids, tc.obligation) {
			t.Errorf("%s: customer obligations %v, want %s among them", tc.typ, ids, tc.obligation)
		}
	}
	// Type entries still win over their service.
	for typ, service := range map[string]string{"google_compute_instance": "google/compute", "kubernetes_deployment_v1": "kubernetes/apps", "helm_release": "helm/helm"} {
		if rt := c.Lookup(typ); rt == nil || rt.Basis != BasisType {
			t.Errorf("%s: want its own entry (basis type), got %v", typ, rt)
		}
		if s := c.ServiceOf(typ); s == nil || s.Type != service {
			t.Errorf("%s: service %v, want %s", typ, s, service)
		}
	}
}
