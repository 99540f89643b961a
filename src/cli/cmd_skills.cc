// `guild skills find|gaps|market|complete` and
// `guild people mentors|mentees|peers|role-models|circle|mentoring-round`.
// Each loads the firm from the store, builds the skills index and prints a
// table (or JSON with --json).
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "engine/skills/gaps.h"
#include "engine/skills/market.h"
#include "engine/skills/mentoring.h"
#include "engine/skills/search.h"
#include "store/store.h"

namespace guild::cli {

namespace {

using namespace ::guild::skills;
using Json = nlohmann::json;

struct Loaded {
  FirmData firm;
  SkillIndex index;
};

Result<Loaded> LoadFirm(const std::string& db) {
  ASSIGN_OR_RETURN(std::unique_ptr<Store> store,
                   OpenStore({.url = db, .create_if_missing = false}));
  ASSIGN_OR_RETURN(FirmData firm, store->Load({}));
  ASSIGN_OR_RETURN(SkillIndex index, SkillIndex::Build(firm));
  return Loaded{std::move(firm), std::move(index)};
}

Date Today() { return SystemClock().Today(); }

Result<Date> DateArg(const std::string& flag, const std::string& text, Date fallback) {
  if (text.empty()) return fallback;
  auto d = ParseDate(text);
  if (!d) return InvalidArgument(flag + ": expected a date like 2025-03-01, got '" + text + "'");
  return *d;
}

struct FindArgs {
  std::string db = "guild.db";
  std::vector<std::string> skills;
  bool any = false, exact = false, wants = false, json = false;
  std::string practice, office, grade, from, to;
  double free_hours = -1;
  int limit = 20;
};

Result<SkillQuery> BuildQuery(const FindArgs& a) {
  SkillQuery q;
  for (const std::string& s : a.skills) {
    ASSIGN_OR_RETURN(SkillNeed need, skills::ParseSkillNeed(s, "--skill"));
    q.needs.push_back(need);
  }
  q.mode = a.any ? MatchMode::kAnyOf : MatchMode::kAllOf;
  q.expansion =
      a.exact ? TaxonomyExpansion::kExactSkillOnly : TaxonomyExpansion::kNarrowerMeetsBroader;
  q.practice = a.practice;
  q.office = a.office;
  q.grade = a.grade;
  q.wants_to_grow = a.wants ? WantsToGrowFilter::kRequired : WantsToGrowFilter::kAny;
  q.limit = a.limit;
  if (a.free_hours >= 0 || !a.from.empty() || !a.to.empty()) {
    const Date today = Today();
    ASSIGN_OR_RETURN(Date from, DateArg("--from", a.from, today));
    ASSIGN_OR_RETURN(Date to, DateArg("--to", a.to, AddDays(from, 27)));
    q.availability = AvailabilityWindow{from, to, std::max(a.free_hours, 0.0)};
  }
  return q;
}

int RunFind(const FindArgs& a) {
  auto query = BuildQuery(a);
  if (!query.ok()) return Fail(query.status());
  auto loaded = LoadFirm(a.db);
  if (!loaded.ok()) return Fail(loaded.status());
  const SkillIndex& index = loaded->index;
  auto response = FindPeople(index, *query);
  if (!response.ok()) return Fail(response.status());
  const bool window = query->availability.has_value();
  if (a.json) {
    Json hits = Json::array();
    for (const SearchHit& h : response->hits) {
      hits.push_back({{"person_id", index.person_id(h.person)},
                      {"name", index.person_name(h.person)},
                      {"needs_met", h.needs_met},
                      {"surplus", h.surplus},
                      {"free_hours", window ? Json(h.free_hours) : Json()},
                      {"why", ExplainHit(index, h, window)}});
    }
    std::cout << Json{{"total", response->total}, {"hits", hits}}.dump(2) << "\n";
    return kExitOk;
  }
  std::printf("%lld match(es)\n", static_cast<long long>(response->total));
  for (const SearchHit& h : response->hits) {
    std::printf("%-14s %-28s met %d  surplus %d\n", index.person_id(h.person).c_str(),
                index.person_name(h.person).c_str(), h.needs_met, h.surplus);
    for (const std::string& line : ExplainHit(index, h, window)) {
      std::printf("    %s\n", line.c_str());
    }
  }
  return kExitOk;
}

const char* GapKindName(GapKind k) {
  return k == GapKind::kMissing ? "missing" : k == GapKind::kBelowLevel ? "below" : "met";
}

int RunGaps(const std::string& db, const std::string& person, const std::string& role_id,
            double min_importance, bool json) {
  auto loaded = LoadFirm(db);
  if (!loaded.ok()) return Fail(loaded.status());
  const Role* role = nullptr;
  for (const Role& r : loaded->firm.roles) role = r.id == role_id ? &r : role;
  if (!role) return Fail(NotFound("--role: unknown role '" + role_id + "'"));
  auto report = PersonRoleGaps(loaded->index, person, *role, {.min_importance = min_importance});
  if (!report.ok()) return Fail(report.status());
  auto name = [&](const SkillGap& g) {
    return g.skill == kNone ? g.skill_id : loaded->index.skill_name(g.skill);
  };
  if (json) {
    Json rows = Json::array();
    for (const auto* list : {&report->gaps, &report->met}) {
      for (const SkillGap& g : *list) {
        rows.push_back({{"skill_id", g.skill_id},
                        {"skill", name(g)},
                        {"required", g.required},
                        {"have", g.have},
                        {"importance", g.importance},
                        {"kind", GapKindName(g.kind)}});
      }
    }
    std::cout << Json{{"role", role->id}, {"person", person}, {"skills", rows}}.dump(2) << "\n";
    return kExitOk;
  }
  std::printf("%s vs %s: %zu gap(s), %zu met\n", person.c_str(), role->name.c_str(),
              report->gaps.size(), report->met.size());
  std::printf("%-40s %10s %8s %5s  %s\n", "skill", "importance", "required", "have", "status");
  for (const auto* list : {&report->gaps, &report->met}) {
    for (const SkillGap& g : *list) {
      std::printf("%-40s %10.2f %8d %5d  %s\n", name(g).c_str(), g.importance, g.required, g.have,
                  GapKindName(g.kind));
    }
  }
  return kExitOk;
}

// The level each skill is needed at: the highest min_level of any opening
// still running on or after `today` whose engagement is not complete or cancelled.
std::map<std::string, int> OpenNeedLevels(const FirmData& firm, Date today) {
  std::map<std::string, bool> open;
  for (const Engagement& e : firm.engagements) {
    open[e.id] =
        e.status != EngagementStatus::kComplete && e.status != EngagementStatus::kCancelled;
  }
  std::map<std::string, int> levels;
  for (const Opening& o : firm.openings) {
    if (o.end < today || !open[o.engagement_id]) continue;
    for (const SkillRequirement& r : o.required) {
      levels[r.skill_id] = std::max(levels[r.skill_id], r.min_level);
    }
  }
  return levels;
}

Json CandidatesJson(const SkillIndex& index, const std::vector<RemedyCandidate>& list) {
  Json out = Json::array();
  for (const RemedyCandidate& c : list) {
    out.push_back({{"person_id", index.person_id(c.person)},
                   {"name", index.person_name(c.person)},
                   {"level", c.level},
                   {"free_hours", c.free_hours}});
  }
  return out;
}

std::string CandidatesText(const SkillIndex& index, const std::vector<RemedyCandidate>& list) {
  std::string out;
  for (const RemedyCandidate& c : list) {
    char hours[32];
    std::snprintf(hours, sizeof(hours), "%.0f", c.free_hours);
    out += (out.empty() ? "" : ", ") + index.person_name(c.person) + " (" +
           std::to_string(c.level) + ", " + hours + "h free)";
  }
  return out.empty() ? "nobody" : out;
}

// The firm's gaps: skills whose demand over the next 3 periods of 4 weeks
// exceeds the supply, each with its remedies (redeploy, develop, hire) at the
// highest level an open opening asks for it.
int RunFirmGaps(const std::string& db, int limit, bool json) {
  auto loaded = LoadFirm(db);
  if (!loaded.ok()) return Fail(loaded.status());
  const SkillIndex& index = loaded->index;
  const Date today = Today();
  auto market = BuildMarket(index, loaded->firm, {.from = today, .limit = 0});
  if (!market.ok()) return Fail(market.status());
  const std::map<std::string, int> levels = OpenNeedLevels(loaded->firm, today);
  RemedyOptions options;
  options.window = AvailabilityWindow{today, AddDays(today, 27), 0};
  Json rows = Json::array();
  int shown = 0;
  if (!json) std::printf("The firm's gaps: demand over supply in the next 12 weeks\n");
  for (const SkillBalance& b : market->balances) {
    if (b.demand_hours <= b.supply_hours || (limit > 0 && shown == limit)) continue;
    ++shown;
    auto level = levels.find(index.skill_id(b.skill));
    const int need = level == levels.end() ? kMinLevel : level->second;
    const Remedies r = RemediesFor(index, b.skill, need, options);
    if (json) {
      rows.push_back({{"skill_id", index.skill_id(b.skill)},
                      {"skill", index.skill_name(b.skill)},
                      {"level", need},
                      {"supply_hours", b.supply_hours},
                      {"demand_hours", b.demand_hours},
                      {"redeploy", CandidatesJson(index, r.redeploy)},
                      {"develop", CandidatesJson(index, r.develop)},
                      {"hire", r.hire}});
      continue;
    }
    std::printf("%s at %d: demand %.0fh, supply %.0fh\n", index.skill_name(b.skill).c_str(), need,
                b.demand_hours, b.supply_hours);
    std::printf("    redeploy: %s\n", CandidatesText(index, r.redeploy).c_str());
    std::printf("    develop:  %s\n", CandidatesText(index, r.develop).c_str());
    if (r.hire) std::printf("    hire: nobody can be redeployed or developed\n");
  }
  if (json) {
    std::cout << Json{{"from", FormatDate(today)}, {"gaps", rows}}.dump(2) << "\n";
  } else if (shown == 0) {
    std::printf("no skill is short\n");
  }
  return kExitOk;
}

int RunMarket(const std::string& db, const std::string& from, int periods, int weeks, bool json) {
  auto start = DateArg("--from", from, Today());
  if (!start.ok()) return Fail(start.status());
  auto loaded = LoadFirm(db);
  if (!loaded.ok()) return Fail(loaded.status());
  const SkillIndex& index = loaded->index;
  auto report =
      BuildMarket(index, loaded->firm, {.from = *start, .periods = periods, .period_weeks = weeks});
  if (!report.ok()) return Fail(report.status());
  if (json) {
    Json out = {
        {"balances", Json::array()}, {"key_person", Json::array()}, {"teaching", Json::array()}};
    for (const SkillBalance& b : report->balances) {
      Json periods_json = Json::array();
      for (const PeriodBalance& p : b.periods) {
        periods_json.push_back({{"start", FormatDate(p.start)},
                                {"supply_hours", p.supply_hours},
                                {"demand_hours", p.demand_hours}});
      }
      out["balances"].push_back({{"skill", index.skill_name(b.skill)},
                                 {"holders", b.holders},
                                 {"periods", periods_json}});
    }
    for (const KeyPersonRisk& k : report->key_person) {
      Json holders = Json::array();
      for (PersonRef p : k.holders) holders.push_back(index.person_id(p));
      out["key_person"].push_back({{"skill", index.skill_name(k.skill)},
                                   {"holders", holders},
                                   {"demand_hours", k.demand_hours}});
    }
    for (const TeachingGap& t : report->teaching) {
      out["teaching"].push_back(
          {{"skill", index.skill_name(t.skill)}, {"growers", t.growers}, {"teachers", t.teachers}});
    }
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  std::printf("Supply vs demand (hours, %d periods of %d weeks from %s), largest shortfall first\n",
              periods, weeks, FormatDate(WeekStart(*start)).c_str());
  std::printf("%-40s %8s %12s %12s\n", "skill", "holders", "supply", "demand");
  for (const SkillBalance& b : report->balances) {
    std::printf("%-40s %8d %12.0f %12.0f\n", index.skill_name(b.skill).c_str(), b.holders,
                b.supply_hours, b.demand_hours);
  }
  std::printf("\nKey-person risk\n");
  for (const KeyPersonRisk& k : report->key_person) {
    std::printf("%-40s held by %s, demand %.0fh\n", index.skill_name(k.skill).c_str(),
                index.person_name(k.holders[0]).c_str(), k.demand_hours);
  }
  std::printf("\nMany want to grow, few can teach\n");
  for (const TeachingGap& t : report->teaching) {
    std::printf("%-40s %d growing, %d teaching\n", index.skill_name(t.skill).c_str(), t.growers,
                t.teachers);
  }
  return kExitOk;
}

Json PairJson(const SkillIndex& index, const MentorPair& p) {
  return {{"mentee", index.person_id(p.mentee)},
          {"mentor", index.person_id(p.mentor)},
          {"skill", index.skill_name(p.skill)},
          {"benefit", p.benefit},
          {"why", ExplainPair(index, p)}};
}

struct PeopleArgs {
  std::string db = "guild.db";
  std::string person;
  std::string today;
  int k = 3;
  int candidates = 8;
  int limit = 10;
  bool json = false;
};

Result<MentoringOptions> Options(const PeopleArgs& a) {
  MentoringOptions o;
  ASSIGN_OR_RETURN(o.today, DateArg("--today", a.today, Today()));
  o.limit = a.limit;
  return o;
}

// mentors | mentees | peers | role-models | circle for one person.
int RunPerson(const PeopleArgs& a, const std::string& what) {
  auto options = Options(a);
  if (!options.ok()) return Fail(options.status());
  auto loaded = LoadFirm(a.db);
  if (!loaded.ok()) return Fail(loaded.status());
  const SkillIndex& index = loaded->index;
  Json out = Json::array();
  std::vector<std::string> lines;
  if (what == "mentors" || what == "mentees") {
    auto pairs = what == "mentors" ? FindMentors(index, a.person, *options)
                                   : FindMentees(index, a.person, *options);
    if (!pairs.ok()) return Fail(pairs.status());
    for (const MentorPair& p : *pairs) {
      out.push_back(PairJson(index, p));
      lines.push_back(ExplainPair(index, p));
    }
  } else if (what == "peers") {
    auto peers = FindPeers(index, a.person, *options);
    if (!peers.ok()) return Fail(peers.status());
    for (const Peer& p : *peers) {
      std::string skills;
      for (SkillRef s : p.shared) skills += (skills.empty() ? "" : ", ") + index.skill_name(s);
      out.push_back({{"person", index.person_id(p.person)}, {"shared", skills}});
      lines.push_back(index.person_name(p.person) + ": also growing " + skills);
    }
  } else if (what == "role-models") {
    auto models = FindRoleModels(index, loaded->firm.skill_history, a.person, *options);
    if (!models.ok()) return Fail(models.status());
    for (const RoleModel& m : *models) {
      const std::string text = index.person_name(m.person) + ": " + index.skill_name(m.skill) +
                               " " + std::to_string(m.from_level) + " (" + FormatDate(m.from_date) +
                               ") -> " + std::to_string(m.to_level) + " (" + FormatDate(m.to_date) +
                               ")";
      out.push_back({{"person", index.person_id(m.person)}, {"why", text}});
      lines.push_back(text);
    }
  } else {
    std::vector<std::string_view> ladder(std::begin(kDefaultGrades), std::end(kDefaultGrades));
    auto circle = BuildAdvisoryCircle(index, a.person, ladder, *options);
    if (!circle.ok()) return Fail(circle.status());
    for (const auto* member : {&circle->senior, &circle->peer, &circle->junior}) {
      if (!*member) continue;
      out.push_back({{"person", index.person_id((*member)->person)}, {"why", (*member)->reason}});
      lines.push_back(index.person_name((*member)->person) + ": " + (*member)->reason);
    }
    lines.push_back("consult your circle by " + FormatDate(circle->next_review));
  }
  if (a.json) {
    std::cout << out.dump(2) << "\n";
  } else {
    if (lines.empty()) std::printf("nobody found\n");
    for (const std::string& line : lines) std::printf("%s\n", line.c_str());
  }
  return kExitOk;
}

int RunRound(const PeopleArgs& a) {
  auto options = Options(a);
  if (!options.ok()) return Fail(options.status());
  auto loaded = LoadFirm(a.db);
  if (!loaded.ok()) return Fail(loaded.status());
  RoundOptions round{*options, a.k, a.candidates};
  auto result = MentoringRound(loaded->index, round);
  if (!result.ok()) return Fail(result.status());
  const SkillIndex& index = loaded->index;
  if (a.json) {
    Json pairs = Json::array();
    for (const MentorPair& p : result->pairs) pairs.push_back(PairJson(index, p));
    std::cout << Json{{"total_benefit", result->total_benefit}, {"pairs", pairs}}.dump(2) << "\n";
    return kExitOk;
  }
  std::printf("%zu pair(s) from %d mentees and %d mentors (k = %d), total benefit %lld\n",
              result->pairs.size(), result->mentees, result->mentors, a.k,
              static_cast<long long>(result->total_benefit));
  for (size_t i = 0; i < result->pairs.size() && (a.limit == 0 || i < size_t(a.limit)); ++i) {
    std::printf("  %s\n", ExplainPair(index, result->pairs[i]).c_str());
  }
  return kExitOk;
}

void RegisterPeople(CLI::App& app, int& exit_code) {
  CLI::App* group = app.add_subcommand("people", "Follow, lead, walk with: mentors and peers.");
  group->require_subcommand(1);
  const char* kinds[][2] = {{"mentors", "Mentors for the skills I want to grow"},
                            {"mentees", "People who want to grow what I hold at a high level"},
                            {"peers", "People growing the same skills from a similar level"},
                            {"role-models", "People whose skills went where I want to go"},
                            {"circle", "My advisory circle: senior, peer, junior"}};
  for (const auto& kind : kinds) {
    auto args = std::make_shared<PeopleArgs>();
    CLI::App* cmd = group->add_subcommand(kind[0], kind[1]);
    AddDbOption(*cmd, args->db);
    cmd->add_option("--person", args->person)->required();
    cmd->add_option("--today", args->today, "Date the window starts (default today)");
    cmd->add_option("--limit", args->limit);
    cmd->add_flag("--json", args->json);
    std::string what = kind[0];
    cmd->callback([args, what, &exit_code] { exit_code = RunPerson(*args, what); });
  }
  auto args = std::make_shared<PeopleArgs>();
  CLI::App* round =
      group->add_subcommand("mentoring-round", "Pair mentees with mentors firm-wide.");
  AddDbOption(*round, args->db);
  round->add_option("--k", args->k, "Most mentees per mentor");
  round->add_option("--candidates", args->candidates, "Candidate mentors per mentee (0 = all)");
  round->add_option("--today", args->today);
  round->add_option("--limit", args->limit, "Pairs printed (0 = all)");
  round->add_flag("--json", args->json);
  round->callback([args, &exit_code] { exit_code = RunRound(*args); });
}

void RegisterSkills(CLI::App& app, int& exit_code) {
  CLI::App* group = app.add_subcommand("skills", "Find people by skill, gaps, the skills market.");
  group->require_subcommand(1);
  auto find_args = std::make_shared<FindArgs>();
  CLI::App* find = group->add_subcommand("find", "Find people by skill (ranked, explained).");
  AddDbOption(*find, find_args->db);
  find->add_option("--skill", find_args->skills, "NAME[:LEVEL], repeatable")->required();
  find->add_flag("--any", find_args->any, "Any of the skills (default: all of them)");
  find->add_flag("--exact", find_args->exact, "Do not let narrower skills meet a need");
  find->add_option("--practice", find_args->practice);
  find->add_option("--office", find_args->office);
  find->add_option("--grade", find_args->grade);
  find->add_flag("--wants-to-grow", find_args->wants, "Only people who want to grow a skill asked");
  find->add_option("--free-hours", find_args->free_hours, "Free hours needed in the window");
  find->add_option("--from", find_args->from, "Window start (default today)");
  find->add_option("--to", find_args->to, "Window end (default from + 27 days)");
  find->add_option("--limit", find_args->limit, "Most results (0 = all)");
  find->add_flag("--json", find_args->json);
  find->callback([find_args, &exit_code] { exit_code = RunFind(*find_args); });

  auto g = std::make_shared<std::tuple<std::string, std::string, std::string, double, bool>>(
      "guild.db", "", "", 0.0, false);
  auto firm_gaps = std::make_shared<std::pair<bool, int>>(false, 20);
  CLI::App* gaps = group->add_subcommand(
      "gaps", "A person's gaps to a target role, or (--remedies) the firm's gaps and remedies.");
  AddDbOption(*gaps, std::get<0>(*g));
  gaps->add_option("--person", std::get<1>(*g), "Person id (with --role)");
  gaps->add_option("--role", std::get<2>(*g), "Role id, e.g. onet:15-1251.00");
  gaps->add_option("--min-importance", std::get<3>(*g), "Leave out role skills below (1..5)");
  gaps->add_flag("--remedies", firm_gaps->first,
                 "The firm's gaps (demand over supply) with redeploy/develop/hire remedies");
  gaps->add_option("--limit", firm_gaps->second, "With --remedies: most skills (0 = all)");
  gaps->add_flag("--json", std::get<4>(*g));
  gaps->callback([g, firm_gaps, &exit_code] {
    if (firm_gaps->first) {
      exit_code = RunFirmGaps(std::get<0>(*g), firm_gaps->second, std::get<4>(*g));
      return;
    }
    if (std::get<1>(*g).empty() || std::get<2>(*g).empty()) {
      exit_code = Fail(InvalidArgument("gaps: expected --person and --role, or --remedies"));
      return;
    }
    exit_code = RunGaps(std::get<0>(*g), std::get<1>(*g), std::get<2>(*g), std::get<3>(*g),
                        std::get<4>(*g));
  });

  auto m = std::make_shared<std::tuple<std::string, std::string, int, int, bool>>("guild.db", "", 3,
                                                                                  4, false);
  CLI::App* market =
      group->add_subcommand("market", "Supply vs demand, key people, teaching gaps.");
  AddDbOption(*market, std::get<0>(*m));
  market->add_option("--from", std::get<1>(*m), "First day (default today)");
  market->add_option("--periods", std::get<2>(*m));
  market->add_option("--period-weeks", std::get<3>(*m));
  market->add_flag("--json", std::get<4>(*m));
  market->callback([m, &exit_code] {
    exit_code = RunMarket(std::get<0>(*m), std::get<1>(*m), std::get<2>(*m), std::get<3>(*m),
                          std::get<4>(*m));
  });
}

}  // namespace

}  // namespace guild::cli

GUILD_REGISTER_COMMAND(skills, ::guild::cli::RegisterSkills)
GUILD_REGISTER_COMMAND(people, ::guild::cli::RegisterPeople)
