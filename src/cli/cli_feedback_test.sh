#!/usr/bin/env bash
# End-to-end test of `guild feedback list` through the real binary on a
# demo firm with feedback rows written into the database by SQL: the text
# and JSON listings show requests with their answers' status and sharing,
# never the answers' texts; --person lists what a person asked and what was
# asked of them (pending first); bad input is named and exits 1.
# Usage: cli_feedback_test.sh PATH_TO_GUILD

# shellcheck source=../../tests/cli_test_lib.sh
. "$(dirname "$0")/../../tests/cli_test_lib.sh"
TODAY=2025-04-22

expect_exit 0 "$GUILD" demo --db "$DB" --people 60 --seed 5 --today "$TODAY"
# The demo asks for feedback too: its requests are listed.
expect_exit 0 "$GUILD" feedback list --db "$DB" --today "$TODAY"
expect_in "$DIR/out" "asked by"
# The rest of the test writes its own rows into emptied feedback tables.
sqlite3 "$DB" "DELETE FROM inbox_items; DELETE FROM feedback_answers; DELETE FROM feedback_requests;" ||
  fail "could not empty the feedback tables"
expect_exit 0 "$GUILD" feedback list --db "$DB" --today "$TODAY"
expect_in "$DIR/out" "no feedback requests"

# Three people of the demo firm: a requester and two reviewers.
"$GUILD" export people --format csv --db "$DB" | tail -n +2 | head -n 3 | cut -d, -f1 \
  > "$DIR/people"
a=$(sed -n 1p "$DIR/people"); b=$(sed -n 2p "$DIR/people"); c=$(sed -n 3p "$DIR/people")
sqlite3 "$DB" <<SQL || fail "could not write the feedback rows"
INSERT INTO feedback_requests VALUES
  ('fb-1', '$a', 'pitch', 'Pitch to Northwind', '2025-04-15', NULL, 1744700000, '2025-04-29'),
  ('fb-2', '$b', 'meeting', 'Steering committee', '2025-03-01', NULL, 1740800000, '2025-03-15');
INSERT INTO feedback_answers VALUES
  ('fb-1', '$b', 'answered', 'SECRET-EFFECTIVE', 'SECRET-BETTER', 1744800000, '$c', 1744900000),
  ('fb-1', '$c', 'pending', '', '', NULL, NULL, NULL),
  ('fb-2', '$a', 'declined', '', '', 1740900000, NULL, NULL);
SQL

expect_exit 0 "$GUILD" feedback list --db "$DB" --today "$TODAY"
expect_in "$DIR/out" "fb-1"
expect_in "$DIR/out" "Pitch to Northwind"
expect_in "$DIR/out" "answered, shared with $c"
expect_in "$DIR/out" "pending"
expect_in "$DIR/out" "Steering committee"
expect_in "$DIR/out" "(expired)"
grep -q SECRET "$DIR/out" && fail "feedback list printed an answer's text"

expect_exit 0 "$GUILD" feedback list --person "$a" --json --db "$DB" --today "$TODAY"
grep -q SECRET "$DIR/out" && fail "feedback list --json printed an answer's text"
python3 - "$DIR/out" "$a" "$b" "$c" <<'EOF' || fail "feedback list --person --json: wrong rows"
import json, sys
rows = json.load(open(sys.argv[1]))
a, b, c = sys.argv[2:5]
# What a asked (fb-1), then what was asked of a (fb-2, declined).
assert [r["id"] for r in rows] == ["fb-1", "fb-2"], [r["id"] for r in rows]
fb1 = rows[0]
assert fb1["requester_id"] == a and fb1["event_kind"] == "pitch" and not fb1["expired"], fb1
answers = {x["reviewer_id"]: x for x in fb1["answers"]}
assert answers[b]["status"] == "answered" and answers[b]["shared_with_id"] == c, answers
assert answers[c]["status"] == "pending" and answers[c]["shared_with_id"] is None, answers
assert all("most_effective" not in x for x in fb1["answers"])
assert rows[1]["expired"] and rows[1]["answers"][0]["status"] == "declined", rows[1]
EOF

expect_exit 1 "$GUILD" feedback list --person no-such-person --db "$DB" --today "$TODAY"
expect_in "$DIR/err" "--person"
expect_exit 1 "$GUILD" feedback list --db "$DB" --today 2025-13-01
expect_in "$DIR/err" "--today"
expect_in "$DIR/err" "YYYY-MM-DD"

finish cli_feedback
