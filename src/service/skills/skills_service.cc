#include "service/skills/skills_service.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <set>
#include <tuple>

namespace guild {
namespace {

using skills::kNone;
using skills::PersonRef;

using SearchOutcome = std::variant<SkillSearch, UnknownSkill>;
using RemediesOutcome = std::variant<RemediesView, UnknownSkill>;

constexpr int kSuggestionCount = 5;

// Suggest asks the index for this many times `limit` skills, so that
// dropping duplicates (one skill in O*NET and ESCO) still fills the list.
constexpr int kDuplicateAllowance = 2;
constexpr int kMaxRows = 500;

// Keeps the first `limit` rows (all when limit is 0).
template <typename T>
void KeepFirst(std::vector<T>& rows, int limit) {
  if (limit > 0 && rows.size() > static_cast<size_t>(limit)) rows.resize(limit);
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Status CheckLimit(std::string_view name, int limit, int max) {
  if (limit < 1 || limit > max) {
    return InvalidField(std::string(name), "an integer from 1 to " + std::to_string(max),
                        std::to_string(limit));
  }
  return OkStatus();
}

Status CheckLevel(std::string_view name, int level) {
  if (level < kMinLevel || level > kMaxLevel) {
    return InvalidField(std::string(name), "a level from 1 to 5", std::to_string(level));
  }
  return OkStatus();
}

UnknownSkill Unknown(const skills::SkillIndex& index, std::string parameter, std::string text) {
  UnknownSkill unknown{std::move(parameter), std::move(text), {}};
  for (const skills::Suggestion& s : index.SuggestSkills(unknown.text, kSuggestionCount)) {
    const std::string& name = index.skill_name(s.skill);
    if (std::find(unknown.suggestions.begin(), unknown.suggestions.end(), name) ==
        unknown.suggestions.end()) {
      unknown.suggestions.push_back(name);
    }
  }
  return unknown;
}

// "Grace Hopper holds Python at 5, Ada at 2: +3 levels to learn, same office,
// 6h/week free". Free hours only when `hours_visible`.
std::string ExplainFor(const skills::SkillIndex& index, const skills::MentorPair& p,
                       bool hours_visible) {
  std::string text = index.person_name(p.mentor) + " holds " + index.skill_name(p.skill) + " at " +
                     std::to_string(p.mentor_level) + ", " + index.person_name(p.mentee) + " at " +
                     std::to_string(p.mentee_level) + ": +" +
                     std::to_string(p.mentor_level - p.mentee_level) + " levels to learn";
  if (p.same_office) text += ", same office";
  if (p.same_practice) text += ", same practice";
  if (hours_visible) {
    text += ", " + std::to_string(static_cast<int>(p.mentor_free_hours_per_week)) + "h/week free";
  }
  return text;
}

// The active mentorship in which `p.mentee` learns `p.skill`, or null.
const Mentorship* ActiveFor(const skills::SkillIndex& index,
                            const std::vector<Mentorship>& mentorships,
                            const skills::MentorPair& p) {
  const std::string& mentee = index.person_id(p.mentee);
  const std::string& skill = index.skill_id(p.skill);
  for (const Mentorship& m : mentorships) {
    if (m.status != MentorshipStatus::kActive || m.mentee_id != mentee) continue;
    if (std::find(m.skill_ids.begin(), m.skill_ids.end(), skill) != m.skill_ids.end()) return &m;
  }
  return nullptr;
}

// A suggested pair against the active mentorships: kept as it is when the
// mentee has no active mentor in the skill; shown as the active pair when
// the suggested mentor is that mentor; dropped (nullopt) when another
// person mentors the mentee in it.
std::optional<std::string> MentoringState(const skills::SkillIndex& index,
                                          const std::vector<Mentorship>& mentorships,
                                          const skills::MentorPair& p, std::string why) {
  const Mentorship* active = ActiveFor(index, mentorships, p);
  if (active == nullptr) return why;
  if (active->mentor_id != index.person_id(p.mentor)) return std::nullopt;
  return "active mentorship since " + FormatDate(*active->started_on) + ", review on " +
         FormatDate(*active->review_on) + "; " + why;
}

// The (mentee, skill) pairs of the active mentorships, sorted: the round
// offers no mentor for them.
std::vector<std::pair<skills::PersonRef, skills::SkillRef>> Mentored(
    const skills::SkillIndex& index, const std::vector<Mentorship>& mentorships) {
  std::vector<std::pair<skills::PersonRef, skills::SkillRef>> out;
  for (const Mentorship& m : mentorships) {
    if (m.status != MentorshipStatus::kActive) continue;
    auto mentee = index.FindPerson(m.mentee_id);
    if (!mentee) continue;
    for (const std::string& id : m.skill_ids) {
      if (auto skill = index.FindSkill(id)) out.emplace_back(*mentee, *skill);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string SkillList(const skills::SkillIndex& index, const std::vector<skills::SkillRef>& list) {
  std::string out;
  for (skills::SkillRef s : list) out += (out.empty() ? "" : ", ") + index.skill_name(s);
  return out;
}

// kNotFound naming the parameter, with close values, when `value` is not a
// known practice, office or grade.
Status CheckAttribute(const skills::SkillIndex& index, skills::Attribute attribute,
                      std::string_view name, const std::string& value) {
  if (value.empty() || index.FindAttribute(attribute, value)) return OkStatus();
  std::string message = std::string(name) + ": no " + std::string(name) + " '" + value + "'";
  std::string close;
  for (const skills::Suggestion& s : index.SuggestAttribute(attribute, value, kSuggestionCount)) {
    close += (close.empty() ? "" : ", ") + s.text;
  }
  return NotFound(close.empty() ? message : message + "; did you mean: " + close + "?");
}

bool IsOpen(const Engagement& e) {
  return e.status != EngagementStatus::kComplete && e.status != EngagementStatus::kCancelled;
}

// Each skill once, at the highest level any of `engagements`' openings asks.
std::vector<SkillRequirement> NeedsOf(const FirmData& firm, const std::vector<uint32_t>& list) {
  std::vector<SkillRequirement> needs;
  for (uint32_t e : list) {
    for (const SkillRequirement& r : skills::EngagementNeeds(firm, firm.engagements[e].id)) {
      auto it = std::find_if(needs.begin(), needs.end(),
                             [&](const SkillRequirement& n) { return n.skill_id == r.skill_id; });
      if (it == needs.end()) {
        needs.push_back(r);
      } else {
        it->min_level = std::max(it->min_level, r.min_level);
      }
    }
  }
  std::sort(needs.begin(), needs.end(),
            [](const auto& a, const auto& b) { return a.skill_id < b.skill_id; });
  return needs;
}

}  // namespace

std::span<const uint32_t> SkillsState::HistoryOf(std::string_view person_id) const {
  const auto& rows = snapshot->data().skill_history;
  auto [lo, hi] = std::equal_range(
      history.begin(), history.end(), person_id, [&](const auto& a, const auto& b) {
        if constexpr (std::is_same_v<std::decay_t<decltype(a)>, uint32_t>) {
          return std::string_view(rows[a].person_id) < b;
        } else {
          return a < std::string_view(rows[b].person_id);
        }
      });
  return {history.data() + (lo - history.begin()), static_cast<size_t>(hi - lo)};
}

const Role* SkillsState::FindRole(std::string_view id) const {
  for (const Role& role : snapshot->data().roles) {
    if (role.id == id) return &role;
  }
  return nullptr;
}

SkillsService::SkillsService(SnapshotHolder& snapshots, const Clock& clock, SkillsOptions options)
    : clock_(clock), options_(std::move(options)), state_(snapshots, Build) {}

Result<SkillsStateRef> SkillsService::State() { return state_.Get(); }

Result<SkillsStateRef> SkillsService::Build(std::shared_ptr<const FirmSnapshot> snapshot) {
  const FirmData& data = snapshot->data();
  auto index = skills::SkillIndex::Build(data);
  if (!index.ok()) {
    return FailedPrecondition("the firm's skills data cannot be indexed: " +
                              index.status().message());
  }
  auto state = std::make_shared<SkillsState>();
  state->index = std::move(index).value();
  state->history.resize(data.skill_history.size());
  for (uint32_t i = 0; i < state->history.size(); ++i) state->history[i] = i;
  std::sort(state->history.begin(), state->history.end(), [&](uint32_t a, uint32_t b) {
    const SkillHistoryEntry& x = data.skill_history[a];
    const SkillHistoryEntry& y = data.skill_history[b];
    return std::tie(x.person_id, x.date, x.skill_id) < std::tie(y.person_id, y.date, y.skill_id);
  });
  state->roles_by_name.resize(data.roles.size());
  for (uint32_t i = 0; i < state->roles_by_name.size(); ++i) state->roles_by_name[i] = i;
  std::sort(state->roles_by_name.begin(), state->roles_by_name.end(), [&](uint32_t a, uint32_t b) {
    return std::tie(data.roles[a].name, data.roles[a].id) <
           std::tie(data.roles[b].name, data.roles[b].id);
  });
  state->role_keys.reserve(data.roles.size());
  for (const Role& role : data.roles) state->role_keys.push_back(skills::FoldSpelling(role.name));
  state->snapshot = std::move(snapshot);
  return SkillsStateRef(std::move(state));
}

skills::MentoringOptions SkillsService::Mentoring(int limit) const {
  skills::MentoringOptions options;
  options.today = clock_.Today();
  options.limit = limit;
  return options;
}

Result<Suggestions> SkillsService::Suggest(const Principal& viewer, std::string_view q, int limit) {
  RETURN_IF_ERROR(CheckLimit("limit", limit, kMaxRows));
  ASSIGN_OR_RETURN(SkillsStateRef state, State());
  Suggestions out;
  // The same skill in two taxonomies (one name in either spelling) is offered once.
  std::set<std::string> listed;
  for (skills::Completion& c : state->index.Complete(
           q, {.limit = limit * kDuplicateAllowance, .skills = true, .people = false})) {
    if (static_cast<int>(out.skills.size()) == limit) break;
    if (listed.insert(skills::FoldSpelling(c.label)).second) out.skills.push_back(std::move(c));
  }
  Authorizer authorizer(*state->snapshot);
  for (skills::Completion& c :
       state->index.Complete(q, {.limit = limit, .skills = false, .people = true})) {
    if (authorizer.CanReadPerson(viewer, state->index.person_id(c.ref))) {
      out.people.push_back(std::move(c));
    }
  }
  out.state = std::move(state);
  return out;
}

Result<std::variant<SkillSearch, UnknownSkill>> SkillsService::Search(const Principal& viewer,
                                                                      SearchRequest request) {
  skills::SkillQuery& query = request.query;
  if (query.needs.empty()) return InvalidField("need", "at least one SKILL[:LEVEL]");
  RETURN_IF_ERROR(CheckLimit("limit", query.limit, kMaxRows));
  for (const skills::SkillNeed& need : query.needs) {
    RETURN_IF_ERROR(CheckLevel("need", need.min_level));
  }
  std::optional<skills::AvailabilityWindow> window;
  if (request.from || request.to || request.min_free_hours) {
    const Date from = request.from.value_or(clock_.Today());
    window = skills::AvailabilityWindow{
        from, request.to.value_or(AddDays(from, options_.window_days - 1)),
        request.min_free_hours.value_or(0)};
  }
  query.availability = window;
  if (window && window->to < window->from) {
    return InvalidField("to", "a date on or after from (" + FormatDate(window->from) + ")",
                        FormatDate(window->to));
  }
  if (window && window->min_free_hours < 0) {
    return InvalidField("min_free_hours", "a number >= 0");
  }
  ASSIGN_OR_RETURN(SkillsStateRef state, State());
  const skills::SkillIndex& index = state->index;
  for (const skills::SkillNeed& need : query.needs) {
    if (!index.FindSkill(need.skill)) return SearchOutcome(Unknown(index, "need", need.skill));
  }
  RETURN_IF_ERROR(CheckAttribute(index, skills::Attribute::kPractice, "practice", query.practice));
  RETURN_IF_ERROR(CheckAttribute(index, skills::Attribute::kOffice, "office", query.office));
  RETURN_IF_ERROR(CheckAttribute(index, skills::Attribute::kGrade, "grade", query.grade));
  Authorizer authorizer(*state->snapshot);
  const bool firm_wide = authorizer.CanReadFirmWide(viewer);
  if (!firm_wide) {
    if (window && window->min_free_hours > 0) {
      return PermissionDenied(
          "min_free_hours: only firm leaders and administrators may filter by other people's "
          "free hours");
    }
    query.availability.reset();  // rank without other people's free hours
  }
  ASSIGN_OR_RETURN(skills::SearchResponse response, skills::FindPeople(index, query));
  SkillSearch out;
  for (skills::SearchHit& hit : response.hits) {
    const bool visible =
        window && authorizer.CanReadPersonDetail(viewer, index.person_id(hit.person));
    if (visible) hit.free_hours = index.FreeHours(hit.person, window->from, window->to);
    out.free_hours.push_back(visible ? std::optional<double>(hit.free_hours) : std::nullopt);
    out.why.push_back(skills::ExplainHit(index, hit, visible));
  }
  out.response = std::move(response);
  out.state = std::move(state);
  return SearchOutcome(std::move(out));
}

Result<Growth> SkillsService::GrowthOf(const Principal& viewer, std::string_view person_id,
                                       int limit) {
  RETURN_IF_ERROR(CheckLimit("limit", limit, kMaxRows));
  ASSIGN_OR_RETURN(SkillsStateRef state, State());
  const skills::SkillIndex& index = state->index;
  auto person = index.FindPerson(person_id);
  if (!person) return NotFound("id: no person '" + std::string(person_id) + "'");
  Authorizer authorizer(*state->snapshot);
  if (!authorizer.CanReadPersonDetail(viewer, person_id)) {
    return PermissionDenied(
        "only the person, their manager, their team leaders, firm leaders "
        "and administrators may see a person's growth");
  }
  const skills::MentoringOptions options = Mentoring(limit);
  Growth out;
  out.person = *person;
  auto hours_visible = [&](PersonRef p) {
    return authorizer.CanReadPersonDetail(viewer, index.person_id(p));
  };
  const std::vector<Mentorship>& mentorships = state->snapshot->data().mentorships;
  ASSIGN_OR_RETURN(auto mentors, skills::FindMentors(index, person_id, options));
  for (const skills::MentorPair& p : mentors) {
    auto why = MentoringState(index, mentorships, p, ExplainFor(index, p, hours_visible(p.mentor)));
    if (why) out.mentors.push_back({p, std::move(*why)});
  }
  ASSIGN_OR_RETURN(auto mentees, skills::FindMentees(index, person_id, options));
  for (const skills::MentorPair& p : mentees) {
    auto why = MentoringState(index, mentorships, p, ExplainFor(index, p, hours_visible(p.mentor)));
    if (why) out.mentees.push_back({p, std::move(*why)});
  }
  ASSIGN_OR_RETURN(auto peers, skills::FindPeers(index, person_id, options));
  for (skills::Peer& p : peers) {
    std::string why = "also growing " + SkillList(index, p.shared) + " from a similar level";
    out.peers.push_back({std::move(p), std::move(why)});
  }
  ASSIGN_OR_RETURN(auto models, skills::FindRoleModels(index, state->snapshot->data().skill_history,
                                                       person_id, options));
  for (const skills::RoleModel& m : models) {
    std::string why = "went from " + std::to_string(m.from_level) + " (" + FormatDate(m.from_date) +
                      ") to " + std::to_string(m.to_level) + " (" + FormatDate(m.to_date) +
                      ") in " + index.skill_name(m.skill);
    out.role_models.push_back({m, std::move(why)});
  }
  std::vector<std::string_view> ladder(options_.ladder.begin(), options_.ladder.end());
  auto circle = skills::BuildAdvisoryCircle(index, person_id, ladder, options);
  if (circle.ok()) {
    out.circle = std::move(circle).value();
  } else if (circle.status().code() != StatusCode::kFailedPrecondition) {
    return circle.status();
  }
  out.state = std::move(state);
  return out;
}

Result<RoleGaps> SkillsService::Gaps(const Principal& viewer, std::string_view person_id,
                                     std::string_view role_id) {
  if (role_id.empty()) return InvalidField("role", "a role id (see /roles)");
  ASSIGN_OR_RETURN(SkillsStateRef state, State());
  if (!state->index.FindPerson(person_id)) {
    return NotFound("id: no person '" + std::string(person_id) + "'");
  }
  if (!Authorizer(*state->snapshot).CanReadPersonDetail(viewer, person_id)) {
    return PermissionDenied(
        "only the person, their manager, their team leaders, firm leaders "
        "and administrators may see a person's gaps");
  }
  const Role* role = state->FindRole(role_id);
  if (!role) return NotFound("role: no role '" + std::string(role_id) + "'");
  ASSIGN_OR_RETURN(skills::RoleGapReport report,
                   skills::PersonRoleGaps(state->index, person_id, *role, {}));
  return RoleGaps{std::move(state), role, std::move(report)};
}

namespace {

constexpr int kMaxGapMentors = 10;

// "Tax Advisory-manager" -> "tax-advisory-manager": lower case, every run of
// other characters one '-'.
std::string Slug(std::string_view text) {
  std::string slug;
  for (char ch : text) {
    if (std::isalnum(static_cast<unsigned char>(ch))) {
      slug += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    } else if (!slug.empty() && slug.back() != '-') {
      slug += '-';
    }
  }
  return slug;
}

}  // namespace

Result<GapActions> SkillsService::GapActionsOf(const Principal& viewer, std::string_view person_id,
                                               std::string_view role_id, int limit) {
  RETURN_IF_ERROR(CheckLimit("limit", limit, kMaxGapMentors));
  ASSIGN_OR_RETURN(RoleGaps gaps, Gaps(viewer, person_id, role_id));
  const SkillsState& state = *gaps.state;
  const skills::SkillIndex& index = state.index;
  const Authorizer authorizer(*state.snapshot);
  const skills::MentoringOptions options = Mentoring(limit);
  GapActions out;
  for (const skills::SkillGap& gap : gaps.report.gaps) {
    std::vector<PairView>& mentors = out.mentors.emplace_back();
    if (gap.skill == skills::kNone) continue;
    ASSIGN_OR_RETURN(auto pairs, skills::FindMentorsFor(index, person_id, gap.skill, options));
    for (const skills::MentorPair& p : pairs) {
      const bool hours = authorizer.CanReadPersonDetail(viewer, index.person_id(p.mentor));
      mentors.push_back({p, ExplainFor(index, p, hours)});
    }
  }
  const Person& person = *state.snapshot->FindPerson(person_id);
  const std::string grade = Lower(person.grade);
  const auto at = std::find_if(options_.ladder.begin(), options_.ladder.end(),
                               [&](const std::string& g) { return Lower(g) == grade; });
  if (at == options_.ladder.end()) {
    out.next_role_why = "the grade '" + person.grade + "' is not on the firm's ladder";
  } else if (at == options_.ladder.begin()) {
    out.next_role_why = "already at the top of the ladder (" + *at + ")";
  } else {
    const std::string& next = *(at - 1);
    out.next_role = state.FindRole("firm:" + Slug(person.practice + "-" + next));
    out.next_role_why = out.next_role
                            ? "one grade up (" + next + ") in " + person.practice
                            : "the firm has no role for a " + next + " in " + person.practice;
  }
  out.gaps = std::move(gaps);
  return out;
}

Result<RoleMatches> SkillsService::Roles(const Principal&, std::string_view q, int limit) {
  RETURN_IF_ERROR(CheckLimit("limit", limit, kMaxRows));
  ASSIGN_OR_RETURN(SkillsStateRef state, State());
  const std::string needle = Lower(q);
  const std::string folded = skills::FoldSpelling(q);
  const auto& roles = state->snapshot->data().roles;
  std::vector<uint32_t> prefix, contains;
  std::set<std::string_view> listed;  // folded names already listed: one per spelling
  for (uint32_t i : state->roles_by_name) {
    const std::string name = Lower(roles[i].name);
    const std::string& key = state->role_keys[i];
    const bool starts = name.starts_with(needle) || key.starts_with(folded);
    if (!starts && name.find(needle) == std::string::npos &&
        key.find(folded) == std::string::npos &&
        Lower(roles[i].id).find(needle) == std::string::npos) {
      continue;
    }
    if (!listed.insert(key).second) continue;
    (starts ? prefix : contains).push_back(i);
    if (static_cast<int>(prefix.size()) >= limit) break;
  }
  prefix.insert(prefix.end(), contains.begin(), contains.end());
  if (static_cast<int>(prefix.size()) > limit) prefix.resize(limit);
  return RoleMatches{std::move(state), std::move(prefix)};
}

Result<Market> SkillsService::SkillsMarket(const Principal& viewer, const MarketRequest& request) {
  skills::MarketOptions options;
  options.from = request.from.value_or(clock_.Today());
  options.periods = request.periods;
  options.period_weeks = request.period_weeks;
  options.limit = request.limit;
  if (options.periods < 1 || options.periods > 52) {
    return InvalidField("periods", "an integer from 1 to 52");
  }
  if (options.period_weeks < 1 || options.period_weeks > 52) {
    return InvalidField("period_weeks", "an integer from 1 to 52");
  }
  RETURN_IF_ERROR(CheckLimit("limit", options.limit, kMaxRows));
  ASSIGN_OR_RETURN(SkillsStateRef state, State());
  const bool redacted = !Authorizer(*state->snapshot).CanReadFirmWide(viewer);
  // A redacted market leaves out small skills from the whole market, then
  // keeps `limit` rows: the viewer sees as many rows as anyone, and the
  // hidden count covers every skill left out, not those of one page.
  skills::MarketOptions build = options;
  if (redacted) build.limit = 0;
  ASSIGN_OR_RETURN(skills::MarketReport report,
                   skills::BuildMarket(state->index, state->snapshot->data(), build));
  Market market{std::move(state), options, std::move(report), redacted, 0, 0, {}};
  if (redacted) {
    for (const skills::SkillBalance& b : market.report.balances) {
      if (b.holders >= kMinMarketHolders) continue;
      ++market.hidden_skills;
      market.hidden_demand_hours += b.demand_hours;
    }
    std::erase_if(market.report.balances,
                  [](const skills::SkillBalance& b) { return b.holders < kMinMarketHolders; });
    KeepFirst(market.report.balances, options.limit);
    KeepFirst(market.report.key_person, options.limit);
    KeepFirst(market.report.teaching, options.limit);
  }
  for (const skills::KeyPersonRisk& k : market.report.key_person) {
    market.key_person_holder_counts.push_back(static_cast<int>(k.holders.size()));
  }
  if (redacted) {
    for (skills::KeyPersonRisk& k : market.report.key_person) k.holders.clear();
  }
  return market;
}

Result<std::variant<RemediesView, UnknownSkill>> SkillsService::Remedies(
    const Principal& viewer, const RemediesRequest& request) {
  RETURN_IF_ERROR(CheckLevel("level", request.level));
  RETURN_IF_ERROR(CheckLimit("limit", request.limit, kMaxRows));
  if (request.min_free_hours < 0) return InvalidField("min_free_hours", "a number >= 0");
  ASSIGN_OR_RETURN(SkillsStateRef state, State());
  if (!Authorizer(*state->snapshot).CanReadFirmWide(viewer)) {
    return PermissionDenied("only firm leaders and administrators may see remedies");
  }
  auto skill = state->index.FindSkill(request.skill);
  if (!skill) return RemediesOutcome(Unknown(state->index, "id", request.skill));
  RemediesView out;
  out.from = clock_.Today();
  out.to = AddDays(out.from, options_.window_days - 1);
  skills::RemedyOptions options;
  options.window = skills::AvailabilityWindow{out.from, out.to, request.min_free_hours};
  options.limit = request.limit;
  out.remedies = skills::RemediesFor(state->index, *skill, request.level, options);
  out.state = std::move(state);
  return RemediesOutcome(std::move(out));
}

Result<Coverage> SkillsService::TeamCoverage(const Principal& viewer, std::string_view team_id,
                                             std::string_view engagement_id) {
  ASSIGN_OR_RETURN(SkillsStateRef state, State());
  const FirmSnapshot& snapshot = *state->snapshot;
  const FirmData& data = snapshot.data();
  // A team or engagement the viewer may not see answers as a missing one.
  auto team = snapshot.TeamIndex(team_id);
  const Authorizer authorizer(snapshot);
  if (!team || !authorizer.CanReadTeam(viewer, team_id)) {
    return NotFound("id: no team '" + std::string(team_id) + "'");
  }
  Coverage out;
  out.team = *team;
  const Team& t = data.teams[*team];
  for (uint32_t e = 0; e < data.engagements.size(); ++e) {
    const Engagement& engagement = data.engagements[e];
    if (!engagement_id.empty()
            ? engagement.id == engagement_id && authorizer.CanReadEngagement(viewer, engagement)
            : engagement.client_id == t.client_id && IsOpen(engagement)) {
      out.engagements.push_back(e);
    }
  }
  if (!engagement_id.empty() && out.engagements.empty()) {
    return NotFound("engagement: no engagement '" + std::string(engagement_id) + "'");
  }
  if (engagement_id.empty() && t.client_id.empty()) {
    return InvalidField("engagement", "an engagement id; team '" + t.id + "' serves no client");
  }
  std::vector<std::string> members;
  if (!t.leader_id.empty()) members.push_back(t.leader_id);
  for (const TeamMember& m : t.members) {
    if (std::find(members.begin(), members.end(), m.person_id) == members.end()) {
      members.push_back(m.person_id);
    }
  }
  std::vector<SkillRequirement> needs = NeedsOf(data, out.engagements);
  ASSIGN_OR_RETURN(out.needs, skills::TeamCoverage(state->index, members, needs, {}));
  out.state = std::move(state);
  return out;
}

Result<Round> SkillsService::MentoringRound(const Principal& viewer, int mentees_per_mentor) {
  if (mentees_per_mentor < 1 || mentees_per_mentor > 20) {
    return InvalidField("k", "an integer from 1 to 20");
  }
  ASSIGN_OR_RETURN(SkillsStateRef state, State());
  if (!Authorizer(*state->snapshot).CanReadFirmWide(viewer)) {
    return PermissionDenied("only firm leaders and administrators may run a mentoring round");
  }
  skills::RoundOptions options;
  options.mentoring = Mentoring(0);
  options.mentees_per_mentor = mentees_per_mentor;
  options.mentored = Mentored(state->index, state->snapshot->data().mentorships);
  const auto start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(skills::RoundResult result, skills::MentoringRound(state->index, options));
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  return Round{std::move(state), std::move(result), took.count()};
}

}  // namespace guild
