#!/usr/bin/env bash
# The issue's HTTP benchmark on the real API: `guild serve` on a 2,000-person
# demo firm, wrk against GET /api/v1/people?limit=50 (authenticated with an
# API token), side by side with nginx serving the same response bytes
# (bench/http/run.sh does the nginx side, the pinning and the table).
#
# usage: bench/http/run_api.sh [BUILD_DIR]   (default: build)
# environment: PEOPLE (2000), WORKERS (guild serve --workers, default 4), and
# everything bench/http/run.sh reads (CONNECTIONS, DURATION, ROUNDS, ...).
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(cd "${1:-$repo/build}" && pwd)"
guild="$build/guild"
work="$(mktemp -d)"
source "$repo/bench/http/api_server.sh"
cleanup() {
  stop_api_server
  rm -rf "$work"
}
trap cleanup EXIT

"$guild" demo --db "$work/bench.db" --people "${PEOPLE:-2000}" --seed 1 > "$work/demo.txt"
start_api_server "$guild" "$work/bench.db" "$work/demo.txt" "$work" "${SERVER_CPUS:-0}" \
  "${WORKERS:-4}" "$repo/web/dist" 5
base="$api_base"
token="$api_token"

echo "guild serve at $base (demo firm of ${PEOPLE:-2000} people, --workers ${WORKERS:-4})"
GUILD_URL="$base${URL_PATH:-/api/v1/people?limit=50}" HEADERS="Authorization: Bearer $token" \
  NGINX_WORKERS="${NGINX_WORKERS:-$(( ${WORKERS:-4} + 1 ))}" \
  bash "$repo/bench/http/run.sh" "$build"
