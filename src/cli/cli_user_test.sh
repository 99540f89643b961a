#!/usr/bin/env bash
# End-to-end test of `guild user add` through the real binary: the password
# never comes from the command line, where `ps` shows it to every user of the
# machine (issue 27 item 7); it comes from an environment variable or standard
# input, and the password policy refuses common passwords.
# Usage: cli_user_test.sh PATH_TO_GUILD

# shellcheck source=../../tests/cli_test_lib.sh
. "$(dirname "$0")/../../tests/cli_test_lib.sh"

expect_exit 0 env GUILD_ADMIN_PASSWORD=first-admin-pass "$GUILD" init --db "$DB" --admin-email admin@firm.test

# On the command line: refused, nothing created.
expect_exit 1 "$GUILD" user add --db "$DB" --email a@firm.test --password visible-in-ps
expect_in "$DIR/err" "--password"
expect_in "$DIR/err" "ps"
# No password anywhere: refused and says where to put it.
expect_exit 1 env -u GUILD_USER_PASSWORD "$GUILD" user add --db "$DB" --email a@firm.test
expect_in "$DIR/err" "GUILD_USER_PASSWORD"
# A common password: refused by the policy.
expect_exit 1 env GUILD_USER_PASSWORD=password "$GUILD" user add --db "$DB" --email a@firm.test
expect_in "$DIR/err" "password"

expect_exit 0 env GUILD_USER_PASSWORD=from-the-env-1 "$GUILD" user add --db "$DB" --email a@firm.test
expect_in "$DIR/out" "a@firm.test"
printf 'from-stdin-pass\n' >"$DIR/pw"
expect_exit 0 "$GUILD" user add --db "$DB" --email b@firm.test --role firm_leader --password-stdin <"$DIR/pw"
expect_in "$DIR/out" "b@firm.test firm_leader"
expect_exit 0 env SECRET_PW=named-env-pass "$GUILD" user add --db "$DB" --email c@firm.test --password-env SECRET_PW
expect_in "$DIR/out" "c@firm.test"

# A breached-password list (Have I Been Pwned's layout, ordered by hash):
# a listed password is refused naming the field, another is accepted.
listed=$(printf '%s' 'leaked-in-2019' | sha1sum | cut -c1-40 | tr a-f A-F)
other=$(printf '%s' 'another-leaked' | sha1sum | cut -c1-40 | tr a-f A-F)
printf '%s:12\n%s:3\n' "$listed" "$other" | LC_ALL=C sort >"$DIR/pwned.txt"
expect_exit 1 env GUILD_USER_PASSWORD=leaked-in-2019 "$GUILD" user add --db "$DB" --email d@firm.test --breached-passwords "$DIR/pwned.txt"
expect_in "$DIR/err" "password"
expect_in "$DIR/err" "data breaches"
expect_exit 0 env GUILD_USER_PASSWORD=never-leaked-1 "$GUILD" user add --db "$DB" --email d@firm.test --breached-passwords "$DIR/pwned.txt"
expect_in "$DIR/out" "d@firm.test"
# A list out of order is refused naming the file and line; nothing is created.
printf '%s\n%s\n' FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF 0000000000000000000000000000000000000000 >"$DIR/unsorted.txt"
expect_exit 1 env GUILD_USER_PASSWORD=never-leaked-2 "$GUILD" user add --db "$DB" --email e@firm.test --breached-passwords "$DIR/unsorted.txt"
expect_in "$DIR/err" "unsorted.txt line 2"
# guild serve checks the list before it opens the database and loads the
# firm: a bad list fails at once and creates no database.
expect_exit 1 "$GUILD" serve --db "$DIR/never-created.db" --port 0 --breached-passwords "$DIR/unsorted.txt"
expect_in "$DIR/err" "unsorted.txt line 2"
[ ! -e "$DIR/never-created.db" ] || fail "guild serve created the database before checking --breached-passwords"

finish cli_user
