// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// gitRepo commits the files of testdata/<dir> into a new repository and
// returns its path; with bare, a bare clone of it (as a mirror is).
func gitRepo(t *testing.T, dir string, bare bool) string {
	t.Helper()
	work := filepath.Join(t.TempDir(), "work")
	if err := os.CopyFS(work, os.DirFS(filepath.Join("testdata", dir))); err != nil {
		t.Fatal(err)
	}
	git := func(dir string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=test", "-c", "user.email=test@example.com",
			"-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_DATE=2026-08-21T10:00:00Z", "GIT_COMMITTER_DATE=2026-08-21T10:00:00Z")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git(work, "init", "-q")
	git(work, "add", "-A")
	git(work, "commit", "-q", "-m", "testdata")
	if !bare {
		return work
	}
	mirror := filepath.Join(t.TempDir(), "mirror.git")
	git(work, "clone", "-q", "--bare", work, mirror)
	return mirror
}
