#!/usr/bin/env bash
# with-postgres.sh CMD ARGS...
#
# Starts a throwaway PostgreSQL 15 cluster, runs CMD with
# GUILD_TEST_PG_URL=postgresql://guildtest@127.0.0.1:PORT/guild_test in its
# environment, then stops the cluster and deletes it, exiting with CMD's
# exit code. The server runs as the ordinary user `guildtest` (created by
# scripts/install-deps.sh) when this script runs as root, listens on a free
# TCP port of 127.0.0.1 and on a Unix socket in its temp dir, and trusts
# local connections.
set -euo pipefail

if [ $# -eq 0 ]; then
  echo "usage: $0 CMD [ARGS...]" >&2
  exit 2
fi

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_USER=guildtest
DB_NAME=guild_test
START_TIMEOUT_S=60

for tool in initdb pg_ctl postgres; do
  if [ ! -x "$PG_BIN/$tool" ]; then
    echo "with-postgres: $PG_BIN/$tool not found; run scripts/install-deps.sh" >&2
    exit 1
  fi
done

# as_pg CMD...: runs CMD as the cluster's owner.
if [ "$(id -u)" -eq 0 ]; then
  if ! id "$PG_USER" >/dev/null 2>&1; then
    echo "with-postgres: user $PG_USER missing; run scripts/install-deps.sh" >&2
    exit 1
  fi
  as_pg() { runuser -u "$PG_USER" -- "$@"; }
else
  PG_USER="$(id -un)"
  as_pg() { "$@"; }
fi

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/guild-pg-XXXXXX")"
DATA_DIR="$WORK_DIR/data"
LOG_FILE="$WORK_DIR/server.log"
chmod 755 "$WORK_DIR"
if [ "$(id -u)" -eq 0 ]; then chown "$PG_USER" "$WORK_DIR"; fi

cleanup() {
  if [ -f "$DATA_DIR/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

as_pg "$PG_BIN/initdb" -D "$DATA_DIR" -U "$PG_USER" --auth=trust -E UTF8 --locale=C.UTF-8 \
  >"$WORK_DIR/initdb.log" 2>&1 || { cat "$WORK_DIR/initdb.log" >&2; exit 1; }

# The port is free when asked; retry with another if a race takes it.
started=0
for attempt in 1 2 3; do
  PORT="$(free_port)"
  if as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR" -l "$LOG_FILE" -w -t "$START_TIMEOUT_S" \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $WORK_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null; then
    started=1
    break
  fi
  echo "with-postgres: start attempt $attempt on port $PORT failed" >&2
done
if [ "$started" -ne 1 ]; then
  cat "$LOG_FILE" >&2 || true
  exit 1
fi

as_pg "$PG_BIN/createdb" -h "$WORK_DIR" -p "$PORT" -U "$PG_USER" "$DB_NAME"

export GUILD_TEST_PG_URL="postgresql://$PG_USER@127.0.0.1:$PORT/$DB_NAME"
echo "with-postgres: PostgreSQL 15 on 127.0.0.1:$PORT, GUILD_TEST_PG_URL=$GUILD_TEST_PG_URL" >&2

set +e
"$@"
status=$?
set -e
exit "$status"
