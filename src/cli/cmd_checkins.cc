// `guild checkins overdue|export`: who of a team has not checked in for the
// cycle holding a day, and the submitted check-ins as CSV or JSON (the
// layout `guild import checkins` reads). Through the CheckinsService, as the
// operator (an administrator: statuses, never contents, and the export) or
// as the person named by --as (docs/CHECKINS.md).
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/goals_world.h"
#include "io/export.h"

namespace guild::cli {
namespace {

using Json = nlohmann::json;

struct WorldFlags {
  std::string db = "guild.db";
  std::string as_person;
  std::string date;  //!< --date: the day to look from (default today)
};

void AddWorldOptions(CLI::App& command, WorldFlags& flags) {
  AddDbOption(command, flags.db);
  command.add_option("--as", flags.as_person,
                     "Act as this person (their rights); default: the operator (administrator)");
  command.add_option("--date", flags.date,
                     "The day to look from, YYYY-MM-DD (default: today); its cycle is shown");
}

Result<std::unique_ptr<GoalsWorld>> OpenWorld(const WorldFlags& flags) {
  if (!flags.date.empty() && !ParseDate(flags.date)) {
    return InvalidArgument("--date: expected a date YYYY-MM-DD, got '" + flags.date + "'");
  }
  GoalsWorldFlags world;
  world.db = flags.db;
  world.as_person = flags.as_person;
  world.today = flags.date;
  return GoalsWorld::Open(world);
}

// ---- overdue ----

struct OverdueFlags {
  WorldFlags world;
  std::vector<std::string> teams;
  std::string reports_of;           //!< --reports-of: a reporting line instead of teams
  int limit = OverduePage{}.limit;  //!< --limit: teams per page of the line (default all)
  std::string cursor;               //!< --cursor: the next page of the line
  bool json = false;
};

Json OverdueJson(const FirmSnapshot& s, const std::vector<OverdueList::Team>& teams) {
  Json out = Json::array();
  for (const OverdueList::Team& t : teams) {
    Json members = Json::array();
    for (const MemberCheckin& m : t.members) {
      const Person& p = s.data().people[m.person];
      members.push_back({{"person_id", p.id},
                         {"name", p.name},
                         {"status", std::string(checkins::ToString(m.status))}});
    }
    out.push_back({{"team_id", s.data().teams[t.team].id},
                   {"cycle_start", FormatDate(t.cycle.start)},
                   {"due_on", FormatDate(t.cycle.due)},
                   {"members", std::move(members)}});
  }
  return out;
}

void PrintOverdueTeams(const FirmSnapshot& s, const std::vector<OverdueList::Team>& teams) {
  for (const OverdueList::Team& t : teams) {
    std::printf("%s: cycle %s, due %s: %zu not checked in\n", s.data().teams[t.team].name.c_str(),
                FormatDate(t.cycle.start).c_str(), FormatDate(t.cycle.due).c_str(),
                t.members.size());
    for (const MemberCheckin& m : t.members) {
      const Person& p = s.data().people[m.person];
      std::printf("  %-8s %s (%s)\n", std::string(checkins::ToString(m.status)).c_str(),
                  p.name.c_str(), p.id.c_str());
    }
  }
}

int OverdueOfReports(GoalsWorld& world, const OverdueFlags& flags) {
  const OverduePage page{.limit = flags.limit, .cursor = flags.cursor};
  auto view =
      world.checkins().GetOverdueOfReports(world.principal(), flags.reports_of, std::nullopt, page);
  if (!view.ok()) return Fail(view.status());
  const FirmSnapshot& s = *view->snapshot;
  const Person& person = s.data().people[view->person];
  const int total = view->due + view->draft + view->overdue;
  if (flags.json) {
    const Json out = {
        {"person_id", person.id},
        {"reporting_line", view->reporting_line},
        {"counts",
         {{"due", view->due},
          {"draft", view->draft},
          {"overdue", view->overdue},
          {"total", total},
          {"teams", view->teams_total}}},
        {"teams", OverdueJson(s, view->teams)},
        {"next_cursor", view->next_cursor.empty() ? Json(nullptr) : Json(view->next_cursor)}};
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  std::printf(
      "Reporting line of %s (%s): %u people; %d not checked in (due %d, draft %d, overdue %d) in "
      "%d teams\n",
      person.name.c_str(), person.id.c_str(), view->reporting_line, total, view->due, view->draft,
      view->overdue, view->teams_total);
  PrintOverdueTeams(s, view->teams);
  if (!view->next_cursor.empty()) {
    std::printf("More teams: --cursor %s\n", view->next_cursor.c_str());
  }
  return kExitOk;
}

int Overdue(const OverdueFlags& flags) {
  if (flags.teams.empty() == flags.reports_of.empty()) {
    return Fail(InvalidArgument(flags.teams.empty()
                                    ? "--team: expected a team id (or --reports-of PERSON)"
                                    : "--reports-of: expected either --team or --reports-of, not "
                                      "both"));
  }
  const bool paged = flags.limit != OverduePage{}.limit || !flags.cursor.empty();
  if (flags.reports_of.empty() && paged) {
    return Fail(InvalidArgument(flags.limit != OverduePage{}.limit
                                    ? "--limit: only with --reports-of"
                                    : "--cursor: only with --reports-of"));
  }
  auto world = OpenWorld(flags.world);
  if (!world.ok()) return Fail(world.status());
  if (!flags.reports_of.empty()) return OverdueOfReports(**world, flags);
  auto list = (*world)->checkins().GetOverdueOf((*world)->principal(), flags.teams, std::nullopt);
  if (!list.ok()) return Fail(list.status());
  if (flags.json) {
    std::cout << OverdueJson(*list->snapshot, list->teams).dump(2) << "\n";
    return kExitOk;
  }
  PrintOverdueTeams(*list->snapshot, list->teams);
  return kExitOk;
}

// ---- export ----

struct ExportFlags {
  WorldFlags world;
  std::string format;
  std::string team;
  std::string since;
  std::string out;
};

int Export(const ExportFlags& flags) {
  auto format = io::ParseFormat(flags.format);
  if (!format) {
    return Fail(InvalidArgument("--format: expected csv or json, got '" + flags.format + "'"));
  }
  Date since{0};
  if (!flags.since.empty()) {
    auto parsed = ParseDate(flags.since);
    if (!parsed) {
      return Fail(
          InvalidArgument("--since: expected a date YYYY-MM-DD, got '" + flags.since + "'"));
    }
    since = *parsed;
  }
  auto world = OpenWorld(flags.world);
  if (!world.ok()) return Fail(world.status());
  auto exported = (*world)->checkins().Export((*world)->principal(), flags.team, since);
  if (!exported.ok()) return Fail(exported.status());
  FirmData data;
  data.checkins = std::move(exported->checkins);
  const std::string text = io::ExportEntities(data, EntityKind::kCheckins, *format);
  if (flags.out.empty()) {
    std::cout << text;
    return std::cout.good() ? kExitOk : kExitInternal;
  }
  std::ofstream out(flags.out, std::ios::binary);
  if (!out.write(text.data(), static_cast<std::streamsize>(text.size()))) {
    return Fail(Internal("cannot write " + flags.out));
  }
  return kExitOk;
}

void RegisterCheckins(CLI::App& app, int& exit_code) {
  CLI::App* group = app.add_subcommand("checkins", "Member-led check-ins of teams");
  group->require_subcommand(1);

  auto overdue = std::make_shared<OverdueFlags>();
  CLI::App* ls = group->add_subcommand(
      "overdue",
      "Members of teams, or of a reporting line, who have not checked in for the cycle (due, "
      "draft, overdue)");
  AddWorldOptions(*ls, overdue->world);
  ls->add_option("--team", overdue->teams, "The team (repeat for several)");
  ls->add_option("--reports-of", overdue->reports_of,
                 "Instead of --team: everyone in this person's reporting line (manager_id, "
                 "transitively), by the check-in team they belong to");
  ls->add_option("--limit", overdue->limit,
                 "With --reports-of: at most this many teams (default: all; the counts cover all)");
  ls->add_option("--cursor", overdue->cursor,
                 "With --reports-of: the next page, after the team --limit ended with");
  ls->add_flag("--json", overdue->json, "Print JSON instead of text");
  ls->callback([overdue, &exit_code] { exit_code = Overdue(*overdue); });

  auto exp = std::make_shared<ExportFlags>();
  CLI::App* ex = group->add_subcommand(
      "export", "Submitted check-ins as CSV or JSON (drafts stay their authors')");
  AddWorldOptions(*ex, exp->world);
  ex->add_option("--format", exp->format, "csv or json")->required();
  ex->add_option("--team", exp->team, "Only this team (default: every team)");
  ex->add_option("--since", exp->since, "Only cycles starting on or after this date");
  ex->add_option("--out", exp->out, "File to write (default: standard output)");
  ex->callback([exp, &exit_code] { exit_code = Export(*exp); });
}

}  // namespace

GUILD_REGISTER_COMMAND(checkins, RegisterCheckins)

}  // namespace guild::cli
