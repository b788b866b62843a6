#!/usr/bin/env bash
# PDF throughput: pages per second for text-layer PDFs and for OCR of scans,
# on one core (--ocr-threads 1, one file at a time) and on all cores, over the
# corpus plans printed by tools/pdf_fixtures.sh. Docling's published CPU figure
# for comparison: 0.6–1.3 pages/s.
# usage: tools/bench_pdf.sh [SOURCE...]     (default: Corpus/*.txt)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product vanban >/dev/null
bin=.build/release/vanban
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tools/pdf_fixtures.sh "$work" "$@" >/dev/null
pages=0; for f in "$work"/text/*.pdf; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages/{print $2}'))); done
run() { # LABEL ARGS... → pages/s
  local label=$1; shift
  local t0 t1; t0=$(date +%s.%N); "$bin" parse "$@" --out "$work/out" >/dev/null 2>&1; t1=$(date +%s.%N)
  python3 -c "import sys; p,a,b=map(float,sys.argv[1:4]); print('%-36s %6.2f pages/s  (%d pages, %.1f s)' % (sys.argv[4], p/(b-a), p, b-a))" "$pages" "$t0" "$t1" "$label"
}
mkdir -p "$work/out"
echo "$(nproc) cores; $pages pages in $(ls "$work"/text/*.pdf | wc -l) plans"
run "text PDFs, one process" "$work"/text/*.pdf
run "scans, OCR, one core" "$work"/scan/*.pdf --ocr-threads 1
run "scans, OCR, all cores" "$work"/scan/*.pdf
