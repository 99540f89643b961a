#!/usr/bin/env bash
# Issue 24's latency target: a team page's API calls under 20 ms at p99 on the
# 500,000-person demo firm while the server is under the HTTP benchmark's read
# load (wrk against GET /api/v1/people?limit=50 with an API token, as
# bench/http/run_api.sh does). The same sample of team pages is then opened
# with no load, for comparison. Results: bench/results/goals.md.
#
# usage: bench/goals/team_page.sh [BUILD_DIR]   (default: build)
# environment (all optional):
#   DB            demo database; made with `guild demo` when missing, kept
#                 (default /tmp/guild-team-page/firm500k.db; delete it after)
#   PEOPLE        size of the demo firm when DB is made (500000); TODAY (2025-04-22)
#   SAMPLE        teams opened (3000: about 25 s under load); LARGEST (20); SEED (1)
#   CONNECTIONS   wrk connections of the read load (32); WRK_THREADS (2)
#   WARMUP        seconds of load before the pages are opened (5)
#   WORKERS       guild serve --workers (4, as run_api.sh)
#   SERVER_CPUS   cores guild serve is pinned to (0); WRK_CPUS (1)
#   PRIORITY      nice value of the server and wrk (0; -10 on a machine busy
#                 with other jobs, as in bench/results/http.md)
#   CLIENT_CPUS   cores the page client is pinned to (1); CLIENT_NICE
#                 (PRIORITY - 5): the client shares its core with wrk and runs
#                 first, so its own scheduling adds little to what it measures
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
build="$(cd "${1:-$repo/build}" && pwd)"
guild="$build/guild"
db="${DB:-/tmp/guild-team-page/firm500k.db}"
people="${PEOPLE:-500000}"
today="${TODAY:-2025-04-22}"
connections="${CONNECTIONS:-32}"
wrk_threads="${WRK_THREADS:-2}"
warmup="${WARMUP:-5}"
server_cpus="${SERVER_CPUS:-0}"
wrk_cpus="${WRK_CPUS:-1}"
client_cpus="${CLIENT_CPUS:-1}"
priority="${PRIORITY:-0}"
client_nice="${CLIENT_NICE:-$((priority - 5))}"
load_path="/api/v1/people?limit=50"

for tool in wrk curl taskset python3; do
  command -v "$tool" >/dev/null || { echo "team_page.sh: $tool not found (scripts/install-deps.sh installs it)" >&2; exit 1; }
done
source "$repo/bench/http/api_server.sh"
source "$repo/bench/http/wrk.sh"
work="$(mktemp -d)"
wrk_pid=""
cleanup() {
  [[ -n "$wrk_pid" ]] && kill "$wrk_pid" 2>/dev/null
  stop_api_server
  rm -rf "$work"
}
trap cleanup EXIT

echo "== $(date -u '+%F %T') UTC; $(nproc) cores; $(uptime)"

# 1. The demo firm (its output holds the sign-ins) and its teams with RACI warnings.
if [[ ! -s "$db" || ! -s "$db.demo.txt" ]]; then
  mkdir -p "$(dirname "$db")"
  rm -f "$db" "$db-wal" "$db-shm"
  echo "== guild demo --people $people --seed 1 --db $db --today $today"
  "$guild" demo --people "$people" --seed 1 --db "$db" --today "$today" > "$db.demo.txt"
fi
if [[ ! -s "$db.warnings.json" || "$db.warnings.json" -ot "$db" ]]; then
  "$guild" team roles --all --json --db "$db" > "$db.warnings.json"
fi
grep '^Entities:' "$db.demo.txt" | cut -c1-120

# 2. The server, pinned like run_api.sh; signed in as the demo's administrator.
start_api_server "$guild" "$db" "$db.demo.txt" "$work" "$server_cpus" "${WORKERS:-4}" "" 600 "$priority"
echo "== guild serve at $api_base (--workers ${WORKERS:-4}, cores $server_cpus, nice $priority); RSS $(ps -o rss= -p "$api_server_pid") kB"

page_client() {
  nice -n "$client_nice" taskset -c "$client_cpus" python3 "$repo/bench/goals/team_page.py" \
    --base "$api_base" --token "$api_token" --broken "$db.warnings.json" \
    --sample "${SAMPLE:-3000}" --largest "${LARGEST:-20}" --seed "${SEED:-1}" "$@"
}

# 3. Under the read load: wrk runs until the pages are done, then stops (SIGINT
#    makes wrk print its report), so its figures cover the same window.
echo "== under read load: wrk -t$wrk_threads -c$connections GET $load_path (cores $wrk_cpus, nice $priority), page client on cores $client_cpus at nice $client_nice"
nice -n "$priority" taskset -c "$wrk_cpus" wrk -t"$wrk_threads" -c"$connections" -d3600s --latency \
  -H "Authorization: Bearer $api_token" "$api_base$load_path" > "$work/wrk.txt" 2>&1 &
wrk_pid=$!
sleep "$warmup"
loaded=0
page_client --label "under load" --warmup || loaded=$?
kill -INT "$wrk_pid"
wait "$wrk_pid" || true
wrk_pid=""
[[ $loaded -le 1 ]] || { echo "team_page.sh: the page client failed" >&2; exit 1; }
read -r rps p99 errors <<<"$(wrk_summary "$(cat "$work/wrk.txt")")"
echo "[under load] read load over the same window (incl. ${warmup} s before): $rps req/s, p99 $p99 ms, errors: $errors"
grep -E '^ +[0-9]+ requests in' "$work/wrk.txt" || true

# 4. The same sample with no load.
echo "== no load"
idle=0
page_client --label "no load" || idle=$?
[[ $idle -le 1 ]] || { echo "team_page.sh: the page client failed" >&2; exit 1; }
echo "== $(date -u '+%F %T') UTC; $(uptime); server RSS $(ps -o rss= -p "$api_server_pid") kB"
exit "$loaded"
