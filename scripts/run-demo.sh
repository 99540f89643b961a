#!/usr/bin/env bash
# Installs what is needed, builds Guild and runs it on a generated demo firm
# in the embedded SQLite database (demo.db).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
rm -f demo.db demo.db-wal demo.db-shm
./build/guild demo --db demo.db --people "${GUILD_DEMO_PEOPLE:-2000}" --seed "${GUILD_DEMO_SEED:-42}"
