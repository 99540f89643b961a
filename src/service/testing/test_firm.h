// Test-only: a small firm with two teams, an account team and people in
// every role, and an in-memory Store over it; SnapshotWorld puts a loaded
// SnapshotHolder on top. Used by the service tests.
#pragma once

#include <stdlib.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "domain/model.h"
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

//! A Store over a FirmData in memory: enough for services that only read.
class MemoryStore final : public Store {
 public:
  explicit MemoryStore(FirmData data) : data_(std::move(data)) {}
  std::string BackendName() const override { return "memory"; }
  Result<int> SchemaVersion() override { return 1; }
  Status Upsert(const FirmData& batch) override {
    std::lock_guard lock(mu_);
    for (const Person& p : batch.people) {
      auto it = std::find_if(data_.people.begin(), data_.people.end(),
                             [&](const Person& q) { return q.id == p.id; });
      if (it != data_.people.end()) {
        *it = p;
      } else {
        data_.people.push_back(p);
      }
    }
    return OkStatus();
  }
  Status Delete(EntityKind, std::span<const std::string>) override {
    return FailedPrecondition("MemoryStore: Delete is not supported");
  }
  Result<FirmData> Load(const LoadOptions&) override {
    std::lock_guard lock(mu_);
    ++loads_;
    return data_;
  }
  Result<int64_t> Count(EntityKind kind) override {
    std::lock_guard lock(mu_);
    return static_cast<int64_t>(data_.Count(kind));
  }
  Status Clear() override {
    std::lock_guard lock(mu_);
    data_ = FirmData{};
    return OkStatus();
  }
  int loads() {
    std::lock_guard lock(mu_);
    return loads_;
  }

 private:
  std::mutex mu_;
  FirmData data_;
  int loads_ = 0;
};

//! A firm in a MemoryStore, an account store in a fresh temporary folder and
//! a SnapshotHolder over both that reloads at once: what the service tests
//! stand on. The folder is removed with the object.
class SnapshotWorld {
 public:
  explicit SnapshotWorld(FirmData firm) : store_(std::move(firm)) {}
  SnapshotWorld(const SnapshotWorld&) = delete;
  SnapshotWorld& operator=(const SnapshotWorld&) = delete;
  ~SnapshotWorld() {
    holder_.reset();
    accounts_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  //! Creates the folder (/tmp/PREFIX-XXXXXX), the account store and the
  //! holder, and loads the first snapshot.
  Status Open(const std::string& prefix) {
    std::string pattern = "/tmp/" + prefix + "-XXXXXX";
    if (mkdtemp(pattern.data()) == nullptr) return Internal("mkdtemp failed for " + pattern);
    dir_ = pattern;
    ASSIGN_OR_RETURN(accounts_, OpenAccountStore({dir_ + "/guild.db", true, Durability::kOff}));
    holder_ = std::make_unique<SnapshotHolder>(store_, *accounts_,
                                               SnapshotOptions{std::chrono::milliseconds(0)});
    return holder_->Load();
  }

  MemoryStore& store() { return store_; }
  AccountStore* accounts() { return accounts_.get(); }
  SnapshotHolder* holder() { return holder_.get(); }

 private:
  MemoryStore store_;
  std::string dir_;
  std::unique_ptr<AccountStore> accounts_;
  std::unique_ptr<SnapshotHolder> holder_;
};

}  // namespace guild::service::testing
