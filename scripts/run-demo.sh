#!/usr/bin/env bash
# Installs what is needed, builds Guild, generates a demo firm in the embedded
# SQLite database (demo.db) and serves it: prints the address and sign-ins.
# GUILD_DEMO_PEOPLE (default 2000), GUILD_DEMO_SEED (42), GUILD_PORT (8080).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/install-web.sh
bash scripts/build.sh
rm -f demo.db demo.db-wal demo.db-shm
./build/guild demo --db demo.db --people "${GUILD_DEMO_PEOPLE:-2000}" --seed "${GUILD_DEMO_SEED:-42}"
echo
echo "Open the address below in a browser and sign in with one of the sign-ins above."
exec ./build/guild serve --db demo.db --port "${GUILD_PORT:-8080}" --static web/dist
