#!/usr/bin/env bash
# End-to-end test of `guild goals list|add|update`, `guild team brief`,
# `guild team roles [--check|--all]` and `guild team log` through the real
# binary on a demo firm:
# statuses and roll-up print, a goal is added and measured, bad input is named
# (flag or field, expected form) and writes nothing, a member may not change
# a team's goals, and the deliberately broken teams of the demo are found.
# Usage: cli_goals_test.sh PATH_TO_GUILD

# shellcheck source=../../tests/cli_test_lib.sh
. "$(dirname "$0")/../../tests/cli_test_lib.sh"
TODAY=2025-04-22
rows() { "$GUILD" export "$1" --format csv --db "$DB" | tail -n +2 | wc -l; }

expect_exit 0 "$GUILD" demo --db "$DB" --people 300 --seed 3 --today "$TODAY"

expect_exit 0 "$GUILD" goals list --team team-firm --db "$DB" --today "$TODAY"
expect_in "$DIR/out" "purpose:"
expect_in "$DIR/out" "roll-up of"
expect_exit 0 "$GUILD" goals list --team team-firm --json --db "$DB" --today "$TODAY"
python3 - "$DIR/out" <<'EOF' || fail "goals list --json: not a list of goals with status and roll-up"
import json, sys
goals = json.load(open(sys.argv[1]))
assert goals, "no goals"
for g in goals:
    assert g["status"] in ("on-track", "at-risk", "off-track", "done", "missed"), g["status"]
    assert "rollup" in g and 0 <= g["rollup"]["progress"] <= 1
EOF
# The firm's leader owns a firm goal; a practice team has goals aligned to it.
owner=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["owner_id"])' "$DIR/out")
parent=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["id"])' "$DIR/out")

goals_before=$(rows goals)
expect_exit 0 "$GUILD" goals add --team team-firm --id g-cli --title "Win two new key clients" \
  --metric "key clients won" --unit clients --start 0 --target 2 --due 2025-12-31 \
  --owner "$owner" --parent "$parent" --db "$DB" --today "$TODAY"
expect_in "$DIR/out" "added goal g-cli"
[ "$(rows goals)" = "$((goals_before + 1))" ] || fail "goals add did not write one goal"

expect_exit 0 "$GUILD" goals update g-cli --value 1 --comment "Northwind signed" --db "$DB" \
  --today "$TODAY"
expect_in "$DIR/out" "progress 1 on $TODAY"
expect_exit 0 "$GUILD" goals list --team team-firm --json --db "$DB" --today "$TODAY"
python3 - "$DIR/out" <<'EOF' || fail "the progress update did not move g-cli to 50 %"
import json, sys
g = next(g for g in json.load(open(sys.argv[1])) if g["id"] == "g-cli")
assert g["current_value"] == 1 and abs(g["progress"] - 0.5) < 1e-9, g
EOF

# Bad input: named, exit 1, nothing written.
updates_before=$(rows goal-updates)
expect_exit 1 "$GUILD" goals add --team team-firm --title "Same" --metric m --start 3 --target 3 \
  --due 2025-12-31 --owner "$owner" --db "$DB" --today "$TODAY"
expect_in "$DIR/err" "target_value"
expect_exit 1 "$GUILD" goals add --team team-firm --title "Nobody" --metric m --start 0 \
  --target 1 --due 2025-12-31 --owner no-such-person --db "$DB" --today "$TODAY"
expect_in "$DIR/err" "owner_id"
expect_exit 1 "$GUILD" goals add --team team-firm --title "Bad date" --metric m --start 0 \
  --target 1 --due 2025-31-12 --owner "$owner" --db "$DB" --today "$TODAY"
expect_in "$DIR/err" "--due"
expect_in "$DIR/err" "YYYY-MM-DD"
expect_exit 1 "$GUILD" goals update g-cli --parent g-cli --db "$DB" --today "$TODAY"
expect_in "$DIR/err" "parent_id"
expect_exit 1 "$GUILD" goals update g-cli --db "$DB" --today "$TODAY"
expect_in "$DIR/err" "nothing to update"
expect_exit 1 "$GUILD" goals list --db "$DB" --today "$TODAY"
expect_in "$DIR/err" "--team"
[ "$(rows goals)" = "$((goals_before + 1))" ] || fail "refused goal commands wrote goals"
[ "$(rows goal-updates)" = "$updates_before" ] || fail "refused goal commands wrote updates"

# A member of no leadership may not change the firm's goals (the Authorizer).
# The last person of the demo firm is a junior on no leadership team.
member=$("$GUILD" export people --format csv --db "$DB" | tail -n 1 | cut -d, -f1)
expect_exit 1 "$GUILD" goals update g-cli --title "Taken over" --as "$member" --db "$DB" \
  --today "$TODAY"
[ -s "$DIR/err" ] || fail "a refused update printed no reason"

expect_exit 0 "$GUILD" team brief team-firm --db "$DB" --today "$TODAY"
expect_in "$DIR/out" "ONBOARDING BRIEF"
expect_in "$DIR/out" "WHY WE EXIST"
expect_in "$DIR/out" "Win two new key clients"
expect_in "$DIR/out" "WHO DOES WHAT"
expect_exit 1 "$GUILD" team brief no-such-team --db "$DB" --today "$TODAY"
expect_in "$DIR/err" "no-such-team"

