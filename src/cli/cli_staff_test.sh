#!/usr/bin/env bash
# End-to-end test of `guild staff` through the real binary on a demo firm:
# plan is what-if (writes a plan file, never the store), explain reads it,
# accept writes every proposed assignment in one go and refuses the same plan
# twice without writing, a malformed plan file is named with its JSON path,
# incremental planning answers for one opening, market prints its sections.
# Usage: cli_staff_test.sh PATH_TO_GUILD

# shellcheck source=../../tests/cli_test_lib.sh
. "$(dirname "$0")/../../tests/cli_test_lib.sh"
assignments() { "$GUILD" export assignments --format csv --db "$DB" | tail -n +2 | wc -l; }

expect_exit 0 "$GUILD" demo --db "$DB" --people 300 --seed 3
before=$(assignments)

expect_exit 0 "$GUILD" staff plan --db "$DB" --out "$DIR/plan.json"
expect_in "$DIR/out" "objective"
expect_in "$DIR/out" "what-if: nothing stored"
[ "$(assignments)" = "$before" ] || fail "staff plan wrote to the store"
proposed=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["assignments"]))' "$DIR/plan.json")
[ "$proposed" -gt 0 ] || fail "the plan proposes no assignment on the 300-person demo firm"
seat=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["assignments"][0]["seat_id"])' "$DIR/plan.json")

expect_exit 0 "$GUILD" staff explain "$seat" --plan "$DIR/plan.json"
expect_in "$DIR/out" "$seat -> "
expect_in "$DIR/out" "fit "
expect_in "$DIR/out" "load "
expect_exit 1 "$GUILD" staff explain "no-such-seat#9" --plan "$DIR/plan.json"
# With the store, people and skills are named: "Name (person-id)".
person=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["assignments"][0]["person"]["id"])' "$DIR/plan.json")
name=$("$GUILD" export people --format csv --db "$DB" | python3 -c 'import csv,sys; print(next(r["name"] for r in csv.DictReader(sys.stdin) if r["id"] == sys.argv[1]))' "$person")
expect_exit 0 "$GUILD" staff explain "$seat" --plan "$DIR/plan.json" --db "$DB"
expect_in "$DIR/out" "$seat -> $name ($person)"
expect_exit 1 "$GUILD" staff explain "$seat" --plan "$DIR/plan.json" --db "$DIR/missing.db"
expect_in "$DIR/err" "missing.db"

expect_exit 0 "$GUILD" staff accept "$DIR/plan.json" --db "$DB"
expect_in "$DIR/out" "accepted: $proposed new tentative assignments"
after=$(assignments)
[ "$after" = "$((before + proposed))" ] || fail "accept wrote $((after - before)), expected $proposed"
expect_exit 1 "$GUILD" staff accept "$DIR/plan.json" --db "$DB"
[ "$(assignments)" = "$after" ] || fail "a refused accept wrote something"

# A plan file with a bad date, and one missing a field: refused, naming the
# file and the field (nothing is defaulted).
python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); p["today"]="not a date"; json.dump(p, open(sys.argv[2], "w"))' "$DIR/plan.json" "$DIR/bad.json"
expect_exit 1 "$GUILD" staff accept "$DIR/bad.json" --db "$DB"
expect_in "$DIR/err" "bad.json"
expect_in "$DIR/err" "today: expected a date like 2026-03-02"
python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); del p["assignments"][0]["hours_per_week"]; json.dump(p, open(sys.argv[2], "w"))' "$DIR/plan.json" "$DIR/bad.json"
expect_exit 1 "$GUILD" staff accept "$DIR/bad.json" --db "$DB"
expect_in "$DIR/err" "assignments[0].hours_per_week: expected a number (missing)"
[ "$(assignments)" = "$after" ] || fail "a malformed plan wrote something"

opening=$("$GUILD" export openings --format csv --db "$DB" | sed -n 2p | cut -d, -f1)
expect_exit 0 "$GUILD" staff plan --db "$DB" --opening "$opening" --out "$DIR/one.json"
expect_in "$DIR/out" "seats"
expect_exit 1 "$GUILD" staff plan --db "$DB" --opening "no-such-opening" --out "$DIR/none.json"

expect_exit 0 "$GUILD" staff market --db "$DB" --weeks 8
[ -s "$DIR/out" ] || fail "staff market printed nothing"

finish cli_staff
