// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// One case per utility provider: a type without an entry resolves through
// its provider's rule, everything is the customer's (on_premises), and only
// the obligations of what the resource carries apply.
func TestUtilityProviders(t *testing.T) {
	t.Parallel()
	cases := []struct {
		typ, basis, class string
		has, hasNot       []string
	}{
		{"random_id", BasisProvider, "configuration_object", []string{"configuration.maintain_baseline"},
			[]string{"operating_system.patch", "data_protection.encrypt_at_rest", "accounts_and_access.rotate_credentials"}},
		{"random_pet", BasisProvider, "configuration_object", nil, []string{"data_protection.manage_keys"}},
		{"random_password", BasisType, "key_secret", []string{"data_protection.encrypt_at_rest", "data_access.least_privilege_access",
			"accounts_and_access.rotate_credentials"}, []string{"operating_system.patch", "application_code.fix_vulnerabilities"}},
		{"random_string", BasisType, "key_secret", []string{"data_protection.encrypt_at_rest"}, []string{"operating_system.patch"}},
		{"time_rotating", BasisProvider, "configuration_object", []string{"deployment_settings.control_changes"},
			[]string{"data_protection.encrypt_at_rest", "operating_system.patch"}},
		{"tls_private_key", BasisProvider, "key_secret", []string{"data_protection.manage_keys", "accounts_and_access.rotate_credentials"},
			[]string{"operating_system.patch", "network_controls.restrict_ingress"}},
		{"tls_cert_request", BasisProvider, "key_secret", []string{"data_protection.encrypt_at_rest"}, []string{"operating_system.patch"}},
		{"null_resource", BasisProvider, "terraform_host_command", []string{"application_code.fix_vulnerabilities", "accounts_and_access.least_privilege"},
			[]string{"operating_system.patch", "network_controls.restrict_ingress"}},
		{"terraform_data", BasisProvider, "terraform_host_command", []string{"application_code.fix_vulnerabilities", "data_protection.encrypt_at_rest"},
			[]string{"operating_system.patch", "physical_datacenter.secure_facilities"}},
		{"external", BasisProvider, "terraform_host_command", []string{"application_code.scan_dependencies"}, []string{"operating_system.patch"}},
		{"local_file", BasisProvider, "terraform_host_artifact", []string{"data_protection.encrypt_at_rest"},
			[]string{"application_code.fix_vulnerabilities", "operating_system.patch"}},
		{"local_sensitive_file", BasisType, "key_secret", []string{"accounts_and_access.rotate_credentials"}, []string{"operating_system.patch"}},
		{"archive_file", BasisProvider, "terraform_host_artifact", []string{"data_access.least_privilege_access"}, []string{"operating_system.patch"}},
		{"http", BasisProvider, "terraform_host_artifact", []string{"data_protection.encrypt_in_transit"}, []string{"operating_system.patch"}},
		{"cloudinit_config", BasisProvider, "terraform_host_artifact", []string{"data_protection.encrypt_at_rest"}, []string{"operating_system.patch"}},
	}
	e := engine()
	for _, tc := range cases {
		t.Run(tc.typ, func(t *testing.T) {
			res, err := e.Resolve(Request{ResourceType: tc.typ})
			if err != nil {
				t.Fatal(err)
			}
			if res.Basis() != tc.basis || res.ServiceModel.ID != "on_premises" || res.ResourceType.Class != tc.class {
				t.Errorf("%s: basis %q, model %s, class %s; want %s, on_premises, %s", tc.typ, res.Basis(), res.ServiceModel.ID, res.ResourceType.Class, tc.basis, tc.class)
			}
			for _, lo := range res.Layers {
				if lo.Owner != OwnerCustomer {
					t.Errorf("layer %s is %s; on the Terraform host everything is the customer's", lo.Layer.ID, lo.Owner)
				}
			}
			expectObligations(t, tc.typ, res, tc.has, tc.hasNot)
		})
	}
}

