// SQLite schema history. Never edit a released migration: add a new one.
#include <array>

#include "store/internal/migration.h"

namespace guild::store::internal {

namespace {

// Version 1: one table per entity kind, child tables for list fields.
// References to other entities are foreign keys; self references (a
// person's manager, a skill's broader skill) are checked at commit so one
// batch may hold them in any order. Dates are 'YYYY-MM-DD' text.
constexpr std::string_view kInitialSchema = R"sql(
CREATE TABLE people (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  title TEXT NOT NULL,
  grade TEXT NOT NULL,
  practice TEXT NOT NULL,
  office TEXT NOT NULL,
  manager_id TEXT REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
  weekly_capacity_hours REAL NOT NULL,
  start_date TEXT,
  end_date TEXT,
  cost_rate REAL
);
CREATE INDEX people_manager ON people(manager_id);
CREATE TABLE person_tags (
  person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  tag TEXT NOT NULL,
  PRIMARY KEY (person_id, position)
) WITHOUT ROWID;
CREATE TABLE skills (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  broader_id TEXT REFERENCES skills(id) DEFERRABLE INITIALLY DEFERRED,
  source TEXT NOT NULL,
  kind TEXT NOT NULL
);
CREATE INDEX skills_broader ON skills(broader_id);
CREATE TABLE skill_synonyms (
  skill_id TEXT NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  synonym TEXT NOT NULL,
  PRIMARY KEY (skill_id, position)
) WITHOUT ROWID;
CREATE TABLE person_skills (
  person_id TEXT NOT NULL REFERENCES people(id),
  skill_id TEXT NOT NULL REFERENCES skills(id),
  source TEXT NOT NULL,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  wants_to_grow INTEGER NOT NULL,
  last_used TEXT,
  rated_on TEXT,
  PRIMARY KEY (person_id, skill_id, source)
) WITHOUT ROWID;
CREATE INDEX person_skills_skill_level ON person_skills(skill_id, level);
CREATE TABLE roles (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  source TEXT NOT NULL
);
CREATE TABLE role_skills (
  role_id TEXT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  skill_id TEXT NOT NULL REFERENCES skills(id),
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  importance REAL NOT NULL,
  essential INTEGER NOT NULL,
  PRIMARY KEY (role_id, position)
) WITHOUT ROWID;
CREATE INDEX role_skills_skill ON role_skills(skill_id);
CREATE TABLE clients (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  industry TEXT NOT NULL,
  key_client INTEGER NOT NULL
);
CREATE TABLE engagements (
  id TEXT PRIMARY KEY NOT NULL,
  client_id TEXT NOT NULL REFERENCES clients(id),
  name TEXT NOT NULL,
  leader_id TEXT REFERENCES people(id),
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  status TEXT NOT NULL
);
CREATE INDEX engagements_client ON engagements(client_id);
CREATE INDEX engagements_leader ON engagements(leader_id);
CREATE TABLE openings (
  id TEXT PRIMARY KEY NOT NULL,
  engagement_id TEXT NOT NULL REFERENCES engagements(id),
  title TEXT NOT NULL,
  hours_per_week REAL NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  headcount INTEGER NOT NULL
);
CREATE INDEX openings_engagement ON openings(engagement_id);
CREATE TABLE opening_requirements (
  opening_id TEXT NOT NULL REFERENCES openings(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  skill_id TEXT NOT NULL REFERENCES skills(id),
  min_level INTEGER NOT NULL CHECK (min_level BETWEEN 1 AND 5),
  PRIMARY KEY (opening_id, position)
) WITHOUT ROWID;
CREATE INDEX opening_requirements_skill ON opening_requirements(skill_id, min_level);
CREATE TABLE assignments (
  id TEXT PRIMARY KEY NOT NULL,
  person_id TEXT NOT NULL REFERENCES people(id),
  opening_id TEXT NOT NULL REFERENCES openings(id),
  hours_per_week REAL NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  status TEXT NOT NULL
);
CREATE INDEX assignments_person ON assignments(person_id);
CREATE INDEX assignments_opening ON assignments(opening_id);
CREATE TABLE teams (
  id TEXT PRIMARY KEY NOT NULL,
  name TEXT NOT NULL,
  purpose TEXT NOT NULL,
  leader_id TEXT REFERENCES people(id),
  client_id TEXT REFERENCES clients(id),
  leadership_team INTEGER NOT NULL
);
CREATE INDEX teams_leader ON teams(leader_id);
CREATE INDEX teams_client ON teams(client_id);
CREATE TABLE team_members (
  team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  person_id TEXT NOT NULL REFERENCES people(id),
  role TEXT NOT NULL,
  PRIMARY KEY (team_id, position)
) WITHOUT ROWID;
CREATE INDEX team_members_person ON team_members(person_id);
CREATE TABLE time_entries (
  id TEXT PRIMARY KEY NOT NULL,
  person_id TEXT NOT NULL REFERENCES people(id),
  entry_date TEXT NOT NULL,
  hours REAL NOT NULL,
  category TEXT NOT NULL,
  engagement_id TEXT REFERENCES engagements(id)
);
CREATE INDEX time_entries_person_date ON time_entries(person_id, entry_date);
CREATE INDEX time_entries_engagement ON time_entries(engagement_id);
CREATE TABLE skill_history (
  person_id TEXT NOT NULL REFERENCES people(id),
  skill_id TEXT NOT NULL REFERENCES skills(id),
  entry_date TEXT NOT NULL,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  PRIMARY KEY (person_id, skill_id, entry_date)
) WITHOUT ROWID;
CREATE INDEX skill_history_skill ON skill_history(skill_id);
)sql";

// Version 2: staffing preferences. An opening may be the engagement's lead
// seat; opening_preferences holds who volunteered for, is pinned to or is
// excluded from an opening, keyed by (opening_id, person_id).
constexpr std::string_view kOpeningPreferences = R"sql(
ALTER TABLE openings ADD COLUMN lead INTEGER NOT NULL DEFAULT 0;
CREATE TABLE opening_preferences (
  opening_id TEXT NOT NULL REFERENCES openings(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  kind TEXT NOT NULL CHECK (kind IN ('volunteer', 'pinned', 'excluded')),
  note TEXT NOT NULL,
  PRIMARY KEY (opening_id, person_id)
) WITHOUT ROWID;
CREATE INDEX opening_preferences_person ON opening_preferences(person_id);
)sql";

// Version 3: the account tables (users, sessions, API tokens, audit log, data
// version, staffing plans), which builds before version 3 created outside the
// numbered migrations, with "IF NOT EXISTS", marked by guild_account_schema.
// The DDL is theirs, so a database upgraded from one of them (kAdoptAccounts)
// and a new one hold the same tables.
constexpr std::string_view kAccounts = R"sql(
CREATE TABLE guild_users (
  id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL,
  person_id TEXT NOT NULL, role TEXT NOT NULL, disabled INTEGER NOT NULL,
  created_at INTEGER NOT NULL);
CREATE TABLE guild_sessions (
  token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES guild_users(id),
  csrf_token TEXT NOT NULL, created_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL);
CREATE INDEX guild_sessions_user ON guild_sessions(user_id);
CREATE TABLE guild_api_tokens (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES guild_users(id), name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL, last_used_at INTEGER);
CREATE TABLE guild_audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, user_id TEXT NOT NULL,
  action TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, detail TEXT NOT NULL);
CREATE TABLE guild_data_version (id INTEGER PRIMARY KEY, version INTEGER NOT NULL);
INSERT INTO guild_data_version (id, version) VALUES (1, 0);
CREATE TABLE guild_staffing_plans (
  id TEXT PRIMARY KEY, owner_user_id TEXT NOT NULL, created_at INTEGER NOT NULL,
  accepted INTEGER NOT NULL, payload TEXT NOT NULL);
CREATE INDEX guild_staffing_plans_created ON guild_staffing_plans(created_at);
)sql";

