#!/usr/bin/env bash
# Scores every generated format of the corpus (tools/make_fixtures.py) against
# the gold answers, next to the plain text: macro F1 per format and per document.
# usage: tools/eval_formats.sh [GOLD_DIR]     (default ../shared/eval/gold)
set -euo pipefail
cd "$(dirname "$0")/.."
gold=${1:-../shared/eval/gold}
scorer=${SCORER:-$(dirname "$gold")/score.py}
swift build -c release --product vanban >/dev/null
bin=.build/release/vanban
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for fmt in text docx html tcvn3 vni viscii windows-1258; do
  mkdir -p "$work/$fmt"
  for src in Corpus/*.txt; do
    stem=$(basename "$src" .txt)
    case $fmt in
      text) in=$src ;;
      docx|html) in=Corpus/formats/$stem.$fmt ;;
      *) in=Corpus/formats/$stem.$fmt.txt ;;
    esac
    "$bin" parse "$in" > "$work/$fmt/$stem.json"
  done
  printf '%-13s ' "$fmt"
  python3 "$scorer" "$gold" "$work/$fmt" | grep -i "macro" | tail -1
done
