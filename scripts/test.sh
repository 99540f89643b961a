#!/usr/bin/env bash
# Installs what is needed, builds everything and runs every test: unit,
# store conformance on SQLite and a real PostgreSQL, API, two-server, CLI
# and browser tests, then a short run of every fuzz target (docs/FUZZING.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/install-web.sh
bash scripts/build.sh
(cd build && ctest --output-on-failure -j "$(nproc)" --timeout 900)
bash scripts/fuzz.sh --seconds 5
