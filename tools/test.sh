#!/usr/bin/env bash
# The test command: installs what the tests need, builds, runs the whole suite
# (XCTest), then the store suite again against a throwaway PostgreSQL 15
# cluster (tools/pg_test_cluster.sh: installed if missing, loopback only, never
# as root, stopped and deleted at the end). Ends with one summary line:
# "N passed, N failed, N skipped". VANBAN_SKIP_POSTGRES=1 skips the PostgreSQL run.
set -uo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh || exit 1
swift build --build-tests || exit 1

# Runs XCTest with the given arguments; adds its counts to passed/failed.
passed=0; failed=0; skipped=0; status=0
run_tests() {
  local log; log=$(mktemp)
  swift test --skip-build --disable-swift-testing "$@" 2>&1 | tee "$log"
  local s=${PIPESTATUS[0]}
  # The last summary is the whole run's: "Executed N tests, with [K tests skipped and] M failures".
  local summary; summary=$(grep -E "^[[:space:]]*Executed [0-9]+ tests?, with ([0-9]+ tests? skipped and )?[0-9]+ failures?" "$log" | tail -n 1)
  rm -f "$log"
  local total; total=$(echo "$summary" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/')
  local bad; bad=$(echo "$summary" | sed -E 's/.* ([0-9]+) failures?.*/\1/')
  local skip=0
  if echo "$summary" | grep -qE "tests? skipped"; then skip=$(echo "$summary" | sed -E 's/.*with ([0-9]+) tests? skipped.*/\1/'); fi
  if [ -z "$summary" ] || [ "$total" = "0" ]; then echo "no test ran: swift test $*"; status=1; return; fi
  passed=$((passed + total - bad - skip)); failed=$((failed + bad)); skipped=$((skipped + skip))
  [ "$s" -ne 0 ] && status=$s
}

run_tests

if [ "${VANBAN_SKIP_POSTGRES:-0}" != "1" ]; then
  echo "== the store suite on PostgreSQL"
  if url=$(tools/pg_test_cluster.sh start); then
    trap 'tools/pg_test_cluster.sh stop' EXIT
    VANBAN_TEST_POSTGRES="$url" run_tests --filter VanBanStoreTests
    tools/pg_test_cluster.sh stop 2>/dev/null; trap - EXIT
  else
    echo "could not start PostgreSQL for the store suite"; status=1; failed=$((failed + 1))
  fi
fi

echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
