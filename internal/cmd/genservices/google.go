// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
)

// The google and google-beta providers are generated from one source (Magic
// Modules) with the same layout: every product is a Go package
// <root>/services/<dir> (root "google" or "google-beta") whose files register
// their resource types with the provider's registry:
//
//	registry.Schema{Name: "google_compute_instance", ProductName: "compute", Type: registry.SchemaTypeResource, ...}.Register()
//	registry.FrameworkResource{Name: "google_storage_notification", ProductName: "storage", ...}.Register()
//
// The service of a type is the directory of the file that registers it (the
// ProductName field is not: it is spelled "Compute" in some files). Both
// providers' types start with google_, so both feed one document,
// services_google.json, and one list, google.csv: google-beta is a superset
// of google in practice, and a product or type only in google-beta is added
// to the same services.

func init() {
	register("google", "checkout or bare repository of hashicorp/terraform-provider-google (give -google-beta too: both write services_google.json)",
		func(string) (*extraction, error) { return extractGoogleFlags() })
	register("google-beta", "checkout or bare repository of hashicorp/terraform-provider-google-beta (give -google too)",
		func(string) (*extraction, error) { return extractGoogleFlags() })
}

const (
	googleRepository     = "hashicorp/terraform-provider-google"
	googleBetaRepository = "hashicorp/terraform-provider-google-beta"
)

// googlePrefixOwners decides a prefix that the natural prefixes of several
// products claim and whose name none of them carries (see googlePrefixes).
// A prefix claimed by several products and listed here by none is given to
// none of them: their types get longer prefixes or are listed.
var googlePrefixOwners = map[string]string{
	// Cloud Billing (billing accounts, project billing) and Billing Budgets
	// (google_billing_budget) both start google_billing_; a new billing type
	// is more likely an account or project setting.
	"google_billing_": "cloudbilling",
}

// googleNames overrides the service name the provider's documentation gives
// (the subcategory of the products' pages) where it is not the product's
// name as Google writes it, or where several products share one name.
var googleNames = map[string]string{
	"apikeys":                  "API Keys",
	"assuredworkloads":         "Assured Workloads",
	"biglake":                  "BigLake",
	"biglakeiceberg":           "BigLake Iceberg REST catalog",
	"billingbudgets":           "Cloud Billing Budgets",
	"container":                "Google Kubernetes Engine",
	"containeranalysis":        "Artifact Analysis (Container Analysis)",
	"containerattached":        "GKE attached clusters",
	"containeraws":             "GKE on AWS",
	"containerazure":           "GKE on Azure",
	"databasemigrationservice": "Database Migration Service",
	"datapipeline":             "Data Pipelines",
	"firebaserules":            "Firebase Security Rules",
	"gkehub":                   "GKE Hub (fleet memberships)",
	"gkehub2":                  "GKE Hub (fleet features and scopes)",
	"gkeonprem":                "Google Distributed Cloud (software only) for VMware and bare metal",
	"iam2":                     "IAM deny and access boundary policies",
	"iam3":                     "IAM principal access boundary policies",
	"iambeta":                  "IAM workload identity federation",
	"iamworkforcepool":         "IAM workforce identity federation",
	"logging":                  "Cloud Logging",
	"modelarmorglobal":         "Model Armor floor settings",
	"monitoring":               "Cloud Monitoring",
	"networkconnectivityv1":    "Network Connectivity (v1 API)",
	"parametermanagerregional": "Parameter Manager (regional)",
	"pubsublite":               "Pub/Sub Lite",
	"recaptchaenterprise":      "reCAPTCHA",
	"resourcemanager":          "Resource Manager",
	"resourcemanagerv3":        "Resource Manager (v3 API)",
	"secretmanagerregional":    "Secret Manager (regional)",
	"vertexaiaad":              "Vertex AI agent anomaly detection",
}

