#!/usr/bin/env bash
# Parses every file of a folder (recursively) in parallel, one `vanban parse`
# process per file, and reports crashes (a signal), time-outs, other failures,
# the slowest files and the peak memory of any one parse.
# usage: tools/robustness.sh DIR [TIMEOUT_SECONDS]    (JOBS=N to set the parallelism; default: all cores)
# Exit status 1 when any file crashed or timed out.
set -uo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: tools/robustness.sh DIR [TIMEOUT_SECONDS]}
limit=${2:-30}
jobs=${JOBS:-$(nproc)}
bin=${VANBAN_BIN:-}
if [ -z "$bin" ]; then [ -x .build/release/vanban ] || swift build -c release --product vanban >&2 || exit 1; bin=$(pwd)/.build/release/vanban; fi

log=$(mktemp -d)
trap 'rm -rf "$log"' EXIT
export bin limit log
one() {
  f=$1
  t=$(mktemp -p "$log"); e=$(mktemp -p "$log")
  # GNU time: elapsed seconds and maximum resident set (KB); `timeout -s KILL` gives 137, a trap 128+N.
  /usr/bin/time -f "%e %M" -o "$t" timeout -s KILL "$limit" "$bin" parse "$f" >/dev/null 2>"$e"
  rc=$?
  read -r secs kb < <(tail -n 1 "$t")
  err=$(head -c 200 "$e" | tr '\n\t' '  ')
  printf '%s\t%s\t%s\t%s\t%s\n' "$rc" "${secs:-?}" "${kb:-0}" "$f" "$err"
  rm -f "$t" "$e"
}
export -f one
start=$(date +%s)
find "$dir" -type f -print0 | xargs -0 -P "$jobs" -I{} bash -c 'one "$@"' _ {} > "$log/results.tsv"
wall=$(( $(date +%s) - start ))
total=$(wc -l < "$log/results.tsv")
crashes=$(awk -F'\t' '$1 >= 128 && $1 != 137' "$log/results.tsv" | wc -l)
timeouts=$(awk -F'\t' '$1 == 137 || $1 == 124' "$log/results.tsv" | wc -l)
refused=$(awk -F'\t' '$1 == 1' "$log/results.tsv" | wc -l)
echo "files: $total in ${wall}s ($jobs at a time, ${limit}s limit each)"
echo "crashes (signal): $crashes"
awk -F'\t' '$1 >= 128 && $1 != 137 {print "  " $1 - 128 " (signal) " $4}' "$log/results.tsv" | head -20
echo "time-outs: $timeouts"
awk -F'\t' '$1 == 137 || $1 == 124 {print "  " $4}' "$log/results.tsv" | head -20
echo "refused with a message (exit 1): $refused"
awk -F'\t' '$1 == 1 {print "  " $4 ": " $5}' "$log/results.tsv" | head -5
echo "slowest:"
sort -t$'\t' -k2,2 -g -r "$log/results.tsv" | head -5 | awk -F'\t' '{print "  " $2 " s  " $3 " KB  " $4}'
echo "peak memory of one parse: $(sort -t$'\t' -k3,3 -g -r "$log/results.tsv" | head -1 | awk -F'\t' '{print $3 " KB (" $4 ")"}')"
[ "$crashes" -eq 0 ] && [ "$timeouts" -eq 0 ]
