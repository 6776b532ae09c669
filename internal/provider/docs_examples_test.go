// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package provider

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/terraform-plugin-testing/config"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/zclconf/go-cty/cty"
	"sigs.k8s.io/yaml"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// Every fenced HCL, YAML and JSON example of the README and the guides is
// extracted and validated, so that no example a user copies is rejected:
// TestDocsExamples parses each and loads each catalog document without a
// CLI; TestAccDocsExamples plans and applies each HCL example against the
// provider under every CLI of make test.

// docsExampleFiles are the documents whose examples are tested; the pages
// of data sources and resources come from examples/, which TestAccExamples
// applies.
func docsExampleFiles(t *testing.T) []string {
	t.Helper()
	root := filepath.Join("..", "..")
	guides, err := filepath.Glob(filepath.Join(root, "docs", "guides", "*.md"))
	if err != nil {
		t.Fatal(err)
	}
	return append([]string{filepath.Join(root, "README.md"), filepath.Join(root, "docs", "index.md")}, guides...)
}

type fencedBlock struct {
	file string
	line int
	lang string
	text string
	// expect is the comment before the fence: "<!-- example: fails precondition -->"
	// marks an example that shows a gate closing, "<!-- example: vars a=b -->"
	// a module's code, planned with the values its caller would set.
	expect string
	// earlier are the examples of the same language before it in its file:
	// an example may use what they declare.
	earlier []string
}

func (b fencedBlock) String() string {
	return fmt.Sprintf("%s:%d", strings.TrimPrefix(filepath.ToSlash(b.file), "../../"), b.line)
}

var (
	fenceStart     = regexp.MustCompile("^```([a-z]*)\\s*$")
	exampleComment = regexp.MustCompile(`^<!-- example: (.*) -->$`)
)

// fencedBlocks extracts the fenced blocks of the given languages.
func fencedBlocks(t *testing.T, langs ...string) []fencedBlock {
	t.Helper()
	var out []fencedBlock
	for _, f := range docsExampleFiles(t) {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var cur *fencedBlock
		var earlier []string
		prev := ""
		for i, line := range strings.Split(string(src), "\n") {
			switch {
			case cur == nil:
				if m := fenceStart.FindStringSubmatch(line); m != nil {
					cur = &fencedBlock{file: f, line: i + 1, lang: m[1], earlier: earlier}
					if m := exampleComment.FindStringSubmatch(prev); m != nil {
						cur.expect = m[1]
					}
				}
				if strings.TrimSpace(line) != "" {
					prev = line
				}
			case strings.TrimSpace(line) == "```":
				for _, l := range langs {
					if cur.lang == l {
						out = append(out, *cur)
						earlier = append(earlier[:len(earlier):len(earlier)], cur.text)
					}
				}
				cur = nil
			default:
				cur.text += line + "\n"
			}
		}
		if cur != nil {
			t.Errorf("%s:%d: fenced block not closed", f, cur.line)
		}
	}
	return out
}

// isHCL: the languages of Terraform examples.
var hclLangs = []string{"terraform", "hcl", "tf"}

// catalogKeys are top-level keys only a catalog document has.
var catalogKeys = []string{"catalog_version", "resource_types", "obligations", "services", "agreements"}

