// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

// Command planbench measures whole-process plan and apply times of N
// instances of srm's data source and resource against the in-core floor
// (terraform_data), the framework's floor (floor_echo, a data source that
// returns its one string argument, built from ./floorprovider) and a peer
// provider built on the same framework (hashicorp/time's time_static), under
// Terraform and OpenTofu. It samples the peak RSS of the provider processes,
// weighs the state each instance leaves after apply, and prints Markdown
// tables. Run it through `make bench`.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/shared-responsibility/terraform-provider-srm/internal/srm"
)

// kind is one configuration measured at N instances.
type kind struct {
	name   string
	config func(n int) string
	// process is the provider process whose peak RSS is reported.
	process string
}

const srmRequired = `terraform {
  required_providers {
    srm = { source = "shared-responsibility/srm" }
  }
}
`

var kinds = []kind{
	{name: "empty", config: func(int) string { return "" }},
	{name: "terraform_data", config: func(n int) string {
		return fmt.Sprintf("resource \"terraform_data\" \"x\" {\n  count = %d\n  input = count.index\n}\n", n)
	}},
	{name: "time_static", process: "terraform-provider-time", config: func(n int) string {
		return "terraform {\n  required_providers {\n    time = { source = \"hashicorp/time\" }\n  }\n}\n" +
			fmt.Sprintf("resource \"time_static\" \"x\" {\n  count = %d\n}\n", n)
	}},
	{name: "floor_echo", process: "terraform-provider-floor", config: func(n int) string {
		return "terraform {\n  required_providers {\n    floor = { source = \"planbench/floor\" }\n  }\n}\n" +
			fmt.Sprintf("data \"floor_echo\" \"x\" {\n  count = %d\n  input = \"aws_db_instance.r${count.index}\"\n}\n", n)
	}},
	{name: "floor_wide", process: "terraform-provider-floor", config: func(n int) string {
		return "terraform {\n  required_providers {\n    floor = { source = \"planbench/floor\" }\n  }\n}\n" +
			fmt.Sprintf("data \"floor_wide\" \"x\" {\n  count            = %d\n  resource_type    = \"aws_db_instance\"\n  resource_address = \"aws_db_instance.r${count.index}\"\n}\n", n)
	}},
	{name: "srm_responsibility", process: "terraform-provider-srm", config: func(n int) string {
		return srmRequired + fmt.Sprintf("data \"srm_responsibility\" \"x\" {\n  count            = %d\n  resource_type    = \"aws_db_instance\"\n  resource_address = \"aws_db_instance.r${count.index}\"\n}\n", n)
	}},
	// Every instance accepts a different set of obligations: instance i
	// accepts the obligations at the set bits of i+1.
	{name: "srm_responsibility_distinct", process: "terraform-provider-srm", config: func(n int) string {
		return srmRequired + fmt.Sprintf(`locals {
  ids = %s
}
data "srm_responsibility" "x" {
  count                = %d
  resource_type        = "aws_db_instance"
  resource_address     = "aws_db_instance.r${count.index}"
  accepted_obligations = [for j, id in local.ids : id if floor((count.index + 1) / pow(2, j)) %% 2 == 1]
}
`, hclList(obligationIDs("aws_db_instance")), n)
	}},
	{name: "srm_obligation_acceptance", process: "terraform-provider-srm", config: func(n int) string {
		return srmRequired + fmt.Sprintf(`resource "srm_obligation_acceptance" "x" {
  count            = %d
  resource_address = "aws_db_instance.r${count.index}"
  resource_type    = "aws_db_instance"
  obligations      = ["data_protection.encrypt_at_rest", "accounts_and_access.enforce_mfa"]
  accepted_by      = "team-bench"
}
`, n)
	}},
}

// obligationIDs are the customer obligations of a resource type in the
// built-in catalog.
func obligationIDs(resourceType string) []string {
	r, err := (&srm.Engine{Catalog: srm.MustBuiltin()}).Resolve(srm.Request{ResourceType: resourceType})
	if err != nil {
		log.Fatal(err)
	}
	return r.CustomerObligationIDs()
}

func hclList(items []string) string {
	b, _ := json.Marshal(items)
	return string(b)
}

type key struct {
	cli, kind, op string
	n             int
}

