// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bytes"
	"errors"
	"fmt"
	"os/exec"
	"regexp"
	"sort"
	"strings"
)

func init() {
	register("azurerm", "a checkout or bare clone of hashicorp/terraform-provider-azurerm", extractAzurerm)
}

// azurermTypeService places resource types that have a documentation page
// but whose registration the extractor cannot attribute to one service
// directory (none today). A type listed here wins over what the source
// says; a documented type neither found nor listed fails the refresh, so
// that a new registration pattern is noticed rather than dropped.
var azurermTypeService = map[string]string{}

// azurermServiceName gives Microsoft's product name where the provider's
// registration name (Registration.Name()) is an internal label; the other
// services keep theirs.
var azurermServiceName = map[string]string{
	"aadb2c":                            "Azure AD B2C",
	"appservice":                        "Azure App Service",
	"arckubernetes":                     "Azure Arc-enabled Kubernetes",
	"arcresourcebridge":                 "Azure Arc resource bridge",
	"automanage":                        "Azure Automanage",
	"azurestackhci":                     "Azure Local (Azure Stack HCI)",
	"bot":                               "Azure AI Bot Service",
	"cdn":                               "Azure CDN and Front Door Standard/Premium",
	"chaosstudio":                       "Azure Chaos Studio",
	"cognitive":                         "Azure AI services",
	"communication":                     "Azure Communication Services",
	"compute":                           "Azure Virtual Machines",
	"connections":                       "Logic Apps API connections",
	"containers":                        "Azure Kubernetes Service, Container Instances and Container Registry",
	"cosmos":                            "Azure Cosmos DB",
	"dashboard":                         "Azure Managed Grafana",
	"databasemigration":                 "Azure Database Migration Service",
	"databoxedge":                       "Azure Stack Edge",
	"databricks":                        "Azure Databricks",
	"dataprotection":                    "Azure Backup (Data Protection backup vaults)",
	"desktopvirtualization":             "Azure Virtual Desktop",
	"devcenter":                         "Microsoft Dev Box and Azure Deployment Environments",
	"devtestlabs":                       "Azure DevTest Labs",
	"domainservices":                    "Microsoft Entra Domain Services",
	"elasticsan":                        "Azure Elastic SAN",
	"eventgrid":                         "Azure Event Grid",
	"eventhub":                          "Azure Event Hubs",
	"extendedlocation":                  "Azure Arc custom locations",
	"frontdoor":                         "Azure Front Door (classic)",
	"healthcare":                        "Azure Health Data Services",
	"hsm":                               "Azure Dedicated HSM",
	"hybridcompute":                     "Azure Arc-enabled servers",
	"keyvault":                          "Azure Key Vault",
	"kusto":                             "Azure Data Explorer",
	"legacy":                            "Azure Virtual Machines (legacy resources)",
	"loadtestservice":                   "Azure Load Testing",
	"logic":                             "Azure Logic Apps",
	"managedhsm":                        "Azure Key Vault Managed HSM",
	"managedidentity":                   "Managed identities for Azure resources",
	"managedredis":                      "Azure Managed Redis",
	"mongocluster":                      "Azure Cosmos DB for MongoDB (vCore)",
	"monitor":                           "Azure Monitor",
	"mssql":                             "Azure SQL Database",
	"mssqlmanagedinstance":              "Azure SQL Managed Instance",
	"netapp":                            "Azure NetApp Files",
	"network":                           "Azure Virtual Network",
	"networkfunction":                   "Azure Traffic Collector",
	"nginx":                             "NGINXaaS for Azure",
	"oracle":                            "Oracle Database@Azure",
	"paloalto":                          "Cloud NGFW by Palo Alto Networks",
	"policy":                            "Azure Policy",
	"powerbi":                           "Power BI Embedded",
	"purview":                           "Microsoft Purview",
	"redhatopenshift":                   "Azure Red Hat OpenShift",
	"redis":                             "Azure Cache for Redis",
	"resource":                          "Azure Resource Manager",
	"search":                            "Azure AI Search",
	"securitycenter":                    "Microsoft Defender for Cloud",
	"sentinel":                          "Microsoft Sentinel",
	"servicebus":                        "Azure Service Bus",
	"serviceconnector":                  "Service Connector",
	"servicenetworking":                 "Application Gateway for Containers",
	"signalr":                           "Azure SignalR Service and Web PubSub",
	"springcloud":                       "Azure Spring Apps",
	"storage":                           "Azure Storage",
	"storagecache":                      "Azure Managed Lustre",
	"synapse":                           "Azure Synapse Analytics",
	"systemcentervirtualmachinemanager": "Azure Arc-enabled System Center Virtual Machine Manager",
	"videoindexer":                      "Azure AI Video Indexer",
	"vmware":                            "Azure VMware Solution",
	"web":                               "Azure App Service certificates and domains",
	"workloads":                         "Azure Center for SAP solutions",
}

