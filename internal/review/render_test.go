// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// The OSCAL export of a review is the assessment's system security plan: it
// validates against the OSCAL 1.1.3 SSP schema (the one internal/srm's test
// uses), covers the resolved resources only, and records the accepted
// obligations as satisfied.
func TestReviewOSCAL(t *testing.T) {
	for _, plan := range []string{"testdata/plans/cloud.json", "testdata/real/terraform-plan.json"} {
		t.Run(plan, func(t *testing.T) {
			status, out, stderr := runReview(t, "", "-format", "oscal", plan)
			if status != 0 {
				t.Fatalf("exit %d: %s", status, stderr)
			}
			validOSCAL(t, out)
			if _, again, _ := runReview(t, "", "-format", "oscal", plan); again != out {
				t.Error("the OSCAL export is not deterministic")
			}
		})
	}
	_, out, _ := runReview(t, "", "-format", "oscal", "testdata/plans/cloud.json")
	if strings.Contains(out, "acme_widget") {
		t.Error("a resource of unknown type is exported, with no owners to export")
	}
	if !strings.Contains(out, "Obligation data_protection.encrypt_at_rest accepted for aws_db_instance.orders") {
		t.Error("an obligation the records accept is not satisfied in the export")
	}
	if strings.Contains(out, "Obligation network_controls.restrict_ingress accepted for aws_db_instance.orders") {
		t.Error("an obligation only an expired record accepts is satisfied in the export")
	}
}

// ssp is what the tests read of an OSCAL system security plan.
type ssp struct {
	SystemImplementation struct {
		Components []struct {
			UUID  string `json:"uuid"`
			Title string `json:"title"`
		} `json:"components"`
		InventoryItems []struct {
			Description           string `json:"description"`
			ImplementedComponents []struct {
				ComponentUUID string `json:"component-uuid"`
			} `json:"implemented-components"`
		} `json:"inventory-items"`
	} `json:"system-implementation"`
	ControlImplementation struct {
		ImplementedRequirements []struct {
			ControlID string `json:"control-id"`
		} `json:"implemented-requirements"`
	} `json:"control-implementation"`
}

// validOSCAL decodes an export and validates it against the OSCAL 1.1.3 SSP
// schema.
func validOSCAL(t *testing.T, out string) ssp {
	t.Helper()
	compiler := jsonschema.NewCompiler()
	schema, err := compiler.Compile(filepath.Join("..", "srm", "testdata", "oscal", "oscal_ssp_schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Fatalf("the export does not validate against the OSCAL 1.1.3 SSP schema:\n%v", err)
	}
	var d struct {
		SSP ssp `json:"system-security-plan"`
	}
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatal(err)
	}
	return d.SSP
}

// Every valid plan has an OSCAL export, also one where nothing is
// reviewed: a plan without inventory items whose one requirement is PL-2.
func TestReviewOSCALNothingReviewed(t *testing.T) {
	for name, plan := range map[string]string{
		"no resources": `{"format_version": "1.0"}`,
		"only no-ops": `{"format_version": "1.2", "resource_changes": [{"address": "aws_s3_bucket.a", "mode": "managed",
			"type": "aws_s3_bucket", "name": "a", "change": {"actions": ["no-op"], "before": {}, "after": {}}}]}`,
		"only unknown types": `{"format_version": "1.2", "resource_changes": [{"address": "acme_widget.a", "mode": "managed",
			"type": "acme_widget", "name": "a", "change": {"actions": ["create"], "before": null, "after": {}}}]}`,
	} {
		t.Run(name, func(t *testing.T) {
			status, out, stderr := runReview(t, plan, "-format", "oscal", "-")
			if status != 0 {
				t.Fatalf("exit %d: %s", status, stderr)
			}
			plan := validOSCAL(t, out)
			if !strings.Contains(out, `"components"`) || strings.Contains(out, `"inventory-items"`) {
				t.Error("inventory items in the export of a plan where nothing is reviewed")
			}
			if n := len(plan.SystemImplementation.Components); n != 1 {
				t.Errorf("%d components, want only this-system", n)
			}
			reqs := plan.ControlImplementation.ImplementedRequirements
			if len(reqs) != 1 || reqs[0].ControlID != "pl-2" {
				t.Errorf("requirements %v, want only pl-2", reqs)
			}
		})
	}
}

