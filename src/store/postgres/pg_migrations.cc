// PostgreSQL schema history; same versions and meaning as the SQLite list.
// Never edit a released migration: add a new one.
#include <array>

#include "store/internal/migration.h"

namespace guild::store::internal {

namespace {

// Version 1: as SQLite's, with native types. Keys and references compare
// bytewise (COLLATE "C") so both backends order reads identically.
constexpr std::string_view kInitialSchema = R"sql(
CREATE TABLE people (
  id text COLLATE "C" PRIMARY KEY,
  name text NOT NULL,
  email text NOT NULL,
  title text NOT NULL,
  grade text NOT NULL,
  practice text NOT NULL,
  office text NOT NULL,
  manager_id text COLLATE "C" REFERENCES people(id) DEFERRABLE INITIALLY DEFERRED,
  weekly_capacity_hours double precision NOT NULL,
  start_date date,
  end_date date,
  cost_rate double precision
);
CREATE INDEX people_manager ON people(manager_id);
CREATE TABLE person_tags (
  person_id text COLLATE "C" NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  position integer NOT NULL,
  tag text NOT NULL,
  PRIMARY KEY (person_id, position)
);
CREATE TABLE skills (
  id text COLLATE "C" PRIMARY KEY,
  name text NOT NULL,
  description text NOT NULL,
  broader_id text COLLATE "C" REFERENCES skills(id) DEFERRABLE INITIALLY DEFERRED,
  source text NOT NULL,
  kind text NOT NULL
);
CREATE INDEX skills_broader ON skills(broader_id);
CREATE TABLE skill_synonyms (
  skill_id text COLLATE "C" NOT NULL REFERENCES skills(id) ON DELETE CASCADE,
  position integer NOT NULL,
  synonym text NOT NULL,
  PRIMARY KEY (skill_id, position)
);
CREATE TABLE person_skills (
  person_id text COLLATE "C" NOT NULL REFERENCES people(id),
  skill_id text COLLATE "C" NOT NULL REFERENCES skills(id),
  source text COLLATE "C" NOT NULL,
  level integer NOT NULL CHECK (level BETWEEN 1 AND 5),
  wants_to_grow boolean NOT NULL,
  last_used date,
  rated_on date,
  PRIMARY KEY (person_id, skill_id, source)
);
CREATE INDEX person_skills_skill_level ON person_skills(skill_id, level);
CREATE TABLE roles (
  id text COLLATE "C" PRIMARY KEY,
  name text NOT NULL,
  description text NOT NULL,
  source text NOT NULL
);
CREATE TABLE role_skills (
  role_id text COLLATE "C" NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
  position integer NOT NULL,
  skill_id text COLLATE "C" NOT NULL REFERENCES skills(id),
  level integer NOT NULL CHECK (level BETWEEN 1 AND 5),
  importance double precision NOT NULL,
  essential boolean NOT NULL,
  PRIMARY KEY (role_id, position)
);
CREATE INDEX role_skills_skill ON role_skills(skill_id);
CREATE TABLE clients (
  id text COLLATE "C" PRIMARY KEY,
  name text NOT NULL,
  industry text NOT NULL,
  key_client boolean NOT NULL
);
CREATE TABLE engagements (
  id text COLLATE "C" PRIMARY KEY,
  client_id text COLLATE "C" NOT NULL REFERENCES clients(id),
  name text NOT NULL,
  leader_id text COLLATE "C" REFERENCES people(id),
  start_date date NOT NULL,
  end_date date NOT NULL,
  status text NOT NULL
);
CREATE INDEX engagements_client ON engagements(client_id);
CREATE INDEX engagements_leader ON engagements(leader_id);
CREATE TABLE openings (
  id text COLLATE "C" PRIMARY KEY,
  engagement_id text COLLATE "C" NOT NULL REFERENCES engagements(id),
  title text NOT NULL,
  hours_per_week double precision NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  headcount integer NOT NULL
);
CREATE INDEX openings_engagement ON openings(engagement_id);
CREATE TABLE opening_requirements (
  opening_id text COLLATE "C" NOT NULL REFERENCES openings(id) ON DELETE CASCADE,
  position integer NOT NULL,
  skill_id text COLLATE "C" NOT NULL REFERENCES skills(id),
  min_level integer NOT NULL CHECK (min_level BETWEEN 1 AND 5),
  PRIMARY KEY (opening_id, position)
);
CREATE INDEX opening_requirements_skill ON opening_requirements(skill_id, min_level);
CREATE TABLE assignments (
  id text COLLATE "C" PRIMARY KEY,
  person_id text COLLATE "C" NOT NULL REFERENCES people(id),
  opening_id text COLLATE "C" NOT NULL REFERENCES openings(id),
  hours_per_week double precision NOT NULL,
  start_date date NOT NULL,
  end_date date NOT NULL,
  status text NOT NULL
);
CREATE INDEX assignments_person ON assignments(person_id);
CREATE INDEX assignments_opening ON assignments(opening_id);
CREATE TABLE teams (
  id text COLLATE "C" PRIMARY KEY,
  name text NOT NULL,
  purpose text NOT NULL,
  leader_id text COLLATE "C" REFERENCES people(id),
  client_id text COLLATE "C" REFERENCES clients(id),
  leadership_team boolean NOT NULL
);
CREATE INDEX teams_leader ON teams(leader_id);
CREATE INDEX teams_client ON teams(client_id);
CREATE TABLE team_members (
  team_id text COLLATE "C" NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  position integer NOT NULL,
  person_id text COLLATE "C" NOT NULL REFERENCES people(id),
  role text NOT NULL,
  PRIMARY KEY (team_id, position)
);
CREATE INDEX team_members_person ON team_members(person_id);
CREATE TABLE time_entries (
  id text COLLATE "C" PRIMARY KEY,
  person_id text COLLATE "C" NOT NULL REFERENCES people(id),
  entry_date date NOT NULL,
  hours double precision NOT NULL,
  category text NOT NULL,
  engagement_id text COLLATE "C" REFERENCES engagements(id)
);
CREATE INDEX time_entries_person_date ON time_entries(person_id, entry_date);
CREATE INDEX time_entries_engagement ON time_entries(engagement_id);
CREATE TABLE skill_history (
  person_id text COLLATE "C" NOT NULL REFERENCES people(id),
  skill_id text COLLATE "C" NOT NULL REFERENCES skills(id),
  entry_date date NOT NULL,
  level integer NOT NULL CHECK (level BETWEEN 1 AND 5),
  PRIMARY KEY (person_id, skill_id, entry_date)
);
CREATE INDEX skill_history_skill ON skill_history(skill_id);
)sql";

// Version 2: as SQLite's.
constexpr std::string_view kOpeningPreferences = R"sql(
ALTER TABLE openings ADD COLUMN lead boolean NOT NULL DEFAULT false;
CREATE TABLE opening_preferences (
  opening_id text COLLATE "C" NOT NULL REFERENCES openings(id),
  person_id text COLLATE "C" NOT NULL REFERENCES people(id),
  kind text NOT NULL CHECK (kind IN ('volunteer', 'pinned', 'excluded')),
  note text NOT NULL,
  PRIMARY KEY (opening_id, person_id)
);
CREATE INDEX opening_preferences_person ON opening_preferences(person_id);
)sql";