// azurermARMTypeOwner decides ARM resource types (lower case) that the
// reference counts attribute to the wrong service, or that are noise: ""
// drops the type. The counts are files of a service directory that name the
// type (see armReferences); a service that builds on another service's
// resource often names its ID more often than the owner does.
var azurermARMTypeOwner = map[string]string{
	// Sentinel's resources all live in a workspace; Log Analytics owns it.
	"microsoft.operationalinsights/workspaces": "loganalytics",
	// Every App Service resource takes user-assigned identities.
	"microsoft.managedidentity/userassignedidentities": "managedidentity",
	// Cloud services appear in network only through their public IP IDs.
	"microsoft.compute/cloudservices": "compute",
	// Azure Stack HCI deploys into custom locations; the type is extendedlocation's.
	"microsoft.extendedlocation/customlocations": "extendedlocation",
	// One ARM type serves Front Door (classic) and Front Door Standard/Premium;
	// the classic service is retiring, so the CDN service (Standard/Premium) takes it.
	"microsoft.network/frontdoorwebapplicationfirewallpolicies": "cdn",
	// AKS and Arc-enabled Kubernetes share cluster extensions and Flux; AKS
	// is the larger user of both.
	"microsoft.kubernetesconfiguration/extensions":         "containers",
	"microsoft.kubernetesconfiguration/fluxconfigurations": "containers",
	// Recovery Services vaults can use a resource guard; Data Protection owns it.
	"microsoft.dataprotection/resourceguards": "dataprotection",
	// SQL names the public maintenance configurations it can be given.
	"microsoft.maintenance/publicmaintenanceconfigurations": "maintenance",
	// Single servers: named by network's private endpoint support only.
	"microsoft.dbforpostgresql/servers": "postgres",
	// MariaDB is no longer in the provider; network names it for private endpoints.
	"microsoft.dbformariadb/servers": "",
	// Role assignments and policies at management group scope name the group
	// more often than the management group service does.
	"microsoft.management/managementgroups": "managementgroup",
	// A subscription-level provider path, not a resource type.
	"microsoft.subscription/providers": "",
	// A misspelt literal in a policy message, not a resource type.
	"microsoft.authorization/policyassignment": "",
}

// azurermARMNamespaceOwner names the service that takes the whole namespace
// where two services own the same number of its types (a namespace's
// other types stay with the services the counts give them).
var azurermARMNamespaceOwner = map[string]string{
	"microsoft.cache":           "redis",    // Azure Cache for Redis; redisEnterprise is managedredis
	"microsoft.keyvault":        "keyvault", // vaults; managedHSMs is managedhsm
	"microsoft.sql":             "mssql",    // servers; managedInstances and instancePools are mssqlmanagedinstance
	"microsoft.dbforpostgresql": "postgres", // flexible servers; serverGroupsv2 is Cosmos DB for PostgreSQL
}

// azurermARMExtra gives namespaces that azapi documents but no azurerm
// service names any more (the provider dropped or never had their
// resources) to the service whose kind of resource they are. Namespaces of
// retired services with no such kin (Media Services, Time Series Insights,
// Mobile Network, Orbital, ...) stay unresolved: azapi resources of them
// then leave everything to the customer.
var azurermARMExtra = map[string][]string{
	"mysql":          {"Microsoft.DBforMariaDB"}, // Azure Database for MariaDB: the same managed engine family
	"devtestlabs":    {"Microsoft.LabServices"},  // lab plans and labs of customer-run virtual machines
	"costmanagement": {"Microsoft.Billing"},      // billing accounts and profiles: configuration, like cost exports
}

