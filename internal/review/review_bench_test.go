// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"testing"
	"time"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// syntheticPlan builds the JSON of a plan of n resource instances in the
// documented format: cloud types with and without conditions, a type the
// catalog does not know, modules with count and for_each, nested blocks,
// unknown and sensitive values, and team acceptance records.
func syntheticPlan(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"format_version":"1.2","terraform_version":"1.9.8","planned_values":{"root_module":{"resources":[`)
	for i, scope := range []string{`"*"`, `"module.team0.*"`, `"module.team1.*","module.team2.*"`, `"aws_lambda_function.*"`} {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, `{"address":"srm_obligation_acceptance.r%d","mode":"managed","type":"srm_obligation_acceptance","name":"r%d",`+
			`"values":{"scope":[%s],"obligations":["data_protection.*","operating_system.*","accounts_and_access.enforce_mfa"],`+
			`"accepted_by":"team-%d","review_by":"2099-01-01","expired":false},"sensitive_values":{}}`, i, i, scope, i)
	}
	b.WriteString(`]}},"resource_changes":[`)
	types := []struct{ typ, after string }{
		{"aws_lambda_function", `"package_type":"Image","update_runtime_on":"Auto","runtime":null`},
		{"aws_db_instance", `"engine":"postgres","instance_class":"db.t3.micro","password":null`},
		{"aws_s3_bucket", `"bucket":"b","force_destroy":false`},
		{"aws_ecs_service", `"launch_type":"FARGATE","desired_count":2`},
		{"google_container_cluster", `"enable_autopilot":true,"node_config":[{"machine_type":"e2-medium","disk_size_gb":100}]`},
		{"acme_widget", `"size":3`},
	}
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		t := types[i%len(types)]
		module := fmt.Sprintf("module.team%d", i%7)
		addr := fmt.Sprintf(`%s.%s.r[%d]`, module, t.typ, i)
		if i%3 == 0 {
			addr = fmt.Sprintf(`%s.%s.r["k%d"]`, module, t.typ, i)
		}
		addrJSON, _ := json.Marshal(addr)
		fmt.Fprintf(&b, `{"address":%s,"module_address":"%s","mode":"managed","type":"%s","name":"r","provider_name":"registry.terraform.io/hashicorp/x",`+
			`"change":{"actions":["create"],"before":null,"after":{%s,"name":"resource-%d","tags":{"team":"t%d","env":"prod","cost":"cc-%d"},`+
			`"timeouts":null,"description":"a resource of the synthetic plan used by the benchmark","settings":[{"a":1,"b":"two","c":[true,false]}]},`+
			`"after_unknown":{"id":true,"arn":true,"tags_all":true%s},"before_sensitive":false,"after_sensitive":{"tags":{},"settings":[{"c":[false,false]}]%s}}}`,
			addrJSON, module, t.typ, t.after, i, i%7, i, map[bool]string{true: `,"update_runtime_on":true`}[i%5 == 0],
			map[bool]string{true: `,"launch_type":true`}[i%11 == 0])
	}
	b.WriteString(`]}`)
	return b.Bytes()
}

// BenchmarkReview10k reviews a plan of 10,000 resources (decoding, every
// resolution, acceptance matching and the JSON report) and, in the same
// iterations, decodes the same JSON into a generic value with encoding/json:
// "x-parse" is the review's time as a multiple of that (SPEC §7.3: at most
// 3). Interleaving the two keeps the ratio steady on a busy machine.
// Run it with -benchtime 10x or more: one iteration takes about a second.
//
//	go test ./internal/review -run '^$' -bench Review10k -benchtime 10x -benchmem
func BenchmarkReview10k(b *testing.B) {
	data := syntheticPlan(10000)
	engine := &srm.Engine{Catalog: srm.MustBuiltin()}
	b.SetBytes(int64(len(data)))
	var parse, review time.Duration
	for range b.N {
		parse += decodeTime(b, data)
		t1 := time.Now()
		doc, k, err := parseDocument(data)
		if err != nil {
			b.Fatal(err)
		}
		rep := reviewDocument(doc, k, engine, Options{Now: testNow})
		if len(rep.Items) != 10000 {
			b.Fatalf("%d items", len(rep.Items))
		}
		if err := rep.WriteJSON(io.Discard); err != nil {
			b.Fatal(err)
		}
		review += time.Since(t1)
	}
	b.ReportMetric(float64(parse.Nanoseconds())/float64(b.N), "parse-ns/op")
	b.ReportMetric(float64(review.Nanoseconds())/float64(b.N), "review-ns/op")
	b.ReportMetric(float64(review)/float64(parse), "x-parse")
}

// decodeTime is the baseline of the review benchmarks: the time
// encoding/json takes to decode data into a generic value. Each phase
// starts, and the next one after it, with no garbage of the other to
// collect.
func decodeTime(b *testing.B, data []byte) time.Duration {
	b.Helper()
	runtime.GC()
	t0 := time.Now()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		b.Fatal(err)
	}
	d := time.Since(t0)
	runtime.GC()
	return d
}
