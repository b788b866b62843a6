#!/usr/bin/env bash
# Ingest benchmark: N generated plans (default 10,000) imported with a release
# build, wall time and peak RSS, then the latency (p50/p95) of every query.
# usage: tools/bench_ingest.sh [N]      (work files under ${BENCH_DIR:-/tmp/vanban-bench})
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-10000}
work=${BENCH_DIR:-/tmp/vanban-bench}
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 1; }
swift build -c release --product vanban >/dev/null
swift build -c release --product vanban-bench >/dev/null
rm -rf "$work" && mkdir -p "$work"
python3 tools/gen_corpus.py "$work/plans" "$n" --seed 7
du -sh "$work/plans"
/usr/bin/time -v .build/release/vanban ingest "$work/plans" --db "$work/index.sqlite" --quiet 2> "$work/time.txt"
grep -E "Elapsed|Maximum resident" "$work/time.txt"
ls -la "$work/index.sqlite" | awk '{printf "index size: %.0f MB\n", $5/1048576}'
.build/release/vanban-bench queries "$work/index.sqlite"
