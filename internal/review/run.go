// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// Exit statuses (SPEC §7.3).
const (
	ExitOK = 0
	// ExitBadInput: bad input or usage, or a plan Terraform did not finish;
	// one line on stderr says what.
	ExitBadInput = 1
	// ExitGate: -gate, and the gate fails (unaccepted obligations, or a
	// type the catalog cannot resolve).
	ExitGate = 2
)

const usage = `Usage: terraform-provider-srm review [flags] PLAN.json|FOLDER|- ...

Reviews the shared responsibility of every resource in a Terraform or
OpenTofu plan (the JSON of terraform show -json PLANFILE) or state (the JSON
of terraform show -json): who owns each layer, which customer obligations it
brings, which the srm_obligation_acceptance records in the plan accept.
"-" reads the JSON from standard input. Several plans (one per root module
or workspace), or a folder of *.json plans, give one report: one headline and
one gate, a section per plan, labelled by file name or -label ("plans" in
JSON).

  terraform plan -out plan.tfplan
  terraform show -json plan.tfplan > plan.json
  terraform-provider-srm review -format markdown -gate plan.json

Flags:
  -format text|markdown|json|oscal|junit
        output format (default text: a table; markdown: a pull-request
        comment; json: per resource and a summary; oscal: an OSCAL 1.1.3
        system security plan; junit: JUnit XML for CI test reports, a test
        case per reviewed resource)
  -gate
        exit with status 2 when a reviewed resource has unaccepted
        obligations, or is of a type the catalog cannot resolve and no
        record accepts "*" of it
  -allow-unknown
        let resources of types the catalog cannot resolve pass the gate
  -trusted-acceptances plan|prior
        which srm_obligation_acceptance records count (default plan: those
        of the planned values; prior: only those present and unchanged in
        the plan's prior state, so that a change cannot accept its own
        obligations: the records it creates or changes are pending)
  -expiry-warning DURATION
        report records whose review_by falls within DURATION (default 720h,
        30 days; Go durations such as 336h, or days such as 14d)
  -all
        review every managed resource, also those the plan deletes,
        forgets or leaves unchanged (default: created, updated, replaced,
        imported and moved ones; a state: every resource)
  -label NAME
        label the plans in order (repeat it: the first -label names the
        first plan; default: the plan's file name)
  -catalog FILE
        a custom catalog (JSON or YAML) merged on top of the built-in one,
        as the provider's catalog argument
  -agreement NAME
        apply the agreement NAME of the plan's srm provider configuration
        (its values must be literals)

Exit status: 0 reviewed (an empty plan passes); 2 with -gate when the gate
fails; 1 bad input or usage, or a plan that Terraform did not finish
(errored or incomplete: the report says so, and it never passes).
`

// env is what a review takes from its surroundings; tests replace it.
type env struct {
	now        func() time.Time
	getenv     func(string) string
	isTerminal func(io.Writer) bool
	readFile   func(string) ([]byte, error)
	// memoryLimit is told how many bytes of plans the run has read.
	memoryLimit func(read int)
}

// boundMemory keeps the process within about three times the plans' size:
// the Go runtime otherwise lets the heap grow to twice what is live, and
// the review's live data is about twice the plan while it decodes. The
// limit leaves room for what the process holds whatever the plan (about
// 24 MiB: the binary, the catalog) and is at least 64 MiB. It is a soft
// limit: the collector works harder near it, and never fails the review.
func boundMemory(read int) {
	debug.SetMemoryLimit(max(64<<20, 3*int64(read)-24<<20))
}

