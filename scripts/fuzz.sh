#!/usr/bin/env bash
# Builds the libFuzzer targets with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer into build-fuzz/ and runs each of them
# (docs/FUZZING.md). Each target starts from its seeds and past findings in
# tests/fuzz/TARGET (read only) plus its working corpus in
# build-fuzz/corpus/TARGET, which grows across runs.
#
#   bash scripts/fuzz.sh                  # every target for 5 s (the test command's run)
#   bash scripts/fuzz.sh --seconds 600 api_fuzz
#   bash scripts/fuzz.sh --runs 10000000  # the long run of bench/results/fuzz.md
#
# Prints one line per target (executions, rate, coverage, corpus); exits 1
# when a target finds a crash, a sanitizer report, a leak, a timeout or a
# broken property. The input that did it is in build-fuzz/findings/TARGET/:
# add it to tests/fuzz/TARGET/ (the replay test then keeps it fixed).
set -euo pipefail
cd "$(dirname "$0")/.."

# The short run starts from a fixed seed: the same mutations on every machine.
limit=(-max_total_time=5 -seed=1)
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) limit=(-max_total_time="$2"); shift 2 ;;
    --runs) limit=(-runs="$2"); shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $1 (expected --seconds N, --runs N)" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
all=(json_body_fuzz target_fuzz server_fuzz import_fuzz gap_io_fuzz staffing_plan_json_fuzz api_fuzz)
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")

bash scripts/install-deps.sh
# -O1 with assertions on (no NDEBUG): the sanitizers' usual setting. No
# -gline-tables-only: with coverage instrumentation clang 14 cannot compile
# the server's coroutines with it ("Cannot represent a difference across
# sections"); reports name functions, not lines.
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=Fuzz \
  -DCMAKE_CXX_FLAGS_FUZZ="-O1" -DGUILD_FUZZ=ON \
  -DGUILD_BUILD_TESTS=OFF -DGUILD_BUILD_BENCH=OFF -DGUILD_BUILD_WEB=OFF >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target "${targets[@]}"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:symbolize=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=0
printf '%-26s %12s %10s %8s %8s %8s  %s\n' target runs runs/s edges features corpus result
for t in "${targets[@]}"; do
  seeds="tests/fuzz/$t"
  work="build-fuzz/corpus/$t"
  findings="build-fuzz/findings/$t"
  log="build-fuzz/$t.log"
  mkdir -p "$work" "$findings"
  dict=()
  [ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")
  result=ok
  if ! "build-fuzz/$t" "${limit[@]}" "${dict[@]}" -timeout=25 -rss_limit_mb=4096 \
      -print_final_stats=1 -artifact_prefix="$findings/" "$work" "$seeds" >"$log" 2>&1; then
    result="FINDING (see $log and $findings/)"
    failed=1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  edges=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  features=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  corpus=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")
  printf '%-26s %12s %10s %8s %8s %8s  %s\n' "$t" "${runs:-?}" "${rate:-?}" "${edges:-?}" \
    "${features:-?}" "${corpus:-?}" "$result"
  if [ "$result" != ok ]; then grep -E 'ERROR|fuzz property|runtime error|SUMMARY' "$log" | head -5; fi
done
exit "$failed"
