// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package srm

import (
	"encoding/json"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// builtinDocs returns a deep copy of the built-in documents, for tests that
// break them.
func builtinDocs(t testing.TB) []NamedDocument {
	t.Helper()
	docs, err := BuiltinDocuments()
	if err != nil {
		t.Fatal(err)
	}
	out := make([]NamedDocument, len(docs))
	for i, d := range docs {
		b, err := json.Marshal(d.Document)
		if err != nil {
			t.Fatal(err)
		}
		cp := &Document{}
		if err := json.Unmarshal(b, cp); err != nil {
			t.Fatal(err)
		}
		out[i] = NamedDocument{Name: d.Name, Document: cp}
	}
	return out
}

func matrixDoc(docs []NamedDocument) *Document { return docs[0].Document }

func component(d *Document, id string) *ComponentDoc {
	for i := range d.Components {
		if d.Components[i].ID == id {
			return &d.Components[i]
		}
	}
	return nil
}

// The built-in catalog passes every rule; the provider builds it without
// them (compileTrusted), and that build is the same catalog.
func TestBuiltinCatalogIsValid(t *testing.T) {
	docs, err := BuiltinDocuments()
	if err != nil {
		t.Fatal(err)
	}
	c, err := Compile(docs...)
	if err != nil {
		t.Fatalf("built-in catalog: %v", err)
	}
	if !reflect.DeepEqual(c, MustBuiltin()) {
		t.Error("the built-in catalog built without the rules differs from the compiled one")
	}
	if got, want := strings.Join(c.ModelIDs(), ","), "on_premises,iaas,caas,paas,faas,saas"; got != want {
		t.Errorf("models = %s, want %s", got, want)
	}
	if got, want := strings.Join(c.LayerIDs(), ","), "infrastructure,platform,application,data,identity"; got != want {
		t.Errorf("layers = %s, want %s", got, want)
	}
	for _, comp := range c.Components {
		for mi, m := range c.ServiceModels {
			cell := comp.Cells[mi]
			if cell.Source == "" {
				t.Errorf("%s/%s has no source", comp.ID, m.ID)
			}
			if s := c.Sources[cell.Source]; s.URL == "" || s.AsOf == "" {
				t.Errorf("%s/%s cites %q without URL or as-of date", comp.ID, m.ID, cell.Source)
			}
		}
	}
}

// Every customer or shared cell yields at least one obligation, and every
// obligation has at least one well-formed NIST SP 800-53 control.
func TestObligationsCoverEveryCustomerCell(t *testing.T) {
	c := MustBuiltin()
	for _, comp := range c.Components {
		for mi, m := range c.ServiceModels {
			o := comp.Cells[mi].Owner
			if o == OwnerProvider {
				continue
			}
			if len(c.byCell[comp.index][ownerIndex(o)]) == 0 {
				t.Errorf("%s is %s under %s but has no obligation", comp.ID, o, m.ID)
			}
		}
	}
	seen := map[string]bool{}
	for _, o := range c.Obligations {
		if seen[o.ID] {
			t.Errorf("duplicate obligation %s", o.ID)
		}
		seen[o.ID] = true
		if len(o.Controls["nist_800_53_r5"]) == 0 {
			t.Errorf("%s has no NIST SP 800-53 control", o.ID)
		}
		if len(o.ServiceModels) == 0 {
			t.Errorf("%s applies to no service model", o.ID)
		}
	}
}

// A table of broken catalogs: each edit breaks one invariant and must be
// rejected with the rule and the path of the offending cell.
func TestInvariantsRejectBrokenCatalogs(t *testing.T) {
	cases := []struct {
		name, component, model string
		owner                  Owner
		rule                   string
	}{
		{"data provider-owned in saas", "data_protection", "saas", OwnerProvider, "customer retains data security"},
		{"data classification provider-owned in paas", "data_classification", "paas", OwnerProvider, "customer retains data security"},
		{"access provider-owned", "accounts_and_access", "saas", OwnerProvider, "customer retains user access"},
		{"configuration provider-owned", "configuration", "saas", OwnerProvider, "misconfiguration stays with the customer"},
		{"physical customer-owned in iaas", "physical_hosts", "iaas", OwnerCustomer, "provider keeps the physical layer of its cloud"},
		{"physical shared in faas", "physical_datacenter", "faas", OwnerShared, "provider keeps the physical layer of its cloud"},
		{"on premises provider-owned", "virtualization", "on_premises", OwnerProvider, "on premises the customer runs everything"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			docs := builtinDocs(t)
			comp := component(matrixDoc(docs), tc.component)
			cell := CellDoc{Owner: string(tc.owner), Source: "azure-srm"}
			if tc.owner == OwnerShared {
				cell.ProviderPart, cell.CustomerPart = "p", "c"
			}
			comp.Cells[tc.model] = cell
			_, err := Compile(docs...)
			if err == nil {
				t.Fatal("broken catalog accepted")
			}
			msg := err.Error()
			if !strings.Contains(msg, tc.rule) {
				t.Errorf("error does not name the rule %q:\n%s", tc.rule, msg)
			}
			if !strings.Contains(msg, ".cells."+tc.model+".owner") {
				t.Errorf("error does not name the cell's path:\n%s", msg)
			}
		})
	}
}

