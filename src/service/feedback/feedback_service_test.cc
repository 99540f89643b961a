// FeedbackService and InboxService over a real SQLite store with the small
// test firm (service/testing/feedback_test_firm.h) on day 150: asking, answering,
// declining, expiry, sharing with a leader, who reads what, and the inbox.
#include "service/feedback/feedback_service.h"

#include <gtest/gtest.h>

#include "domain/validate.h"
#include "service/inbox/inbox_service.h"
#include "service/testing/feedback_test_firm.h"

namespace guild {
namespace {

using service::testing::FeedbackTestFirm;
using service::testing::SnapshotWorld;

const Principal kAdmin{"u-admin", UserRole::kAdministrator, "admin"};
const Principal kFirmLeader{"u-fl", UserRole::kFirmLeader, "firmlead"};
const Principal kLead{"u-lead", UserRole::kMember, "lead"};
const Principal kLead2{"u-lead2", UserRole::kMember, "lead2"};
const Principal kMember{"u-member", UserRole::kMember, "member"};
const Principal kPeer{"u-peer", UserRole::kMember, "peer"};
const Principal kOutsider{"u-out", UserRole::kMember, "outsider"};
const Principal kEngLead{"u-eng", UserRole::kMember, "englead"};

constexpr int64_t kDay = 86400;
constexpr int32_t kToday = 150;

class FeedbackServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(world_.Open("guild-feedback").ok());
    writer_ = std::make_unique<FirmWriter>(world_.store(), world_.holder(), clock_);
    service_ = std::make_unique<FeedbackService>(world_.store(), *world_.holder(), *writer_, clock_,
                                                 FeedbackOptions{});
    inbox_ = std::make_unique<InboxService>(world_.store(), *world_.holder(), *writer_, clock_,
                                            InboxOptions{});
  }

  static FeedbackRequestDraft Draft(std::vector<std::string> reviewers) {
    return FeedbackRequestDraft{FeedbackEventKind::kPitch, "Pitch to C1", Date{kToday - 2}, "e1",
                                std::move(reviewers),      std::nullopt};
  }
  std::string AskOrDie(const Principal& who, std::vector<std::string> reviewers) {
    auto view = service_->Ask(who, Draft(std::move(reviewers)));
    EXPECT_TRUE(view.ok()) << view.status().ToString();
    return view.ok() ? view->request.id : "";
  }
  static FeedbackAnswerDraft Texts() { return {false, "Clear numbers", "Shorter slides"}; }
  // Rows of the three kinds: what a refused call must leave unchanged.
  int64_t Rows() {
    return *world_.store().Count(EntityKind::kFeedbackRequests) * 10000 +
           *world_.store().Count(EntityKind::kFeedbackAnswers) * 100 +
           *world_.store().Count(EntityKind::kInboxItems);
  }
  std::string Code(const Status& s) { return std::string(StatusCodeName(s.code())); }

  FakeClock clock_{kToday * kDay + 3600};
  SnapshotWorld world_{FeedbackTestFirm()};
  std::unique_ptr<FirmWriter> writer_;
  std::unique_ptr<FeedbackService> service_;
  std::unique_ptr<InboxService> inbox_;
};

TEST(FeedbackOptionsTest, ValidateNamesTheOption) {
  EXPECT_TRUE(FeedbackService::Validate(FeedbackOptions{}).ok());
  FeedbackOptions none;
  none.expiry_days = 0;
  EXPECT_TRUE(FeedbackService::Validate(none).message().starts_with("expiry_days:"));
  FeedbackOptions window;
  window.suggestion_window_days = -1;
  EXPECT_TRUE(FeedbackService::Validate(window).message().starts_with("suggestion_window_days:"));
}

TEST_F(FeedbackServiceTest, AskWritesTheRequestPendingAnswersAndInboxItemsTogether) {
  auto view = service_->Ask(kMember, Draft({"peer", "outsider"}));
  ASSERT_TRUE(view.ok()) << view.status().ToString();
  EXPECT_EQ(view->request.requester_id, "member");
  EXPECT_EQ(view->request.expires_on, Date{kToday + 14});
  EXPECT_EQ(view->pending, 2);
  ASSERT_EQ(view->answers.size(), 2u);
  EXPECT_EQ(view->answers[0].reviewer_id, "outsider");
  EXPECT_EQ(Rows(), 1 * 10000 + 2 * 100 + 2);
  auto peer_inbox = inbox_->List(kPeer, "");
  ASSERT_TRUE(peer_inbox.ok());
  ASSERT_EQ(peer_inbox->items.size(), 1u);
  EXPECT_EQ(peer_inbox->items[0].kind, InboxItemKind::kFeedbackRequest);
  EXPECT_EQ(peer_inbox->items[0].ref_id, view->request.id);
  EXPECT_EQ(peer_inbox->items[0].from_id, "member");
  EXPECT_EQ(peer_inbox->unread, 1);
}

