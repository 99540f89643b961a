#!/usr/bin/env python3
"""Crash safety: kill Guild with SIGKILL at random moments and check what survives.

Scenarios (each runs --kills cycles on one database):
  writes   `guild serve` takes goal progress updates from a client and is killed
           mid-stream. Every update the server acknowledged must be in the
           database after the restart; an unacknowledged one may or may not be.
  import   `guild import people FILE` (a file of --rows new people) is killed at a
           random moment of its run. Afterwards the file's people are all there
           or none of them is: an import is never half applied.
  accept   `guild serve` accepts a staffing plan's entry and is killed around
           the accept. Afterwards the plan is marked accepted exactly when its
           entry's assignment is in the database (issue 27, 8(a)); an
           acknowledged accept is both.
After every kill: the server (or the CLI) starts again on the database and
serves, and on SQLite `PRAGMA integrity_check` says ok.

  python3 tests/crash/crash_test.py --guild build/guild --kills 5
  scripts/with-postgres.sh python3 tests/crash/crash_test.py --guild build/guild \
      --postgres --kills 200                       # PostgreSQL

Prints one line per scenario (kills, where the kills landed, violations) and
exits 1 on any violation. Used by CTest with a few kills per scenario; the
long runs and their figures are in bench/results/crash.md.
"""
import argparse
import csv
import http.client
import io
import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

ADMIN_RE = re.compile(r"^sign-in: administrator (\S+) (\S+)$", re.M)


class Failure(Exception):
    pass