// googleFlavour is what one of the two repositories registers.
type googleFlavour struct {
	repository, root string
	commit, date     string
	types            map[string]string // type -> product directory
	subcategories    map[string]string // type -> documentation subcategory
}

var googleCache = map[[2]string]*extraction{}

// extractGoogleFlags reads the repositories that -google and -google-beta
// name; main calls it once per flag and writes the same result twice.
func extractGoogleFlags() (*extraction, error) {
	ga, beta := flagValue("google"), flagValue("google-beta")
	if ga == "" || beta == "" {
		return nil, errors.New("give both -google and -google-beta: both providers' products are in services_google.json, and reading one alone would drop the other's")
	}
	key := [2]string{ga, beta}
	if ex, ok := googleCache[key]; ok {
		return ex, nil
	}
	ex, err := extractGoogle(ga, beta)
	if err != nil {
		return nil, err
	}
	googleCache[key] = ex
	return ex, nil
}

func flagValue(name string) string {
	if f := flag.Lookup(name); f != nil {
		return f.Value.String()
	}
	return ""
}

// extractGoogle reads both repositories (checkouts or bare mirrors) and
// returns the products of both as google services.
func extractGoogle(gaDir, betaDir string) (*extraction, error) {
	ga, err := readGoogleFlavour(gaDir, googleRepository, "google")
	if err != nil {
		return nil, err
	}
	beta, err := readGoogleFlavour(betaDir, googleBetaRepository, "google-beta")
	if err != nil {
		return nil, err
	}
	types := make(map[string]string, len(beta.types))
	for t, dir := range beta.types {
		types[t] = dir
	}
	for t, dir := range ga.types {
		if b, ok := types[t]; ok && b != dir {
			// The generally available provider's layout wins; say so, since
			// the next refresh may move the type.
			fmt.Fprintf(os.Stderr, "google: %s is in %s/services/%s and %s/services/%s: google/%s taken\n", t, ga.root, dir, beta.root, b, dir)
		}
		types[t] = dir
	}
	subcategories := make(map[string]string, len(beta.subcategories))
	for _, f := range []*googleFlavour{beta, ga} {
		for t, s := range f.subcategories {
			subcategories[t] = s
		}
	}

	prefixes, explicit := googlePrefixes(types)
	byProduct := map[string]*extractedService{}
	service := func(dir string) *extractedService {
		s, ok := byProduct[dir]
		if !ok {
			s = &extractedService{ID: "google/" + dir, Name: googleName(dir, types, subcategories)}
			byProduct[dir] = s
		}
		return s
	}
	for p, dir := range prefixes {
		s := service(dir)
		s.Prefixes = append(s.Prefixes, p)
	}
	for t, dir := range explicit {
		s := service(dir)
		s.Types = append(s.Types, t)
	}
	ex := &extraction{
		Provider: "google",
		Provenance: provenance{
			Repository: ga.repository + " + " + beta.repository,
			Path:       ga.root + "/services + " + beta.root + "/services (registry.Schema, registry.FrameworkResource)",
			Commit:     ga.commit + " + " + beta.commit,
			Date:       ga.date + " + " + beta.date,
		},
	}
	dirs := make([]string, 0, len(byProduct))
	for dir := range byProduct {
		dirs = append(dirs, dir)
	}
	sort.Strings(dirs)
	for _, dir := range dirs {
		ex.Services = append(ex.Services, *byProduct[dir])
	}
	for t, dir := range types {
		ex.Rows = append(ex.Rows, row{Kind: "type", Name: t, Service: "google/" + dir})
	}
	return ex, nil
}

var (
	googleRegistration = regexp.MustCompile(`registry\.(Schema|FrameworkResource)\{((?s:.*?))\}\.Register\(\)`)
	googleRegName      = regexp.MustCompile(`\bName:\s*("[^"]*"|[^,\n]+)`)
	googleSchemaType   = regexp.MustCompile(`\bType:\s*registry\.(\w+)`)
	googleSubcategory  = regexp.MustCompile(`(?m)^subcategory:\s*"?([^"\n]*?)"?\s*$`)
)

