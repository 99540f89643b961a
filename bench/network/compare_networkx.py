#!/usr/bin/python3
"""Guild's network metrics against NetworkX on the same edge lists, same run.

    compare_networkx.py [--weighted-only] [--networkx-cache DIR] [--progress FILE]
                        GUILD_BIN EDGES.tsv [...]

--weighted-only skips the unweighted run. --progress FILE rewrites FILE
every 100 betweenness sources NetworkX has finished (count, wall and CPU
seconds since the metrics started), to tell how far a long run got. --networkx-cache DIR keeps
NetworkX's figures and times in DIR (one pickle per file and mode): they are
computed and saved when missing, read back otherwise, so a long NetworkX run
can start before Guild is built (`GUILD_BIN` may then be `-`: NetworkX only).

For every file: runs `GUILD_BIN network analyze FILE --json` (unweighted, then
--weighted), computes the same metrics with NetworkX (Debian's
python3-networkx), checks that every figure agrees within 1e-6 and prints the
time of each and the ratio. Guild's time is its own `seconds` (reading the
file included); NetworkX's is the metrics alone (reading not included).
Both wall-clock and CPU time are shown (the machine's 2 cores are shared, so
CPU time is what the code costs); the ratio is of CPU times.

Compared: density, average clustering, transitivity, Freeman degree
centralization (from nx.degree_centrality), normalized betweenness of every
node, connected components (as sets), and the modularity of Guild's
communities as nx.community.modularity computes it. Weighted: average
clustering with the weight, betweenness with Guild's lengths
(round(40 / (w + 40) * 1e6), integers so that sums are exact) and weighted
modularity. NetworkX's own Louvain (seed 1) is timed too and its modularity
shown beside Guild's (Louvain is randomised: the partitions differ).

Exit status: 0 when everything agrees and Guild is at least 50x faster on
every graph, 3 when a figure differs or a graph is slower than that.
"""
import json
import os
import pickle
import subprocess
import sys
import time

import networkx as nx

TOLERANCE = 1e-6
TARGET_RATIO = 50
LENGTH_UNIT = 1_000_000
SATURATION = 40


def read_edges(path):
    g = nx.Graph()
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\r\n").split("\t")
        assert header[:3] in (["source", "target", "weight"], ["u", "v", "jaccard"]), header
        for line in f:
            line = line.rstrip("\r\n")
            if not line:
                continue
            s, t, w = line.split("\t")[:3]
            w = float(w)
            if g.has_edge(s, t):
                g[s][t]["weight"] += w
            else:
                g.add_edge(s, t, weight=w)
    for _, _, d in g.edges(data=True):
        d["length"] = round(SATURATION / (d["weight"] + SATURATION) * LENGTH_UNIT)
    return g


def guild(binary, path, weighted):
    cmd = [binary, "network", "analyze", path, "--json"] + (["--weighted"] if weighted else [])
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def centralization(g):
    n = g.number_of_nodes()
    if n <= 2:
        return 0.0
    dc = nx.degree_centrality(g)
    top = max(dc.values())
    return sum(top - v for v in dc.values()) / (n - 2)


PROGRESS = None  # --progress FILE


def count_sources(t0, c0):
    """Wraps NetworkX's single-source passes of betweenness to count them."""
    from networkx.algorithms.centrality import betweenness as module
    done = [0]
    for name in ("_single_source_dijkstra_path_basic", "_single_source_shortest_path_basic"):
        original = getattr(module, name)

        def counted(*args, _original=original, **kwargs):
            done[0] += 1
            if done[0] % 100 == 0:
                with open(PROGRESS, "w", encoding="utf-8") as f:
                    f.write(f"{done[0]} sources, {time.perf_counter() - t0:.0f} s wall, "
                            f"{time.process_time() - c0:.0f} s CPU, at {time.strftime('%H:%M:%S')}\n")
            return _original(*args, **kwargs)
        setattr(module, name, counted)


def networkx_metrics(g, weighted):
    weight = "weight" if weighted else None
    t0 = time.perf_counter()
    c0 = time.process_time()
    if PROGRESS:
        count_sources(t0, c0)
    m = {
        "density": nx.density(g),
        "avg_clustering": nx.average_clustering(g, weight=weight),
        "transitivity": nx.transitivity(g),
        "degree_centralization": centralization(g),
        "betweenness": nx.betweenness_centrality(
            g, normalized=True, weight="length" if weighted else None),
        "components": {frozenset(c) for c in nx.connected_components(g)},
    }
    louvain = nx.community.louvain_communities(g, weight=weight, seed=1)
    m["louvain_modularity"] = nx.community.modularity(g, louvain, weight=weight)
    return m, time.perf_counter() - t0, time.process_time() - c0


