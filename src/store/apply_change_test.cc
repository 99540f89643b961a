// ApplyChange against the store itself: after every commit of a random
// sequence of changes (batches with failing changes in them included), a
// copy of the firm that only applied the change feed equals a fresh Load.
// Runs on SQLite in the normal CTest run and on PostgreSQL as
// store_change_postgres.
#include "store/apply_change.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "store/store.h"
#include "store/store_test_support.h"

namespace guild {
namespace {

using store::testing::BackendName;
using store::testing::Dump;
using store::testing::SampleFirm;

// Random changes over small pools of ids, so that upserts replace, deletes
// hit, references dangle and deletes of referenced entities fail often.
class ChangeMaker {
 public:
  explicit ChangeMaker(uint32_t seed) : rng_(seed) {}

  FirmChange Next() {
    FirmChange change;
    const int parts = Pick(1, 3);
    for (int i = 0; i < parts; ++i) AddOne(change);
    return change;
  }

 private:
  int Pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool Chance(int percent) { return Pick(1, 100) <= percent; }
  std::string PersonId() { return "rp" + std::to_string(Pick(0, 11)); }
  std::string SkillId() { return Chance(20) ? "firm:tax" : "rs:" + std::to_string(Pick(0, 5)); }
  RatingSource Source() { return static_cast<RatingSource>(Pick(0, 3)); }
  Date Day() { return Date{20000 + Pick(0, 40)}; }

  void AddOne(FirmChange& change) {
    FirmData& up = change.upserts;
    switch (Pick(0, 8)) {
      case 0:
      case 1: {
        Person p{.id = PersonId(),
                 .name = "Name " + std::to_string(Pick(0, 99)),
                 .email = "e" + std::to_string(Pick(0, 999)) + "@x.test"};
        if (Chance(50)) p.manager_id = PersonId();
        if (Chance(40)) p.tags = {"t" + std::to_string(Pick(0, 3)), "t9"};
        if (Chance(30)) p.start_date = Day();
        up.people.push_back(std::move(p));
        break;
      }
      case 2: {
        Skill s{.id = SkillId(), .name = "Skill " + std::to_string(Pick(0, 9))};
        if (Chance(30)) s.synonyms = {"syn" + std::to_string(Pick(0, 4))};
        if (Chance(30)) s.broader_id = SkillId();
        up.skills.push_back(std::move(s));
        break;
      }
      case 3:
      case 4:
        up.person_skills.push_back(PersonSkill{.person_id = PersonId(),
                                               .skill_id = SkillId(),
                                               .source = Source(),
                                               .level = Pick(1, 5),
                                               .wants_to_grow = Chance(50),
                                               .rated_on = Day()});
        break;
      case 5: {
        Team t{.id = "rt" + std::to_string(Pick(0, 3)), .name = "Team", .purpose = "p"};
        if (Chance(50)) t.leader_id = PersonId();
        for (int m = Pick(0, 3); m > 0; --m) t.members.push_back({PersonId(), "member"});
        // A person at most once on a team.
        std::sort(t.members.begin(), t.members.end(), [](const TeamMember& a, const TeamMember& b) {
          return a.person_id < b.person_id;
        });
        t.members.erase(std::unique(t.members.begin(), t.members.end(),
                                    [](const TeamMember& a, const TeamMember& b) {
                                      return a.person_id == b.person_id;
                                    }),
                        t.members.end());
        up.teams.push_back(std::move(t));
        break;
      }
      case 6: up.skill_history.push_back({PersonId(), SkillId(), Day(), Pick(1, 5)}); break;
      case 7: change.deletes.push_back({EntityKind::kPeople, {PersonId()}}); break;
      case 8: {
        const int what = Pick(0, 2);
        if (what == 0) {
          change.deletes.push_back(
              {EntityKind::kPersonSkills,
               {PersonId() + "/" + SkillId() + "/" + std::string(ToString(Source()))}});
        } else if (what == 1) {
          change.deletes.push_back({EntityKind::kTeams, {"rt" + std::to_string(Pick(0, 3))}});
        } else {
          change.deletes.push_back({EntityKind::kSkills, {SkillId()}});
        }
        break;
      }
    }
  }

