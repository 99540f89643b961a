#include "engine/network/coverage.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <optional>
#include <unordered_map>

namespace guild::network {

namespace {

constexpr double kLeadCredit = 2;
constexpr double kDaysPerWeek = 7;
constexpr size_t kNamesInReason = 3;

// One person's work on one engagement.
struct Work {
  double hours = 0;
  int32_t last = INT32_MIN;
  bool led = false;
};

uint64_t Key(uint32_t high, uint32_t low) { return (static_cast<uint64_t>(high) << 32) | low; }

template <typename T>
std::unordered_map<std::string_view, uint32_t> IndexById(const std::vector<T>& items) {
  std::unordered_map<std::string_view, uint32_t> out;
  out.reserve(items.size());
  for (uint32_t i = 0; i < items.size(); ++i) out.emplace(items[i].id, i);
  return out;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Work per (engagement, person), from leadership, time entries and
// assignments up to today.
class WorkLedger {
 public:
  WorkLedger(const FirmData& firm, const CoverageOptions& options)
      : firm_(firm),
        today_(options.today.days),
        people_(IndexById(firm.people.get())),
        engagements_(IndexById(firm.engagements.get())) {
    AddLeaders();
    AddTimeEntries();
    AddAssignments();
  }
  [[nodiscard]] const std::unordered_map<uint64_t, Work>& work() const { return work_; }

 private:
  [[nodiscard]] std::optional<uint32_t> LiveEngagement(std::string_view id) const {
    auto e = engagements_.find(id);
    if (e == engagements_.end() ||
        firm_.engagements[e->second].status == EngagementStatus::kCancelled) {
      return std::nullopt;
    }
    return e->second;
  }
  [[nodiscard]] std::optional<uint32_t> Person(std::string_view id) const {
    auto p = people_.find(id);
    if (p == people_.end()) return std::nullopt;
    return p->second;
  }

  void AddLeaders() {
    for (uint32_t e = 0; e < firm_.engagements.size(); ++e) {
      const Engagement& g = firm_.engagements[e];
      std::optional<uint32_t> leader = Person(g.leader_id);
      if (!leader || g.status == EngagementStatus::kCancelled) continue;
      Work& w = work_[Key(e, *leader)];
      w.led = true;
      w.last = std::max(w.last, std::min(g.end.days, today_));
    }
  }

  void AddTimeEntries() {
    for (const TimeEntry& t : firm_.time_entries) {
      if (t.engagement_id.empty() || t.date.days > today_) continue;
      std::optional<uint32_t> e = LiveEngagement(t.engagement_id);
      std::optional<uint32_t> p = Person(t.person_id);
      if (!e || !p) continue;
      Work& w = work_[Key(*e, *p)];
      w.hours += t.hours;
      w.last = std::max(w.last, t.date.days);
    }
  }

  void AddAssignments() {
    std::unordered_map<std::string_view, uint32_t> engagement_of_opening;
    for (const Opening& o : firm_.openings) {
      if (auto e = LiveEngagement(o.engagement_id)) engagement_of_opening.emplace(o.id, *e);
    }
    for (const Assignment& a : firm_.assignments) {
      auto e = engagement_of_opening.find(a.opening_id);
      std::optional<uint32_t> p = Person(a.person_id);
      if (e == engagement_of_opening.end() || !p || a.start.days > today_) continue;
      const int32_t last = std::min(a.end.days, today_);
      Work& w = work_[Key(e->second, *p)];
      w.hours += a.hours_per_week * (last - a.start.days + 1) / kDaysPerWeek;
      w.last = std::max(w.last, last);
    }
  }

  const FirmData& firm_;
  const int32_t today_;
  std::unordered_map<std::string_view, uint32_t> people_;
  std::unordered_map<std::string_view, uint32_t> engagements_;
  std::unordered_map<uint64_t, Work> work_;
};

std::string Score(const FirmData& firm, const RelationshipHolder& h) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, " (%.1f)", h.score);
  return firm.people[h.person].name + buffer;
}

std::string Names(const FirmData& firm, const std::vector<const RelationshipHolder*>& holders) {
  std::string out;
  for (size_t i = 0; i < holders.size() && i < kNamesInReason; ++i) {
    out += (i == 0 ? "" : ", ") + Score(firm, *holders[i]);
  }
  if (holders.size() > kNamesInReason) {
    out += " and " + std::to_string(holders.size() - kNamesInReason) + " more";
  }
  return out;
}

void Assess(const FirmData& firm, const CoverageOptions& options, ClientCoverage& c) {
  std::vector<const RelationshipHolder*> partners, others;
  for (const RelationshipHolder& h : c.holders) {
    if (h.strength != Strength::kStrong) continue;
    ++c.strong_holders;
    (h.partner ? partners : others).push_back(&h);
  }
  c.strong_partners = static_cast<uint32_t>(partners.size());
  c.risk = partners.empty()       ? Risk::kUncovered
           : partners.size() == 1 ? Risk::kSinglePartner
                                  : Risk::kCovered;
  c.flagged = firm.clients[c.client].key_client &&
              c.strong_partners < static_cast<uint32_t>(options.min_strong_partners);
  if (c.holders.empty()) {
    c.reason = "no one has worked for this client";
  } else if (partners.empty()) {
    c.reason = "no partner holds a strong relationship; the strongest is " +
               Score(firm, c.holders.front()) + ", " +
               std::string(ToString(c.holders.front().strength));
  } else if (partners.size() == 1) {
    c.reason = "one partner holds a strong relationship: " + Names(firm, partners);
  } else {
    c.reason = std::to_string(partners.size()) +
               " partners hold a strong relationship: " + Names(firm, partners);
  }
  if (!others.empty()) c.reason += "; strong but not partners: " + Names(firm, others);
  if (c.flagged) {
    c.reason = "key client with " + std::to_string(c.strong_partners) +
               " strong partner relationship" + (c.strong_partners == 1 ? "" : "s") + " (needs " +
               std::to_string(options.min_strong_partners) + "): " + c.reason;
  }
}

}  // namespace

