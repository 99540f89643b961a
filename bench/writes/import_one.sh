#!/usr/bin/env bash
# One-person imports through the API on a large firm, end to end
# (POST /api/v1/admin/import/people with a one-row CSV), and the server's
# memory around them: what one small write costs the server that takes it.
#
# Runs each given `guild` binary on its own copy of the same store (the peer:
# an older build on the same firm in the same run), imports WRITES new people
# one after the other, prints each request's time, the server's resident
# memory before, after and at its peak (VmHWM), and the snapshot lines of the
# server log (loads and catch-ups).
#
#   bash bench/writes/import_one.sh STORE.db WRITES LABEL=GUILD_BINARY...
#
# STORE.db is a SQLite file made by `guild demo` (it is copied, not changed).
# Heavy at 500,000 people: run under `flock /work/.locks/heavy`.
set -euo pipefail
store="$1"
writes="$2"
shift 2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

kib() { awk -v key="$1:" '$1 == key {print $2}' "/proc/$2/status"; }
mib() { awk -v k="$1" 'BEGIN {printf "%.0f MiB", k / 1024}'; }

for run in "$@"; do
  label="${run%%=*}"
  guild="${run#*=}"
  db="$work/$label.db"
  cp "$store" "$db"
  GUILD_USER_PASSWORD=bench-password "$guild" user add --db "$db" \
    --email bench-admin@firm.test --role administrator > /dev/null
  "$guild" serve --db "$db" --port 0 --durability full --static "$work" \
    > "$work/$label.out" 2> "$work/$label.log" &
  server=$!
  port=""
  for _ in $(seq 600); do
    port="$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$work/$label.out" | head -1 | sed 's/.*://')" || true
    [ -n "$port" ] && curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break
    sleep 0.5
  done
  base="http://127.0.0.1:$port/api/v1"
  csrf="$(curl -fs -c "$work/$label.cookies" -H 'Content-Type: application/json' \
    -d '{"email":"bench-admin@firm.test","password":"bench-password"}' "$base/session" |
    sed -E 's/.*"csrf_token":"([^"]+)".*/\1/')"
  echo "== $label: $guild ($(grep -c . "$work/$label.log" || true) log lines at start)"
  echo "rss at start: $(mib "$(kib VmRSS $server)")"
  for i in $(seq "$writes"); do
    body="$(printf 'id,name,email\nbench-new-%s,Bench Newcomer %s,bench-new-%s@firm.test\n' "$i" "$i" "$i")"
    seconds="$(curl -fs -o /dev/null -w '%{time_total}' -b "$work/$label.cookies" \
      -H "X-CSRF-Token: $csrf" -H 'Content-Type: text/csv' --data-binary "$body" \
      "$base/admin/import/people?format=csv&file=one.csv")"
    status="$(curl -s -o /dev/null -w '%{http_code}' -b "$work/$label.cookies" \
      "$base/people/bench-new-$i")"
    echo "import $i: $(awk -v s="$seconds" 'BEGIN {printf "%.0f ms", s * 1000}') (then GET the person: $status)"
  done
  echo "rss after: $(mib "$(kib VmRSS $server)"), peak: $(mib "$(kib VmHWM $server)")"
  kill "$server"
  wait "$server" || true
  grep -E 'snapshot:' "$work/$label.log" || true
done
