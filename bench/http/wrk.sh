# shellcheck shell=bash
# Sourced by the HTTP benchmarks (bench/http/run.sh, bench/goals/team_page.sh):
# reading wrk's report.
#
#   to_ms VALUE          wrk's "850.00us" / "3.78ms" / "1.02s" in milliseconds
#   wrk_summary REPORT   "RPS P99_MS ERRORS" from a `wrk --latency` report
#                        (ERRORS: the non-2xx and socket error lines, or "none")

to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n;
  else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }

wrk_summary() {
  local rps p99 errors
  rps="$(awk '/^Requests\/sec:/ { print $2 }' <<<"$1")"
  p99="$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$1")")"
  errors="$(awk '/Non-2xx|Socket errors/ { $1 = $1; printf "%s; ", $0 }' <<<"$1")"
  echo "$rps $p99 ${errors:-none}"
}
