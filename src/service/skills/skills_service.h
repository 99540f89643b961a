// SkillsService: skills insights for the API — type-ahead, people search,
// growth (mentors, mentees, peers, role models, advisory circle), gaps to a
// role, team coverage, the skills market, remedies and the mentoring round —
// answered from a skills::SkillIndex over the current firm snapshot.
//
// The index: a PerSnapshot state (service/snapshot/per_snapshot.h), built
// from the snapshot's FirmData the first time it is needed and again whenever
// the snapshot's version changes; while a newer index builds, other requests
// keep getting the previous one. A build that fails (data the engine rejects)
// is remembered for that version and reported as kFailedPrecondition until
// the data changes. "Today" comes from the injected Clock.
//
// Access (decided here through the Authorizer, never by the API handlers):
//  - every signed-in user: Suggest, Search, Roles, Market, and Growth,
//    Gaps and GapActionsOf for themselves. The market is aggregate; for viewers who are not
//    firm-wide (Authorizer::CanReadFirmWide) it is redacted: skills held by
//    fewer than kMinMarketHolders people are left out (their supply hours
//    would be one or two people's free time) and key-person risks carry a
//    holder count but no names;
//  - Growth, Gaps and GapActionsOf of another person:
//    Authorizer::CanReadPersonDetail;
//  - Coverage of a team: Authorizer::CanReadTeam;
//  - Remedies and MentoringRound: Authorizer::CanReadFirmWide (firm leaders,
//    administrators).
// Free hours are a private detail: Search reports a hit's free hours only when
// the viewer may read that person's detail, and only firm-wide viewers may
// filter or rank by free hours (min_free_hours > 0 is kPermissionDenied for
// others; their window is used for display only). Explanations ("why") of
// mentors and mentees mention free hours under the same rule.
//
// Results hold the SkillsState they were computed from (shared_ptr), so the
// PersonRef/SkillRef values they carry stay valid for as long as they live.
//
// Errors: kNotFound for an unknown person, role, team or engagement (the
// message names the parameter); kInvalidArgument for a bad parameter (named);
// kPermissionDenied as above; kUnavailable before the snapshot is loaded.
//
// Thread safety: all methods may be called from several threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "common/date.h"
#include "engine/skills/gaps.h"
#include "engine/skills/market.h"
#include "engine/skills/mentoring.h"
#include "engine/skills/search.h"
#include "engine/skills/skill_index.h"
#include "engine/skills/spelling.h"
#include "service/access/authorizer.h"
#include "service/snapshot/per_snapshot.h"
#include "service/snapshot/snapshot_holder.h"

namespace guild {

struct SkillsOptions {
  //! Grades most senior first, for the advisory circle (case-insensitive).
  std::vector<std::string> ladder{std::begin(kDefaultGrades), std::end(kDefaultGrades)};
  //! Length of the default availability window (search, remedies), in days.
  int window_days = 28;
};

//! One index and the snapshot it was built from. Immutable once built.
struct SkillsState {
  std::shared_ptr<const FirmSnapshot> snapshot;
  skills::SkillIndex index;
  //! Positions in snapshot->data().skill_history, by (person id, date, skill id).
  std::vector<uint32_t> history;
  //! Positions in snapshot->data().roles, by (name, id).
  std::vector<uint32_t> roles_by_name;
  //! skills::FoldSpelling of each role's name, by position in data().roles.
  std::vector<std::string> role_keys;