class Guild:
    """The guild binary on one database."""

    def __init__(self, binary, db, workdir):
        self.binary, self.db, self.workdir = binary, db, workdir
        self.server = None
        self.port = None

    def run(self, *args, check=True, timeout=600):
        done = subprocess.run([self.binary, *args, "--db", self.db], cwd=self.workdir,
                              capture_output=True, text=True, timeout=timeout)
        if check and done.returncode != 0:
            raise Failure(f"guild {' '.join(args)} exited {done.returncode}: {done.stderr[-2000:]}")
        return done

    def export(self, kind):
        return list(csv.DictReader(io.StringIO(self.run("export", kind, "--format", "csv").stdout)))

    def start(self):
        self.server = subprocess.Popen(
            [self.binary, "serve", "--db", self.db, "--port", "0", "--durability", "full",
             "--workers", "4"],
            cwd=self.workdir, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        deadline = time.time() + 120
        while time.time() < deadline:
            line = self.server.stdout.readline()
            if not line:
                break
            m = re.search(r"listening on http://[^:]+:(\d+)", line)
            if m:
                self.port = int(m.group(1))
                threading.Thread(target=self.server.stdout.read, daemon=True).start()
                return
        raise Failure(f"guild serve did not start (exit {self.server.poll()})")

    def kill(self):
        if self.server and self.server.poll() is None:
            self.server.send_signal(signal.SIGKILL)
        if self.server:
            self.server.wait()
        self.server = None

    def integrity(self):
        if self.db.startswith("postgres"):
            return
        with sqlite3.connect(self.db) as conn:
            result = conn.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            raise Failure(f"integrity_check: {result[:5]}")


class Client:
    """A signed-in API client (cookie and CSRF token)."""

    def __init__(self, port, email, password):
        self.port = port
        status, body, headers = self.request("POST", "/api/v1/session",
                                             {"email": email, "password": password}, auth=False)
        if status != 200:
            raise Failure(f"sign-in answered {status}: {body[:300]}")
        self.cookie = headers.get("set-cookie", "").split(";")[0]
        self.csrf = json.loads(body)["csrf_token"]

    def request(self, method, path, body=None, auth=True, timeout=30):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        headers = {"Content-Type": "application/json"}
        if auth:
            headers["Cookie"] = self.cookie
            headers["X-CSRF-Token"] = self.csrf
        conn.request(method, path, None if body is None else json.dumps(body), headers)
        reply = conn.getresponse()
        data = reply.read().decode()
        conn.close()
        return reply.status, data, {k.lower(): v for k, v in reply.getheaders()}


def serves(guild, email, password):
    """The restarted server answers readiness and a signed-in read."""
    client = Client(guild.port, email, password)
    status, body, _ = client.request("GET", "/api/v1/me")
    if status != 200:
        raise Failure(f"after restart GET /api/v1/me answered {status}: {body[:200]}")
    return client


def scenario_writes(guild, email, password, kills, rng, report):
    goal = guild.export("goals")[0]["id"]
    acknowledged = {}  # date -> value
    day = 0
    for cycle in range(kills):
        guild.start()
        client = serves(guild, email, password)
        stored = {u["date"]: float(u["value"]) for u in guild.export("goal-updates")
                  if u["goal_id"] == goal}
        for date, value in acknowledged.items():
            if stored.get(date) != value:
                raise Failure(f"writes: acknowledged update {date}={value} of goal {goal} "
                              f"is {stored.get(date)} after the restart")
        guild.integrity()
        stop = threading.Event()

        def write():
            nonlocal day
            while not stop.is_set():
                day += 1
                date = time.strftime("%Y-%m-%d", time.gmtime(1_600_000_000 + day * 86400))
                value = round(rng.random() * 100, 3)
                try:
                    status, body, _ = client.request(
                        "POST", f"/api/v1/goals/{goal}/updates",
                        {"date": date, "value": value, "comment": f"crash cycle {cycle}"})
                except (OSError, http.client.HTTPException):
                    return  # killed mid-request: not acknowledged
                if status in (200, 201):
                    acknowledged[date] = value
                elif status >= 500:
                    return
                else:
                    raise Failure(f"writes: update answered {status}: {body[:200]}")

        writers = [threading.Thread(target=write) for _ in range(4)]
        for w in writers:
            w.start()
        time.sleep(rng.uniform(0.1, 1.2))
        guild.kill()
        stop.set()
        for w in writers:
            w.join()
        report["writes acknowledged"] = len(acknowledged)
    # The last cycle's writes are checked by one more start.
    guild.start()
    serves(guild, email, password)
    stored = {u["date"]: float(u["value"]) for u in guild.export("goal-updates")
              if u["goal_id"] == goal}
    lost = [d for d, v in acknowledged.items() if stored.get(d) != v]
    guild.kill()
    if lost:
        raise Failure(f"writes: {len(lost)} acknowledged updates lost, e.g. {lost[:3]}")
    guild.integrity()


def scenario_import(guild, email, password, kills, rng, report, rows):
    people = guild.export("people")
    manager = people[0]["id"]
    header = list(people[0].keys())
    # How long one import of this size takes, to spread the kills over it.
    started = time.time()
    write_people(guild, "crash-calibrate", rows, header, manager)
    guild.run("import", "people", os.path.join(guild.workdir, "crash-calibrate.csv"))
    span = time.time() - started
    outcomes = {"none": 0, "all": 0}
    for cycle in range(kills):
        prefix = f"crash-{cycle}-"
        path = write_people(guild, prefix, rows, header, manager)
        proc = subprocess.Popen([guild.binary, "import", "people", path, "--db", guild.db],
                                cwd=guild.workdir, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, span * 1.1))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        proc.wait()
        guild.integrity()
        count = sum(1 for p in guild.export("people") if p["id"].startswith(prefix))
        if count not in (0, rows):
            raise Failure(f"import: {count} of {rows} people of an import killed mid-way")
        outcomes["all" if count == rows else "none"] += 1
    report["imports applied / not"] = f"{outcomes['all']} / {outcomes['none']}"
    report["import seconds"] = round(span, 2)
    guild.start()
    serves(guild, email, password)
    guild.kill()


def write_people(guild, prefix, rows, header, manager):
    path = os.path.join(guild.workdir, prefix + ".csv")
    with open(path, "w", newline="") as f:
        out = csv.DictWriter(f, fieldnames=header)
        out.writeheader()
        for i in range(rows):
            row = {k: "" for k in header}
            row.update(id=f"{prefix}{i}", name=f"Crash Test {i}", email=f"{prefix}{i}@crash.test",
                       grade="associate", practice="Audit", office="London", manager_id=manager,
                       weekly_capacity_hours="40", start_date="2026-01-05")
            if "cost_rate" in row:
                row["cost_rate"] = "100"
            out.writerow(row)
    return path


