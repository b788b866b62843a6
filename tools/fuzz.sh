#!/usr/bin/env bash
# Fuzzes the whole read path (bytes → blocks → parse → extract → contract JSON)
# with libFuzzer for SECONDS, from a seed corpus of the corpus plans in every
# format (text, legacy encodings, HTML, DOCX) and the Markdown seeds in
# tools/fuzz-seeds/. A finding (a trap, a time-out, runaway memory) is written
# to .fuzz/findings/ and makes the exit status 1: turn it into a regression test.
# usage: tools/fuzz.sh [SECONDS]   (default 120)
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-120}
swift build -c release --product vanban-fuzz --scratch-path .build-fuzz \
  -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -DFUZZING >&2 || exit 1
bin=.build-fuzz/release/vanban-fuzz
work=.fuzz
mkdir -p "$work/corpus" "$work/seeds" "$work/findings"
cp Corpus/*.txt Corpus/formats/* tools/fuzz-seeds/* "$work/seeds/"
"$bin" "$work/corpus" "$work/seeds" -max_total_time="$seconds" -max_len=200000 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$work/findings/" -print_final_stats=1 2> "$work/log.txt"
status=$?
grep -E "^(#[0-9]+ +DONE|Done [0-9]+ runs|stat::number_of_executed_units|SUMMARY)" "$work/log.txt" || tail -n 5 "$work/log.txt"
findings=$(ls "$work/findings" 2>/dev/null | wc -l)
echo "fuzz: ${seconds}s, findings: $findings"
if [ "$status" -ne 0 ] || [ "$findings" -ne 0 ]; then
  grep -v "^0x" "$work/log.txt" | grep -E "runtime failure|crashed|Sources/Van|ERROR" | head -20
  exit 1
fi
