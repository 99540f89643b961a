#include "engine/network/succession.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

namespace guild::network {

namespace {

constexpr int kWindowDays = 28;
constexpr double kWindowWeeks = 4;
constexpr size_t kSkillsInReason = 3;

struct Demand {
  skills::SkillRef skill = skills::kNone;
  std::string id;
  int level = kMaxLevel;
  double weight = 0;
};

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The client's skill demand, most demanded first.
std::vector<Demand> ClientDemand(const FirmData& firm, const skills::SkillIndex& index,
                                 const std::string& client_id) {
  std::unordered_set<std::string_view> engagements;
  for (const Engagement& e : firm.engagements) {
    if (e.client_id == client_id && e.status != EngagementStatus::kCancelled) {
      engagements.insert(e.id);
    }
  }
  std::unordered_map<skills::SkillRef, Demand> by_skill;
  for (const Opening& o : firm.openings) {
    if (!engagements.contains(o.engagement_id)) continue;
    for (const SkillRequirement& r : o.required) {
      std::optional<skills::SkillRef> s = index.FindSkill(r.skill_id);
      if (!s) continue;
      Demand& d = by_skill[*s];
      d.skill = *s;
      d.id = index.skill_id(*s);
      d.level = std::min(d.level, r.min_level);
      d.weight += 1;
    }
  }
  std::vector<Demand> out;
  for (auto& [skill, d] : by_skill) out.push_back(std::move(d));
  std::sort(out.begin(), out.end(), [](const Demand& a, const Demand& b) {
    return a.weight != b.weight ? a.weight > b.weight : a.id < b.id;
  });
  return out;
}

class Scorer {
 public:
  Scorer(const FirmData& firm, const skills::SkillIndex& index, const Graph& graph,
         const ClientCoverage& coverage, const SuccessionOptions& options)
      : firm_(firm), index_(index), graph_(graph), options_(options) {
    for (uint32_t p = 0; p < firm.people.size(); ++p) people_.emplace(firm.people[p].id, p);
    for (const std::string& g : options.grades) grades_.insert(Lower(g));
    for (const RelationshipHolder& h : coverage.holders) {
      if (h.strength == Strength::kStrong) strong_.insert(h.person);
    }
    for (const RelationshipHolder& h : coverage.holders) {
      if (strong_.empty() || h.strength == Strength::kStrong) holders_.push_back(h.person);
      known_.push_back(h.person);
    }
    demand_ = ClientDemand(firm, index, firm.clients[coverage.client].id);
    for (const Demand& d : demand_) demand_total_ += d.weight;
  }

  std::vector<SuccessorSuggestion> Run() {
    std::vector<SuccessorSuggestion> out;
    for (uint32_t p : Candidates()) out.push_back(Score(p));
    std::sort(out.begin(), out.end(), [&](const auto& a, const auto& b) {
      if (a.score != b.score) return a.score > b.score;
      return firm_.people[a.person].id < firm_.people[b.person].id;
    });
    if (out.size() > static_cast<size_t>(std::max(0, options_.limit))) out.resize(options_.limit);
    for (SuccessorSuggestion& s : out) s.reason = Reason(s);
    return out;
  }

 private:
  [[nodiscard]] bool Eligible(uint32_t p) const {
    const Person& person = firm_.people[p];
    return !strong_.contains(p) && grades_.contains(Lower(person.grade)) &&
           (!person.end_date || *person.end_date >= options_.today);
  }

  std::vector<uint32_t> Candidates() const {
    std::unordered_set<uint32_t> found;
    for (uint32_t p : known_) {
      if (Eligible(p)) found.insert(p);
    }
    for (uint32_t h : holders_) {
      std::optional<NodeId> node = graph_.Find(firm_.people[h].id);
      if (!node) continue;
      for (NodeId n : graph_.neighbors(*node)) {
        auto p = people_.find(graph_.name(n));
        if (p != people_.end() && Eligible(p->second)) found.insert(p->second);
      }
    }
    for (const Demand& d : demand_) {
      for (const skills::Posting& posting : index_.holders(d.skill, d.level)) {
        auto p = people_.find(index_.person_id(posting.person));
        if (p != people_.end() && Eligible(p->second)) found.insert(p->second);
      }
    }
    std::vector<uint32_t> out(found.begin(), found.end());
    std::sort(out.begin(), out.end());
    return out;
  }

