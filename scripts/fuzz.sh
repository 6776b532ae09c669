#!/usr/bin/env bash
# Short bounded fuzzing of one target: go test -fuzz for a fixed time.
# Usage: scripts/fuzz.sh PACKAGE TARGET FUZZTIME
#
# A finding always fails: go test writes the failing input under the
# package's testdata/fuzz and says "Failing input written". When the time
# is up while a worker is still busy with an input, go test can instead end
# with "context deadline exceeded" and no input written: that is the fuzzer
# stopping, not a finding, so it is reported and the target is run once more.
set -uo pipefail
pkg=$1 target=$2 fuzztime=$3
for attempt in 1 2; do
  out=$(go test "$pkg" -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" -fuzzminimizetime 1s 2>&1)
  rc=$?
  if [ $rc -eq 0 ]; then
    printf '%s\n' "$out" | tail -n 2
    exit 0
  fi
  if grep -q 'Failing input written' <<<"$out" || ! grep -q 'context deadline exceeded' <<<"$out"; then
    printf '%s\n' "$out"
    exit $rc
  fi
  echo "$target: the fuzzer stopped while a worker was busy (context deadline exceeded, no failing input); attempt $attempt" >&2
done
echo "$target: the fuzzer stopped twice without a result" >&2
exit 1