// Run runs `terraform-provider-srm review ARGS`; args excludes "review".
// It returns the exit status.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return run(args, stdin, stdout, stderr, env{now: time.Now, getenv: os.Getenv, isTerminal: isTerminal, readFile: os.ReadFile,
		memoryLimit: boundMemory})
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer, e env) (status int) {
	fail := func(err error) int {
		msg := strings.Join(strings.Fields(err.Error()), " ")
		fmt.Fprintf(stderr, "terraform-provider-srm review: %s\n", msg)
		return ExitBadInput
	}
	defer func() {
		if r := recover(); r != nil {
			status = fail(fmt.Errorf("internal error, please report it: %v", r))
		}
	}()

	fs := flag.NewFlagSet("review", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "text", "")
	gate := fs.Bool("gate", false, "")
	all := fs.Bool("all", false, "")
	catalogFile := fs.String("catalog", "", "")
	agreement := fs.String("agreement", "", "")
	allowUnknown := fs.Bool("allow-unknown", false, "")
	trust := fs.String("trusted-acceptances", TrustPlan, "")
	expiry := fs.String("expiry-warning", "", "")
	var labels labelList
	fs.Var(&labels, "label", "")
	// Flags may follow the file name too: parse up to each positional
	// argument and go on after it.
	var positional []string
	for rest := args; ; {
		if err := fs.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				_, _ = io.WriteString(stdout, usage)
				return ExitOK
			}
			return fail(fmt.Errorf("%v (see terraform-provider-srm review -h)", err))
		}
		if fs.NArg() == 0 {
			break
		}
		positional = append(positional, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	switch *format {
	case "text", "markdown", "json", "oscal", "junit":
	default:
		return fail(fmt.Errorf("unknown -format %q: use text, markdown, json, oscal or junit", *format))
	}
	if *trust != TrustPlan && *trust != TrustPrior {
		return fail(fmt.Errorf("unknown -trusted-acceptances %q: use plan or prior", *trust))
	}
	expiryWarning := DefaultExpiryWarning
	if *expiry != "" {
		d, err := parseDuration(*expiry)
		if err != nil {
			return fail(err)
		}
		expiryWarning = d
	}
	if len(positional) == 0 {
		return fail(errors.New("missing the plan: pass the JSON of terraform show -json PLANFILE as a file, or - to read standard input (see -h)"))
	}
	inputs, multi, err := planInputs(positional, labels)
	if err != nil {
		return fail(err)
	}
	opts := Options{All: *all, Agreement: *agreement, Now: e.now(), Trust: *trust, AllowUnknown: *allowUnknown,
		ExpiryWarning: expiryWarning}
	var plans []labelledReport
	read := 0
	for _, in := range inputs {
		rep, err := reviewInput(in, stdin, *catalogFile, opts, e, &read)
		if err != nil {
			if multi {
				err = fmt.Errorf("%s: %w", in.label, err)
			}
			return fail(err)
		}
		plans = append(plans, labelledReport{label: in.label, Report: rep})
	}
	for _, p := range plans {
		if *format == "text" || p.Unfinished != "" {
			// The text report shows the notes and warnings itself; the
			// others go to files and comments, so the CI log says them
			// too. A plan Terraform did not finish gets its one line only.
			continue
		}
		prefix := "terraform-provider-srm review: "
		if multi {
			prefix += p.label + ": "
		}
		for _, n := range p.Notes {
			fmt.Fprintf(stderr, "%snote: %s\n", prefix, n)
		}
		for _, w := range p.Warnings() {
			fmt.Fprintf(stderr, "%swarning: %s\n", prefix, w)
		}
	}
	colour := e.isTerminal(stdout) && e.getenv("NO_COLOR") == ""
	if multi {
		err = writeReports(stdout, *format, plans, colour)
	} else {
		rep := plans[0].Report
		switch *format {
		case "json":
			err = rep.WriteJSON(stdout)
		case "markdown":
			err = rep.WriteMarkdown(stdout)
		case "oscal":
			err = rep.WriteOSCAL(stdout)
		case "junit":
			err = rep.WriteJUnit(stdout)
		default:
			err = rep.WriteText(stdout, colour)
		}
	}
	if err != nil {
		return fail(err)
	}
	status = ExitOK
	for _, p := range plans {
		g := p.Gate()
		if g.Unfinished != "" {
			prefix := "terraform-provider-srm review: "
			if multi {
				prefix += p.label + ": "
			}
			fmt.Fprintf(stderr, "%s%s: not reviewed as passing (run terraform plan again and fix its errors)\n", prefix, g.Unfinished)
		}
		switch st := g.exitStatus(*gate); {
		case st == ExitBadInput:
			status = ExitBadInput
		case st == ExitGate && status == ExitOK:
			status = ExitGate
		}
	}
	return status
}

// planInput is one plan of a run: a file, or standard input ("-").
type planInput struct{ path, label string }