// Version 3: as SQLite's (the account tables, with the DDL of the builds that
// made them outside the numbered migrations).
constexpr std::string_view kAccounts = R"sql(
CREATE TABLE guild_users (
  id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL,
  person_id TEXT NOT NULL, role TEXT NOT NULL, disabled BOOLEAN NOT NULL,
  created_at BIGINT NOT NULL);
CREATE TABLE guild_sessions (
  token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES guild_users(id),
  csrf_token TEXT NOT NULL, created_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL);
CREATE INDEX guild_sessions_user ON guild_sessions(user_id);
CREATE TABLE guild_api_tokens (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES guild_users(id), name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE, created_at BIGINT NOT NULL, last_used_at BIGINT);
CREATE TABLE guild_audit (
  seq BIGSERIAL PRIMARY KEY, at BIGINT NOT NULL, user_id TEXT NOT NULL,
  action TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, detail TEXT NOT NULL);
CREATE TABLE guild_data_version (id INTEGER PRIMARY KEY, version BIGINT NOT NULL);
INSERT INTO guild_data_version (id, version) VALUES (1, 0);
CREATE TABLE guild_staffing_plans (
  id TEXT PRIMARY KEY, owner_user_id TEXT NOT NULL, created_at BIGINT NOT NULL,
  accepted BOOLEAN NOT NULL, payload TEXT NOT NULL);
CREATE INDEX guild_staffing_plans_created ON guild_staffing_plans(created_at);
)sql";

