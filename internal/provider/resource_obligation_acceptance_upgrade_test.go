// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

const v0StateDir = "testdata/acceptance_v0"

// v0Instances reads the version-0 state written by the previous release:
// each instance's raw attributes by resource name.
func v0Instances(t *testing.T) map[string]json.RawMessage {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(v0StateDir, "terraform.tfstate"))
	if err != nil {
		t.Fatal(err)
	}
	var state struct {
		Resources []struct {
			Name      string `json:"name"`
			Instances []struct {
				SchemaVersion int             `json:"schema_version"`
				Attributes    json.RawMessage `json:"attributes"`
			} `json:"instances"`
		} `json:"resources"`
	}
	if err := json.Unmarshal(raw, &state); err != nil {
		t.Fatal(err)
	}
	out := map[string]json.RawMessage{}
	for _, r := range state.Resources {
		if r.Instances[0].SchemaVersion != 0 {
			t.Fatalf("%s: schema_version %d, want 0", r.Name, r.Instances[0].SchemaVersion)
		}
		out[r.Name] = r.Instances[0].Attributes
	}
	return out
}

// The upgrade keeps every version-0 attribute as it was, accepted_at and id
// included, and starts the new ones empty and not expired.
func TestObligationAcceptanceUpgradeV0(t *testing.T) {
	ctx := context.Background()
	server := ProtocolServer(New("test")())()
	v0Type := obligationAcceptanceSchemaV0().Type().TerraformType(ctx)
	v1Type := obligationAcceptanceSchema().Type().TerraformType(ctx)
	instances := v0Instances(t)
	if len(instances) != 3 {
		t.Fatalf("want 3 instances in the v0 state, got %d", len(instances))
	}
	for name, raw := range instances {
		t.Run(name, func(t *testing.T) {
			resp, err := server.UpgradeResourceState(ctx, &tfprotov6.UpgradeResourceStateRequest{
				TypeName: "srm_obligation_acceptance", Version: 0, RawState: &tfprotov6.RawState{JSON: raw},
			})
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range resp.Diagnostics {
				t.Errorf("%s: %s", d.Summary, d.Detail)
			}
			upgraded, err := resp.UpgradedState.Unmarshal(v1Type)
			if err != nil {
				t.Fatal(err)
			}
			before, err := (&tfprotov6.RawState{JSON: raw}).Unmarshal(v0Type)
			if err != nil {
				t.Fatal(err)
			}
			var oldAttrs, newAttrs map[string]tftypes.Value
			if err := before.As(&oldAttrs); err != nil {
				t.Fatal(err)
			}
			if err := upgraded.As(&newAttrs); err != nil {
				t.Fatal(err)
			}
			for attr, v := range oldAttrs {
				if !newAttrs[attr].Equal(v) {
					t.Errorf("%s changed in the upgrade: %s -> %s", attr, v, newAttrs[attr])
				}
			}
			for attr, v := range newAttrs {
				if _, kept := oldAttrs[attr]; kept {
					continue
				}
				want := tftypes.NewValue(v.Type(), nil)
				if attr == "expired" {
					want = tftypes.NewValue(tftypes.Bool, false)
				}
				if !v.Equal(want) {
					t.Errorf("new attribute %s = %s, want %s", attr, v, want)
				}
			}
		})
	}
}

// Under each CLI, the configuration that wrote the version-0 state plans no
// replacement against it: the upgrade and the refresh lose nothing, and
// accepted_at and id stay.
func TestAccObligationAcceptance_upgradeFromV0(t *testing.T) {
	config, err := os.ReadFile(filepath.Join(v0StateDir, "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	// The harness declares the provider itself.
	body := string(config)[strings.Index(string(config), "resource "):]
	base := t.TempDir()
	host := os.Getenv("TF_ACC_PROVIDER_HOST")
	if host == "" {
		host = "registry.terraform.io"
	}
	seed := func() {
		raw, err := os.ReadFile(filepath.Join(v0StateDir, "terraform.tfstate"))
		if err != nil {
			t.Fatal(err)
		}
		state := strings.ReplaceAll(string(raw), "registry.terraform.io/shared-responsibility/srm", host+"/hashicorp/srm")
		dirs, _ := filepath.Glob(filepath.Join(base, "work*"))
		if len(dirs) != 1 {
			t.Fatalf("want one working directory in %s, got %v", base, dirs)
		}
		if err := os.WriteFile(filepath.Join(dirs[0], "terraform.tfstate"), []byte(state), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	db := "srm_obligation_acceptance.db"
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: testAccProtoV6ProviderFactories,
		WorkingDir:               base,
		Steps: []resource.TestStep{{
			PreConfig: seed,
			Config:    body,
			// Nothing is replaced: at most the catalog version and what it
			// computes update in place (a newer catalog than the one that
			// wrote the state).
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				expectNoReplacement{},
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue(db, tfjsonpath.New("accepted_at"), knownvalue.StringExact("2026-11-29T08:43:46Z")),
				statecheck.ExpectKnownValue(db, tfjsonpath.New("id"), knownvalue.StringExact(`module.payments.aws_db_instance.orders["eu"]@2026-11-29T08:43:46Z`)),
				statecheck.ExpectKnownValue(db, tfjsonpath.New("expired"), knownvalue.Bool(false)),
				statecheck.ExpectKnownValue(db, tfjsonpath.New("accepted_obligations"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("data_protection.encrypt_at_rest"), knownvalue.StringExact("accounts_and_access.enforce_mfa"),
				})),
				statecheck.ExpectKnownValue("srm_obligation_acceptance.legacy", tfjsonpath.New("service_model"), knownvalue.StringExact("saas")),
				statecheck.ExpectKnownValue("srm_obligation_acceptance.fn", tfjsonpath.New("conditions"), knownvalue.MapExact(map[string]knownvalue.Check{
					"package_type": knownvalue.StringExact("Image"),
				})),
			},
		}},
	})
}

// expectNoReplacement checks that the plan creates, replaces and deletes
// nothing.
type expectNoReplacement struct{}

func (expectNoReplacement) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Change.Actions.Create() || rc.Change.Actions.Delete() || rc.Change.Actions.Replace() {
			resp.Error = fmt.Errorf("%s is planned %v", rc.Address, rc.Change.Actions)
			return
		}
	}
}
