#!/usr/bin/env python3
"""Runs guild and CBC on GAP instances and prints a comparison table.

Standard library only. Every assignment (ours and CBC's) is re-checked here
from the instance file: each job to one agent, no agent above capacity, and
the cost recomputed.
"""
import argparse, concurrent.futures, csv, json, os, re, subprocess, sys, tempfile, time

TYPES = "cde"


def read_instance(path):
    tokens = [int(t) for t in open(path).read().split()]
    m, n = tokens[0], tokens[1]
    cost = [tokens[2 + i * n: 2 + (i + 1) * n] for i in range(m)]
    base = 2 + m * n
    weight = [tokens[base + i * n: base + (i + 1) * n] for i in range(m)]
    cap = tokens[base + m * n: base + m * n + m]
    assert len(tokens) == 2 + 2 * m * n + m, path
    return m, n, cost, weight, cap


def check(inst, assignment):
    """Returns (cost, None) or (None, reason)."""
    m, n, cost, weight, cap = inst
    if assignment is None or len(assignment) != n:
        return None, "no complete assignment"
    load = [0] * m
    total = 0
    for j, i in enumerate(assignment):
        if not (0 <= i < m):
            return None, "job %d: bad agent %s" % (j, i)
        load[i] += weight[i][j]
        total += cost[i][j]
    for i in range(m):
        if load[i] > cap[i]:
            return None, "agent %d over capacity" % i
    return total, None


def write_lp(inst, path):
    m, n, cost, weight, cap = inst
    with open(path, "w") as f:
        f.write("Minimize\n obj:")
        for i in range(m):
            for j in range(n):
                f.write(" + %d x_%d_%d" % (cost[i][j], i, j))
                if j % 8 == 7:
                    f.write("\n")
        f.write("\nSubject To\n")
        for j in range(n):
            f.write(" a_%d: " % j + " + ".join("x_%d_%d" % (i, j) for i in range(m)) + " = 1\n")
        for i in range(m):
            terms = " + ".join("%d x_%d_%d" % (weight[i][j], i, j) for j in range(n))
            f.write(" c_%d: %s <= %d\n" % (i, terms, cap[i]))
        f.write("Binary\n")
        for i in range(m):
            f.write(" " + " ".join("x_%d_%d" % (i, j) for j in range(n)) + "\n")
        f.write("End\n")


def run_cbc(inst, time_limit, workdir):
    lp, sol = os.path.join(workdir, "model.lp"), os.path.join(workdir, "sol.txt")
    write_lp(inst, lp)
    if os.path.exists(sol):
        os.remove(sol)
    cmd = ["cbc", lp, "sec", str(time_limit), "threads", "1", "solve", "solu", sol]
    start = time.time()
    try:
        # CBC does not stop exactly at "sec" (root cuts are not interrupted);
        # it is killed at twice the limit plus 10 s and keeps no solution then.
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=time_limit * 2 + 10)
    except subprocess.TimeoutExpired:
        return None, time.time() - start, "killed at %gs" % (time_limit * 2 + 10)
    seconds = time.time() - start
    if not os.path.exists(sol):
        return None, seconds, "no solution file"
    lines = open(sol).read().splitlines()
    assignment = [None] * inst[1]
    for line in lines[1:]:
        parts = line.split()
        if len(parts) >= 3 and parts[1].startswith("x_") and float(parts[2]) > 0.5:
            _, i, j = parts[1].split("_")
            assignment[int(j)] = int(i)
    status = lines[0] if lines else "empty"
    if any(a is None for a in assignment) or status.lower().startswith("infeasible"):
        return None, seconds, status.split(" - ")[0]
    return assignment, seconds, status


