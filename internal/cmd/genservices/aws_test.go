// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestExpandPrefixPattern(t *testing.T) {
	tests := []struct {
		pattern  string
		prefixes []string
		excluded []string
	}{
		{pattern: "aws_dx_", prefixes: []string{"aws_dx_"}},
		{pattern: "aws_(db_|rds_)", prefixes: []string{"aws_db_", "aws_rds_"}},
		// Alternatives sharing a start are factored by the parser; the
		// expansion must still give each one.
		{pattern: "aws_ec2_(availability|capacity|client)", prefixes: []string{"aws_ec2_availability", "aws_ec2_capacity", "aws_ec2_client"}},
		{pattern: "aws_(ami|ec2_(host|instance)|eip)", prefixes: []string{"aws_ami", "aws_ec2_host", "aws_ec2_instance", "aws_eip"}},
		// An optional letter and \b, which only ends the name.
		{pattern: `aws_a?lb(\b|_listener|s)`, prefixes: []string{"aws_alb", "aws_alb_listener", "aws_albs", "aws_lb", "aws_lb_listener", "aws_lbs"}},
		{pattern: "aws_(partition|regions?)$", prefixes: []string{"aws_partition", "aws_region", "aws_regions"}},
		{pattern: "aws_(default_)?subnet", prefixes: []string{"aws_default_subnet", "aws_subnet"}},
		{pattern: "aws_x[ab]_", prefixes: []string{"aws_xa_", "aws_xb_"}},
		// Negative lookaheads are cut out and what they exclude is reported.
		{pattern: "aws_cloudwatch_(?!(event_|log_|query_))", prefixes: []string{"aws_cloudwatch_"},
			excluded: []string{"aws_cloudwatch_event_", "aws_cloudwatch_log_", "aws_cloudwatch_query_"}},
		{pattern: "aws_((default_)?(subnet|vpc(?!_ipam))|route)", prefixes: []string{"aws_default_subnet", "aws_default_vpc", "aws_route", "aws_subnet", "aws_vpc"},
			excluded: []string{"aws_default_vpc_ipam", "aws_vpc_ipam"}},
	}
	for _, tt := range tests {
		t.Run(tt.pattern, func(t *testing.T) {
			got, excluded, err := expandPrefixPattern(tt.pattern)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(got, tt.prefixes) {
				t.Errorf("prefixes = %q, want %q", got, tt.prefixes)
			}
			if !slices.Equal(excluded, tt.excluded) {
				t.Errorf("excluded = %q, want %q", excluded, tt.excluded)
			}
		})
	}
}

func TestExpandPrefixPatternUnbounded(t *testing.T) {
	for pattern, want := range map[string]string{
		"aws_.*":     "unbounded",
		"aws_x+":     "unbounded",
		"aws_x{2,}":  "unbounded",
		"aws_[a-z]_": "more than 8 characters",
		"(?i)aws_x":  "case-insensitive",
		"aws_x(?!y":  "unclosed",
		"aws_(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)": "more than 256 prefixes",
		"aws_(": "missing closing",
	} {
		t.Run(pattern, func(t *testing.T) {
			_, _, err := expandPrefixPattern(pattern)
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("error = %v, want one containing %q", err, want)
			}
		})
	}
}

