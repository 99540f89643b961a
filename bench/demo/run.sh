#!/usr/bin/env bash
# Benchmark of `guild demo` at the largest supported size, against its targets:
# under 60 s wall clock and under 4 GiB peak RSS for 500,000 people written
# into SQLite. Also runs bench/demo/demo_generate to split generation from
# store writing (per-kind write rates).
#
#   bash bench/demo/run.sh [BUILD_DIR] [PEOPLE]
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD="${1:-build}"
PEOPLE="${2:-500000}"
DB=/tmp/x.db
TARGET_SECONDS=60
TARGET_GIB=4

rm -f "$DB" "$DB-wal" "$DB-shm"
echo "== $BUILD/guild demo --people $PEOPLE --seed 1 --db $DB --today 2025-04-22"
/usr/bin/time -v "$BUILD/guild" demo --people "$PEOPLE" --seed 1 --db "$DB" --today 2025-04-22 \
  > /tmp/guild_demo_bench.out 2> /tmp/guild_demo_bench.time
grep -E '^(Entities|Timings)' /tmp/guild_demo_bench.out
secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' /tmp/guild_demo_bench.time)
kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' /tmp/guild_demo_bench.time)
gib=$(awk -v k="$kib" 'BEGIN {printf "%.2f", k/1048576}')
awk -v s="$secs" -v g="$gib" -v ts="$TARGET_SECONDS" -v tg="$TARGET_GIB" 'BEGIN {
  printf "wall clock: %.1f s (target < %d s, ratio %.2f) %s\n", s, ts, s/ts, (s < ts ? "OK" : "OVER");
  printf "peak RSS:   %.2f GiB (target < %d GiB, ratio %.2f) %s\n", g, tg, g/tg, (g < tg ? "OK" : "OVER");
}'

rm -f "$DB" "$DB-wal" "$DB-shm"
echo "== $BUILD/bench/demo/demo_generate $PEOPLE 1 data/taxonomy $DB (generation vs. writing)"
"$BUILD/bench/demo/demo_generate" "$PEOPLE" 1 data/taxonomy "$DB"
rm -f "$DB" "$DB-wal" "$DB-shm"
