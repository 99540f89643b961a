#!/usr/bin/env bash
# End-to-end test of `guild checkins overdue|export` through the real binary
# on a demo firm: a team's members who have not checked in, as text and JSON,
# as the operator and as the team's leader; a member may not see the list;
# export of submitted check-ins as CSV and JSON (imported ones: drafts left
# out); bad flags named with exit 1 (the CLI's bad-input code).
# Usage: cli_checkins_test.sh PATH_TO_GUILD

# shellcheck source=../../tests/cli_test_lib.sh
. "$(dirname "$0")/../../tests/cli_test_lib.sh"
TODAY=2025-04-23  # a Wednesday: the weekly cycle runs 2025-04-21..27

expect_exit 0 "$GUILD" demo --db "$DB" --people 300 --seed 3 --today "$TODAY"

# A team that runs check-ins, with a leader and at least two other members.
expect_exit 0 "$GUILD" export teams --format json --db "$DB"
read -r team leader member member2 < <(python3 - "$DIR/out" <<'EOF2'
import json, sys
text = open(sys.argv[1]).read().strip()
teams = json.loads(text) if text.startswith("[") else [json.loads(l) for l in text.splitlines() if l.strip()]
for t in teams:
    members = [m["person_id"] for m in t.get("members", []) if m["person_id"] != t.get("leader_id")]
    if t.get("leader_id") and len(members) >= 2 and t.get("checkin_cadence_days", 7) > 0:
        print(t["id"], t["leader_id"], members[0], members[1]); break
EOF2
)
[ -n "${team:-}" ] || fail "the demo firm has no team with a leader and two members"

expect_exit 0 "$GUILD" checkins overdue --team "$team" --date "$TODAY" --db "$DB"
expect_in "$DIR/out" "cycle 2025-04-21, due 2025-04-27"
expect_exit 0 "$GUILD" checkins overdue --team "$team" --date "$TODAY" --json --db "$DB"
python3 - "$DIR/out" "$member" <<'EOF2' || fail "overdue --json: not the team's members, due or in draft"
import json, sys
teams = json.load(open(sys.argv[1]))
assert len(teams) == 1 and teams[0]["cycle_start"] == "2025-04-21", teams
people = {m["person_id"]: m["status"] for m in teams[0]["members"]}
assert people.get(sys.argv[2]) in ("due", "draft") or sys.argv[2] not in people, people
assert all(s in ("due", "draft", "overdue") for s in people.values()), people
EOF2
# --date picks the cycle (and the day statuses are judged on).
expect_exit 0 "$GUILD" checkins overdue --team "$team" --date 2025-04-20 --json --db "$DB"
python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))[0]; assert t["due_on"]=="2025-04-20", t' \
  "$DIR/out" || fail "overdue --date 2025-04-20: not the cycle of 04-14"
# The team's leader sees it too; a member does not.
expect_exit 0 "$GUILD" checkins overdue --team "$team" --as "$leader" --date "$TODAY" --db "$DB"
expect_exit 1 "$GUILD" checkins overdue --team "$team" --as "$member" --date "$TODAY" --db "$DB"
expect_in "$DIR/err" "no check-ins of team"

# --reports-of: the leader's reporting line (manager_id, transitively),
# checked against a walk up every exported person's manager chain.
expect_exit 0 "$GUILD" export people --format json --db "$DB"
cp "$DIR/out" "$DIR/people.json"
expect_exit 0 "$GUILD" checkins overdue --reports-of "$leader" --date "$TODAY" --json --db "$DB"
python3 - "$DIR/out" "$DIR/people.json" "$leader" <<'EOF2' || fail "overdue --reports-of: not the leader's line"
import json, sys
view = json.load(open(sys.argv[1]))
text = open(sys.argv[2]).read().strip()
people = json.loads(text) if text.startswith("[") else [json.loads(l) for l in text.splitlines() if l.strip()]
manager = {p["id"]: p.get("manager_id") or "" for p in people}
def below(p):
    m, steps = manager.get(p, ""), 0
    while m and steps <= len(manager):
        if m == sys.argv[3]:
            return True
        m, steps = manager.get(m, ""), steps + 1
    return False
