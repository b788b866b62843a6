#!/usr/bin/env bash
# Installs the system libraries and Python modules VanBan builds and tests with,
# when they are missing. Debian packages need root (or sudo).
set -euo pipefail
need=()
# PDFs: poppler (text with positions, rendering) and Tesseract with Vietnamese data (OCR).
for p in libicu-dev libxml2-dev libsqlite3-dev zlib1g-dev libpoppler-glib-dev libtesseract-dev tesseract-ocr-vie; do
  dpkg -s "$p" >/dev/null 2>&1 || need+=("$p")
done
command -v curl >/dev/null || need+=(curl)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  $sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
fi
python3 -c "import jsonschema" 2>/dev/null || python3 -m pip install -q jsonschema
# The server tests check responses against Schemas/openapi.yaml.
python3 -c "import yaml, openapi_spec_validator, referencing" 2>/dev/null || python3 -m pip install -q pyyaml openapi-spec-validator referencing
command -v swift >/dev/null || { echo "swift is not on PATH: install the Swift 6 toolchain first" >&2; exit 1; }
