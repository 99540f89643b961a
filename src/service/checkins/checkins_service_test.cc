#include "service/checkins/checkins_service.h"

#include <gtest/gtest.h>

#include "domain/validate.h"
#include "service/testing/test_firm.h"

namespace guild {
namespace {

using checkins::MemberStatus;
using service::testing::SnapshotWorld;

const Principal kAdmin{"u-admin", UserRole::kAdministrator, "admin"};
const Principal kFirmLeader{"u-fl", UserRole::kFirmLeader, "firmlead"};
const Principal kLead{"u-lead", UserRole::kMember, "lead"};
const Principal kLead2{"u-lead2", UserRole::kMember, "lead2"};
const Principal kMember{"u-member", UserRole::kMember, "member"};
const Principal kPeer{"u-peer", UserRole::kMember, "peer"};
const Principal kOutsider{"u-out", UserRole::kMember, "outsider"};

constexpr int64_t kDay = 86400;

Date D(const char* text) { return *ParseDate(text); }
int64_t At(const char* day, int hour = 10) { return int64_t{D(day).days} * kDay + hour * 3600; }

// TestFirm (alpha: lead leads, member and peer check in weekly; beta:
// lead2 leads, outsider) plus team "quiet" without check-ins, on which
// member is too. Today: Wednesday 2026-12-09, cycle 12-07..12-13.
FirmData CheckinsFirm() {
  FirmData firm = service::testing::TestFirm();
  Team quiet{"quiet", "Quiet", "No check-ins", "lead", "", false, {{"member", "member"}}};
  quiet.checkin_cadence_days = 0;
  firm.teams.push_back(quiet);
  return firm;
}

class CheckinsServiceTest : public ::testing::Test {
 protected:
  void SetUp() override { Open(CheckinsFirm()); }

  void Open(FirmData firm) {
    service_.reset();
    writer_.reset();
    world_ = std::make_unique<SnapshotWorld>(std::move(firm));
    ASSERT_TRUE(world_->Open("guild-checkins").ok());
    writer_ = std::make_unique<FirmWriter>(world_->store(), world_->holder(), clock_);
    service_ =
        std::make_unique<CheckinsService>(world_->store(), *world_->holder(), *writer_, clock_);
  }

  int64_t Count(EntityKind kind) { return *world_->store().Count(kind); }
  int64_t Written() {
    return Count(EntityKind::kCheckins) + Count(EntityKind::kCheckinBlockers) +
           Count(EntityKind::kCheckinQuestions) + Count(EntityKind::kInboxItems);
  }

  CheckinDraft Submit(std::string change) {
    CheckinDraft d;
    d.client_change = std::move(change);
    d.submit = true;
    return d;
  }

  void SetClock(int64_t seconds) { clock_.Advance(seconds - clock_.NowSeconds()); }

  static std::string FieldOf(const Status& s) {
    return s.message().substr(0, s.message().find(':'));
  }

