// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

func frontMatter(title, description string) string {
	return fmt.Sprintf("---\npage_title: %q\nsubcategory: \"\"\ndescription: |-\n  %s\n---\n\n# %s\n\n", title, description, title)
}

// resourceTypesGuide renders the catalog's resource-type guides, by file
// name: the overview (classes, provider rules, services, conditions, one
// row per Terraform provider) and one page per provider, by cloud service:
// each service's classification, the types with entries of their own
// (model, class, focus, conditions) and whether the rest of the service is
// classified by service only. One page per provider keeps each under the
// Registry's size limit.
func resourceTypesGuide(c *srm.Catalog) map[string]string {
	pages := map[string]string{}
	var b strings.Builder
	b.WriteString(frontMatter("Resource types", "How the catalog answers for every Terraform resource type: service classes, provider-wide rules, services and conditions, with a page per provider."))
	fmt.Fprintf(&b, "The catalog (%s) answers for a resource type from the most to the least specific (`basis`): an entry for the type "+
		"(%d types, with conditions where an attribute changes the answer), its cloud service (%d services, by the longest prefix of the "+
		"type's name or an explicit list: every type of the service gets the service's model and class), or a provider-wide rule. "+
		"`focus` lists the components a resource directly configures. Identity and network configuration objects (roles, security "+
		"groups, firewall rules) take the model of the service they configure. A type of another provider can be given a "+
		"`service_model` directly, or added with a custom catalog.\n\n", c.Version, len(c.TypeNames), len(c.ServiceIDs))
	serviceClassesSection(&b, c)
	providerRulesSection(&b, c)
	servicesSection(&b)
	b.WriteString(conditionsSection)
	groups := groupByProvider(c)
	b.WriteString("## Providers\n\n| provider | services | types with an entry | services classified by service only |\n|---|---:|---:|---:|\n")
	for _, g := range groups {
		fmt.Fprintf(&b, "| [`%s`](%s) | %d | %d | %d |\n", g.name, providerPage(g.name), len(g.services)-boolInt(g.other), g.entries, g.serviceOnly)
	}
	pages["guides/resource-types.md.tmpl"] = b.String()
	for _, g := range groups {
		pages["guides/"+providerPage(g.name)+".md.tmpl"] = providerGuide(c, g)
	}
	return pages
}

// providerPage is the guide page name of a provider's types.
func providerPage(provider string) string { return "resource-types-" + provider }

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// providerGuide renders one provider's page: its services, then by service
// the types with entries.
func providerGuide(c *srm.Catalog, g *providerGroup) string {
	var b strings.Builder
	b.WriteString(frontMatter("Resource types: "+g.name, fmt.Sprintf("How the catalog answers for every %s resource type: its services and the types with entries of their own.", g.name)))
	fmt.Fprintf(&b, "What answers for a `%s` type, by service: see [Resource types](resource-types) for the classes, the order of answers "+
		"(`basis`) and the conditions.\n\n", g.name)
	if len(g.services) > boolInt(g.other) {
		b.WriteString("| service | name | model | class | prefixes and types | types with an entry |\n|---|---|---|---|---|---:|\n")
		for _, sg := range g.services {
			if sv := sg.svc; sv != nil {
				fmt.Fprintf(&b, "| [`%s`](#%s) | %s | %s | %s | %s | %d |\n", sg.id, anchor("service", strings.ReplaceAll(sg.id, "/", "-")), mdEscape(sv.Service.Name),
					sv.ServiceModel, classCell(c, sv), codeJoin(append(slices.Clone(sv.Service.Prefixes), sv.Service.Types...)), len(sg.types))
			}
		}
	}
	for _, sg := range g.services {
		serviceTypes(&b, c, sg)
	}
	return b.String()
}

// serviceGroup is a service and the types with entries that belong to it
// (svc nil: the provider's types that no service claims).
type serviceGroup struct {
	id    string
	svc   *srm.ResourceType
	types []string
}

