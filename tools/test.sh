#!/usr/bin/env bash
# The test command: installs what the tests need, builds, runs the whole suite
# (XCTest), and ends with one summary line: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh || exit 1
swift build --build-tests || exit 1
log=$(mktemp)
swift test --skip-build --disable-swift-testing 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
summary=$(grep -E "^[[:space:]]*Executed [0-9]+ tests?, with [0-9]+ failures?" "$log" | tail -n 1)
rm -f "$log"
total=$(echo "$summary" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/')
failed=$(echo "$summary" | sed -E 's/.*with ([0-9]+) failures?.*/\1/')
if [ -z "$summary" ] || [ "$total" = "0" ]; then
  echo "no test ran"
  exit 1
fi
echo "$((total - failed)) passed, $failed failed"
exit "$status"
