// NetworkService: team formation on the firm's collaboration graph.
#include <chrono>
#include <cmath>
#include <unordered_set>

#include "service/network/network_service.h"

namespace guild {

namespace {

using Outcome = std::variant<FormedTeam, std::vector<UnmetNeed>>;

constexpr double kMaxWeeklyHours = 168;
constexpr int kWindowDays = 28;
constexpr double kWindowWeeks = 4;

Status CheckRequest(const FormTeamRequest& request) {
  if (request.needs.empty()) return InvalidArgument("skills: expected at least one skill");
  for (const FormTeamRequest::Need& n : request.needs) {
    if (n.level < kMinLevel || n.level > kMaxLevel) {
      return InvalidArgument("level: expected a level from 1 to 5 for '" + n.skill + "', got " +
                             std::to_string(n.level));
    }
  }
  if (!std::isfinite(request.hours) || request.hours < 0 || request.hours > kMaxWeeklyHours) {
    return InvalidArgument("hours: expected hours a week from 0 to 168");
  }
  return OkStatus();
}

}  // namespace

Result<Outcome> NetworkService::FormTeam(const Principal& viewer, const FormTeamRequest& request) {
  ASSIGN_OR_RETURN(NetworkStateRef state, State());
  Authorizer authorizer(*state->snapshot);
  if (!authorizer.CanFormTeams(viewer)) {
    return PermissionDenied(
        "team formation is for firm leaders, administrators and people who "
        "lead a team or an engagement");
  }
  if (request.hours > 0 && !authorizer.CanReadFirmWide(viewer)) {
    return PermissionDenied(
        "hours: free hours are private; only firm leaders and "
        "administrators may ask for them");
  }
  RETURN_IF_ERROR(CheckRequest(request));
  ASSIGN_OR_RETURN(SkillsStateRef skills, skills_.State());
  const skills::SkillIndex& index = skills->index;
  std::optional<int32_t> practice;
  if (!request.practice.empty()) {
    practice = index.FindAttribute(skills::Attribute::kPractice, request.practice);
    if (!practice) return NotFound("practice: no practice '" + request.practice + "'");
  }
  FormedTeam out;
  out.state = state;
  out.skills = skills;
  std::vector<network::SkillHolders> holders;
  std::vector<std::string> seen;
  std::vector<UnmetNeed> unmet;
  std::string qualifier = practice ? " in practice '" + request.practice + "'" : "";
  if (request.hours > 0) {
    qualifier += " with " + std::to_string(static_cast<int>(std::ceil(request.hours))) +
                 " free hours a week";
  }
  for (const FormTeamRequest::Need& need : request.needs) {
    const std::string asked = need.skill + ":" + std::to_string(need.level);
    std::optional<skills::SkillRef> skill = index.FindSkill(need.skill);
    if (!skill) {
      unmet.push_back({asked, "a skill id, name or synonym the firm knows"});
      continue;
    }
    const std::string& id = index.skill_id(*skill);
    if (std::find(seen.begin(), seen.end(), id) != seen.end()) {
      return InvalidArgument("skills: '" + need.skill + "' is asked for twice");
    }
    seen.push_back(id);
    out.needs.push_back(*skill);
    network::SkillHolders h{id, {}};
    for (const skills::Posting& p : index.holders(*skill, need.level)) {
      if (practice && p.practice != *practice) continue;
      if (request.hours > 0 &&
          index.FreeHours(p.person, state->today, AddDays(state->today, kWindowDays - 1)) /
                  kWindowWeeks <
              request.hours) {
        continue;
      }
      if (auto v = state->ties.Find(index.person_id(p.person))) h.holders.push_back(*v);
    }
    if (h.holders.empty()) {
      unmet.push_back({asked, "a skill someone" + qualifier +
                                  " holds at that level (no one holds '" +
                                  index.skill_name(*skill) + "' at level " +
                                  std::to_string(need.level) + " or above)"});
    }
    holders.push_back(std::move(h));
  }
  if (!unmet.empty()) return Outcome(std::move(unmet));
  ASSIGN_OR_RETURN(
      network::ExpertNetwork net,
      network::ExpertNetwork::FromHolders(state->graph, state->lengths, std::move(holders)));
  const auto start = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(out.proposal, network::FormTeam(net, seen, {.objective = request.objective}));
  out.reasons = network::ExplainTeam(net, out.proposal);
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return Outcome(std::move(out));
}

}  // namespace guild
