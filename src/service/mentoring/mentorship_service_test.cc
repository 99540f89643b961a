// MentorshipService over a real SQLite store with the small test firm
// (service/testing/test_firm.h) on day 150: asking, the refusals (self,
// unknown person, unknown skill, duplicate open pair), accept and decline by
// the mentor only, end and review date by either party, who sees what, and
// the inbox items each step leaves.
#include "service/mentoring/mentorship_service.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "service/inbox/inbox_service.h"
#include "service/testing/test_firm.h"

namespace guild {
namespace {

using service::testing::SnapshotWorld;
using service::testing::TestFirm;

const Principal kAdmin{"u-admin", UserRole::kAdministrator, "admin"};
const Principal kFirmLeader{"u-fl", UserRole::kFirmLeader, "firmlead"};
const Principal kLead{"u-lead", UserRole::kMember, "lead"};
const Principal kMember{"u-member", UserRole::kMember, "member"};
const Principal kPeer{"u-peer", UserRole::kMember, "peer"};
const Principal kNoPerson{"u-none", UserRole::kMember, ""};

constexpr int64_t kDay = 86400;
constexpr int32_t kToday = 150;

class MentorshipServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(world_.Open("guild-mentoring").ok());
    writer_ = std::make_unique<FirmWriter>(world_.store(), world_.holder(), clock_);
    service_ = std::make_unique<MentorshipService>(*world_.holder(), *writer_, clock_);
    inbox_ = std::make_unique<InboxService>(world_.store(), *world_.holder(), *writer_, clock_,
                                            InboxOptions{});
  }
  std::string AskOrDie(const Principal& who, const std::string& mentor) {
    auto m = service_->Ask(who, {mentor, {"firm:tax"}, "Could you help?"});
    EXPECT_TRUE(m.ok()) << m.status().ToString();
    return m.ok() ? m->id : "";
  }
  int64_t Rows() {
    return *world_.store().Count(EntityKind::kMentorships) * 100 +
           *world_.store().Count(EntityKind::kInboxItems);
  }
  std::vector<InboxItem> InboxOf(const Principal& p) {
    auto page = inbox_->List(p, "");
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    return page.ok() ? page->items : std::vector<InboxItem>{};
  }
  static std::string Field(const Status& s) { return s.message().substr(0, s.message().find(':')); }

  FakeClock clock_{kToday * kDay + 3600};
  SnapshotWorld world_{TestFirm()};
  std::unique_ptr<FirmWriter> writer_;
  std::unique_ptr<MentorshipService> service_;
  std::unique_ptr<InboxService> inbox_;
};

TEST_F(MentorshipServiceTest, AskWritesARequestAndTheMentorsInboxItem) {
  auto m = service_->Ask(kMember, {"lead", {"firm:tax", "firm:audit"}, "Could you help?"});
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->mentee_id, "member");
  EXPECT_EQ(m->mentor_id, "lead");
  EXPECT_EQ(m->status, MentorshipStatus::kRequested);
  EXPECT_EQ(m->asked_at, clock_.NowSeconds());
  EXPECT_FALSE(m->started_on.has_value());
  const std::vector<InboxItem> items = InboxOf(kLead);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].kind, InboxItemKind::kMentorshipRequest);
  EXPECT_EQ(items[0].ref_id, m->id);
  EXPECT_EQ(items[0].from_id, "member");
  EXPECT_EQ(items[0].text, "Mia Member asks you to mentor them");
  EXPECT_TRUE(InboxOf(kMember).empty());
}