  std::mt19937 rng_;
};

class ApplyChangeTest : public store::testing::BackendStoreTest {
 protected:
  // Applies the feed after mirror_seq_ to mirror_.
  void FollowFeed() {
    auto page = store_->ReadFeed(mirror_seq_, 1000);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    ASSERT_FALSE(page->too_far_behind);
    for (const FeedEntry& entry : page->entries) {
      ASSERT_FALSE(entry.reload);
      ASSERT_EQ(entry.seq, mirror_seq_ + 1) << "the feed skipped a change";
      const Status applied = ApplyChange(entry.change, mirror_);
      ASSERT_TRUE(applied.ok()) << applied.ToString();
      mirror_seq_ = entry.seq;
    }
  }

  void ExpectMirrorEqualsLoad(const std::string& context) {
    auto loaded = store_->LoadAt({});
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    ASSERT_EQ(loaded->seq, mirror_seq_) << context;
    ASSERT_EQ(Dump(mirror_), Dump(loaded->data)) << context;
  }

  FirmData mirror_;
  int64_t mirror_seq_ = 0;
};

TEST_P(ApplyChangeTest, FollowingTheFeedEqualsAReloadAfterRandomWrites) {
  // Start from the sample firm (every kind, every field), applied too.
  FirmChange sample;
  sample.upserts = SampleFirm();
  ASSERT_TRUE(store_->Commit(sample).ok());
  FollowFeed();
  ExpectMirrorEqualsLoad("after the sample firm");

  ChangeMaker maker(20261206);
  int committed = 0;
  int failed = 0;
  for (int round = 0; round < 150; ++round) {
    // One to four changes per transaction, as the FirmWriter's group commit
    // sends them; each commits or fails alone.
    std::vector<FirmChange> changes;
    for (int i = round % 4; i >= 0; --i) changes.push_back(maker.Next());
    std::vector<CommitRequest> requests;
    for (const FirmChange& change : changes) requests.push_back({&change, nullptr, ""});
    for (const Result<int64_t>& result : store_->CommitBatch(requests)) {
      ++(result.ok() ? committed : failed);
    }
    FollowFeed();
    ExpectMirrorEqualsLoad("after round " + std::to_string(round));
  }
  // The sequence exercised both outcomes.
  EXPECT_GT(committed, 50);
  EXPECT_GT(failed, 20);
}

TEST_P(ApplyChangeTest, DeletesOfEveryKindAndCompositeKeysApply) {
  FirmChange sample;
  sample.upserts = SampleFirm();
  ASSERT_TRUE(store_->Commit(sample).ok());
  FollowFeed();
  // Delete every entity of the sample firm, children's kinds first.
  FirmData all = mirror_;
  FirmChange wipe;
  for (const OpeningPreference& p : all.opening_preferences) {
    wipe.deletes.push_back({EntityKind::kOpeningPreferences, {p.opening_id + "/" + p.person_id}});
  }
  for (const SkillHistoryEntry& h : all.skill_history) {
    wipe.deletes.push_back(
        {EntityKind::kSkillHistory, {h.person_id + "/" + h.skill_id + "/" + FormatDate(h.date)}});
  }
  for (const PersonSkill& s : all.person_skills) {
    wipe.deletes.push_back(
        {EntityKind::kPersonSkills,
         {s.person_id + "/" + s.skill_id + "/" + std::string(ToString(s.source))}});
  }
  ASSERT_TRUE(store_->Commit(wipe).ok());
  FollowFeed();
  ExpectMirrorEqualsLoad("after deleting composite keys");
  EXPECT_TRUE(mirror_.person_skills.empty());
  EXPECT_TRUE(mirror_.skill_history.empty());
  EXPECT_TRUE(mirror_.opening_preferences.empty());
}

INSTANTIATE_TEST_SUITE_P(Sqlite, ApplyChangeTest, ::testing::Values(store::testing::kSqliteBackend),
                         BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, ApplyChangeTest,
                         ::testing::Values(store::testing::kPostgresBackend), BackendName);

}  // namespace
}  // namespace guild