// The export grows by a few hundred bytes per resource: resources that
// resolve alike share one component, whose statements are written once,
// and each is an inventory item that names it. The test compares plans of
// 600 and 3000 resources of the same kinds.
func TestReviewOSCALProportionate(t *testing.T) {
	size := func(n int) (int, ssp) {
		status, out, stderr := runReview(t, string(syntheticPlan(n)), "-format", "oscal", "-")
		if status != 0 {
			t.Fatalf("exit %d: %s", status, stderr)
		}
		return len(out), validOSCAL(t, out)
	}
	// Components grow with the distinct answers (here about 30, reached
	// by 600 resources), inventory items with the resources.
	small, _ := size(600)
	large, plan := size(3000)
	if per := (large - small) / 2400; per > 600 {
		t.Errorf("the export grows by %d bytes per resource, want at most 600", per)
	}
	items := plan.SystemImplementation.InventoryItems
	// 3000 resources, one in six of a type the catalog does not know.
	if len(items) != 2500 {
		t.Fatalf("%d inventory items, want 2500", len(items))
	}
	components := map[string]string{}
	for _, c := range plan.SystemImplementation.Components {
		components[c.UUID] = c.Title
	}
	for _, it := range items {
		addr := it.Description
		if len(it.ImplementedComponents) != 1 {
			t.Fatalf("%s implements %d components", addr, len(it.ImplementedComponents))
		}
		title := components[it.ImplementedComponents[0].ComponentUUID]
		// The component of a resource is one of its own type.
		typ := strings.Split(strings.SplitN(addr, ".", 3)[2], ".")[0]
		if !strings.HasPrefix(title, typ+" (") {
			t.Fatalf("%s implements the component %q", addr, title)
		}
	}
	if len(components) > 60 {
		t.Errorf("%d components for 2500 resources of 5 types", len(components))
	}
}

// What the review of the real plan must say, value by value (the golden
// files hold the rest).
func TestReviewRealPlanValues(t *testing.T) {
	res, sum := reviewJSON(t, "-all", "-agreement", "managed-network", "testdata/real/terraform-plan.json")
	if sum.Resources != 9 || sum.ByAction["no-op"] != 5 || sum.ByAction["delete"] != 1 || sum.ByAction["replace"] != 1 {
		t.Errorf("-all: %d resources, actions %v; want 9 with 5 no-op, 1 delete, 1 replace", sum.Resources, sum.ByAction)
	}
	// count in a module, covered by a scope with "*".
	if db := res["module.payments.terraform_data.db[1]"]; len(db.Unaccepted) != 0 || len(db.Accepted) == 0 {
		t.Errorf("module.payments.terraform_data.db[1]: unaccepted %v, want none (scope module.payments.*)", db.Unaccepted)
	}
	// for_each, a record by address: Image moves the OS to the customer and
	// team-media accepted it.
	if fn := res[`terraform_data.fn["resize"]`]; fn.Components["operating_system"] != "customer" ||
		!strings.Contains(strings.Join(fn.Accepted, ","), "operating_system.patch") {
		t.Errorf(`terraform_data.fn["resize"] = %+v, want the customer's OS, accepted`, fn)
	}
	if fn := res[`terraform_data.fn["thumb"]`]; fn.Components["operating_system"] != "provider" || len(fn.Assumptions) != 1 {
		t.Errorf(`terraform_data.fn["thumb"] (Zip) = %+v, want the provider's OS and one assumption (the absent nested block)`, fn)
	}
	// A nested block, walked through its first element.
	if n := res["terraform_data.nested"]; n.Components["middleware"] == "customer" || len(n.Assumptions) != 0 {
		t.Errorf("terraform_data.nested: middleware %q, assumptions %v; want docker_image_name = none read from the block", n.Components["middleware"], n.Assumptions)
	}
	// A sensitive variable.
	if a := assumption(res["terraform_data.secret"], "input.package_type"); a == nil || !strings.Contains(a.Reason, "sensitive") {
		t.Errorf("terraform_data.secret: assumption %+v, want the sensitive value not read", a)
	}
	// The agreement of the plan's provider block.
	if fn := res[`terraform_data.fn["thumb"]`]; fn.Components["network_controls"] != "customer" {
		t.Errorf("-agreement managed-network: network_controls %q, want customer", fn.Components["network_controls"])
	}
}

// The JSON report is written by hand: its strings must be what
// encoding/json writes.
func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{"", "plain", `module.a["k\"q"]`, "tab\tnew\nline\r", "<a&b>", "\x01\x1f", "é ü 漢", "\u2028\u2029", "bad\xffutf8"} {
		want, _ := json.Marshal(s)
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("appendJSONString(%q) = %s, want %s", s, got, want)
		}
	}
}
