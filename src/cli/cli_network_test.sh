#!/usr/bin/env bash
# End-to-end test of `guild network` and `guild team form` through the real
# binary: an edge list's metrics and shape (JSON, GraphML, GEXF), every kind
# of bad edge file named with its line and column (exit 1, nothing printed on
# stdout), team formation on a tiny expert network (zero-length edges, skills
# nobody holds named), and a team's and the firm's network on a demo firm.
# Usage: cli_network_test.sh PATH_TO_GUILD

# shellcheck source=../../tests/cli_test_lib.sh
. "$(dirname "$0")/../../tests/cli_test_lib.sh"
json() { python3 -c "import json,sys; d=json.load(open('$DIR/out')); print($1)"; }

# A star around "hub" with one cross-link: a wagon wheel.
printf 'source\ttarget\tweight\nhub\ta\t2\nhub\tb\t1\nhub\tc\t1\nhub\td\t3\nhub\te\t1\na\tb\t1\n' > "$DIR/star.tsv"
expect_exit 0 "$GUILD" network analyze "$DIR/star.tsv" --json --leader hub
[ "$(json "d['nodes'], d['edges'], d['shape']")" = "6 6 wagon_wheel" ] || fail "star: $(json "d['nodes'], d['edges'], d['shape']")"
[ "$(json "round(d['betweenness']['hub'], 6)")" = "0.9" ] || fail "hub betweenness $(json "d['betweenness']['hub']")"
[ "$(json "round(d['density'], 6), round(d['degree_centralization'], 6)")" = "0.4 0.9" ] || fail "star density/centralization"
expect_in "$DIR/out" '"shape_reason":"wagon wheel: the hub is on 83% of the 6 ties'
expect_exit 0 "$GUILD" network analyze "$DIR/star.tsv" --format graphml
expect_in "$DIR/out" '<graphml'
expect_in "$DIR/out" '<data key="betweenness">'
expect_exit 0 "$GUILD" network analyze "$DIR/star.tsv" --format gexf --weighted --communities leiden
expect_in "$DIR/out" '<gexf xmlns="http://gexf.net/1.3"'
expect_exit 0 "$GUILD" network analyze "$DIR/star.tsv"
expect_in "$DIR/out" "shape                  wagon_wheel"

bad() {  # bad NAME CONTENT EXPECTED-IN-STDERR
  printf "$2" > "$DIR/$1.tsv"
  expect_exit 1 "$GUILD" network analyze "$DIR/$1.tsv" --json
  expect_in "$DIR/err" "$3"
  [ ! -s "$DIR/out" ] || fail "$1: printed a result for a bad file"
}
bad header 'from\tto\tweight\na\tb\t1\n' "header.tsv:1: column 'header': got 'from'"
bad missing 'source\ttarget\tweight\na\tb\n' "missing.tsv:2: column 'weight': got an empty value, expected 3 tab-separated fields"
bad negative 'source\ttarget\tweight\na\tb\t-2\n' "negative.tsv:2: column 'weight': got '-2', expected a number > 0"
bad text 'source\ttarget\tweight\na\tb\tlots\n' "text.tsv:2: column 'weight': got 'lots'"
bad loop 'source\ttarget\tweight\na\ta\t1\n' "loop.tsv:2: column 'target': got 'a', expected a node other than the source"
bad duplicate 'source\ttarget\tweight\na\tb\t1\nb\ta\t1\n' "duplicate.tsv:3: column 'target': got 'a', expected each pair once per date and kind (same pair as line 2)"
expect_exit 1 "$GUILD" network analyze "$DIR/nowhere.tsv"
expect_in "$DIR/err" "cannot read"

# Team formation: c and d are joined by a zero-length edge (similarity 1).
printf 'node\tauthor_id\tname\tskills\n0\tA0\tAda\t1\n1\tA1\tBo\t2\n2\tA2\tCy\t3\n3\tA3\tDi\t1,3\n' > "$DIR/x.experts.tsv"
printf 'u\tv\tjaccard\n0\t1\t0.5\n1\t2\t1.0\n2\t3\t0.25\n' > "$DIR/x.edges.tsv"
expect_exit 0 "$GUILD" team form --experts "$DIR/x.experts.tsv" --edges "$DIR/x.edges.tsv" --skills 1,2,3 --objective diameter --json
[ "$(json "d['members'], d['cost']")" = "['0', '1', '2'] 0.5" ] || fail "team form: $(json "d['members'], d['cost']")"
[ "$(json "d['cover']['2'], d['costs']['sum']")" = "1 1.0" ] || fail "team cover: $(json "d['cover']")"
expect_exit 0 "$GUILD" team form --experts "$DIR/x.experts.tsv" --edges "$DIR/x.edges.tsv" --skills 2,3 --objective sum --json
[ "$(json "d['cost']")" = "0.0" ] || fail "zero-length edge: cost $(json "d['cost']")"
expect_exit 1 "$GUILD" team form --experts "$DIR/x.experts.tsv" --edges "$DIR/x.edges.tsv" --skills 1,9,8
expect_in "$DIR/err" "no one holds '9', '8'"
expect_exit 1 "$GUILD" team form --experts "$DIR/x.experts.tsv" --edges "$DIR/x.edges.tsv" --skills 1 --objective cheapest
expect_in "$DIR/err" "--objective: expected diameter, sum or leader"
printf 'u\tv\tjaccard\n0\t7\t0.5\n' > "$DIR/y.edges.tsv"
expect_exit 1 "$GUILD" team form --experts "$DIR/x.experts.tsv" --edges "$DIR/y.edges.tsv" --skills 1
expect_in "$DIR/err" "y.edges.tsv:2: column 'v': got '7', expected a known id"

# A demo firm: one team's network and the firm's, as JSON and as an edge list.
expect_exit 0 "$GUILD" demo --db "$DIR/guild.db" --people 200 --seed 3 --today 2025-06-02
team=$("$GUILD" export teams --format csv --db "$DIR/guild.db" | python3 -c 'import csv,sys; print(next(csv.DictReader(sys.stdin))["id"])')
expect_exit 0 "$GUILD" network team "$team" --db "$DIR/guild.db" --today 2025-06-02 --json
[ "$(json "d['team'] == '$team' and len(d['timeline']) == 6 and d['shape'] in ('network', 'org_chart', 'wagon_wheel', 'none')")" = "True" ] || fail "network team JSON"
expect_exit 1 "$GUILD" network team no-such-team --db "$DIR/guild.db"
expect_in "$DIR/err" "TEAM: no team 'no-such-team'"
expect_exit 1 "$GUILD" network team "$team" --db "$DIR/guild.db" --from 2025-13-01
expect_in "$DIR/err" "--from: expected a date"
expect_exit 0 "$GUILD" network firm --db "$DIR/guild.db" --today 2025-06-02 --format tsv
edges=$(($(wc -l < "$DIR/out") - 1))
[ "$edges" -gt 0 ] || fail "the demo firm's network has no ties"
cp "$DIR/out" "$DIR/firm.tsv"
expect_exit 0 "$GUILD" network firm --db "$DIR/guild.db" --today 2025-06-02 --json
[ "$(json "d['edges']")" = "$edges" ] || fail "firm JSON edges $(json "d['edges']") vs TSV $edges"
expect_exit 0 "$GUILD" network analyze "$DIR/firm.tsv" --json
[ "$(json "d['edges']")" = "$edges" ] || fail "the exported edge list reads back with other edges"

finish cli_network