type providerGroup struct {
	name                 string
	services             []*serviceGroup
	entries, serviceOnly int
	// other: the last group holds the types no service claims.
	other bool
}

// groupByProvider groups the services and the types with entries by
// provider, and the types by the service their name belongs to.
func groupByProvider(c *srm.Catalog) []*providerGroup {
	byName := map[string]*providerGroup{}
	group := func(p string) *providerGroup {
		if byName[p] == nil {
			byName[p] = &providerGroup{name: p}
		}
		return byName[p]
	}
	bySvc := map[string]*serviceGroup{}
	for _, id := range c.ServiceIDs {
		p, _, _ := strings.Cut(id, "/")
		sg := &serviceGroup{id: id, svc: c.Services[id]}
		bySvc[id] = sg
		g := group(p)
		g.services = append(g.services, sg)
	}
	for _, name := range c.TypeNames {
		p, _, _ := strings.Cut(name, "_")
		g := group(p)
		g.entries++
		key := "\x00" + p // the provider's types that no service claims
		if svc := c.ServiceOf(name); svc != nil {
			key = svc.Type
		}
		sg := bySvc[key]
		if sg == nil {
			sg = &serviceGroup{id: p}
			bySvc[key] = sg
			g.services = append(g.services, sg)
			g.other = true
		}
		sg.types = append(sg.types, name)
	}
	var out []*providerGroup
	for _, p := range slices.Sorted(maps.Keys(byName)) {
		g := byName[p]
		for _, sg := range g.services {
			if sg.svc != nil && len(sg.types) == 0 {
				g.serviceOnly++
			}
		}
		out = append(out, g)
	}
	return out
}

// serviceTypes renders one service: its classification and reasons, then
// its types with entries and their conditions.
func serviceTypes(b *strings.Builder, c *srm.Catalog, sg *serviceGroup) {
	if sv := sg.svc; sv != nil {
		src := c.Sources[sv.Source]
		fmt.Fprintf(b, "\n### <a id=\"%s\"></a>%s (`%s`)\n\n%s (%s, [%s](%s))\n\n", anchor("service", strings.ReplaceAll(sg.id, "/", "-")), mdEscape(sv.Service.Name), sg.id,
			mdEscape(sv.Rationale), sv.ServiceModel, src.ID, src.URL)
		if len(sv.Service.ARM) > 0 {
			fmt.Fprintf(b, "azapi resources of the ARM types %s resolve through this service.\n\n", codeJoin(sv.Service.ARM))
		}
		if sv.Hybrid {
			b.WriteString("The service is hybrid: its hardware is on the customer's site.\n\n")
		}

		if len(sg.types) == 0 {
			b.WriteString("Classified by service only: no type of the service has an entry of its own.\n")
			return
		}
	} else if len(sg.types) > 0 {
		fmt.Fprintf(b, "\n### Other %s types\n\n", sg.id)
	}
	b.WriteString("| resource type | model | class | focus | conditions | source |\n|---|---|---|---|---|---|\n")
	for _, name := range sg.types {
		rt := c.ResourceTypes[name]
		var conds []string
		for _, k := range rt.ConditionKeys {
			conds = append(conds, fmt.Sprintf("[`%s`](#%s)", k, anchor(name, k)))
		}
		s := c.Sources[rt.Source]
		fmt.Fprintf(b, "| `%s` | %s | %s | %s | %s | [%s](%s) |\n", name, rt.ServiceModel, classCell(c, rt), codeJoin(rt.Focus), strings.Join(conds, ", "), s.ID, s.URL)
	}
	for _, name := range sg.types {
		typeDetail(b, c.ResourceTypes[name])
	}
}

