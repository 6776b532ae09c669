// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package review

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// cliWork is a working directory in which a real CLI (TF_ACC_TERRAFORM_PATH)
// plans and applies with the provider built from this module, served
// through dev_overrides: no init, no registry.
type cliWork struct {
	t *testing.T
	// cli is "terraform" or "tofu"; path the binary.
	cli, path string
	dir       string
	env       []string
}

// newCLIWork skips the test unless TF_ACC and TF_ACC_TERRAFORM_PATH are
// set, builds the provider and copies the files (name → content) into a
// new working directory. modules lists the local module calls (name →
// directory), for the manifest that init would write.
func newCLIWork(t *testing.T, files map[string]string, modules map[string]string) *cliWork {
	t.Helper()
	skipWithoutCLI(t)
	pluginDir := filepath.Join(t.TempDir(), "plugins")
	build := exec.Command("go", "build", "-o", filepath.Join(pluginDir, "terraform-provider-srm"), "../..")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return newCLIWorkServing(t, map[string]string{"shared-responsibility/srm": pluginDir}, files, modules)
}

// skipWithoutCLI skips the test unless TF_ACC and TF_ACC_TERRAFORM_PATH
// are set.
func skipWithoutCLI(t *testing.T) {
	t.Helper()
	if os.Getenv("TF_ACC") == "" || os.Getenv("TF_ACC_TERRAFORM_PATH") == "" {
		t.Skip("set TF_ACC=1 and TF_ACC_TERRAFORM_PATH to build plans with a real CLI")
	}
}

// newCLIWorkServing is newCLIWork with the providers of overrides (source
// → directory of its binary) served through dev_overrides instead.
func newCLIWorkServing(t *testing.T, overrides, files, modules map[string]string) *cliWork {
	t.Helper()
	skipWithoutCLI(t)
	cliPath := os.Getenv("TF_ACC_TERRAFORM_PATH")
	w := &cliWork{t: t, cli: "terraform", path: cliPath}
	if strings.Contains(filepath.Base(cliPath), "tofu") {
		w.cli = "tofu"
	}
	tmp := t.TempDir()
	var served strings.Builder
	for _, source := range slices.Sorted(maps.Keys(overrides)) {
		served.WriteString("    \"" + source + "\" = \"" + overrides[source] + "\"\n")
	}
	cliConfig := filepath.Join(tmp, "dev.tfrc")
	w.write(cliConfig, "provider_installation {\n  dev_overrides {\n"+served.String()+"  }\n  direct {}\n}\n")
	w.env = append(os.Environ(), "TF_CLI_CONFIG_FILE="+cliConfig, "TF_IN_AUTOMATION=1", "CHECKPOINT_DISABLE=1")
	w.dir = filepath.Join(tmp, "work")
	for name, content := range files {
		w.write(filepath.Join(w.dir, name), content)
	}
	manifest := `{"Modules":[{"Key":"","Source":"","Dir":"."}`
	for name, dir := range modules {
		manifest += `,{"Key":"` + name + `","Source":"./` + dir + `","Dir":"` + dir + `"}`
	}
	w.write(filepath.Join(w.dir, ".terraform", "modules", "modules.json"), manifest+"]}")
	return w
}

// newCLIWorkFrom is newCLIWork with the files of a testdata directory.
func newCLIWorkFrom(t *testing.T, src string, modules map[string]string) *cliWork {
	t.Helper()
	return newCLIWork(t, readTree(t, src), modules)
}

// readTree reads the files below root (relative name → content).
func readTree(t *testing.T, root string) map[string]string {
	t.Helper()
	files := map[string]string{}
	if err := filepathWalkFiles(root, func(rel string, data []byte) { files[rel] = string(data) }); err != nil {
		t.Fatal(err)
	}
	return files
}

func filepathWalkFiles(root string, f func(rel string, data []byte)) error {
	return filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		f(rel, data)
		return nil
	})
}

func (w *cliWork) write(path, content string) {
	w.t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		w.t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		w.t.Fatal(err)
	}
}

// run runs the CLI in the working directory and returns its stdout, its
// stderr and its error.
func (w *cliWork) run(args ...string) ([]byte, string, error) {
	cmd := exec.Command(w.path, args...)
	cmd.Dir = w.dir
	cmd.Env = w.env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	return out, stderr.String(), err
}

// must runs the CLI and fails the test when it fails.
func (w *cliWork) must(args ...string) []byte {
	w.t.Helper()
	out, stderr, err := w.run(args...)
	if err != nil {
		w.t.Fatalf("%s %s: %v\n%s\n%s", w.cli, strings.Join(args, " "), err, out, stderr)
	}
	return out
}

// planJSON plans into a plan file (the plan may fail: Terraform still
// writes an errored plan) and returns the JSON of terraform show -json.
func (w *cliWork) planJSON(args ...string) []byte {
	w.t.Helper()
	_ = os.Remove(filepath.Join(w.dir, "plan.tfplan"))
	_, stderr, err := w.run(append([]string{"plan", "-input=false", "-no-color", "-out", "plan.tfplan"}, args...)...)
	if _, statErr := os.Stat(filepath.Join(w.dir, "plan.tfplan")); statErr != nil {
		w.t.Fatalf("%s plan wrote no plan file (%v):\n%s", w.cli, err, stderr)
	}
	return w.must("show", "-json", "plan.tfplan")
}

// saveJSON writes indented JSON to dir/name (testdata with -update, else
// a temporary directory) and returns its path.
func saveJSON(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var pretty bytes.Buffer
	if err := json.Indent(&pretty, data, "", " "); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, pretty.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