std::string_view ToString(Strength strength) {
  switch (strength) {
    case Strength::kWeak: return "weak";
    case Strength::kModerate: return "moderate";
    case Strength::kStrong: return "strong";
  }
  return "weak";
}

std::string_view ToString(Risk risk) {
  switch (risk) {
    case Risk::kUncovered: return "uncovered";
    case Risk::kSinglePartner: return "single_partner";
    case Risk::kCovered: return "covered";
  }
  return "uncovered";
}

std::vector<ClientCoverage> ComputeCoverage(const FirmData& firm, const CoverageOptions& options) {
  const auto clients = IndexById(firm.clients.get());
  std::vector<ClientCoverage> out(firm.clients.size());
  for (uint32_t c = 0; c < out.size(); ++c) out[c].client = c;
  std::vector<std::optional<uint32_t>> client_of(firm.engagements.size());
  for (uint32_t e = 0; e < firm.engagements.size(); ++e) {
    auto it = clients.find(firm.engagements[e].client_id);
    if (it != clients.end()) client_of[e] = it->second;
  }
  std::vector<bool> partner(firm.people.size(), false);
  for (uint32_t p = 0; p < firm.people.size(); ++p) {
    for (const std::string& g : options.partner_grades) {
      if (EqualsIgnoringCase(firm.people[p].grade, g)) partner[p] = true;
    }
  }

  WorkLedger ledger(firm, options);
  std::unordered_map<uint64_t, RelationshipHolder> holders;  // (client, person)
  for (const auto& [key, w] : ledger.work()) {
    const uint32_t engagement = static_cast<uint32_t>(key >> 32);
    const uint32_t person = static_cast<uint32_t>(key & 0xffffffffu);
    if (!client_of[engagement]) continue;
    const double credit = w.led ? kLeadCredit : std::min(1.0, w.hours / options.full_credit_hours);
    const double age = std::max(0, options.today.days - w.last);
    RelationshipHolder& h = holders[Key(*client_of[engagement], person)];
    h.person = person;
    h.score += credit * std::exp2(-age / options.half_life_days);
    h.engagements += 1;
    h.led += w.led ? 1 : 0;
    h.hours += w.hours;
    h.last_worked = std::max(h.last_worked, Date{w.last});
    h.partner = partner[person];
  }
  for (const auto& [key, h] : holders) out[key >> 32].holders.push_back(h);
  for (ClientCoverage& c : out) {
    for (RelationshipHolder& h : c.holders) {
      h.strength = h.score >= options.strong     ? Strength::kStrong
                   : h.score >= options.moderate ? Strength::kModerate
                                                 : Strength::kWeak;
    }
    std::sort(c.holders.begin(), c.holders.end(), [](const auto& a, const auto& b) {
      return a.score != b.score ? a.score > b.score : a.person < b.person;
    });
    Assess(firm, options, c);
  }
  return out;
}

}  // namespace guild::network