// Version 3 on a database whose account tables an older build made: they
// are kept with their rows; the staffing plans (added to them later) are
// created when missing, and the old marker (whose only released version was 1)
// goes.
constexpr std::string_view kAdoptAccounts = R"sql(
CREATE TABLE IF NOT EXISTS guild_staffing_plans (
  id TEXT PRIMARY KEY, owner_user_id TEXT NOT NULL, created_at INTEGER NOT NULL,
  accepted INTEGER NOT NULL, payload TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS guild_staffing_plans_created ON guild_staffing_plans(created_at);
DROP TABLE guild_account_schema;
)sql";

// Version 4: the change feed. Every committed change is a row, numbered by
// the store in commit order, written in the same transaction as the change:
// its entities and deleted keys as text (store/internal/change_codec.h), or
// reload = 1 when it was too large to list. It replaces the data version.
constexpr std::string_view kChangeFeed = R"sql(
CREATE TABLE guild_changes (
  seq INTEGER PRIMARY KEY,
  reload INTEGER NOT NULL,
  body TEXT NOT NULL
);
DROP TABLE guild_data_version;
)sql";

// Version 5: API tokens expire and may be read-only (issue 27 item 5).
// Tokens made before have no expiry and keep writing; an index on the owner
// for listing, counting and revoking a user's tokens.
constexpr std::string_view kTokenLimits = R"sql(
ALTER TABLE guild_api_tokens ADD COLUMN expires_at INTEGER;
ALTER TABLE guild_api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'write'
  CHECK (scope IN ('read', 'write'));
