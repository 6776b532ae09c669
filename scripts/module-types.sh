#!/usr/bin/env bash
# Counts the resource blocks per type in every *.tf file of a Terraform module repository at one commit, as rows
# of internal/srm/testdata/module_types*.csv: repo,commit,path,type,count. Files under examples/, example/,
# test/, tests/, testdata/, fixtures/, wrappers/ and .terraform/ (at any depth) are left out: they are not part
# of the module.
#
#   scripts/module-types.sh OWNER/NAME GIT_DIR [COMMIT]
#
# GIT_DIR is a clone (bare or not) of github.com/OWNER/NAME; COMMIT defaults to its HEAD.
set -euo pipefail
repo=$1 gitdir=$2
commit=$(git -C "$gitdir" rev-parse "${3:-HEAD}^{commit}")
git -C "$gitdir" ls-tree -r --name-only "$commit" |
  { grep -E '\.tf$' || true; } |
  { grep -Ev '(^|/)(examples?|tests?|testdata|fixtures|wrappers|\.terraform)/' || true; } |
  while IFS= read -r path; do
    # Top-level blocks start at column 0 (terraform fmt); the type may be quoted or not.
    git -C "$gitdir" show "$commit:$path" |
      sed -nE 's/^resource[[:space:]]+"?([A-Za-z0-9_-]+)"?[[:space:]]+"?[A-Za-z0-9_-]+"?[[:space:]]*\{.*/\1/p' |
      sort | uniq -c |
      awk -v repo="$repo" -v commit="$commit" -v path="$path" '{ printf "%s,%s,%s,%s,%d\n", repo, commit, path, $2, $1 }'
  done | LC_ALL=C sort -t, -k3,3 -k4,4