TEST_F(FeedbackServiceTest, BadRequestsNameTheFieldAndWriteNothing) {
  struct Case {
    std::string name;
    FeedbackRequestDraft draft;
    std::string field;
  };
  auto with = [](auto change) {
    FeedbackRequestDraft d = Draft({"peer"});
    change(d);
    return d;
  };
  const std::vector<Case> cases = {
      {"oneself", Draft({"member"}), "reviewer_ids"},
      {"none", Draft({}), "reviewer_ids"},
      {"six", Draft({"peer", "outsider", "lead", "lead2", "englead", "firmlead"}), "reviewer_ids"},
      {"twice", Draft({"peer", "peer"}), "reviewer_ids"},
      {"unknown", Draft({"nobody"}), "reviewer_ids"},
      {"left", Draft({"admin"}), "reviewer_ids"},
      {"empty event", with([](auto& d) { d.event = ""; }), "event"},
      {"oversized event", with([](auto& d) { d.event = std::string(2001, 'x'); }), "event"},
      {"no date", with([](auto& d) { d.event_date.reset(); }), "event_date"},
      {"future event", with([](auto& d) { d.event_date = Date{kToday + 1}; }), "event_date"},
      {"expires yesterday", with([](auto& d) { d.expires_on = Date{kToday - 1}; }), "expires_on"},
      {"expires too late", with([](auto& d) { d.expires_on = Date{kToday + 15}; }), "expires_on"},
      {"unknown engagement", with([](auto& d) { d.engagement_id = "e9"; }), "engagement_id"},
  };
  const int64_t before = Rows();
  for (const Case& c : cases) {
    auto view = service_->Ask(kMember, c.draft);
    ASSERT_FALSE(view.ok()) << c.name;
    EXPECT_EQ(view.status().code(), StatusCode::kInvalidArgument) << c.name;
    EXPECT_EQ(view.status().message().substr(0, c.field.size() + 1), c.field + ":")
        << c.name << ": " << view.status().ToString();
  }
  EXPECT_EQ(Rows(), before);
  // An earlier expiry, today included, is allowed.
  FeedbackRequestDraft today = Draft({"peer"});
  today.expires_on = Date{kToday};
  EXPECT_TRUE(service_->Ask(kMember, today).ok());
}

TEST_F(FeedbackServiceTest, PartnersAskEachOtherTheSameWay) {
  const std::string id = AskOrDie(kLead, {"lead2"});
  auto answer = service_->Answer(kLead2, id, Texts());
  ASSERT_TRUE(answer.ok()) << answer.status().ToString();
  auto view = service_->Get(kLead, id);
  ASSERT_TRUE(view.ok());
  ASSERT_EQ(view->answers.size(), 1u);
  EXPECT_EQ(view->answers[0].most_effective, "Clear numbers");
  EXPECT_EQ(view->answered, 1);
}

