#!/usr/bin/env bash
# Times `guild import person-skills FILE` (parse + checks + write, the whole
# process) against the sqlite3 shell's `.import --csv --skip 1 FILE
# person_skills` of the same file into the same schema, and prints rows/s for
# both and the ratio (guild rate / sqlite3 rate; target >= 0.8).
#
# Both databases are made by `guild init` and get the same people and skills
# via `guild import` (untimed), so the person_skills table is the store's own
# (same columns, PRIMARY KEY (person_id, skill_id, source) WITHOUT ROWID,
# foreign keys to people and skills, index on (skill_id, level)). The sqlite3
# shell runs with the store's PRAGMAs: journal_mode=WAL, synchronous=NORMAL,
# foreign_keys=ON, cache_size=-262144, temp_store=MEMORY.
#
# Usage: run_import_bench.sh GUILD GEN_IMPORT_DATA [ROWS] [RUNS]
set -euo pipefail
GUILD=$1
GEN=$2
ROWS=${3:-1500000}
RUNS=${4:-3}
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT

"$GEN" "$DIR" "$ROWS"
now() { date +%s.%N; }
cpu() { awk '{printf "%.2f", $1 + $2}' "$1"; }  # user + sys seconds from /usr/bin/time -f "%U %S"

fresh_db() {  # fresh_db PATH: schema + people + skills, untimed
  rm -f "$1" "$1-wal" "$1-shm"
  "$GUILD" init --db "$1" >/dev/null
  "$GUILD" import people "$DIR/people.csv" --db "$1" >/dev/null
  "$GUILD" import skills "$DIR/skills.csv" --db "$1" >/dev/null
}

best_guild=999999
best_sqlite=999999
for run in $(seq 1 "$RUNS"); do
  fresh_db "$DIR/guild.db"
  start=$(now)
  /usr/bin/time -f "%U %S" -o "$DIR/guild.cpu" \
    "$GUILD" import person-skills "$DIR/person_skills.csv" --db "$DIR/guild.db" --json \
    >"$DIR/report.json"
  guild_s=$(echo "$(now) - $start" | bc -l)

  fresh_db "$DIR/peer.db"
  start=$(now)
  /usr/bin/time -f "%U %S" -o "$DIR/sqlite.cpu" sqlite3 "$DIR/peer.db" <<SQL >/dev/null
PRAGMA journal_mode=WAL;
PRAGMA synchronous=NORMAL;
PRAGMA foreign_keys=ON;
PRAGMA cache_size=-262144;
PRAGMA temp_store=MEMORY;
.import --csv --skip 1 $DIR/person_skills.csv person_skills
SQL
  sqlite_s=$(echo "$(now) - $start" | bc -l)

  guild_rows=$(sqlite3 "$DIR/guild.db" "SELECT count(*) FROM person_skills")
  peer_rows=$(sqlite3 "$DIR/peer.db" "SELECT count(*) FROM person_skills")
  if [ "$guild_rows" != "$ROWS" ] || [ "$peer_rows" != "$ROWS" ]; then
    echo "row counts differ: guild $guild_rows, sqlite3 $peer_rows, expected $ROWS" >&2
    exit 1
  fi
  phases=$(python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["seconds"]; print("parse %.2f + check %.2f + write %.2f s" % (s["parse"], s["check"], s["write"]))' "$DIR/report.json")
  printf 'run %d: guild import %.2f s (%.0f rows/s; cpu %s s; %s), sqlite3 .import %.2f s (%.0f rows/s; cpu %s s), ratio %.2f\n' \
    "$run" "$guild_s" "$(echo "$ROWS / $guild_s" | bc -l)" "$(cpu "$DIR/guild.cpu")" "$phases" \
    "$sqlite_s" "$(echo "$ROWS / $sqlite_s" | bc -l)" "$(cpu "$DIR/sqlite.cpu")" \
    "$(echo "$sqlite_s / $guild_s" | bc -l)"
  best_guild=$(echo "if ($guild_s < $best_guild) $guild_s else $best_guild" | bc -l)
  best_sqlite=$(echo "if ($sqlite_s < $best_sqlite) $sqlite_s else $best_sqlite" | bc -l)
done

printf 'best of %d, %d rows: guild import %.0f rows/s, sqlite3 .import %.0f rows/s, ratio %.2f\n' \
  "$RUNS" "$ROWS" "$(echo "$ROWS / $best_guild" | bc -l)" "$(echo "$ROWS / $best_sqlite" | bc -l)" \
  "$(echo "$best_sqlite / $best_guild" | bc -l)"
