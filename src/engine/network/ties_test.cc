#include "engine/network/ties.h"

#include <gtest/gtest.h>

#include "engine/network/co_staffing.h"
#include "engine/network/conversation_ties.h"

namespace guild::network {
namespace {

Date D(const char* text) { return *ParseDate(text); }

TimeEntry Entry(std::string person, const char* day, double hours, std::string engagement) {
  TimeEntry t;
  t.id = person + day + engagement + std::to_string(hours);
  t.person_id = std::move(person);
  t.date = D(day);
  t.hours = hours;
  t.engagement_id = std::move(engagement);
  return t;
}

Assignment Assign(std::string person, std::string opening, double hours, const char* from,
                  const char* to) {
  Assignment a;
  a.id = person + opening;
  a.person_id = std::move(person);
  a.opening_id = std::move(opening);
  a.hours_per_week = hours;
  a.start = D(from);
  a.end = D(to);
  return a;
}

FirmData SmallFirm() {
  FirmData f;
  for (const char* id : {"p1", "p2", "p3", "p4"}) f.people.push_back({.id = id, .name = id});
  f.engagements.push_back({.id = "e1", .client_id = "c1"});
  f.engagements.push_back({.id = "e2", .client_id = "c1"});
  f.openings.push_back({.id = "o1", .engagement_id = "e1"});
  f.openings.push_back({.id = "o2", .engagement_id = "e1"});
  f.openings.push_back({.id = "o3", .engagement_id = "e2"});
  f.time_entries = {
      Entry("p1", "2025-01-06", 8, "e1"), Entry("p2", "2025-01-06", 5, "e1"),
      Entry("p3", "2025-01-06", 1, "e1"), Entry("p3", "2025-01-06", 1, "e1"),
      Entry("p1", "2025-01-07", 4, "e1"), Entry("p2", "2025-01-07", 6, "e1"),
      Entry("p1", "2025-01-13", 3, "e1"), Entry("p2", "2025-01-13", 3, "e1"),
      Entry("p4", "2025-01-06", 8, "e2"), Entry("p3", "2025-01-07", 8, ""),
  };
  f.assignments = {
      Assign("p3", "o1", 20, "2025-01-10", "2025-01-30"),
      Assign("p4", "o2", 40, "2025-01-20", "2025-02-02"),
      Assign("p1", "o3", 40, "2025-01-01", "2025-03-01"),
  };
  return f;
}

double Weight(const Graph& g, const char* a, const char* b) {
  auto arc = g.FindArc(*g.Find(a), *g.Find(b));
  return arc ? g.arc_weight(*arc) : 0.0;
}

std::vector<std::string> People(const FirmData& f) {
  std::vector<std::string> out;
  for (const Person& p : f.people) out.push_back(p.id);
  return out;
}

TEST(TiesTest, CoStaffingSumsDailyOverlapsAndPlansAfterTheActuals) {
  FirmData firm = SmallFirm();
  CoStaffingTies source(firm, {});
  const TieSource* sources[] = {&source};
  auto set = BuildTieSet(People(firm), sources);
  ASSERT_TRUE(set.ok()) << set.status().message();
  EXPECT_EQ(set->kind_names(), (std::vector<std::string>{"co-staffing"}));
  Graph all = set->Read({});
  EXPECT_EQ(all.node_count(), 4u);
  EXPECT_DOUBLE_EQ(Weight(all, "p1", "p2"), 5 + 4 + 3);
  EXPECT_DOUBLE_EQ(Weight(all, "p1", "p3"), 2);  // p3's two entries make 2 h that day
  EXPECT_DOUBLE_EQ(Weight(all, "p2", "p3"), 2);
  // Plans after 2025-01-13: p3 (20 h) and p4 (40 h) share 11 days.
  EXPECT_NEAR(Weight(all, "p3", "p4"), 20.0 / 7 * 11, 1e-5);
  EXPECT_EQ(Weight(all, "p1", "p4"), 0);  // different engagements
  EXPECT_EQ(all.edge_count(), 4u);
  ASSERT_TRUE(set->Span());
  EXPECT_EQ(set->Span()->from, D("2025-01-06"));
  EXPECT_EQ(set->Span()->to, D("2025-01-30"));
}

TEST(TiesTest, ReadingAPeriodProratesEachTieByItsDaysInside) {
  FirmData firm = SmallFirm();
  CoStaffingTies source(firm, {});
  const TieSource* sources[] = {&source};
  auto set = BuildTieSet(People(firm), sources);
  ASSERT_TRUE(set.ok());
  Graph week2 = set->Read({.period = Period{D("2025-01-13"), D("2025-01-13")}});
  EXPECT_DOUBLE_EQ(Weight(week2, "p1", "p2"), 3);
  EXPECT_EQ(week2.edge_count(), 1u);
  // Week one's tie runs over 01-06 and 01-07: one of its two days inside.
  Graph tuesday = set->Read({.period = Period{D("2025-01-07"), D("2025-01-07")}});
  EXPECT_DOUBLE_EQ(Weight(tuesday, "p1", "p2"), 9.0 / 2);
  Graph late = set->Read({.period = Period{D("2025-01-20"), D("2025-01-24")}});
  EXPECT_NEAR(Weight(late, "p3", "p4"), 20.0 / 7 * 5, 1e-5);
}

TEST(TiesTest, ReadingAmongSomePeopleEqualsTheInducedSubgraph) {
  FirmData firm = SmallFirm();
  CoStaffingTies source(firm, {});
  const TieSource* sources[] = {&source};
  auto set = BuildTieSet(People(firm), sources);
  ASSERT_TRUE(set.ok());
  const std::vector<NodeId> some{*set->Find("p3"), *set->Find("p1"), *set->Find("p4")};
  EXPECT_FALSE(set->Find("nobody"));
  for (const ReadOptions& options :
       {ReadOptions{}, ReadOptions{.period = Period{D("2025-01-20"), D("2025-01-24")}}}) {
    Graph among = set->ReadAmong(some, options);
    Graph induced = InducedSubgraph(set->Read(options), some);
    ASSERT_EQ(among.node_count(), 3u);
    EXPECT_EQ(among.name(0), "p3");
    EXPECT_EQ(among.edge_count(), induced.edge_count());
    for (NodeId v = 0; v < 3; ++v) {
      ASSERT_EQ(among.degree(v), induced.degree(v));
      for (size_t i = 0; i < among.degree(v); ++i) {
        EXPECT_EQ(among.neighbors(v)[i], induced.neighbors(v)[i]);
        EXPECT_DOUBLE_EQ(among.weights(v)[i], induced.weights(v)[i]);
      }
    }
  }
}

TEST(TiesTest, ActualsThroughMovesTheLineBetweenEntriesAndPlans) {
  FirmData firm = SmallFirm();
  CoStaffingTies source(firm, {.actuals_through = D("2025-01-06")});
  const TieSource* sources[] = {&source};
  auto set = BuildTieSet(People(firm), sources);
  ASSERT_TRUE(set.ok());
  Graph g = set->Read({});
  EXPECT_DOUBLE_EQ(Weight(g, "p1", "p2"), 5);  // only 01-06 counts as actuals
  // p3 planned from 01-10, p4 from 01-20: still 11 shared days.
  EXPECT_NEAR(Weight(g, "p3", "p4"), 20.0 / 7 * 11, 1e-5);
}

TEST(TiesTest, ImportedEdgesKeepTheirKindsAndDates) {
  FirmData firm = SmallFirm();
  std::vector<InputProblem> problems;
  auto edges = ParseEdgeList(
      "source\ttarget\tweight\tdate\tkind\np1\tp4\t2\t2025-01-06\tmeeting\np2\tp4\t1\t\t\n",
      "viva.tsv", {}, problems);
  ASSERT_TRUE(edges.ok());
  CoStaffingTies co(firm, {});
  ImportedTies imported(*edges);
  const TieSource* sources[] = {&co, &imported};
  auto set = BuildTieSet(People(firm), sources);
  ASSERT_TRUE(set.ok()) << set.status().message();
  EXPECT_EQ(set->kind_names(), (std::vector<std::string>{"co-staffing", "meeting", "imported"}));
  Graph all = set->Read({});
  EXPECT_DOUBLE_EQ(Weight(all, "p1", "p4"), 2);
  EXPECT_EQ(all.kinds(*all.Find("p1"))[2], 2u);  // p1's arcs: p2, p3, p4 -> "meeting"
  std::vector<std::string> names{"co-staffing"};
  Graph co_only = set->Read({.kinds = set->KindsNamed(names)});
  EXPECT_EQ(Weight(co_only, "p1", "p4"), 0);
  // The undated edge holds in any period.
  Graph later = set->Read({.period = Period{D("2026-01-01"), D("2026-01-31")}});
  EXPECT_DOUBLE_EQ(Weight(later, "p2", "p4"), 1);
  EXPECT_EQ(later.edge_count(), 1u);
}

TEST(TiesTest, ImportedEdgesNamingStrangersAreRefusedWithTheirLine) {
  FirmData firm = SmallFirm();
  std::vector<InputProblem> problems;
  auto edges =
      ParseEdgeList("source\ttarget\tweight\np1\tp2\t1\np1\tghost\t1\n", "viva.tsv", {}, problems);
  ASSERT_TRUE(edges.ok());
  ImportedTies imported(*edges);
  const TieSource* sources[] = {&imported};
  auto set = BuildTieSet(People(firm), sources);
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(set.status().message().find("viva.tsv:3: column 'target': got 'ghost'"),
            std::string::npos)
      << set.status().message();
}

TEST(TiesTest, RepeatedPeopleAreRefused) {
  auto set = BuildTieSet({"a", "a"}, {});
  EXPECT_FALSE(set.ok());
}

int64_t Noon(const char* day) { return int64_t{D(day).days} * 86400 + 43200; }

TEST(TiesTest, QuestionsAndAnsweredFeedbackBecomeWindowedTiesOfTheirKinds) {
  const std::vector<std::string> people = {"p1", "p2", "p3", "p4"};
  std::vector<CheckinQuestion> questions(2);
  questions[0] = {.id = "q1",
                  .asker_id = "p1",
                  .addressee_id = "p2",
                  .asked_at = Noon("2025-01-06"),
                  .answered_at = Noon("2025-01-08")};
  questions[1] = {.id = "q2",
                  .asker_id = "p3",
                  .addressee_id = "p1",
                  .asked_at = Noon("2025-01-07")};  // unanswered: the day asked
  std::vector<FeedbackRequest> requests(1);
  requests[0] = {.id = "r1", .requester_id = "p2", .asked_at = Noon("2025-01-10")};
  std::vector<FeedbackAnswer> answers(4);
  answers[0] = {.request_id = "r1",
                .reviewer_id = "p3",
                .status = FeedbackAnswerStatus::kAnswered,
                .responded_at = Noon("2025-01-12")};
  answers[1] = {.request_id = "r1",
                .reviewer_id = "p4",
                .status = FeedbackAnswerStatus::kDeclined,
                .responded_at = Noon("2025-01-10")};
  answers[2] = {.request_id = "r1", .reviewer_id = "p1", .status = FeedbackAnswerStatus::kPending};
  answers[3] = {.request_id = "unknown",
                .reviewer_id = "p1",
                .status = FeedbackAnswerStatus::kAnswered,
                .responded_at = Noon("2025-01-10")};
  CheckinQuestionTies asked(questions);
  FeedbackTies feedback(requests, answers);
  const TieSource* sources[] = {&asked, &feedback};
  auto set = BuildTieSet(people, sources);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  ASSERT_EQ(set->ties().size(), 4u);  // two questions, answered and declined feedback
  const std::string question_kind(kQuestionKind), feedback_kind(kFeedbackKind);
  const KindSet question = set->KindsNamed(std::span(&question_kind, 1));
  const KindSet feedback_bit = set->KindsNamed(std::span(&feedback_kind, 1));
  ASSERT_NE(question, 0u);
  ASSERT_NE(feedback_bit, 0u);

  Graph all = set->Read({});
  EXPECT_DOUBLE_EQ(Weight(all, "p1", "p2"), kQuestionHours);
  EXPECT_DOUBLE_EQ(Weight(all, "p1", "p3"), kQuestionHours);
  EXPECT_DOUBLE_EQ(Weight(all, "p2", "p3"), kFeedbackHours);
  EXPECT_DOUBLE_EQ(Weight(all, "p2", "p4"), kFeedbackHours);
  EXPECT_FALSE(all.FindArc(*all.Find("p1"), *all.Find("p4")));  // pending and unknown: no tie
  EXPECT_EQ(all.kinds(*all.Find("p4"))[0], feedback_bit);

  // Windows: q1 over 6..8 January counts a third on the 8th; the feedback
  // over 10..12 January is outside the 6th..8th.
  Graph week = set->Read({.period = Period{D("2025-01-08"), D("2025-01-08")}});
  EXPECT_NEAR(Weight(week, "p1", "p2"), kQuestionHours / 3, 1e-6);
  EXPECT_EQ(Weight(week, "p2", "p3"), 0.0);
  EXPECT_EQ(Weight(week, "p1", "p3"), 0.0);

  // Private kinds count only for a viewer who is one of the two people.
  const KindSet both = question | feedback_bit;
  Graph nobody = set->Read({.private_kinds = both});
  EXPECT_EQ(nobody.edge_count(), 0u);
  Graph p3 = set->Read({.private_kinds = both, .viewer = set->Find("p3")});
  EXPECT_EQ(p3.edge_count(), 2u);  // p3's question to p1 and p3's feedback to p2
  EXPECT_GT(Weight(p3, "p1", "p3"), 0.0);
  EXPECT_GT(Weight(p3, "p2", "p3"), 0.0);
  EXPECT_EQ(Weight(p3, "p1", "p2"), 0.0);
  EXPECT_EQ(Weight(p3, "p2", "p4"), 0.0);
  const NodeId among[] = {*set->Find("p1"), *set->Find("p2"), *set->Find("p4")};
  Graph p4_among = set->ReadAmong(among, {.private_kinds = both, .viewer = set->Find("p4")});
  EXPECT_EQ(p4_among.edge_count(), 1u);  // p2 and p4 only
  EXPECT_GT(Weight(p4_among, "p2", "p4"), 0.0);
  Graph questions_public = set->Read({.private_kinds = feedback_bit});
  EXPECT_EQ(questions_public.edge_count(), 2u);
}

TEST(TiesTest, DayOfTimestampFloorsToTheUtcDay) {
  EXPECT_EQ(DayOfTimestamp(0).days, 0);
  EXPECT_EQ(DayOfTimestamp(86399).days, 0);
  EXPECT_EQ(DayOfTimestamp(86400).days, 1);
  EXPECT_EQ(DayOfTimestamp(-1).days, -1);
}

}  // namespace
}  // namespace guild::network
