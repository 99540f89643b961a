// Test-only: a small firm with two teams, an account team and people in
// every role; SnapshotWorld puts it in a store with a loaded SnapshotHolder on
// top. Used by the service tests.
#pragma once

#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "domain/model.h"
#include "service/access/authorizer.h"
#include "service/snapshot/snapshot_holder.h"
#include "store/account_store.h"
#include "store/store.h"

namespace guild::service::testing {

inline Person TestPerson(const std::string& id, std::string name, std::string grade,
                         std::string manager = "") {
  Person p;
  p.id = id;
  p.name = std::move(name);
  p.email = id + "@firm.test";
  p.title = grade + " consultant";
  p.grade = std::move(grade);
  p.practice = "Tax";
  p.office = "London";
  p.manager_id = std::move(manager);
  return p;
}

//! alpha: led by "lead" (partner), members "lead", "member", "peer".
//! beta: led by "lead2", members "outsider".
//! account: client "c1"; "englead" leads engagement "e1" for c1.
//! "firmlead" and "admin" are on no team.
inline FirmData TestFirm() {
  FirmData firm;
  firm.people = {TestPerson("admin", "Ada Admin", "director"),
                 TestPerson("englead", "Eve Engagement", "partner"),
                 TestPerson("firmlead", "Fay Firm", "partner"),
                 TestPerson("lead", "Liam Lead", "partner"),
                 TestPerson("lead2", "Lola Lead", "partner"),
                 TestPerson("member", "Mia Member", "associate", "lead"),
                 TestPerson("outsider", "Otto Outsider", "associate", "lead2"),
                 TestPerson("peer", "Pia Peer", "senior", "lead")};
  firm.skills = {
      {"firm:audit", "Audit", "", "", {"assurance"}, SkillSource::kFirm, SkillKind::kSkill},
      {"firm:tax", "Tax law", "", "", {}, SkillSource::kFirm, SkillKind::kKnowledge}};
  firm.person_skills = {{"member", "firm:tax", RatingSource::kSelf, 2, true, {}, {}},
                        {"member", "firm:tax", RatingSource::kManager, 3, false, {}, {}},
                        {"member", "firm:audit", RatingSource::kSelf, 1, false, {}, {}}};
  firm.clients = {{"c1", "Client One", "Retail", true}};
  firm.engagements = {
      {"e1", "c1", "Audit 2024", "englead", Date{100}, Date{200}, EngagementStatus::kConfirmed}};
  firm.teams = {{"account", "Account C1", "Serve C1", "", "c1", false, {{"peer", "member"}}},
                {"alpha",
                 "Alpha",
                 "Win tax work",
                 "lead",
                 "",
                 false,
                 {{"lead", "lead"}, {"member", "member"}, {"peer", "member"}}},
                {"beta", "Beta", "Audit well", "lead2", "", false, {{"outsider", "member"}}}};
  return firm;
}

//! One principal per role of TestFirm(), by role name: the columns of the
//! Authorizer's role x record matrices (authorizer_test, staffing_access_test).
inline const std::map<std::string, Principal>& TestPrincipals() {
  static const auto* principals = new std::map<std::string, Principal>{
      {"admin", {"u-admin", UserRole::kAdministrator, "admin"}},
      {"firm_leader", {"u-fl", UserRole::kFirmLeader, "firmlead"}},
      {"team_leader", {"u-lead", UserRole::kMember, "lead"}},
      {"engagement_leader", {"u-eng", UserRole::kMember, "englead"}},
      {"member", {"u-member", UserRole::kMember, "member"}},
      {"other_team_member", {"u-out", UserRole::kMember, "outsider"}},
      {"unlinked_member", {"u-none", UserRole::kMember, ""}},
  };
  return *principals;
}

//! A firm in a SQLite store in a fresh temporary folder, the account store on
//! the same database and a SnapshotHolder over it that checks the change feed
//! on every read: what the service tests stand on. The folder is removed with
//! the object.
class SnapshotWorld {
 public:
  explicit SnapshotWorld(FirmData firm) : firm_(std::move(firm)) {}
  SnapshotWorld(const SnapshotWorld&) = delete;
  SnapshotWorld& operator=(const SnapshotWorld&) = delete;
  ~SnapshotWorld() {
    holder_.reset();
    accounts_.reset();
    store_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  //! Creates the folder (/tmp/PREFIX-XXXXXX), the stores with the firm in
  //! them and the holder, and loads the first snapshot.
  Status Open(const std::string& prefix) {
    std::string pattern = "/tmp/" + prefix + "-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) return Internal("mkdtemp failed for " + pattern);
    dir_ = pattern;
    const StoreOptions options{dir_ + "/guild.db", true, Durability::kOff};
    ASSIGN_OR_RETURN(store_, OpenStore(options));
    RETURN_IF_ERROR(store_->Upsert(firm_));
    ASSIGN_OR_RETURN(accounts_, OpenAccountStore(options));
    holder_ =
        std::make_unique<SnapshotHolder>(*store_, SnapshotOptions{std::chrono::milliseconds(0)});
    return holder_->Load();
  }

  //! The database's URL, for a second store on it (another server).
  [[nodiscard]] std::string url() const { return dir_ + "/guild.db"; }
  Store& store() { return *store_; }
  AccountStore* accounts() { return accounts_.get(); }
  SnapshotHolder* holder() { return holder_.get(); }

 private:
  FirmData firm_;
  std::string dir_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<AccountStore> accounts_;
  std::unique_ptr<SnapshotHolder> holder_;
};

}  // namespace guild::service::testing
