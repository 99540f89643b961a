// CheckinsService reads: a member's check-ins, one check-in, a leader's
// view of a cycle, the overdue list, routed questions, trends and export.
#include "service/checkins/checkins_service.h"

#include <algorithm>
#include <span>
#include <tuple>

#include "service/checkins/internal/rows.h"

namespace guild {

namespace rows = checkins::internal;
using checkins::Cycle;
using checkins::CycleOf;
using checkins::MemberStatus;

namespace {

constexpr int64_t kSecondsPerDay = 86400;

// The team's members expected to check in: its member list without its leader.
std::vector<uint32_t> MembersOf(const FirmSnapshot& s, uint32_t team) {
  const Team& t = s.data().teams[team];
  std::vector<uint32_t> out;
  for (const TeamMember& m : t.members) {
    if (m.person_id == t.leader_id) continue;
    if (auto p = s.PersonIndex(m.person_id)) out.push_back(*p);
  }
  return out;
}

// A range of teams read with one Select skips at most this many teams that
// run check-ins and are not asked for (their rows are read and dropped);
// a longer gap starts another range. Measured on the 100,000-person demo
// (bench/results/checkins.md): 32 read three times the rows a line of
// interleaved team ids needs (Audit: 377 ms of CPU a call); 1 runs too many
// Selects; 4 did best.
constexpr uint32_t kMaxSkippedTeams = 4;

// Orders check-in statuses by team id (bytewise, as the stores return them).
struct ByTeamId {
  bool operator()(const CheckinStatusRow& c, const std::string& id) const { return c.team_id < id; }
  bool operator()(const std::string& id, const CheckinStatusRow& c) const { return id < c.team_id; }
};

// The teams running check-ins that any of `people` is a member of (not
// their leader), each once, ascending.
std::vector<uint32_t> CheckinTeamsOf(const FirmSnapshot& s, std::span<const uint32_t> people) {
  std::vector<uint32_t> teams;
  for (uint32_t p : people) {
    for (uint32_t team : s.TeamsOf(p)) {
      const Team& t = s.data().teams[team];
      if (t.checkin_cadence_days > 0 && t.leader_id != s.data().people[p].id) {
        teams.push_back(team);
      }
    }
  }
  std::sort(teams.begin(), teams.end());
  teams.erase(std::unique(teams.begin(), teams.end()), teams.end());
  return teams;
}

// The counter of ReportsOverdue that a member with `status` adds to.
// REQUIRES: NeedsNudge(status).
int& CountOf(ReportsOverdue& out, MemberStatus status) {
  if (status == MemberStatus::kOverdue) return out.overdue;
  if (status == MemberStatus::kDraft) return out.draft;
  return out.due;
}

checkins::Progress ProgressOf(const std::optional<Checkin>& c) {
  if (!c) return checkins::Progress::kNone;
  return c->submitted_at ? checkins::Progress::kSubmitted : checkins::Progress::kDraft;
}

}  // namespace

CheckinsService::CheckinsService(Store& store, SnapshotHolder& snapshots, FirmWriter& writer,
                                 const Clock& clock, CheckinsOptions options)
    : store_(store),
      snapshots_(snapshots),
      writer_(writer),
      clock_(clock),
      options_(options),
      indexes_(
          snapshots, {EntityKind::kPeople, EntityKind::kTeams, EntityKind::kTimeEntries},
          [](std::shared_ptr<const FirmSnapshot> snapshot) { return BuildIndexes(*snapshot); }) {}

Result<std::shared_ptr<const CheckinsService::Indexes>> CheckinsService::BuildIndexes(
    const FirmSnapshot& s) {
  auto out = std::make_shared<Indexes>();
  out->tree = checkins::ReportingTree::Build(s);
  out->time_off = checkins::TimeOff(s.data().time_entries.get(), s.data().people.size(),
                                    [&](std::string_view id) { return s.PersonIndex(id); });
  const std::vector<Team>& teams = s.data().teams.get();
  std::vector<uint32_t> by_id;
  for (uint32_t t = 0; t < teams.size(); ++t) {
    if (teams[t].checkin_cadence_days > 0) by_id.push_back(t);
  }
  std::sort(by_id.begin(), by_id.end(),
            [&](uint32_t a, uint32_t b) { return teams[a].id < teams[b].id; });
  out->team_rank.assign(teams.size(), kNoRank);
  for (uint32_t rank = 0; rank < by_id.size(); ++rank) out->team_rank[by_id[rank]] = rank;
  out->members.resize(teams.size());
  for (uint32_t t : by_id) out->members[t] = MembersOf(s, t);
  return std::shared_ptr<const Indexes>(std::move(out));
}

std::string CheckinsService::NudgeId(std::string_view team_id, Date cycle_start,
                                     std::string_view person_id) {
  return "nudge:" + std::string(team_id) + ":" + FormatDate(cycle_start) + ":" +
         std::string(person_id);
}

Result<std::shared_ptr<const FirmSnapshot>> CheckinsService::Snapshot() {
  auto snapshot = snapshots_.Current();
  if (!snapshot) return Unavailable("the firm's data is not loaded yet");
  return snapshot;
}

Result<uint32_t> CheckinsService::ReadableTeam(const Authorizer& authorizer,
                                               const Principal& viewer,
                                               std::string_view team_id) const {
  auto team = authorizer.snapshot().TeamIndex(team_id);
  if (!team || !authorizer.CanReadTeam(viewer, team_id)) {
    return NotFound("no team '" + std::string(team_id) + "'");
  }
  return *team;
}

Result<uint32_t> CheckinsService::LedTeam(const Authorizer& authorizer, const Principal& viewer,
                                          std::string_view team_id) const {
  ASSIGN_OR_RETURN(uint32_t team, ReadableTeam(authorizer, viewer, team_id));
  // The team's check-ins as a whole are its leaders' only: to anyone else
  // they do not exist.
  if (!authorizer.CanReadTeamCheckins(viewer, team_id)) {
    return NotFound("no check-ins of team '" + std::string(team_id) + "' that you lead");
  }
  return team;
}

bool CheckinsService::Indexes::ChecksIn(uint32_t team, uint32_t person) const {
  const std::vector<uint32_t>& of = members[team];
  return std::find(of.begin(), of.end(), person) != of.end();
}

Result<std::vector<MemberCheckin>> CheckinsService::MemberStatuses(const FirmSnapshot& s,
                                                                   const Indexes& indexes,
                                                                   uint32_t team,
                                                                   const Cycle& cycle, Date today) {
  ASSIGN_OR_RETURN(std::vector<Checkin> saved,
                   rows::TeamCheckins(store_, s.data().teams[team].id, cycle.start, cycle.start));
  return StatusesFrom(s, indexes, team, cycle, today, saved);
}

std::vector<MemberCheckin> CheckinsService::StatusesFrom(const FirmSnapshot& s,
                                                         const Indexes& indexes, uint32_t team,
                                                         const Cycle& cycle, Date today,
                                                         std::span<const Checkin> saved) const {
  const Team& t = s.data().teams[team];
  std::vector<MemberCheckin> out;
  for (uint32_t p : indexes.members[team]) {
    const Person& person = s.data().people[p];
    MemberCheckin m{.person = p};
    m.exclusion = checkins::ExclusionOf(person, indexes.time_off.HoursIn(p, cycle), cycle,
                                        t.checkin_cadence_days);
    const auto mine = std::find_if(saved.begin(), saved.end(), [&](const Checkin& c) {
      return c.person_id == person.id && c.cycle_start == cycle.start;
    });
    std::optional<Checkin> found;
    if (mine != saved.end()) found = *mine;
    m.status = checkins::StatusOf(ProgressOf(found), m.exclusion, cycle, today);
    if (m.status == MemberStatus::kSubmitted) m.checkin = std::move(found);
    out.push_back(std::move(m));
  }
  return out;
}

Result<std::vector<OverdueList::Team>> CheckinsService::OverdueOfTeams(const FirmSnapshot& s,
                                                                       const Indexes& indexes,
                                                                       std::vector<uint32_t> teams,
                                                                       Date at, Date today) {
  // Each team's place in the answer, its cycle, and its rank in id order.
  struct Wanted {
    Date start;
    uint32_t rank = 0;
    size_t slot = 0;
  };
  std::vector<OverdueList::Team> out;
  std::vector<Wanted> wanted;
  for (uint32_t team : teams) {
    const Cycle cycle = CycleOf(at, s.data().teams[team].checkin_cadence_days);
    wanted.push_back({cycle.start, indexes.team_rank[team], out.size()});
    out.push_back({.team = team, .cycle = cycle});
  }
  std::sort(wanted.begin(), wanted.end(), [](const Wanted& a, const Wanted& b) {
    return std::tie(a.start, a.rank) < std::tie(b.start, b.rank);
  });
  const auto team_id = [&](const Wanted& w) -> const std::string& {
    return s.data().teams[out[w.slot].team].id;
  };
  // One Select per cycle start and run of teams close in id order.
  for (size_t first = 0; first < wanted.size();) {
    size_t last = first;
    while (last + 1 < wanted.size() && wanted[last + 1].start == wanted[first].start &&
           wanted[last + 1].rank - wanted[last].rank <= kMaxSkippedTeams + 1) {
      ++last;
    }
    ASSIGN_OR_RETURN(std::vector<CheckinStatusRow> saved,
                     store_.CycleCheckinStatuses(wanted[first].start, team_id(wanted[first]),
                                                 team_id(wanted[last])));
    for (size_t i = first; i <= last; ++i) {
      OverdueList::Team& row = out[wanted[i].slot];
      const Team& t = s.data().teams[row.team];
      const auto [begin, end] = std::equal_range(saved.begin(), saved.end(), t.id, ByTeamId());
      for (uint32_t p : indexes.members[row.team]) {
        const Person& person = s.data().people[p];
        MemberCheckin m{.person = p};
        m.exclusion = checkins::ExclusionOf(person, indexes.time_off.HoursIn(p, row.cycle),
                                            row.cycle, t.checkin_cadence_days);
        // The store orders a team's rows by person id.
        const auto mine = std::lower_bound(
            begin, end, person.id,
            [](const CheckinStatusRow& c, const std::string& id) { return c.person_id < id; });
        checkins::Progress progress = checkins::Progress::kNone;
        if (mine != end && mine->person_id == person.id) {
          progress = mine->submitted ? checkins::Progress::kSubmitted : checkins::Progress::kDraft;
        }
        m.status = checkins::StatusOf(progress, m.exclusion, row.cycle, today);
        // A submitted member needs no nudge, so no check-in text is wanted here.
        if (checkins::NeedsNudge(m.status)) row.members.push_back(std::move(m));
      }
    }
    first = last + 1;
  }
  return out;
}

Result<MyTeamCheckin> CheckinsService::MineOn(const FirmSnapshot& s, uint32_t person, uint32_t team,
                                              Date today, const checkins::TimeOff& off) {
  const Team& t = s.data().teams[team];
  const Person& me = s.data().people[person];
  MyTeamCheckin out{.team = team, .cycle = CycleOf(today, t.checkin_cadence_days)};
  ASSIGN_OR_RETURN(out.current, rows::CheckinOf(store_, me.id, t.id, out.cycle.start));
  ASSIGN_OR_RETURN(out.prefill, rows::CheckinBefore(store_, me.id, t.id, out.cycle.start));
  ASSIGN_OR_RETURN(out.open_blockers, rows::OpenBlockersOf(store_, me.id, t.id));
  out.exclusion =
      checkins::ExclusionOf(me, off.HoursIn(person, out.cycle), out.cycle, t.checkin_cadence_days);
  out.status = checkins::StatusOf(ProgressOf(out.current), out.exclusion, out.cycle, today);
  if (out.current) {
    ASSIGN_OR_RETURN(auto questions, rows::QuestionsOfCheckin(store_, out.current->id));
    if (!questions.empty()) out.question = std::move(questions.front());
  }
  return out;
}

Result<MyCheckins> CheckinsService::GetMine(const Principal& viewer) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmSnapshot& s = *snapshot;
  auto person = s.PersonIndex(viewer.person_id);
  if (!person) return NotFound("your account is linked to no person, so it has no check-ins");
  ASSIGN_OR_RETURN(auto indexes, indexes_.Get(snapshot));
  MyCheckins out{.snapshot = snapshot};
  const Date today = clock_.Today();
  for (uint32_t team : s.TeamsOf(*person)) {
    if (!indexes->ChecksIn(team, *person)) continue;
    ASSIGN_OR_RETURN(MyTeamCheckin mine, MineOn(s, *person, team, today, indexes->time_off));
    out.teams.push_back(std::move(mine));
  }
  ASSIGN_OR_RETURN(auto to_me, GetQuestions(viewer, QuestionSide::kToMe));
  for (CheckinQuestion& q : to_me) {
    if (!q.answered_at) out.questions_to_me.push_back(std::move(q));
  }
  return out;
}