// A type entry wins over its provider's rule; a provider rule answers for
// any type of its provider; a type of a provider without a rule stays an
// error with the hint to set service_model.
func TestProviderRulePrecedence(t *testing.T) {
	t.Parallel()
	e := &Engine{Catalog: customCatalog(t, `{
  "providers": {"acme": {"service_model": "paas", "class": "data_store", "source": "aws-srm", "rationale": "acme runs managed stores"}},
  "resource_types": {"acme_vm": {"service_model": "iaas", "class": "compute_host", "source": "aws-srm"}}}`)}
	for _, tc := range []struct{ typ, basis, model string }{
		{"acme_vm", BasisType, "iaas"},
		{"acme_bucket", BasisProvider, "paas"},
		{"acme", BasisProvider, "paas"},
		{"random_password", BasisType, "on_premises"},
		{"random_uuid", BasisProvider, "on_premises"},
	} {
		res, err := e.Resolve(Request{ResourceType: tc.typ})
		if err != nil {
			t.Errorf("%s: %v", tc.typ, err)
			continue
		}
		if res.Basis() != tc.basis || res.ServiceModel.ID != tc.model {
			t.Errorf("%s: basis %q, model %s; want %q, %s", tc.typ, res.Basis(), res.ServiceModel.ID, tc.basis, tc.model)
		}
	}
	// A provider rule has no conditions: a condition names the rule.
	_, err := e.Resolve(Request{ResourceType: "acme_bucket", Conditions: map[string]string{"tier": "x"}})
	var ie *InputError
	if !errors.As(err, &ie) || ie.Field != "conditions" || !strings.Contains(ie.Detail, `the provider rule "acme" has no conditions`) {
		t.Errorf("condition on a provider rule: %v", err)
	}
	// No rule for the provider: the unknown-type error with its hint.
	for _, typ := range []string{"acmex_vm", "randomx_id", "_random"} {
		_, err = e.Resolve(Request{ResourceType: typ})
		if !errors.As(err, &ie) || ie.Field != "resource_type" || ie.Summary != "Unknown resource type" || !strings.Contains(ie.Detail, "set service_model") {
			t.Errorf("%s: %v, want the unknown-type error with the service_model hint", typ, err)
		}
	}
	// Without the custom catalog, acme is unknown.
	if _, err := engine().Resolve(Request{ResourceType: "acme_bucket"}); !errors.As(err, &ie) || ie.Field != "resource_type" {
		t.Errorf("acme_bucket in the built-in catalog: %v", err)
	}
}

// A custom catalog replaces a built-in provider rule whole (Override).
func TestCustomCatalogReplacesProviderRule(t *testing.T) {
	t.Parallel()
	c := customCatalog(t, `{"providers": {"random": {"service_model": "on_premises", "class": "key_secret", "source": "aws-srm", "rationale": "we use random only for secrets"}}}`)
	if got := c.Lookup("random_id"); got == nil || got.Class != "key_secret" || got.Basis != BasisProvider {
		t.Errorf("random_id: %+v, want the custom rule", got)
	}
	if !slices.Contains(c.ProviderNames, "random") || len(c.ProviderNames) != len(MustBuiltin().ProviderNames) {
		t.Errorf("provider names %v", c.ProviderNames)
	}
}

// customCatalog is the built-in catalog with a custom document on top.
func customCatalog(t testing.TB, text string) *Catalog {
	t.Helper()
	doc, probs := ParseDocument(CustomDocumentName, text)
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	c, err := WithCustom(doc)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The settings, webhooks and credentials of source-hosting providers answer
// as what they are, not as the repository's data (the provider rule): a
// default branch carries no back-up or key obligations, a webhook protects
// what it sends and rotates its secret, a deploy key or CI variable is a
// credential.
func TestSourceHostingServices(t *testing.T) {
	t.Parallel()
	e := engine()
	cases := []struct {
		typ, basis  string
		has, hasNot []string
	}{
		{"github_repository", BasisProvider, []string{"data_protection.back_up_data", "data_access.block_public_access"}, nil},
		{"github_branch_default", BasisService, []string{"deployment_settings.control_changes"},
			[]string{"data_protection.back_up_data", "data_protection.manage_keys", "data_classification.classify_data"}},
		{"github_branch_protection_v3", BasisService, []string{"deployment_settings.control_changes"}, []string{"data_protection.back_up_data"}},
		{"github_repository_webhook", BasisService, []string{"data_protection.encrypt_in_transit", "accounts_and_access.rotate_credentials"},
			[]string{"data_protection.back_up_data", "data_protection.encrypt_at_rest", "accounts_and_access.enforce_mfa"}},
		{"gitlab_project_hook", BasisService, []string{"data_protection.encrypt_in_transit", "accounts_and_access.rotate_credentials"},
			[]string{"data_protection.back_up_data", "accounts_and_access.enforce_mfa"}},
		{"github_repository_deploy_key", BasisService, []string{"accounts_and_access.rotate_credentials"}, []string{"accounts_and_access.enforce_mfa"}},
		{"github_actions_secret", BasisService, []string{"accounts_and_access.rotate_credentials", "data_protection.encrypt_at_rest"}, nil},
		{"gitlab_project_variable", BasisService, []string{"accounts_and_access.rotate_credentials"}, nil},
		{"gitlab_project", BasisProvider, []string{"data_protection.back_up_data"}, nil},
	}
	for _, tc := range cases {
		res, err := e.Resolve(Request{ResourceType: tc.typ})
		if err != nil {
			t.Fatal(err)
		}
		if res.ResourceType.Basis != tc.basis {
			t.Errorf("%s: answered by %s, want basis %s", tc.typ, res.ResourceType.Describe(), tc.basis)
		}
		expectObligations(t, tc.typ, res, tc.has, tc.hasNot)
	}
}
