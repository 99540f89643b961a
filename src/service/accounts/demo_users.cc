// CreateDemoUsers (user_service.h): the sign-ins `guild demo` prints.
#include <algorithm>
#include <optional>
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
constexpr std::string_view kPreferredLeaderGrade = "partner";
constexpr std::string_view kPreferredMemberGrade = "associate";

struct DemoPair {
  const Person* leader = nullptr;
  const Person* member = nullptr;
};

// Scores a team for the demo: a team that runs check-ins first (so that
// both sign-ins have check-ins to show), then a member who is on another
// team too (an engagement team, with goals and roles to show), then a
// leader of the preferred grade, then a member of the preferred grade, then
// the most members.
DemoPair PickPair(const FirmSnapshot& snapshot) {
  DemoPair best;
  std::tuple<bool, bool, bool, bool, size_t> best_score{false, false, false, false, 0};
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
    std::tuple<bool, bool, bool, bool, size_t> score{
        team.checkin_cadence_days > 0, member_key.first, leader->grade == kPreferredLeaderGrade,
        member_key.second, team.members.size()};
    if (best.leader == nullptr || score > best_score) {
      best = {leader, member};
      best_score = score;
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
  DemoPair pair = PickPair(*snapshot);
  if (pair.leader == nullptr) {
    return FailedPrecondition(
        "demo firm: no team with a leader and another member who have emails");
  }
  std::vector<DemoSignIn> sign_ins = {
      {"administrator", std::string(kDemoAdminEmail), std::string(kDemoAdminPassword)},
      {"leader", pair.leader->email, std::string(kDemoLeaderPassword)},
      {"member", pair.member->email, std::string(kDemoMemberPassword)},
  };
  RETURN_IF_ERROR(Upsert(accounts, clock, kDemoAdminEmail, kDemoAdminPassword, "",
                         UserRole::kAdministrator, password_options));
  RETURN_IF_ERROR(Upsert(accounts, clock, pair.leader->email, kDemoLeaderPassword, pair.leader->id,
                         UserRole::kMember, password_options));
  RETURN_IF_ERROR(Upsert(accounts, clock, pair.member->email, kDemoMemberPassword, pair.member->id,
                         UserRole::kMember, password_options));
  for (DemoSignIn& sign_in : sign_ins) {
    ASSIGN_OR_RETURN(sign_in.email, CheckEmail(sign_in.email));
  }
  return sign_ins;
}

Result<std::vector<DemoSignIn>> CreateDemoUsers(const FirmData& firm, const StoreOptions& options,
                                                const Clock& clock) {
  ASSIGN_OR_RETURN(auto accounts, OpenAccountStore(options));
  return CreateDemoUsers(firm, *accounts, clock, PasswordOptions{});
}

}  // namespace guild
