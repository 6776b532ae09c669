// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"bytes"
	"encoding/json"
	"flag"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden files (and, with TF_ACC, the plans of the real CLIs)")

// testNow is the clock of the tests: the records in the plans expire
// before or after it on purpose.
var testNow = time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)

func testEnv() env {
	return env{now: func() time.Time { return testNow }, getenv: func(string) string { return "" },
		isTerminal: func(io.Writer) bool { return false }, readFile: os.ReadFile, memoryLimit: func(int) {}}
}

// runReview runs the review with the test clock and returns the status,
// stdout and stderr.
func runReview(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	status := run(args, strings.NewReader(stdin), &out, &errb, testEnv())
	return status, out.String(), errb.String()
}

// checkGolden compares got with testdata/golden/name, or rewrites it with
// -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/review -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run go test ./internal/review -update and review the diff):\n%s", name, got)
	}
}

// The hand-written plans under testdata/plans follow the documented format
// (Terraform "JSON Output Format",
// https://developer.hashicorp.com/terraform/internals/json-format: the
// plan representation with planned_values, prior_state and resource_changes,
// the change representation with actions, after_unknown and
// after_sensitive, the values representation with child_modules, and the
// state representation); testdata/plans/README.md says what each shows.
func TestReviewGolden(t *testing.T) {
	for _, tc := range []struct {
		golden string
		args   []string
		status int
	}{
		{"cloud.txt", []string{"testdata/plans/cloud.json"}, 0},
		{"cloud.md", []string{"-format", "markdown", "testdata/plans/cloud.json"}, 0},
		{"cloud.json", []string{"-format", "json", "testdata/plans/cloud.json"}, 0},
		{"cloud-all.json", []string{"-all", "-format", "json", "testdata/plans/cloud.json"}, 0},
		{"cloud-agreement.json", []string{"-format=json", "-agreement", "managed-db", "testdata/plans/cloud.json"}, 0},
		{"cloud-gate.txt", []string{"-gate", "testdata/plans/cloud.json"}, ExitGate},
		{"terraform-0.12.json", []string{"-format", "json", "testdata/plans/terraform-0.12.json"}, 0},
		{"state.json", []string{"-format", "json", "testdata/plans/state.json"}, 0},
		{"state.md", []string{"-format", "markdown", "testdata/plans/state.json"}, 0},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			status, out, _ := runReview(t, "", tc.args...)
			if status != tc.status {
				t.Errorf("exit status %d, want %d", status, tc.status)
			}
			checkGolden(t, tc.golden, out)
		})
	}
}