// Version 3 on a database whose account tables an older build made: as
// SQLite's.
constexpr std::string_view kAdoptAccounts = R"sql(
CREATE TABLE IF NOT EXISTS guild_staffing_plans (
  id TEXT PRIMARY KEY, owner_user_id TEXT NOT NULL, created_at BIGINT NOT NULL,
  accepted BOOLEAN NOT NULL, payload TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS guild_staffing_plans_created ON guild_staffing_plans(created_at);
DROP TABLE guild_account_schema;
)sql";

// Version 4: as SQLite's. Sequence numbers are given under
// PgLock::kChangeFeed, taken just before the row is written and held to the
// commit, so seq order is commit order.
constexpr std::string_view kChangeFeed = R"sql(
CREATE TABLE guild_changes (
  seq bigint PRIMARY KEY,
  reload boolean NOT NULL,
  body text NOT NULL
);
DROP TABLE guild_data_version;
)sql";

// Version 5: as SQLite's (token expiry and scope).
constexpr std::string_view kTokenLimits = R"sql(
ALTER TABLE guild_api_tokens ADD COLUMN expires_at BIGINT;
ALTER TABLE guild_api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'write'
  CHECK (scope IN ('read', 'write'));
CREATE INDEX guild_api_tokens_user ON guild_api_tokens(user_id);
)sql";

// Version 6: as SQLite's.
constexpr std::string_view kGoalsAndRoles = R"sql(
ALTER TABLE teams ADD COLUMN kind text NOT NULL DEFAULT 'other'
  CHECK (kind IN ('other', 'engagement', 'account', 'practice', 'firm'));
ALTER TABLE teams ADD COLUMN engagement_id text COLLATE "C" REFERENCES engagements(id);
UPDATE teams SET kind = 'account' WHERE client_id IS NOT NULL;
CREATE INDEX teams_engagement ON teams(engagement_id);
CREATE TABLE goals (
  id text COLLATE "C" PRIMARY KEY,
  team_id text COLLATE "C" REFERENCES teams(id),
  title text NOT NULL,
  metric text NOT NULL,
  unit text NOT NULL,
  start_value double precision NOT NULL,
  target_value double precision NOT NULL,
  direction text NOT NULL CHECK (direction IN ('up', 'down')),
  start_date date NOT NULL,
  due_date date NOT NULL,
  owner_id text COLLATE "C" NOT NULL REFERENCES people(id),
  parent_id text COLLATE "C" REFERENCES goals(id) DEFERRABLE INITIALLY DEFERRED,
  shared boolean NOT NULL,
  current_value double precision,
  measured_on date
);
CREATE INDEX goals_team ON goals(team_id);
CREATE INDEX goals_owner ON goals(owner_id);
CREATE INDEX goals_parent ON goals(parent_id);
CREATE TABLE goal_raci (
  goal_id text COLLATE "C" NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  position integer NOT NULL,
  person_id text COLLATE "C" NOT NULL REFERENCES people(id),
  role text NOT NULL CHECK (role IN ('R', 'A', 'C', 'I')),
  PRIMARY KEY (goal_id, position)
);
CREATE INDEX goal_raci_person ON goal_raci(person_id);
CREATE TABLE goal_updates (
  goal_id text COLLATE "C" NOT NULL REFERENCES goals(id) ON DELETE CASCADE,
  entry_date date NOT NULL,
  value double precision NOT NULL,
  comment text NOT NULL,
  author_id text COLLATE "C" REFERENCES people(id),
  PRIMARY KEY (goal_id, entry_date)
);
CREATE INDEX goal_updates_author ON goal_updates(author_id);
CREATE TABLE deliverables (
  id text COLLATE "C" PRIMARY KEY,
  team_id text COLLATE "C" NOT NULL REFERENCES teams(id),
  name text NOT NULL,
  due_date date NOT NULL,
  status text NOT NULL CHECK (status IN ('planned', 'in-progress', 'done', 'cancelled'))
);
CREATE INDEX deliverables_team ON deliverables(team_id);
CREATE TABLE deliverable_raci (
  deliverable_id text COLLATE "C" NOT NULL REFERENCES deliverables(id) ON DELETE CASCADE,
  position integer NOT NULL,
  person_id text COLLATE "C" NOT NULL REFERENCES people(id),
  role text NOT NULL CHECK (role IN ('R', 'A', 'C', 'I')),
  PRIMARY KEY (deliverable_id, position)
);
CREATE INDEX deliverable_raci_person ON deliverable_raci(person_id);
CREATE TABLE client_relationships (
  id text COLLATE "C" PRIMARY KEY,
  team_id text COLLATE "C" NOT NULL REFERENCES teams(id),
  client_id text COLLATE "C" NOT NULL REFERENCES clients(id),
  contact text NOT NULL
);
CREATE INDEX client_relationships_team ON client_relationships(team_id);
CREATE INDEX client_relationships_client ON client_relationships(client_id);
CREATE TABLE client_relationship_raci (
  relationship_id text COLLATE "C" NOT NULL REFERENCES client_relationships(id) ON DELETE CASCADE,
  position integer NOT NULL,
  person_id text COLLATE "C" NOT NULL REFERENCES people(id),
  role text NOT NULL CHECK (role IN ('R', 'A', 'C', 'I')),
  PRIMARY KEY (relationship_id, position)
);
CREATE INDEX client_relationship_raci_person ON client_relationship_raci(person_id);
CREATE TABLE purpose_changes (
  team_id text COLLATE "C" NOT NULL REFERENCES teams(id),
  changed_at bigint NOT NULL,
  author_id text COLLATE "C" REFERENCES people(id),
  purpose_before text NOT NULL,
  purpose_after text NOT NULL,
  PRIMARY KEY (team_id, changed_at)
);
CREATE INDEX purpose_changes_author ON purpose_changes(author_id);
CREATE TABLE client_log (
  id text COLLATE "C" PRIMARY KEY,
  engagement_id text COLLATE "C" NOT NULL REFERENCES engagements(id),
  entry_date date NOT NULL,
  author_id text COLLATE "C" REFERENCES people(id),
  changed text NOT NULL,
  issues text NOT NULL,
  resolution text NOT NULL
);
CREATE INDEX client_log_engagement_date ON client_log(engagement_id, entry_date);
CREATE INDEX client_log_author ON client_log(author_id);
)sql";

