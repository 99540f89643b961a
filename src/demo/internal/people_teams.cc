// Who checks in with whom: "people teams" of 4..10 staff from one practice
// and office, each led by a manager, director or partner of that practice.
// Every person but the partners sits on exactly one; nobody leads more than
// kMaxTeamsLed of them or takes more than kMaxLeaderCheckinsPerWeek
// check-ins a week. Every other team runs no check-ins (cadence 0): people
// sit on several account and engagement teams.
#include <algorithm>
#include <cmath>

#include "demo/internal/checkins.h"

namespace guild::demo::internal {

namespace {

constexpr uint64_t kPeopleTeamsSalt = 0x7ea3'5c4e'c71e'0001ULL;
constexpr double kFortnightlyShare = 1.0 / 6;
constexpr int kWeekly = 7;
constexpr int kFortnightly = 14;
constexpr double kTypicalTeam = 7;

constexpr std::string_view kPurposes[] = {
    "Help each of us do our best {practice} work for {office}'s clients, and clear what blocks "
    "us before it costs a client a day.",
    "Grow every one of us a step in {practice} each year, with the work and the coaching to get "
    "there.",
    "Be the {practice} group in {office} that clients trust with their hardest questions, because "
    "we learn from each other every week.",
    "Make sure nobody in {practice} in {office} is stuck, overloaded or unheard for more than a "
    "week.",
    "Turn {office}'s {practice} work into the experience that makes each of us the adviser we "
    "want to be."};

std::string Fill(std::string_view text, std::string_view practice, std::string_view office) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    if (text.substr(i, 10) == "{practice}") {
      out += practice;
      i += 10;
    } else if (text.substr(i, 8) == "{office}") {
      out += office;
      i += 8;
    } else {
      out += text[i++];
    }
  }
  return out;
}

// Teams for m staff: about seven each, never more than kMaxPeopleTeam, and
// at least kMinPeopleTeam each when there are that many.
int TeamCount(int m) {
  if (m <= kMaxPeopleTeam) return 1;
  const int at_least = (m + kMaxPeopleTeam - 1) / kMaxPeopleTeam;
  const int at_most = m / kMinPeopleTeam;
  return std::clamp(static_cast<int>(std::lround(m / kTypicalTeam)), at_least, at_most);
}

class Builder {
 public:
  explicit Builder(CheckinsContext& g) : g_(g), c_(g.c), rng_(c_.options.seed ^ kPeopleTeamsSalt) {}

  void Run() {
    const size_t n = c_.out.people.size();
    for (Team& t : c_.out.teams.mut()) t.checkin_cadence_days = 0;
    load_.assign(n, 0);
    led_.assign(n, 0);
    g_.team_of.assign(n, -1);
    std::unordered_map<std::string_view, int> office;
    for (size_t k = 0; k < Offices().size(); ++k) office.emplace(Offices()[k], static_cast<int>(k));
    const size_t offices = Offices().size();
    std::vector<std::vector<uint32_t>> units(c_.practice_count * offices);
    for (uint32_t i = 0; i < n; ++i) {
      units[c_.practice[i] * offices + office.at(c_.out.people[i].office)].push_back(i);
    }
    for (const auto& unit : units) {
      if (!unit.empty()) AddUnitTeams(unit);
    }
  }

 private:
  struct Plan {
    int size;
    int cadence;
    uint32_t leader = UINT32_MAX;
    std::vector<uint32_t> members;
  };

  double Weight(const Plan& p) const {
    return p.cadence == kWeekly ? p.size : p.size * (double(kWeekly) / p.cadence);
  }

  void AddUnitTeams(const std::vector<uint32_t>& unit) {
    std::vector<uint32_t> staff;
    for (uint32_t i : unit) {
      if (c_.grade[i] != kPartner) staff.push_back(i);
    }
    if (staff.empty()) return;
    for (size_t k = staff.size(); k > 1; --k) std::swap(staff[k - 1], staff[rng_.Below(k)]);
    const int m = static_cast<int>(staff.size());
    const int count = TeamCount(m);
    std::vector<Plan> plans(count);
    for (int k = 0; k < count; ++k) {
      plans[k].size = m / count + (k < m % count ? 1 : 0);
      plans[k].cadence = rng_.Chance(kFortnightlyShare) ? kFortnightly : kWeekly;
    }
    std::vector<uint32_t> seniors;  // partners, directors, managers; most senior first
    for (uint32_t i : unit) {
      if (c_.grade[i] <= kManager) seniors.push_back(i);
    }
    std::stable_sort(seniors.begin(), seniors.end(),
                     [&](uint32_t a, uint32_t b) { return c_.grade[a] < c_.grade[b]; });
    const int practice = c_.practice[unit.front()];
    for (Plan& p : plans) p.leader = ChooseLeader(p, seniors, practice, plans);
    Distribute(staff, plans);
    for (int k = 0; k < count; ++k) Emit(plans[k], practice, unit.front(), k + 1);
  }