Result<CheckinDetail> CheckinsService::GetCheckin(const Principal& viewer, std::string_view id) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const Authorizer authorizer(*snapshot);
  ASSIGN_OR_RETURN(std::optional<Checkin> found, rows::CheckinById(store_, id));
  const auto not_found = [&] { return NotFound("no check-in '" + std::string(id) + "'"); };
  if (!found || !authorizer.CanReadCheckin(viewer, found->person_id, found->team_id)) {
    return not_found();
  }
  // A draft is its author's only.
  if (!found->submitted_at && viewer.person_id != found->person_id) return not_found();
  CheckinDetail out{.snapshot = snapshot, .checkin = std::move(*found)};
  ASSIGN_OR_RETURN(out.blockers, rows::BlockersOfCheckin(store_, out.checkin.id));
  ASSIGN_OR_RETURN(auto questions, rows::QuestionsOfCheckin(store_, out.checkin.id));
  for (CheckinQuestion& q : questions) {
    if (authorizer.CanReadCheckinQuestion(viewer, q.asker_id, q.addressee_id, q.team_id)) {
      out.questions.push_back(std::move(q));
    }
  }
  return out;
}

Result<TeamCheckins> CheckinsService::GetTeam(const Principal& viewer, std::string_view team_id,
                                              std::optional<Date> day) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmSnapshot& s = *snapshot;
  const Authorizer authorizer(s);
  ASSIGN_OR_RETURN(uint32_t team, LedTeam(authorizer, viewer, team_id));
  const Team& t = s.data().teams[team];
  RETURN_IF_ERROR(rows::RunsCheckins(t));
  const Date today = clock_.Today();
  TeamCheckins out{.snapshot = snapshot,
                   .team = team,
                   .cycle = CycleOf(day.value_or(today), t.checkin_cadence_days)};
  ASSIGN_OR_RETURN(auto indexes, indexes_.Get(snapshot));
  ASSIGN_OR_RETURN(out.members, MemberStatuses(s, *indexes, team, out.cycle, today));
  // Every question addressed to the viewer (not only the newest page): an
  // old one left unanswered is still open.
  ASSIGN_OR_RETURN(auto to_me, rows::QuestionsOfPerson(store_, "addressee_id", viewer.person_id,
                                                       kMaxSelectRows));
  for (CheckinQuestion& q : to_me) {
    if (!q.answered_at && q.team_id == t.id) out.open_questions.push_back(std::move(q));
  }
  ASSIGN_OR_RETURN(auto blockers, rows::TeamBlockers(store_, t.id));
  for (CheckinBlocker& b : blockers) {
    if (b.resolved_on) continue;
    const int open = checkins::CyclesOpen(b.opened_on, out.cycle.start, t.checkin_cadence_days);
    if (open > checkins::kLingeringBlockerCycles) {
      out.lingering_blockers.push_back({std::move(b), open});
    }
  }
  return out;
}