func extractAzurerm(path string) (*extraction, error) {
	g := repoAtHead(path)
	commit, date, err := gitProvenance(path)
	if err != nil {
		return nil, err
	}
	src, err := readServices(g, "azurerm", "website/docs/r/", ".html.markdown", azurermTypeService)
	if err != nil {
		return nil, err
	}
	refs, err := armReferences(g)
	if err != nil {
		return nil, err
	}
	arm := armRules(refs, azurermARMTypeOwner, azurermARMNamespaceOwner)
	for dir, name := range azurermServiceName {
		if _, ok := src.names[dir]; ok {
			src.names[dir] = name
		}
	}
	for svc, extra := range azurermARMExtra {
		arm[svc] = append(arm[svc], extra...)
	}
	ex := src.extraction("azurerm", arm)
	ex.Provenance = provenance{Repository: "hashicorp/terraform-provider-azurerm", Path: "internal/services",
		Commit: commit, Date: date}
	return ex, nil
}

// repoAtHead is a checkout or a bare repository, read at HEAD with git so that
// both work.
type repoAtHead string

func (g repoAtHead) git(args ...string) ([]byte, error) {
	var stderr bytes.Buffer
	cmd := exec.Command("git", append([]string{"-C", string(g)}, args...)...)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git %s in %s: %w: %s", args[0], string(g), err, strings.TrimSpace(stderr.String()))
	}
	return out, nil
}

// files lists every file at HEAD.
func (g repoAtHead) files() ([]string, error) {
	out, err := g.git("ls-tree", "-r", "--name-only", "HEAD")
	if err != nil {
		return nil, err
	}
	return strings.Split(strings.TrimSpace(string(out)), "\n"), nil
}

// show returns one file at HEAD.
func (g repoAtHead) show(path string) (string, error) {
	out, err := g.git("show", "HEAD:"+path)
	return string(out), err
}

// grepHit is one line (or with -o, one match) of git grep.
type grepHit struct {
	Path, Text string
}

// grepText runs git grep at HEAD (test files left out) with the extended
// regular expression and the extra options (-o, -A2), in the paths; no
// match is no output.
func (g repoAtHead) grepText(pattern string, opts []string, paths ...string) (string, error) {
	args := append([]string{"grep", "-I", "-E"}, opts...)
	args = append(append(append(args, "-e", pattern, "HEAD", "--"), paths...), ":!*_test.go")
	out, err := g.git(args...)
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 1 {
		return "", nil
	}
	return string(out), err
}

// grep returns the hits of grepText without context lines.
func (g repoAtHead) grep(pattern string, opts []string, paths ...string) ([]grepHit, error) {
	out, err := g.grepText(pattern, opts, paths...)
	if err != nil {
		return nil, err
	}
	var hits []grepHit
	for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		path, text, ok := strings.Cut(strings.TrimPrefix(l, "HEAD:"), ":")
		if ok {
			hits = append(hits, grepHit{path, text})
		}
	}
	return hits, nil
}

// serviceDir returns the service directory of a path under
// internal/services, or "".
func serviceDir(path string) string {
	rest, ok := strings.CutPrefix(path, "internal/services/")
	if !ok {
		return ""
	}
	dir, _, ok := strings.Cut(rest, "/")
	if !ok {
		return ""
	}
	return dir
}

// registeredServices is what a provider's repository says of its services: every
// documented resource type with its service directory, and each
// directory's name.
type registeredServices struct {
	typeService map[string]string
	names       map[string]string
}

var (
	reRegistrationName = regexp.MustCompile(`func \(\w* ?\*?Registration\) Name\(\) string \{\s*return "([^"]+)"`)
	reMapKey           = regexp.MustCompile(`"([a-z0-9_]+)"\s*:`)
)