// reviewJSON runs a JSON review and decodes it.
func reviewJSON(t *testing.T, args ...string) (map[string]jsonResource, Summary) {
	t.Helper()
	status, out, stderr := runReview(t, "", append([]string{"-format", "json"}, args...)...)
	if status != 0 {
		t.Fatalf("exit %d: %s", status, stderr)
	}
	var doc struct {
		Resources []jsonResource `json:"resources"`
		Summary   Summary        `json:"summary"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	byAddr := map[string]jsonResource{}
	for _, r := range doc.Resources {
		byAddr[r.Address] = r
	}
	return byAddr, doc.Summary
}

func assumption(r jsonResource, cond string) *Assumption {
	for i := range r.Assumptions {
		if r.Assumptions[i].Condition == cond {
			return &r.Assumptions[i]
		}
	}
	return nil
}

// What the hand-written cloud plan must give, value by value.
func TestReviewCloudPlan(t *testing.T) {
	res, sum := reviewJSON(t, "testdata/plans/cloud.json")

	// Reviewed: create, update, replace (both orders), import, move. Not
	// reviewed: delete, forget, no-op, a deposed object, a data source, the
	// acceptance records themselves.
	for addr, action := range map[string]string{
		"aws_db_instance.orders": "update", "module.media.aws_lambda_function.resize[0]": "create",
		"module.ecs.aws_ecs_service.api": "replace", "module.ecs.aws_ecs_task_definition.api": "replace",
		"aws_iam_role.imported": "import", "aws_s3_bucket.moved": "move", "acme_widget.thing": "create",
	} {
		if got := res[addr].Action; got != action {
			t.Errorf("%s: action %q, want %q", addr, got, action)
		}
	}
	for _, addr := range []string{"aws_s3_bucket.logs", "aws_s3_bucket.assets", "aws_instance.old", "aws_instance.web",
		"data.aws_iam_policy_document.assume", "srm_obligation_acceptance.data"} {
		if _, ok := res[addr]; ok {
			t.Errorf("%s is reviewed, want it left out", addr)
		}
	}
	if sum.Resources != 13 || sum.ByBasis[BasisUnknown] != 1 || sum.ByBasis[BasisType] != 11 || sum.ByBasis[BasisService] != 1 {
		t.Errorf("summary counts %d resources, %v; want 13, 1 unknown, 11 type, 1 service", sum.Resources, sum.ByBasis)
	}
	// azapi: the ARM type read from the plan names the azurerm entry of the
	// same resource (Container Apps: the image's OS is the customer's); a
	// type without an entry resolves through its service.
	if r := res["azapi_resource.app"]; r.Basis != BasisType || r.ServiceModel == nil || *r.ServiceModel != "paas" ||
		r.Components["operating_system"] == "provider" || len(r.Assumptions) != 0 {
		t.Errorf("azapi_resource.app = %+v, want basis type, paas, OS not the provider's, no assumptions", r)
	}
	if r := res["google_workbench_instance.nb"]; r.Basis != BasisService || r.ServiceModel == nil || *r.ServiceModel != "iaas" {
		t.Errorf("google_workbench_instance.nb = %+v, want basis service, iaas", r)
	}

	// A type the catalog cannot resolve is listed, without owners.
	if w := res["acme_widget.thing"]; w.Basis != BasisUnknown || w.ServiceModel != nil || len(w.Owners) != 0 || len(w.Unaccepted) != 0 {
		t.Errorf("acme_widget.thing = %+v, want basis unknown and no owners", w)
	}
	// Conditions as they come: a string, a boolean.
	if m := res["module.media.aws_lambda_function.resize[0]"]; m.Components["operating_system"] != "shared" {
		t.Errorf("package_type = Image: operating_system %q, want shared (the customer rebuilds the image)", m.Components["operating_system"])
	}
	if m := res["google_container_cluster.apps"]; m.Components["operating_system"] != "provider" {
		t.Errorf("enable_autopilot = true: operating_system %q, want provider", m.Components["operating_system"])
	}
	// Fargate runs a customer-built image on a provider-run host: AWS
	// patches the hosts, the customer rebuilds the image (shared).
	if m := res["module.ecs.aws_ecs_service.api"]; m.Components["operating_system"] != "shared" || m.Components["physical_hosts"] != "provider" {
		t.Errorf("replace with launch_type = FARGATE: operating_system %q, physical_hosts %q, want shared and provider", m.Components["operating_system"], m.Components["physical_hosts"])
	}
	// Unknown and sensitive values leave the most to the customer.
	for _, addr := range []string{`module.media.aws_lambda_function.thumb["eu"]`, `module.media.aws_lambda_function.thumb["us"]`} {
		r := res[addr]
		a := assumption(r, "package_type")
		if a == nil || a.Assumed != "Image" || r.Components["operating_system"] != "shared" {
			t.Errorf("%s: assumption %+v, operating_system %q; want Image assumed and the image's OS shared", addr, a, r.Components["operating_system"])
		}
	}
	if a := assumption(res[`module.media.aws_lambda_function.thumb["us"]`], "package_type"); a == nil || !strings.Contains(a.Reason, "sensitive") {
		t.Errorf("sensitive package_type: assumption %+v, want the reason to say sensitive", a)
	}
	if a := assumption(res["module.ecs.aws_ecs_task_definition.api"], "requires_compatibilities"); a == nil || a.Assumed != "EC2" {
		t.Errorf("two compatibilities: assumption %+v, want EC2 (the most for the customer)", a)
	}
	// Acceptances: the scoped record applies everywhere; the expired ones
	// (review_by passed, expired = true) do not; one without obligations is
	// a note.
	db := res["aws_db_instance.orders"]
	if len(db.Accepted) != 9 || strings.Contains(strings.Join(db.Accepted, ","), "network_controls") {
		t.Errorf("aws_db_instance.orders accepted %v, want the 9 data obligations only (its own record expired)", db.Accepted)
	}
	if r := res["module.media.aws_lambda_function.resize[0]"]; strings.Contains(strings.Join(r.Accepted, ","), "operating_system") {
		t.Errorf("the expired module.media record still accepts: %v", r.Accepted)
	}
	if sum.AcceptanceRecords.Found != 3 || sum.AcceptanceRecords.Expired != 2 {
		t.Errorf("records %+v, want 3 found, 2 expired", sum.AcceptanceRecords)
	}
}

// Sensitive values are never printed, in any format.
func TestReviewNeverPrintsSensitiveValues(t *testing.T) {
	for _, format := range []string{"text", "markdown", "json", "oscal"} {
		_, out, stderr := runReview(t, "", "-all", "-format", format, "testdata/plans/cloud.json")
		for _, secret := range []string{"hunter2", `"Zip", "update_runtime_on": "Manual"`} {
			if strings.Contains(out+stderr, secret) {
				t.Errorf("-format %s prints %q", format, secret)
			}
		}
	}
}

func TestReviewAll(t *testing.T) {
	res, sum := reviewJSON(t, "-all", "testdata/plans/cloud.json")
	for addr, action := range map[string]string{"aws_s3_bucket.logs": "delete", "aws_s3_bucket.assets": "no-op", "aws_instance.old": "forget"} {
		if res[addr].Action != action {
			t.Errorf("-all: %s action %q, want %q", addr, res[addr].Action, action)
		}
	}
	if _, ok := res["aws_instance.web"]; ok || sum.Resources != 16 {
		t.Errorf("-all reviews %d resources (deposed included: %v), want 16 without the deposed object", sum.Resources, ok)
	}
}

func TestReviewState(t *testing.T) {
	res, sum := reviewJSON(t, "testdata/plans/state.json")
	if sum.Resources != 4 {
		t.Errorf("state: %d resources, want 4 (no data source, no deposed object)", sum.Resources)
	}
	// Utility types resolve: random_password by its own entry, terraform_data
	// by the provider-wide rule of the built-in terraform provider.
	if pw, hook := res["random_password.db"], res["terraform_data.hook"]; pw.Basis != BasisType || hook.Basis != BasisProvider ||
		sum.ByBasis[BasisProvider] != 1 || sum.ByBasis[BasisType] != 3 {
		t.Errorf("state: random_password basis %q, terraform_data basis %q, by basis %v; want type, provider", pw.Basis, hook.Basis, sum.ByBasis)
	}
	db := res[`module.payments["eu"].aws_db_instance.orders`]
	if db.Action != "state" || len(db.Accepted) == 0 {
		t.Errorf("state db = %+v, want action state and the record's data_protection obligations accepted", db)
	}
	// accepted_obligations of a record bound what its wildcards accept.
	fn := res["aws_lambda_function.api"]
	if strings.Join(fn.Accepted, ",") != "runtime.use_supported_runtime" {
		t.Errorf("aws_lambda_function.api accepted %v, want only the record's accepted_obligations", fn.Accepted)
	}
	// After the record's review_by, nothing is accepted.
	var out bytes.Buffer
	e := testEnv()
	e.now = func() time.Time { return time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC) }
	if status := run([]string{"-format", "json", "-gate", "testdata/plans/state.json"}, nil, &out, io.Discard, e); status != ExitGate {
		t.Errorf("with every record expired: exit %d, want %d", status, ExitGate)
	}
	if strings.Contains(out.String(), `"accepted": [
        "`) {
		t.Errorf("expired records still accept:\n%s", out.String())
	}
}

func TestReviewGatePasses(t *testing.T) {
	plan := `{"format_version": "1.2", "planned_values": {"root_module": {"resources": [
	  {"address": "srm_obligation_acceptance.all", "mode": "managed", "type": "srm_obligation_acceptance", "name": "all",
	   "values": {"scope": ["*"], "obligations": ["*"], "accepted_by": "team-all"}}]}},
	 "resource_changes": [{"address": "aws_s3_bucket.b", "mode": "managed", "type": "aws_s3_bucket", "name": "b",
	   "change": {"actions": ["create"], "before": null, "after": {"bucket": "b"}, "after_unknown": {}}}]}`
	status, out, stderr := runReview(t, plan, "-gate", "-")
	if status != 0 || stderr != "" || !strings.HasPrefix(out, "Gate: passes. All 13 customer obligations of the 1 reviewed resource are accepted.") {
		t.Errorf("everything accepted: exit %d, stderr %q, stdout:\n%s", status, stderr, out)
	}
	// A type the catalog cannot resolve never reads as "all accepted": a
	// record accepting "*" of it lets it pass, and the headline says so.
	withUnknown := strings.Replace(plan, `"resource_changes": [`, `"resource_changes": [{"address": "acme_widget.w", "mode": "managed",
	  "type": "acme_widget", "name": "w", "change": {"actions": ["create"], "before": null, "after": {}}},`, 1)
	status, out, _ = runReview(t, withUnknown, "-format", "markdown", "-gate", "-")
	if status != 0 || !strings.Contains(out, "1 resource is of a type the catalog cannot resolve (allowed: a record accepts every obligation of them)") {
		t.Errorf("an unknown type covered by a \"*\" record: exit %d, want 0 and the headline to say so:\n%s", status, out)
	}
	// Without "*", it fails the gate, unless -allow-unknown.
	noStar := strings.Replace(withUnknown, `"obligations": ["*"]`, `"obligations": ["data_protection.*", "data_access.*", "data_classification.*",
	  "accounts_and_access.*", "configuration.*", "deployment_settings.*", "application_code.*", "network_controls.*", "identity_infrastructure.*"]`, 1)
	status, out, _ = runReview(t, noStar, "-gate", "-")
	if status != ExitGate || !strings.Contains(out, "1 resource is of a type the catalog cannot resolve") || strings.Contains(out, "All 13") {
		t.Errorf("an unknown type without a \"*\" record: exit %d, want %d:\n%s", status, ExitGate, out)
	}
	if status, out, _ = runReview(t, noStar, "-gate", "-allow-unknown", "-"); status != 0 || !strings.Contains(out, "(allowed: -allow-unknown)") {
		t.Errorf("-allow-unknown: exit %d, want 0:\n%s", status, out)
	}
}

// Bad input and usage: exit 1, one line on stderr, nothing on stdout.
func TestReviewBadInput(t *testing.T) {
	good, err := os.ReadFile("testdata/plans/cloud.json")
	if err != nil {
		t.Fatal(err)
	}
	utf16 := []byte{0xFF, 0xFE}
	for _, b := range []byte(`{"format_version":"1.0"}`) {
		utf16 = append(utf16, b, 0)
	}
	for _, tc := range []struct {
		name  string
		stdin string
		args  []string
		want  string
	}{
		{"empty", "", []string{"-"}, "the input is empty"},
		{"not JSON", "Plan: 1 to add", []string{"-"}, "not valid JSON at line 1, column 1"},
		{"truncated", string(good[:len(good)/2]), []string{"-"}, "the JSON is truncated"},
		{"BOM", "\xEF\xBB\xBF" + string(good), []string{"-"}, "byte-order mark"},
		{"UTF-16", string(utf16), []string{"-"}, "UTF-16"},
		{"UTF-16 without BOM", "{\x00\"\x00", []string{"-"}, "UTF-16"},
		{"binary plan", "PK\x03\x04\x14\x00", []string{"-"}, "binary plan file"},
		{"invalid UTF-8", "{\"format_version\": \"1.0\",\n \"values\": {\"x\": \"caf\xe9\"}}", []string{"-"},
			"not valid UTF-8: byte offset 47 (line 2, column 22) starts an invalid sequence (0xe9)"},
		{"duplicate address", `{"format_version": "1.2", "resource_changes": [
			{"address": "aws_s3_bucket.a", "type": "aws_s3_bucket", "mode": "managed", "change": {"actions": ["create"]}},
			{"address": "aws_s3_bucket.a", "type": "aws_s3_bucket", "mode": "managed", "change": {"actions": ["create"]}}]}`,
			[]string{"-"}, `lists a resource instance twice in resource_changes ("aws_s3_bucket.a")`},
		{"duplicate address in a state", `{"format_version": "1.0", "values": {"root_module": {"resources": [
			{"address": "aws_s3_bucket.a", "type": "aws_s3_bucket", "mode": "managed", "values": {}}],
			"child_modules": [{"address": "module.m", "resources": [
			{"address": "aws_s3_bucket.a", "type": "aws_s3_bucket", "mode": "managed", "values": {}}]}]}}}`,
			[]string{"-"}, `lists a resource instance twice in values ("aws_s3_bucket.a")`},
		{"no format_version", `{"resource_changes": []}`, []string{"-"}, "no format_version"},
		{"provider schema", `{"format_version": "1.0", "provider_schemas": {}}`, []string{"-"}, "its keys: provider_schemas"},
		{"array", `[1, 2]`, []string{"-"}, "not the JSON of a Terraform plan or state: the top level is a JSON array"},
		{"wrong field type", `{"format_version": "1.0", "resource_changes": {}}`, []string{"-"}, "resource_changes is a JSON object, expected an array"},
		{"format 2.0", `{"format_version": "2.0", "planned_values": {}}`, []string{"-"}, `unsupported format_version "2.0"`},
		{"format garbage", `{"format_version": "one", "planned_values": {}}`, []string{"-"}, `format_version "one" is not a version`},
		{"trailing garbage", `{"format_version": "1.0", "values": {}} x`, []string{"-"}, "not valid JSON"},
		{"unreadable file", "", []string{"testdata/does-not-exist.json"}, "cannot read the plan"},
		{"unknown flag", "", []string{"-colour", "x.json"}, "flag provided but not defined: -colour"},
		{"unknown format", "", []string{"-format", "yaml", "x.json"}, `unknown -format "yaml"`},
		{"no plan", "", nil, "missing the plan"},
		{"two plans, the first missing", "", []string{"a.json", "testdata/plans/cloud.json"}, "a.json: cannot read the plan"},
		{"stdin twice", "", []string{"-", "-"}, "standard input (-) can be read once"},
		{"too many labels", "", []string{"-label", "a", "-label", "b", "testdata/plans/cloud.json"}, "2 -label flags for 1 plans"},
		{"same label twice", "", []string{"-label", "a", "-label", "a", "testdata/plans/cloud.json", "testdata/plans/modules.json"}, `two plans are labelled "a"`},
		{"an empty folder", "", []string{"testdata"}, "holds no *.json plan"},
		{"bad catalog", "", []string{"-catalog", "testdata/plans/cloud.json", "testdata/plans/cloud.json"}, "invalid catalog"},
		{"missing catalog", "", []string{"-catalog", "nope.json", "testdata/plans/cloud.json"}, "cannot read the catalog"},
		{"unknown agreement", "", []string{"-agreement", "nope", "testdata/plans/cloud.json"}, `-agreement "nope" is not an agreement: the plan's srm provider configuration defines managed-db, from-var`},
		{"non-literal agreement", "", []string{"-agreement", "from-var", "testdata/plans/cloud.json"}, "is not a literal value (it refers to var.component)"},
		{"agreement of a state", "", []string{"-agreement", "x", "testdata/plans/state.json"}, "the input has no configuration"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, out, stderr := runReview(t, tc.stdin, tc.args...)
			if status != ExitBadInput {
				t.Errorf("exit %d, want %d", status, ExitBadInput)
			}
			if out != "" {
				t.Errorf("stdout not empty: %q", out)
			}
			if strings.Count(stderr, "\n") != 1 || !strings.HasPrefix(stderr, "terraform-provider-srm review: ") {
				t.Errorf("stderr is not one line: %q", stderr)
			}
			if !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr %q does not say %q", stderr, tc.want)
			}
		})
	}
}