Result<OverdueList> CheckinsService::GetOverdue(const Principal& viewer, std::optional<Date> day) {
  return GetOverdueOf(viewer, {}, day);
}

Result<OverdueList> CheckinsService::GetOverdueOf(const Principal& viewer,
                                                  const std::vector<std::string>& team_ids,
                                                  std::optional<Date> day) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmSnapshot& s = *snapshot;
  const Authorizer authorizer(s);
  std::vector<uint32_t> teams;
  for (const std::string& id : team_ids) {
    auto team = s.TeamIndex(id);
    if (!team || !authorizer.CanReadCheckinStatuses(viewer, id)) {
      return NotFound("no check-ins of team '" + id + "' that you may see");
    }
    teams.push_back(*team);
  }
  if (team_ids.empty()) {
    if (auto person = s.PersonIndex(viewer.person_id)) {
      const auto led = s.TeamsLedBy(*person);
      teams.assign(led.begin(), led.end());
    }
  }
  std::erase_if(teams, [&](uint32_t t) { return s.data().teams[t].checkin_cadence_days <= 0; });
  const Date today = clock_.Today();
  ASSIGN_OR_RETURN(auto indexes, indexes_.Get(snapshot));
  OverdueList out{.snapshot = snapshot};
  ASSIGN_OR_RETURN(out.teams,
                   OverdueOfTeams(s, *indexes, std::move(teams), day.value_or(today), today));
  return out;
}