CREATE INDEX guild_api_tokens_user ON guild_api_tokens(user_id);
)sql";

// Version 6: purpose, goals and roles (docs/GOALS.md). Teams get a kind (the
// existing account teams, those with a client, become "account") and an
// engagement for engagement teams. Goals align to a parent goal (checked at
// commit, so a batch may list a child before its parent); a goal's progress
// updates go with it when it is deleted. Deliverables and client
// relationships carry their RACI lists like teams carry members.
constexpr std::string_view kGoalsAndRoles = R"sql(
ALTER TABLE teams ADD COLUMN kind TEXT NOT NULL DEFAULT 'other'
  CHECK (kind IN ('other', 'engagement', 'account', 'practice', 'firm'));
ALTER TABLE teams ADD COLUMN engagement_id TEXT REFERENCES engagements(id);
UPDATE teams SET kind = 'account' WHERE client_id IS NOT NULL;
CREATE INDEX teams_engagement ON teams(engagement_id);
CREATE TABLE goals (
  id TEXT PRIMARY KEY NOT NULL,
  team_id TEXT REFERENCES teams(id),
  title TEXT NOT NULL,
  metric TEXT NOT NULL,
  unit TEXT NOT NULL,
  start_value REAL NOT NULL,
  target_value REAL NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('up', 'down')),
  start_date TEXT NOT NULL,
  due_date TEXT NOT NULL,
  owner_id TEXT NOT NULL REFERENCES people(id),
  parent_id TEXT REFERENCES goals(id) DEFERRABLE INITIALLY DEFERRED,
  shared INTEGER NOT NULL,
  current_value REAL,
  measured_on TEXT
);
CREATE INDEX goals_team ON goals(team_id);
CREATE INDEX goals_owner ON goals(owner_id);
CREATE INDEX goals_parent ON goals(parent_id);
CREATE TABLE goal_raci (
  goal_id TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  person_id TEXT NOT NULL REFERENCES people(id),
  role TEXT NOT NULL CHECK (role IN ('R', 'A', 'C', 'I')),
  PRIMARY KEY (goal_id, position)
) WITHOUT ROWID;
CREATE INDEX goal_raci_person ON goal_raci(person_id);
CREATE TABLE goal_updates (
  goal_id TEXT NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  entry_date TEXT NOT NULL,
  value REAL NOT NULL,
  comment TEXT NOT NULL,
  author_id TEXT REFERENCES people(id),
  PRIMARY KEY (goal_id, entry_date)
) WITHOUT ROWID;
CREATE INDEX goal_updates_author ON goal_updates(author_id);
CREATE TABLE deliverables (
  id TEXT PRIMARY KEY NOT NULL,
  team_id TEXT NOT NULL REFERENCES teams(id),
  name TEXT NOT NULL,
  due_date TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned', 'in-progress', 'done', 'cancelled'))
);
CREATE INDEX deliverables_team ON deliverables(team_id);
CREATE TABLE deliverable_raci (
  deliverable_id TEXT NOT NULL REFERENCES deliverables(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  person_id TEXT NOT NULL REFERENCES people(id),
  role TEXT NOT NULL CHECK (role IN ('R', 'A', 'C', 'I')),
  PRIMARY KEY (deliverable_id, position)
) WITHOUT ROWID;
CREATE INDEX deliverable_raci_person ON deliverable_raci(person_id);
CREATE TABLE client_relationships (
  id TEXT PRIMARY KEY NOT NULL,
  team_id TEXT NOT NULL REFERENCES teams(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  contact TEXT NOT NULL
);
CREATE INDEX client_relationships_team ON client_relationships(team_id);
CREATE INDEX client_relationships_client ON client_relationships(client_id);
CREATE TABLE client_relationship_raci (
  relationship_id TEXT NOT NULL REFERENCES client_relationships(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  person_id TEXT NOT NULL REFERENCES people(id),
  role TEXT NOT NULL CHECK (role IN ('R', 'A', 'C', 'I')),
  PRIMARY KEY (relationship_id, position)
) WITHOUT ROWID;
CREATE INDEX client_relationship_raci_person ON client_relationship_raci(person_id);
CREATE TABLE purpose_changes (
  team_id TEXT NOT NULL REFERENCES teams(id),
  changed_at INTEGER NOT NULL,
  author_id TEXT REFERENCES people(id),
  purpose_before TEXT NOT NULL,
  purpose_after TEXT NOT NULL,
  PRIMARY KEY (team_id, changed_at)
) WITHOUT ROWID;
CREATE INDEX purpose_changes_author ON purpose_changes(author_id);
CREATE TABLE client_log (
  id TEXT PRIMARY KEY NOT NULL,
  engagement_id TEXT NOT NULL REFERENCES engagements(id),
  entry_date TEXT NOT NULL,
  author_id TEXT REFERENCES people(id),
  changed TEXT NOT NULL,
  issues TEXT NOT NULL,
  resolution TEXT NOT NULL
);
CREATE INDEX client_log_engagement_date ON client_log(engagement_id, entry_date);
CREATE INDEX client_log_author ON client_log(author_id);
)sql";

// Version 7: check-ins and feedback (docs/CHECKINS.md). Teams get a check-in
// cadence in days (weekly by default, 0: no check-ins). One check-in per
// person, team and cycle; blockers and routed questions refer to the
// check-in that raised them; a feedback request's reviewers are its answer
// rows, keyed by (request_id, reviewer_id). An inbox item's ref_id names a
// team, question or request, so it has no foreign key. The indexes serve
// the services' Select queries (schema.cc declares the same).
constexpr std::string_view kCheckinsAndFeedback = R"sql(
ALTER TABLE teams ADD COLUMN checkin_cadence_days INTEGER NOT NULL DEFAULT 7
  CHECK (checkin_cadence_days BETWEEN 0 AND 91);
CREATE TABLE checkins (
  id TEXT PRIMARY KEY NOT NULL,
  team_id TEXT NOT NULL REFERENCES teams(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  cycle_start TEXT NOT NULL,
  client_change TEXT NOT NULL,
  note TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  submitted_at INTEGER
);
CREATE UNIQUE INDEX checkins_person_team_cycle ON checkins(person_id, team_id, cycle_start);
CREATE INDEX checkins_team_cycle ON checkins(team_id, cycle_start);
CREATE INDEX checkins_person_cycle ON checkins(person_id, cycle_start);
CREATE TABLE checkin_blockers (
  id TEXT PRIMARY KEY NOT NULL,
  team_id TEXT NOT NULL REFERENCES teams(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  checkin_id TEXT NOT NULL REFERENCES checkins(id),
  text TEXT NOT NULL,
  opened_on TEXT NOT NULL,
  resolved_on TEXT CHECK (resolved_on >= opened_on)
);
CREATE INDEX checkin_blockers_person_opened ON checkin_blockers(person_id, opened_on);
CREATE INDEX checkin_blockers_team_opened ON checkin_blockers(team_id, opened_on);
CREATE INDEX checkin_blockers_checkin ON checkin_blockers(checkin_id);
CREATE TABLE checkin_questions (
  id TEXT PRIMARY KEY NOT NULL,
  checkin_id TEXT NOT NULL REFERENCES checkins(id),
  team_id TEXT NOT NULL REFERENCES teams(id),
  asker_id TEXT NOT NULL REFERENCES people(id),
  addressee_id TEXT NOT NULL REFERENCES people(id),
  text TEXT NOT NULL,
  asked_at INTEGER NOT NULL,
  answer TEXT NOT NULL,
  answered_at INTEGER,
  CHECK (addressee_id <> asker_id)
);
CREATE INDEX checkin_questions_addressee_asked ON checkin_questions(addressee_id, asked_at);
CREATE INDEX checkin_questions_asker_asked ON checkin_questions(asker_id, asked_at);
CREATE INDEX checkin_questions_team_asked ON checkin_questions(team_id, asked_at);
CREATE INDEX checkin_questions_checkin ON checkin_questions(checkin_id);
CREATE TABLE feedback_requests (
  id TEXT PRIMARY KEY NOT NULL,
  requester_id TEXT NOT NULL REFERENCES people(id),
  event_kind TEXT NOT NULL CHECK (event_kind IN ('pitch', 'deliverable', 'meeting', 'other')),
  event TEXT NOT NULL,
  event_date TEXT NOT NULL,
  engagement_id TEXT REFERENCES engagements(id),
  asked_at INTEGER NOT NULL,
  expires_on TEXT NOT NULL CHECK (expires_on >= event_date)
);
CREATE INDEX feedback_requests_requester_asked ON feedback_requests(requester_id, asked_at);
CREATE INDEX feedback_requests_engagement ON feedback_requests(engagement_id);
CREATE TABLE feedback_answers (
  request_id TEXT NOT NULL REFERENCES feedback_requests(id),
  reviewer_id TEXT NOT NULL REFERENCES people(id),
  status TEXT NOT NULL CHECK (status IN ('pending', 'answered', 'declined')),
  most_effective TEXT NOT NULL,
  do_better TEXT NOT NULL,
  responded_at INTEGER,
  shared_with_id TEXT REFERENCES people(id),
  shared_at INTEGER,
  PRIMARY KEY (request_id, reviewer_id)
) WITHOUT ROWID;
CREATE INDEX feedback_answers_reviewer_status ON feedback_answers(reviewer_id, status);
CREATE INDEX feedback_answers_shared_with ON feedback_answers(shared_with_id);
CREATE TABLE inbox_items (
  id TEXT PRIMARY KEY NOT NULL,
  person_id TEXT NOT NULL REFERENCES people(id),
  kind TEXT NOT NULL
    CHECK (kind IN ('nudge', 'question', 'answer', 'feedback-request', 'feedback-answer')),
  ref_id TEXT NOT NULL,
  from_id TEXT REFERENCES people(id),
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  read_at INTEGER
);
CREATE INDEX inbox_items_person_created ON inbox_items(person_id, created_at);
CREATE INDEX inbox_items_from ON inbox_items(from_id);
)sql";

// Version 8: the email outbox (queued with the change that creates an inbox
// item, sent by a server's OutboxSender) and each user's calendar feed token
// (its hash; docs/NOTIFICATIONS.md).
constexpr std::string_view kOutbox = R"sql(
CREATE TABLE guild_outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  inbox_item_id TEXT NOT NULL UNIQUE,
  person_id TEXT NOT NULL,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  sent_at INTEGER,
  message_id TEXT NOT NULL,
  last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX guild_outbox_due ON guild_outbox(state, next_attempt_at);
CREATE TABLE guild_calendar_feeds (
  user_id TEXT PRIMARY KEY NOT NULL REFERENCES guild_users(id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);
)sql";

// Version 9: one cycle's check-ins of many teams in one read (the overdue
// views of a practice leader: docs/CHECKINS.md "At firm scale"). The index
// covers who saved a check-in and whether it was submitted, so
// Store::CycleCheckinStatuses reads it without the table's rows.
constexpr std::string_view kCheckinsByCycle = R"sql(
CREATE INDEX checkins_cycle_team ON checkins(cycle_start, team_id, person_id, submitted_at);
)sql";

// Version 10: mentorships (a mentee asks, the mentor accepts or declines)
// and their skills; the inbox takes two more kinds. SQLite cannot change a
// CHECK, so inbox_items is rebuilt under its own name (nothing refers to it).
constexpr std::string_view kMentorships = R"sql(
CREATE TABLE mentorships (
  id TEXT PRIMARY KEY NOT NULL,
  mentee_id TEXT NOT NULL REFERENCES people(id),
  mentor_id TEXT NOT NULL REFERENCES people(id),
  status TEXT NOT NULL CHECK (status IN ('requested', 'active', 'declined', 'ended')),
  asked_at INTEGER NOT NULL,
  started_on TEXT,
  review_on TEXT CHECK (review_on >= started_on),
  message TEXT NOT NULL,
  ended_on TEXT CHECK (ended_on >= started_on),
  CHECK (mentor_id <> mentee_id)
);
CREATE INDEX mentorships_mentee_status ON mentorships(mentee_id, status);
CREATE INDEX mentorships_mentor_status ON mentorships(mentor_id, status);
CREATE TABLE mentorship_skills (
  mentorship_id TEXT NOT NULL REFERENCES mentorships(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  skill_id TEXT NOT NULL REFERENCES skills(id),
  PRIMARY KEY (mentorship_id, position)
) WITHOUT ROWID;
CREATE INDEX mentorship_skills_skill ON mentorship_skills(skill_id);
ALTER TABLE inbox_items RENAME TO inbox_items_v9;
CREATE TABLE inbox_items (
  id TEXT PRIMARY KEY NOT NULL,
  person_id TEXT NOT NULL REFERENCES people(id),
  kind TEXT NOT NULL
    CHECK (kind IN ('nudge', 'question', 'answer', 'feedback-request', 'feedback-answer',
                    'mentorship-request', 'mentorship-answer')),
  ref_id TEXT NOT NULL,
  from_id TEXT REFERENCES people(id),
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  read_at INTEGER
);
INSERT INTO inbox_items SELECT * FROM inbox_items_v9;
DROP TABLE inbox_items_v9;
CREATE INDEX inbox_items_person_created ON inbox_items(person_id, created_at);
CREATE INDEX inbox_items_from ON inbox_items(from_id);
)sql";

constexpr std::array<Migration, 10> kMigrations = {{
    {1, "initial schema", kInitialSchema},
    {2, "lead openings and opening preferences", kOpeningPreferences},
    {3, "account tables", kAccounts, "guild_account_schema", kAdoptAccounts},
    {4, "change feed", kChangeFeed},
    {5, "token expiry and scope", kTokenLimits},
    {6, "purpose, goals and roles", kGoalsAndRoles},
    {7, "check-ins and feedback", kCheckinsAndFeedback},
    {8, "email outbox and calendar feeds", kOutbox},
    {9, "check-ins by cycle", kCheckinsByCycle},
    {10, "mentorships", kMentorships},
}};

}  // namespace

std::span<const Migration> SqliteMigrations() { return kMigrations; }

}  // namespace guild::store::internal