func main() {
	terraform := flag.String("terraform", "", "path of the Terraform CLI")
	tofu := flag.String("tofu", "", "path of the OpenTofu CLI")
	cliConfig := flag.String("cli-config", "", "CLI configuration with dev_overrides for shared-responsibility/srm and hashicorp/time")
	ns := flag.String("n", "100,1000,5000", "instance counts")
	runs := flag.Int("runs", 5, "runs per measurement (the median is reported)")
	applyMax := flag.Int("apply-max", 0, "largest N to apply as well as plan (0: every N)")
	quick := flag.Bool("quick", false, "smoke mode: N=10, one run")
	only := flag.String("kinds", "", "comma-separated kinds to measure (default: all); the empty configuration is always measured")
	out := flag.String("out", "", "also write the Markdown table to this file")
	flag.Parse()
	if *cliConfig == "" || (*terraform == "" && *tofu == "") {
		log.Fatal("need -cli-config and at least one of -terraform and -tofu")
	}
	counts := parseCounts(*ns)
	selected := selectKinds(*only)
	if *quick {
		counts, *runs = []int{10}, 1
	}
	clis := map[string]string{}
	var cliOrder []string
	for name, p := range map[string]string{"terraform": *terraform, "tofu": *tofu} {
		if p != "" {
			clis[name] = p
		}
	}
	for _, name := range []string{"terraform", "tofu"} {
		if clis[name] != "" {
			cliOrder = append(cliOrder, name)
		}
	}
	work, err := os.MkdirTemp("", "planbench")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(work)
	*cliConfig = withFloor(*cliConfig, work)

	samples := map[key][]time.Duration{}
	peak := map[key]int64{}
	state := map[key]stateSize{}
	for _, cli := range cliOrder {
		for _, n := range counts {
			dirs := map[string]string{}
			for _, k := range selected {
				dir := filepath.Join(work, fmt.Sprintf("%s-%d-%s", cli, n, k.name))
				must(os.MkdirAll(dir, 0o755))
				must(os.WriteFile(filepath.Join(dir, "main.tf"), []byte(k.config(n)), 0o644))
				dirs[k.name] = dir
			}
			// Runs alternate between kinds, so that drift of the machine
			// spreads over every kind alike.
			for r := 0; r < *runs; r++ {
				for _, k := range selected {
					for _, op := range []string{"plan", "apply"} {
						if op == "apply" && *applyMax > 0 && n > *applyMax {
							continue
						}
						_ = os.Remove(filepath.Join(dirs[k.name], "terraform.tfstate"))
						var rss int64
						id := key{cli, k.name, op, n}
						samples[id] = append(samples[id], run(clis[cli], *cliConfig, dirs[k.name], op, k.process, &rss))
						if k.process != "" {
							peak[id] = max(peak[id], rss)
						}
						if op == "apply" && r == 0 {
							state[id] = weighState(filepath.Join(dirs[k.name], "terraform.tfstate"))
						}
					}
				}
				fmt.Fprintf(os.Stderr, "%s N=%d run %d/%d done\n", cli, n, r+1, *runs)
			}
		}
	}
	table := render(cliOrder, counts, *runs, selected, samples, peak, state, versions(clis, cliOrder, *cliConfig))
	fmt.Print(table)
	if *out != "" {
		must(os.WriteFile(*out, []byte(table), 0o644))
	}
}

// selectKinds returns the kinds named in a comma-separated list, in table
// order, with the empty configuration first; all of them for "".
func selectKinds(names string) []kind {
	if names == "" {
		return kinds
	}
	want := map[string]bool{"empty": true}
	for _, n := range strings.Split(names, ",") {
		want[strings.TrimSpace(n)] = true
	}
	var out []kind
	for _, k := range kinds {
		if want[k.name] {
			out = append(out, k)
			delete(want, k.name)
		}
	}
	for n := range want {
		log.Fatalf("unknown kind %q in -kinds", n)
	}
	return out
}

// withFloor builds the floor provider into work and returns a CLI
// configuration that serves it next to the given configuration's
// dev_overrides.
func withFloor(cliConfig, work string) string {
	dir := filepath.Join(work, "floor")
	cmd := exec.Command("go", "build", "-o", filepath.Join(dir, "terraform-provider-floor"), "./internal/cmd/planbench/floorprovider")
	if out, err := cmd.CombinedOutput(); err != nil {
		log.Fatalf("building the floor provider (run planbench from the repository root): %v\n%s", err, out)
	}
	b, err := os.ReadFile(cliConfig)
	must(err)
	text, n := string(b), strings.Count(string(b), "dev_overrides {")
	if n != 1 {
		log.Fatalf("%s: want one dev_overrides block, found %d", cliConfig, n)
	}
	text = strings.Replace(text, "dev_overrides {", fmt.Sprintf("dev_overrides {\n    \"planbench/floor\" = %q", dir), 1)
	out := filepath.Join(work, "cli.tfrc")
	must(os.WriteFile(out, []byte(text), 0o644))
	return out
}