Result<ReportsOverdue> CheckinsService::GetOverdueOfReports(const Principal& viewer,
                                                            std::string_view person_id,
                                                            std::optional<Date> day,
                                                            const OverduePage& page) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmSnapshot& s = *snapshot;
  const std::string id(person_id.empty() ? std::string_view(viewer.person_id) : person_id);
  if (id.empty()) {
    return InvalidField("person", "the id of a person (you are linked to none)", "", "query");
  }
  auto person = s.PersonIndex(id);
  if (!person || !Authorizer(s).CanReadReportsCheckinStatuses(viewer, id)) {
    return NotFound("no reporting line of '" + id + "' that you may see");
  }
  if (page.limit < 1) {
    return InvalidField("limit", "a whole number of teams, at least 1", std::to_string(page.limit),
                        "query");
  }
  std::optional<uint32_t> after;
  if (!page.cursor.empty()) {
    after = s.TeamIndex(page.cursor);
    if (!after) {
      return InvalidField("cursor", "the next_cursor of the previous page", page.cursor, "query");
    }
  }
  ASSIGN_OR_RETURN(auto indexes, indexes_.Get(snapshot));
  const checkins::ReportingTree& tree = indexes->tree;
  const auto below = tree.Below(*person);
  ReportsOverdue out{.snapshot = snapshot,
                     .person = *person,
                     .reporting_line = static_cast<uint32_t>(below.size())};
  const Date today = clock_.Today();
  ASSIGN_OR_RETURN(auto teams, OverdueOfTeams(s, *indexes, CheckinTeamsOf(s, below),
                                              day.value_or(today), today));
  for (OverdueList::Team& row : teams) {
    std::erase_if(row.members,
                  [&](const MemberCheckin& m) { return !tree.IsBelow(m.person, *person); });
    if (row.members.empty()) continue;
    for (const MemberCheckin& m : row.members) ++CountOf(out, m.status);
    ++out.teams_total;
    if (after && row.team <= *after) continue;
    if (out.teams.size() == static_cast<size_t>(page.limit)) {
      out.next_cursor = s.data().teams[out.teams.back().team].id;
      continue;
    }
    out.teams.push_back(std::move(row));
  }
  return out;
}