def cached_networkx(cache, path, g, weighted):
    if cache is None:
        return networkx_metrics(g, weighted)
    name = path.rsplit("/", 1)[-1] + (".weighted" if weighted else ".unweighted") + ".pickle"
    file = os.path.join(cache, name)
    if os.path.exists(file):
        with open(file, "rb") as f:
            return pickle.load(f)
    result = networkx_metrics(g, weighted)
    os.makedirs(cache, exist_ok=True)
    with open(file + ".tmp", "wb") as f:
        pickle.dump(result, f)
    os.replace(file + ".tmp", file)
    return result


def compare(path, g, ours, theirs, weighted):
    worst = 0.0
    problems = []
    for key in ("density", "avg_clustering", "transitivity", "degree_centralization"):
        diff = abs(ours[key] - theirs[key])
        worst = max(worst, diff)
        if diff > TOLERANCE:
            problems.append(f"{key}: guild {ours[key]!r} networkx {theirs[key]!r}")
    for node, value in theirs["betweenness"].items():
        diff = abs(ours["betweenness"][node] - value)
        worst = max(worst, diff)
        if diff > TOLERANCE:
            problems.append(f"betweenness of {node}: guild {ours['betweenness'][node]!r} "
                            f"networkx {value!r}")
            break
    ours_components = {frozenset(c) for c in ours["components"]}
    if ours_components != theirs["components"]:
        problems.append("connected components differ")
    weight = "weight" if weighted else None
    nx_of_ours = nx.community.modularity(g, [set(c) for c in ours["communities"]], weight=weight)
    diff = abs(nx_of_ours - ours["modularity"])
    worst = max(worst, diff)
    if diff > TOLERANCE:
        problems.append(f"modularity: guild {ours['modularity']!r} networkx {nx_of_ours!r}")
    return worst, problems


def main():
    global PROGRESS
    args = sys.argv[1:]
    modes = (False, True)
    cache = None
    while args and args[0].startswith("--"):
        if args[0] == "--weighted-only":
            modes = (True,)
            args = args[1:]
        elif args[0] == "--progress" and len(args) > 1:
            PROGRESS = args[1]
            args = args[2:]
        elif args[0] == "--networkx-cache" and len(args) > 1:
            cache = args[1]
            args = args[2:]
        else:
            print(__doc__)
            return 1
    if len(args) < 2:
        print(__doc__)
        return 1
    binary, files = args[0], args[1:]
    ok = True
    print(f"{'graph':<22} {'mode':<10} {'nodes':>6} {'edges':>7} {'guild s':>8} {'cpu':>7} "
          f"{'networkx s':>10} {'cpu':>8} {'ratio':>7} {'max diff':>9} {'mod guild':>9} "
          f"{'mod nx':>7}  check")
    for path in files:
        g = read_edges(path)
        for weighted in modes:
            if binary == "-":
                _, nx_seconds, nx_cpu = cached_networkx(cache, path, g, weighted)
                print(f"{path} {'weighted' if weighted else 'unweighted'}: NetworkX "
                      f"{nx_seconds:.2f} s, CPU {nx_cpu:.2f} s", flush=True)
                continue
            ours = guild(binary, path, weighted)
            theirs, nx_seconds, nx_cpu = cached_networkx(cache, path, g, weighted)
            worst, problems = compare(path, g, ours, theirs, weighted)
            ratio = nx_cpu / ours["cpu_seconds"]
            good = not problems and ratio >= TARGET_RATIO
            ok = ok and good
            name = path.rsplit("/", 1)[-1]
            print(f"{name:<22} {'weighted' if weighted else 'unweighted':<10} "
                  f"{g.number_of_nodes():>6} {g.number_of_edges():>7} {ours['seconds']:>8.3f} "
                  f"{ours['cpu_seconds']:>7.3f} {nx_seconds:>10.2f} {nx_cpu:>8.2f} {ratio:>6.0f}x "
                  f"{worst:>9.1e} {ours['modularity']:>9.4f} {theirs['louvain_modularity']:>7.4f}  "
                  f"{'OK' if good else 'FAIL'}", flush=True)
            for p in problems:
                print("    " + p)
    return 0 if ok else 3


if __name__ == "__main__":
    sys.exit(main())
