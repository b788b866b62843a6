#!/usr/bin/env bash
# Installs what VanBan needs on a fresh Debian machine, builds it, and runs the
# main job on the sample corpus: every plan in Corpus/ parsed into out/NAME.json.
# usage: tools/setup.sh            (idempotent: installs only what is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh
swift build -c release --product vanban
mkdir -p out
.build/release/vanban parse Corpus/*.txt --out out --pretty
python3 tools/validate_schema.py out
echo "parsed $(ls out/*.json | wc -l) plans into out/"
if [ -f ../shared/eval/score.py ]; then
  python3 ../shared/eval/score.py ../shared/eval/gold out
fi