TEST_F(MentorshipServiceTest, AskRefusesBadInputNamingTheFieldAndWritesNothing) {
  const std::string open = AskOrDie(kMember, "lead");
  const int64_t before = Rows();
  struct Case {
    MentorshipDraft draft;
    std::string field;
  };
  const Case cases[] = {
      {{"member", {"firm:tax"}, ""}, "mentor_id"},                  // self
      {{"nobody", {"firm:tax"}, ""}, "mentor_id"},                  // unknown person
      {{"", {"firm:tax"}, ""}, "mentor_id"},                        // none
      {{"lead", {"firm:tax"}, ""}, "mentor_id"},                    // open request already
      {{"peer", {}, ""}, "skill_ids"},                              // no skill
      {{"peer", {"firm:nope"}, ""}, "skill_ids"},                   // unknown skill
      {{"peer", {"firm:tax", "firm:tax"}, ""}, "skill_ids"},        // twice
      {{"peer", {"firm:tax"}, std::string(1001, 'x')}, "message"},  // too long
  };
  for (const Case& c : cases) {
    auto m = service_->Ask(kMember, c.draft);
    ASSERT_FALSE(m.ok()) << c.draft.mentor_id;
    EXPECT_EQ(m.status().code(), StatusCode::kInvalidArgument) << m.status().ToString();
    EXPECT_EQ(Field(m.status()), c.field) << m.status().ToString();
  }
  // The other way round is the same pair.
  auto reverse = service_->Ask(kLead, {"member", {"firm:tax"}, ""});
  EXPECT_EQ(Field(reverse.status()), "mentor_id");
  EXPECT_EQ(service_->Ask(kNoPerson, {"lead", {"firm:tax"}, ""}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(Rows(), before);
  EXPECT_FALSE(open.empty());
}

TEST_F(MentorshipServiceTest, OnlyTheMentorAcceptsAndTheMenteeHearsOfIt) {
  const std::string id = AskOrDie(kMember, "lead");
  const int64_t before = Rows();
  EXPECT_EQ(service_->Accept(kMember, id, std::nullopt).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->Accept(kAdmin, id, std::nullopt).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->Accept(kPeer, id, std::nullopt).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(service_->Accept(kFirmLeader, id, std::nullopt).status().code(), StatusCode::kNotFound);
  auto past = service_->Accept(kLead, id, Date{kToday - 1});
  EXPECT_EQ(Field(past.status()), "review_on");
  EXPECT_EQ(Rows(), before);

  auto m = service_->Accept(kLead, id, std::nullopt);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->status, MentorshipStatus::kActive);
  EXPECT_EQ(m->started_on, Date{kToday});
  EXPECT_EQ(m->review_on, Date{kToday + kMentorshipReviewDays});
  const std::vector<InboxItem> items = InboxOf(kMember);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].kind, InboxItemKind::kMentorshipAnswer);
  EXPECT_EQ(items[0].text, "Liam Lead accepted to mentor you");
  EXPECT_EQ(service_->Accept(kLead, id, std::nullopt).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(service_->Decline(kLead, id).status().code(), StatusCode::kFailedPrecondition);
  // An active pair is open too: no second request between the two.
  EXPECT_EQ(Field(service_->Ask(kMember, {"lead", {"firm:audit"}, ""}).status()), "mentor_id");
}

TEST_F(MentorshipServiceTest, AcceptTakesAReviewDateAndDeclineClosesTheRequest) {
  const std::string id = AskOrDie(kMember, "lead");
  auto m = service_->Accept(kLead, id, Date{kToday + 30});
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->review_on, Date{kToday + 30});

  const std::string other = AskOrDie(kMember, "peer");
  EXPECT_EQ(service_->Decline(kMember, other).status().code(), StatusCode::kPermissionDenied);
  auto declined = service_->Decline(kPeer, other);
  ASSERT_TRUE(declined.ok()) << declined.status().ToString();
  EXPECT_EQ(declined->status, MentorshipStatus::kDeclined);
  EXPECT_FALSE(declined->started_on.has_value());
  const std::vector<InboxItem> items = InboxOf(kMember);  // same second: any order
  EXPECT_TRUE(std::any_of(items.begin(), items.end(), [](const InboxItem& i) {
    return i.text == "Pia Peer declined to mentor you";
  }));
  // Declined is closed: the mentee may ask again.
  EXPECT_TRUE(service_->Ask(kMember, {"peer", {"firm:tax"}, ""}).ok());
}

TEST_F(MentorshipServiceTest, EitherPartyEndsOrMovesTheReviewDateOfAnActivePair) {
  const std::string id = AskOrDie(kMember, "lead");
  EXPECT_EQ(service_->End(kMember, id).status().code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(service_->Accept(kLead, id, std::nullopt).ok());
  EXPECT_EQ(service_->SetReviewDate(kAdmin, id, Date{kToday + 5}).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->SetReviewDate(kPeer, id, Date{kToday + 5}).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(Field(service_->SetReviewDate(kMember, id, Date{kToday - 1}).status()), "review_on");
  auto moved = service_->SetReviewDate(kMember, id, Date{kToday + 5});
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->review_on, Date{kToday + 5});
  auto by_mentor = service_->SetReviewDate(kLead, id, Date{kToday + 6});
  ASSERT_TRUE(by_mentor.ok());
  EXPECT_EQ(by_mentor->review_on, Date{kToday + 6});

  clock_.Advance(3 * kDay);
  EXPECT_EQ(service_->End(kAdmin, id).status().code(), StatusCode::kPermissionDenied);
  auto ended = service_->End(kLead, id);
  ASSERT_TRUE(ended.ok()) << ended.status().ToString();
  EXPECT_EQ(ended->status, MentorshipStatus::kEnded);
  EXPECT_EQ(ended->ended_on, Date{kToday + 3});
  EXPECT_EQ(service_->End(kMember, id).status().code(), StatusCode::kFailedPrecondition);
}

TEST_F(MentorshipServiceTest, TheTwoAndAdministratorsSeeItNobodyElse) {
  const std::string id = AskOrDie(kMember, "lead");
  EXPECT_TRUE(service_->Get(kMember, id).ok());
  EXPECT_TRUE(service_->Get(kLead, id).ok());
  EXPECT_TRUE(service_->Get(kAdmin, id).ok());
  EXPECT_EQ(service_->Get(kFirmLeader, id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(service_->Get(kPeer, id).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(service_->Get(kMember, "mt-nope").status().code(), StatusCode::kNotFound);

  auto lead = service_->Mine(kLead);
  ASSERT_TRUE(lead.ok());
  ASSERT_EQ(lead->asked_of_me.size(), 1u);
  EXPECT_TRUE(lead->as_mentor.empty());
  auto member = service_->Mine(kMember);
  ASSERT_TRUE(member.ok());
  EXPECT_EQ(member->as_mentee.size(), 1u);
  EXPECT_TRUE(member->asked_of_me.empty());
  ASSERT_TRUE(service_->Accept(kLead, id, std::nullopt).ok());
  lead = service_->Mine(kLead);
  EXPECT_TRUE(lead->asked_of_me.empty());
  EXPECT_EQ(lead->as_mentor.size(), 1u);
  auto peer = service_->Mine(kPeer);
  ASSERT_TRUE(peer.ok());
  EXPECT_TRUE(peer->as_mentee.empty() && peer->as_mentor.empty() && peer->asked_of_me.empty());
}

}  // namespace
}  // namespace guild
