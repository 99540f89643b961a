// SnapshotHolder: follows the change feed without reloading, catches up
// exactly after missing changes, and loads the whole firm only when the
// feed asks for it.
#include "service/snapshot/snapshot_holder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "service/testing/test_firm.h"
#include "service/writes/firm_writer.h"

namespace guild {
namespace {

using service::testing::SnapshotWorld;
using service::testing::TestFirm;
using service::testing::TestPerson;

WriteRequest Write(FirmChange change) { return WriteRequest{std::move(change), std::nullopt, ""}; }

FirmChange NewPerson(const std::string& id, const std::string& manager = "") {
  FirmChange change;
  change.upserts.people.push_back(TestPerson(id, "Name " + id, "associate", manager));
  return change;
}

// Every entity of every in-memory kind, in order: what a snapshot holds.
std::string Fingerprint(const FirmData& data) {
  std::string out;
  for (const Person& p : data.people) out += "P " + p.id + " " + p.name + " " + p.manager_id + "\n";
  for (const PersonSkill& s : data.person_skills) {
    out += "S " + s.person_id + " " + s.skill_id + " " + std::string(ToString(s.source)) + " " +
           std::to_string(s.level) + "\n";
  }
  for (const Team& t : data.teams) {
    out += "T " + t.id + " " + t.leader_id;
    for (const TeamMember& m : t.members) out += " " + m.person_id;
    out += "\n";
  }
  for (const Client& c : data.clients) out += "C " + c.id + " " + c.name + "\n";
  return out;
}

class SnapshotHolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(world_.Open("guild-snapshot-holder").ok());
    auto store = OpenStore({world_.url(), false, Durability::kOff});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    other_store_ = std::move(store).value();
    SnapshotOptions options{std::chrono::milliseconds(0)};
    options.log = [this](std::string_view line) { log_.emplace_back(line); };
    other_ = std::make_unique<SnapshotHolder>(*other_store_, options);
    ASSERT_TRUE(other_->Load().ok());
  }

  void ExpectEqualsAReload(SnapshotHolder& holder) {
    auto loaded = world_.store().LoadAt({});
    ASSERT_TRUE(loaded.ok());
    auto snapshot = holder.Peek();
    EXPECT_EQ(snapshot->version(), loaded->seq);
    EXPECT_EQ(Fingerprint(snapshot->data()), Fingerprint(loaded->data));
  }

