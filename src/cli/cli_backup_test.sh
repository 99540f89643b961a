#!/usr/bin/env bash
# End-to-end test of `guild backup` and `guild restore` through the real
# binary (issue 27, "Backups and upgrades"): a round trip, and the refusals,
# each naming the file and what is wrong and leaving nothing behind.
# Usage: cli_backup_test.sh PATH_TO_GUILD

# shellcheck source=../../tests/cli_test_lib.sh
. "$(dirname "$0")/../../tests/cli_test_lib.sh"

expect_exit 0 env GUILD_ADMIN_PASSWORD=first-admin-pass "$GUILD" init --db "$DB" --admin-email admin@firm.test
expect_exit 0 env GUILD_USER_PASSWORD=second-user-pass "$GUILD" user add --db "$DB" --email b@firm.test

# Backup: written once, never over an existing file.
expect_exit 0 "$GUILD" backup --db "$DB" --out "$DIR/one.backup"
expect_in "$DIR/out" "$DIR/one.backup"
expect_exit 1 "$GUILD" backup --db "$DB" --out "$DIR/one.backup"
expect_in "$DIR/err" "$DIR/one.backup"
expect_in "$DIR/err" "already exists"
# A database that does not exist: named, and no backup file appears.
expect_exit 1 "$GUILD" backup --db "$DIR/missing.db" --out "$DIR/two.backup"
expect_in "$DIR/err" "$DIR/missing.db"
[ ! -e "$DIR/two.backup" ] || fail "a failed backup left $DIR/two.backup"
[ ! -e "$DIR/two.backup.partial" ] || fail "a failed backup left $DIR/two.backup.partial"
expect_exit 1 "$GUILD" backup --db "$DB"
expect_in "$DIR/err" "--out"

# Restore into a new database: the users come back and can be added to.
expect_exit 0 "$GUILD" restore --db "$DIR/restored.db" --from "$DIR/one.backup"
expect_exit 1 env GUILD_USER_PASSWORD=another-user-pass "$GUILD" user add --db "$DIR/restored.db" --email b@firm.test
expect_in "$DIR/err" "already exists"
expect_exit 0 env GUILD_USER_PASSWORD=another-user-pass "$GUILD" user add --db "$DIR/restored.db" --email c@firm.test

# Into a database with data: refused, says --force, changes nothing.
cp "$DIR/restored.db" "$DIR/before.db"
expect_exit 1 "$GUILD" restore --db "$DIR/restored.db" --from "$DIR/one.backup"
expect_in "$DIR/err" "$DIR/restored.db"
expect_in "$DIR/err" "not empty"
expect_in "$DIR/err" "--force"
cmp -s "$DIR/restored.db" "$DIR/before.db" || fail "a refused restore changed the database"
# With --force: replaced by the backup (c@ is gone, b@ is there).
expect_exit 0 "$GUILD" restore --db "$DIR/restored.db" --from "$DIR/one.backup" --force
expect_exit 0 env GUILD_USER_PASSWORD=another-user-pass "$GUILD" user add --db "$DIR/restored.db" --email c@firm.test
[ ! -e "$DIR/restored.db.restoring" ] || fail "restore left its temporary file"

# Not a backup, or no file at all: named, and no database appears.
printf 'not a database\n' >"$DIR/junk.backup"
expect_exit 1 "$GUILD" restore --db "$DIR/new.db" --from "$DIR/junk.backup"
expect_in "$DIR/err" "$DIR/junk.backup"
expect_in "$DIR/err" "not a SQLite database"
expect_exit 1 "$GUILD" restore --db "$DIR/new.db" --from "$DIR/nothing.backup"
expect_in "$DIR/err" "$DIR/nothing.backup"
expect_in "$DIR/err" "no such backup file"
[ ! -e "$DIR/new.db" ] || fail "a refused restore created $DIR/new.db"

finish cli_backup
