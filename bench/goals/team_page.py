#!/usr/bin/env python3
"""Opens the web Team page for a sample of teams, the way the browser does,
and reports each API call's latency (bench/goals/team_page.sh runs it with and
without the HTTP benchmark's read load; results in bench/results/goals.md).

What the page fetches when it opens (web/src/pages/Team.tsx):
  1. GET /api/v1/teams/{id}            (api.team: the team, leader, members)
  2. once that has answered, in parallel:
     GET /api/v1/teams/{id}/goals      (goalsApi.teamGoals: purpose, goal tree)
     GET /api/v1/teams/{id}/roles      (goalsApi.teamRoles: RACI and warnings)
No query parameters. A goal's history (GET /goals/{id}) is fetched only when
its "Show progress" button is pressed, so it is not part of opening the page.

The sample (fixed by --seed): every team with a RACI warning (the demo's
deliberately broken teams, from `guild team roles --all --json`), the
--largest teams by member count, the firm and practice teams (the widest goal
trees: every account goal aligns to them), and teams drawn at random up to
--sample.
Python 3 standard library only.
"""

import argparse
import concurrent.futures
import hashlib
import http.client
import json
import math
import random
import sys
import threading
import time
import urllib.parse

CALLS = ("team", "goals", "roles")
TARGET_MS = 20.0


class Client:
    """One keep-alive connection per thread, like a browser's connection pool."""

    def __init__(self, base, token):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port
        self.headers = {"Authorization": "Bearer " + token, "Accept": "application/json"}
        self.local = threading.local()

    def get(self, path):
        """(status, body, milliseconds from sending the request to the last byte)."""
        conn = getattr(self.local, "conn", None)
        if conn is None:
            conn = self.local.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        start = time.perf_counter()
        conn.request("GET", path, headers=self.headers)
        response = conn.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - start) * 1000.0
        if response.getheader("Connection", "").lower() == "close":
            conn.close()
            self.local.conn = None
        return response.status, body, elapsed