func TestAWSExtraction(t *testing.T) {
	withoutRetiredServices(t)
	src, err := os.ReadFile(filepath.Join("testdata", "aws_names_data.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	ex, warnings, err := awsExtraction(src, "aws_names_data.hcl")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][]string{}
	names := map[string]string{}
	for _, s := range ex.Services {
		got[s.ID] = s.Prefixes
		names[s.ID] = s.Name
	}
	want := map[string][]string{
		"aws/acm": {"aws_acm_"},
		// doc_prefix entries under aws_cloudwatch_ add nothing.
		"aws/cloudwatch": {"aws_cloudwatch_"},
		"aws/logs":       {"aws_cloudwatch_log_", "aws_cloudwatch_query_", "aws_logs_"},
		// aws_lb covers aws_lb_listener..., aws_alb covers aws_albs; the
		// pattern "lbs?\." of doc_prefix is not a literal and is left out.
		"aws/elbv2": {"aws_alb", "aws_elbv2_", "aws_lb"},
		// The page names reach aws_kinesis_video_stream.
		"aws/kinesisvideo": {"aws_kinesis_video_", "aws_kinesisvideo_"},
		"aws/ec2":          {"aws_ami", "aws_ec2_", "aws_eip", "aws_instance"},
		// Sub-services are services of their own (their exclude only means
		// "documented with EC2"); aws_vpc_ipam belongs to ipam.
		"aws/vpc":            {"aws_default_security_group", "aws_default_subnet", "aws_default_vpc", "aws_ec2_managed", "aws_ec2_traffic", "aws_route", "aws_security_group", "aws_subnet", "aws_vpc"},
		"aws/ipam":           {"aws_ipam_", "aws_vpc_ipam"},
		"aws/cloudformation": {"aws_cloudformation_"},
	}
	if len(got) != len(want) {
		t.Errorf("services = %v, want those of %v (not implemented and top-level excluded services left out)", keys(got), keys(want))
	}
	for id, w := range want {
		if !slices.Equal(got[id], w) {
			t.Errorf("%s prefixes = %q, want %q", id, got[id], w)
		}
	}
	if names["aws/vpc"] != "VPC (Virtual Private Cloud)" || names["aws/acm"] != "ACM (Certificate Manager)" {
		t.Errorf("names = %v", names)
	}
	// Every kept prefix is one row, naming its service, and so is the
	// explicit type of awsTypeServices.
	n := 1
	for _, p := range want {
		n += len(p)
	}
	if len(ex.Rows) != n {
		t.Errorf("%d rows, want %d", len(ex.Rows), n)
	}
	for _, r := range ex.Rows {
		if r.Kind == "type" && r.Name == "aws_servicecatalog_provisioned_product" && r.Service == "aws/cloudformation" {
			continue
		}
		if r.Kind != "prefix" || !slices.Contains(got[r.Service], r.Name) {
			t.Errorf("row %+v does not match its service", r)
		}
	}
	// cloudwatch's lookahead excludes aws_cloudwatch_event_, which no service
	// of the excerpt claims (events is left out), and vpc's excludes
	// aws_default_vpc_ipam, which no service claims.
	if len(warnings) != 2 || !strings.Contains(warnings[0], `"aws_cloudwatch_event_"`) || !strings.Contains(warnings[1], `"aws_default_vpc_ipam"`) {
		t.Errorf("warnings = %q", warnings)
	}
}

func keys(m map[string][]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// withoutTypeServices empties awsTypeServices for a test whose source has
// none of the services it names.
func withoutTypeServices(t *testing.T) {
	saved := awsTypeServices
	awsTypeServices = nil
	t.Cleanup(func() { awsTypeServices = saved })
}

// withoutRetiredServices empties awsRetiredServices for a test whose source
// has none of the services it names.
func withoutRetiredServices(t *testing.T) {
	saved := awsRetiredServices
	awsRetiredServices = nil
	t.Cleanup(func() { awsRetiredServices = saved })
}

// A service whose resources the provider removed stays, with its prefixes,
// while other not-implemented services are left out; a retired service
// implemented again, or gone from the file, is worth a warning.
func TestAWSExtractionRetiredServices(t *testing.T) {
	withoutTypeServices(t)
	saved := awsRetiredServices
	awsRetiredServices = map[string]bool{"simpledb": true, "revived": true, "gone": true}
	t.Cleanup(func() { awsRetiredServices = saved })
	src := []byte(`
service "simpledb" {
  names { human_friendly = "SDB (SimpleDB)" }
  resource_prefix {
    actual  = "aws_simpledb_"
    correct = "aws_sdb_"
  }
  not_implemented = true
}
service "alexaforbusiness" {
  names { human_friendly = "Alexa for Business" }
  resource_prefix { correct = "aws_alexaforbusiness_" }
  not_implemented = true
}
service "revived" {
  names { human_friendly = "Revived" }
  resource_prefix { correct = "aws_revived_" }
}
`)
	ex, warnings, err := awsExtraction(src, "retired.hcl")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, s := range ex.Services {
		ids = append(ids, s.ID)
		if s.ID == "aws/simpledb" && !slices.Equal(s.Prefixes, []string{"aws_sdb_", "aws_simpledb_"}) {
			t.Errorf("simpledb prefixes = %q", s.Prefixes)
		}
	}
	if !slices.Equal(ids, []string{"aws/revived", "aws/simpledb"}) {
		t.Errorf("services = %v, want the retired and the implemented one", ids)
	}
	want := []string{
		`awsRetiredServices["gone"]: no such service in the file; its types no longer resolve`,
		`awsRetiredServices["revived"] is no longer needed: the file implements the service`,
	}
	if !slices.Equal(warnings, want) {
		t.Errorf("warnings = %q, want %q", warnings, want)
	}
}

func TestAWSExtractionSharedPrefix(t *testing.T) {
	withoutTypeServices(t)
	src := []byte(`
service "one" {
  names { human_friendly = "One" }
  resource_prefix { correct = "aws_shared_" }
}
service "two" {
  names { human_friendly = "Two" }
  resource_prefix {
    actual  = "aws_(shared_|two_)"
    correct = "aws_two_"
  }
}
`)
	_, _, err := awsExtraction(src, "shared.hcl")
	if err == nil || !strings.Contains(err.Error(), `prefix "aws_shared_" is claimed by services one, two`) {
		t.Fatalf("error = %v, want the shared prefix named with both services", err)
	}
	awsPrefixOwners["aws_shared_"] = "two"
	defer delete(awsPrefixOwners, "aws_shared_")
	ex, _, err := awsExtraction(src, "shared.hcl")
	if err == nil || !strings.Contains(err.Error(), `service "one" keeps no prefix`) {
		t.Fatalf("error = %v, want service one left without prefixes", err)
	}
	_ = ex
}

func TestAWSExtractionBadInput(t *testing.T) {
	withoutTypeServices(t)
	const names = "  names {\n    human_friendly = \"X\"\n  }\n"
	for name, tt := range map[string]struct{ src, want string }{
		"syntax":      {"service \"x\" {", "Unclosed configuration block"},
		"no label":    {"service {\n" + names + "}\n", "needs one label"},
		"no name":     {"service \"x\" {\n  resource_prefix {\n    correct = \"aws_x_\"\n  }\n}\n", "no names.human_friendly"},
		"no prefix":   {"service \"x\" {\n" + names + "}\n", "has no resource_prefix"},
		"not aws":     {"service \"x\" {\n" + names + "  resource_prefix {\n    correct = \"azurerm_x_\"\n  }\n}\n", "does not name AWS types"},
		"bad pattern": {"service \"x\" {\n" + names + "  resource_prefix {\n    actual = \"aws_x.*\"\n  }\n}\n", "unbounded"},
		"bool":        {"service \"x\" {\n" + names + "  not_implemented = \"yes\"\n}\n", "must be true or false"},
		"doc list":    {"service \"x\" {\n" + names + "  doc_prefix = \"x_\"\n}\n", "must be a list of strings"},
		"twice":       {"service \"x\" {\n" + names + "}\nservice \"x\" {\n" + names + "}\n", "declared twice"},
		"empty":       {"# nothing\n", "no service blocks"},
	} {
		t.Run(name, func(t *testing.T) {
			_, _, err := awsExtraction([]byte(tt.src), "bad.hcl")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestExtractAWSProvenance(t *testing.T) {
	path := filepath.Join("testdata", "aws_names_data.hcl")
	defer func(c, d string) { *awsCommit, *awsDate = c, d }(*awsCommit, *awsDate)
	*awsCommit, *awsDate = "", ""
	if _, err := extractAWS(path); err == nil || !strings.Contains(err.Error(), "-aws-commit must be") {
		t.Fatalf("error = %v, want -aws-commit required", err)
	}
	*awsCommit, *awsDate = "c5d502a267de12d3aa3bb71f34e4076073e5236c", "20 Nov 2026"
	if _, err := extractAWS(path); err == nil || !strings.Contains(err.Error(), "-aws-date must be") {
		t.Fatalf("error = %v, want -aws-date as YYYY-MM-DD", err)
	}
	*awsDate = ""
	if ex, err := extractAWS(path); err != nil || ex.Provenance.Date != "date unknown" {
		t.Fatalf("without -aws-date: %v, %+v", err, ex)
	}
	*awsDate = "2026-11-20"
	ex, err := extractAWS(path)
	if err != nil {
		t.Fatal(err)
	}
	want := provenance{Repository: "hashicorp/terraform-provider-aws", Path: "names/data/names_data.hcl",
		Commit: "c5d502a267de12d3aa3bb71f34e4076073e5236c", Date: "2026-11-20"}
	if ex.Provenance != want || ex.Provider != "aws" {
		t.Errorf("provenance = %+v, provider %q", ex.Provenance, ex.Provider)
	}
}

// A file read from a fork, transcribed down to what the extractor reads,
// must say so in the list's header: the fork's name and commit, and that it
// is not the file itself.
func TestExtractAWSProvenanceForkCondensed(t *testing.T) {
	path := filepath.Join("testdata", "aws_names_data.hcl")
	defer func(c, d, r string, k bool) { *awsCommit, *awsDate, *awsRepo, *awsCondensed = c, d, r, k }(
		*awsCommit, *awsDate, *awsRepo, *awsCondensed)
	*awsCommit, *awsDate = "25bed4206d5c2530665bfff5e64bdc7bcb6dd056", ""
	for _, bad := range []string{"", "terraform-provider-aws", "owner/name/extra", "https://github.com/owner/name"} {
		*awsRepo = bad
		if _, err := extractAWS(path); err == nil || !strings.Contains(err.Error(), "-aws-repo must be") {
			t.Errorf("-aws-repo %q: error = %v, want owner/name required", bad, err)
		}
	}
	*awsRepo, *awsCondensed = "SMonaghan/terraform-provider-aws", true
	ex, err := extractAWS(path)
	if err != nil {
		t.Fatal(err)
	}
	want := provenance{Repository: "SMonaghan/terraform-provider-aws", Path: "names/data/names_data.hcl",
		Commit: "25bed4206d5c2530665bfff5e64bdc7bcb6dd056", Date: "date unknown", Note: awsCondensedNote}
	if ex.Provenance != want {
		t.Fatalf("provenance = %+v, want %+v", ex.Provenance, want)
	}
	csvPath := filepath.Join(t.TempDir(), "aws.csv")
	if err := writeRows(csvPath, ex); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(csvPath)
	if err != nil {
		t.Fatal(err)
	}
	line := "# Source: SMonaghan/terraform-provider-aws, names/data/names_data.hcl, commit 25bed4206d5c2530665bfff5e64bdc7bcb6dd056 (date unknown); " +
		awsCondensedNote + ".\n"
	if !strings.Contains(string(b), line) {
		t.Errorf("header does not state the source:\n%s\nwant the line\n%s", b, line)
	}
}

func TestAWSExtractionExplicitTypes(t *testing.T) {
	src := []byte(`
service "cloudformation" {
  names {
    human_friendly = "CloudFormation"
  }
  resource_prefix {
    correct = "aws_cloudformation_"
  }
}
service "servicecatalog" {
  names {
    human_friendly = "Service Catalog"
  }
  resource_prefix {
    correct = "aws_servicecatalog_"
  }
}
`)
	ex, _, err := awsExtraction(src, "types.hcl")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range ex.Services {
		want := []string(nil)
		if s.ID == "aws/cloudformation" {
			want = []string{"aws_servicecatalog_provisioned_product"}
		}
		if !slices.Equal(s.Types, want) {
			t.Errorf("%s types = %q, want %q", s.ID, s.Types, want)
		}
	}
	if !slices.Contains(ex.Rows, row{Kind: "type", Name: "aws_servicecatalog_provisioned_product", Service: "aws/cloudformation"}) {
		t.Errorf("rows = %+v, want the explicit type as a row", ex.Rows)
	}
	// The table naming a service without resources is an error.
	src = bytes.Replace(src, []byte(`correct = "aws_cloudformation_"`), []byte("correct = \"aws_cloudformation_\"\n  }\n  not_implemented = true\n  resource_prefix {\n    correct = \"aws_cfn_\""), 1)
	if _, _, err := awsExtraction(src, "types.hcl"); err == nil || !strings.Contains(err.Error(), `names "cloudformation", which is not a service with resources`) {
		t.Fatalf("error = %v", err)
	}
}