// readGoogleFlavour reads the resource types that the repository at dir
// registers under root/services, and the subcategories of their pages.
func readGoogleFlavour(dir, repository, root string) (*googleFlavour, error) {
	src, commit, date, err := openSource(dir, root+"/services", repository)
	if err != nil {
		return nil, err
	}
	f := &googleFlavour{repository: repository, root: root, commit: commit, date: date,
		types: map[string]string{}, subcategories: map[string]string{}}
	paths, err := src.files(root + "/services")
	if err != nil {
		return nil, err
	}
	var goFiles []string
	for _, p := range paths {
		if strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") {
			goFiles = append(goFiles, p)
		}
	}
	contents, err := src.read(goFiles)
	if err != nil {
		return nil, err
	}
	for _, p := range goFiles {
		product := strings.SplitN(strings.TrimPrefix(p, root+"/services/"), "/", 2)[0]
		for _, m := range googleRegistration.FindAllSubmatch(contents[p], -1) {
			block := string(m[2])
			if string(m[1]) == "Schema" {
				// The zero SchemaType is SchemaTypeResource.
				if t := googleSchemaType.FindStringSubmatch(block); t != nil &&
					t[1] != "SchemaTypeResource" && t[1] != "SchemaTypeIAMResource" {
					continue
				}
			}
			n := googleRegName.FindStringSubmatch(block)
			if n == nil || !strings.HasPrefix(n[1], `"`) {
				return nil, fmt.Errorf("%s: a registration whose Name is not a string literal: %s", p, strings.TrimSpace(block))
			}
			name := strings.Trim(n[1], `"`)
			if !strings.HasPrefix(name, "google_") {
				return nil, fmt.Errorf("%s: registered type %q does not start with google_", p, name)
			}
			if other, ok := f.types[name]; ok && other != product {
				return nil, fmt.Errorf("%s: %s is registered in %s/services/%s and %s/services/%s", dir, name, root, other, root, product)
			}
			f.types[name] = product
		}
	}
	if len(f.types) == 0 {
		return nil, fmt.Errorf("%s: no resource type registered under %s/services", dir, root)
	}

	docs, err := src.files("website/docs/r")
	if err != nil {
		return nil, err
	}
	pages, err := src.read(docs)
	if err != nil {
		return nil, err
	}
	subcategory := map[string]string{} // page name (google_ + file base) -> subcategory
	for p, b := range pages {
		base := p[strings.LastIndex(p, "/")+1:]
		base, _, _ = strings.Cut(base, ".")
		if m := googleSubcategory.FindSubmatch(b); m != nil {
			subcategory["google_"+base] = strings.TrimSpace(string(m[1]))
		}
	}
	for t := range f.types {
		page := t
		for _, suffix := range []string{"_iam_binding", "_iam_member", "_iam_policy"} {
			if base, ok := strings.CutSuffix(t, suffix); ok {
				if _, has := subcategory[t]; !has {
					page = base + "_iam" // one page documents the three IAM resources
				}
			}
		}
		if s := subcategory[page]; s != "" {
			f.subcategories[t] = s
		}
	}
	return f, nil
}

// googleName is the hand-written name of a product, else the subcategory
// most of its types' pages give (the first in order on a tie), else its
// directory.
func googleName(dir string, types, subcategories map[string]string) string {
	if n, ok := googleNames[dir]; ok {
		return n
	}
	count := map[string]int{}
	for t, d := range types {
		if d == dir && subcategories[t] != "" {
			count[subcategories[t]]++
		}
	}
	best := dir
	for s, n := range count {
		if n > count[best] || (n == count[best] && s < best) {
			best = s
		}
	}
	return best
}

