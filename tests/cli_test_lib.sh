# Shared set-up and helpers of the CLI script tests (sourced, not run, by a
# script whose first argument is the guild binary): GUILD, DIR (a temporary
# folder removed on exit), DB (a database path in it) and FAILURES.
set -u
GUILD=$1
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
DB="$DIR/guild.db"
FAILURES=0

fail() { echo "FAIL: $*"; FAILURES=$((FAILURES + 1)); }
# expect_exit CODE -- command...: runs the command, saving stdout/stderr.
expect_exit() {
  local want=$1; shift
  "$@" >"$DIR/out" 2>"$DIR/err"
  local got=$?
  [ "$got" = "$want" ] || fail "'$*' exited $got, expected $want; stderr: $(head -c 2000 "$DIR/err")"
}
expect_in() {  # expect_in FILE TEXT
  grep -qF -- "$2" "$1" || fail "$(basename "$1") lacks '$2': $(head -c 2000 "$1")"
}
# finish NAME: the last line of a test: says how it went, exits 1 on failures.
finish() {
  if [ "$FAILURES" -ne 0 ]; then echo "$1: $FAILURES check(s) failed"; exit 1; fi
  echo "$1: all checks passed"
  exit 0
}
