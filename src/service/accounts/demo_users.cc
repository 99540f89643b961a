// CreateDemoUsers (user_service.h): the sign-ins `guild demo` prints.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include "service/accounts/session_service.h"
#include "service/accounts/user_service.h"

namespace guild {
namespace {

constexpr std::string_view kDemoAdminEmail = "admin@demo.guild.dev";
constexpr std::string_view kDemoAdminPassword = "demo-admin-2024";
constexpr std::string_view kDemoLeaderPassword = "demo-leader-2024";
constexpr std::string_view kDemoMemberPassword = "demo-member-2024";
constexpr std::string_view kDemoEngagementLeaderPassword = "demo-engagement-2024";
constexpr std::string_view kDemoFirmLeaderPassword = "demo-firm-2024";
constexpr std::string_view kPreferredLeaderGrade = "partner";
constexpr std::string_view kPreferredMemberGrade = "associate";

struct DemoPair {
  const Person* leader = nullptr;
  const Person* member = nullptr;
};

// Open seats on the engagements each person leads (Engagement::leader_id),
// as the staffing board counts them: headcount minus the assignments on
// each opening of a live (tentative or confirmed) engagement that ends on
// or after `today`.
std::map<std::string_view, int> OpenSeatsByLeader(const FirmData& firm, Date today) {
  std::map<std::string_view, const Engagement*> engagements;
  for (const Engagement& e : firm.engagements) engagements[e.id] = &e;
  std::map<std::string_view, int> filled;
  for (const Assignment& a : firm.assignments) ++filled[a.opening_id];
  std::map<std::string_view, int> seats;
  for (const Opening& o : firm.openings) {
    auto e = engagements.find(o.engagement_id);
    if (e == engagements.end() || e->second->leader_id.empty() || o.end < today) continue;
    const EngagementStatus status = e->second->status;
    if (status != EngagementStatus::kConfirmed && status != EngagementStatus::kTentative) continue;
    auto f = filled.find(o.id);
    const int open = o.headcount - (f == filled.end() ? 0 : f->second);
    if (open > 0) seats[e->second->leader_id] += open;
  }
  return seats;
}

// Scores a team for the demo: a team that runs check-ins first (so that
// both sign-ins have check-ins to show), then a leader with open seats to
// staff on the engagements they lead (the staffing board has work for
// them), then a member who is on another team too (an engagement team,
// with goals and roles to show), then a leader of the preferred grade, then
// a member of the preferred grade, then the most members.
DemoPair PickPair(const FirmSnapshot& snapshot, const std::map<std::string_view, int>& seats) {
  DemoPair best;
  std::tuple<bool, bool, bool, bool, bool, size_t> best_score{false, false, false, false, false, 0};
  auto on_other_teams = [&](const Person& p) {
    const std::optional<uint32_t> index = snapshot.PersonIndex(p.id);
    return index && snapshot.TeamsOf(*index).size() >= 2;
  };
  for (const Team& team : snapshot.data().teams) {
    const Person* leader = snapshot.FindPerson(team.leader_id);
    if (leader == nullptr || leader->email.empty()) continue;
    const Person* member = nullptr;
    std::pair<bool, bool> member_key{false, false};
    for (const TeamMember& entry : team.members) {
      const Person* candidate = snapshot.FindPerson(entry.person_id);
      if (candidate == nullptr || candidate == leader || candidate->email.empty()) continue;
      const std::pair<bool, bool> key{on_other_teams(*candidate),
                                      candidate->grade == kPreferredMemberGrade};
      if (member == nullptr || key > member_key) {
        member = candidate;
        member_key = key;
      }
    }
    if (member == nullptr) continue;
    std::tuple<bool, bool, bool, bool, bool, size_t> score{
        team.checkin_cadence_days > 0,          seats.count(leader->id) > 0, member_key.first,
        leader->grade == kPreferredLeaderGrade, member_key.second,           team.members.size()};
    if (best.leader == nullptr || score > best_score) {
      best = {leader, member};
      best_score = score;
    }
  }
  return best;
}

// The engagement leader: of the people leading an engagement, other than
// `taken`, the one with the most open seats to staff (then the most
// engagements led, then the first by id).
const Person* PickEngagementLeader(const FirmSnapshot& snapshot,
                                   const std::map<std::string_view, int>& seats,
                                   const std::set<std::string_view>& taken) {
  std::map<std::string_view, int> led;
  for (const Engagement& e : snapshot.data().engagements) {
    if (!e.leader_id.empty()) ++led[e.leader_id];
  }
  const Person* best = nullptr;
  std::pair<int, int> best_key{0, 0};
  for (const auto& [id, engagements] : led) {
    const Person* p = snapshot.FindPerson(id);
    if (p == nullptr || p->email.empty() || taken.count(p->id)) continue;
    auto s = seats.find(id);
    const std::pair<int, int> key{s == seats.end() ? 0 : s->second, engagements};
    if (best == nullptr || key > best_key) {
      best = p;
      best_key = key;
    }
  }
  return best;
}

// The firm leader: a partner other than `taken`, the leader of the firm's
// own team (TeamKind::kFirm) when there is one, else the partner on the
// fewest teams (then the first by id): someone who reads the firm from
// above rather than from one team.
const Person* PickFirmLeader(const FirmSnapshot& snapshot,
                             const std::set<std::string_view>& taken) {
  for (const Team& team : snapshot.data().teams) {
    if (team.kind != TeamKind::kFirm) continue;
    const Person* p = snapshot.FindPerson(team.leader_id);
    if (p != nullptr && !p->email.empty() && !taken.count(p->id)) return p;
  }
  const Person* best = nullptr;
  std::pair<size_t, std::string_view> best_key;
  for (const Person& p : snapshot.data().people) {
    if (p.grade != kPreferredLeaderGrade || p.email.empty() || taken.count(p.id)) continue;
    const std::optional<uint32_t> index = snapshot.PersonIndex(p.id);
    const std::pair<size_t, std::string_view> key{index ? snapshot.TeamsOf(*index).size() : 0,
                                                  p.id};
    if (best == nullptr || key < best_key) {
      best = &p;
      best_key = key;
    }
  }
  return best;
}

// Creates the user, or resets the existing one with this email.
Status Upsert(AccountStore& accounts, const Clock& clock, std::string_view email,
              std::string_view password, std::string_view person_id, UserRole role,
              const PasswordOptions& options) {
  ASSIGN_OR_RETURN(std::string normalized, CheckEmail(email));
  ASSIGN_OR_RETURN(std::string hash, HashPassword(password, options));
  ASSIGN_OR_RETURN(std::optional<UserRecord> existing, accounts.FindUserByEmail(normalized));
  UserRecord user{existing ? existing->id : GenerateToken("usr_").substr(0, 20),
                  normalized,
                  hash,
                  std::string(person_id),
                  role,
                  false,
                  clock.NowSeconds()};
  if (existing) return accounts.UpdateUser(user);
  return accounts.CreateUser(user);
}

}  // namespace

Result<std::vector<DemoSignIn>> CreateDemoUsers(const FirmData& firm, AccountStore& accounts,
                                                const Clock& clock,
                                                const PasswordOptions& password_options) {
  auto snapshot = FirmSnapshot::Build(firm, 0);
  const std::map<std::string_view, int> seats = OpenSeatsByLeader(firm, clock.Today());
  DemoPair pair = PickPair(*snapshot, seats);
  if (pair.leader == nullptr) {
    return FailedPrecondition(
        "demo firm: no team with a leader and another member who have emails");
  }
  std::set<std::string_view> taken = {pair.leader->id, pair.member->id};
  const Person* engagement_leader = PickEngagementLeader(*snapshot, seats, taken);
  if (engagement_leader == nullptr) {
    return FailedPrecondition(
        "demo firm: no engagement led by someone with an email other than the team's leader "
        "and member");
  }
  taken.insert(engagement_leader->id);
  const Person* firm_leader = PickFirmLeader(*snapshot, taken);
  if (firm_leader == nullptr) {
    return FailedPrecondition(
        "demo firm: no partner with an email left for the firm leader's sign-in");
  }
  struct Account {
    std::string_view label;
    std::string_view email;
    std::string_view password;
    std::string_view person_id;
    UserRole role;
  };
  const Account made[] = {
      {"administrator", kDemoAdminEmail, kDemoAdminPassword, "", UserRole::kAdministrator},
      {"leader", pair.leader->email, kDemoLeaderPassword, pair.leader->id, UserRole::kMember},
      {"member", pair.member->email, kDemoMemberPassword, pair.member->id, UserRole::kMember},
      {"engagement-leader", engagement_leader->email, kDemoEngagementLeaderPassword,
       engagement_leader->id, UserRole::kMember},
      {"firm-leader", firm_leader->email, kDemoFirmLeaderPassword, firm_leader->id,
       UserRole::kFirmLeader},
  };
  std::vector<DemoSignIn> sign_ins;
  for (const Account& a : made) {
    RETURN_IF_ERROR(
        Upsert(accounts, clock, a.email, a.password, a.person_id, a.role, password_options));
    ASSIGN_OR_RETURN(std::string email, CheckEmail(a.email));
    sign_ins.push_back({std::string(a.label), std::move(email), std::string(a.password)});
  }
  return sign_ins;
}

Result<std::vector<DemoSignIn>> CreateDemoUsers(const FirmData& firm, const StoreOptions& options,
                                                const Clock& clock) {
  ASSIGN_OR_RETURN(auto accounts, OpenAccountStore(options));
  return CreateDemoUsers(firm, *accounts, clock, PasswordOptions{});
}

}  // namespace guild
