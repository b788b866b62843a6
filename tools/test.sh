#!/usr/bin/env bash
# The test command: installs what the tests need, builds, runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh
swift build --build-tests
swift test --skip-build