def scenario_accept(guild, email, password, kills, rng, report):
    outcomes = {"accepted": 0, "not accepted": 0}
    pending = []  # (plan id, assignment id, acknowledged)

    def check(client):
        assignments = {a["id"] for a in guild.export("assignments")}
        for plan, entry, acknowledged in pending:
            status, body, _ = client.request("GET", f"/api/v1/staffing/plans/{plan}")
            if status != 200:
                raise Failure(f"accept: GET plan {plan} answered {status}")
            accepted = json.loads(body)["accepted"]
            written = entry in assignments
            if accepted != written or (acknowledged and not accepted):
                raise Failure(f"accept: plan {plan} accepted={accepted} but entry {entry} "
                              f"written={written} (acknowledged={acknowledged})")
            outcomes["accepted" if accepted else "not accepted"] += 1
        pending.clear()

    for cycle in range(kills):
        guild.start()
        client = serves(guild, email, password)
        check(client)
        guild.integrity()
        status, body, _ = client.request("GET", "/api/v1/staffing/openings?limit=200")
        openings = [o for o in json.loads(body).get("items", []) if o.get("seats_left", 0) > 0]
        plan = entry = None
        for opening in rng.sample(openings, min(len(openings), 8)):
            status, body, _ = client.request(
                "POST", "/api/v1/staffing/plans",
                {"mode": "incremental", "opening_id": opening["id"],
                 "options": {"time_limit_seconds": 1}})
            if status in (200, 201):
                doc = json.loads(body)
                if doc.get("assignments"):
                    plan, entry = doc["id"], doc["assignments"][0]["id"]
                    break
        if plan is None:
            guild.kill()
            report["accept stopped early (no open seat left)"] = cycle
            break
        acknowledged = False

        def accept():
            nonlocal acknowledged
            try:
                status, body, _ = client.request(
                    "POST", f"/api/v1/staffing/plans/{plan}/accept", {"assignment_ids": [entry]})
                acknowledged = status == 200
            except (OSError, http.client.HTTPException):
                pass

        t = threading.Thread(target=accept)
        t.start()
        time.sleep(rng.uniform(0, 0.4))
        guild.kill()
        t.join()
        pending.append((plan, entry, acknowledged))
    guild.start()
    check(serves(guild, email, password))
    guild.kill()
    report["accepts committed / not"] = f"{outcomes['accepted']} / {outcomes['not accepted']}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--guild", required=True, help="the guild binary")
    parser.add_argument("--db", help="postgresql:// URL (default: a SQLite file in a temp dir)")
    parser.add_argument("--postgres", action="store_true",
                        help="use $GUILD_TEST_PG_URL (set by scripts/with-postgres.sh)")
    parser.add_argument("--kills", type=int, default=5, help="kills per scenario")
    parser.add_argument("--rows", type=int, default=2000, help="people per import file")
    parser.add_argument("--people", type=int, default=200, help="demo firm size")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--scenarios", default="writes,import,accept")
    args = parser.parse_args()
    if args.postgres:
        args.db = os.environ["GUILD_TEST_PG_URL"]
    binary = os.path.abspath(args.guild)
    failed = False
    with tempfile.TemporaryDirectory(prefix="guild-crash-") as workdir:
        # One demo firm for every scenario: they touch different rows (a goal's
        # updates, new people, open seats).
        guild = Guild(binary, args.db or os.path.join(workdir, "guild.db"), workdir)
        demo = guild.run("demo", "--people", str(args.people), "--seed", str(args.seed))
        m = ADMIN_RE.search(demo.stdout)
        if not m:
            raise Failure("guild demo printed no administrator sign-in")
        email, password = m.group(1), m.group(2)
        backend = "postgresql" if guild.db.startswith("postgres") else "sqlite"
        for name in args.scenarios.split(","):
            rng = random.Random(f"{args.seed}-{name}")
            report = {}
            started = time.time()
            try:
                if name == "writes":
                    scenario_writes(guild, email, password, args.kills, rng, report)
                elif name == "import":
                    scenario_import(guild, email, password, args.kills, rng, report, args.rows)
                elif name == "accept":
                    scenario_accept(guild, email, password, args.kills, rng, report)
                else:
                    raise Failure(f"unknown scenario {name} (expected writes, import, accept)")
                verdict = "ok"
            except Failure as e:
                verdict = f"VIOLATION: {e}"
                failed = True
            finally:
                guild.kill()
            details = "; ".join(f"{k} {v}" for k, v in report.items())
            print(f"{name:7} {backend:10} kills {args.kills:4}  {time.time() - started:7.1f} s  "
                  f"{details}  {verdict}", flush=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
