// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// teamPlan builds the JSON of a plan of a team's repository: modules
// module.svc0 ... each with perModule created resources of common types
// (for_each keys and count indexes), a record accepting "*" for every
// module but those in failing, a few unchanged and deleted resources that
// are not reviewed, and updates. Every address is unique even without its
// module.
func teamPlan(modules, perModule int, failing ...int) []byte {
	types := []struct{ typ, after string }{
		{"aws_instance", `"instance_type":"t3.large","ami":"ami-123"`},
		{"aws_db_instance", `"engine":"postgres","instance_class":"db.t3.micro"`},
		{"aws_lambda_function", `"package_type":"Image","function_name":"f"`},
		{"aws_s3_bucket", `"bucket":"b","force_destroy":false`},
		{"aws_security_group", `"name":"sg","description":"web"`},
		{"aws_iam_role", `"name":"role","assume_role_policy":"{}"`},
		{"aws_ecs_service", `"launch_type":"FARGATE","desired_count":2`},
		{"aws_sqs_queue", `"name":"q"`},
	}
	isFailing := map[int]bool{}
	for _, f := range failing {
		isFailing[f] = true
	}
	var b bytes.Buffer
	b.WriteString(`{"format_version":"1.2","terraform_version":"1.9.8","errored":false,"complete":true,"planned_values":{"root_module":{"resources":[`)
	first := true
	for m := 0; m < modules; m++ {
		if isFailing[m] {
			continue
		}
		if !first {
			b.WriteString(",")
		}
		first = false
		fmt.Fprintf(&b, `{"address":"srm_obligation_acceptance.svc%d","mode":"managed","type":"srm_obligation_acceptance","name":"svc%d",`+
			`"values":{"scope":["module.svc%d.*"],"obligations":["*"],"accepted_by":"team-svc%d","review_by":"2099-01-01","expired":false}}`, m, m, m, m)
	}
	b.WriteString(`]}},"resource_changes":[`)
	n := 0
	change := func(module, addr, typ, actions, before, after string) {
		if n > 0 {
			b.WriteString(",")
		}
		n++
		a, _ := json.Marshal(addr)
		fmt.Fprintf(&b, `{"address":%s,"module_address":"%s","mode":"managed","type":"%s","name":"r","change":{"actions":[%s],`+
			`"before":%s,"after":%s,"after_unknown":{"id":true,"arn":true},"before_sensitive":{},"after_sensitive":{}}}`,
			a, module, typ, actions, before, after)
	}
	for m := 0; m < modules; m++ {
		module := fmt.Sprintf("module.svc%d", m)
		for i := 0; i < perModule; i++ {
			t := types[(m+i)%len(types)]
			addr := fmt.Sprintf(`%s.%s.r%d_%d[%d]`, module, t.typ, m, i, i%3)
			if i%2 == 0 {
				addr = fmt.Sprintf(`%s.%s.r%d_%d["k%d"]`, module, t.typ, m, i, i)
			}
			if i%10 == 9 {
				change(module, addr, t.typ, `"update"`, "{"+t.after+`,"tags":{"v":"1"}}`, "{"+t.after+`,"tags":{"v":"2"}}`)
			} else {
				change(module, addr, t.typ, `"create"`, "null", "{"+t.after+`,"tags":{"team":"t"}}`)
			}
		}
		// Not reviewed: unchanged and deleted resources.
		change(module, module+".aws_s3_bucket.kept", "aws_s3_bucket", `"no-op"`, `{"bucket":"k"}`, `{"bucket":"k"}`)
	}
	change("", "aws_instance.retired", "aws_instance", `"delete"`, `{"instance_type":"t3.small"}`, "null")
	b.WriteString(`]}`)
	return b.Bytes()
}

// reviewPlan reviews plan JSON with the test clock.
func reviewPlan(tb testing.TB, data []byte) *Report {
	tb.Helper()
	doc, k, err := parseDocument(data)
	if err != nil {
		tb.Fatal(err)
	}
	return reviewDocument(doc, k, &srm.Engine{Catalog: srm.MustBuiltin()}, Options{Now: testNow, ExpiryWarning: DefaultExpiryWarning})
}

// Target (issue 26): about 50 reviewed resources of which one module
// fails give a comment of at most 16,000 characters, with every part.
func TestMarkdownSizeTeamPlan(t *testing.T) {
	rep := reviewPlan(t, teamPlan(6, 8, 3))
	if n := len(rep.Items); n < 45 || n > 55 {
		t.Fatalf("%d reviewed resources, want about 50", n)
	}
	out := rep.markdown(MarkdownLimit)
	t.Logf("%d reviewed resources, one failing module: %d characters", len(rep.Items), len(out))
	if len(out) > 16000 {
		t.Errorf("the comment is %d characters, want at most 16,000", len(out))
	}
	if strings.Contains(out, "Left out") {
		t.Errorf("a comment of this size cut something")
	}
	checkOrder(t, out, "### What needs an owner", "### Next step", "### Details")
	if strings.Count(out, "<details><summary><code>module.svc3.") != 8 {
		t.Errorf("the failing module's resources are not all detailed")
	}
}