// readServices reads the services of a provider laid out like azurerm and
// azuread: internal/services/<dir>/registration.go registers the untyped
// resources in SupportedResources() ("<provider>_x": resourceX()); typed
// resources return their name from ResourceType(), a literal or a constant
// of the package. Every type with a page in docsDir (named
// <type without provider_><docsSuffix>) must belong to one directory or be
// decided in hand.
func readServices(g repoAtHead, provider, docsDir, docsSuffix string, hand map[string]string) (*registeredServices, error) {
	files, err := g.files()
	if err != nil {
		return nil, err
	}
	found := map[string]map[string]bool{} // type -> directories
	add := func(typ, dir string) {
		if found[typ] == nil {
			found[typ] = map[string]bool{}
		}
		found[typ][dir] = true
	}
	s := &registeredServices{typeService: map[string]string{}, names: map[string]string{}}
	var docs []string
	for _, f := range files {
		if name, ok := strings.CutPrefix(f, docsDir); ok && strings.HasSuffix(name, docsSuffix) && !strings.Contains(name, "/") {
			docs = append(docs, provider+"_"+strings.TrimSuffix(name, docsSuffix))
		}
		dir := serviceDir(f)
		if dir == "" || f != "internal/services/"+dir+"/registration.go" {
			continue
		}
		src, err := g.show(f)
		if err != nil {
			return nil, err
		}
		if m := reRegistrationName.FindStringSubmatch(src); m != nil {
			s.names[dir] = m[1]
		} else {
			s.names[dir] = dir
		}
		if _, body, ok := strings.Cut(src, "SupportedResources() map[string]"); ok {
			body, _, _ = strings.Cut(body, "\n}\n")
			for _, m := range reMapKey.FindAllStringSubmatch(body, -1) {
				if strings.HasPrefix(m[1], provider+"_") {
					add(m[1], dir)
				}
			}
		}
	}
	// Typed resources: ResourceType() returns a literal or a package constant.
	consts := map[string]string{} // dir + "." + identifier -> type
	hits, err := g.grep(`^\s*(const |var )?\s*[A-Za-z_][A-Za-z0-9_]*\s*=\s*"`+provider+`_[a-z0-9_]+"`, nil, "internal/services/*.go")
	if err != nil {
		return nil, err
	}
	reConst := regexp.MustCompile(`([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"(` + provider + `_[a-z0-9_]+)"`)
	for _, h := range hits {
		if m := reConst.FindStringSubmatch(h.Text); m != nil {
			consts[serviceDir(h.Path)+"."+m[1]] = m[2]
		}
	}
	reReturn := regexp.MustCompile(`^HEAD:(.+?\.go)-\s*return ("(` + provider + `_[a-z0-9_]+)"|([A-Za-z_][A-Za-z0-9_]*))\s*(//.*)?$`)
	out, err := g.grepText(`ResourceType\(\) string \{`, []string{"-A2"}, "internal/services/*.go")
	if err != nil {
		return nil, err
	}
	for _, l := range strings.Split(out, "\n") {
		m := reReturn.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		dir := serviceDir(m[1])
		if m[3] != "" {
			add(m[3], dir)
		} else if typ, ok := consts[dir+"."+m[4]]; ok {
			add(typ, dir)
		}
	}
	var missing []string
	for _, typ := range docs {
		if svc, ok := hand[typ]; ok {
			s.typeService[typ] = svc
			continue
		}
		dirs := sortedKeys(found[typ])
		if len(dirs) != 1 {
			missing = append(missing, fmt.Sprintf("%s (%s)", typ, strings.Join(dirs, ", ")))
			continue
		}
		s.typeService[typ] = dirs[0]
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("documented types in no or several service directories, decide them in the extractor: %s",
			strings.Join(missing, "; "))
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("no resource documentation in %s", docsDir)
	}
	return s, nil
}

// extraction builds the services (with their naming rules and ARM entries)
// and the rows of every documented type.
func (s *registeredServices) extraction(provider string, arm map[string][]string) *extraction {
	rules := namingRules(provider, s.typeService)
	ex := &extraction{Provider: provider}
	for _, dir := range sortedKeys(s.names) {
		r, ok := rules[dir]
		if !ok {
			continue // a directory without documented resources (data sources only)
		}
		ex.Services = append(ex.Services, extractedService{ID: provider + "/" + dir, Name: s.names[dir],
			Prefixes: r.Prefixes, Types: r.Types, ARM: arm[dir]})
	}
	for _, typ := range sortedKeys(s.typeService) {
		ex.Rows = append(ex.Rows, row{Kind: "type", Name: typ, Service: provider + "/" + s.typeService[typ]})
	}
	return ex
}

// namingRule is how a service's types resolve.
type namingRule struct {
	Prefixes []string
	Types    []string
}

