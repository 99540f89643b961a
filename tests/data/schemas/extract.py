#!/usr/bin/env python3
"""Writes the schema fixtures of tests/data/schemas from the repository's history.

Each fixture is a database as a released build of Guild left it: the exact DDL
of the migrations and account tables of that build (read from the commit that
landed it, `git show COMMIT:FILE`), its bookkeeping rows, and a small firm and
account data set in it. The upgrade test (src/store/schema_upgrade_test.cc)
loads each fixture into an empty database and opens it with this build.

Run from a clone with history:  python3 tests/data/schemas/extract.py
"""
import os
import re
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))

# The commits that changed the schema, in order.
FIRM_V1 = "b8f48ce"      # firm schema version 1; account tables, account schema 1
FIRM_V2 = "05fa92a"      # firm schema version 2 (lead openings, opening preferences)
PLANS = "30a6b16"        # guild_staffing_plans added to the account tables (still account schema 1)
ONE_STACK = "f6b370f"    # schema version 3: the account tables are migration 3
FEED = "db6d5ad"         # schema version 4: the change feed replaces the data version
TOKEN_LIMITS = "1494228"  # schema version 5: API tokens expire and have a scope
GOALS = "1687a22"        # schema version 6: purpose, goals and roles
CHECKINS = "2948a26"     # schema version 7: check-ins, feedback and the inbox
OUTBOX = "62a1f67"       # schema version 8: email outbox and calendar feeds
CYCLES = "0c3fa69"       # schema version 9: check-ins by cycle (a covering index)


def show(commit, path):
    return subprocess.run(["git", "show", f"{commit}:{path}"], check=True, capture_output=True,
                          text=True, cwd=HERE).stdout


def raw_string(source, name):
    """The text of `constexpr ... name = R"sql(...)sql";` in a C++ file."""
    match = re.search(name + r'\s*=\s*R"sql\((.*?)\)sql"', source, re.S)
    if not match:
        raise SystemExit(f"{name} not found")
    return match.group(1).strip() + "\n"


def migrations(commit, backend):
    path = {"sqlite": "src/store/sqlite/sqlite_migrations.cc",
            "postgres": "src/store/postgres/pg_migrations.cc"}[backend]
    source = show(commit, path)
    out = [(1, "initial schema", raw_string(source, "kInitialSchema"))]
    if "kOpeningPreferences" in source:
        out.append((2, "lead openings and opening preferences",
                    raw_string(source, "kOpeningPreferences")))
    if "kAccounts" in source:
        out.append((3, "account tables", raw_string(source, "kAccounts")))
    if "kChangeFeed" in source:
        out.append((4, "change feed", raw_string(source, "kChangeFeed")))
    if "kTokenLimits" in source:
        out.append((5, "token expiry and scope", raw_string(source, "kTokenLimits")))
    if "kGoalsAndRoles" in source:
        out.append((6, "purpose, goals and roles", raw_string(source, "kGoalsAndRoles")))
    if "kCheckinsAndFeedback" in source:
        out.append((7, "check-ins and feedback", raw_string(source, "kCheckinsAndFeedback")))
    if "kOutbox" in source:
        out.append((8, "email outbox and calendar feeds", raw_string(source, "kOutbox")))
    if "kCheckinsByCycle" in source:
        out.append((9, "check-ins by cycle", raw_string(source, "kCheckinsByCycle")))
    if "kMentorships" in source:
        out.append((10, "mentorships", raw_string(source, "kMentorships")))
    return out


def schema_migrations_ddl(commit, backend):
    path = {"sqlite": "src/store/sqlite/sqlite_store.cc",
            "postgres": "src/store/postgres/pg_store.cc"}[backend]
    source = show(commit, path)
    if "CREATE TABLE IF NOT EXISTS schema_migrations" not in source:  # moved by ONE_STACK
        path = {"sqlite": "src/store/sqlite/sqlite_handle.cc",
                "postgres": "src/store/postgres/pg_connection.cc"}[backend]
        source = show(commit, path)
    match = re.search(r'"(CREATE TABLE IF NOT EXISTS schema_migrations[^"]*)"\s*"([^"]*)"', source)
    return match.group(1) + match.group(2) + ";\n"