// typeDetail renders a type's rationale, cells and conditions, if any.
func typeDetail(b *strings.Builder, rt *srm.ResourceType) {
	name := rt.Type
	if len(rt.ConditionKeys) == 0 && len(rt.Cells) == 0 && rt.Rationale == "" {
		return
	}
	fmt.Fprintf(b, "\n#### %s\n\n", name)
	if rt.Rationale != "" {
		b.WriteString(rt.Rationale + "\n\n")
	}
	if rt.Hybrid {
		b.WriteString("- The type is hybrid: its hardware is on the customer's site.\n")
	}
	for _, comp := range slices.Sorted(maps.Keys(rt.Cells)) {
		fmt.Fprintf(b, "- The type sets `%s` to `%s`.\n", comp, rt.Cells[comp].Owner)
	}
	if len(rt.Cells) > 0 {
		b.WriteString("\n")
	}
	for _, k := range rt.ConditionKeys {
		cond := rt.Conditions[k]
		fmt.Fprintf(b, "<a id=\"%s\"></a>**`%s`** (default `%s`): %s\n\n", anchor(name, k), k, cond.Default, cond.Description)
		if len(cond.ConflictsWith) > 0 {
			fmt.Fprintf(b, "Conflicts with %s: when that is set and this is not, this condition does not apply.\n\n", codeJoin(cond.ConflictsWith))
		}
		for _, eff := range cond.Effects() {
			var moves []string
			if eff.Hybrid {
				moves = append(moves, "hybrid")
			}
			if eff.ServiceModel != "" {
				moves = append(moves, "model → `"+eff.ServiceModel+"`")
			}
			for _, comp := range slices.Sorted(maps.Keys(eff.Cells)) {
				moves = append(moves, fmt.Sprintf("`%s` → `%s`", comp, eff.Cells[comp].Owner))
			}
			what := "no change"
			if len(moves) > 0 {
				what = strings.Join(moves, ", ")
			}
			if eff.Reason != "" {
				what += ". " + eff.Reason
			}
			fmt.Fprintf(b, "- `%s`%s: %s\n", eff.Value, ruleNote(cond, eff), what)
		}
		b.WriteString("\n")
	}
}

// servicesSection explains classification by service.
func servicesSection(b *strings.Builder) {
	b.WriteString("## Services\n\n" +
		"Providers add resource types every month, so no list of types can keep up: a type without an entry of its own resolves " +
		"through its **cloud service** (`basis = \"service\"`), the service that lists it by name, else the service with the " +
		"longest prefix of its name (`aws_s3tables_table` → `aws/s3tables`; `aws_s3_bucket_policy` → `aws/s3`). The service " +
		"lists of aws (every service of the provider's `names_data.hcl`, by its resource prefixes), azurerm and azuread (every " +
		"service package, by naming rules and explicit types), google (every product) and kubernetes are derived from the " +
		"providers' sources at a pinned commit (CONTRIBUTING, *Refreshing the service lists*), and a test requires every type " +
		"of those lists to resolve. A service's answer is its model and class, with no conditions: the types whose answer " +
		"depends on attributes, or differs from their service's, have entries of their own, which always win. An `azapi_resource`, " +
		"`azapi_update_resource`, `azapi_resource_action` or `azapi_data_plane_resource` resolves through the service whose ARM " +
		"namespaces or types include the one in its condition `type` (`Microsoft.App/containerApps@2024-03-01`); without it, it is " +
		"answered as a virtual machine with every component applicable and says so in `assumptions`.\n\n")
}

