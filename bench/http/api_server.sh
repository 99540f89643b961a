# shellcheck shell=bash disable=SC2034  # api_* are read by the sourcing script
# Sourced by the benchmarks that load the real API (bench/http/run_api.sh,
# bench/goals/team_page.sh): start `guild serve` on a demo database, sign in as
# the demo's administrator and make an API token, so load generators need no
# cookie or CSRF token. Bash only; the caller sets `set -euo pipefail`.
#
#   start_api_server GUILD DB DEMO_OUTPUT WORK [SERVER_CPUS] [WORKERS] [STATIC_DIR] [WAIT_SECONDS] [NICE]
#
# DEMO_OUTPUT is what `guild demo` printed (its "sign-in: administrator" line);
# WORK a scratch folder. Sets api_base (http://127.0.0.1:PORT), api_token and
# api_server_pid; the caller kills api_server_pid when done (stop_api_server).
# WAIT_SECONDS bounds the start (the snapshot of a 500,000-person firm takes
# about a minute to load; default 60); NICE the server's nice value (default 0).

start_api_server() {
  local guild="$1" db="$2" demo_output="$3" work="$4" cpus="${5:-0}" workers="${6:-4}"
  local static_dir="${7:-}" wait_seconds="${8:-60}" priority="${9:-0}"
  local admin_email admin_password
  read -r _ _ admin_email admin_password < <(grep '^sign-in: administrator ' "$demo_output")
  [[ -n "$admin_password" ]] || { echo "start_api_server: no administrator sign-in in $demo_output" >&2; return 1; }
  local static_args=()
  [[ -n "$static_dir" ]] && static_args=(--static "$static_dir")
  nice -n "$priority" taskset -c "$cpus" "$guild" serve --db "$db" --port 0 --workers "$workers" "${static_args[@]}" \
    > "$work/serve.txt" 2> "$work/serve.log" &
  api_server_pid=$!
  local i
  for ((i = 0; i < wait_seconds * 10; ++i)); do
    grep -q '^listening on' "$work/serve.txt" && break
    kill -0 "$api_server_pid" 2>/dev/null || { echo "start_api_server: guild serve exited:" >&2; cat "$work/serve.log" >&2; return 1; }
    sleep 0.1
  done
  api_base="$(sed -n 's/^listening on //p' "$work/serve.txt")"
  [[ -n "$api_base" ]] || { echo "start_api_server: no answer in ${wait_seconds} s" >&2; return 1; }

  curl -sf -c "$work/cookies" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$admin_email\",\"password\":\"$admin_password\"}" \
    "$api_base/api/v1/session" > "$work/session.json"
  local csrf
  csrf="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf_token"])' "$work/session.json")"
  curl -sf -b "$work/cookies" -H 'Content-Type: application/json' -H "X-CSRF-Token: $csrf" \
    -d '{"name":"bench"}' "$api_base/api/v1/tokens" > "$work/token.json"
  api_token="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["token"])' "$work/token.json")"
}

stop_api_server() {
  if [[ -n "${api_server_pid:-}" ]]; then
    kill "$api_server_pid" 2>/dev/null && wait "$api_server_pid" 2>/dev/null
    api_server_pid=""
  fi
  return 0
}
