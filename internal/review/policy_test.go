// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// policyPlan is a plan, as Terraform writes it (planned_values and
// resource_changes), that creates an S3 bucket and an IAM role and, when
// obligations is not empty, the acceptance record that accepts those
// obligations of them.
func policyPlan(obligations, reviewBy string) string {
	values := `{"address": "aws_s3_bucket.logs", "mode": "managed", "type": "aws_s3_bucket", "name": "logs", "values": {"bucket": "logs"}},
	  {"address": "aws_iam_role.app", "mode": "managed", "type": "aws_iam_role", "name": "app", "values": {"name": "app"}}`
	changes := `{"address": "aws_s3_bucket.logs", "mode": "managed", "type": "aws_s3_bucket", "name": "logs",
	   "change": {"actions": ["create"], "before": null, "after": {"bucket": "logs"}}},
	  {"address": "aws_iam_role.app", "mode": "managed", "type": "aws_iam_role", "name": "app",
	   "change": {"actions": ["create"], "before": null, "after": {"name": "app"}}}`
	if obligations != "" {
		record := `{"scope": ["aws_s3_bucket.*", "aws_iam_role.*"], "obligations": ` + obligations +
			`, "accepted_by": "team-storage", "review_by": ` + reviewBy + `, "expired": false}`
		values += `, {"address": "srm_obligation_acceptance.storage", "mode": "managed", "type": "srm_obligation_acceptance",
		  "name": "storage", "values": ` + record + `}`
		changes += `, {"address": "srm_obligation_acceptance.storage", "mode": "managed", "type": "srm_obligation_acceptance",
		  "name": "storage", "change": {"actions": ["create"], "before": null, "after": ` + record + `}}`
	}
	return `{"format_version": "1.2", "planned_values": {"root_module": {"resources": [` + values + `]}},
	  "resource_changes": [` + changes + `]}`
}

// The conftest-style policy of examples/policy, evaluated by OPA on the
// review's JSON: it denies a new resource with unaccepted data or access
// obligations and a record granted without a review date within a year,
// and passes a change that accepts everything for less than a year. make
// testunit builds OPA (a version the GNUmakefile pins) and sets SRM_OPA.
func TestPolicyExample(t *testing.T) {
	opa := os.Getenv("SRM_OPA")
	if opa == "" {
		t.Skip("SRM_OPA is not set: make testunit builds OPA and sets it")
	}
	policy := filepath.Join("..", "..", "examples", "policy")
	for _, tc := range []struct {
		name string
		plan string
		want []string
	}{
		{"nothing accepted", policyPlan("", ""), []string{
			"aws_s3_bucket.logs (aws_s3_bucket) is new and nobody accepted data_access.", "data_protection.encrypt_at_rest",
			"aws_iam_role.app (aws_iam_role) is new and nobody accepted accounts_and_access."}},
		{"data accepted, access not", policyPlan(`["data_classification.*", "data_protection.*", "data_access.*"]`, `"2027-05-01"`),
			[]string{"aws_iam_role.app (aws_iam_role) is new and nobody accepted accounts_and_access."}},
		{"everything, without review_by", policyPlan(`["*"]`, `null`), []string{
			"srm_obligation_acceptance.storage (team team-storage) is granted by this change without a review_by within a year"}},
		{"everything, reviewed in two years", policyPlan(`["*"]`, `"2028-11-01"`), []string{
			"srm_obligation_acceptance.storage (team team-storage) is granted by this change without a review_by within a year"}},
		{"everything, reviewed within a year", policyPlan(`["*"]`, `"2027-05-01"`), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, out, stderr := runReview(t, tc.plan, "-format", "json", "-")
			if status != 0 {
				t.Fatalf("review: exit %d: %s", status, stderr)
			}
			input := filepath.Join(t.TempDir(), "review.json")
			if err := os.WriteFile(input, []byte(out), 0o600); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(opa, "eval", "--format", "json", "--data", policy, "--input", input, "data.main.deny")
			res, err := cmd.Output()
			if err != nil {
				t.Fatalf("opa eval: %v\n%s", err, res)
			}
			var doc struct {
				Result []struct {
					Expressions []struct {
						Value []string `json:"value"`
					} `json:"expressions"`
				} `json:"result"`
			}
			if err := json.Unmarshal(res, &doc); err != nil || len(doc.Result) != 1 || len(doc.Result[0].Expressions) != 1 {
				t.Fatalf("opa eval printed %s (%v)", res, err)
			}
			deny := doc.Result[0].Expressions[0].Value
			if len(tc.want) == 0 && len(deny) > 0 {
				t.Errorf("the policy denies a change it should pass: %q", deny)
			}
			all := strings.Join(deny, "\n")
			for _, want := range tc.want {
				if !strings.Contains(all, want) {
					t.Errorf("the policy's denials %q do not say %q", deny, want)
				}
			}
			if slices.ContainsFunc(deny, func(s string) bool { return strings.Contains(s, "data_") }) &&
				strings.Contains(tc.name, "data accepted") {
				t.Errorf("accepted data obligations are denied: %q", deny)
			}
		})
	}
}