  //! The skill history rows of one person, oldest first.
  [[nodiscard]] std::span<const uint32_t> HistoryOf(std::string_view person_id) const;
  //! The role with this id; nullptr when absent.
  [[nodiscard]] const Role* FindRole(std::string_view id) const;
};
using SkillsStateRef = std::shared_ptr<const SkillsState>;

//! A skill name or id nobody knows, with close names ("did you mean").
struct UnknownSkill {
  std::string parameter;  //!< the query parameter that named it, e.g. "need"
  std::string text;
  std::vector<std::string> suggestions;  //!< best first; may be empty
};

struct Suggestions {
  SkillsStateRef state;
  std::vector<skills::Completion> skills;
  std::vector<skills::Completion> people;
};

struct SkillSearch {
  SkillsStateRef state;
  skills::SearchResponse response;
  //! Per hit: free hours in the window, when there is a window and the viewer
  //! may read that person's detail.
  std::vector<std::optional<double>> free_hours;
  //! Per hit: the explanation lines (free hours only when visible).
  std::vector<std::vector<std::string>> why;
};

//! A mentoring pair as seen by one viewer.
struct PairView {
  skills::MentorPair pair;
  std::string why;
};

struct PeerView {
  skills::Peer peer;
  std::string why;
};

struct RoleModelView {
  skills::RoleModel model;
  std::string why;
};

struct Growth {
  SkillsStateRef state;
  skills::PersonRef person = skills::kNone;
  std::vector<PairView> mentors;  //!< the person is the mentee
  std::vector<PairView> mentees;  //!< the person is the mentor
  std::vector<PeerView> peers;
  std::vector<RoleModelView> role_models;
  //! nullopt when the person's grade is not on the ladder.
  std::optional<skills::AdvisoryCircle> circle;
};

struct RoleGaps {
  SkillsStateRef state;
  const Role* role = nullptr;  //!< points into state->snapshot
  skills::RoleGapReport report;
};

//! What a person can do about each gap to a role (issue 23, "gaps become
//! actions"): who could mentor it, and the next role on their path.
struct GapActions {
  RoleGaps gaps;
  //! Per gaps.report.gaps entry: up to `limit` possible mentors
  //! (skills::FindMentorsFor: whether or not the person wants to grow the
  //! skill), best first; free hours in `why` only when the viewer may read
  //! the mentor's detail. Empty for a skill the firm does not know.
  std::vector<std::vector<PairView>> mentors;
  //! The firm role one grade up the ladder (SkillsOptions::ladder) in the
  //! person's practice, or nullptr. Roles carry no grade of their own: a
  //! firm role is found by the id the firm gives it,
  //! "firm:<practice>-<grade>" in lower case with every run of other
  //! characters as one '-' (as `guild demo` names them).
  const Role* next_role = nullptr;
  std::string next_role_why;  //!< why that role, or why there is none
};

struct RoleMatches {
  SkillsStateRef state;
  std::vector<uint32_t> roles;  //!< positions in snapshot->data().roles
};

//! Fewest holders a skill needs before a viewer who is not firm-wide sees
//! its supply hours in the market.
inline constexpr int kMinMarketHolders = 3;

struct Market {
  SkillsStateRef state;
  skills::MarketOptions options;  //!< as run (from is today when not given)
  skills::MarketReport report;
  //! true when the viewer is not firm-wide: small skills left out and
  //! key-person holders' names removed (holder_counts keeps how many).
  bool redacted = false;
  //! When redacted: how many skills of the whole market (not only of the
  //! first `limit` rows) were left out, and the demand (hours, all periods)
  //! they carried — what is hidden, said without naming the skills. The
  //! rows kept are the first `limit` of those shown. Zero when not redacted.
  int hidden_skills = 0;
  double hidden_demand_hours = 0;
  std::vector<int> key_person_holder_counts;  //!< per report.key_person entry
};

struct RemediesView {
  SkillsStateRef state;
  skills::Remedies remedies;
  Date from;  //!< the window free hours are counted in
  Date to;
};

struct Coverage {
  SkillsStateRef state;
  uint32_t team = 0;                  //!< position in snapshot->data().teams
  std::vector<uint32_t> engagements;  //!< positions whose openings gave the needs
  std::vector<skills::NeedCoverage> needs;
};

struct Round {
  SkillsStateRef state;
  skills::RoundResult result;
  double seconds = 0;  //!< time the solver took
};

struct SearchRequest {
  skills::SkillQuery query;  //!< query.availability is ignored: see the fields below
  //! The availability window, used when any of these three is given: from
  //! defaults to today, to to from + window_days - 1, min_free_hours to 0.
  std::optional<Date> from;
  std::optional<Date> to;
  std::optional<double> min_free_hours;
};

struct MarketRequest {
  std::optional<Date> from;  //!< default today
  int periods = 3;           //!< 1..52
  int period_weeks = 4;      //!< 1..52
  int limit = 20;            //!< rows per list, 1..500
};

struct RemediesRequest {
  std::string skill;  //!< id, name or synonym
  int level = 3;
  double min_free_hours = 0;
  int limit = 5;
};

class SkillsService {
 public:
  //! `snapshots` and `clock` must outlive the service.
  SkillsService(SnapshotHolder& snapshots, const Clock& clock, SkillsOptions options = {});

