// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/zclconf/go-cty/cty"
)

// The AWS provider lists its services in one file, names/data/names_data.hcl:
// a "service" block per service (and "sub_service" blocks inside ec2 for the
// parts of EC2 the provider documents apart: vpc, ec2ebs, transitgateway...),
// each with its human-friendly name and a resource_prefix whose "actual" is a
// regular expression over the type names and whose "correct" is the prefix
// the provider means to move to. The file alone carries no commit (the AWS
// repository is too large to keep a checkout of for one file), so the
// provenance is given with -aws-commit and -aws-date, and with -aws-repo
// when the file was read from a fork that carries upstream's file. A file
// transcribed down to the blocks and fields the extractor reads is marked
// with -aws-condensed, so the list says it was not read from the original.
func init() {
	register("aws", "the AWS provider's names/data/names_data.hcl (hashicorp/terraform-provider-aws); "+
		"give its commit with -aws-commit and the commit's date with -aws-date, e.g. "+
		"-aws ../terraform-provider-aws/names/data/names_data.hcl -aws-commit $(git -C ../terraform-provider-aws log -1 --format=%H) "+
		"-aws-date $(git -C ../terraform-provider-aws log -1 --format=%cs)", extractAWS)
}

var (
	awsCommit    = flag.String("aws-commit", "", "the commit of the -aws-repo repository that -aws was read from (40 hex digits)")
	awsDate      = flag.String("aws-date", "", "the date of the -aws-commit, YYYY-MM-DD (empty: written as unknown)")
	awsRepo      = flag.String("aws-repo", awsRepository, "the GitHub repository (owner/name) of the -aws-commit: upstream, or the fork the file was read from")
	awsCondensed = flag.Bool("aws-condensed", false, "-aws is a condensed transcription of names_data.hcl (every service and sub_service block, with only the fields the extractor reads), not the file itself")
)

// awsCondensedNote is the provenance note of a condensed -aws file.
const awsCondensedNote = "condensed transcription: every service and sub_service block with its names, prefixes and flags"

const (
	awsRepository = "hashicorp/terraform-provider-aws"
	awsNamesPath  = "names/data/names_data.hcl"
	// awsMaxPrefixes bounds the literal prefixes one pattern may expand to.
	awsMaxPrefixes = 256
)

// awsPrefixOwners decides the prefixes that two services of names_data.hcl
// both claim: prefix → the service whose resources those types really are.
// The extractor fails on a shared prefix missing here, and warns about an
// entry no longer needed.
var awsPrefixOwners = map[string]string{}

// awsTypeServices places types whose name shows one service but whose
// resources are another's: type → service. Each is listed in the service's
// types (an explicit type wins over every prefix) and is one row of kind
// "type".
var awsTypeServices = map[string]string{
	// A provisioned product launches a Service Catalog product, which is a
	// CloudFormation template: what it creates is a stack, and it must be
	// answered as one, not as the catalog's governance objects.
	"aws_servicecatalog_provisioned_product": "cloudformation",
}

// awsRetiredServices are services that names_data.hcl marks
// not_implemented after the provider removed their resources, when AWS ended
// the services. Configurations pinned to an earlier provider version still
// declare those types, so the services stay in the catalog, with the
// prefixes their blocks keep. The extractor warns about an entry whose block
// is gone or that the file implements again.
var awsRetiredServices = map[string]bool{
	"iotanalytics":   true,
	"iotevents":      true,
	"lookoutmetrics": true,
	"opsworks":       true,
	"simpledb":       true,
	"worklink":       true,
}

