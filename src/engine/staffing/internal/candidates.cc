// Candidate generation from the per-skill posting lists: the rarest
// requirement's holders at a usable level are scanned from an offset derived
// from the opening id (so openings spread over equally good people), each
// checked cheaply, scored, and the K best kept. Pinned people, volunteers and
// (for key clients short of partners) partners who served the client are
// always considered.
#include <algorithm>
#include <functional>
#include <numeric>

#include "engine/staffing/internal/solver.h"

namespace guild::staffing::internal {

namespace {

constexpr int kMaxCandidatesPerGroup = 256;
constexpr int kEnoughFactor = 2;
constexpr size_t kMaxKeyClientPartners =
    32;  //!< served partners tried per opening  //!< stop scanning at this many times K eligible

enum Reject { kSkills, kCapacity, kDates, kExcluded, kLead, kRejectCount };

struct Scan {
  const Context& c;
  const OpeningFacts& f;
  std::vector<Cand> found;
  std::vector<uint32_t> seen;
  int reject[kRejectCount] = {};
  std::vector<int> reject_req;  //!< per requirement: people it turned away
  int eligible = 0;
  size_t driver = 0;  //!< requirement whose holders are scanned
};

// Cheap test without strings; the exact reason comes from Context::Candidate.
bool Quick(Scan& s, uint32_t p) {
  const Context& c = s.c;
  const OpeningFacts& f = s.f;
  if ((c.skill_mask[p] & f.required_mask) != f.required_mask) {
    for (size_t i = 0; i < f.required.size(); ++i) {
      if ((c.skill_mask[p] & SkillBit(f.required[i].first)) == 0) {
        ++s.reject_req[i];
        break;
      }
    }
    return ++s.reject[kSkills], false;
  }
  int below = 0;
  for (size_t i = 0; i < f.required.size(); ++i) {
    const auto [skill, min] = f.required[i];
    bool wants = false;
    const int level = c.Level(p, skill, &wants);
    if (level >= min) continue;
    if (level != min - 1 || !wants || !f.stretch_allowed || f.existing_stretch || ++below > 1) {
      ++s.reject[kSkills];
      ++s.reject_req[i];
      return false;
    }
  }
  if (f.opening->lead && !c.lead_grade[p]) return ++s.reject[kLead], false;
  const Person& person = c.firm->people[p];
  if ((person.start_date && *person.start_date > f.start) ||
      (person.end_date && *person.end_date < f.end)) {
    return ++s.reject[kDates], false;
  }
  if (!c.Fits(f, p)) return ++s.reject[kCapacity], false;
  return true;
}

// `extra`: a person named outside the scan (preference, key-client partner);
// the scan skips people already considered as extras.
void Consider(Scan& s, uint32_t p, bool force, bool extra) {
  if (std::find(s.seen.begin(), s.seen.end(), p) != s.seen.end()) return;
  if (extra) s.seen.push_back(p);
  if (!force && !Quick(s, p)) return;
  CandidateFacts cf = s.c.Candidate(s.f, p);
  if (!cf.eligible) {
    ++s.reject[cf.why_not.rfind("excluded", 0) == 0 ? kExcluded : kSkills];
    return;
  }
  if (force && !s.c.Fits(s.f, p)) return;
  ++s.eligible;
  s.found.push_back({p, 0, cf.cost, static_cast<int8_t>(cf.stretch_req), cf.pinned});
}

std::span<const Holder> Usable(const Context& c, const OpeningFacts& f, size_t req) {
  const auto [skill, min] = f.required[req];
  auto row = f.opening->lead ? c.lead_postings.Row(skill) : c.postings.Row(skill);
  const int floor = f.stretch_allowed ? min - 1 : min;
  auto end = std::partition_point(row.begin(), row.end(),
                                  [&](const Holder& h) { return h.level >= floor; });
  return {row.begin(), end};
}

std::string Reason(const Scan& s, size_t scanned) {
  if (s.eligible > 0) return "";
  const Context& c = s.c;
  const OpeningFacts& f = s.f;
  std::string who = f.opening->lead ? "lead-grade " : "";
  if (f.required.empty()) return "no eligible " + who + "person among " + std::to_string(scanned);
  const auto [dskill, dmin] = f.required[s.driver];
  const std::string level = std::to_string(f.stretch_allowed ? std::max(1, dmin - 1) : dmin);
  if (scanned == 0) {
    return "skills: no " + who + "person holds " + std::string(c.skill_names[dskill]) +
           " at level " + level + " or more";
  }
  std::string r = "no eligible candidate among " + std::to_string(scanned) + " " + who +
                  "holders of " + std::string(c.skill_names[dskill]) + " at level " + level + "+:";
  for (size_t i = 0; i < f.required.size(); ++i) {
    if (s.reject_req[i] > 0) {
      r += " " + std::to_string(s.reject_req[i]) + " short of " +
           std::string(c.skill_names[f.required[i].first]) + " level " +
           std::to_string(f.required[i].second) + ";";
    }
  }
  const char* names[kRejectCount] = {"", "capacity (no free hours in the seat's weeks)",
                                     "dates (not employed for the whole seat)",
                                     "excluded by the leader", "not a lead grade"};
  for (int k = 1; k < kRejectCount; ++k) {
    if (s.reject[k] > 0) r += " " + std::to_string(s.reject[k]) + " " + names[k] + ";";
  }
  r.pop_back();
  return r;
}

size_t ScanPostings(Scan& s, size_t want) {
  const Context& c = s.c;
  const OpeningFacts& f = s.f;
  size_t scanned = 0;
  const size_t limit = static_cast<size_t>(c.options.max_scan);
  const size_t offset_seed = std::hash<std::string_view>{}(f.opening->id);
  auto scan_list = [&](auto size, auto at) {
    const size_t n = size;
    if (n == 0) return;
    const size_t start = offset_seed % n;
    for (size_t i = 0; i < n && scanned < limit && static_cast<size_t>(s.eligible) < want; ++i) {
      ++scanned;
      Consider(s, at((start + i) % n), false, false);
    }
  };
  if (f.required.empty()) {
    scan_list(c.firm->people.size(), [](size_t i) { return static_cast<uint32_t>(i); });
  } else {
    size_t best = 0;
    for (size_t r = 1; r < f.required.size(); ++r) {
      if (Usable(c, f, r).size() < Usable(c, f, best).size()) best = r;
    }
    s.driver = best;
    auto list = Usable(c, f, best);
    scan_list(list.size(), [&](size_t i) { return list[i].person; });
  }
  return scanned;
}

}  // namespace

void AddGroup(Problem& problem, OpeningFacts facts) {
  const Context& c = *problem.ctx;
  Group g;
  g.first_seat = static_cast<int>(problem.seat_group.size());
  g.seats = facts.open_seats;
  g.facts = std::move(facts);
  const OpeningFacts& f = g.facts;
  if (!f.blocked.empty()) {
    g.no_candidate_reason = f.blocked;
  } else {
    Scan s{c, f, {}, {}, {}, std::vector<int>(f.required.size(), 0), 0, 0};
    const size_t k = std::min<size_t>(kMaxCandidatesPerGroup,
                                      static_cast<size_t>(c.options.candidates_per_seat) * g.seats);
    for (const auto& [p, kind] : f.prefs) {
      if (kind == PreferenceKind::kExcluded) continue;
      CandidateFacts cf = c.Candidate(f, p);
      const bool fits = cf.eligible && c.Fits(f, p);
      if (kind == PreferenceKind::kPinned && !fits) {
        problem.issues.push_back({"pinned", f.opening->id,
                                  "pinned person " + c.firm->people[p].id +
                                      " cannot be seated on opening " + f.opening->id + ": " +
                                      (cf.eligible ? "capacity: no free hours" : cf.why_not)});
      }
      if (fits) Consider(s, p, true, true);
    }
    if (f.key_client_short) {
      auto partners = c.client_partners.Row(f.client);
      for (size_t i = 0; i < partners.size() && i < kMaxKeyClientPartners; ++i) {
        Consider(s, partners[i], false, true);
      }
    }
    const size_t forced = s.found.size();
    const size_t scanned = ScanPostings(s, k * kEnoughFactor);
    std::sort(s.found.begin() + static_cast<std::ptrdiff_t>(forced), s.found.end(),
              [](const Cand& a, const Cand& b) {
                return a.cost < b.cost || (a.cost == b.cost && a.person < b.person);
              });
    if (s.found.size() > forced + k) s.found.resize(forced + k);
    std::sort(s.found.begin(), s.found.end(), [](const Cand& a, const Cand& b) {
      return a.cost < b.cost || (a.cost == b.cost && a.person < b.person);
    });
    g.no_candidate_reason = Reason(s, scanned + s.seen.size());
    g.cands = std::move(s.found);
  }
  problem.candidate_count += static_cast<int64_t>(g.cands.size());
  const uint32_t gi = static_cast<uint32_t>(problem.groups.size());
  for (int i = 0; i < g.seats; ++i) problem.seat_group.push_back(gi);
  if (g.facts.engagement != kNoIndex) {
    problem.groups_of_engagement[g.facts.engagement].push_back(gi);
  }
  problem.groups.push_back(std::move(g));
}

void FinishProblem(Problem& problem) {
  const Context& c = *problem.ctx;
  size_t offset = 0;
  for (Group& g : problem.groups) {
    g.cand_offset = offset;
    offset += g.cands.size();
    for (Cand& cand : g.cands) {
      auto [it, added] = problem.agent_of.emplace(cand.person, problem.agent_person.size());
      if (added) problem.agent_person.push_back(cand.person);
      cand.agent = it->second;
    }
  }
  problem.agent_free.resize(problem.agent_person.size() * c.weeks);
  for (size_t a = 0; a < problem.agent_person.size(); ++a) {
    for (int w = 0; w < c.weeks; ++w) {
      problem.agent_free[a * c.weeks + w] = c.Free(problem.agent_person[a], w);
    }
  }
  problem.free_seats.clear();
  for (const Group& g : problem.groups) problem.free_seats.push_back(g.seats);
  problem.bound_free = problem.agent_free;
  problem.pinned_out.assign(offset, 0);
  problem.pinned_cost = 0;
  problem.pinned_late.clear();
}

}  // namespace guild::staffing::internal