def account_ddl(commit, backend):
    path = {"sqlite": "src/store/sqlite/accounts_sqlite.cc",
            "postgres": "src/store/postgres/accounts_postgres.cc"}[backend]
    match = re.search(r'kSchema = R"sql\((.*?)\)sql"', show(commit, path), re.S)
    return match.group(1).strip() + "\n"


def value(v, backend):
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return ("1" if v else "0") if backend == "sqlite" else ("true" if v else "false")
    if isinstance(v, (int, float)):
        return repr(v)
    return "'" + v.replace("'", "''") + "'"


def insert(table, rows, backend):
    return "".join(f"INSERT INTO {table} VALUES ({', '.join(value(v, backend) for v in row)});\n"
                   for row in rows)


# The firm: every version-1 table, each with a row or two.
FIRM_V1_ROWS = [
    ("people", [
        ("p1", "Ada Lovelace", "ada@firm.test", "Partner", "partner", "Tax", "London", None, 40.0,
         "2020-01-06", None, 950.0),
        ("p2", "Brian Kernighan", "brian@firm.test", "Associate", "associate", "Tax", "Leeds", "p1",
         37.5, None, "2027-03-31", None),
    ]),
    ("person_tags", [("p1", 0, "mentor"), ("p1", 1, "speaker")]),
    ("skills", [
        ("firm:tax", "Tax law", "Direct and indirect tax", None, "firm", "knowledge"),
        ("firm:vat", "VAT", "", "firm:tax", "firm", "knowledge"),
    ]),
    ("skill_synonyms", [("firm:vat", 0, "value added tax")]),
    ("person_skills", [
        ("p1", "firm:tax", "self", 5, False, "2026-10-01", "2026-10-02"),
        ("p2", "firm:vat", "manager", 2, True, None, None),
    ]),
    ("roles", [("role:tax-senior", "Senior tax adviser", "Leads VAT work", "firm")]),
    ("role_skills", [("role:tax-senior", 0, "firm:vat", 4, 0.75, True)]),
    ("clients", [("c1", "Northwind", "Retail", True)]),
    ("engagements", [("e1", "c1", "VAT review", "p1", "2026-09-01", "2026-12-18", "confirmed")]),
    ("openings", [("o1", "e1", "VAT senior", 20.0, "2026-10-05", "2026-12-18", 2)]),
    ("opening_requirements", [("o1", 0, "firm:vat", 3)]),
    ("assignments", [("a1", "p2", "o1", 20.0, "2026-10-05", "2026-12-18", "confirmed")]),
    ("teams", [("t1", "Indirect tax", "VAT for retail", "p1", "c1", False)]),
    ("team_members", [("t1", 0, "p2", "member")]),
    ("time_entries", [("te1", "p2", "2026-10-05", 7.5, "billable", "e1")]),
    ("skill_history", [("p2", "firm:vat", "2026-06-30", 1)]),
]
# Version 2 adds a lead opening (the engagement has a leader, so the lead
# opening is on a second engagement without one) and a preference.
FIRM_V2_ROWS = [
    ("engagements", [("e2", "c1", "Tax health check", None, "2026-11-02", "2027-01-29",
                      "tentative")]),
    ("openings", [("o2", "e2", "Lead", 8.0, "2026-11-02", "2027-01-29", 1, True)]),
    ("opening_preferences", [("o1", "p1", "excluded", "on leave in November")]),
]
ACCOUNT_ROWS = [
    ("guild_users", [
        ("u1", "ada@firm.test", "$argon2id$v=19$fixture", "p1", "administrator", False, 1764000000),
        ("u2", "brian@firm.test", "$argon2id$v=19$fixture2", "p2", "member", True, 1764000100),
    ]),
    ("guild_sessions", [("sessionhash1", "u1", "csrf1", 1764000200, 1764000300)]),
    ("guild_api_tokens", [("tok1", "u1", "ci", "tokenhash1", 1764000400, None)]),
    ("guild_audit", [
        (1, 1764000500, "u1", "user.create", "user", "u2", "role=member"),
        (2, 1764000600, "u1", "import", "people", "people.csv", "csv rows=2"),
    ]),
]
# Version 6: the team is an account team (it has a client), with goals, their
# RACI and progress, a deliverable, a client relationship, a purpose change
# and a client log entry.
GOALS_ROWS = [
    ("goals", [
        ("g1", "t1", "Northwind renews", "satisfaction", "points", 6.0, 9.0, "up", "2026-01-01",
         "2026-12-31", "p1", None, False, 7.5, "2026-10-01"),
        ("g2", None, "Learn VAT", "level", "", 1.0, 3.0, "up", "2026-01-01", "2027-06-30", "p2",
         "g1", True, None, None),
    ]),
    ("goal_raci", [("g1", 0, "p2", "R")]),
    ("goal_updates", [("g1", "2026-10-01", 7.5, "After the review", "p1")]),
    ("deliverables", [("d1", "t1", "VAT memo", "2026-11-30", "in-progress")]),
    ("deliverable_raci", [("d1", 0, "p1", "A"), ("d1", 1, "p2", "R")]),
    ("client_relationships", [("r1", "t1", "c1", "CFO, Jane Roe")]),
    ("client_relationship_raci", [("r1", 0, "p1", "A")]),
    ("purpose_changes", [("t1", 1764000800, "p1", "", "VAT for retail")]),
    ("client_log", [("l1", "e1", "2026-10-06", "p2", "New CFO", "", "")]),
]
# Version 7: the team runs fortnightly check-ins; p2 checked in once, with a
# blocker and a question to p1 (answered), asked p1 for feedback (answered and
# shared) and has an unread inbox item.
CHECKIN_ROWS = [
    ("checkins", [("ci1", "t1", "p2", "2026-10-05", "New CFO", "", 1764000900, 1764000950),
                  ("ci2", "t1", "p2", "2026-10-19", "", "draft", 1764001000, None)]),
    ("checkin_blockers", [("b1", "t1", "p2", "ci1", "No ledger access", "2026-10-08", None)]),
    ("checkin_questions", [("q1", "ci1", "t1", "p2", "p1", "Who signs the memo?", 1764000950,
                            "I do", 1764001100)]),
    ("feedback_requests", [("f1", "p2", "meeting", "Steering committee", "2026-10-05", "e1",
                            1764001200, "2026-10-19")]),
    ("feedback_answers", [("f1", "p1", "answered", "Clear numbers", "Shorter slides", 1764001300,
                           "p1", 1764001400)]),
    ("inbox_items", [("i1", "p2", "answer", "q1", "p1", "Ada answered", 1764001100, None)]),
]
# Version 8: the inbox item was mailed (sent), and u2 has a calendar feed.
OUTBOX_ROWS = [
    ("guild_outbox", [(1, "i1", "p2", "brian@firm.test", "Ada answered", "I do", 1764001100,
                       "sent", 1, 1764001100, 1764001160, "i1.1764001100", "")]),
    ("guild_calendar_feeds", [("u2", "feedhash1", 1764001500)]),
]
PLAN_ROWS = [("guild_staffing_plans", [("plan_1", "u1", 1764000700, False, "fixture plan text")])]
DATA_VERSION = 7