// underscorePrefixes returns the prefixes of a type name that end at an
// underscore and are longer than "google_", shortest first:
// google_compute_instance_template -> google_compute_, google_compute_instance_.
func underscorePrefixes(name string) []string {
	var out []string
	for i := len("google_"); i < len(name); i++ {
		if name[i] == '_' {
			out = append(out, name[:i+1])
		}
	}
	return out
}

// googlePrefixes derives the prefixes (prefix -> product) and the listed
// types (type -> product) with which every type resolves to its product,
// the longest prefix winning and a listed type winning over every prefix:
//
//  1. Each product claims one natural prefix among those all its types share:
//     the one that spells its directory (google_cloud_run_ for cloudrun), else
//     the shortest under which only its types are (google_os_login_ for
//     oslogin's one type), else the longest, under which other products then
//     nest (google_firebase_ with firebasehosting's google_firebase_hosting_).
//  2. A prefix several products claim goes to the one whose directory it
//     spells, else to the owner googlePrefixOwners names, else to none.
//  3. A type that does not yet resolve to its product gets the shortest
//     prefix longer than the one it matches under which only its product's
//     types are (resourcemanager's google_project_iam_), else it is listed
//     (google_project, a prefix of other products' types).
//
// Step 3 never changes another type's answer: the prefix it adds matches
// no type of another product.
func googlePrefixes(types map[string]string) (prefixes, explicit map[string]string) {
	under := map[string]map[string]bool{} // prefix -> products with a type under it
	products := map[string][]string{}
	names := make([]string, 0, len(types))
	for t, dir := range types {
		names = append(names, t)
		products[dir] = append(products[dir], t)
		for _, p := range underscorePrefixes(t) {
			if under[p] == nil {
				under[p] = map[string]bool{}
			}
			under[p][dir] = true
		}
	}
	sort.Strings(names)
	only := func(p, dir string) bool { return len(under[p]) == 1 && under[p][dir] }

	type claim struct {
		dir     string
		spelled bool
	}
	claims := map[string][]claim{}
	for dir, ts := range products {
		common := underscorePrefixes(ts[0])
		for _, t := range ts[1:] {
			have := map[string]bool{}
			for _, p := range underscorePrefixes(t) {
				have[p] = true
			}
			kept := common[:0:0]
			for _, p := range common {
				if have[p] {
					kept = append(kept, p)
				}
			}
			common = kept
		}
		if len(common) == 0 {
			continue
		}
		c := claim{dir: dir}
		natural := ""
		for _, p := range common {
			if strings.ReplaceAll(strings.TrimPrefix(p, "google_"), "_", "") == dir {
				natural, c.spelled = p, true
				break
			}
		}
		for _, p := range common {
			if natural == "" && only(p, dir) {
				natural = p
			}
		}
		if natural == "" {
			natural = common[len(common)-1]
		}
		claims[natural] = append(claims[natural], c)
	}
	prefixes = map[string]string{}
	for p, cs := range claims {
		if len(cs) == 1 {
			prefixes[p] = cs[0].dir
			continue
		}
		var spelled []string
		for _, c := range cs {
			if c.spelled {
				spelled = append(spelled, c.dir)
			}
		}
		if len(spelled) == 1 {
			prefixes[p] = spelled[0]
		} else if owner, ok := googlePrefixOwners[p]; ok {
			prefixes[p] = owner
		}
	}

	explicit = map[string]string{}
	longest := func(t string) string {
		best := ""
		for _, p := range underscorePrefixes(t) {
			if _, ok := prefixes[p]; ok {
				best = p
			}
		}
		return best
	}
	for _, t := range names {
		dir := types[t]
		if p := longest(t); p != "" && prefixes[p] == dir {
			continue
		}
		cur := len(longest(t))
		added := false
		for _, p := range underscorePrefixes(t) {
			if len(p) > cur && only(p, dir) {
				prefixes[p] = dir
				added = true
				break
			}
		}
		if !added {
			explicit[t] = dir
		}
	}
	return prefixes, explicit
}