expect_exit 0 "$GUILD" team roles team-firm --db "$DB" --today "$TODAY"
expect_in "$DIR/out" "R responsible, A accountable"
# The demo breaks a few teams on purpose: --all finds them, --check fails.
expect_exit 1 "$GUILD" team roles --all --check --db "$DB" --today "$TODAY"
expect_in "$DIR/out" "several-accountable"
expect_in "$DIR/out" "no-accountable"
expect_in "$DIR/out" "leadership-team-too-large"
expect_exit 0 "$GUILD" team roles --all --db "$DB" --today "$TODAY"
expect_exit 1 "$GUILD" team roles --db "$DB"
expect_in "$DIR/err" "--all"

# The client log of an engagement team: its leader adds an entry, which lists
# first; --all pages through the whole log (as many as the export has); bad
# input is named and writes nothing; someone off the engagement finds no log.
"$GUILD" export teams --format json --db "$DB" > "$DIR/teams.json"
"$GUILD" export engagements --format json --db "$DB" > "$DIR/engagements.json"
# An engagement team, its leader, its engagement, and a person who neither
# leads the engagement nor is on or leads any of its teams (its own and its
# client's account teams).
read -r eteam elead eng outsider < <(python3 - "$DIR/teams.json" "$DIR/engagements.json" <<'EOF'
import json, sys
teams, engagements = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
team = next(t for t in teams if t["kind"] == "engagement" and t["leader_id"])
e = next(e for e in engagements if e["id"] == team["engagement_id"])
near = {e["leader_id"]}
for t in teams:
    if t["engagement_id"] == e["id"] or (t["client_id"] and t["client_id"] == e["client_id"]):
        near |= {t["leader_id"]} | {m["person_id"] for m in t["members"]}
everyone = {m["person_id"] for t in teams for m in t["members"]}
print(team["id"], team["leader_id"], e["id"], sorted(everyone - near)[0])
EOF
)
logs_before=$(rows client-log)
expect_exit 0 "$GUILD" team log "$eteam" --as "$elead" --add "Scope agreed with the CFO" \
  --issues "Data room late" --resolution "Weekly chase" --db "$DB" --today "$TODAY"
expect_in "$DIR/out" "to the client log of $eng ($TODAY)"
[ "$(rows client-log)" = "$((logs_before + 1))" ] || fail "team log --add did not write one entry"
expect_exit 0 "$GUILD" team log "$eteam" --as "$elead" --db "$DB" --today "$TODAY"
expect_in "$DIR/out" "$TODAY"
expect_in "$DIR/out" "Scope agreed with the CFO"
expect_in "$DIR/out" "issue: Data room late"
expect_exit 0 "$GUILD" team log "$eteam" --all --limit 1 --json --db "$DB" --today "$TODAY"
in_log=$("$GUILD" export client-log --format json --db "$DB" | python3 -c '
import json, sys; print(sum(1 for e in json.load(sys.stdin) if e["engagement_id"] == sys.argv[1]))' "$eng")
python3 - "$DIR/out" "$in_log" "$TODAY" <<'EOF' || fail "team log --all did not page through the whole log, newest first"
import json, sys
log = json.load(open(sys.argv[1]))
items = log["items"]
assert len(items) == int(sys.argv[2]) and not log["more"], (len(items), sys.argv[2])
assert len({e["id"] for e in items}) == len(items), "an entry listed twice"
assert [e["date"] for e in items] == sorted((e["date"] for e in items), reverse=True)
ours = next(i for i, e in enumerate(items) if e["changed"] == "Scope agreed with the CFO")
assert all(e["date"] == sys.argv[3] for e in items[: ours + 1]), "newer entries than today's"
EOF
expect_exit 1 "$GUILD" team log "$eteam" --as "$elead" --add "   " --db "$DB" --today "$TODAY"
expect_in "$DIR/err" "changed"
expect_exit 1 "$GUILD" team log "$eteam" --as "$elead" --add "Later" --date 2099-01-01 --db "$DB" \
  --today "$TODAY"
expect_in "$DIR/err" "date"
expect_exit 1 "$GUILD" team log "$eteam" --add "x" --date 2025-13-01 --db "$DB" --today "$TODAY"
expect_in "$DIR/err" "--date"
expect_exit 1 "$GUILD" team log "$eteam" --issues "alone" --db "$DB" --today "$TODAY"
expect_in "$DIR/err" "--add"
expect_exit 1 "$GUILD" team log "$eteam" --as "$outsider" --add "Not mine" --db "$DB" --today "$TODAY"
expect_in "$DIR/err" "$eteam"
[ "$(rows client-log)" = "$((logs_before + 1))" ] || fail "refused team log commands wrote entries"

expect_exit 0 "$GUILD" team --help
expect_in "$DIR/out" "brief"
expect_in "$DIR/out" "roles"
expect_in "$DIR/out" "log"

finish cli_goals