  SuccessorSuggestion Score(uint32_t p) const {
    SuccessorSuggestion s;
    s.person = p;
    std::optional<skills::PersonRef> ref = index_.FindPerson(firm_.people[p].id);
    double met = 0;
    for (const Demand& d : demand_) {
      std::optional<skills::HeldSkill> held = ref ? index_.Held(*ref, d.skill) : std::nullopt;
      if (!held || held->level < d.level) continue;
      met += d.weight;
      s.skills.push_back(d.id);
    }
    s.skill_share = demand_total_ > 0 ? met / demand_total_ : 0;
    if (ref && options_.capacity_weight > 0) {
      s.free_hours_per_week =
          index_.FreeHours(*ref, options_.today, AddDays(options_.today, kWindowDays - 1)) /
          kWindowWeeks;
    }
    std::optional<NodeId> node = graph_.Find(firm_.people[p].id);
    for (uint32_t h : holders_) {
      std::optional<NodeId> other = graph_.Find(firm_.people[h].id);
      if (!node || !other) continue;
      std::optional<uint64_t> arc = graph_.FindArc(*node, *other);
      if (arc && graph_.arc_weight(*arc) > s.tie_hours) {
        s.tie_hours = graph_.arc_weight(*arc);
        s.tied_holder = h;
      }
    }
    s.score = options_.skill_weight * s.skill_share +
              options_.capacity_weight *
                  std::min(1.0, s.free_hours_per_week / options_.enough_free_hours) +
              options_.tie_weight * s.tie_hours / (s.tie_hours + options_.tie_saturation);
    return s;
  }

  std::string Reason(const SuccessorSuggestion& s) const {
    char buffer[96];
    std::string out;
    if (demand_.empty()) {
      out = "no skills are recorded for this client's work";
    } else {
      out = "meets " + std::to_string(static_cast<int>(std::lround(100 * s.skill_share))) +
            "% of the skill demand (" + std::to_string(s.skills.size()) + " of " +
            std::to_string(demand_.size()) + " skills";
      for (size_t i = 0; i < s.skills.size() && i < kSkillsInReason; ++i) {
        auto ref = index_.FindSkill(s.skills[i]);
        out += (i == 0 ? ": " : ", ") + (ref ? index_.skill_name(*ref) : s.skills[i]);
      }
      out += ")";
    }
    if (options_.capacity_weight > 0) {
      std::snprintf(buffer, sizeof buffer, "; %.0f free hours a week", s.free_hours_per_week);
      out += buffer;
    }
    if (s.tied_holder) {
      std::snprintf(buffer, sizeof buffer, "; %.0f hours of shared work with ", s.tie_hours);
      out += buffer + firm_.people[*s.tied_holder].name + ", who holds the relationship";
    } else {
      out += "; no tie yet to the people who hold the relationship";
    }
    return out;
  }

  const FirmData& firm_;
  const skills::SkillIndex& index_;
  const Graph& graph_;
  const SuccessionOptions& options_;
  std::unordered_map<std::string_view, uint32_t> people_;
  std::unordered_set<std::string> grades_;
  std::unordered_set<uint32_t> strong_;
  std::vector<uint32_t> holders_;  // whose ties count: the strong holders, else all
  std::vector<uint32_t> known_;    // everyone who has worked for the client
  std::vector<Demand> demand_;
  double demand_total_ = 0;
};

}  // namespace

Result<std::vector<SuccessorSuggestion>> SuggestSuccessors(const FirmData& firm,
                                                           const skills::SkillIndex& index,
                                                           const Graph& collaboration,
                                                           const ClientCoverage& coverage,
                                                           const SuccessionOptions& options) {
  if (coverage.client >= firm.clients.size()) {
    return InvalidArgument("coverage: names client position " + std::to_string(coverage.client) +
                           " of a firm with " + std::to_string(firm.clients.size()) + " clients");
  }
  Scorer scorer(firm, index, collaboration, coverage, options);
  return scorer.Run();
}

}  // namespace guild::network
