// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func sampleAssessment(t testing.TB) *Assessment {
	t.Helper()
	c := MustBuiltin()
	fw := &Agreement{Name: "managed-firewall", Overrides: []Override{{ServiceModel: "paas", Component: "network_controls",
		Owner: OwnerProvider, Reason: "Managed firewall contract", Reference: "MSA-7"}}}
	e := &Engine{Catalog: c, Agreements: map[string]*Agreement{fw.Name: fw}}
	db := resolve(t, e, Request{ResourceType: "aws_db_instance", Agreement: "managed-firewall"})
	a, err := e.Assess(map[string]AssessItem{
		"aws_db_instance.orders":        {ResourceType: "aws_db_instance"},
		"aws_lambda_function.resize":    {ResourceType: "aws_lambda_function", Conditions: map[string]string{"package_type": "Image"}},
		"google_container_cluster.apps": {ResourceType: "google_container_cluster"},
		"legacy.crm":                    {ServiceModel: "saas"},
	}, map[string][]string{
		"aws_db_instance.orders": db.CustomerObligationIDs(),
		"legacy.crm":             {"data_protection.encrypt_at_rest", "accounts_and_access.enforce_mfa"},
	}, "managed-firewall")
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	p := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; run go test ./internal/srm -run %s -update and review the diff", name, t.Name())
	}
}

func TestAssessment(t *testing.T) {
	a := sampleAssessment(t)
	un := a.Unaccepted()
	if _, ok := un["aws_db_instance.orders"]; ok {
		t.Error("fully accepted resource listed as unaccepted")
	}
	if len(un["legacy.crm"]) != len(a.Results["legacy.crm"].CustomerObligations)-2 {
		t.Errorf("legacy.crm unaccepted = %v", un["legacy.crm"])
	}
	s := a.Summary()
	if s.ObligationsAccepted != len(a.Results["aws_db_instance.orders"].CustomerObligations)+2 {
		t.Errorf("accepted = %d", s.ObligationsAccepted)
	}
	if s.ByLayer["infrastructure"][OwnerProvider] != 4 || s.ByLayer["data"][OwnerCustomer] != 4 {
		t.Errorf("by layer = %v", s.ByLayer)
	}
	if got := owner(t, a.Results["aws_db_instance.orders"], "network_controls"); got != OwnerProvider {
		t.Errorf("agreement not applied: %s", got)
	}
}

func TestAssessmentErrors(t *testing.T) {
	e := engine()
	_, err := e.Assess(map[string]AssessItem{"a.b": {ResourceType: "aws_dbinstance"}}, nil, "")
	var ae *AssessmentError
	if !errors.As(err, &ae) || ae.In != "resources" || ae.Address != "a.b" || !strings.Contains(ae.Detail, `Did you mean "aws_db_instance"`) {
		t.Errorf("unknown type: %v", err)
	}
	_, err = e.Assess(map[string]AssessItem{"aws_db_instance.main": {ResourceType: "aws_db_instance"}},
		map[string][]string{"aws_db_instance.mian": {"data_protection.encrypt_at_rest"}}, "")
	if !errors.As(err, &ae) || ae.In != "acceptances" || !strings.Contains(ae.Detail, `did you mean "aws_db_instance.main"`) {
		t.Errorf("acceptance for an undeclared resource: %v", err)
	}
	_, err = e.Assess(map[string]AssessItem{"x.y": {ServiceModel: "paas"}}, map[string][]string{"x.y": {"operating_system.patch"}}, "")
	if !errors.As(err, &ae) || ae.In != "acceptances" || !strings.Contains(ae.Detail, "provider-owned") {
		t.Errorf("provider-side acceptance: %v", err)
	}
}

func TestAssessmentMarkdownGolden(t *testing.T) {
	md := sampleAssessment(t).Markdown()
	if i, j := strings.Index(md, "### Unaccepted obligations"), strings.Index(md, "### Ownership"); i < 0 || j < i {
		t.Error("unaccepted obligations must come first")
	}
	if md != sampleAssessment(t).Markdown() {
		t.Error("markdown is not deterministic")
	}
	golden(t, "assessment.md.golden", []byte(md))
}

func TestAssessmentOSCAL(t *testing.T) {
	out, err := sampleAssessment(t).OSCAL()
	if err != nil {
		t.Fatal(err)
	}
	again, _ := sampleAssessment(t).OSCAL()
	if !bytes.Equal(out, again) {
		t.Fatal("OSCAL output is not deterministic")
	}
	golden(t, "oscal.json.golden", append(out, '\n'))

	compiler := jsonschema.NewCompiler()
	schema, err := compiler.Compile(filepath.Join("testdata", "oscal", "oscal_ssp_schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil {
		t.Fatalf("the export does not validate against the OSCAL 1.1.3 SSP schema:\n%v", err)
	}

	var ssp struct {
		SSP struct {
			ControlImplementation struct {
				Requirements []struct {
					ControlID    string `json:"control-id"`
					ByComponents []struct {
						Export struct {
							Provided []struct {
								UUID string `json:"uuid"`
							} `json:"provided"`
							Responsibilities []struct {
								UUID         string `json:"uuid"`
								ProvidedUUID string `json:"provided-uuid"`
							} `json:"responsibilities"`
						} `json:"export"`
						Satisfied []struct {
							ResponsibilityUUID string `json:"responsibility-uuid"`
						} `json:"satisfied"`
					} `json:"by-components"`
				} `json:"implemented-requirements"`
			} `json:"control-implementation"`
		} `json:"system-security-plan"`
	}
	if err := json.Unmarshal(out, &ssp); err != nil {
		t.Fatal(err)
	}
	controls := map[string]bool{}
	links, satisfied := 0, 0
	for _, r := range ssp.SSP.ControlImplementation.Requirements {
		controls[r.ControlID] = true
		for _, b := range r.ByComponents {
			provided := map[string]bool{}
			for _, p := range b.Export.Provided {
				provided[p.UUID] = true
			}
			resp := map[string]bool{}
			for _, x := range b.Export.Responsibilities {
				resp[x.UUID] = true
				if x.ProvidedUUID != "" {
					links++
					if !provided[x.ProvidedUUID] {
						t.Errorf("%s: provided-uuid %s points nowhere", r.ControlID, x.ProvidedUUID)
					}
				}
			}
			for _, s := range b.Satisfied {
				satisfied++
				if !resp[s.ResponsibilityUUID] {
					t.Errorf("%s: satisfied points at no responsibility", r.ControlID)
				}
			}
		}
	}
	for _, want := range []string{"sc-28", "ia-2.1", "pe-3", "si-2"} {
		if !controls[want] {
			t.Errorf("control %s missing", want)
		}
	}
	if links == 0 || satisfied == 0 {
		t.Errorf("shared links %d, satisfied %d: both expected", links, satisfied)
	}
}

func TestUUID5(t *testing.T) {
	u := UUID5("component", "aws_db_instance.orders")
	if u != UUID5("component", "aws_db_instance.orders") || u == UUID5("component", "aws_db_instance.other") {
		t.Error("UUID5 is not a function of its input")
	}
	if u[14] != '5' || !strings.ContainsAny(u[19:20], "89ab") {
		t.Errorf("%s is not a version 5 RFC 4122 UUID", u)
	}
	if OSCALControlID("IA-2(1)") != "ia-2.1" || OSCALControlID("SC-28") != "sc-28" {
		t.Error("control id conversion")
	}
}
