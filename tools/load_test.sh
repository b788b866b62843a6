#!/usr/bin/env bash
# Load test of `vanban serve`: a release server on loopback over an index
# (default: the 10,000-plan database of tools/bench_ingest.sh), and wrk as a
# second process with 200 concurrent connections for a bounded time.
# Reports requests/s and latency percentiles (p50, p90, p99) per route, and
# the count of errors (non-2xx answers, socket errors), which must be zero.
#
# usage: tools/load_test.sh [DB] [SECONDS]   (CONNECTIONS=200 THREADS=2 to change;
#        TOKEN=1: the server gets a read token and every request carries it;
#        ROUTES="/agencies /tasks?agency=..." to load only those routes)
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-${BENCH_DIR:-/tmp/vanban-bench}/index.sqlite}
seconds=${2:-20}
connections=${CONNECTIONS:-200}
threads=${THREADS:-2}
[ -f "$db" ] || { echo "no index at $db: run tools/bench_ingest.sh first (or pass DB)" >&2; exit 1; }
command -v wrk >/dev/null || { sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"; $sudo apt-get install -y -qq wrk >/dev/null; }
swift build -c release --product vanban >/dev/null
out=$(mktemp)
auth=()
if [ "${TOKEN:-0}" = "1" ]; then
  token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
  export VANBAN_TOKENS="$token:read"
  auth=(-H "Authorization: Bearer $token")
fi
.build/release/vanban serve --db "$db" --port 0 >"$out" 2>/dev/null &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 100); do grep -q listening "$out" && break; sleep 0.1; done
base=$(grep -o 'http://[^ ]*' "$out")
echo "server $base${TOKEN:+ (read token required and sent)}, index $db, $connections connections, $threads threads, ${seconds}s per route"
default_routes="/tasks?agency=S%E1%BB%9F%20GD%C4%90T /tasks?agency=so%20giao%20duc%20va%20dao%20tao&role=support /agencies /citations?cites=1373%2FQ%C4%90-TTg /documents?limit=100 /search?q=so%20giao%20duc"
for route in ${ROUTES:-$default_routes}; do
  curl -sf -o /dev/null "${auth[@]}" "$base$route" || { echo "route fails before the load: $route" >&2; exit 1; }
  echo "== GET $route"
  timeout $((seconds + 30)) wrk -t"$threads" -c"$connections" -d"${seconds}s" --timeout 10s --latency "${auth[@]}" "$base$route" \
    | grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%|requests in"
done
