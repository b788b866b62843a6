#!/usr/bin/env bash
# Parse and extraction throughput on the sample corpus (or the .txt and .md plans of DIR...) repeated to >= 50 MB
# (BENCH_MB to change), release build, one core (taskset when available).
# usage: tools/bench.sh [DIR...]   (default: Corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product vanban-bench >/dev/null
bin=.build/release/vanban-bench
if command -v taskset >/dev/null; then exec taskset -c 0 "$bin" "$@"; else exec "$bin" "$@"; fi
