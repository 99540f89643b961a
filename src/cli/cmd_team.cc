// `guild team brief TEAM` (the printable one-page onboarding brief),
// `guild team roles TEAM|--all [--check]` (the responsibility matrix and its
// warnings; --check exits 1 when there is any warning, for scripts) and
// `guild team log TEAM [--add TEXT ...]` (the client log of the team's
// engagement: newest entries first, --all for the whole log; --add writes one).
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "cli/goals_world.h"

namespace guild::cli {
namespace {

using Json = nlohmann::json;

constexpr size_t kLabelWidth = 44;
constexpr size_t kColumnWidth = 12;

// At most `width` bytes, cut on a UTF-8 character boundary.
std::string Cut(const std::string& text, size_t width) {
  if (text.size() <= width) return text;
  size_t end = width;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

std::string PersonName(const FirmSnapshot& s, std::string_view id) {
  const Person* p = s.FindPerson(id);
  return p ? p->name : std::string(id);
}

std::string RowLabel(const FirmSnapshot& s, const RaciRow& row) {
  const FirmData& d = s.data();
  switch (row.kind) {
    case goals::RaciRowKind::kGoal: return "Goal: " + d.goals[row.item].title;
    case goals::RaciRowKind::kDeliverable: return "Deliverable: " + d.deliverables[row.item].name;
    case goals::RaciRowKind::kClientRelationship: {
      const ClientRelationship& r = d.client_relationships[row.item];
      return "Client: " + r.client_id + (r.contact.empty() ? "" : " (" + r.contact + ")");
    }
  }
  return "";
}

std::string RowId(const FirmSnapshot& s, const RaciRow& row) {
  const FirmData& d = s.data();
  switch (row.kind) {
    case goals::RaciRowKind::kGoal: return d.goals[row.item].id;
    case goals::RaciRowKind::kDeliverable: return d.deliverables[row.item].id;
    case goals::RaciRowKind::kClientRelationship: return d.client_relationships[row.item].id;
  }
  return "";
}

// The matrix as a table: one row per goal, deliverable and relationship,
// one column per person (leader first), letters in the cells; then who else
// holds a part without being on the team, then the warnings.
void PrintMatrix(const TeamRoles& roles) {
  const FirmSnapshot& s = *roles.state->snapshot;
  std::printf("%-*s", static_cast<int>(kLabelWidth), "");
  for (uint32_t p : roles.people) {
    std::printf(" %-*s", static_cast<int>(kColumnWidth),
                Cut(s.data().people[p].name, kColumnWidth).c_str());
  }
  std::printf("\n");
  for (const RaciRow& row : roles.rows) {
    std::printf("%-*s", static_cast<int>(kLabelWidth), Cut(RowLabel(s, row), kLabelWidth).c_str());
    std::string outside;
    for (uint32_t p : roles.people) {
      std::string letters;
      for (const RaciEntry& e : row.cells) {
        if (e.person_id == s.data().people[p].id) letters += ToString(e.role);
      }
      std::printf(" %-*s", static_cast<int>(kColumnWidth), letters.empty() ? "." : letters.c_str());
    }
    for (const RaciEntry& e : row.cells) {
      auto p = s.PersonIndex(e.person_id);
      if (p && std::find(roles.people.begin(), roles.people.end(), *p) != roles.people.end()) {
        continue;
      }
      outside += " " + PersonName(s, e.person_id) + ":" + std::string(ToString(e.role));
    }
    if (!outside.empty()) std::printf("  (not on the team:%s)", outside.c_str());
    std::printf("\n");
  }
}

void PrintWarnings(const std::vector<goals::RaciWarning>& warnings) {
  if (warnings.empty()) {
    std::printf("No warnings.\n");
    return;
  }
  std::printf("%zu warning(s):\n", warnings.size());
  for (const goals::RaciWarning& w : warnings) {
    std::printf("  [%s] %s\n", std::string(goals::ToString(w.kind)).c_str(), w.message.c_str());
  }
}

Json WarningsJson(const std::vector<goals::RaciWarning>& warnings) {
  Json out = Json::array();
  for (const goals::RaciWarning& w : warnings) {
    out.push_back({{"kind", goals::ToString(w.kind)},
                   {"row_kind", w.row_id.empty() ? Json() : Json(goals::ToString(w.row_kind))},
                   {"row_id", w.row_id.empty() ? Json() : Json(w.row_id)},
                   {"person_id", w.person_id.empty() ? Json() : Json(w.person_id)},
                   {"message", w.message}});
  }
  return out;
}

Json RolesJson(const TeamRoles& roles) {
  const FirmSnapshot& s = *roles.state->snapshot;
  Json rows = Json::array();
  for (const RaciRow& row : roles.rows) {
    Json cells = Json::object();
    for (const RaciEntry& e : row.cells) cells[e.person_id] = std::string(ToString(e.role));
    rows.push_back({{"kind", goals::ToString(row.kind)},
                    {"id", RowId(s, row)},
                    {"label", RowLabel(s, row)},
                    {"cells", cells}});
  }
  Json people = Json::array();
  for (uint32_t p : roles.people) people.push_back(s.data().people[p].id);
  return {{"team", s.data().teams[roles.team].id},
          {"people", people},
          {"rows", rows},
          {"warnings", WarningsJson(roles.warnings)}};
}

// ---- roles ----

struct RolesFlags {
  GoalsWorldFlags world;
  std::string team;
  bool all = false;
  bool check = false;
  bool json = false;
};

int RolesOfAllTeams(GoalsWorld& world, const RolesFlags& flags) {
  auto check = world.goals().CheckAllTeams(world.principal());
  if (!check.ok()) return Fail(check.status());
  const FirmSnapshot& s = *check->snapshot;
  if (flags.json) {
    Json teams = Json::array();
    for (const auto& [team, warnings] : check->teams) {
      teams.push_back({{"team", s.data().teams[team].id}, {"warnings", WarningsJson(warnings)}});
    }
    std::cout << Json{{"teams", s.data().teams.size()}, {"teams_with_warnings", teams}}.dump(2)
              << "\n";
  } else {
    std::printf("%zu team(s) checked; %zu with warnings; %zu warning(s)\n", s.data().teams.size(),
                check->teams.size(), check->warnings);
    for (const auto& [team, warnings] : check->teams) {
      std::printf("%s (%s):\n", s.data().teams[team].name.c_str(), s.data().teams[team].id.c_str());
      for (const goals::RaciWarning& w : warnings) {
        std::printf("  [%s] %s\n", std::string(goals::ToString(w.kind)).c_str(), w.message.c_str());
      }
    }
  }
  return flags.check && check->warnings > 0 ? kExitBadInput : kExitOk;
}

int Roles(const RolesFlags& flags) {
  if (flags.all == !flags.team.empty()) {
    return Fail(InvalidArgument("give a TEAM or --all"));
  }
  auto world = GoalsWorld::Open(flags.world);
  if (!world.ok()) return Fail(world.status());
  if (flags.all) return RolesOfAllTeams(**world, flags);
  auto roles = (*world)->goals().GetTeamRoles((*world)->principal(), flags.team);
  if (!roles.ok()) return Fail(roles.status());
  if (flags.json) {
    std::cout << RolesJson(*roles).dump(2) << "\n";
  } else {
    const Team& team = roles->state->snapshot->data().teams[roles->team];
    std::printf("Who does what: %s (%s)\n", team.name.c_str(), team.id.c_str());
    std::printf("R responsible, A accountable, C consulted, I informed\n\n");
    PrintMatrix(*roles);
    std::printf("\n");
    PrintWarnings(roles->warnings);
  }
  return flags.check && !roles->warnings.empty() ? kExitBadInput : kExitOk;
}

// ---- brief ----

struct BriefFlags {
  GoalsWorldFlags world;
  std::string team;
  bool json = false;
};

void PrintBriefGoals(const TeamGoals& page) {
  const FirmSnapshot& s = *page.state->snapshot;
  for (const GoalView& v : page.goals) {
    const Goal& g = s.data().goals[v.goal];
    const goals::Measure& m = page.state->measure[v.goal];
    const bool own = g.team_id == s.data().teams[page.team].id;
    char progress[16];
    std::snprintf(progress, sizeof progress, "%.0f%%", std::clamp(m.progress, 0.0, 9.99) * 100);
    std::printf("  %s %-10s %s — %s of the way, due %s, owner %s\n", own ? "*" : " ",
                std::string(goals::ToString(m.status)).c_str(), g.title.c_str(), progress,
                FormatDate(g.due_date).c_str(), PersonName(s, g.owner_id).c_str());
  }
}

// Per person: the rows they are accountable for, responsible for, consulted on.
void PrintWhoDoesWhat(const TeamRoles& roles) {
  const FirmSnapshot& s = *roles.state->snapshot;
  for (uint32_t p : roles.people) {
    const std::string& id = s.data().people[p].id;
    std::string line;
    for (RaciRole role : {RaciRole::kAccountable, RaciRole::kResponsible, RaciRole::kConsulted}) {
      std::string rows;
      for (const RaciRow& row : roles.rows) {
        for (const RaciEntry& e : row.cells) {
          if (e.person_id == id && e.role == role) {
            rows += (rows.empty() ? "" : "; ") + RowLabel(s, row);
          }
        }
      }
      if (rows.empty()) continue;
      const char* verb = role == RaciRole::kAccountable   ? "accountable for"
                         : role == RaciRole::kResponsible ? "does"
                                                          : "consulted on";
      line += "\n      " + std::string(verb) + ": " + rows;
    }
    std::printf("  %s (%s)%s\n", s.data().people[p].name.c_str(), s.data().people[p].title.c_str(),
                line.empty() ? " — no role yet" : line.c_str());
  }
}

int Brief(const BriefFlags& flags) {
  auto world = GoalsWorld::Open(flags.world);
  if (!world.ok()) return Fail(world.status());
  auto brief = (*world)->goals().GetBrief((*world)->principal(), flags.team);
  if (!brief.ok()) return Fail(brief.status());
  const FirmSnapshot& s = *brief->goals.state->snapshot;
  const Team& team = s.data().teams[brief->goals.team];
  if (flags.json) {
    Json log = Json::array();
    for (const ClientLogEntry& e : brief->log) {
      log.push_back({{"date", FormatDate(e.date)},
                     {"engagement_id", e.engagement_id},
                     {"changed", e.changed},
                     {"issues", e.issues},
                     {"resolution", e.resolution}});
    }
    std::cout << Json{{"team", team.id},
                      {"purpose", team.purpose},
                      {"roles", RolesJson(brief->roles)},
                      {"log", log}}
                     .dump(2)
              << "\n";
    return kExitOk;
  }
  std::printf("ONBOARDING BRIEF — %s\n", team.name.c_str());
  std::printf("As of %s. Leader: %s\n\n", FormatDate(brief->goals.state->as_of).c_str(),
              team.leader_id.empty() ? "none named" : PersonName(s, team.leader_id).c_str());
  std::printf("WHY WE EXIST\n  %s\n\n",
              team.purpose.empty() ? "(no purpose written yet)" : team.purpose.c_str());
  std::printf("OUR GOALS (* ours; the others are what ours serve and what serves ours)\n");
  PrintBriefGoals(brief->goals);
  std::printf("\nWHO DOES WHAT\n");
  PrintWhoDoesWhat(brief->roles);
  if (!brief->roles.warnings.empty()) {
    std::printf("\nOPEN QUESTIONS ABOUT ROLES\n");
    for (const goals::RaciWarning& w : brief->roles.warnings)
      std::printf("  - %s\n", w.message.c_str());
  }
  std::printf("\nLATEST FROM THE CLIENT LOG\n");
  if (brief->log.empty()) std::printf("  (nothing logged yet)\n");
  for (const ClientLogEntry& e : brief->log) {
    std::printf("  %s %s\n", FormatDate(e.date).c_str(), e.changed.c_str());
    if (!e.issues.empty()) std::printf("      issue: %s\n", e.issues.c_str());
    if (!e.resolution.empty()) std::printf("      how we resolve it: %s\n", e.resolution.c_str());
  }
  return kExitOk;
}

// ---- log ----

struct LogFlags {
  GoalsWorldFlags world;
  std::string team;
  std::string engagement;  //!< one of the team's; needed when it keeps several
  int limit = 20;
  bool all = false;
  std::string add;  //!< what changed for the client: write an entry
  std::string issues;
  std::string resolution;
  std::string date;
  bool json = false;
};

// The engagement of the team's client log the command is about.
Result<std::string> LogEngagementOf(GoalsWorld& world, const LogFlags& flags) {
  ASSIGN_OR_RETURN(TeamGoals page, world.goals().GetTeamGoals(world.principal(), flags.team));
  const FirmData& d = page.state->snapshot->data();
  std::string ids;
  for (const LogEngagement& e : page.log_engagements) {
    const std::string& id = d.engagements[e.engagement].id;
    if (id == flags.engagement) return id;
    ids += (ids.empty() ? "" : ", ") + id;
  }
  if (page.log_engagements.empty()) {
    return NotFound("team " + flags.team + " keeps no client log you may read");
  }
  if (!flags.engagement.empty()) {
    return InvalidArgument("--engagement: expected one of the team's engagements (" + ids +
                           "), got '" + flags.engagement + "'");
  }
  if (page.log_engagements.size() > 1) {
    return InvalidArgument("--engagement: the team keeps the log of several engagements (" + ids +
                           "); name one");
  }
  return d.engagements[page.log_engagements[0].engagement].id;
}

int Log(const LogFlags& flags) {
  std::optional<Date> date;
  if (!flags.date.empty()) {
    date = ParseDate(flags.date);
    if (!date)
      return Fail(InvalidArgument("--date: expected YYYY-MM-DD, got '" + flags.date + "'"));
  }
  if (flags.add.empty() && (!flags.issues.empty() || !flags.resolution.empty() || date)) {
    return Fail(InvalidArgument("--issues, --resolution and --date go with --add"));
  }
  auto world = GoalsWorld::Open(flags.world);
  if (!world.ok()) return Fail(world.status());
  GoalsWorld& w = **world;
  auto engagement = LogEngagementOf(w, flags);
  if (!engagement.ok()) return Fail(engagement.status());
  if (!flags.add.empty()) {
    auto entry = w.goals().AddLogEntry(w.principal(), *engagement,
                                       {date, flags.add, flags.issues, flags.resolution});
    if (!entry.ok()) return Fail(entry.status());
    std::printf("added %s to the client log of %s (%s)\n", entry->id.c_str(), engagement->c_str(),
                FormatDate(entry->date).c_str());
    return kExitOk;
  }
  auto snapshot = w.snapshots().Peek();
  std::vector<ClientLogEntry> entries;
  std::string cursor;
  do {
    auto page = w.goals().GetLog(w.principal(), *engagement, flags.limit, cursor);
    if (!page.ok()) return Fail(page.status());
    for (ClientLogEntry& e : page->entries) entries.push_back(std::move(e));
    cursor = page->next_cursor;
  } while (flags.all && !cursor.empty());
  if (flags.json) {
    Json items = Json::array();
    for (const ClientLogEntry& e : entries) {
      items.push_back({{"id", e.id},
                       {"date", FormatDate(e.date)},
                       {"author_id", e.author_id},
                       {"changed", e.changed},
                       {"issues", e.issues},
                       {"resolution", e.resolution}});
    }
    std::cout
        << Json{{"engagement", *engagement}, {"items", items}, {"more", !cursor.empty()}}.dump(2)
        << "\n";
    return kExitOk;
  }
  std::printf("Client log of %s, newest first\n", engagement->c_str());
  if (entries.empty()) std::printf("  (nothing logged yet)\n");
  for (const ClientLogEntry& e : entries) {
    std::printf("  %s  %s: %s\n", FormatDate(e.date).c_str(),
                PersonName(*snapshot, e.author_id).c_str(), e.changed.c_str());
    if (!e.issues.empty()) std::printf("      issue: %s\n", e.issues.c_str());
    if (!e.resolution.empty()) std::printf("      how we resolve it: %s\n", e.resolution.c_str());
  }
  if (!cursor.empty()) std::printf("(older entries not shown: --all or a larger --limit)\n");
  return kExitOk;
}

void RegisterTeamRoles(CLI::App& app, int& exit_code) {
  CLI::App* team = TeamCommandGroup(app);

  auto brief = std::make_shared<BriefFlags>();
  CLI::App* b = team->add_subcommand("brief", "The printable one-page onboarding brief");
  b->add_option("TEAM", brief->team, "The team's id")->required();
  AddGoalsWorldOptions(*b, brief->world);
  b->add_flag("--json", brief->json, "Print JSON");
  b->callback([brief, &exit_code] { exit_code = Brief(*brief); });

  auto roles = std::make_shared<RolesFlags>();
  CLI::App* r = team->add_subcommand("roles", "The responsibility matrix (RACI) and its warnings");
  r->add_option("TEAM", roles->team, "The team's id");
  r->add_flag("--all", roles->all, "Check every team (firm-wide; prints teams with warnings)");
  r->add_flag("--check", roles->check, "Exit with 1 when there is any warning");
  AddGoalsWorldOptions(*r, roles->world);
  r->add_flag("--json", roles->json, "Print JSON");
  r->callback([roles, &exit_code] { exit_code = Roles(*roles); });

  auto log_flags = std::make_shared<LogFlags>();
  CLI::App* l = team->add_subcommand(
      "log", "The client log of the team's engagement (newest first), or --add an entry");
  l->add_option("TEAM", log_flags->team, "The team's id")->required();
  l->add_option("--engagement", log_flags->engagement,
                "The engagement, when the team keeps several (an account team)");
  l->add_option("--limit", log_flags->limit, "Entries to print (a page, 1 to 200)")
      ->check(CLI::Range(1, 200));
  l->add_flag("--all", log_flags->all, "Print the whole log");
  l->add_option("--add", log_flags->add, "Write an entry: what changed for the client");
  l->add_option("--issues", log_flags->issues, "With --add: an issue spotted");
  l->add_option("--resolution", log_flags->resolution, "With --add: how it will be resolved");
  l->add_option("--date", log_flags->date,
                "With --add: the entry's date YYYY-MM-DD (default today)");
  AddGoalsWorldOptions(*l, log_flags->world);
  l->add_flag("--json", log_flags->json, "Print JSON");
  l->callback([log_flags, &exit_code] { exit_code = Log(*log_flags); });
}

}  // namespace

GUILD_REGISTER_COMMAND(team_roles, RegisterTeamRoles)

}  // namespace guild::cli
