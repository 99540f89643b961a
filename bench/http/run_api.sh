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
server_pid=""
cleanup() {
  [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

"$guild" demo --db "$work/bench.db" --people "${PEOPLE:-2000}" --seed 1 > "$work/demo.txt"
read -r _ _ admin_email admin_password < <(grep '^sign-in: administrator ' "$work/demo.txt")

taskset -c "${SERVER_CPUS:-0}" "$guild" serve --db "$work/bench.db" --port 0 \
  --workers "${WORKERS:-4}" --static "$repo/web/dist" > "$work/serve.txt" 2> "$work/serve.log" &
server_pid=$!
for _ in $(seq 50); do grep -q '^listening on' "$work/serve.txt" && break; sleep 0.1; done
base="$(sed -n 's/^listening on //p' "$work/serve.txt")"

# Sign in, then make an API token so wrk needs no cookie or CSRF token.
curl -sf -c "$work/cookies" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$admin_email\",\"password\":\"$admin_password\"}" \
  "$base/api/v1/session" > "$work/session.json"
csrf="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf_token"])' "$work/session.json")"
curl -sf -b "$work/cookies" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" \
  -d '{"name":"bench"}' "$base/api/v1/tokens" > "$work/token.json"
token="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["token"])' "$work/token.json")"

echo "guild serve at $base (demo firm of ${PEOPLE:-2000} people, --workers ${WORKERS:-4})"
GUILD_URL="$base${URL_PATH:-/api/v1/people?limit=50}" HEADERS="Authorization: Bearer $token" \
  NGINX_WORKERS="${NGINX_WORKERS:-$(( ${WORKERS:-4} + 1 ))}" \
  bash "$repo/bench/http/run.sh" "$build"