Result<std::vector<CheckinQuestion>> CheckinsService::GetQuestions(const Principal& viewer,
                                                                   QuestionSide side) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  if (viewer.person_id.empty()) return std::vector<CheckinQuestion>{};
  const Authorizer authorizer(*snapshot);
  ASSIGN_OR_RETURN(
      auto questions,
      rows::QuestionsOfPerson(store_, side == QuestionSide::kToMe ? "addressee_id" : "asker_id",
                              viewer.person_id, options_.max_questions));
  std::erase_if(questions, [&](const CheckinQuestion& q) {
    return !authorizer.CanReadCheckinQuestion(viewer, q.asker_id, q.addressee_id, q.team_id);
  });
  return questions;
}

Result<TeamTrends> CheckinsService::GetTrends(const Principal& viewer, std::string_view team_id,
                                              int cycles) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmSnapshot& s = *snapshot;
  ASSIGN_OR_RETURN(uint32_t team, LedTeam(Authorizer(s), viewer, team_id));
  if (cycles < 1 || cycles > options_.max_trend_cycles) {
    return InvalidField("cycles",
                        "a whole number from 1 to " + std::to_string(options_.max_trend_cycles),
                        std::to_string(cycles), "query");
  }
  const Team& t = s.data().teams[team];
  const int cadence = t.checkin_cadence_days;
  RETURN_IF_ERROR(rows::RunsCheckins(t));
  const Date today = clock_.Today();
  const Cycle current = CycleOf(today, cadence);
  std::vector<Date> starts;
  for (int i = cycles - 1; i >= 0; --i) starts.push_back(AddDays(current.start, -i * cadence));
  ASSIGN_OR_RETURN(auto indexes, indexes_.Get(snapshot));
  std::vector<checkins::MemberCycle> members;
  for (Date start : starts) {
    ASSIGN_OR_RETURN(auto statuses,
                     MemberStatuses(s, *indexes, team, CycleOf(start, cadence), today));
    for (const MemberCheckin& m : statuses) members.push_back({start, m.status});
  }
  ASSIGN_OR_RETURN(
      auto questions,
      rows::TeamQuestions(store_, t.id, int64_t{starts.front().days} * kSecondsPerDay));
  ASSIGN_OR_RETURN(auto blockers, rows::TeamBlockers(store_, t.id));
  return TeamTrends{snapshot, team,
                    checkins::CycleTrends(starts, cadence, members, questions, blockers)};
}