// namingRules gives each service the prefixes that only its types start
// with, so that its new types resolve too: for each type the shortest such
// prefix ending at a "_" with at least one word after "<provider>_"
// (azurerm_cosmosdb_ for azurerm_cosmosdb_account); a type with no such
// prefix (its name shares every prefix with another service's type) is an
// explicit type of its service.
func namingRules(provider string, typeService map[string]string) map[string]namingRule {
	types := sortedKeys(typeService)
	// exclusive reports whether every type starting with p is of service svc.
	exclusive := func(p, svc string) bool {
		i := sort.SearchStrings(types, p)
		for ; i < len(types) && strings.HasPrefix(types[i], p); i++ {
			if typeService[types[i]] != svc {
				return false
			}
		}
		return true
	}
	prefixes := map[string]map[string]bool{}
	explicit := map[string][]string{}
	for _, typ := range types {
		svc := typeService[typ]
		start := len(provider) + 1
		found := ""
		for i := start + 1; i < len(typ); i++ {
			if typ[i] == '_' && exclusive(typ[:i+1], svc) {
				found = typ[:i+1]
				break
			}
		}
		if found == "" {
			explicit[svc] = append(explicit[svc], typ)
			continue
		}
		if prefixes[svc] == nil {
			prefixes[svc] = map[string]bool{}
		}
		prefixes[svc][found] = true
	}
	rules := map[string]namingRule{}
	for _, svc := range typeService {
		rules[svc] = namingRule{Prefixes: sortedKeys(prefixes[svc]), Types: explicit[svc]}
	}
	return rules
}

const (
	azureSDKIDs   = "vendor/github.com/hashicorp/go-azure-sdk/resource-manager/*id_*.go"
	azureCommonID = "vendor/github.com/hashicorp/go-azure-helpers/resourcemanager/commonids/*.go"
)

var (
	reSegment    = regexp.MustCompile(`(ResourceProviderSegment|StaticSegment)\("[^"]*", "([^"]+)"`)
	reIDType     = regexp.MustCompile(`(?m)^type (\w+)Id struct`)
	reImport     = regexp.MustCompile(`"(github\.com/hashicorp/go-azure-sdk/resource-manager/[^"]+)"`)
	reCommonID   = regexp.MustCompile(`^commonids\.(?:Parse|New|Validate)?(\w+?)(?:Insensitively)?I[dD]$`)
	reARMLiteral = regexp.MustCompile(`^providers/(.+)$`)
)

// idTypes reads the resource ID definitions (resourceids segments) in the
// files matching pathspec: for each file, the ARM type "Namespace/type" of
// its last provider segment and the static segment after it (an extension
// resource's ID nests its own provider under its scope's).
func idTypes(g repoAtHead, pathspec string) (map[string]string, error) {
	hits, err := g.grep(`(ResourceProviderSegment|StaticSegment)\("[^"]*", "[^"]+"`, []string{"-o"}, pathspec)
	if err != nil {
		return nil, err
	}
	types := map[string]string{} // file -> ARM type
	namespace := map[string]string{}
	for _, h := range hits {
		m := reSegment.FindStringSubmatch(h.Text)
		if m == nil {
			continue
		}
		if m[1] == "ResourceProviderSegment" {
			namespace[h.Path] = m[2]
		} else if ns := namespace[h.Path]; ns != "" {
			types[h.Path] = ns + "/" + m[2]
			namespace[h.Path] = ""
		}
	}
	return types, nil
}

// armReferences counts, for each ARM resource type and service directory,
// the directory's files that name the type: by importing a go-azure-sdk
// package whose resource ID has it, by using a commonids ID of it, or as a
// literal "providers/Microsoft.X/type" (the provider's own parse packages).
func armReferences(g repoAtHead) (map[string]map[string]int, error) {
	refs := map[string]map[string]int{}
	files := map[string]bool{} // type + file, each file counted once per type
	count := func(typ, path string) {
		if files[typ+"\x00"+path] {
			return
		}
		files[typ+"\x00"+path] = true
		if refs[typ] == nil {
			refs[typ] = map[string]int{}
		}
		refs[typ][serviceDir(path)]++
	}
	sdk, err := idTypes(g, azureSDKIDs)
	if err != nil {
		return nil, err
	}
	pkgTypes := map[string][]string{}
	for file, typ := range sdk {
		pkg := strings.TrimPrefix(file[:strings.LastIndex(file, "/")], "vendor/")
		pkgTypes[pkg] = append(pkgTypes[pkg], typ)
	}
	hits, err := g.grep(`"github\.com/hashicorp/go-azure-sdk/resource-manager/[^"]+"`, nil, "internal/services/*.go")
	if err != nil {
		return nil, err
	}
	for _, h := range hits {
		if m := reImport.FindStringSubmatch(h.Text); m != nil {
			for _, typ := range pkgTypes[m[1]] {
				count(typ, h.Path)
			}
		}
	}
	// commonids is one package of many IDs: count the IDs used, not the import.
	common, err := idTypes(g, azureCommonID)
	if err != nil {
		return nil, err
	}
	idType := map[string]string{}
	for file, typ := range common {
		src, err := g.show(file)
		if err != nil {
			return nil, err
		}
		for _, m := range reIDType.FindAllStringSubmatch(src, -1) {
			idType[m[1]] = typ
		}
	}
	hits, err = g.grep(`commonids\.(Parse|New|Validate)?\w+I[dD]\b`, []string{"-o"}, "internal/services/*.go")
	if err != nil {
		return nil, err
	}
	for _, h := range hits {
		if m := reCommonID.FindStringSubmatch(h.Text); m != nil && idType[m[1]] != "" {
			count(idType[m[1]], h.Path)
		}
	}
	hits, err = g.grep(`providers/Microsoft\.[A-Za-z]+/[A-Za-z]+`, []string{"-o"}, "internal/services/*.go")
	if err != nil {
		return nil, err
	}
	for _, h := range hits {
		if m := reARMLiteral.FindStringSubmatch(h.Text); m != nil {
			count(m[1], h.Path)
		}
	}
	return refs, nil
}