// serviceClassesSection renders the service classes: what each embodies and
// why, and how many types take it.
func serviceClassesSection(b *strings.Builder, c *srm.Catalog) {
	count := map[string]int{}
	for _, name := range c.TypeNames {
		count[c.ResourceTypes[name].Class]++
	}
	b.WriteString("## Service classes\n\n" +
		"A resource's customer obligations are those of its customer or shared components **that apply to it**: the components " +
		"its type embodies. Each type names a service class, and may add components with `applies_to` (it extends the class, never " +
		"narrows it). `owners` and `components` still show the whole model; only the obligations are narrowed. A component whose " +
		"owner the type, one of its conditions or an agreement sets always applies, so an explicit owner never hides an " +
		"obligation. A request with only a `service_model` gets the whole column. Types without a host (network, identity, " +
		"policy, key, log and configuration objects) carry no operating-system, runtime or middleware obligations. Where the " +
		"class of a type was unclear, the catalog took the one that leaves more to the customer. A class may also set the owner " +
		"of a layer its resources do not embody, under a given model (a virtual network has no guest operating system: the " +
		"provider's software implements it): only the owners shown change, never the obligations, and a type's own cells and " +
		"conditions apply on top.\n\n")
	b.WriteString("| class | embodies | types | what and why |\n|---|---|---:|---|\n")
	for _, sc := range c.ServiceClasses {
		fmt.Fprintf(b, "| <a id=\"class-%s\"></a>`%s` (%s) | %s%s | %d | %s %s |\n", anchor(sc.ID), sc.ID, mdEscape(sc.Name), codeJoin(sc.AppliesTo),
			classCells(sc), count[sc.ID], mdEscape(sc.Description), mdEscape(sc.Rationale))
	}
	b.WriteString("\n")
}

// providerRulesSection renders the provider-wide rules: what answers for a
// type of a utility provider that has no entry of its own.
func providerRulesSection(b *strings.Builder, c *srm.Catalog) {
	if len(c.ProviderNames) == 0 {
		return
	}
	b.WriteString("## Provider-wide rules\n\n" +
		"A type without an entry of its own resolves through the rule of its Terraform provider (the part of its name before the " +
		"first `_`; `terraform` is the built-in provider of `terraform_data`), and the answer says so: `basis = \"provider\"` " +
		"(`type` when the type has an entry, which always wins over the rule). A type of a provider without a rule stays an " +
		"error: set `service_model` or add the type to a custom catalog.\n\n" +
		"The rules cover the utility providers. They call no cloud service: their resources are computed, written or run on " +
		"the machine that runs Terraform, so everything about them is the customer's (`on_premises`), and the class keeps " +
		"only the obligations of what the resource carries: no operating-system patching on a `random_id`. What they carry " +
		"is real. A secret that a resource keeps in the state (a `random_password` or `random_string`, a `local_sensitive_file`, " +
		"the private key of every `tls` resource) makes the state a secret store: encrypt and restrict the state backend, " +
		"and rotate. `null_resource`, `terraform_data` and `external` run the customer's commands with the runner's credentials. " +
		"Where a type of a provider differs from its rule, it has its own entry. The Terraform host itself (its operating " +
		"system, its patches) is not answered here: declare it where it is managed.\n\n" +
		"Rules for widely used providers of other vendors answer the same way, each with its reason below: Docker (`docker`, on " +
		"the customer's daemon), Kubernetes manifests and GitOps (`kubectl`, `flux`: as Kubernetes workloads), source hosting " +
		"(`github`, `gitlab`: saas, the customer's configuration, data and access), Google Workspace (`googleworkspace`, " +
		"`gsuite`: identities), CDAP pipelines (`cdap`), HTTP calls from the runner (`terracurl`) and module telemetry " +
		"(`modtm`).\n\n")
	b.WriteString("| provider | model | class | focus | what it carries | source |\n|---|---|---|---|---|---|\n")
	for _, name := range c.ProviderNames {
		pr := c.Providers[name]
		src := c.Sources[pr.Source]
		fmt.Fprintf(b, "| `%s` | %s | %s | %s | %s | [%s](%s) |\n", name, pr.ServiceModel, classCell(c, pr), codeJoin(pr.Focus),
			mdEscape(pr.Rationale), src.ID, src.URL)
	}
	b.WriteString("\n")
}

