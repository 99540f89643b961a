#!/usr/bin/env bash
# End-to-end test of `guild goals list|add|update`, `guild team brief` and
# `guild team roles [--check|--all]` through the real binary on a demo firm:
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
expect_exit 0 "$GUILD" team --help
expect_in "$DIR/out" "brief"
expect_in "$DIR/out" "roles"

finish cli_goals