  // A leader with room: the unit's seniors first (those leading nothing
  // yet before those leading one team), then the practice's elsewhere, then
  // anyone senior enough. A staff member of the unit never leads all of its
  // teams (they must check in with one of them).
  uint32_t ChooseLeader(const Plan& p, const std::vector<uint32_t>& seniors, int practice,
                        const std::vector<Plan>& plans) {
    const double weight = Weight(p);
    auto fits = [&](uint32_t i, bool local) {
      if (led_[i] >= kMaxTeamsLed || load_[i] + weight > kMaxLeaderCheckinsPerWeek) return false;
      if (!local || c_.grade[i] == kPartner) return true;
      int here = 0;  // teams of this unit already led by i
      for (const Plan& q : plans) here += (&q != &p && q.leader == i && q.size > 0) ? 1 : 0;
      return here + 1 < static_cast<int>(plans.size());
    };
    for (int round = 0; round < kMaxTeamsLed; ++round) {
      for (uint32_t i : seniors) {
        if (led_[i] == round && fits(i, true)) return Take(i, weight);
      }
    }
    for (int grade = kPartner; grade <= kManager; ++grade) {
      for (int q = 0; q < c_.practice_count; ++q) {
        for (uint32_t i : c_.Pool((practice + q) % c_.practice_count, grade)) {
          if (fits(i, false) && !InUnit(i, seniors)) return Take(i, weight);
        }
      }
    }
    return Take(seniors.empty() ? 0 : seniors.front(), weight);  // unreachable in practice
  }

  static bool InUnit(uint32_t i, const std::vector<uint32_t>& seniors) {
    return std::find(seniors.begin(), seniors.end(), i) != seniors.end();
  }

  uint32_t Take(uint32_t i, double weight) {
    ++led_[i];
    load_[i] += weight;
    return i;
  }

  // Fills the plans in order; a person never joins the team they lead.
  static void Distribute(const std::vector<uint32_t>& staff, std::vector<Plan>& plans) {
    std::vector<uint32_t> waiting;
    size_t k = 0;
    for (uint32_t person : staff) {
      while (static_cast<int>(plans[k].members.size()) >= plans[k].size) ++k;
      if (plans[k].leader == person) {
        waiting.push_back(person);
        continue;
      }
      plans[k].members.push_back(person);
    }
    for (uint32_t person : waiting) Place(person, plans);
  }

  // Puts `person` into a team with room they do not lead, or swaps them with
  // a member of a team they do not lead.
  static void Place(uint32_t person, std::vector<Plan>& plans) {
    Plan* open = nullptr;
    for (Plan& p : plans) {
      if (static_cast<int>(p.members.size()) >= p.size) continue;
      if (p.leader != person) {
        p.members.push_back(person);
        return;
      }
      open = &p;
    }
    for (Plan& p : plans) {
      if (p.leader == person || &p == open) continue;
      for (uint32_t& x : p.members) {
        if (x == open->leader) continue;
        open->members.push_back(x);
        x = person;
        return;
      }
    }
  }

  void Emit(const Plan& p, int practice, uint32_t someone_of_unit, int group) {
    const std::string& office = c_.out.people[someone_of_unit].office;
    const std::string_view practice_name = Practices()[practice].name;
    Team t;
    t.id = "team-people-" + std::to_string(++number_);
    t.kind = TeamKind::kOther;
    t.name = std::string(practice_name) + " \xC2\xB7 " + office + " \xC2\xB7 Group " +
             std::to_string(group);
    t.purpose = Fill(PickFrom(rng_, kPurposes), practice_name, office);
    t.leader_id = c_.out.people[p.leader].id;
    t.checkin_cadence_days = p.cadence;
    t.members.push_back({t.leader_id, "lead"});
    const int32_t index = static_cast<int32_t>(c_.out.teams.size());
    for (uint32_t m : p.members) {
      t.members.push_back({c_.out.people[m].id, "member"});
      g_.team_of[m] = index;
    }
    c_.out.teams.push_back(std::move(t));
  }

  CheckinsContext& g_;
  Context& c_;
  Random rng_;
  std::vector<double> load_;  // check-ins a week, per person
  std::vector<uint8_t> led_;  // people teams led, per person
  int number_ = 0;
};

}  // namespace

void AddPeopleTeams(CheckinsContext& g) { Builder(g).Run(); }

}  // namespace guild::demo::internal