// classCell is a type's class, linked to its row, with the components its
// applies_to adds.
func classCell(c *srm.Catalog, rt *srm.ResourceType) string {
	var parts []string
	sc := c.ServiceClass(rt.Class)
	if sc != nil {
		parts = append(parts, fmt.Sprintf("[`%s`](resource-types#class-%s)", sc.ID, anchor(sc.ID)))
	}
	var extra []string
	for _, id := range rt.AppliesTo {
		if sc == nil || !slices.Contains(sc.AppliesTo, id) {
			extra = append(extra, id)
		}
	}
	if len(extra) > 0 {
		parts = append(parts, codeJoin(extra))
	}
	return strings.Join(parts, " + ")
}

// sourcesGuide renders the citations of the catalog and every cell where
// the sources disagree.
func sourcesGuide(c *srm.Catalog) string {
	var b strings.Builder
	b.WriteString(frontMatter("Sources and where they disagree", "The sources behind every cell of the matrix, and the cells where published matrices differ, with the value the catalog chose and why."))
	b.WriteString("Every matrix cell, obligation and resource-type mapping of the catalog cites a source. Where the providers' published " +
		"matrices differ, the catalog picks one value and records why; this page lists those cells. The `caas` and `faas` columns are a " +
		"synthesis of service-specific pages: no provider publishes such a column.\n\n## Where the sources disagree\n\n")
	b.WriteString("| component | model | chosen owner | why |\n|---|---|---|---|\n")
	for _, comp := range c.Components {
		for mi, m := range c.ServiceModels {
			if d := comp.Cells[mi].Disagreement; d != "" {
				fmt.Fprintf(&b, "| `%s` | `%s` | %s | %s |\n", comp.ID, m.ID, comp.Cells[mi].Owner, mdEscape(d))
			}
		}
	}
	b.WriteString("\n## Sources\n\n`as of` is the date on which the source was last read and found to say what the catalog cites it for " +
		"(not the page's own date).\n\n| id | source | as of |\n|---|---|---|\n")
	for _, id := range slices.Sorted(maps.Keys(c.Sources)) {
		s := c.Sources[id]
		fmt.Fprintf(&b, "| `%s` | [%s](%s) | %s |\n", id, mdEscape(s.Title), s.URL, s.AsOf)
	}
	return b.String()
}

func anchor(parts ...string) string {
	return strings.ReplaceAll(strings.Join(parts, "-"), "_", "-")
}

func codeJoin(ids []string) string {
	if len(ids) == 0 {
		return ""
	}
	return "`" + strings.Join(ids, "`, `") + "`"
}

// ruleNote says what a rule matches; exact values need no note.
func ruleNote(cond *srm.Condition, eff *srm.Effect) string {
	for _, r := range cond.Rules {
		switch {
		case r.Effect != eff:
		case r.Prefix != "":
			return fmt.Sprintf(" (any value that starts with `%s`)", r.Prefix)
		case r.Present != nil && *r.Present:
			return " (any value not listed above)"
		case r.Present != nil:
			return " (null or empty: the attribute is not set)"
		case r.Boolean != nil:
			return " (boolean)"
		}
	}
	return ""
}