def firm_rows(version, backend):
    out = ""
    for table, rows in FIRM_V1_ROWS:
        if version >= 2 and table == "openings":
            rows = [row + (False,) for row in rows]
        if version >= 6 and table == "teams":  # kind, engagement_id
            rows = [row + ("account", None) for row in rows]
        if version >= 7 and table == "teams":  # checkin_cadence_days
            rows = [row + (14,) for row in rows]
        out += insert(table, rows, backend)
        if version >= 2:
            for extra_table, extra in FIRM_V2_ROWS:
                if extra_table == table:
                    out += insert(table, extra, backend)
    if version >= 2:
        out += insert("opening_preferences", FIRM_V2_ROWS[2][1], backend)
    if version >= 6:
        for table, rows in GOALS_ROWS:
            out += insert(table, rows, backend)
    if version >= 7:
        for table, rows in CHECKIN_ROWS:
            out += insert(table, rows, backend)
    return out


def fixture(backend, firm_version, accounts):
    """accounts: None, FIRM_V1 (no plans table), PLANS or ONE_STACK (schema version 3: the
    account tables are migration 3)."""
    if accounts in (ONE_STACK, FEED, TOKEN_LIMITS, GOALS, CHECKINS, OUTBOX, CYCLES):
        return fixture_numbered(backend, accounts)
    commit = FIRM_V1 if firm_version == 1 else FIRM_V2
    parts = [f"-- Guild database as left by commit {accounts or commit} "
             f"(firm schema version {firm_version}"
             + (", account schema 1" + (" with staffing plans" if accounts == PLANS else "")
                if accounts else ", no account tables")
             + f"), {backend}.\n-- Written by tests/data/schemas/extract.py; do not edit.\n"]
    parts.append(schema_migrations_ddl(commit, backend))
    for version, name, sql in migrations(commit, backend):
        if version > firm_version:
            continue
        parts.append(sql)
        parts.append(insert("schema_migrations (version, name)", [(version, name)], backend))
    if accounts:
        parts.append(account_ddl(accounts, backend))
        parts.append(insert("guild_account_schema", [(1,)], backend))
    parts.append(firm_rows(firm_version, backend))
    if accounts:
        parts.append(f"UPDATE guild_data_version SET version = {DATA_VERSION} WHERE id = 1;\n")
        for table, rows in ACCOUNT_ROWS + (PLAN_ROWS if accounts == PLANS else []):
            parts.append(insert(table, rows, backend))
        if backend == "postgres":
            parts.append("SELECT setval('guild_audit_seq_seq', 2);\n")
    return "".join(parts)