// Version 7: as SQLite's (check-ins and feedback).
constexpr std::string_view kCheckinsAndFeedback = R"sql(
ALTER TABLE teams ADD COLUMN checkin_cadence_days integer NOT NULL DEFAULT 7
  CHECK (checkin_cadence_days BETWEEN 0 AND 91);
CREATE TABLE checkins (
  id text COLLATE "C" PRIMARY KEY,
  team_id text COLLATE "C" NOT NULL REFERENCES teams(id),
  person_id text COLLATE "C" NOT NULL REFERENCES people(id),
  cycle_start date NOT NULL,
  client_change text NOT NULL,
  note text NOT NULL,
  updated_at bigint NOT NULL,
  submitted_at bigint
);
CREATE UNIQUE INDEX checkins_person_team_cycle ON checkins(person_id, team_id, cycle_start);
CREATE INDEX checkins_team_cycle ON checkins(team_id, cycle_start);
CREATE INDEX checkins_person_cycle ON checkins(person_id, cycle_start);
CREATE TABLE checkin_blockers (
  id text COLLATE "C" PRIMARY KEY,
  team_id text COLLATE "C" NOT NULL REFERENCES teams(id),
  person_id text COLLATE "C" NOT NULL REFERENCES people(id),
  checkin_id text COLLATE "C" NOT NULL REFERENCES checkins(id),
  text text NOT NULL,
  opened_on date NOT NULL,
  resolved_on date CHECK (resolved_on >= opened_on)
);
CREATE INDEX checkin_blockers_person_opened ON checkin_blockers(person_id, opened_on);
CREATE INDEX checkin_blockers_team_opened ON checkin_blockers(team_id, opened_on);
CREATE INDEX checkin_blockers_checkin ON checkin_blockers(checkin_id);
CREATE TABLE checkin_questions (
  id text COLLATE "C" PRIMARY KEY,
  checkin_id text COLLATE "C" NOT NULL REFERENCES checkins(id),
  team_id text COLLATE "C" NOT NULL REFERENCES teams(id),
  asker_id text COLLATE "C" NOT NULL REFERENCES people(id),
  addressee_id text COLLATE "C" NOT NULL REFERENCES people(id),
  text text NOT NULL,
  asked_at bigint NOT NULL,
  answer text NOT NULL,
  answered_at bigint,
  CHECK (addressee_id <> asker_id)
);
CREATE INDEX checkin_questions_addressee_asked ON checkin_questions(addressee_id, asked_at);
CREATE INDEX checkin_questions_asker_asked ON checkin_questions(asker_id, asked_at);
CREATE INDEX checkin_questions_team_asked ON checkin_questions(team_id, asked_at);
CREATE INDEX checkin_questions_checkin ON checkin_questions(checkin_id);
CREATE TABLE feedback_requests (
  id text COLLATE "C" PRIMARY KEY,
  requester_id text COLLATE "C" NOT NULL REFERENCES people(id),
  event_kind text NOT NULL CHECK (event_kind IN ('pitch', 'deliverable', 'meeting', 'other')),
  event text NOT NULL,
  event_date date NOT NULL,
  engagement_id text COLLATE "C" REFERENCES engagements(id),
  asked_at bigint NOT NULL,
  expires_on date NOT NULL CHECK (expires_on >= event_date)
);
CREATE INDEX feedback_requests_requester_asked ON feedback_requests(requester_id, asked_at);
CREATE INDEX feedback_requests_engagement ON feedback_requests(engagement_id);
CREATE TABLE feedback_answers (
  request_id text COLLATE "C" NOT NULL REFERENCES feedback_requests(id),
  reviewer_id text COLLATE "C" NOT NULL REFERENCES people(id),
  status text NOT NULL CHECK (status IN ('pending', 'answered', 'declined')),
  most_effective text NOT NULL,
  do_better text NOT NULL,
  responded_at bigint,
  shared_with_id text COLLATE "C" REFERENCES people(id),
  shared_at bigint,
  PRIMARY KEY (request_id, reviewer_id)
);
CREATE INDEX feedback_answers_reviewer_status ON feedback_answers(reviewer_id, status);
CREATE INDEX feedback_answers_shared_with ON feedback_answers(shared_with_id);
CREATE TABLE inbox_items (
  id text COLLATE "C" PRIMARY KEY,
  person_id text COLLATE "C" NOT NULL REFERENCES people(id),
  kind text NOT NULL
    CHECK (kind IN ('nudge', 'question', 'answer', 'feedback-request', 'feedback-answer')),
  ref_id text COLLATE "C" NOT NULL,
  from_id text COLLATE "C" REFERENCES people(id),
  text text NOT NULL,
  created_at bigint NOT NULL,
  read_at bigint
);
CREATE INDEX inbox_items_person_created ON inbox_items(person_id, created_at);
CREATE INDEX inbox_items_from ON inbox_items(from_id);
)sql";