// armRules turns reference counts into each service's ARM entries. Each
// type (compared case-insensitively; "locations" and "operations" are not
// resources) belongs to the service that names it in most files, unless
// typeOwner decides it. Each namespace belongs to the service owning most of
// its types (then most references, then the first name; namespaceOwner
// decides ties); the namespace owner lists the namespace, and every other
// service lists its types of the namespace ("Microsoft.Network/dnsZones"),
// so that azapi resources resolve to the longest match.
func armRules(refs map[string]map[string]int, typeOwner, namespaceOwner map[string]string) map[string][]string {
	type armType struct {
		spellings map[string]int // references per spelling
		counts    map[string]int // references per service
		total     int
	}
	types := map[string]*armType{}
	for typ, counts := range refs {
		key := strings.ToLower(typ)
		if _, name, _ := strings.Cut(key, "/"); name == "locations" || name == "operations" {
			continue
		}
		t := types[key]
		if t == nil {
			t = &armType{spellings: map[string]int{}, counts: map[string]int{}}
			types[key] = t
		}
		for svc, c := range counts {
			t.counts[svc] += c
			t.spellings[typ] += c
			t.total += c
		}
	}
	owner := map[string]string{}
	for key, t := range types {
		if svc, ok := typeOwner[key]; ok {
			owner[key] = svc
			continue
		}
		owner[key] = argmax(t.counts)
	}
	// Namespaces: owned types and references per service.
	nsTypes := map[string]map[string]int{}
	nsRefs := map[string]map[string]int{}
	nsSpelling := map[string]map[string]int{}
	for key, t := range types {
		if owner[key] == "" {
			continue
		}
		ns, _, _ := strings.Cut(key, "/")
		if nsTypes[ns] == nil {
			nsTypes[ns], nsRefs[ns], nsSpelling[ns] = map[string]int{}, map[string]int{}, map[string]int{}
		}
		nsTypes[ns][owner[key]]++
		nsRefs[ns][owner[key]] += t.total
		for spelling, c := range t.spellings {
			sp, _, _ := strings.Cut(spelling, "/")
			nsSpelling[ns][sp] += c
		}
	}
	arm := map[string][]string{}
	nsOwner := map[string]string{}
	for ns, byType := range nsTypes {
		svc, ok := namespaceOwner[ns]
		if !ok {
			best := -1
			for _, s := range sortedKeys(byType) {
				if score := byType[s]*1_000_000 + nsRefs[ns][s]; score > best {
					svc, best = s, score
				}
			}
		}
		nsOwner[ns] = svc
		arm[svc] = append(arm[svc], argmax(nsSpelling[ns]))
	}
	for key, t := range types {
		svc := owner[key]
		ns, _, _ := strings.Cut(key, "/")
		if svc == "" || svc == nsOwner[ns] {
			continue
		}
		arm[svc] = append(arm[svc], argmax(t.spellings))
	}
	for svc := range arm {
		sort.Strings(arm[svc])
	}
	return arm
}

// argmax returns the key with the largest value, the first by name on a tie.
func argmax(m map[string]int) string {
	best, bestN := "", -1
	for _, k := range sortedKeys(m) {
		if m[k] > bestN {
			best, bestN = k, m[k]
		}
	}
	return best
}

// sortedKeys returns the keys of m in order, nil for none.
func sortedKeys[V any](m map[string]V) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
