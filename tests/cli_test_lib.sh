# Shared helpers of the CLI script tests (sourced, not run). The sourcing
# script sets GUILD, DIR (a temporary folder it removes) and FAILURES=0.

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