# From version 5 on, the change feed holds one committed change (a reload
# record, which needs no body): an upgraded database keeps its feed position.
FEED_ROWS = [("guild_changes", [(1, True, "")])]


def fixture_numbered(backend, commit):
    """A schema from version 3 on: every table under the numbered migrations."""
    versions = migrations(commit, backend)
    parts = [f"-- Guild database as left by commit {commit} (schema version {versions[-1][0]}: "
             f"firm tables and account tables), {backend}.\n"
             "-- Written by tests/data/schemas/extract.py; do not edit.\n"]
    parts.append(schema_migrations_ddl(commit, backend))
    for version, name, sql in versions:
        parts.append(sql)
        parts.append(insert("schema_migrations (version, name)", [(version, name)], backend))
    parts.append(firm_rows(versions[-1][0] if versions[-1][0] >= 6 else 2, backend))
    if versions[-1][0] < 4:  # the change feed replaced the data version
        parts.append(f"UPDATE guild_data_version SET version = {DATA_VERSION} WHERE id = 1;\n")
    for table, rows in ACCOUNT_ROWS + PLAN_ROWS + (FEED_ROWS if versions[-1][0] >= 5 else []):
        if table == "guild_api_tokens" and versions[-1][0] >= 5:  # expires_at (never), scope
            rows = [row + (None, "write") for row in rows]
        parts.append(insert(table, rows, backend))
    if versions[-1][0] >= 8:
        for table, rows in OUTBOX_ROWS:
            parts.append(insert(table, rows, backend))
    if backend == "postgres":
        parts.append("SELECT setval('guild_audit_seq_seq', 2);\n")
        if versions[-1][0] >= 8:
            parts.append("SELECT setval('guild_outbox_id_seq', 1);\n")
    return "".join(parts)


FIXTURES = [
    ("v1", 1, None),                   # a firm imported by the CLI, never served
    ("v1-accounts", 1, FIRM_V1),       # served by the first release
    ("v2-accounts", 2, FIRM_V1),       # after the lead openings release
    ("v2-accounts-plans", 2, PLANS),   # after staffing plans moved to the database
    ("v3", 2, ONE_STACK),              # account tables under the numbered migrations
    ("v4", 2, FEED),                   # the change feed
    ("v5", 2, TOKEN_LIMITS),           # token expiry and scope
    ("v6", 6, GOALS),                  # purpose, goals and roles
    ("v7", 7, CHECKINS),               # check-ins, feedback and the inbox
    ("v8", 7, OUTBOX),                 # email outbox and calendar feeds
    ("v9", 7, CYCLES),                 # check-ins by cycle
]

for backend in ("sqlite", "postgres"):
    os.makedirs(os.path.join(HERE, backend), exist_ok=True)
    for name, firm_version, accounts in FIXTURES:
        with open(os.path.join(HERE, backend, name + ".sql"), "w") as out:
            out.write(fixture(backend, firm_version, accounts))