// planInputs expands the arguments into the plans of the run: each file
// argument, every *.json file of a folder argument (sorted), and "-" for
// standard input. A run is multi (one section per plan, JSON with plans)
// when it names more than one plan or any folder, so that its output's
// shape never depends on how many files a folder holds. Labels name the
// plans in order; the others are labelled by their file names.
func planInputs(args, labels []string) ([]planInput, bool, error) {
	var out []planInput
	multi := len(args) > 1
	stdin := 0
	for _, a := range args {
		if a == "-" {
			stdin++
			out = append(out, planInput{path: "-", label: "stdin"})
			continue
		}
		if fi, err := os.Stat(a); err == nil && fi.IsDir() {
			multi = true
			files, err := filepath.Glob(filepath.Join(a, "*.json"))
			if err != nil {
				return nil, false, fmt.Errorf("cannot list the plans of %s: %v", a, err)
			}
			if len(files) == 0 {
				return nil, false, fmt.Errorf("the folder %s holds no *.json plan", a)
			}
			sort.Strings(files)
			for _, f := range files {
				out = append(out, planInput{path: f, label: filepath.Base(f)})
			}
			continue
		}
		out = append(out, planInput{path: a, label: filepath.Base(a)})
	}
	if stdin > 1 {
		return nil, false, errors.New("standard input (-) can be read once: name the other plans by file")
	}
	if len(labels) > len(out) {
		return nil, false, fmt.Errorf("%d -label flags for %d plans: give at most one label per plan, in the plans' order", len(labels), len(out))
	}
	for i, l := range labels {
		out[i].label = l
	}
	seen := map[string]string{}
	for i := range out {
		if prev, dup := seen[out[i].label]; dup {
			if len(labels) > i {
				return nil, false, fmt.Errorf("two plans are labelled %q: give each a different -label", out[i].label)
			}
			// Same file name in two folders: label by path.
			out[i].label = out[i].path
			if prev == out[i].path {
				return nil, false, fmt.Errorf("the plan %s is named twice", out[i].path)
			}
		}
		seen[out[i].label] = out[i].path
	}
	return out, multi, nil
}

// reviewInput reads, decodes and reviews one plan.
func reviewInput(in planInput, stdin io.Reader, catalogFile string, opts Options, e env, read *int) (*Report, error) {
	var data []byte
	var err error
	if in.path == "-" {
		data, err = io.ReadAll(stdin)
		if err != nil {
			return nil, fmt.Errorf("cannot read standard input: %v", err)
		}
	} else if data, err = e.readFile(in.path); err != nil {
		return nil, fmt.Errorf("cannot read the plan: %v", err)
	}
	*read += len(data)
	e.memoryLimit(*read)
	doc, k, err := parseDocument(data)
	if err != nil {
		return nil, err
	}
	cat, note, err := reviewCatalog(catalogFile, doc, e)
	if err != nil {
		return nil, err
	}
	engine, err := engineFor(cat, doc, opts.Agreement)
	if err != nil {
		return nil, err
	}
	rep := reviewDocument(doc, k, engine, opts)
	if note != "" {
		rep.Notes = append(rep.Notes, note)
	}
	return rep, nil
}

// parseDuration reads -expiry-warning: a Go duration ("720h") or a number
// of days ("30d").
func parseDuration(s string) (time.Duration, error) {
	if days, ok := strings.CutSuffix(s, "d"); ok {
		if n, err := strconv.Atoi(days); err == nil && n >= 0 {
			return time.Duration(n) * 24 * time.Hour, nil
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("invalid -expiry-warning %q: use a duration such as 720h or a number of days such as 30d", s)
	}
	return d, nil
}

// reviewCatalog returns the catalog of the review: the built-in one, merged
// with -catalog FILE, or with the plan's srm provider catalog when it is a
// literal. A catalog the review cannot read from the plan is a note.
func reviewCatalog(file string, doc *document, e env) (*srm.Catalog, string, error) {
	text, from := "", ""
	if file != "" {
		b, err := e.readFile(file)
		if err != nil {
			return nil, "", fmt.Errorf("cannot read the catalog: %v", err)
		}
		text, from = string(b), file
	}
	note := ""
	if pc := srmProvider(doc); file == "" && pc != nil {
		if _, set := pc.Expressions["catalog"]; set {
			s, err := literalString(pc.Expressions, "catalog", "srm provider configuration")
			if err == nil && s != "" {
				text, from = s, "the plan's srm provider configuration"
			} else {
				note = "the plan's srm provider configuration sets a catalog the review cannot read from the plan (not a literal): " +
					"the built-in catalog is used; pass the same file with -catalog FILE"
			}
		}
	}
	if text == "" {
		c, err := srm.Builtin()
		return c, note, err
	}
	doc2, probs := srm.ParseDocument(srm.CustomDocumentName, text)
	if len(probs) == 0 {
		c, err := srm.WithCustom(doc2)
		if err == nil {
			return c, note, nil
		}
		ps, ok := err.(srm.Problems)
		if !ok {
			return nil, "", fmt.Errorf("invalid catalog (%s): %v", from, err)
		}
		probs = ps
	}
	p := probs[0]
	more := ""
	if len(probs) > 1 {
		more = fmt.Sprintf(" (and %d more problems)", len(probs)-1)
	}
	return nil, "", fmt.Errorf("invalid catalog (%s): at %s of the %s document: %s%s", from, p.Path, p.Document, p.Message, more)
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