TEST_F(FeedbackServiceTest, AnswerIsFinalAndOnlyReviewersAnswer) {
  const std::string id = AskOrDie(kMember, {"peer", "outsider"});
  const int64_t before = Rows();
  EXPECT_EQ(service_->Answer(kMember, id, Texts()).status().code(),
            StatusCode::kPermissionDenied);  // the asker was not asked
  EXPECT_EQ(service_->Answer(kLead, id, Texts()).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(service_->Answer(kPeer, "fb-none", Texts()).status().code(), StatusCode::kNotFound);
  auto empty = service_->Answer(kPeer, id, {false, "", "x"});
  EXPECT_TRUE(empty.status().message().starts_with("most_effective:")) << empty.status().ToString();
  auto big = service_->Answer(kPeer, id, {false, "x", std::string(kMaxCheckinTextBytes + 1, 'y')});
  EXPECT_TRUE(big.status().message().starts_with("do_better:")) << big.status().ToString();
  auto decline_texts = service_->Answer(kPeer, id, {true, "x", ""});
  EXPECT_TRUE(decline_texts.status().message().starts_with("decline:"));
  EXPECT_EQ(Rows(), before);

  auto answer = service_->Answer(kPeer, id, Texts());
  ASSERT_TRUE(answer.ok()) << answer.status().ToString();
  EXPECT_EQ(answer->status, FeedbackAnswerStatus::kAnswered);
  EXPECT_EQ(answer->responded_at, clock_.NowSeconds());
  const int64_t after = Rows();
  EXPECT_EQ(after, before + 1);  // the asker's inbox item; the answer replaced
  EXPECT_EQ(service_->Answer(kPeer, id, Texts()).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(service_->Answer(kPeer, id, {true, "", ""}).status().code(),
            StatusCode::kFailedPrecondition);
  auto decline = service_->Answer(kOutsider, id, {true, "", ""});
  ASSERT_TRUE(decline.ok());
  EXPECT_EQ(decline->status, FeedbackAnswerStatus::kDeclined);
  auto view = service_->Get(kMember, id);
  ASSERT_TRUE(view.ok());
  EXPECT_EQ(view->answered, 1);
  EXPECT_EQ(view->declined, 1);
  auto inbox = inbox_->List(kMember, "");
  ASSERT_TRUE(inbox.ok());
  ASSERT_EQ(inbox->items.size(), 2u);
  EXPECT_EQ(inbox->items[0].kind, InboxItemKind::kFeedbackAnswer);
}

TEST_F(FeedbackServiceTest, NoAnswerAfterExpiry) {
  FeedbackRequestDraft draft = Draft({"peer"});
  draft.expires_on = Date{kToday + 1};
  auto view = service_->Ask(kMember, draft);
  ASSERT_TRUE(view.ok());
  clock_.Advance(kDay);  // the last day: still open
  EXPECT_FALSE(service_->Get(kMember, view->request.id)->expired);
  clock_.Advance(kDay);
  const int64_t before = Rows();
  EXPECT_EQ(service_->Answer(kPeer, view->request.id, Texts()).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(service_->Answer(kPeer, view->request.id, {true, "", ""}).status().code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(Rows(), before);
  EXPECT_TRUE(service_->Get(kMember, view->request.id)->expired);
}

TEST_F(FeedbackServiceTest, WhoReadsWhat) {
  const std::string id = AskOrDie(kMember, {"peer", "outsider"});
  ASSERT_TRUE(service_->Answer(kPeer, id, Texts()).ok());
  ASSERT_TRUE(service_->Answer(kOutsider, id, {false, "Calm", "Listen"}).ok());
  auto readable = [&](const Principal& who) -> std::vector<std::string> {
    auto view = service_->Get(who, id);
    if (!view.ok()) return {Code(view.status())};
    std::vector<std::string> out;
    for (const FeedbackAnswer& a : view->answers) out.push_back(a.reviewer_id);
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(readable(kMember), (V{"outsider", "peer"}));
  EXPECT_EQ(readable(kPeer), V{"peer"});
  EXPECT_EQ(readable(kOutsider), V{"outsider"});
  for (const Principal& p : {kLead, kLead2, kEngLead, kFirmLeader, kAdmin}) {
    EXPECT_EQ(readable(p), V{"not_found"}) << p.user_id;
  }
  // Shared with lead (member's manager and alpha's leader): lead reads that one.
  const int64_t before = Rows();
  EXPECT_TRUE(
      service_->Share(kMember, id, "peer", "lead2").status().message().starts_with("leader_id:"));
  EXPECT_TRUE(
      service_->Share(kMember, id, "peer", "member").status().message().starts_with("leader_id:"));
  EXPECT_EQ(service_->Share(kPeer, id, "peer", "lead").status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->Share(kLead, id, "peer", "lead").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(service_->Share(kMember, id, "nobody", "lead").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(Rows(), before);
  auto shared = service_->Share(kMember, id, "peer", "lead");
  ASSERT_TRUE(shared.ok()) << shared.status().ToString();
  EXPECT_EQ(shared->shared_with_id, "lead");
  EXPECT_EQ(shared->shared_at, clock_.NowSeconds());
  EXPECT_EQ(readable(kLead), V{"peer"});
  EXPECT_EQ(readable(kOutsider), V{"outsider"});
  for (const Principal& p : {kLead2, kEngLead, kFirmLeader, kAdmin}) {
    EXPECT_EQ(readable(p), V{"not_found"}) << p.user_id;
  }
  EXPECT_TRUE(service_->Share(kMember, id, "peer", "lead").ok());  // again: no change
  EXPECT_EQ(service_->Share(kMember, id, "outsider", "lead").status().code(), StatusCode::kOk);
}

TEST_F(FeedbackServiceTest, PendingAnswersAreNotShared) {
  const std::string id = AskOrDie(kMember, {"peer", "outsider"});
  EXPECT_EQ(service_->Share(kMember, id, "peer", "lead").status().code(),
            StatusCode::kFailedPrecondition);
  ASSERT_TRUE(service_->Answer(kOutsider, id, {true, "", ""}).ok());
  EXPECT_EQ(service_->Share(kMember, id, "outsider", "lead").status().code(),
            StatusCode::kFailedPrecondition);
}

TEST_F(FeedbackServiceTest, ListsMineNewestFirstAndAskedPendingFirst) {
  const std::string first = AskOrDie(kMember, {"peer"});
  clock_.Advance(60);
  const std::string second = AskOrDie(kMember, {"peer", "outsider"});
  clock_.Advance(60);
  const std::string third = AskOrDie(kLead, {"peer"});
  ASSERT_TRUE(service_->Answer(kPeer, second, Texts()).ok());
  auto ids = [](const Result<std::vector<FeedbackRequestView>>& views) {
    std::vector<std::string> out;
    for (const auto& v : *views) out.push_back(v.request.id);
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(ids(service_->List(kMember, FeedbackRole::kMine)), (V{second, first}));
  EXPECT_EQ(ids(service_->List(kPeer, FeedbackRole::kAsked)), (V{third, first, second}));
  EXPECT_EQ(ids(service_->List(kOutsider, FeedbackRole::kAsked)), V{second});
  EXPECT_TRUE(service_->List(kAdmin, FeedbackRole::kAsked)->empty());
  auto operator_view = service_->ListForOperator("peer");
  ASSERT_TRUE(operator_view.ok());
  ASSERT_EQ(operator_view->size(), 3u);
  for (const auto& v : *operator_view) {
    for (const FeedbackAnswer& a : v.answers) EXPECT_EQ(a.most_effective, "");
  }
}

TEST_F(FeedbackServiceTest, SuggestsColleaguesOnTheEngagement) {
  auto rows = service_->Suggest(kMember, Date{kToday - 4}, "e1");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  std::vector<std::pair<std::string, double>> got;
  for (const auto& r : *rows) got.emplace_back(r.person_id, r.shared_hours);
  // outsider 4 h beside member's 6; lead 1 h beside member's 1; peer assigned.
  EXPECT_EQ(got, (std::vector<std::pair<std::string, double>>{
                     {"outsider", 4}, {"lead", 1}, {"peer", 0}}));
  EXPECT_EQ(service_->Suggest(kMember, Date{kToday}, "e9").status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(FeedbackServiceTest, InboxPagesMarksReadAndIsPrivate) {
  for (int i = 0; i < 3; ++i) {
    AskOrDie(kMember, {"peer"});
    clock_.Advance(10);
  }
  InboxService small(world_.store(), *world_.holder(), *writer_, clock_, InboxOptions{2, 10'000});
  auto page = small.List(kPeer, "");
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->unread, 3);
  EXPECT_GT(page->items[0].created_at, page->items[1].created_at);
  auto rest = small.List(kPeer, page->next_cursor);
  ASSERT_TRUE(rest.ok());
  ASSERT_EQ(rest->items.size(), 1u);
  EXPECT_TRUE(rest->next_cursor.empty());
  EXPECT_EQ(small.List(kPeer, "garbage").status().code(), StatusCode::kInvalidArgument);

  const std::string item = page->items[0].id;
  for (const Principal& p : {kMember, kAdmin, kFirmLeader, kLead}) {
    EXPECT_EQ(inbox_->MarkRead(p, item).status().code(), StatusCode::kNotFound) << p.user_id;
  }
  auto read = inbox_->MarkRead(kPeer, item);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->read_at, clock_.NowSeconds());
  EXPECT_EQ(inbox_->List(kPeer, "")->unread, 2);
  EXPECT_EQ(*inbox_->MarkAllRead(kPeer), 2);
  EXPECT_EQ(inbox_->List(kPeer, "")->unread, 0);
  EXPECT_EQ(*inbox_->MarkAllRead(kPeer), 0);
  EXPECT_EQ(inbox_->List(kMember, "")->items.size(), 0u);
}

}  // namespace
}  // namespace guild
