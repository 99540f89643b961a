#!/usr/bin/env bash
# End-to-end test of `guild serve --config FILE` through the real binary:
# settings read from the file (db, port, bind, workers, smtp, smtp_from,
# feedback_expiry_days), flags overriding the file, and bad files (unknown
# key, wrong type, not JSON, not an object, unreadable, out of range)
# refused with exit 1 and a message naming the file, the key and the
# expected form — before the database is opened (it is never created).
# Usage: cli_serve_config_test.sh PATH_TO_GUILD

# shellcheck source=../../tests/cli_test_lib.sh
. "$(dirname "$0")/../../tests/cli_test_lib.sh"
CFG="$DIR/guild.json"
NEVER="$DIR/never.db"
PID=""

# serve ARGS...: starts guild serve in the background; sets PORT once it listens.
serve() {
  PORT=""
  "$GUILD" serve "$@" >"$DIR/serve.out" 2>"$DIR/serve.err" &
  PID=$!
  for _ in $(seq 1 300); do
    PORT=$(sed -n 's#^listening on http://127\.0\.0\.1:\([0-9]*\)$#\1#p' "$DIR/serve.out")
    [ -n "$PORT" ] && return 0
    kill -0 "$PID" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
stop() { kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; PID=""; }
trap 'stop; rm -rf "$DIR"' EXIT

# refused JSON TEXT...: the config is refused, naming the file and each TEXT, and no database appears.
refused() {
  local json=$1; shift
  printf '%s\n' "$json" >"$CFG"
  expect_exit 1 "$GUILD" serve --config "$CFG" --db "$NEVER"
  expect_in "$DIR/err" "guild: $CFG: "
  for text in "$@"; do expect_in "$DIR/err" "$text"; done
  [ ! -e "$NEVER" ] || fail "$json: the database was opened before the config was checked"
}

refused '{"db": "x.db", "smtp_host": "mail"}' "key 'smtp_host': unknown key (allowed: db, port, bind," "smtp_from"
refused '{"port": "8080"}' "key 'port': expected a 32-bit integer" '(got "8080")'
refused '{"port": 8080.5}' "key 'port': expected a 32-bit integer"
refused '{"port": 70000}' "key 'port': expected 0 to 65535 (got 70000)"
refused '{"secure_cookies": "yes"}' "key 'secure_cookies': expected true or false"
refused '{"smtp": 25, "feedback_expiry_days": "14"}' "key 'smtp': expected a string" \
  "key 'feedback_expiry_days': expected a 32-bit integer"
refused '{"db": "x.db",
  "port": }' "(line 2)"
refused '["db", "x.db"]' "expected a JSON object"
refused '{"feedback_expiry_days": 0}' "key 'feedback_expiry_days': expected a whole number of days from 1 to 366 (got 0)"
refused '{"leadership_team_max": 0}' "key 'leadership_team_max': expected a whole number of at least 1"
expect_exit 1 "$GUILD" serve --config "$DIR/missing.json" --db "$NEVER"
expect_in "$DIR/err" "guild: $DIR/missing.json: "
[ ! -e "$NEVER" ] || fail "a missing config file: the database was opened"

# The file's settings are used: its database (a demo firm), port, bind, workers.
expect_exit 0 "$GUILD" demo --db "$DIR/firm.db" --people 50 --seed 3
printf '{"db": "%s", "port": 0, "bind": "127.0.0.1", "workers": 2, "feedback_expiry_days": 10,\n "smtp": null}\n' \
  "$DIR/firm.db" >"$CFG"
if serve --config "$CFG"; then
  python3 - "$PORT" <<'EOF2' || fail "the server of the config does not answer"
import sys, urllib.request
with urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/readyz", timeout=10) as r:
    assert r.status == 200, r.status
EOF2
else
  fail "guild serve --config did not start: $(head -c 2000 "$DIR/serve.err")"
fi
stop
# smtp_from from the file is read: without smtp it is refused as --smtp-from is.
printf '{"db": "%s", "smtp_from": "guild@firm.test"}\n' "$DIR/firm.db" >"$CFG"
expect_exit 1 "$GUILD" serve --config "$CFG"
expect_in "$DIR/err" "--smtp-from: needs --smtp"
printf '{"db": "%s", "smtp": "smtp://127.0.0.1:1", "smtp_from": "guild@firm.test"}\n' "$DIR/firm.db" >"$CFG"
serve --config "$CFG" || fail "smtp and smtp_from from the file: did not start: $(head -c 2000 "$DIR/serve.err")"
stop

# Flags override the file: its database cannot be opened, its expiry is out of range.
printf '{"db": "%s", "feedback_expiry_days": 0, "port": 70000}\n' "$DIR/no/such/dir/x.db" >"$CFG"
expect_exit 1 "$GUILD" serve --config "$CFG" --port 0
expect_in "$DIR/err" "key 'feedback_expiry_days': expected"
serve --config "$CFG" --db "$DIR/firm.db" --feedback-expiry-days 10 --port 0 ||
  fail "flags over the file: did not start: $(head -c 2000 "$DIR/serve.err")"
stop
[ ! -e "$DIR/no" ] || fail "the file's database was used despite --db"

finish cli_serve_config
