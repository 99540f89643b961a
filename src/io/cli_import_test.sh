#!/usr/bin/env bash
# End-to-end test of `guild init`, `guild import` and `guild export` through
# the real binary: good files import (exit 0), bad files print every error
# as FILE:LINE: ... and exit 1 without writing, exports read back.
# Usage: cli_import_test.sh PATH_TO_GUILD

# shellcheck source=../../tests/cli_test_lib.sh
. "$(dirname "$0")/../../tests/cli_test_lib.sh"

expect_exit 0 "$GUILD" init --db "$DB"
expect_in "$DIR/out" "Created sqlite store"
expect_exit 0 "$GUILD" init --db "$DB"
expect_in "$DIR/out" "Opened sqlite store"

cat >"$DIR/people.csv" <<'CSV'
Employee ID,First Name,Last Name,Email Address,Job Title,Department,Manager Email
,Ann,Smith,ann@firm.com,Partner,Tax,
E2,Bob,Jones,bob@firm.com,Associate,Tax,ann@firm.com
CSV
expect_exit 0 "$GUILD" import people "$DIR/people.csv" --db "$DB"
expect_in "$DIR/out" "Imported 2 people"
expect_in "$DIR/out" "2 new, 0 updated"
expect_exit 0 "$GUILD" import people "$DIR/people.csv" --db "$DB"
expect_in "$DIR/out" "0 new, 2 updated"

cat >"$DIR/skills.json" <<'JSON'
[
  {"id": "firm:tax", "name": "Tax", "kind": "knowledge"},
  {"id": "firm:audit", "name": "Audit", "broader_id": "firm:tax"}
]
JSON
expect_exit 0 "$GUILD" import skills "$DIR/skills.json" --db "$DB"
expect_in "$DIR/out" "Imported 2 skills"

cat >"$DIR/bad.csv" <<'CSV'
person_id,skill_id,level,mood
ann@firm.com,firm:tax,3,happy
ghost,firm:tax,3,
E2,firm:audit,9,
E2,firm:nope,x,
CSV
expect_exit 1 "$GUILD" import person-skills "$DIR/bad.csv" --db "$DB"
expect_in "$DIR/err" "$DIR/bad.csv:3: column 'person_id': got 'ghost'"
expect_in "$DIR/err" "$DIR/bad.csv:4: column 'level': got '9', expected a whole number from 1 to 5"
expect_in "$DIR/err" "$DIR/bad.csv:5: column 'level': got 'x', expected a whole number"
expect_in "$DIR/err" "$DIR/bad.csv:5: column 'skill_id': got 'firm:nope'"
expect_in "$DIR/err" "warning: $DIR/bad.csv:1: column 'mood'"
expect_in "$DIR/err" "4 errors; nothing was imported"
expect_exit 0 "$GUILD" export person-skills --db "$DB"
[ "$(wc -l <"$DIR/out")" = 1 ] || fail "person-skills were written by a failed import"

expect_exit 1 "$GUILD" import person-skills "$DIR/bad.csv" --db "$DB" --json
expect_in "$DIR/out" '"errors_total": 4'
expect_in "$DIR/out" '"ok": false'

printf '[{"person_id": "E2", "skill_id": "firm:tax", "level": 4}, {"person_id": ' >"$DIR/broken.json"
expect_exit 1 "$GUILD" import person-skills "$DIR/broken.json" --db "$DB"
expect_in "$DIR/err" "$DIR/broken.json:1:"
expect_in "$DIR/err" "well-formed JSON"

# Hostile JSON: deep nesting crashed the CLI (exit 139), a number beyond a
# double aborted it (exit 134); each is now one error naming where.
python3 -c 'print("[" * 100000 + "]" * 100000)' >"$DIR/deep.json"
expect_exit 1 "$GUILD" import people "$DIR/deep.json" --db "$DB"
expect_in "$DIR/err" "at most 32 nested arrays and objects"
printf '[{"id": "p9", "name": "N", "email": "n@firm.com",\n  "weekly_capacity_hours": 1e400}]' \
  >"$DIR/huge.json"
expect_exit 1 "$GUILD" import people "$DIR/huge.json" --db "$DB"
expect_in "$DIR/err" "$DIR/huge.json:2: element 0, field 'weekly_capacity_hours': got '1e400'"

# Export, then import the export into a fresh store: the same text comes out.
expect_exit 0 "$GUILD" export people --output "$DIR/people-out.json" --db "$DB"
expect_in "$DIR/people-out.json" '"email":"ann@firm.com"'
expect_exit 0 "$GUILD" init --db "$DIR/copy.db"
expect_exit 0 "$GUILD" import people "$DIR/people-out.json" --db "$DIR/copy.db"
expect_exit 0 "$GUILD" export people --format json --db "$DIR/copy.db"
cmp -s "$DIR/out" "$DIR/people-out.json" || fail "people export differs after a round trip"

# Usage errors.
expect_exit 1 "$GUILD" import wizards "$DIR/people.csv" --db "$DB"
expect_in "$DIR/err" "unknown kind 'wizards'"
expect_exit 1 "$GUILD" import people "$DIR/missing.csv" --db "$DB"
expect_exit 1 "$GUILD" export people --db "$DIR/never-created.db"
expect_exit 0 "$GUILD" import --help
expect_in "$DIR/out" "--format"

finish cli_import
