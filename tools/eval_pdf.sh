#!/usr/bin/env bash
# Scores PDF versions of plans against the same plans' text, plan by plan
# (issue 15's acceptance): a text-layer PDF should be within 0.02 macro F1 of
# its source, a 300 dpi scan at least 0.90 of it.
#   corpus: Corpus/*.txt           gold ../shared/eval/gold
#   real:   ../real-plans/*.md     gold ../shared/eval/real/gold (laid out by get.sh)
# The PDFs are made by tools/pdf_fixtures.sh in a temporary folder (never committed).
# usage: tools/eval_pdf.sh [corpus] [real]      (default: both that exist)
set -euo pipefail
cd "$(dirname "$0")/.."
sets=("$@")
[ ${#sets[@]} -gt 0 ] || { sets=(corpus); [ -d ../real-plans ] && sets+=(real); }
swift build -c release --product vanban >/dev/null
bin=.build/release/vanban
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
macro() { # GOLD_FILE OUT_DIR NAME → macro F1 of one plan
  local g; g=$(mktemp -d); cp "$1" "$g/"
  python3 ../shared/eval/score.py "$g" "$2" --json 2>/dev/null | python3 -c 'import json,sys; print("%.3f" % json.load(sys.stdin)["macroF1"])'
  rm -rf "$g"
}
for set in "${sets[@]}"; do
  case $set in
    corpus) sources=(Corpus/*.txt); gold=../shared/eval/gold ;;
    real) sources=(../real-plans/*.md); gold=../shared/eval/real/gold ;;
    *) echo "unknown set $set" >&2; exit 2 ;;
  esac
  tools/pdf_fixtures.sh "$work/$set" "${sources[@]}" >/dev/null
  for kind in source text scan office; do mkdir -p "$work/$set/out-$kind"; done
  "$bin" parse "${sources[@]}" --out "$work/$set/out-source" 2>/dev/null
  t0=$(date +%s.%N); "$bin" parse "$work/$set"/text/*.pdf --out "$work/$set/out-text" 2>/dev/null; t1=$(date +%s.%N)
  "$bin" parse "$work/$set"/scan/*.pdf --out "$work/$set/out-scan" 2>/dev/null; t2=$(date +%s.%N)
  ls "$work/$set"/office/*.pdf >/dev/null 2>&1 && "$bin" parse "$work/$set"/office/*.pdf --out "$work/$set/out-office" 2>/dev/null || true
  pages=0; for f in "$work/$set"/text/*.pdf; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages/{print $2}'))); done
  echo "## $set ($pages pages)"
  printf '%-34s %7s %7s %7s %7s %7s %7s\n' plan source textPDF delta scan ratio office
  for src in "${sources[@]}"; do
    name=$(basename "$src"); name=${name%.*}
    g=$gold/$name.gold.json
    [ -f "$g" ] || continue
    s=$(macro "$g" "$work/$set/out-source"); t=$(macro "$g" "$work/$set/out-text"); c=$(macro "$g" "$work/$set/out-scan")
    o=-; [ -f "$work/$set/out-office/$name.json" ] && o=$(macro "$g" "$work/$set/out-office")
    printf '%-34s %7s %7s %7s %7s %7s %7s\n' "${name:0:34}" "$s" "$t" "$(python3 -c "print('%+.3f' % ($t - $s))")" "$c" "$(python3 -c "print('%.3f' % ($c / $s if $s > 0 else 0))")" "$o"
  done
  for kind in source text scan office; do
    ls "$work/$set/out-$kind"/*.json >/dev/null 2>&1 || continue
    printf '%-8s %s\n' "$kind" "$(python3 ../shared/eval/score.py "$gold" "$work/$set/out-$kind" | tail -1)"
  done
  python3 -c "import sys; p,a,b,c=map(float,sys.argv[1:]); print('text PDFs: %.1f pages/s; scans (OCR, all cores): %.2f pages/s' % (p/(b-a), p/(c-b)))" "$pages" "$t0" "$t1" "$t2"
done