func TestCompileRejectsMalformedDocuments(t *testing.T) {
	cases := []struct {
		name string
		edit func(d *Document)
		want string
	}{
		{"dangling layer", func(d *Document) { d.Components[0].Layer = "physical" }, `$.components[0].layer: unknown layer "physical"`},
		{"dangling source", func(d *Document) {
			c := d.Components[4].Cells["iaas"]
			c.Source = "nowhere"
			d.Components[4].Cells["iaas"] = c
		}, `unknown source "nowhere"`},
		{"missing cell", func(d *Document) { delete(d.Components[2].Cells, "paas") }, `no cell for service model "paas"`},
		{"shared without parts", func(d *Document) {
			d.Components[4].Cells["caas"] = CellDoc{Owner: "shared", Source: "google-gke"}
		}, "a shared cell must say what the provider does"},
		{"bad owner", func(d *Document) {
			d.Components[4].Cells["iaas"] = CellDoc{Owner: "vendor", Source: "aws-srm"}
		}, `must be one of provider, shared, customer, got "vendor"`},
		{"duplicate model", func(d *Document) { d.ServiceModels = append(d.ServiceModels, d.ServiceModels[1]) }, `duplicate service model "iaas"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			docs := builtinDocs(t)
			tc.edit(matrixDoc(docs))
			_, err := Compile(docs...)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("want an error containing %q, got %v", tc.want, err)
			}
		})
	}
}

func TestClosest(t *testing.T) {
	cands := []string{"aws_db_instance", "aws_db_subnet_group", "aws_instance", "google_sql_database_instance"}
	if got := Closest("aws_dbinstance", cands, 3); len(got) == 0 || got[0] != "aws_db_instance" {
		t.Errorf("Closest = %v", got)
	}
	if got := Closest("zzzzzzzzzz", cands, 3); len(got) != 0 {
		t.Errorf("Closest of nonsense = %v, want none", got)
	}
}

func TestIsTypeName(t *testing.T) {
	t.Parallel()
	pattern := regexp.MustCompile(`^[a-z0-9]+_[a-z0-9_]+$`)
	for _, s := range []string{"aws_db_instance", "a_b", "google_container_cluster", "helm_release", "x1_2", "a__b", "a_b_",
		"", "_", "a_", "_a", "aws", "Aws_db", "aws-db", "aws_db instance", "aws_dé", "a\x00_b", "aws_db_instance\n"} {
		if got, want := isTypeName(s), pattern.MatchString(s); got != want {
			t.Errorf("isTypeName(%q) = %v, the pattern says %v", s, got, want)
		}
	}
}

// The built-in catalog cites canonical pages (audit L4): https, no locale
// path (docs.aws.amazon.com/ja_jp/...), no markdown rendering of a page.
func TestSourceURLsCanonical(t *testing.T) {
	t.Parallel()
	locale := regexp.MustCompile(`^https://(?:docs\.aws\.amazon\.com/[a-z]{2}_[a-z]{2}|learn\.microsoft\.com/([a-z]{2}-[a-z]{2}))/`)
	c := MustBuiltin()
	for _, id := range sortedKeys(c.Sources) {
		u := c.Sources[id].URL
		m := locale.FindStringSubmatch(u)
		if !strings.HasPrefix(u, "https://") || strings.HasSuffix(u, ".md") || (m != nil && m[1] != "en-us") {
			t.Errorf("source %s: %s is not a canonical page URL", id, u)
		}
	}
}

// maxAWSEntriesOnGeneralSources is how many entries of
// data/resource_types_aws.json may still cite the generic AWS shared
// responsibility page (aws-srm) or the three-category overview
// (aws-security-scope) as their source. Those pages state the model in
// general and say nothing of one service's settings (audit L3): an entry
// cites its service's own security chapter instead. The ceiling may only
// shrink; the entries left say more than their service's security page
// does (customer code on a managed runtime, a service's class in the
// overview) or have no page read for them yet.
const maxAWSEntriesOnGeneralSources = 10

// maxAWSServicesOnGeneralSources is the same ceiling for the services of
// data/services_aws.json, whose pages have mostly not been read yet.
const maxAWSServicesOnGeneralSources = 115

func TestAWSEntriesCiteServicePages(t *testing.T) {
	t.Parallel()
	docs, err := BuiltinDocuments()
	if err != nil {
		t.Fatal(err)
	}
	isGeneral := func(source string) bool { return source == "aws-srm" || source == "aws-security-scope" }
	var entries, services []string
	found := 0
	for _, d := range docs {
		switch d.Name {
		case "data/resource_types_aws.json":
			found++
			for _, name := range sortedKeys(d.Document.ResourceTypes) {
				if isGeneral(d.Document.ResourceTypes[name].Source) {
					entries = append(entries, name)
				}
			}
		case "data/services_aws.json":
			found++
			for _, id := range sortedKeys(d.Document.Services) {
				if isGeneral(d.Document.Services[id].Source) {
					services = append(services, id)
				}
			}
		}
	}
	if len(entries) > maxAWSEntriesOnGeneralSources {
		t.Errorf("%d AWS entries cite aws-srm or aws-security-scope as their source, at most %d may: cite the service's security page instead\n%s",
			len(entries), maxAWSEntriesOnGeneralSources, strings.Join(entries, "\n"))
	}
	if len(services) > maxAWSServicesOnGeneralSources {
		t.Errorf("%d AWS services cite aws-srm or aws-security-scope as their source, at most %d may: cite the service's security page instead\n%s",
			len(services), maxAWSServicesOnGeneralSources, strings.Join(services, "\n"))
	}
	if found != 2 {
		t.Error("the built-in documents data/resource_types_aws.json and data/services_aws.json were not both found")
	}
}
