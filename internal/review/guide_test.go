// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// guide is the generated guide whose CI jobs run the review.
var guide = filepath.Join("..", "..", "docs", "guides", "reviewing-plans-in-ci.md")

var reviewCall = regexp.MustCompile(`(?:"\$srm"|terraform-provider-srm) review ([^>|'\n]*) plan\.json`)

// The review commands of the README and the guides parse and review.
func TestDocumentedReviewCommands(t *testing.T) {
	for _, file := range []string{filepath.Join("..", "..", "README.md"), guide,
		filepath.Join("..", "..", "docs", "guides", "reviewing-plans-and-gating-applies.md")} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		calls := reviewCall.FindAllStringSubmatch(string(data), -1)
		if len(calls) == 0 && !strings.Contains(file, "gating") {
			t.Errorf("%s: no review command found", file)
		}
		for _, c := range calls {
			args := append(strings.Fields(c[1]), modulesPlan)
			if status, out, stderr := runReview(t, "", args...); status == ExitBadInput || out == "" {
				t.Errorf("%s: review %s: exit %d: %s", file, c[1], status, stderr)
			}
		}
	}
}

// The CI jobs of the guide: every review they run parses and reviews, the
// comment they look for starts with the report's marker line, and the
// GitHub workflow passes actionlint when it is installed (make tools).
func TestGuideCIJobs(t *testing.T) {
	data, err := os.ReadFile(guide)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	calls := reviewCall.FindAllStringSubmatch(doc, -1)
	if len(calls) < 3 {
		t.Fatalf("found %d review commands in the guide's jobs, want at least 3", len(calls))
	}
	for _, c := range calls {
		args := append(strings.Fields(c[1]), modulesPlan)
		status, out, stderr := runReview(t, "", args...)
		if status == ExitBadInput || out == "" {
			t.Errorf("review %s: exit %d: %s", c[1], status, stderr)
		}
	}
	if n := strings.Count(doc, MarkdownMarker); n < 3 {
		t.Errorf("the guide names the marker line %q %d times, want the GitHub and GitLab jobs to look for it", MarkdownMarker, n)
	}
	blocks := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindAllStringSubmatch(doc, -1)
	var workflow string
	for _, b := range blocks {
		if strings.HasPrefix(b[1], "name: plan\n") {
			workflow = b[1]
		}
	}
	if workflow == "" || strings.Contains(workflow, `{{ "{{" }}`) || !strings.Contains(workflow, "${{ github.token }}") {
		t.Fatalf("the GitHub workflow is missing or not rendered:\n%s", workflow)
	}
	actionlint, err := filepath.Abs(filepath.Join("..", "..", ".tools", "bin", "actionlint"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(actionlint); err != nil {
		t.Skip("actionlint is not installed (make tools): the workflow is not linted")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, ".github", "workflows", "plan.yml")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(workflow), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(actionlint, "-shellcheck=", "-pyflakes=", path)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Errorf("actionlint: %v\n%s", err, out)
	}
}

// The guide's commands for several plans run: its file names stand for
// the test plans, its folder for testdata/plans.
func TestGuideSeveralPlans(t *testing.T) {
	data, err := os.ReadFile(guide)
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "## Several plans, one report")
	if !ok {
		t.Fatal("the guide has no section on several plans")
	}
	block := regexp.MustCompile("(?s)```shell\n(.*?)```").FindStringSubmatch(section)
	if block == nil {
		t.Fatal("the section has no shell block")
	}
	plans := []string{modulesPlan, filepath.Join("testdata", "plans", "cloud.json")}
	n := 0
	for _, line := range strings.Split(block[1], "\n") {
		cmd, _, _ := strings.Cut(line, ">")
		fields := strings.Fields(cmd)
		if len(fields) < 2 || fields[1] != "review" {
			continue
		}
		var args []string
		files := 0
		for _, f := range fields[2:] {
			switch {
			case strings.HasSuffix(f, ".json"):
				f = plans[files%len(plans)]
				files++
			case strings.HasSuffix(f, "/"):
				f = filepath.Join("testdata", "plans")
			}
			args = append(args, f)
		}
		n++
		if status, out, stderr := runReview(t, "", args...); status == ExitBadInput || out == "" {
			t.Errorf("%s: exit %d: %s", line, status, stderr)
		}
	}
	if n < 2 {
		t.Errorf("found %d review commands in the section, want 2", n)
	}
}
