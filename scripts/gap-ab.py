#!/usr/bin/env python3
"""A/B check of GAP solver changes over several seeds.

One 10 s run per instance cannot show a change of a few hundredths of a
per cent: on the seven hardest type D instances the same binary with the
same seeds has given type means of 0.164 % and 0.228 % in two runs, because
the time limit, not an iteration count, ends each step. This tool runs two
(or more) guild binaries on the same instances and seeds, alternating them
so that both see the same machine load, and prints per instance the mean gap
to the best-known value and, per binary, the mean over all runs with its
standard error.

It compares builds of guild with each other; the benchmark of record, with
COIN-OR CBC beside guild, is bench/gap/run.sh.

Usage:
  scripts/gap-ab.py --bin A=/tmp/guild_old --bin B=build/guild \\
      --instances d40400,d20200 --seeds 4,5,6,7 [--time-limit 10] [--jobs 2]
  Optional: --env B:NAME=VALUE sets an environment variable for binary B
  only (for throw-away builds that read a setting from the environment).
"""
import argparse
import concurrent.futures
import csv
import json
import math
import os
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA = os.path.join(
    os.environ.get("GUILD_SHARED_DATA", os.path.join(REPO, "..", "shared", "data")), "gap")


def fail(message):
    print(f"gap-ab: {message}", file=sys.stderr)
    sys.exit(2)


def parse_pairs(values, sep, what):
    pairs = []
    for value in values:
        name, found, rest = value.partition(sep)
        if not found or not name or not rest:
            fail(f"{what} '{value}': expected NAME{sep}VALUE")
        pairs.append((name, rest))
    return pairs


def best_known(data):
    table = {}
    path = os.path.join(data, "values_compiled.csv")
    try:
        with open(path, newline="") as f:
            for line, row in enumerate(csv.DictReader(f), start=2):
                value = row.get("fontanf_solution_file_cost_here", "")
                if not value:
                    continue
                try:
                    table[row["path"].split("/")[-1]] = (row["path"], int(value))
                except ValueError:
                    fail(f"{path}:{line}: fontanf_solution_file_cost_here '{value}' is not an integer")
    except OSError as e:
        fail(f"{path}: {e.strerror}")
    return table


def run_one(binary, env, path, time_limit, seed):
    command = [binary, "gap", "solve", path, "--time-limit", str(time_limit), "--seed", str(seed),
               "--json"]
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    if done.returncode != 0:
        fail(f"{' '.join(command)} exited with {done.returncode}: {done.stderr.strip()}")
    try:
        result = json.loads(done.stdout)
        return int(result["objective"]), bool(result["feasible"])
    except (ValueError, KeyError) as e:
        fail(f"{' '.join(command)}: output is not the expected JSON ({e})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bin", action="append", required=True, help="NAME=PATH, two or more")
    parser.add_argument("--instances", required=True, help="comma-separated names, e.g. d40400")
    parser.add_argument("--seeds", required=True, help="comma-separated integers")
    parser.add_argument("--time-limit", type=float, default=10.0)
    parser.add_argument("--jobs", type=int, default=2, help="runs at a time (one core each)")
    parser.add_argument("--env", action="append", default=[], help="NAME:VAR=VALUE")
    parser.add_argument("--data", default=DEFAULT_DATA, help="folder with values_compiled.csv")
    args = parser.parse_args()

    binaries = parse_pairs(args.bin, "=", "--bin")
    if len(binaries) < 2:
        fail("--bin: give at least two binaries to compare")
    names = [b[0] for b in binaries]
    paths = dict(binaries)
    if len(set(names)) != len(names):
        fail("--bin: names must be distinct")
    for name, path in paths.items():
        if not os.access(path, os.X_OK):
            fail(f"--bin {name}={path}: not an executable file")
    envs = {name: dict(os.environ) for name in names}
    for name, assignment in parse_pairs(args.env, ":", "--env"):
        if name not in envs:
            fail(f"--env {name}:{assignment}: no --bin named {name}")
        var, found, value = assignment.partition("=")
        if not found or not var:
            fail(f"--env {name}:{assignment}: expected NAME:VAR=VALUE")
        envs[name][var] = value
    try:
        seeds = [int(s) for s in args.seeds.split(",") if s]
    except ValueError:
        fail(f"--seeds '{args.seeds}': expected comma-separated integers")
    if not seeds:
        fail("--seeds: give at least one seed")
    if args.jobs < 1 or not args.time_limit > 0:
        fail("--jobs must be >= 1 and --time-limit > 0")
    known = best_known(args.data)
    instances = [n for n in args.instances.split(",") if n]
    for n in instances:
        if n not in known:
            fail(f"--instances: '{n}' has no best-known value in {args.data}/values_compiled.csv")

    # Binaries alternate within each (instance, seed) so that both meet the same load.
    tasks = [(n, s, name) for n in instances for s in seeds for name in names]
    gaps = {}

    def work(task):
        n, s, name = task
        path, value = known[n]
        objective, feasible = run_one(paths[name], envs[name],
                                      os.path.join(args.data, path), args.time_limit, s)
        gap = 100.0 * (objective - value) / value if feasible else math.inf
        return task, gap

    total = len(tasks)
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for done, (task, gap) in enumerate(pool.map(work, tasks), start=1):
            gaps[task] = gap
            print(f"\r{done}/{total} runs", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)

    print(f"{'instance':12s}" + "".join(f"{name:>12s}" for name in names) + "   (mean gap %)")
    for n in instances:
        means = [sum(gaps[(n, s, name)] for s in seeds) / len(seeds) for name in names]
        print(f"{n:12s}" + "".join(f"{m:12.3f}" for m in means))
    for name in names:
        # Per seed, the mean over instances; the spread of those gives the error.
        per_seed = [sum(gaps[(n, s, name)] for n in instances) / len(instances) for s in seeds]
        mean = sum(per_seed) / len(per_seed)
        if len(per_seed) > 1:
            var = sum((x - mean) ** 2 for x in per_seed) / (len(per_seed) - 1)
            error = f" +- {math.sqrt(var / len(per_seed)):.3f}"
        else:
            error = ""
        print(f"{name}: mean {mean:.3f} %{error} over {len(seeds)} seeds x {len(instances)} instances")


if __name__ == "__main__":
    main()