  SnapshotWorld world_{TestFirm()};
  FakeClock clock_{1'800'000'000};
  std::unique_ptr<Store> other_store_;  // "another server" on the same database
  std::unique_ptr<SnapshotHolder> other_;
  std::vector<std::string> log_;
};

TEST_F(SnapshotHolderTest, AnotherServerAppliesTheChangesItMissedWithoutReloading) {
  FirmWriter writer(world_.store(), world_.holder(), clock_);
  ASSERT_TRUE(writer.Commit(Write(NewPerson("n1", "lead"))).ok());
  ASSERT_TRUE(writer.Commit(Write(NewPerson("n2", "n1"))).ok());
  FirmChange mixed;
  mixed.upserts.person_skills.push_back(
      {"n2", "firm:tax", RatingSource::kPeer, 4, false, std::nullopt, std::nullopt});
  mixed.upserts.teams.push_back(
      {"alpha", "Alpha", "Win tax work", "lead", "", false, {{"n1", "member"}, {"n2", "member"}}});
  mixed.deletes.push_back({EntityKind::kPersonSkills, {"member/firm:audit/self"}});
  mixed.deletes.push_back({EntityKind::kTeams, {"beta"}});
  ASSERT_TRUE(writer.Commit(Write(mixed)).ok());
  ASSERT_FALSE(writer.Commit(Write(NewPerson("bad", "nobody"))).ok());  // leaves no trace

  // The writer's server applied its own writes without a reload.
  EXPECT_EQ(world_.holder()->stats().loads, 1);
  EXPECT_EQ(world_.holder()->stats().changes_applied, 3);
  ExpectEqualsAReload(*world_.holder());

  // The other server catches up in one step: three changes, one new snapshot.
  ASSERT_TRUE(other_->Refresh().ok());
  EXPECT_EQ(other_->stats().loads, 1);
  EXPECT_EQ(other_->stats().catch_ups, 1);
  EXPECT_EQ(other_->stats().changes_applied, 3);
  ExpectEqualsAReload(*other_);
  ASSERT_NE(other_->Peek()->FindPerson("n2"), nullptr);
  EXPECT_EQ(other_->Peek()->FindTeam("beta"), nullptr);
  const uint32_t n1 = *other_->Peek()->PersonIndex("n1");
  EXPECT_EQ(other_->Peek()->ReportsOf(n1).size(), 1u);  // the indexes follow the data
  ASSERT_EQ(log_.size(), 2u);
  EXPECT_NE(log_[1].find("applied 3 change(s)"), std::string::npos) << log_[1];
}

TEST_F(SnapshotHolderTest, ReadersKeepTheSnapshotTheyHold) {
  FirmWriter writer(world_.store(), world_.holder(), clock_);
  auto before = world_.holder()->Peek();
  ASSERT_TRUE(writer.Commit(Write(NewPerson("n1"))).ok());
  EXPECT_EQ(before->FindPerson("n1"), nullptr);
  EXPECT_NE(world_.holder()->Peek()->FindPerson("n1"), nullptr);
}

TEST_F(SnapshotHolderTest, AReloadInTheFeedLoadsTheWholeFirm) {
  ASSERT_TRUE(world_.store().Clear().ok());
  ASSERT_TRUE(world_.store().Upsert(TestFirm()).ok());
  ASSERT_TRUE(other_->Refresh().ok());
  EXPECT_EQ(other_->stats().loads, 2);
  EXPECT_EQ(other_->stats().catch_ups, 0);
  ExpectEqualsAReload(*other_);
  ASSERT_EQ(log_.size(), 2u);
  EXPECT_NE(log_[1].find("asks for a reload"), std::string::npos) << log_[1];
}

TEST_F(SnapshotHolderTest, ALargeChangeIsRecordedAsAReload) {
  FirmChange large;
  for (size_t i = 0; i <= kMaxFeedEntities; ++i) {
    large.upserts.clients.push_back({"bulk" + std::to_string(i), "Bulk", "", true});
  }
  FirmWriter writer(world_.store(), world_.holder(), clock_);
  ASSERT_TRUE(writer.Commit(Write(std::move(large))).ok());
  EXPECT_EQ(world_.holder()->stats().loads, 2);
  ASSERT_TRUE(other_->Refresh().ok());
  EXPECT_EQ(other_->stats().loads, 2);
  ExpectEqualsAReload(*other_);
  EXPECT_EQ(other_->Peek()->data().clients.size(), kMaxFeedEntities + 2);
}

// A store-only kind is never held in the snapshot's data, so its storage
// never changes; the kinds the feed's changes touch still get a new storage
// generation (what PerSnapshot keys derived state to), on the writer's server
// and on another one, and every other kind keeps its own.
TEST_F(SnapshotHolderTest, AChangeOfAStoreOnlyKindGivesItANewGeneration) {
  const auto mine = world_.holder()->Peek();
  const auto theirs = other_->Peek();
  FirmChange asked;  // a check-in and a question on it: both store-only
  asked.upserts.checkins.push_back(
      {"c1", "alpha", "member", Date{20000}, "", "Busy", 1'800'000'000, std::nullopt});
  asked.upserts.checkin_questions.push_back(
      {"q1", "c1", "alpha", "member", "lead", "Is the deadline Friday?", 1'800'000'000, "", {}});
  FirmWriter writer(world_.store(), world_.holder(), clock_);
  const Status committed = writer.Commit(Write(asked)).status();
  ASSERT_TRUE(committed.ok()) << committed.ToString();
  ASSERT_TRUE(other_->Refresh().ok());
  EXPECT_EQ(other_->stats().loads, 1);  // followed the feed
  for (const auto& [before, after] :
       {std::pair{mine, world_.holder()->Peek()}, std::pair{theirs, other_->Peek()}}) {
    ASSERT_GT(after->version(), before->version());
    EXPECT_TRUE(after->data().checkin_questions.empty());  // store-only: not in memory
    for (EntityKind kind : kAllEntityKinds) {
      const bool changed = kind == EntityKind::kCheckins || kind == EntityKind::kCheckinQuestions;
      EXPECT_EQ(after->StorageGeneration(kind) == before->StorageGeneration(kind), !changed)
          << ToString(kind);
    }
  }
  // A memory kind's write moves its own generation only.
  const auto before = world_.holder()->Peek();
  ASSERT_TRUE(writer.Commit(Write(NewPerson("n1"))).ok());
  const auto after = world_.holder()->Peek();
  for (EntityKind kind : kAllEntityKinds) {
    EXPECT_EQ(after->StorageGeneration(kind) == before->StorageGeneration(kind),
              kind != EntityKind::kPeople)
        << ToString(kind);
  }
}

}  // namespace
}  // namespace guild
