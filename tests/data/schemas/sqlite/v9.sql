-- Guild database as left by commit 0c3fa69 (schema version 9: firm tables and account tables), sqlite.
-- Written by tests/data/schemas/extract.py; do not edit.
CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);
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
INSERT INTO schema_migrations (version, name) VALUES (1, 'initial schema');
ALTER TABLE openings ADD COLUMN lead INTEGER NOT NULL DEFAULT 0;
CREATE TABLE opening_preferences (
  opening_id TEXT NOT NULL REFERENCES openings(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  kind TEXT NOT NULL CHECK (kind IN ('volunteer', 'pinned', 'excluded')),
  note TEXT NOT NULL,
  PRIMARY KEY (opening_id, person_id)
) WITHOUT ROWID;
CREATE INDEX opening_preferences_person ON opening_preferences(person_id);
INSERT INTO schema_migrations (version, name) VALUES (2, 'lead openings and opening preferences');
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
INSERT INTO schema_migrations (version, name) VALUES (3, 'account tables');
CREATE TABLE guild_changes (
  seq INTEGER PRIMARY KEY,
  reload INTEGER NOT NULL,
  body TEXT NOT NULL
);
DROP TABLE guild_data_version;
INSERT INTO schema_migrations (version, name) VALUES (4, 'change feed');
ALTER TABLE guild_api_tokens ADD COLUMN expires_at INTEGER;
ALTER TABLE guild_api_tokens ADD COLUMN scope TEXT NOT NULL DEFAULT 'write'
  CHECK (scope IN ('read', 'write'));
CREATE INDEX guild_api_tokens_user ON guild_api_tokens(user_id);
INSERT INTO schema_migrations (version, name) VALUES (5, 'token expiry and scope');
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
INSERT INTO schema_migrations (version, name) VALUES (6, 'purpose, goals and roles');
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
INSERT INTO schema_migrations (version, name) VALUES (7, 'check-ins and feedback');
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
INSERT INTO schema_migrations (version, name) VALUES (8, 'email outbox and calendar feeds');
CREATE INDEX checkins_cycle_team ON checkins(cycle_start, team_id, person_id, submitted_at);
INSERT INTO schema_migrations (version, name) VALUES (9, 'check-ins by cycle');
INSERT INTO people VALUES ('p1', 'Ada Lovelace', 'ada@firm.test', 'Partner', 'partner', 'Tax', 'London', NULL, 40.0, '2020-01-06', NULL, 950.0);
INSERT INTO people VALUES ('p2', 'Brian Kernighan', 'brian@firm.test', 'Associate', 'associate', 'Tax', 'Leeds', 'p1', 37.5, NULL, '2027-03-31', NULL);
INSERT INTO person_tags VALUES ('p1', 0, 'mentor');
INSERT INTO person_tags VALUES ('p1', 1, 'speaker');
INSERT INTO skills VALUES ('firm:tax', 'Tax law', 'Direct and indirect tax', NULL, 'firm', 'knowledge');
INSERT INTO skills VALUES ('firm:vat', 'VAT', '', 'firm:tax', 'firm', 'knowledge');
INSERT INTO skill_synonyms VALUES ('firm:vat', 0, 'value added tax');
INSERT INTO person_skills VALUES ('p1', 'firm:tax', 'self', 5, 0, '2026-10-01', '2026-10-02');
INSERT INTO person_skills VALUES ('p2', 'firm:vat', 'manager', 2, 1, NULL, NULL);
INSERT INTO roles VALUES ('role:tax-senior', 'Senior tax adviser', 'Leads VAT work', 'firm');
INSERT INTO role_skills VALUES ('role:tax-senior', 0, 'firm:vat', 4, 0.75, 1);
INSERT INTO clients VALUES ('c1', 'Northwind', 'Retail', 1);
INSERT INTO engagements VALUES ('e1', 'c1', 'VAT review', 'p1', '2026-09-01', '2026-12-18', 'confirmed');
INSERT INTO engagements VALUES ('e2', 'c1', 'Tax health check', NULL, '2026-11-02', '2027-01-29', 'tentative');
INSERT INTO openings VALUES ('o1', 'e1', 'VAT senior', 20.0, '2026-10-05', '2026-12-18', 2, 0);
INSERT INTO openings VALUES ('o2', 'e2', 'Lead', 8.0, '2026-11-02', '2027-01-29', 1, 1);
INSERT INTO opening_requirements VALUES ('o1', 0, 'firm:vat', 3);
INSERT INTO assignments VALUES ('a1', 'p2', 'o1', 20.0, '2026-10-05', '2026-12-18', 'confirmed');
INSERT INTO teams VALUES ('t1', 'Indirect tax', 'VAT for retail', 'p1', 'c1', 0, 'account', NULL, 14);
INSERT INTO team_members VALUES ('t1', 0, 'p2', 'member');
INSERT INTO time_entries VALUES ('te1', 'p2', '2026-10-05', 7.5, 'billable', 'e1');
INSERT INTO skill_history VALUES ('p2', 'firm:vat', '2026-06-30', 1);
INSERT INTO opening_preferences VALUES ('o1', 'p1', 'excluded', 'on leave in November');
INSERT INTO goals VALUES ('g1', 't1', 'Northwind renews', 'satisfaction', 'points', 6.0, 9.0, 'up', '2026-01-01', '2026-12-31', 'p1', NULL, 0, 7.5, '2026-10-01');
INSERT INTO goals VALUES ('g2', NULL, 'Learn VAT', 'level', '', 1.0, 3.0, 'up', '2026-01-01', '2027-06-30', 'p2', 'g1', 1, NULL, NULL);
INSERT INTO goal_raci VALUES ('g1', 0, 'p2', 'R');
INSERT INTO goal_updates VALUES ('g1', '2026-10-01', 7.5, 'After the review', 'p1');
INSERT INTO deliverables VALUES ('d1', 't1', 'VAT memo', '2026-11-30', 'in-progress');
INSERT INTO deliverable_raci VALUES ('d1', 0, 'p1', 'A');
INSERT INTO deliverable_raci VALUES ('d1', 1, 'p2', 'R');
INSERT INTO client_relationships VALUES ('r1', 't1', 'c1', 'CFO, Jane Roe');
INSERT INTO client_relationship_raci VALUES ('r1', 0, 'p1', 'A');
INSERT INTO purpose_changes VALUES ('t1', 1764000800, 'p1', '', 'VAT for retail');
INSERT INTO client_log VALUES ('l1', 'e1', '2026-10-06', 'p2', 'New CFO', '', '');
INSERT INTO checkins VALUES ('ci1', 't1', 'p2', '2026-10-05', 'New CFO', '', 1764000900, 1764000950);
INSERT INTO checkins VALUES ('ci2', 't1', 'p2', '2026-10-19', '', 'draft', 1764001000, NULL);
INSERT INTO checkin_blockers VALUES ('b1', 't1', 'p2', 'ci1', 'No ledger access', '2026-10-08', NULL);
INSERT INTO checkin_questions VALUES ('q1', 'ci1', 't1', 'p2', 'p1', 'Who signs the memo?', 1764000950, 'I do', 1764001100);
INSERT INTO feedback_requests VALUES ('f1', 'p2', 'meeting', 'Steering committee', '2026-10-05', 'e1', 1764001200, '2026-10-19');
INSERT INTO feedback_answers VALUES ('f1', 'p1', 'answered', 'Clear numbers', 'Shorter slides', 1764001300, 'p1', 1764001400);
INSERT INTO inbox_items VALUES ('i1', 'p2', 'answer', 'q1', 'p1', 'Ada answered', 1764001100, NULL);
INSERT INTO guild_users VALUES ('u1', 'ada@firm.test', '$argon2id$v=19$fixture', 'p1', 'administrator', 0, 1764000000);
INSERT INTO guild_users VALUES ('u2', 'brian@firm.test', '$argon2id$v=19$fixture2', 'p2', 'member', 1, 1764000100);
INSERT INTO guild_sessions VALUES ('sessionhash1', 'u1', 'csrf1', 1764000200, 1764000300);
INSERT INTO guild_api_tokens VALUES ('tok1', 'u1', 'ci', 'tokenhash1', 1764000400, NULL, NULL, 'write');
INSERT INTO guild_audit VALUES (1, 1764000500, 'u1', 'user.create', 'user', 'u2', 'role=member');
INSERT INTO guild_audit VALUES (2, 1764000600, 'u1', 'import', 'people', 'people.csv', 'csv rows=2');
INSERT INTO guild_staffing_plans VALUES ('plan_1', 'u1', 1764000700, 0, 'fixture plan text');
INSERT INTO guild_changes VALUES (1, 1, '');
INSERT INTO guild_outbox VALUES (1, 'i1', 'p2', 'brian@firm.test', 'Ada answered', 'I do', 1764001100, 'sent', 1, 1764001100, 1764001160, 'i1.1764001100', '');
INSERT INTO guild_calendar_feeds VALUES ('u2', 'feedhash1', 1764001500);