line = [p for p in manager if below(p)]
assert view["person_id"] == sys.argv[3] and view["reporting_line"] == len(line), (view, len(line))
listed = [m for t in view["teams"] for m in t["members"]]
assert all(below(m["person_id"]) for m in listed), listed
assert all(m["status"] in ("due", "draft", "overdue") for m in listed), listed
assert view["counts"]["total"] == len(listed), view["counts"]
EOF2
cp "$DIR/out" "$DIR/line.json"
# A page at a time: --limit 1, then --cursor, gives the whole list's first two teams
# (the counts, over the whole line, on every page).
expect_exit 0 "$GUILD" checkins overdue --reports-of "$leader" --date "$TODAY" --json --limit 1 --db "$DB"
cp "$DIR/out" "$DIR/page1.json"
cursor=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["next_cursor"] or "")' "$DIR/page1.json")
expect_exit 0 "$GUILD" checkins overdue --reports-of "$leader" --date "$TODAY" --json --limit 1 --cursor "$cursor" --db "$DB"
python3 - "$DIR/line.json" "$DIR/page1.json" "$DIR/out" <<'EOF2' || fail "overdue --reports-of --limit/--cursor: not the pages of the whole list"
import json, sys
whole, first, second = (json.load(open(f)) for f in sys.argv[1:4])
assert whole["next_cursor"] is None and whole["counts"]["teams"] == len(whole["teams"]), whole["counts"]
assert first["counts"] == whole["counts"] and second["counts"] == whole["counts"]
assert first["teams"] == whole["teams"][:1], first["teams"]
if len(whole["teams"]) > 1:
    assert first["next_cursor"] == whole["teams"][0]["team_id"], first["next_cursor"]
    assert second["teams"] == whole["teams"][1:2], second["teams"]
else:
    assert first["next_cursor"] is None, first["next_cursor"]
EOF2
expect_exit 1 "$GUILD" checkins overdue --reports-of "$leader" --limit 0 --db "$DB"
expect_in "$DIR/err" "limit"
expect_exit 1 "$GUILD" checkins overdue --reports-of "$leader" --cursor no-such-team --db "$DB"
expect_in "$DIR/err" "cursor"
expect_exit 1 "$GUILD" checkins overdue --team "$team" --limit 1 --db "$DB"
expect_in "$DIR/err" "--limit"
expect_exit 0 "$GUILD" checkins overdue --reports-of "$leader" --as "$leader" --date "$TODAY" --db "$DB"
expect_in "$DIR/out" "Reporting line of"
expect_exit 1 "$GUILD" checkins overdue --reports-of "$leader" --as "$member" --date "$TODAY" --db "$DB"
expect_in "$DIR/err" "no reporting line"

# Bad flags: named, exit 1.
expect_exit 1 "$GUILD" checkins overdue --team "$team" --reports-of "$leader" --db "$DB"
expect_in "$DIR/err" "--reports-of"
expect_exit 1 "$GUILD" checkins overdue --db "$DB"
expect_in "$DIR/err" "--team"
expect_exit 1 "$GUILD" checkins overdue --team "$team" --date 2025-13-01 --db "$DB"
expect_in "$DIR/err" "--date"
expect_exit 1 "$GUILD" checkins overdue --team no-such-team --db "$DB"
expect_in "$DIR/err" "no-such-team"
expect_exit 1 "$GUILD" checkins export --format xml --db "$DB"
expect_in "$DIR/err" "--format"
expect_exit 1 "$GUILD" checkins export --format csv --since yesterday --db "$DB"
expect_in "$DIR/err" "--since"
expect_exit 1 "$GUILD" checkins export --format csv --team no-such-team --db "$DB"
expect_in "$DIR/err" "team"
# A refusal (kPermissionDenied) exits 2, as every guild command's does.
expect_exit 2 "$GUILD" checkins export --format csv --as "$leader" --db "$DB"
expect_in "$DIR/err" "operator"

# Export: imported check-ins, one submitted and one draft; the draft stays out.
# Their cycle (2023-04-17, 104 weeks before 2025-04-14: a cycle start of
# weekly and fortnightly teams) precedes the demo's year of check-ins.
cat >"$DIR/checkins.json" <<EOF2
[{"id":"ck-1","team_id":"$team","person_id":"$member","cycle_start":"2023-04-17","client_change":"Scope grew","note":"","updated_at":"2025-04-15T10:00:00Z","submitted_at":"2025-04-15T10:00:00Z"},
 {"id":"ck-2","team_id":"$team","person_id":"$member2","cycle_start":"2023-04-17","client_change":"Private","note":"","updated_at":"2025-04-15T10:00:00Z","submitted_at":null}]
EOF2
expect_exit 0 "$GUILD" import checkins "$DIR/checkins.json" --db "$DB"
expect_exit 0 "$GUILD" checkins export --format csv --team "$team" --out "$DIR/export.csv" --db "$DB"
expect_in "$DIR/export.csv" "Scope grew"
grep -q "Private" "$DIR/export.csv" && fail "export wrote a draft"
expect_exit 0 "$GUILD" checkins export --format json --since 2023-04-01 --db "$DB"
expect_in "$DIR/out" "ck-1"
expect_exit 0 "$GUILD" checkins export --format json --since 2025-04-21 --db "$DB"
grep -q "ck-1" "$DIR/out" && fail "export --since 2025-04-21 wrote an earlier cycle"

finish cli_checkins
