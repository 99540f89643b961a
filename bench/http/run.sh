#!/usr/bin/env bash
# HTTP load benchmark: Guild's server (guild_http) against nginx serving the
# same response bytes from a file, same cores, same wrk runs.
#
# usage: bench/http/run.sh [BUILD_DIR]          (default: build-http)
# environment (all optional):
#   GUILD_URL     benchmark an already running Guild server at this URL
#                 (e.g. the real API) instead of starting http_bench_server
#   URL_PATH      path+query to load (default /api/v1/people?limit=50)
#   CONNECTIONS   wrk connection counts (default "32 256")
#   DURATION      per wrk run (default 10s);  WRK_THREADS (default 2)
#   ROUNDS        alternating guild/nginx runs per connection count (default 3);
#                 the medians are printed, so load drift on a shared machine
#                 hits both servers alike
#   SERVER_CPUS   cores both servers are pinned to (default 0)
#   WRK_CPUS      cores wrk is pinned to (default 1)
#   SERVER_THREADS Guild I/O threads = nginx worker_processes (default: count of SERVER_CPUS)
#   NGINX_WORKERS nginx worker_processes (default SERVER_THREADS); on a busy
#                 shared core, match Guild's runnable threads (I/O + pool)
#   EXECUTION     inline|worker for the bench server's handler (default inline)
#   PRIORITY      nice value for both servers and wrk (default 0; -10 on a
#                 busy shared machine, so other jobs disturb the runs less)
#   HEADERS       extra header for every request, e.g. "Cookie: guild_session=..."
set -euo pipefail

repo="$(cd "$(dirname "$0")/../.." && pwd)"
build="${1:-$repo/build-http}"
url_path="${URL_PATH:-/api/v1/people?limit=50}"
connections="${CONNECTIONS:-32 256}"
duration="${DURATION:-10s}"
rounds="${ROUNDS:-3}"
wrk_threads="${WRK_THREADS:-2}"
server_cpus="${SERVER_CPUS:-0}"
wrk_cpus="${WRK_CPUS:-1}"
count_cpus() { local n=0 part; IFS=',' read -ra parts <<<"$1"; for part in "${parts[@]}"; do
  if [[ $part == *-* ]]; then n=$((n + ${part#*-} - ${part%-*} + 1)); else n=$((n + 1)); fi; done; echo "$n"; }
server_threads="${SERVER_THREADS:-$(count_cpus "$server_cpus")}"
execution="${EXECUTION:-inline}"
nginx_workers="${NGINX_WORKERS:-$server_threads}"
priority="${PRIORITY:-0}"
pin() { local cpus="$1"; shift; exec nice -n "$priority" taskset -c "$cpus" "$@"; }  # only in a subshell

for tool in wrk nginx curl taskset; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool not found (scripts/install-deps.sh installs it)" >&2; exit 1; }
done

work="$(mktemp -d)"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
wait_http() { for _ in $(seq 100); do curl -fs "${header_args[@]}" -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.1; done
  echo "run.sh: $1 did not answer" >&2; exit 1; }

header_args=()
[[ -n "${HEADERS:-}" ]] && header_args=(-H "$HEADERS")

# 1. The Guild server.
if [[ -n "${GUILD_URL:-}" ]]; then
  guild_url="$GUILD_URL"
else
  server="$build/bench/http/http_bench_server"
  [[ -x "$server" ]] || { echo "run.sh: build $server first" >&2; exit 1; }
  pin "$server_cpus" "$server" --taxonomy "$repo/data/taxonomy" --port-file "$work/port" \
    --io-threads "$server_threads" --execution "$execution" >"$work/guild.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do [[ -s "$work/port" ]] && break; sleep 0.1; done
  guild_url="http://127.0.0.1:$(cat "$work/port")$url_path"
fi
wait_http "$guild_url"

# 2. The same bytes, served by nginx from a file.
mkdir -p "$work/www" "$work/nginx/logs"
curl -fs "${header_args[@]}" -o "$work/www/body" "$guild_url"
nginx_port="$(free_port)"
cat >"$work/nginx/nginx.conf" <<CONF
user root;
worker_processes $nginx_workers;
daemon off;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  types { }
  default_type "$(curl -fs "${header_args[@]}" -o /dev/null -w '%{content_type}' "$guild_url")";
  sendfile on;
  tcp_nodelay on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$nginx_port backlog=4096;
    location / { root $work/www; try_files /body =404; }
  }
}
CONF
pin "$server_cpus" nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" &
pids+=($!)
nginx_url="http://127.0.0.1:$nginx_port$url_path"
wait_http "$nginx_url"
cmp -s <(curl -fs "${header_args[@]}" "$guild_url") <(curl -fs "$nginx_url") ||
  { echo "run.sh: the two servers answer different bytes" >&2; exit 1; }

# 3. wrk against both; p99 is converted to milliseconds.
source "$repo/bench/http/wrk.sh"
run_wrk() {
  wrk_summary "$(pin "$wrk_cpus" wrk -t"$wrk_threads" -c"$1" -d"$duration" --latency "${header_args[@]}" "$2")"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

body_bytes="$(wc -c <"$work/www/body")"
echo "url=$url_path body=${body_bytes}B duration=$duration x $rounds rounds wrk_threads=$wrk_threads"
echo "server_cpus=$server_cpus (threads/workers=$server_threads, guild handler=$execution, nginx workers=$nginx_workers) wrk_cpus=$wrk_cpus nice=$priority"
printf "%-6s %12s %12s %7s %12s %12s  %s\n" conns guild_rps nginx_rps ratio guild_p99ms nginx_p99ms errors
for c in $connections; do
  : >"$work/g" && : >"$work/n"
  errors=""
  for _ in $(seq "$rounds"); do
    read -r g_rps g_p99 g_err <<<"$(run_wrk "$c" "$guild_url")"
    read -r n_rps n_p99 n_err <<<"$(run_wrk "$c" "$nginx_url")"
    echo "$g_rps $g_p99" >>"$work/g"
    echo "$n_rps $n_p99" >>"$work/n"
    [[ "$g_err$n_err" == nonenone ]] || errors+="guild: $g_err nginx: $n_err "
    echo "  round: c=$c guild $g_rps rps p99 ${g_p99}ms | nginx $n_rps rps p99 ${n_p99}ms" >&2
  done
  g_rps="$(cut -d' ' -f1 "$work/g" | median)"; g_p99="$(cut -d' ' -f2 "$work/g" | median)"
  n_rps="$(cut -d' ' -f1 "$work/n" | median)"; n_p99="$(cut -d' ' -f2 "$work/n" | median)"
  ratio="$(awk -v g="$g_rps" -v n="$n_rps" 'BEGIN { printf "%.2f", g / n }')"
  printf "%-6s %12s %12s %7s %12s %12s  %s\n" "$c" "$g_rps" "$n_rps" "$ratio" "$g_p99" "$n_p99" \
    "${errors:-none}"
done
