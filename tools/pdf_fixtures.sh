#!/usr/bin/env bash
# Makes PDF versions of plans, for the PDF reader's tests and evaluation:
#   OUT/text/NAME.pdf    printed by tools/make_pdf.py (fpdf2, Liberation Serif):
#                        borderless header and signature tables, ruled task
#                        tables repeated over page breaks, page numbers and a
#                        running footer, from `vanban blocks --json SOURCE`
#   OUT/office/NAME.pdf  the corpus plan's DOCX (Corpus/formats) exported by
#                        LibreOffice headless, when the source has one
#   OUT/scan/NAME.pdf    OUT/text/NAME.pdf rendered to 300 dpi gray images
#                        (pdftoppm) and put back in a PDF with no text layer (img2pdf)
# usage: tools/pdf_fixtures.sh OUT_DIR [SOURCE...]     (default: Corpus/*.txt)
# needs: poppler-utils, fonts-liberation2, libreoffice-writer-nogui (office only);
#        pip fpdf2 img2pdf
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: tools/pdf_fixtures.sh OUT_DIR [SOURCE...]}
shift
sources=("$@")
[ ${#sources[@]} -gt 0 ] || sources=(Corpus/*.txt)
bin=${VANBAN_BIN:-.build/release/vanban}
[ -x "$bin" ] || swift build -c release --product vanban >/dev/null
mkdir -p "$out/text" "$out/scan" "$out/office"
pages=$(mktemp -d)
trap 'rm -rf "$pages"' EXIT
for src in "${sources[@]}"; do
  name=$(basename "$src"); name=${name%.*}
  "$bin" blocks --json "$src" | python3 tools/make_pdf.py "$out/text/$name.pdf"
  rm -f "$pages"/*
  pdftoppm -r 300 -gray -png "$out/text/$name.pdf" "$pages/p"
  python3 -c 'import sys, img2pdf; open(sys.argv[1], "wb").write(img2pdf.convert(sorted(sys.argv[2:]), layout_fun=img2pdf.get_fixed_dpi_layout_fun((300, 300))))' \
    "$out/scan/$name.pdf" "$pages"/p-*.png
  docx=Corpus/formats/$name.docx
  if [ -f "$docx" ] && command -v soffice >/dev/null; then
    soffice --headless --convert-to pdf --outdir "$out/office" "$docx" >/dev/null 2>&1 || echo "LibreOffice could not export $docx" >&2
  fi
done
echo "made $(ls "$out/text" | wc -l) text PDFs, $(ls "$out/scan" | wc -l) scans, $(ls "$out/office" | wc -l) office exports in $out"