Result<CheckinExport> CheckinsService::Export(const Principal& viewer, std::string_view team_id,
                                              Date since) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmSnapshot& s = *snapshot;
  if (!Authorizer(s).CanImport(viewer)) {
    return PermissionDenied("exporting check-ins is the operator's (administrators)");
  }
  std::vector<std::string> teams;
  if (!team_id.empty()) {
    if (!s.TeamIndex(team_id)) {
      return InvalidField("team",
                          "the id of an existing team (no team '" + std::string(team_id) + "')");
    }
    teams.emplace_back(team_id);
  } else {
    for (const Team& t : s.data().teams) teams.push_back(t.id);
  }
  CheckinExport out;
  const Date far{std::numeric_limits<int32_t>::max()};
  for (const std::string& id : teams) {
    ASSIGN_OR_RETURN(auto checkins, rows::TeamCheckins(store_, id, since, far));
    std::sort(checkins.begin(), checkins.end(), [](const Checkin& a, const Checkin& b) {
      return std::tie(a.cycle_start, a.person_id) < std::tie(b.cycle_start, b.person_id);
    });
    for (Checkin& c : checkins) {
      if (!c.submitted_at) continue;
      ASSIGN_OR_RETURN(auto blockers, rows::BlockersOfCheckin(store_, c.id));
      ASSIGN_OR_RETURN(auto questions, rows::QuestionsOfCheckin(store_, c.id));
      for (auto& b : blockers) out.blockers.push_back(std::move(b));
      for (auto& q : questions) out.questions.push_back(std::move(q));
      out.checkins.push_back(std::move(c));
    }
  }
  return out;
}

}  // namespace guild