func TestReviewUsage(t *testing.T) {
	status, out, stderr := runReview(t, "", "-h")
	if status != 0 || !strings.HasPrefix(out, "Usage: terraform-provider-srm review") || stderr != "" {
		t.Errorf("-h: exit %d, stdout %q, stderr %q", status, out, stderr)
	}
	// Flags may follow the plan.
	status, out, _ = runReview(t, "", "testdata/plans/cloud.json", "-format", "json")
	if status != 0 || !strings.HasPrefix(out, "{") {
		t.Errorf("flags after the plan: exit %d, stdout starts %.20q", status, out)
	}
	// An empty state (what terraform show -json prints without one).
	status, out, _ = runReview(t, `{"format_version":"1.0"}`, "-")
	if status != 0 || !strings.HasPrefix(out, "Nothing to review: the state has no managed resources.") {
		t.Errorf("empty state: exit %d, stdout %q", status, out)
	}
}

func TestReviewColour(t *testing.T) {
	for _, tc := range []struct {
		name     string
		terminal bool
		noColor  string
		want     bool
	}{
		{"terminal", true, "", true},
		{"terminal with NO_COLOR", true, "1", false},
		{"pipe", false, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := testEnv()
			e.isTerminal = func(io.Writer) bool { return tc.terminal }
			e.getenv = func(k string) string {
				if k == "NO_COLOR" {
					return tc.noColor
				}
				return ""
			}
			var out bytes.Buffer
			run([]string{"testdata/plans/cloud.json"}, nil, &out, io.Discard, e)
			if got := strings.Contains(out.String(), "\033["); got != tc.want {
				t.Errorf("colour %v, want %v", got, tc.want)
			}
		})
	}
}