// Version 8: as SQLite's.
constexpr std::string_view kOutbox = R"sql(
CREATE TABLE guild_outbox (
  id BIGSERIAL PRIMARY KEY,
  inbox_item_id TEXT NOT NULL UNIQUE,
  person_id TEXT NOT NULL,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL,
  sent_at BIGINT,
  message_id TEXT NOT NULL,
  last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX guild_outbox_due ON guild_outbox(state, next_attempt_at);
CREATE TABLE guild_calendar_feeds (
  user_id TEXT PRIMARY KEY REFERENCES guild_users(id),
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
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
// and their skills; the inbox takes two more kinds.
constexpr std::string_view kMentorships = R"sql(
CREATE TABLE mentorships (
  id text COLLATE "C" PRIMARY KEY,
  mentee_id text COLLATE "C" NOT NULL REFERENCES people(id),
  mentor_id text COLLATE "C" NOT NULL REFERENCES people(id),
  status text NOT NULL CHECK (status IN ('requested', 'active', 'declined', 'ended')),
  asked_at bigint NOT NULL,
  started_on date,
  review_on date CHECK (review_on >= started_on),
  message text NOT NULL,
  ended_on date CHECK (ended_on >= started_on),
  CHECK (mentor_id <> mentee_id)
);
CREATE INDEX mentorships_mentee_status ON mentorships(mentee_id, status);
CREATE INDEX mentorships_mentor_status ON mentorships(mentor_id, status);
CREATE TABLE mentorship_skills (
  mentorship_id text COLLATE "C" NOT NULL REFERENCES mentorships(id) ON DELETE CASCADE,
  position integer NOT NULL,
  skill_id text COLLATE "C" NOT NULL REFERENCES skills(id),
  PRIMARY KEY (mentorship_id, position)
);
CREATE INDEX mentorship_skills_skill ON mentorship_skills(skill_id);
ALTER TABLE inbox_items DROP CONSTRAINT inbox_items_kind_check;
ALTER TABLE inbox_items ADD CONSTRAINT inbox_items_kind_check
  CHECK (kind IN ('nudge', 'question', 'answer', 'feedback-request', 'feedback-answer',
                  'mentorship-request', 'mentorship-answer'));
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

std::span<const Migration> PostgresMigrations() { return kMigrations; }

}  // namespace guild::store::internal
