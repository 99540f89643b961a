#!/usr/bin/env bash
# GAP benchmark: guild vs COIN-OR CBC on every type C, D, E instance of
# chu1997 and yagiura2004, same time limit, one core each.
# Usage: bench/gap/run.sh [TIME_LIMIT=10] [PATTERN]
#   PATTERN: optional regular expression on "folder/name" (e.g. 'd801600|e05');
#     'cattrysse' runs the 60 small OR-Library gap1..gap12 problems instead.
#   GUILD_SHARED_DATA: the shared data folder (default: ../shared/data beside the repository).
#   GUILD_BIN overrides the solver binary (default: build/guild).
#   GAP_NO_CBC=1 runs only guild (no CBC columns).
#   GAP_PARALLEL=1 runs guild and CBC on the same instance at once (2 idle cores).
set -euo pipefail
TIME_LIMIT="${1:-10}"
PATTERN="${2:-}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
GUILD_BIN="${GUILD_BIN:-$ROOT/build/guild}"
DATA="${GUILD_SHARED_DATA:-$ROOT/../shared/data}/gap"
exec python3 "$ROOT/bench/gap/bench.py" --guild "$GUILD_BIN" --data "$DATA" \
  --time-limit "$TIME_LIMIT" --pattern "$PATTERN" ${GAP_NO_CBC:+--no-cbc} ${GAP_PARALLEL:+--parallel}
