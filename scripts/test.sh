#!/usr/bin/env bash
# Builds Quench and runs every test: the lit/FileCheck suite (dialect,
# conversions, passes, docs) and the GoogleTest unit tests, in one lit run.
# Ends with the line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BUILD_DIR:-build}
bash scripts/build.sh quench-test-deps || {
  echo "0 passed, 1 failed (the build failed)"; exit 1; }

log=$(mktemp)
/usr/lib/llvm-22/bin/lit -v -j"${JOBS:-2}" "$BUILD_DIR/test" "$BUILD_DIR/test/Unit" \
  2>&1 | tee "$log"
status=${PIPESTATUS[0]}

count() { sed -n "s/^ *$1 *: *\([0-9]*\).*/\1/p" "$log" | head -n1; }
passed=$(( $(count Passed || true) + 0 ))
failed=$(( $(count Failed || true) + 0 ))
skipped=$(( $(count Unsupported || true) + 0 ))
xfail=$(( $(count "Expectedly Failed" || true) + 0 ))
unresolved=$(( $(count Unresolved || true) + 0 ))
timedout=$(( $(count "Timed Out" || true) + 0 ))
xpass=$(( $(count "Unexpectedly Passed" || true) + 0 ))
rm -f "$log"
passed=$(( passed + xfail ))
failed=$(( failed + unresolved + timedout + xpass ))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
# A run that counted no passing test did not test anything.
if [ "$passed" -eq 0 ]; then echo "test: lit reported no passing test"; failed=$((failed + 1)); fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