def list_teams(client):
    teams, cursor = [], None
    while True:
        query = {"limit": 500}
        if cursor:
            query["cursor"] = cursor
        status, body, _ = client.get("/api/v1/teams?" + urllib.parse.urlencode(query))
        if status != 200:
            sys.exit(f"team_page: GET /api/v1/teams answered {status}: {body[:200]!r}")
        page = json.loads(body)
        teams.extend(page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            return teams


def choose(teams, broken_ids, largest, size, seed):
    """[(team, why)]: the broken teams, the largest, the firm and practice teams, then
    random ones, in an order fixed by the seed."""
    by_id = {t["id"]: t for t in teams}
    chosen = {}
    for team_id in sorted(broken_ids):
        if team_id in by_id:
            chosen[team_id] = "broken"
    for team in sorted(teams, key=lambda t: (-t.get("member_count", 0), t["id"]))[:largest]:
        chosen.setdefault(team["id"], "largest")
    for team in sorted(teams, key=lambda t: t["id"]):
        if team.get("kind") in ("firm", "practice"):
            chosen.setdefault(team["id"], "firm/practice")
    rest = sorted(t["id"] for t in teams if t["id"] not in chosen)
    rng = random.Random(seed)
    for team_id in rng.sample(rest, max(0, min(len(rest), size - len(chosen)))):
        chosen[team_id] = "random"
    order = list(chosen.items())
    rng.shuffle(order)  # broken and large teams spread over the run, not bunched at its start
    return [(by_id[team_id], why) for team_id, why in order]


def open_page(client, pool, team_id):
    """{call: ms, "page": ms} for one opening of the team page."""
    quoted = urllib.parse.quote(team_id, safe="")
    start = time.perf_counter()
    status, body, team_ms = client.get(f"/api/v1/teams/{quoted}")
    check(status, body, "team", team_id)
    roles = pool.submit(client.get, f"/api/v1/teams/{quoted}/roles")
    status, body, goals_ms = client.get(f"/api/v1/teams/{quoted}/goals")
    check(status, body, "goals", team_id)
    status, body, roles_ms = roles.result()
    check(status, body, "roles", team_id)
    page_ms = (time.perf_counter() - start) * 1000.0
    return {"team": team_ms, "goals": goals_ms, "roles": roles_ms, "page": page_ms}


def check(status, body, call, team_id):
    if status != 200:
        sys.exit(f"team_page: {call} of team {team_id} answered {status}: {body[:200]!r}")


def percentile(sorted_values, p):
    """Nearest rank: the smallest value with at least p% of the values at or below it."""
    return sorted_values[max(0, math.ceil(p / 100.0 * len(sorted_values)) - 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", required=True, help="http://127.0.0.1:PORT")
    parser.add_argument("--token", required=True, help="API token (Authorization: Bearer)")
    parser.add_argument("--broken", required=True, help="output of `guild team roles --all --json`")
    parser.add_argument("--sample", type=int, default=250, help="teams in the sample (default 250)")
    parser.add_argument("--largest", type=int, default=20, help="largest teams always in the sample")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--label", default="", help="printed with the results")
    parser.add_argument("--warmup", action="store_true",
                        help="open one page of a team outside the sample first (and report it apart)")
    args = parser.parse_args()

    client = Client(args.base, args.token)
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    teams = list_teams(client)
    with open(args.broken) as f:
        broken_ids = {entry["team"] for entry in json.load(f)["teams_with_warnings"]}
    sample = choose(teams, broken_ids, args.largest, args.sample, args.seed)
    sample_ids = {team["id"] for team, _ in sample}
    kinds = {why: sum(1 for _, w in sample if w == why) for why in ("broken", "largest", "firm/practice", "random")}
    sizes = sorted(team.get("member_count", 0) for team, _ in sample)
    digest = hashlib.sha256("\n".join(team["id"] for team, _ in sample).encode()).hexdigest()[:12]
    print(f"[{args.label}] {len(teams)} teams listed; sample of {len(sample)} (seed {args.seed}, "
          f"sha256 {digest}): {kinds['broken']} with RACI warnings, {kinds['largest']} largest, "
          f"{kinds['firm/practice']} firm and practice, {kinds['random']} random; members per team median {sizes[len(sizes) // 2]}, max {sizes[-1]}")

    if args.warmup:
        outside = next(t for t in sorted(teams, key=lambda t: t["id"]) if t["id"] not in sample_ids)
        first = open_page(client, pool, outside["id"])
        print(f"[{args.label}] warm-up page {outside['id']} (first request after start): " +
              ", ".join(f"{k} {v:.1f} ms" for k, v in first.items()))

    results = []
    start = time.perf_counter()
    for team, why in sample:
        results.append((team, why, open_page(client, pool, team["id"])))
    window = time.perf_counter() - start
    pool.shutdown()

    print(f"[{args.label}] {len(sample)} pages, {3 * len(sample)} calls in {window:.1f} s")
    print(f"{'call':<28} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}  p99 < {TARGET_MS:.0f} ms")
    met = True
    paths = {"team": "GET /teams/{id}", "goals": "GET /teams/{id}/goals", "roles": "GET /teams/{id}/roles"}
    for call in CALLS + ("page",):
        values = sorted(r[call] for _, _, r in results)
        p99 = percentile(values, 99)
        verdict = ""
        if call != "page":
            verdict = "OK" if p99 < TARGET_MS else "NOT MET"
            met = met and p99 < TARGET_MS
        name = paths.get(call, "page (team, then goals || roles)")
        print(f"{name:<28} {len(values):>5} {percentile(values, 50):>8.2f} {percentile(values, 95):>8.2f} "
              f"{p99:>8.2f} {values[-1]:>8.2f}  {verdict}")
    slowest = sorted(((r[c], c, team, why) for team, why, r in results for c in CALLS), key=lambda x: -x[0])[:5]
    print(f"[{args.label}] slowest calls: " + "; ".join(
        f"{c} {team['id']} ({why}, {team.get('member_count', 0)} members) {ms:.1f} ms"
        for ms, c, team, why in slowest))
    print(f"[{args.label}] every call p99 < {TARGET_MS:.0f} ms: {'OK' if met else 'NOT MET'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