def run_guild(guild, path, time_limit):
    """Returns (json or None, wall seconds, CPU seconds of the solver process)."""
    start = time.time()
    proc = subprocess.Popen([guild, "gap", "solve", path, "--time-limit", str(time_limit), "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    out = proc.stdout.read()
    proc.stdout.close()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.time() - start
    cpu = usage.ru_utime + usage.ru_stime
    if proc.returncode != 0:
        return None, seconds, cpu
    return json.loads(out), seconds, cpu


def reference_values(data):
    """Two references per instance from values_compiled.csv: the best-known
    value (the verified upstream solution-file cost) and the least value
    anyone claims (that or, where lower, upstream data.csv's optimum or
    best-known solution value, not verified here; a stricter reference)."""
    best, claimed = {}, {}
    with open(os.path.join(data, "values_compiled.csv")) as f:
        for row in csv.DictReader(f):
            if row["fontanf_solution_file_cost_here"]:
                best[row["path"]] = int(row["fontanf_solution_file_cost_here"])
            claims = [int(row[c]) for c in ("fontanf_solution_file_cost_here", "fontanf_optimum",
                                            "fontanf_best_known_solution") if row[c]]
            if claims:
                claimed[row["path"]] = min(claims)
    return best, claimed


def instances(data, pattern):
    """Types C, D and E of chu1997 and yagiura2004; the 60 small OR-Library
    gap1..gap12 problems (cattrysse1994) only when the pattern names them
    (e.g. 'cattrysse': the set the unit tests sample 12 of)."""
    found = []
    for folder in ("chu1997", "yagiura2004", "cattrysse1994"):
        for name in sorted(os.listdir(os.path.join(data, folder))):
            key = folder + "/" + name
            if folder == "cattrysse1994":
                if pattern and re.search(pattern, key):
                    found.append(key)
            elif name[0] in TYPES and (not pattern or re.search(pattern, key)):
                found.append(key)
    return sorted(found, key=lambda k: (k.split("/")[1][0], os.path.getsize(os.path.join(data, k))))


def gap_pct(value, best):
    return None if value is None else 100.0 * (value - best) / best


def fmt(x, spec):
    return "-" if x is None else format(x, spec)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--guild", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--time-limit", type=float, default=10)
    ap.add_argument("--pattern", default="")
    ap.add_argument("--no-cbc", action="store_true",
                    help="run only guild (CBC columns show 'not run')")
    ap.add_argument("--parallel", action="store_true",
                    help="run guild and CBC on the same instance at the same time, one core each "
                         "(needs 2 otherwise idle cores)")
    args = ap.parse_args()
    bk, claimed = reference_values(args.data)
    rows = []
    print("| instance | m | n | best-known | ours | our gap % | our bound | our s (CPU) | CBC | CBC gap % | CBC s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=2)
    with tempfile.TemporaryDirectory() as work:
        for key in instances(args.data, args.pattern):
            path = os.path.join(args.data, key)
            inst = read_instance(path)
            cbc_job = None
            if args.parallel and not args.no_cbc:
                cbc_job = pool.submit(run_cbc, inst, args.time_limit, work)
            ours, our_s, our_cpu = run_guild(args.guild, path, args.time_limit)
            our_cost, why = check(inst, ours["assignment"] if ours and ours["feasible"] else None)
            if ours and our_cost is not None and our_cost != ours["objective"]:
                our_cost, why = None, "reported objective %s != recomputed %d" % (ours["objective"], our_cost)
            if args.no_cbc:
                cbc_assign, cbc_s, cbc_status = None, 0.0, "not run"
            elif cbc_job is not None:
                cbc_assign, cbc_s, cbc_status = cbc_job.result()
            else:
                cbc_assign, cbc_s, cbc_status = run_cbc(inst, args.time_limit, work)
            cbc_cost, cbc_why = check(inst, cbc_assign)
            best = bk[key]
            row = dict(key=key, type=key.split("/")[1][0], m=inst[0], n=inst[1], best=best,
                       ours=our_cost, our_gap=gap_pct(our_cost, best),
                       strict_gap=gap_pct(our_cost, claimed.get(key, best)),
                       bound=ours["bound"] if ours else None, our_s=our_s, our_cpu=our_cpu,
                       cbc=cbc_cost, cbc_gap=gap_pct(cbc_cost, best), cbc_s=cbc_s)
            rows.append(row)
            print("| %s | %d | %d | %d | %s | %s | %s | %.1f (%.1f) | %s | %s | %.1f |" % (
                key, row["m"], row["n"], best, fmt(our_cost, "d") if our_cost is not None else "FAIL: %s" % why,
                fmt(row["our_gap"], ".3f"), fmt(row["bound"], "d"), our_s, our_cpu,
                fmt(cbc_cost, "d") if cbc_cost is not None else "none (%s)" % (
                    "%s: %s" % (cbc_status.split(" - ")[0], cbc_why) if cbc_assign else cbc_status),
                fmt(row["cbc_gap"], ".3f"), cbc_s), flush=True)
    print()
    print("| type | instances | our mean gap % | our worst gap % | our mean gap % vs least claimed "
          "| CBC mean gap % | CBC worst gap % | CBC without solution |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for t in TYPES:
        sel = [r for r in rows if r["type"] == t]
        if not sel:
            continue
        ours = [r["our_gap"] for r in sel if r["our_gap"] is not None]
        cbc = [r["cbc_gap"] for r in sel if r["cbc_gap"] is not None]
        strict = [r["strict_gap"] for r in sel if r["strict_gap"] is not None]
        mean = lambda xs: sum(xs) / len(xs) if xs else None
        print("| %s | %d | %s | %s | %s | %s | %s | %d |" % (
            t.upper(), len(sel), fmt(mean(ours), ".3f"), fmt(max(ours) if ours else None, ".3f"),
            fmt(mean(strict), ".3f"),
            fmt(mean(cbc), ".3f"), fmt(max(cbc) if cbc else None, ".3f"), len(sel) - len(cbc)))
    print()
    print("Gap % = 100 * (objective - best-known) / best-known; best-known = verified upstream "
          "solution-file cost (values_compiled.csv). CBC mean is over instances where CBC found a solution.")
    lower = ["%s %d" % (k.split("/")[1], claimed[k]) for k in sorted(bk)
             if k in claimed and claimed[k] < bk[k] and any(r["key"] == k for r in rows)]
    if lower:
        print("Least claimed = the best-known value or, where lower, upstream data.csv's optimum or "
              "best-known solution (not verified here): " + ", ".join(lower) + ".")
    print("Rerun: %s%sbench/gap/run.sh %g %s" % ("GAP_NO_CBC=1 " if args.no_cbc else "",
                                              "GAP_PARALLEL=1 " if args.parallel else "", args.time_limit,
                                              "'" + args.pattern + "'" if args.pattern else ""))


if __name__ == "__main__":
    main()