// conditionsSection explains conditions, conservative defaults, the rule for
// images on provider-run hosts and hybrid resources, once for every type.
const conditionsSection = `## Conditions

**Conditions** are the declared resource's own attributes whose values move owners. Each key is the attribute's name as the
resource's provider spells it, a dotted path for an attribute of a nested block (` + "`site_config.application_stack.docker_image_name`" + `),
so that the value is best written from the resource itself:

` + "```terraform" + `
data "srm_responsibility" "fn" {
  resource_type = "aws_lambda_function"
  conditions    = { package_type = aws_lambda_function.this.package_type }
}
` + "```" + `

Values are strings: Terraform converts booleans and numbers as they are, and a null or empty value is an attribute that is not set.
A value matches the condition's exact values first, then its rules in order: a prefix (` + "`custom-*`" + `), presence (` + "`(set)`" + `, ` + "`(not set)`" + `)
or a boolean (` + "`true`" + `, ` + "`false`" + `, in any case).

**Conservative by default.** A condition that is not given, and a value that matches nothing, are not errors: the answer takes the
condition's default, the value that leaves the most to the customer (the catalog rule ` + "`conservative_default`" + ` checks it), and lists
the condition in the computed ` + "`assumptions`" + ` with the reason. An unknown condition key stays an error. One exception to the rule:
a condition that makes a resource hybrid (below) is never assumed, because every cloud resource would then carry the obligations of a
facility; its assumption still says that the site was not given.

**A customer-built image on a provider-run host** (Lambda container images, ECS and EKS on Fargate, ECS Managed Instances, Container
Instances, Container Apps, Cloud Run, App Engine custom runtimes, App Service and Functions custom containers) follows one rule: the
provider runs and patches the hosts, their kernel, the container runtime and the sandbox; the customer builds the image, whose OS layer,
runtime and libraries it rebuilds on patched base images, scans and redeploys. The ` + "`operating_system`" + ` row is therefore shared, and
its obligation says what the customer does: ` + "`operating_system.rebuild_images`" + ` (no host patching and no host anti-malware, which the
customer could not reach). Where the customer runs the nodes (ECS on EC2, GKE Standard node pools) the row is the customer's, with
host patching; where the provider runs the node fleet (GKE Autopilot, EKS Auto Mode) the nodes are the provider's, and the image duty is
carried once, by the resource that names the image (the workload, task definition or function).

**Hybrid** resources run on hardware on the customer's site (ECS Anywhere: ` + "`launch_type = EXTERNAL`" + `; EKS Hybrid Nodes:
` + "`remote_network_config`" + ` set; Azure Arc-enabled servers and Kubernetes clusters; GKE clusters on VMware or bare metal; self-hosted
integration runtimes; AWS Outposts). For them the physical components and virtualization are the customer's, except the hardware the
provider maintains on the customer's site (Outposts: AWS maintains the rack's hosts and runs their hypervisor, the customer owns the
facility and the network uplinks): the provider keeps the physical layer of its own cloud only. A type or a service is hybrid by itself,
a type also through a condition value (marked *hybrid* below); a hybrid value is never a condition's default. The hypervisor alone
may be the customer's on the provider's hardware without the resource being hybrid (Amazon EVS: the customer patches ESXi on AWS's
bare-metal hosts, AWS keeps the facility, the network and the hosts); the invariant binds the physical components only.
External key managers (custom key stores, Cloud EKM) are the customer's to operate but not hybrid: they are often a partner's service.

**Conflicting attributes.** Where the resource cannot set two attributes together (an ECS service's ` + "`launch_type`" + ` and its
` + "`capacity_provider_strategy`" + `: the provider and the ECS API reject both), each condition names the other in ` + "`conflicts_with`" + `. The one
that is set answers alone: the other is not assumed, even when it is not given or known only after apply, and its ` + "`(not set)`" + ` rule
does not apply. When neither is set, both apply as usual, and their ` + "`(not set)`" + ` rules say what the resource does without either
(an ECS service then runs on the cluster's default capacity provider strategy, which it does not show: instances the customer
manages). When both are given, both apply, and the owner that leaves more to the customer wins.

**Deprecated keys.** Conditions renamed to the attribute's real path keep their old key for one minor version: the old key gives the
same answer, with a warning naming the new key.

`

// classCells renders the owners a class sets for layers its resources do
// not embody ("; sets `operating_system` provider under iaas").
func classCells(sc *srm.ServiceClass) string {
	if len(sc.Cells) == 0 {
		return ""
	}
	var parts []string
	for _, id := range slices.Sorted(maps.Keys(sc.Cells)) {
		for _, model := range slices.Sorted(maps.Keys(sc.Cells[id])) {
			parts = append(parts, fmt.Sprintf("`%s` %s under %s", id, sc.Cells[id][model].Owner, model))
		}
	}
	return "; sets " + strings.Join(parts, ", ")
}