  //! The index for the current snapshot (see the header comment).
  [[nodiscard]] Result<SkillsStateRef> State();

  //! Skills (names, synonyms) and people (names) starting with `q`, prefix
  //! before word prefix; at most `limit` of each. A skill whose name folds
  //! (skills::FoldSpelling) to the name of one listed before it — the same
  //! skill in O*NET and ESCO — is left out.
  [[nodiscard]] Result<Suggestions> Suggest(const Principal& viewer, std::string_view q, int limit);
  [[nodiscard]] Result<std::variant<SkillSearch, UnknownSkill>> Search(const Principal& viewer,
                                                                       SearchRequest request);
  [[nodiscard]] Result<Growth> GrowthOf(const Principal& viewer, std::string_view person_id,
                                        int limit);
  [[nodiscard]] Result<RoleGaps> Gaps(const Principal& viewer, std::string_view person_id,
                                      std::string_view role_id);
  //! Gaps() with the actions of each gap (GapActions); `limit` mentors per
  //! gap, 1..10. Access as Gaps().
  [[nodiscard]] Result<GapActions> GapActionsOf(const Principal& viewer, std::string_view person_id,
                                                std::string_view role_id, int limit);
  //! Roles (firm, O*NET, ESCO) whose name or id contains `q`, names starting
  //! with it first, then by name; at most `limit`. Names match as typed or
  //! in either spelling (skills::FoldSpelling: "adviser" finds "advisor",
  //! "centre" finds "center"); roles whose names fold to one key (the same
  //! role in O*NET and ESCO) are listed once, the first by (name, id).
  [[nodiscard]] Result<RoleMatches> Roles(const Principal& viewer, std::string_view q, int limit);
  [[nodiscard]] Result<Market> SkillsMarket(const Principal& viewer, const MarketRequest& request);
  [[nodiscard]] Result<std::variant<RemediesView, UnknownSkill>> Remedies(
      const Principal& viewer, const RemediesRequest& request);
  //! The needs of `engagement_id`'s openings or, when it is empty, of every
  //! open engagement for the team's client (kInvalidArgument naming
  //! "engagement" when the team has no client).
  [[nodiscard]] Result<Coverage> TeamCoverage(const Principal& viewer, std::string_view team_id,
                                              std::string_view engagement_id);
  [[nodiscard]] Result<Round> MentoringRound(const Principal& viewer, int mentees_per_mentor);

  //! Test-only: how many indexes have been built.
  [[nodiscard]] int64_t builds_for_testing() const { return state_.builds(); }

 private:
  [[nodiscard]] static Result<SkillsStateRef> Build(std::shared_ptr<const FirmSnapshot> snapshot);
  [[nodiscard]] skills::MentoringOptions Mentoring(int limit) const;

  const Clock& clock_;
  const SkillsOptions options_;
  PerSnapshot<SkillsState> state_;
};

}  // namespace guild