func TestDocsExamples(t *testing.T) {
	t.Parallel()
	blocks := fencedBlocks(t, append(hclLangs, "json", "yaml")...)
	counts := map[string]int{}
	for _, b := range blocks {
		t.Run(b.String(), func(t *testing.T) {
			switch b.lang {
			case "json":
				counts["json"]++
				checkJSONExample(t, []byte(b.text))
			case "yaml":
				counts["yaml"]++
				js, err := yaml.YAMLToJSON([]byte(b.text))
				if err != nil {
					t.Fatalf("invalid YAML: %v", err)
				}
				checkJSONExample(t, js)
			default:
				counts["hcl"]++
				if _, diags := hclsyntax.ParseConfig([]byte(b.text), b.String(), hcl.InitialPos); diags.HasErrors() {
					t.Fatalf("invalid HCL: %v", diags)
				}
				if _, _, err := standaloneExample(withEarlier(b.text, b.earlier)); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
	if counts["hcl"] < 10 || counts["json"] < 1 || counts["yaml"] < 3 {
		t.Errorf("found %v examples: fewer than the documents hold", counts)
	}
}

// checkJSONExample loads a catalog document (its top-level keys say so)
// with the provider's own parser, compiles a JSON Schema, and otherwise
// requires valid JSON.
func checkJSONExample(t *testing.T, js []byte) {
	t.Helper()
	var top map[string]any
	if err := json.Unmarshal(js, &top); err != nil {
		if !json.Valid(js) {
			t.Fatalf("invalid JSON: %v", err)
		}
		return
	}
	if _, ok := top["$schema"]; ok {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
		if err != nil {
			t.Fatal(err)
		}
		c := jsonschema.NewCompiler()
		if err := c.AddResource("example.json", doc); err != nil {
			t.Fatal(err)
		}
		if _, err := c.Compile("example.json"); err != nil {
			t.Fatalf("invalid JSON Schema: %v", err)
		}
		return
	}
	for _, k := range catalogKeys {
		if _, ok := top[k]; !ok {
			continue
		}
		doc, probs := srm.ParseDocument(srm.CustomDocumentName, string(js))
		if len(probs) > 0 {
			t.Fatalf("the provider rejects this catalog: %v", probs)
		}
		if _, err := srm.WithCustom(doc); err != nil {
			t.Fatalf("the provider rejects this catalog: %v", err)
		}
		return
	}
}

// syntaxBody is the body of a file that hclsyntax parsed.
func syntaxBody(f *hcl.File) *hclsyntax.Body {
	b, ok := f.Body.(*hclsyntax.Body)
	if !ok {
		return &hclsyntax.Body{}
	}
	return b
}

// references are the references of a body of two steps or more
// (var.x, aws_instance.web, data.srm_catalog.all), in source order.
func references(body *hclsyntax.Body) []*hclsyntax.ScopeTraversalExpr {
	var out []*hclsyntax.ScopeTraversalExpr
	_ = hclsyntax.VisitAll(body, func(n hclsyntax.Node) hcl.Diagnostics {
		if e, ok := n.(*hclsyntax.ScopeTraversalExpr); ok && len(e.Traversal) >= 2 {
			out = append(out, e)
		}
		return nil
	})
	return out
}

// withEarlier adds to an example the blocks of earlier examples of its page
// that it refers to and does not declare (and, in turn, what those refer
// to): a guide builds one configuration over several examples.
func withEarlier(src string, earlier []string) string {
	found := map[string]string{}
	refsOf := func(body *hclsyntax.Body) []string {
		var refs []string
		for _, e := range references(body) {
			root := e.Traversal.RootName()
			attr, _ := e.Traversal[1].(hcl.TraverseAttr)
			switch {
			case root == "data" && len(e.Traversal) >= 3:
				name, _ := e.Traversal[2].(hcl.TraverseAttr)
				refs = append(refs, "data."+attr.Name+"."+name.Name)
			case strings.Contains(root, "_"):
				refs = append(refs, root+"."+attr.Name)
			}
		}
		return refs
	}
	declares := func(b *hclsyntax.Block) string {
		switch {
		case b.Type == "resource" && len(b.Labels) == 2:
			return b.Labels[0] + "." + b.Labels[1]
		case b.Type == "data" && len(b.Labels) == 2:
			return "data." + b.Labels[0] + "." + b.Labels[1]
		}
		return ""
	}
	// The latest earlier declaration of each address, and its references.
	earlierRefs := map[string][]string{}
	for _, e := range earlier {
		f, diags := hclsyntax.ParseConfig([]byte(e), "earlier.tf", hcl.InitialPos)
		if diags.HasErrors() {
			continue
		}
		for _, b := range syntaxBody(f).Blocks {
			if addr := declares(b); addr != "" {
				found[addr] = e[b.Range().Start.Byte:b.Range().End.Byte]
				earlierRefs[addr] = refsOf(b.Body)
			}
		}
	}
	f, diags := hclsyntax.ParseConfig([]byte(src), "example.tf", hcl.InitialPos)
	if diags.HasErrors() {
		return src
	}
	declared := map[string]bool{}
	for _, b := range syntaxBody(f).Blocks {
		declared[declares(b)] = true
	}
	queue := refsOf(syntaxBody(f))
	out := src
	for len(queue) > 0 {
		addr := queue[0]
		queue = queue[1:]
		if declared[addr] || found[addr] == "" {
			continue
		}
		declared[addr] = true
		out += "\n" + found[addr] + "\n"
		queue = append(queue, earlierRefs[addr]...)
	}
	return out
}

// standaloneExample turns an example into a configuration the provider
// alone can plan: resources and data sources of other providers are
// replaced by terraform_data stand-ins that evaluate their arguments and
// keep their lifecycle (preconditions included), references to them become
// null (a condition not given), undeclared variables and locals are
// declared null, local modules come from examples/modules, and terraform
// blocks are left to the test harness. It reports whether the example
// calls provider functions (Terraform 1.8 and later).
func standaloneExample(src string) (string, bool, error) {
	file, diags := hclsyntax.ParseConfig([]byte(src), "example.tf", hcl.InitialPos)
	if diags.HasErrors() {
		return "", false, diags
	}
	body := syntaxBody(file)
	own := func(resourceType string) bool {
		p, _, _ := strings.Cut(resourceType, "_")
		return p == "srm" || resourceType == "terraform_data"
	}
	declared := map[string]bool{}
	for _, b := range body.Blocks {
		switch {
		case b.Type == "variable" && len(b.Labels) == 1:
			declared["var."+b.Labels[0]] = true
		case b.Type == "locals":
			for name := range b.Body.Attributes {
				declared["local."+name] = true
			}
		}
	}
	// Replacements of foreign references by null, and undeclared names.
	type edit struct{ start, end int }
	var edits []edit
	undeclared := map[string]bool{}
	for _, e := range references(body) {
		root := e.Traversal.RootName()
		attr, _ := e.Traversal[1].(hcl.TraverseAttr)
		switch {
		case root == "var" || root == "local":
			if !declared[root+"."+attr.Name] {
				undeclared[root+"."+attr.Name] = true
			}
		case root == "data" && attr.Name != "" && !own(attr.Name), strings.Contains(root, "_") && !own(root):
			edits = append(edits, edit{e.SrcRange.Start.Byte, e.SrcRange.End.Byte})
		}
	}
	text := func(r hcl.Range) string {
		var b strings.Builder
		at := r.Start.Byte
		for _, e := range edits {
			if e.start >= r.Start.Byte && e.end <= r.End.Byte && e.start >= at {
				b.WriteString(src[at:e.start] + "null")
				at = e.end
			}
		}
		b.WriteString(src[at:r.End.Byte])
		return b.String()
	}
	sort.Slice(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var out strings.Builder
	for _, b := range body.Blocks {
		switch {
		case b.Type == "terraform":
			continue
		case b.Type == "provider" && len(b.Labels) == 1 && b.Labels[0] != "srm":
			continue
		case b.Type == "data" && len(b.Labels) == 2 && !own(b.Labels[0]):
			continue
		case b.Type == "resource" && len(b.Labels) == 2 && !own(b.Labels[0]):
			fmt.Fprintf(&out, "resource \"terraform_data\" %q {\n", b.Labels[0]+"__"+b.Labels[1])
			var names []string
			for name := range b.Body.Attributes {
				names = append(names, name)
			}
			sort.Strings(names)
			out.WriteString("  input = {\n")
			for _, name := range names {
				a := b.Body.Attributes[name]
				switch name {
				case "count", "for_each", "depends_on", "provider":
					continue
				}
				fmt.Fprintf(&out, "    %s = %s\n", name, text(a.Expr.Range()))
			}
			out.WriteString("  }\n")
			for _, meta := range []string{"count", "for_each", "depends_on"} {
				if a, ok := b.Body.Attributes[meta]; ok {
					fmt.Fprintf(&out, "  %s = %s\n", meta, text(a.Expr.Range()))
				}
			}
			for _, nb := range b.Body.Blocks {
				if nb.Type == "lifecycle" {
					out.WriteString("  " + text(nb.Range()) + "\n")
				}
			}
			out.WriteString("}\n")
		case b.Type == "module":
			a, ok := b.Body.Attributes["source"]
			if !ok {
				return "", false, fmt.Errorf("module %q has no source", b.Labels[0])
			}
			v, _ := a.Expr.Value(nil)
			if !v.IsKnown() || v.IsNull() || !v.Type().Equals(cty.String) || !strings.HasPrefix(v.AsString(), "./modules/") {
				return "", false, fmt.Errorf("module %q: an example's module comes from examples/modules (source = \"./modules/<name>\")", b.Labels[0])
			}
			out.WriteString(text(b.Range()) + "\n")
		default:
			out.WriteString(text(b.Range()) + "\n")
		}
	}
	for _, name := range sortedKeys(undeclared) {
		kind, n, _ := strings.Cut(name, ".")
		if kind == "var" {
			fmt.Fprintf(&out, "variable %q {\n  default = null\n}\n", n)
		} else {
			fmt.Fprintf(&out, "locals {\n  %s = null\n}\n", n)
		}
	}
	if len(body.Attributes) > 0 {
		return "", false, fmt.Errorf("an example holds top-level attributes: it is a fragment, not a configuration")
	}
	return out.String(), strings.Contains(src, "provider::"), nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// docsClock is the time the documentation's examples are planned at: their
// review dates lie within a year of it.
var docsClock = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// exampleDir writes a configuration for the test harness: the provider
// under its Registry address, as the documentation and the example modules
// require it, with ./modules/<name> taken from examples/modules.
func exampleDir(t *testing.T, cfg string) string {
	t.Helper()
	// The harness serves the provider under this namespace (hashicorp by
	// default): the examples' modules require shared-responsibility/srm.
	t.Setenv("TF_ACC_PROVIDER_NAMESPACE", "shared-responsibility")
	// The harness copies the configuration's own files only: the modules are
	// installed by init from their directory.
	modules, err := filepath.Abs(filepath.Join("..", "..", "examples", "modules"))
	if err != nil {
		t.Fatal(err)
	}
	cfg = strings.ReplaceAll(cfg, `"./modules/`, `"`+filepath.ToSlash(modules)+"/")
	dir := t.TempDir()
	versions := "terraform {\n  required_providers {\n    srm = { source = \"shared-responsibility/srm\" }\n  }\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(versions+cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestAccDocsExamples(t *testing.T) {
	for _, b := range fencedBlocks(t, hclLangs...) {
		t.Run(b.String(), func(t *testing.T) {
			cfg, functions, err := standaloneExample(withEarlier(b.text, b.earlier))
			if err != nil {
				t.Fatal(err)
			}
			dir := exampleDir(t, cfg)
			var checks []tfversion.TerraformVersionCheck
			if functions {
				checks = functionVersions
			}
			_, clock := clockAt(docsClock)
			step := resource.TestStep{
				ProtoV6ProviderFactories: factoriesAt(clock),
				ConfigDirectory:          config.StaticDirectory(dir),
			}
			switch {
			case b.expect == "":
			case b.expect == "fails precondition":
				step.ExpectError = errorPattern(`Resource precondition failed`)
			case strings.HasPrefix(b.expect, "vars "):
				// A module's own code: the values its caller would set.
				step.ConfigVariables = config.Variables{}
				for _, kv := range strings.Fields(strings.TrimPrefix(b.expect, "vars ")) {
					k, v, _ := strings.Cut(kv, "=")
					step.ConfigVariables[k] = config.StringVariable(v)
				}
			default:
				t.Fatalf("unknown expectation %q: write <!-- example: fails precondition -->, <!-- example: vars name=value -->, or nothing", b.expect)
			}
			steps := []resource.TestStep{step}
			if regexp.MustCompile(`(?m)^module `).MatchString(cfg) && step.ExpectError == nil {
				// The harness cannot read a state with modules after the
				// last step: end with an empty configuration.
				steps = append(steps, resource.TestStep{
					ProtoV6ProviderFactories: step.ProtoV6ProviderFactories,
					ConfigDirectory:          config.StaticDirectory(exampleDir(t, "")),
				})
			}
			resource.Test(t, resource.TestCase{TerraformVersionChecks: checks, Steps: steps})
		})
	}
}

const badModuleAddress = `module "bad" {
  source         = "./modules/database"
  name           = "x"
  module_address = "aws_db_instance.x"
}`

// The example module under for_each: each instance passes its own address,
// so each gets the records that cover it, and a gate fails for the
// instance nobody accepted, in the plan.
func TestAccExampleModule(t *testing.T) {
	record := func(key, team string) string {
		return fmt.Sprintf(`
resource "srm_obligation_acceptance" %[1]q {
  scope       = ["module.orders[\"%[1]s\"].*"]
  obligations = ["*"]
  accepted_by = %[2]q
  review_by   = "2027-06-30"
}
`, key, team)
	}
	caller := func(records ...string) string {
		refs := []string{}
		for _, k := range []string{"eu", "us"} {
			for _, r := range records {
				if strings.Contains(r, `"`+k+`"`) {
					refs = append(refs, "srm_obligation_acceptance."+k)
				}
			}
		}
		return strings.Join(records, "") + fmt.Sprintf(`
module "orders" {
  source   = "./modules/database"
  for_each = toset(["eu", "us"])

  name           = "orders-${each.key}"
  module_address = "module.orders[\"${each.key}\"]"
  acceptances    = [%s]
}

output "accepted_by" {
  value = { for k, m in module.orders : k => m.responsibility.accepted_by["data_protection.encrypt_at_rest"] }
}
`, strings.Join(refs, ", "))
	}
	_, clock := clockAt(docsClock)
	factories := factoriesAt(clock)
	resource.Test(t, resource.TestCase{
		Steps: []resource.TestStep{
			{
				ProtoV6ProviderFactories: factories,
				ConfigDirectory:          config.StaticDirectory(exampleDir(t, caller(record("eu", "team-eu"), record("us", "team-us")))),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownOutputValue("accepted_by", knownvalue.MapExact(map[string]knownvalue.Check{
						"eu": knownvalue.StringExact("team-eu"), "us": knownvalue.StringExact("team-us"),
					})),
				},
			},
			{
				ProtoV6ProviderFactories: factories,
				ConfigDirectory:          config.StaticDirectory(exampleDir(t, caller(record("eu", "team-eu")))),
				PlanOnly:                 true,
				ExpectError:              errorPattern(`(?s)Resource precondition failed.*module.orders\["us"\]: unaccepted obligations`),
			},
			{
				ProtoV6ProviderFactories: factories,
				ConfigDirectory:          config.StaticDirectory(exampleDir(t, badModuleAddress)),
				PlanOnly:                 true,
				ExpectError:              errorPattern(`module_address must be this module's address`),
			},
			{
				// The harness cannot read a state with modules after the last step.
				ProtoV6ProviderFactories: factories,
				ConfigDirectory:          config.StaticDirectory(exampleDir(t, "")),
			},
		},
	})
}

// Every review date of the documentation and the examples lies within a
// year of docsClock: examples show records with teeth, not "2099-01-01".
func TestExampleReviewDates(t *testing.T) {
	t.Parallel()
	root := filepath.Join("..", "..")
	reviewBy := regexp.MustCompile(`review_by\s*=\s*"(\d{4}-\d{2}-\d{2})`)
	found := 0
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if p != root && strings.HasPrefix(d.Name(), ".") || rel == "internal" {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, ".tf") && !strings.HasSuffix(p, ".tmpl") || strings.HasPrefix(rel, "CHANGELOG") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range reviewBy.FindAllStringSubmatch(string(src), -1) {
			found++
			d, err := time.Parse(time.DateOnly, m[1])
			if err != nil || !d.After(docsClock) || d.After(docsClock.AddDate(1, 0, 0)) {
				t.Errorf("%s: review_by %s is not within a year after %s", rel, m[1], docsClock.Format(time.DateOnly))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if found < 10 {
		t.Errorf("found %d review dates, expected those of the README, the guides and the examples", found)
	}
}