var (
	awsCommitPattern = regexp.MustCompile(`^[0-9a-f]{40}$`)
	awsDatePattern   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	awsRepoPattern   = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+$`)
	awsDocLiteral    = regexp.MustCompile(`^[a-z0-9_]+$`)
)

// awsService is one service or sub_service block of names_data.hcl.
type awsService struct {
	Label   string
	Parent  string // the enclosing service of a sub_service
	Name    string // names.human_friendly
	Actual  string // resource_prefix.actual: a regular expression
	Correct string // resource_prefix.correct: a literal prefix
	// DocPrefix are the doc_prefix entries: the names of the service's
	// documentation pages, which are its type names without "aws_".
	DocPrefix      []string
	NotImplemented bool
	Exclude        bool
}

func extractAWS(path string) (*extraction, error) {
	if !awsCommitPattern.MatchString(*awsCommit) {
		return nil, fmt.Errorf("-aws-commit must be the 40-hex-digit commit %s was read from, got %q", path, *awsCommit)
	}
	date := *awsDate
	if date == "" {
		date = "date unknown"
	} else if !awsDatePattern.MatchString(date) {
		return nil, fmt.Errorf("-aws-date must be the commit's date as YYYY-MM-DD, got %q", date)
	}
	if !awsRepoPattern.MatchString(*awsRepo) {
		return nil, fmt.Errorf("-aws-repo must be a GitHub repository as owner/name, got %q", *awsRepo)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	ex, warnings, err := awsExtraction(src, path)
	for _, w := range warnings {
		fmt.Fprintf(os.Stderr, "aws: %s\n", w)
	}
	if err != nil {
		return nil, err
	}
	ex.Provenance = provenance{Repository: *awsRepo, Path: awsNamesPath, Commit: *awsCommit, Date: date}
	if *awsCondensed {
		ex.Provenance.Note = awsCondensedNote
	}
	return ex, nil
}

// awsExtraction derives the services, their prefixes and the rows from the
// content of names_data.hcl. Warnings are decisions worth a look that do not
// stop the refresh.
func awsExtraction(src []byte, filename string) (*extraction, []string, error) {
	services, err := parseAWSNames(src, filename)
	if err != nil {
		return nil, nil, err
	}
	var warnings []string
	for label := range awsRetiredServices {
		i := slices.IndexFunc(services, func(s awsService) bool { return s.Label == label })
		switch {
		case i < 0:
			warnings = append(warnings, fmt.Sprintf("awsRetiredServices[%q]: no such service in the file; its types no longer resolve", label))
		case !services[i].NotImplemented:
			warnings = append(warnings, fmt.Sprintf("awsRetiredServices[%q] is no longer needed: the file implements the service", label))
		}
	}
	claims := map[string][]string{}   // prefix → services claiming it
	excluded := map[string][]string{} // service → literals its lookaheads exclude
	type keptService struct {
		awsService
		prefixes []string
	}
	var kept []keptService
	for _, s := range services {
		// A service without resources in the provider: not implemented, or a
		// top-level exclude (meta: data sources about the partition, not an
		// AWS service). A sub_service's exclude only means it is documented
		// as part of its parent; its resources are real and kept.
		if (s.NotImplemented && !awsRetiredServices[s.Label]) || (s.Exclude && s.Parent == "") {
			continue
		}
		var prefixes []string
		if s.Actual != "" {
			p, ex, err := expandPrefixPattern(s.Actual)
			if err != nil {
				return nil, nil, fmt.Errorf("service %q: resource_prefix.actual %q: %w", s.Label, s.Actual, err)
			}
			prefixes = append(prefixes, p...)
			excluded[s.Label] = ex
		}
		if s.Correct != "" {
			prefixes = append(prefixes, s.Correct)
		}
		// Page names reach types the resource prefix misses (aws_kinesis_video_
		// of kinesisvideo, aws_cognito_managed_user of cognitoidp). Entries
		// that are patterns over file names ("lbs?\\.") are left out: the
		// resource prefix covers them.
		for _, d := range s.DocPrefix {
			if awsDocLiteral.MatchString(d) {
				prefixes = append(prefixes, "aws_"+d)
			}
		}
		prefixes = sorted(prefixes)
		if len(prefixes) == 0 {
			return nil, nil, fmt.Errorf("service %q has no resource_prefix", s.Label)
		}
		for _, p := range prefixes {
			if !strings.HasPrefix(p, "aws_") || len(p) == len("aws_") {
				return nil, nil, fmt.Errorf("service %q: prefix %q does not name AWS types (aws_...)", s.Label, p)
			}
			claims[p] = append(claims[p], s.Label)
		}
		kept = append(kept, keptService{s, prefixes})
	}
	owner := map[string]string{} // prefix → service
	for p, by := range claims {
		if len(by) == 1 {
			owner[p] = by[0]
			continue
		}
		o, ok := awsPrefixOwners[p]
		if !ok || !slices.Contains(by, o) {
			return nil, nil, fmt.Errorf("prefix %q is claimed by services %s: decide its owner in awsPrefixOwners",
				p, strings.Join(by, ", "))
		}
		owner[p] = o
	}
	for p, o := range awsPrefixOwners {
		if by := claims[p]; len(by) < 2 {
			warnings = append(warnings, fmt.Sprintf("awsPrefixOwners[%q] = %q is no longer needed (claimed by %v)", p, o, by))
		}
	}
	// A lookahead (aws_cloudwatch_(?!event_)) is honoured by the longest
	// prefix rule only where another service claims what it excludes.
	for label, lits := range excluded {
		for _, l := range lits {
			if o := longestOwner(owner, l); o == label {
				warnings = append(warnings, fmt.Sprintf("service %q excludes %q by a lookahead, but no other service claims it: types named so resolve to %q",
					label, l, label))
			}
		}
	}
	keptLabels := map[string]bool{}
	for _, s := range kept {
		keptLabels[s.Label] = true
	}
	types := map[string][]string{} // service → explicit types
	for typ, label := range awsTypeServices {
		if !keptLabels[label] {
			return nil, nil, fmt.Errorf("awsTypeServices[%q] names %q, which is not a service with resources", typ, label)
		}
		types[label] = append(types[label], typ)
	}
	ex := &extraction{Provider: "aws"}
	for _, s := range kept {
		id := "aws/" + s.Label
		for _, typ := range types[s.Label] {
			ex.Rows = append(ex.Rows, row{Kind: "type", Name: typ, Service: id})
		}
		var mine []string
		for _, p := range s.prefixes {
			// A prefix is redundant where the longest shorter prefix that
			// covers it is the same service's: every type it matches
			// resolves the same without it (aws_ec2_instance_ under
			// aws_ec2_instance).
			if owner[p] == s.Label && longestOwner(owner, p[:len(p)-1]) != s.Label {
				mine = append(mine, p)
				ex.Rows = append(ex.Rows, row{Kind: "prefix", Name: p, Service: id})
			}
		}
		if len(mine) == 0 {
			return nil, nil, fmt.Errorf("service %q keeps no prefix after awsPrefixOwners", s.Label)
		}
		ex.Services = append(ex.Services, extractedService{ID: id, Name: s.Name, Prefixes: mine, Types: sorted(types[s.Label])})
	}
	sort.Slice(ex.Services, func(i, j int) bool { return ex.Services[i].ID < ex.Services[j].ID })
	sort.Slice(ex.Rows, func(i, j int) bool { return ex.Rows[i].Name < ex.Rows[j].Name })
	sort.Strings(warnings)
	return ex, warnings, nil
}

// longestOwner is the owner of the longest prefix name starts with, as the
// catalog resolves a type.
func longestOwner(owner map[string]string, name string) string {
	best, by := "", ""
	for p, o := range owner {
		if strings.HasPrefix(name, p) && len(p) > len(best) {
			best, by = p, o
		}
	}
	return by
}

// parseAWSNames reads the service and sub_service blocks of names_data.hcl.
// Blocks and attributes it does not need are ignored, so the file's schema
// may grow without breaking the refresh.
func parseAWSNames(src []byte, filename string) ([]awsService, error) {
	file, diags := hclsyntax.ParseConfig(src, filename, hcl.Pos{Line: 1, Column: 1})
	if diags.HasErrors() {
		return nil, diags
	}
	body, ok := file.Body.(*hclsyntax.Body)
	if !ok {
		return nil, fmt.Errorf("%s: not native HCL syntax", filename)
	}
	var out []awsService
	seen := map[string]bool{}
	var read func(b *hclsyntax.Block, parent string) error
	read = func(b *hclsyntax.Block, parent string) error {
		if len(b.Labels) != 1 || b.Labels[0] == "" {
			return fmt.Errorf("%s: %s block needs one label", b.DefRange(), b.Type)
		}
		s := awsService{Label: b.Labels[0], Parent: parent}
		if seen[s.Label] {
			return fmt.Errorf("%s: service %q is declared twice", b.DefRange(), s.Label)
		}
		seen[s.Label] = true
		var err error
		if s.NotImplemented, err = boolAttr(b.Body, "not_implemented"); err != nil {
			return err
		}
		if s.Exclude, err = boolAttr(b.Body, "exclude"); err != nil {
			return err
		}
		if s.DocPrefix, err = stringsAttr(b.Body, "doc_prefix"); err != nil {
			return err
		}
		var subs []*hclsyntax.Block
		for _, inner := range b.Body.Blocks {
			switch inner.Type {
			case "names":
				if s.Name, err = stringAttr(inner.Body, "human_friendly"); err != nil {
					return err
				}
			case "resource_prefix":
				if s.Actual, err = stringAttr(inner.Body, "actual"); err != nil {
					return err
				}
				if s.Correct, err = stringAttr(inner.Body, "correct"); err != nil {
					return err
				}
			case "sub_service":
				subs = append(subs, inner)
			}
		}
		if s.Name == "" {
			return fmt.Errorf("%s: service %q has no names.human_friendly", b.DefRange(), s.Label)
		}
		out = append(out, s)
		for _, sub := range subs {
			if err := read(sub, s.Label); err != nil {
				return err
			}
		}
		return nil
	}
	for _, b := range body.Blocks {
		if b.Type != "service" {
			continue
		}
		if err := read(b, ""); err != nil {
			return nil, err
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no service blocks", filename)
	}
	return out, nil
}

// attrValue is the value of attribute name of body; ok is false when the
// attribute is absent or null.
func attrValue(body *hclsyntax.Body, name string) (v cty.Value, r hcl.Range, ok bool, err error) {
	a, found := body.Attributes[name]
	if !found {
		return cty.NilVal, hcl.Range{}, false, nil
	}
	v, diags := a.Expr.Value(nil)
	if diags.HasErrors() {
		return cty.NilVal, a.SrcRange, false, diags
	}
	return v, a.SrcRange, !v.IsNull(), nil
}

func stringAttr(body *hclsyntax.Body, name string) (string, error) {
	v, r, ok, err := attrValue(body, name)
	if err != nil || !ok {
		return "", err
	}
	if !v.IsKnown() || v.Type() != cty.String {
		return "", fmt.Errorf("%s: %s must be a string", r, name)
	}
	return v.AsString(), nil
}

func stringsAttr(body *hclsyntax.Body, name string) ([]string, error) {
	v, r, ok, err := attrValue(body, name)
	if err != nil || !ok {
		return nil, err
	}
	if !v.IsKnown() || (!v.Type().IsTupleType() && !v.Type().IsListType()) {
		return nil, fmt.Errorf("%s: %s must be a list of strings", r, name)
	}
	var out []string
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if e.IsNull() || !e.IsKnown() || e.Type() != cty.String {
			return nil, fmt.Errorf("%s: %s must be a list of strings", r, name)
		}
		out = append(out, e.AsString())
	}
	return out, nil
}

func boolAttr(body *hclsyntax.Body, name string) (bool, error) {
	v, r, ok, err := attrValue(body, name)
	if err != nil || !ok {
		return false, err
	}
	if !v.IsKnown() || v.Type() != cty.Bool {
		return false, fmt.Errorf("%s: %s must be true or false", r, name)
	}
	return v.True(), nil
}

// expandPrefixPattern turns a resource_prefix.actual pattern into the finite
// set of literal prefixes it matches at the start of a type name: literals,
// concatenation, alternation, optional parts and small character classes.
// Anchors and \b match the empty string (a type name is one word, so "\b"
// and "$" only end the name; as a prefix the literal before them is kept).
// Negative lookaheads (?!...), which Go's regexp does not support, are cut
// out: the catalog's longest-prefix rule honours them where another service
// claims the excluded names, and excluded lists those names (expanded) so
// the caller can check that. Anything unbounded (*, +, ., large classes) is
// an error.
func expandPrefixPattern(pattern string) (prefixes, excluded []string, err error) {
	looks, err := lookaheads(pattern)
	if err != nil {
		return nil, nil, err
	}
	without := cutLookaheads(pattern, looks, -1)
	prefixes, err = expandPattern(without)
	if err != nil {
		return nil, nil, err
	}
	have := map[string]bool{}
	for _, p := range prefixes {
		have[p] = true
	}
	for i := range looks {
		with, err := expandPattern(cutLookaheads(pattern, looks, i))
		if err != nil {
			return nil, nil, err
		}
		for _, p := range with {
			if !have[p] {
				excluded = append(excluded, p)
			}
		}
	}
	return prefixes, sorted(excluded), nil
}

// span is the byte range of one (?!...) group, parentheses included.
type span struct{ start, end int }

func lookaheads(pattern string) ([]span, error) {
	var out []span
	for i := 0; i < len(pattern); i++ {
		if pattern[i] == '\\' {
			i++
			continue
		}
		if !strings.HasPrefix(pattern[i:], "(?!") {
			continue
		}
		depth, j := 0, i
		for ; j < len(pattern); j++ {
			switch pattern[j] {
			case '\\':
				j++
				continue
			case '(':
				depth++
			case ')':
				depth--
			}
			if depth == 0 {
				break
			}
		}
		if depth != 0 {
			return nil, errors.New("unclosed (?! group")
		}
		out = append(out, span{i, j + 1})
		i = j
	}
	return out, nil
}

// cutLookaheads removes every lookahead group, except that group keep (if
// not -1) becomes a plain group: the names that lookahead excludes.
func cutLookaheads(pattern string, looks []span, keep int) string {
	var b strings.Builder
	last := 0
	for i, l := range looks {
		b.WriteString(pattern[last:l.start])
		if i == keep {
			b.WriteString("(?:" + pattern[l.start+3:l.end-1] + ")")
		}
		last = l.end
	}
	b.WriteString(pattern[last:])
	return b.String()
}

func expandPattern(pattern string) ([]string, error) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, err
	}
	out, err := expandRegexp(re)
	if err != nil {
		return nil, err
	}
	return sorted(out), nil
}

func expandRegexp(re *syntax.Regexp) ([]string, error) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginText, syntax.OpBeginLine, syntax.OpEndText, syntax.OpEndLine,
		syntax.OpWordBoundary:
		return []string{""}, nil
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil, fmt.Errorf("case-insensitive literal %q", string(re.Rune))
		}
		return []string{string(re.Rune)}, nil
	case syntax.OpCharClass:
		var out []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(out) >= 8 {
					return nil, fmt.Errorf("character class %s has more than 8 characters", re)
				}
				out = append(out, string(r))
			}
		}
		return out, nil
	case syntax.OpCapture:
		return expandRegexp(re.Sub[0])
	case syntax.OpQuest:
		sub, err := expandRegexp(re.Sub[0])
		if err != nil {
			return nil, err
		}
		return append([]string{""}, sub...), nil
	case syntax.OpAlternate:
		var out []string
		for _, s := range re.Sub {
			sub, err := expandRegexp(s)
			if err != nil {
				return nil, err
			}
			out = append(out, sub...)
			if len(out) > awsMaxPrefixes {
				return nil, fmt.Errorf("expands to more than %d prefixes", awsMaxPrefixes)
			}
		}
		return out, nil
	case syntax.OpConcat:
		out := []string{""}
		for _, s := range re.Sub {
			sub, err := expandRegexp(s)
			if err != nil {
				return nil, err
			}
			next := make([]string, 0, len(out)*len(sub))
			for _, a := range out {
				for _, b := range sub {
					next = append(next, a+b)
				}
			}
			if len(next) > awsMaxPrefixes {
				return nil, fmt.Errorf("expands to more than %d prefixes", awsMaxPrefixes)
			}
			out = next
		}
		return out, nil
	default:
		return nil, fmt.Errorf("%s is unbounded or unsupported (%v): only literals, groups, |, ? and small classes expand to prefixes", re, re.Op)
	}
}