  FakeClock clock_{At("2026-12-09")};
  std::unique_ptr<SnapshotWorld> world_;
  std::unique_ptr<FirmWriter> writer_;
  std::unique_ptr<CheckinsService> service_;
};

TEST_F(CheckinsServiceTest, ADraftIsTheAuthorsAndASubmittedCheckinTheLeadersToo) {
  CheckinDraft draft;
  draft.client_change = "The CFO left";
  auto saved = service_->Save(kMember, "alpha", draft);
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  EXPECT_EQ(saved->cycle_start, D("2026-12-07"));
  EXPECT_FALSE(saved->submitted_at);
  ASSERT_TRUE(service_->GetCheckin(kMember, saved->id).ok());
  for (const Principal& p : {kLead, kPeer, kOutsider, kAdmin, kFirmLeader}) {
    EXPECT_EQ(service_->GetCheckin(p, saved->id).status().code(), StatusCode::kNotFound)
        << p.person_id;
  }
  auto team = service_->GetTeam(kLead, "alpha", std::nullopt);
  ASSERT_TRUE(team.ok()) << team.status().ToString();
  ASSERT_EQ(team->members.size(), 2u);  // member and peer; the leader does not check in
  EXPECT_EQ(team->members[0].status, MemberStatus::kDraft);
  EXPECT_FALSE(team->members[0].checkin);  // the draft's content stays the author's
  EXPECT_EQ(team->members[1].status, MemberStatus::kDue);

  auto submitted = service_->Save(kMember, "alpha", Submit("The CFO left; new one starts Monday"));
  ASSERT_TRUE(submitted.ok()) << submitted.status().ToString();
  EXPECT_EQ(submitted->id, saved->id);
  EXPECT_TRUE(submitted->submitted_at);
  EXPECT_TRUE(service_->GetCheckin(kLead, saved->id).ok());
  for (const Principal& p : {kPeer, kOutsider, kAdmin, kFirmLeader, kLead2}) {
    EXPECT_EQ(service_->GetCheckin(p, saved->id).status().code(), StatusCode::kNotFound)
        << p.person_id;
  }
  team = service_->GetTeam(kLead, "alpha", std::nullopt);
  ASSERT_TRUE(team.ok());
  EXPECT_EQ(team->members[0].status, MemberStatus::kSubmitted);
  ASSERT_TRUE(team->members[0].checkin);
  EXPECT_EQ(team->members[0].checkin->client_change, "The CFO left; new one starts Monday");
  // The team view is its leaders' only.
  for (const Principal& p : {kMember, kPeer, kAdmin, kFirmLeader, kLead2}) {
    EXPECT_EQ(service_->GetTeam(p, "alpha", std::nullopt).status().code(), StatusCode::kNotFound)
        << p.person_id;
  }
}

TEST_F(CheckinsServiceTest, BadInputNamesTheFieldAndWritesNothing) {
  struct Case {
    const char* name;
    Principal actor;
    std::string team;
    CheckinDraft draft;
    StatusCode code;
    std::string field;
  };
  auto with = [&](auto change) {
    CheckinDraft d = Submit("Fine");
    change(d);
    return d;
  };
  const std::vector<Case> cases = {
      {"empty client_change on submit", kMember, "alpha", Submit("  "),
       StatusCode::kInvalidArgument, "client_change"},
      {"oversized note", kMember, "alpha",
       with([](CheckinDraft& d) { d.note = std::string(kMaxCheckinTextBytes + 1, 'x'); }),
       StatusCode::kInvalidArgument, "note"},
      {"empty blocker", kMember, "alpha", with([](CheckinDraft& d) {
         d.blockers = {"ok", ""};
       }),
       StatusCode::kInvalidArgument, "blockers[1].text"},
      {"question to oneself", kMember, "alpha", with([](CheckinDraft& d) {
         d.question_addressee_id = "member";
         d.question_text = "Me?";
       }),
       StatusCode::kInvalidArgument, "question.addressee_id"},
      {"question outside the team", kMember, "alpha", with([](CheckinDraft& d) {
         d.question_addressee_id = "outsider";
         d.question_text = "You?";
       }),
       StatusCode::kInvalidArgument, "question.addressee_id"},
      {"empty question", kMember, "alpha", with([](CheckinDraft& d) {
         d.question_addressee_id = "lead";
         d.question_text = "";
       }),
       StatusCode::kInvalidArgument, "question.text"},
      {"check-in for another person", kMember, "alpha",
       with([](CheckinDraft& d) { d.person_id = "peer"; }), StatusCode::kInvalidArgument,
       "person_id"},
      {"team without check-ins", kMember, "quiet", Submit("Fine"), StatusCode::kInvalidArgument,
       "team"},
      {"the leader checks in", kLead, "alpha", Submit("Fine"), StatusCode::kInvalidArgument,
       "team"},
      {"a team one is not on", kMember, "beta", Submit("Fine"), StatusCode::kNotFound, ""},
      {"resolving someone else's blocker", kMember, "alpha",
       with([](CheckinDraft& d) { d.resolve_blockers = {"bl-nope"}; }),
       StatusCode::kInvalidArgument, "resolve_blockers[0]"},
      {"a future cycle", kMember, "alpha", with([](CheckinDraft& d) { d.cycle = D("2026-12-14"); }),
       StatusCode::kInvalidArgument, "cycle"},
  };
  for (const Case& c : cases) {
    auto result = service_->Save(c.actor, c.team, c.draft);
    ASSERT_FALSE(result.ok()) << c.name;
    EXPECT_EQ(result.status().code(), c.code) << c.name << ": " << result.status().ToString();
    if (!c.field.empty()) {
      EXPECT_EQ(FieldOf(result.status()), c.field) << c.name;
    }
    EXPECT_EQ(Written(), 0) << c.name;
  }
}

TEST_F(CheckinsServiceTest, ARoutedQuestionReachesTheAddresseeAndItsAnswerTheAsker) {
  CheckinDraft d = Submit("Scope grew");
  d.blockers = {"No access to the ledger"};
  d.question_addressee_id = "peer";
  d.question_text = "Who owns the VAT memo?";
  auto saved = service_->Save(kMember, "alpha", d);
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  EXPECT_EQ(Count(EntityKind::kCheckinBlockers), 1);
  EXPECT_EQ(Count(EntityKind::kInboxItems), 1);  // the question, in peer's inbox
  auto to_peer = service_->GetQuestions(kPeer, QuestionSide::kToMe);
  ASSERT_TRUE(to_peer.ok());
  ASSERT_EQ(to_peer->size(), 1u);
  const std::string id = (*to_peer)[0].id;
  auto from_member = service_->GetQuestions(kMember, QuestionSide::kFromMe);
  ASSERT_EQ(from_member->size(), 1u);
  EXPECT_TRUE(service_->GetQuestions(kOutsider, QuestionSide::kToMe)->empty());
  // A second question in the same check-in is refused.
  CheckinDraft again;
  again.question_addressee_id = "lead";
  again.question_text = "And?";
  EXPECT_EQ(FieldOf(service_->Save(kMember, "alpha", again).status()), "question");

  // The leader may read the question (the check-in view) but not answer it.
  auto detail = service_->GetCheckin(kLead, saved->id);
  ASSERT_TRUE(detail.ok());
  EXPECT_EQ(detail->questions.size(), 1u);
  EXPECT_EQ(detail->blockers.size(), 1u);
  EXPECT_EQ(service_->Answer(kLead, id, "Me").status().code(), StatusCode::kPermissionDenied);
  for (const Principal& p : {kOutsider, kAdmin, kFirmLeader}) {
    EXPECT_EQ(service_->Answer(p, id, "Me").status().code(), StatusCode::kNotFound);
  }
  EXPECT_EQ(FieldOf(service_->Answer(kPeer, id, " ").status()), "answer");
  clock_.Advance(3 * 3600);
  auto answered = service_->Answer(kPeer, id, "Priya does");
  ASSERT_TRUE(answered.ok()) << answered.status().ToString();
  EXPECT_EQ(*answered->answered_at - answered->asked_at, 3 * 3600);
  EXPECT_EQ(Count(EntityKind::kInboxItems), 2);  // and the answer, in member's inbox
  EXPECT_EQ(service_->Answer(kPeer, id, "Again").status().code(), StatusCode::kFailedPrecondition);
}

TEST_F(CheckinsServiceTest, NextCycleIsPrefilledAndCarriesOpenBlockers) {
  CheckinDraft d = Submit("Kick-off done");
  d.note = "Good week";
  d.blockers = {"Waiting on data", "No room booked"};
  ASSERT_TRUE(service_->Save(kMember, "alpha", d).ok());
  clock_.Advance(7 * kDay);  // 2026-12-16, next cycle
  auto mine = service_->GetMine(kMember);
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  ASSERT_EQ(mine->teams.size(), 1u);  // alpha; quiet runs none
  const MyTeamCheckin& alpha = mine->teams[0];
  EXPECT_EQ(alpha.cycle.start, D("2026-12-14"));
  EXPECT_EQ(alpha.status, MemberStatus::kDue);
  EXPECT_FALSE(alpha.current);
  ASSERT_TRUE(alpha.prefill);
  EXPECT_EQ(alpha.prefill->client_change, "Kick-off done");
  ASSERT_EQ(alpha.open_blockers.size(), 2u);
  CheckinDraft next;
  next.resolve_blockers = {alpha.open_blockers[0].id};
  ASSERT_TRUE(service_->Save(kMember, "alpha", next).ok());  // resolving in a draft
  mine = service_->GetMine(kMember);
  EXPECT_EQ(mine->teams[0].open_blockers.size(), 1u);
  EXPECT_EQ(mine->teams[0].status, MemberStatus::kDraft);
  // Last cycle's submitted check-in is not edited any more.
  CheckinDraft late = Submit("Edit");
  late.cycle = D("2026-12-08");
  EXPECT_EQ(FieldOf(service_->Save(kMember, "alpha", late).status()), "cycle");
  // peer never checked in last cycle: a late submission is accepted.
  CheckinDraft peer_late = Submit("Late but here");
  peer_late.cycle = D("2026-12-08");
  auto accepted = service_->Save(kPeer, "alpha", peer_late);
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(accepted->cycle_start, D("2026-12-07"));
}

TEST_F(CheckinsServiceTest, OverdueExcludesTimeOffAndJoinersAndNudgesOnce) {
  FirmData firm = CheckinsFirm();
  // peer takes 20 of 40 hours off in the week of 2026-11-30: excluded then.
  firm.time_entries = {{"t1", "peer", D("2026-12-01"), 8, TimeCategory::kTimeOff, ""},
                       {"t2", "peer", D("2026-12-02"), 8, TimeCategory::kTimeOff, ""},
                       {"t3", "peer", D("2026-12-03"), 4, TimeCategory::kTimeOff, ""},
                       {"t4", "member", D("2026-12-01"), 8, TimeCategory::kBillable, "e1"}};
  // outsider joins beta on 2026-12-08: this cycle is their first, excluded.
  firm.people.mut()[6].start_date = D("2026-12-08");
  Open(std::move(firm));
  auto past = service_->GetTeam(kLead, "alpha", D("2026-12-01"));
  ASSERT_TRUE(past.ok()) << past.status().ToString();
  EXPECT_EQ(past->members[0].status, MemberStatus::kOverdue);   // member
  EXPECT_EQ(past->members[1].status, MemberStatus::kExcluded);  // peer
  EXPECT_EQ(past->members[1].exclusion, checkins::Exclusion::kTimeOff);
  auto beta = service_->GetTeam(kLead2, "beta", std::nullopt);
  ASSERT_TRUE(beta.ok());
  EXPECT_EQ(beta->members[0].exclusion, checkins::Exclusion::kJoined);

  auto overdue = service_->GetOverdue(kLead, std::nullopt);
  ASSERT_TRUE(overdue.ok());
  ASSERT_EQ(overdue->teams.size(), 1u);             // alpha; quiet runs no check-ins
  EXPECT_EQ(overdue->teams[0].members.size(), 2u);  // both due this cycle
  EXPECT_TRUE(service_->GetOverdue(kMember, std::nullopt)->teams.empty());
  // Named teams: statuses also for firm leaders and administrators.
  for (const Principal& p : {kAdmin, kFirmLeader, kLead}) {
    auto named = service_->GetOverdueOf(p, {"alpha"}, std::nullopt);
    ASSERT_TRUE(named.ok()) << p.person_id;
    EXPECT_EQ(named->teams[0].members.size(), 2u);
  }
  for (const Principal& p : {kMember, kLead2}) {
    EXPECT_EQ(service_->GetOverdueOf(p, {"alpha"}, std::nullopt).status().code(),
              StatusCode::kNotFound);
  }

  ASSERT_TRUE(service_->Save(kPeer, "alpha", Submit("Done")).ok());
  auto nudged = service_->Nudge(kLead, "alpha");
  ASSERT_TRUE(nudged.ok()) << nudged.status().ToString();
  EXPECT_EQ(*nudged, 1);  // member only
  EXPECT_EQ(*service_->Nudge(kLead, "alpha"), 0);
  EXPECT_EQ(Count(EntityKind::kInboxItems), 1);
  EXPECT_EQ(service_->Nudge(kMember, "alpha").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(service_->Nudge(kAdmin, "alpha").status().code(), StatusCode::kNotFound);
  clock_.Advance(7 * kDay);  // a new cycle: a new nudge
  EXPECT_EQ(*service_->Nudge(kLead, "alpha"), 2);
}

TEST_F(CheckinsServiceTest, LingeringBlockersAndTrends) {
  SetClock(At("2026-11-11"));  // cycle of 11-09
  CheckinDraft d = Submit("Started");
  d.blockers = {"Old blocker"};
  d.question_addressee_id = "lead";
  d.question_text = "Budget?";
  ASSERT_TRUE(service_->Save(kMember, "alpha", d).ok());
  auto q = service_->GetQuestions(kLead, QuestionSide::kToMe);
  ASSERT_EQ(q->size(), 1u);
  SetClock(At("2026-11-12", 12));  // answered 26 hours later
  ASSERT_TRUE(service_->Answer(kLead, (*q)[0].id, "10k").ok());
  SetClock(At("2026-12-09"));  // four cycles later
  auto team = service_->GetTeam(kLead, "alpha", std::nullopt);
  ASSERT_TRUE(team.ok());
  ASSERT_EQ(team->lingering_blockers.size(), 1u);
  EXPECT_EQ(team->lingering_blockers[0].cycles_open, 4);
  EXPECT_TRUE(team->open_questions.empty());
  auto trends = service_->GetTrends(kLead, "alpha", 5);
  ASSERT_TRUE(trends.ok()) << trends.status().ToString();
  ASSERT_EQ(trends->cycles.size(), 5u);
  const checkins::CycleTrend& first = trends->cycles[0];
  EXPECT_EQ(first.cycle_start, D("2026-11-09"));
  EXPECT_EQ(first.expected, 2);
  EXPECT_EQ(first.submitted, 1);
  EXPECT_DOUBLE_EQ(*first.completion, 0.5);
  EXPECT_DOUBLE_EQ(*first.median_hours_to_answer, 26.0);
  EXPECT_EQ(first.blockers_opened, 1);
  EXPECT_EQ(trends->cycles[4].submitted, 0);
  EXPECT_EQ(FieldOf(service_->GetTrends(kLead, "alpha", 0).status()), "cycles");
  EXPECT_EQ(service_->GetTrends(kMember, "alpha", 5).status().code(), StatusCode::kNotFound);
}

TEST_F(CheckinsServiceTest, ExportIsTheOperatorsAndLeavesDraftsOut) {
  ASSERT_TRUE(service_->Save(kMember, "alpha", Submit("Shipped")).ok());
  CheckinDraft draft;
  draft.client_change = "Private draft";
  ASSERT_TRUE(service_->Save(kPeer, "alpha", draft).ok());
  auto all = service_->Export(kAdmin, "", D("2026-01-01"));
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  ASSERT_EQ(all->checkins.size(), 1u);
  EXPECT_EQ(all->checkins[0].person_id, "member");
  for (const Principal& p : {kLead, kFirmLeader, kMember}) {
    EXPECT_EQ(service_->Export(p, "", D("2026-01-01")).status().code(),
              StatusCode::kPermissionDenied);
  }
  EXPECT_EQ(FieldOf(service_->Export(kAdmin, "nope", D("2026-01-01")).status()), "team");
}

TEST_F(CheckinsServiceTest, LeadersAndAdministratorsSetTheCadence) {
  const auto cadence = [&](std::string_view team) {
    const FirmSnapshot& s = *world_->holder()->Current();
    return s.data().teams[*s.TeamIndex(team)].checkin_cadence_days;
  };
  // Who may: alpha's leader and an administrator; who may read alpha but
  // not set it is refused, who may not read it is told it does not exist.
  for (const Principal& p : {kMember, kPeer, kFirmLeader}) {
    EXPECT_EQ(service_->SetCadence(p, "alpha", 14).status().code(), StatusCode::kPermissionDenied)
        << p.person_id;
  }
  for (const Principal& p : {kOutsider, kLead2}) {
    EXPECT_EQ(service_->SetCadence(p, "alpha", 14).status().code(), StatusCode::kNotFound)
        << p.person_id;
  }
  EXPECT_EQ(service_->SetCadence(kAdmin, "nope", 7).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(cadence("alpha"), 7);
  // Out of range: the field is named and nothing is written.
  for (int bad : {-1, 92, 1000}) {
    auto refused = service_->SetCadence(kLead, "alpha", bad);
    EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument) << bad;
    EXPECT_EQ(FieldOf(refused.status()), "days") << bad;
  }
  EXPECT_EQ(cadence("alpha"), 7);

  auto fortnightly = service_->SetCadence(kLead, "alpha", 14);
  ASSERT_TRUE(fortnightly.ok()) << fortnightly.status().ToString();
  EXPECT_EQ(*fortnightly, 14);
  EXPECT_EQ(cadence("alpha"), 14);
  // The cycle follows: fortnights counted from Monday 2001-01-01.
  auto team = service_->GetTeam(kLead, "alpha", std::nullopt);
  ASSERT_TRUE(team.ok()) << team.status().ToString();
  EXPECT_EQ(team->cycle.due.days - team->cycle.start.days, 13);

  // Off: the team runs no check-ins any more; an administrator turns them on again.
  ASSERT_TRUE(service_->SetCadence(kLead, "alpha", 0).ok());
  EXPECT_EQ(FieldOf(service_->GetTeam(kLead, "alpha", std::nullopt).status()), "team");
  EXPECT_EQ(service_->Save(kMember, "alpha", Submit("x")).status().code(),
            StatusCode::kInvalidArgument);
  ASSERT_TRUE(service_->SetCadence(kAdmin, "quiet", 3).ok());
  EXPECT_EQ(cadence("quiet"), 3);
  auto mine = service_->GetMine(kMember);
  ASSERT_TRUE(mine.ok());
  ASSERT_EQ(mine->teams.size(), 1u);  // quiet now, alpha no longer
  EXPECT_EQ(mine->snapshot->data().teams[mine->teams[0].team].id, "quiet");
  EXPECT_EQ(mine->teams[0].cycle.due.days - mine->teams[0].cycle.start.days, 2);
  // The rest of the team is kept.
  const FirmSnapshot& s = *world_->holder()->Current();
  const Team& quiet = s.data().teams[*s.TeamIndex("quiet")];
  EXPECT_EQ(quiet.purpose, "No check-ins");
  ASSERT_EQ(quiet.members.size(), 1u);
}

}  // namespace
// The per-snapshot indexes (reporting tree, time off, team order) are built
// once and kept while people, teams and time entries keep their storage: a
// check-in moves the snapshot's version but builds nothing; a person write
// builds them again, and the answer follows it.
TEST_F(CheckinsServiceTest, IndexesAreKeptAcrossCheckinWritesAndRebuiltAfterAPersonWrite) {
  ASSERT_EQ(service_->GetOverdue(kLead, std::nullopt)->teams[0].members.size(), 2u);
  EXPECT_EQ(service_->IndexBuildsForTesting(), 1);
  const int64_t before = world_->holder()->Current()->version();
  ASSERT_TRUE(service_->Save(kMember, "alpha", Submit("Quiet week")).ok());
  ASSERT_TRUE(service_->Nudge(kLead, "alpha").ok());
  EXPECT_GT(world_->holder()->Current()->version(), before);
  auto overdue = service_->GetOverdue(kLead, std::nullopt);
  ASSERT_TRUE(overdue.ok()) << overdue.status().ToString();
  ASSERT_EQ(overdue->teams[0].members.size(), 1u);  // peer; member submitted
  ASSERT_TRUE(service_->GetTeam(kLead, "alpha", std::nullopt).ok());
  ASSERT_TRUE(service_->GetMine(kPeer).ok());
  EXPECT_EQ(service_->IndexBuildsForTesting(), 1);

  // peer leaves before this cycle's due day: excluded, so nobody is overdue.
  const auto snapshot = world_->holder()->Current();
  Person peer = snapshot->data().people[*snapshot->PersonIndex("peer")];
  peer.end_date = D("2026-12-10");
  FirmChange change;
  change.upserts.people.push_back(peer);
  ASSERT_TRUE(writer_->Commit(WriteRequest{std::move(change), std::nullopt, ""}).ok());
  overdue = service_->GetOverdue(kLead, std::nullopt);
  ASSERT_TRUE(overdue.ok()) << overdue.status().ToString();
  EXPECT_TRUE(overdue->teams[0].members.empty());
  EXPECT_EQ(service_->IndexBuildsForTesting(), 2);
}

// The overdue views take a team's members from the per-snapshot indexes: a
// team write that drops a member rebuilds them, and the answer follows it.
TEST_F(CheckinsServiceTest, OverdueFollowsATeamWriteThatDropsAMember) {
  auto overdue = service_->GetOverdue(kLead, std::nullopt);
  ASSERT_TRUE(overdue.ok()) << overdue.status().ToString();
  ASSERT_EQ(overdue->teams[0].members.size(), 2u);  // member and peer
  EXPECT_EQ(service_->IndexBuildsForTesting(), 1);
  const auto snapshot = world_->holder()->Current();
  Team alpha = snapshot->data().teams[*snapshot->TeamIndex("alpha")];
  std::erase_if(alpha.members, [](const TeamMember& m) { return m.person_id == "peer"; });
  FirmChange change;
  change.upserts.teams.push_back(alpha);
  ASSERT_TRUE(writer_->Commit(WriteRequest{std::move(change), std::nullopt, ""}).ok());
  overdue = service_->GetOverdue(kLead, std::nullopt);
  ASSERT_TRUE(overdue.ok()) << overdue.status().ToString();
  ASSERT_EQ(overdue->teams.size(), 1u);
  ASSERT_EQ(overdue->teams[0].members.size(), 1u);
  const auto after = world_->holder()->Current();
  EXPECT_EQ(after->data().people[overdue->teams[0].members[0].person].id, "member");
  EXPECT_EQ(service_->IndexBuildsForTesting(), 2);
}

// The team view, a member's own check-ins and saving one take the team's
// members from the same per-snapshot indexes as the overdue views: kept
// across check-in writes, rebuilt after a team or a person write, and the
// answers follow those writes.
TEST_F(CheckinsServiceTest, TeamViewAndMineUseTheIndexesKeptAcrossCheckinWrites) {
  auto team = service_->GetTeam(kLead, "alpha", std::nullopt);
  ASSERT_TRUE(team.ok()) << team.status().ToString();
  ASSERT_EQ(team->members.size(), 2u);  // member and peer
  // The position of alpha in a member's check-ins, or -1.
  const auto alpha_of = [](const MyCheckins& mine) {
    for (size_t i = 0; i < mine.teams.size(); ++i) {
      if (mine.snapshot->data().teams[mine.teams[i].team].id == "alpha") return int(i);
    }
    return -1;
  };
  auto mine = service_->GetMine(kPeer);
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  ASSERT_GE(alpha_of(*mine), 0);
  EXPECT_EQ(service_->IndexBuildsForTesting(), 1);
  ASSERT_TRUE(service_->Save(kMember, "alpha", Submit("Quiet week")).ok());
  ASSERT_TRUE(service_->Save(kPeer, "alpha", CheckinDraft{.note = "draft"}).ok());
  team = service_->GetTeam(kLead, "alpha", std::nullopt);
  ASSERT_TRUE(team.ok()) << team.status().ToString();
  EXPECT_EQ(team->members[0].status, MemberStatus::kSubmitted);
  EXPECT_EQ(team->members[1].status, MemberStatus::kDraft);
  mine = service_->GetMine(kMember);  // not "quiet", which runs no check-ins
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  ASSERT_GE(alpha_of(*mine), 0);
  EXPECT_EQ(mine->teams[alpha_of(*mine)].status, MemberStatus::kSubmitted);
  for (const MyTeamCheckin& t : mine->teams) {
    EXPECT_NE(mine->snapshot->data().teams[t.team].id, "quiet");
  }
  ASSERT_TRUE(service_->GetTrends(kLead, "alpha", 2).ok());
  EXPECT_EQ(service_->IndexBuildsForTesting(), 1);

  // A team write drops peer: the view, peer's check-ins and peer's saves follow.
  auto snapshot = world_->holder()->Current();
  Team alpha = snapshot->data().teams[*snapshot->TeamIndex("alpha")];
  std::erase_if(alpha.members, [](const TeamMember& m) { return m.person_id == "peer"; });
  FirmChange drop;
  drop.upserts.teams.push_back(alpha);
  ASSERT_TRUE(writer_->Commit(WriteRequest{std::move(drop), std::nullopt, ""}).ok());
  team = service_->GetTeam(kLead, "alpha", std::nullopt);
  ASSERT_TRUE(team.ok()) << team.status().ToString();
  ASSERT_EQ(team->members.size(), 1u);
  EXPECT_EQ(team->snapshot->data().people[team->members[0].person].id, "member");
  mine = service_->GetMine(kPeer);
  ASSERT_TRUE(mine.ok()) << mine.status().ToString();
  EXPECT_EQ(alpha_of(*mine), -1);
  // (no longer on it, peer may not read the team at all)
  EXPECT_EQ(service_->Save(kPeer, "alpha", Submit("Still here?")).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(service_->IndexBuildsForTesting(), 2);

  // A person write: member joins after today's cycle started, so is excluded.
  snapshot = world_->holder()->Current();
  Person member = snapshot->data().people[*snapshot->PersonIndex("member")];
  member.start_date = D("2026-12-08");
  FirmChange joined;
  joined.upserts.people.push_back(member);
  ASSERT_TRUE(writer_->Commit(WriteRequest{std::move(joined), std::nullopt, ""}).ok());
  team = service_->GetTeam(kLead, "alpha", D("2026-12-01"));  // the cycle before
  ASSERT_TRUE(team.ok()) << team.status().ToString();
  ASSERT_EQ(team->members.size(), 1u);
  EXPECT_EQ(team->members[0].exclusion, checkins::Exclusion::kJoined);
  EXPECT_EQ(service_->IndexBuildsForTesting(), 3);
}

}  // namespace guild
