// Copyright (c) The terraform-provider-srm authors
// SPDX-License-Identifier: MPL-2.0

package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os/exec"
	"strconv"
	"strings"
)

// gitSource reads the files of the newest commit (HEAD) of a repository
// through git, so that a checkout and a bare mirror read alike and what is
// read is what the provenance names (uncommitted edits of a checkout are not
// read).
type gitSource struct {
	dir string
}

// openSource returns the repository at dir with its HEAD commit and the
// commit's date, after checking that HEAD has marker (a file or folder that
// every commit of repository has): a wrong folder fails here, naming it.
func openSource(dir, marker, repository string) (src gitSource, commit, date string, err error) {
	src = gitSource{dir}
	if !src.has(marker) {
		return src, "", "", fmt.Errorf("%s has no %s at HEAD: not a checkout or mirror of %s", dir, marker, repository)
	}
	commit, date, err = gitProvenance(dir)
	return src, commit, date, err
}

// files lists the paths under dir (a folder of the repository, "" for all),
// recursively.
func (g gitSource) files(under string) ([]string, error) {
	args := []string{"-C", g.dir, "ls-tree", "-r", "-z", "--name-only", "HEAD"}
	if under != "" {
		args = append(args, "--", strings.TrimSuffix(under, "/")+"/")
	}
	out, err := exec.Command("git", args...).Output()
	if err != nil {
		return nil, fmt.Errorf("git ls-tree in %s: %w", g.dir, gitErr(err))
	}
	var paths []string
	for _, p := range strings.Split(string(out), "\x00") {
		if p != "" {
			paths = append(paths, p)
		}
	}
	return paths, nil
}

// has reports whether the repository's HEAD has a folder or file at path.
func (g gitSource) has(path string) bool {
	return exec.Command("git", "-C", g.dir, "cat-file", "-e", "HEAD:"+path).Run() == nil
}

// read returns the contents of the given paths at HEAD, in one git process.
func (g gitSource) read(paths []string) (map[string][]byte, error) {
	cmd := exec.Command("git", "-C", g.dir, "cat-file", "--batch")
	var in bytes.Buffer
	for _, p := range paths {
		in.WriteString("HEAD:" + p + "\n")
	}
	cmd.Stdin = &in
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("git cat-file in %s: %w", g.dir, err)
	}
	r := bufio.NewReader(stdout)
	contents := make(map[string][]byte, len(paths))
	var readErr error
	for _, p := range paths {
		header, err := r.ReadString('\n')
		if err != nil {
			readErr = fmt.Errorf("git cat-file in %s: reading %s: %w", g.dir, p, err)
			break
		}
		fields := strings.Fields(header)
		if len(fields) != 3 {
			readErr = fmt.Errorf("git cat-file in %s: %s: %s", g.dir, p, strings.TrimSpace(header))
			break
		}
		size, err := strconv.Atoi(fields[2])
		if err != nil {
			readErr = fmt.Errorf("git cat-file in %s: %s: bad size in %q", g.dir, p, strings.TrimSpace(header))
			break
		}
		b := make([]byte, size+1) // the content and its trailing newline
		if _, err := io.ReadFull(r, b); err != nil {
			readErr = fmt.Errorf("git cat-file in %s: reading %s: %w", g.dir, p, err)
			break
		}
		contents[p] = b[:size]
	}
	_, _ = io.Copy(io.Discard, r)
	if err := cmd.Wait(); err != nil && readErr == nil {
		readErr = fmt.Errorf("git cat-file in %s: %w: %s", g.dir, err, strings.TrimSpace(stderr.String()))
	}
	return contents, readErr
}

// readOne returns the content of one path at HEAD.
func (g gitSource) readOne(path string) ([]byte, error) {
	m, err := g.read([]string{path})
	if err != nil {
		return nil, err
	}
	return m[path], nil
}

// gitErr adds git's own message to the error of a failed git command.
func gitErr(err error) error {
	if ee, ok := err.(*exec.ExitError); ok && len(ee.Stderr) > 0 {
		return fmt.Errorf("%w: %s", err, strings.TrimSpace(string(ee.Stderr)))
	}
	return err
}