func TestModuleOf(t *testing.T) {
	for addr, want := range map[string]string{
		"aws_s3_bucket.b":                             "",
		"aws_s3_bucket.b[0]":                          "",
		`aws_s3_bucket.b["module.x.y"]`:               "",
		"module.a.aws_s3_bucket.b":                    "module.a",
		`module.a["x.y"].module.b[2].aws_s3_bucket.c`: `module.a["x.y"].module.b[2]`,
		`module.a["q\"]"].aws_s3_bucket.c`:            `module.a["q\"]"]`,
	} {
		if got := moduleOf(addr); got != want {
			t.Errorf("moduleOf(%s) = %q, want %q", addr, got, want)
		}
	}
}

func TestScalarAndLookup(t *testing.T) {
	after := json.RawMessage(`{"a": {"b": [{"c": 3}]}, "flag": false, "list": ["x"], "empty": [], "obj": {}, "n": null,
	  "blocks": [{"d": "first"}, {"d": "second"}]}`)
	for path, want := range map[string]string{"a.b.c": "3", "flag": "false", "list": "x", "blocks.d": "first"} {
		raw, ok := lookup(after, strings.Split(path, "."))
		got, ok2 := scalar(raw)
		if !ok || !ok2 || got != want {
			t.Errorf("%s = %q (%v %v), want %q", path, got, ok, ok2, want)
		}
	}
	for _, path := range []string{"n", "missing", "a.missing", "empty.x", "flag.x"} {
		if raw, ok := lookup(after, strings.Split(path, ".")); ok {
			t.Errorf("%s found: %s", path, raw)
		}
	}
	for _, path := range []string{"obj", "empty"} {
		raw, _ := lookup(after, []string{path})
		if v, ok := scalar(raw); ok {
			t.Errorf("%s read as %q", path, v)
		}
	}
	unknown := json.RawMessage(`{"a": {"b": [{"c": true}]}, "whole": true, "list": [true]}`)
	for path, want := range map[string]bool{"a.b.c": true, "whole.x.y": true, "list": true, "a.b.d": false, "missing": false} {
		if got := lookupFlag(unknown, strings.Split(path, ".")); got != want {
			t.Errorf("lookupFlag(%s) = %v, want %v", path, got, want)
		}
	}
}

// The CLI bounds its memory by the plans it reads: three times their size
// less the fixed cost, and never below 64 MiB.
func TestBoundMemory(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	for read, want := range map[int]int64{1 << 20: 64 << 20, 100 << 20: 300<<20 - 24<<20} {
		boundMemory(read)
		if got := debug.SetMemoryLimit(-1); got != want {
			t.Errorf("after %d bytes read the memory limit is %d, want %d", read, got, want)
		}
	}
}