// stateSize is what the instances of one configuration weigh in state.
type stateSize struct {
	// file is the state file's size in bytes, as the CLI writes it.
	file int64
	// attributes is the sum over instances of their attributes as compact
	// JSON, the part of the state that is the provider's answer.
	attributes int64
	instances  int
}

func weighState(file string) stateSize {
	b, err := os.ReadFile(file)
	if err != nil {
		return stateSize{}
	}
	var st struct {
		Resources []struct {
			Instances []struct {
				Attributes json.RawMessage `json:"attributes"`
			} `json:"instances"`
		} `json:"resources"`
	}
	must(json.Unmarshal(b, &st))
	out := stateSize{file: int64(len(b))}
	for _, r := range st.Resources {
		for _, in := range r.Instances {
			var compact bytes.Buffer
			must(json.Compact(&compact, in.Attributes))
			out.attributes += int64(compact.Len())
			out.instances++
		}
	}
	return out
}

func parseCounts(s string) []int {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			log.Fatalf("bad -n %q", s)
		}
		out = append(out, n)
	}
	return out
}

// run times one plan or apply and samples the peak RSS of the named
// provider process while it runs.
func run(cli, cliConfig, dir, op, process string, peak *int64) time.Duration {
	args := []string{op, "-input=false", "-lock=false", "-no-color"}
	if op == "plan" {
		args = append(args, "-refresh=false")
	} else {
		args = append(args, "-auto-approve")
	}
	cmd := exec.Command(cli, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+cliConfig, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
	var stop chan struct{}
	var wg sync.WaitGroup
	if process != "" {
		stop = make(chan struct{})
		wg.Add(1)
		go func() { defer wg.Done(); *peak = pollPeakRSS(process, stop) }()
	}
	start := time.Now()
	outb, err := cmd.CombinedOutput()
	d := time.Since(start)
	if stop != nil {
		close(stop)
		wg.Wait()
	}
	if err != nil {
		log.Fatalf("%s %s in %s: %v\n%s", filepath.Base(cli), op, dir, err, outb)
	}
	return d
}

// pollPeakRSS returns the largest VmHWM (KiB) seen of processes whose
// executable name starts with name, until stop closes.
func pollPeakRSS(name string, stop <-chan struct{}) int64 {
	var peak int64
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		peak = max(peak, scanRSS(name))
		select {
		case <-stop:
			return peak
		case <-t.C:
		}
	}
}

func scanRSS(name string) int64 {
	if runtime.GOOS != "linux" {
		return 0
	}
	entries, _ := os.ReadDir("/proc")
	var peak int64
	for _, e := range entries {
		if _, err := strconv.Atoi(e.Name()); err != nil {
			continue
		}
		exe, err := os.Readlink(filepath.Join("/proc", e.Name(), "exe"))
		if err != nil || !strings.HasPrefix(filepath.Base(exe), name) {
			continue
		}
		peak = max(peak, vmHWM(filepath.Join("/proc", e.Name(), "status")))
	}
	return peak
}

func vmHWM(status string) int64 {
	f, err := os.Open(status)
	if err != nil {
		return 0
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "VmHWM:"); ok {
			fields := strings.Fields(rest)
			if len(fields) > 0 {
				v, _ := strconv.ParseInt(fields[0], 10, 64)
				return v
			}
		}
	}
	return 0
}

func versions(clis map[string]string, order []string, cliConfig string) []string {
	var out []string
	for _, name := range order {
		cmd := exec.Command(clis[name], "version")
		// A CLI configuration that does not exist makes OpenTofu print a
		// warning before its version.
		cmd.Env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+cliConfig)
		b, _ := cmd.Output()
		line, _, _ := strings.Cut(string(b), "\n")
		out = append(out, strings.TrimSpace(line))
	}
	return out
}

func machine() string {
	mem := ""
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		line, _, _ := strings.Cut(string(b), "\n")
		mem = strings.Join(strings.Fields(line)[1:], " ")
	}
	return fmt.Sprintf("%d cores, %s memory", runtime.NumCPU(), mem)
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