// Any plan stays within the comment limit, and every failing resource is
// named in a plan of 1,000 (the headline, the next steps and the records
// are never cut).
func TestMarkdownSizeLargePlans(t *testing.T) {
	for _, tc := range []struct {
		name          string
		modules, per  int
		failing       []int
		wantAllNamed  bool
		wantNextSteps int
	}{
		{"1,000 resources, all failing", 10, 100, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, true, 10},
		{"1,000 resources, one module failing", 10, 100, []int{4}, true, 1},
		{"1,000 resources in one module", 1, 1000, []int{0}, true, 1},
		{"10,000 resources, all failing", 20, 500, []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}, false, 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep := reviewPlan(t, teamPlan(tc.modules, tc.per, tc.failing...))
			out := rep.markdown(MarkdownLimit)
			t.Logf("%d resources: %d characters", len(rep.Items), len(out))
			if len(out) > MarkdownLimit {
				t.Fatalf("%d characters, over the limit of %d", len(out), MarkdownLimit)
			}
			if !strings.HasPrefix(out, MarkdownMarker+"\n") || !strings.Contains(out, "**Gate: fails.") {
				t.Errorf("marker or headline cut")
			}
			steps := nextSteps(t, out)
			if n := len(steps); n != tc.wantNextSteps {
				t.Errorf("%d next steps, want %d", n, tc.wantNextSteps)
			}
			for _, step := range steps {
				// Many resources of a module are named by type.
				if rec := parseNextStep(t, step); len(rec.scope) > maxScopeAddresses {
					t.Errorf("a next step's scope names %d patterns:\n%s", len(rec.scope), step)
				}
			}
			if !strings.Contains(out, "-format json") {
				t.Errorf("the comment does not say how to see what it cut")
			}
			if !tc.wantAllNamed {
				return
			}
			needs := between(out, "### What needs an owner", "### Next step")
			for _, it := range rep.Items {
				if it.Failing() && !strings.Contains(needs, "`"+relative(it.Address, it.Module)+"`") {
					t.Fatalf("%s is not named among what needs an owner", it.Address)
				}
			}
		})
	}
}

// A small limit exercises every cut in order: accepted lines, then
// failing details, then owner changes, then the list of failing resources
// is compacted, then cut; the headline and next steps stay.
func TestMarkdownCutOrder(t *testing.T) {
	rep := reviewPlan(t, teamPlan(6, 8, 3))
	full := rep.markdown(MarkdownLimit)
	prev := len(full)
	sawCompact := false
	for limit := len(full) - 1; limit > 2000; limit -= 500 {
		out := rep.markdown(limit)
		if len(out) > limit {
			t.Fatalf("limit %d: %d characters", limit, len(out))
		}
		if !strings.Contains(out, "**Gate: fails.") || len(nextSteps(t, out)) != 1 {
			t.Fatalf("limit %d: the headline or the next step was cut", limit)
		}
		hasAccepted := strings.Contains(out, "**Fully accepted**")
		hasFailingDetails := strings.Contains(out, "<details><summary><code>")
		if hasAccepted && !hasFailingDetails {
			t.Errorf("limit %d: failing details cut before accepted lines", limit)
		}
		if !strings.Contains(out, "(create): ") && strings.Contains(out, "### What needs an owner") {
			sawCompact = true
		}
		if len(out) > prev {
			t.Errorf("limit %d: the comment grew", limit)
		}
		prev = len(out)
	}
	if !sawCompact {
		t.Error("the list of failing resources was never compacted")
	}
}

// BenchmarkReviewTeamPlan reviews a plan of about 50 resources of which
// one module fails, and writes the Markdown comment (target: under 0.2 s):
//
//	go test ./internal/review -run '^$' -bench TeamPlan -benchmem
func BenchmarkReviewTeamPlan(b *testing.B) {
	data := teamPlan(6, 8, 3)
	engine := &srm.Engine{Catalog: srm.MustBuiltin()}
	b.SetBytes(int64(len(data)))
	for range b.N {
		doc, k, err := parseDocument(data)
		if err != nil {
			b.Fatal(err)
		}
		rep := reviewDocument(doc, k, engine, Options{Now: testNow, ExpiryWarning: DefaultExpiryWarning})
		if len(rep.markdown(MarkdownLimit)) == 0 {
			b.Fatal("empty")
		}
	}
}

// BenchmarkMarkdown1k writes the comment of a plan of 1,000 failing
// resources, which has to be cut to fit.
func BenchmarkMarkdown1k(b *testing.B) {
	rep := reviewPlan(b, teamPlan(10, 100, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9))
	b.ResetTimer()
	for range b.N {
		if len(rep.markdown(MarkdownLimit)) == 0 {
			b.Fatal("empty")
		}
	}
}
