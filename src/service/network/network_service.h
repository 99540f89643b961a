// NetworkService: the firm's collaboration network for the API and the CLI —
// a team's network and shape, the firm view, client coverage and succession,
// and team formation — from the current firm snapshot.
//
// The state: the collaboration ties (co-staffing,
// network/co_staffing.h; with a store, routed check-in questions and feedback
// requests too, network/conversation_ties.h, read from the store when the
// state is built), the all-time collaboration graph with its arc
// lengths (distance.h, kSaturating: H / (hours + H)), and every client's
// coverage as of "today" (the injected Clock, read when the state is built).
// Built the first time it is needed and again when one of its input kinds
// changes (people, teams, skills, clients, engagements, openings,
// assignments, time entries; with a store, check-in questions, feedback
// requests and answers: PerSnapshot's input kinds) or the day changes, so a
// check-in or a skill rating builds nothing; at most one build runs at a
// time and readers keep the previous state meanwhile (as SkillsService).
//
// Privacy: question and feedback ties are private kinds (ties.h). The
// all-time graph (team formation, succession) leaves them out; a team or firm
// view counts only the viewer's own (Authorizer::PrivateTiesOf), so no view
// reveals a question or feedback relationship to anyone but its two people
// (docs/NETWORKS.md, "Privacy").
//
// Access (decided through the Authorizer, docs/SECURITY.md):
//  - a team's network: Authorizer::CanReadTeamNetwork (its members, its
//    leaders, firm leaders, administrators);
//  - the firm view: Authorizer::CanReadFirmWide;
//  - client coverage and succession: Authorizer::CanReadClientCoverage
//    (firm leaders, administrators, and partners who lead an engagement for
//    that client). Succession suggestions weigh and show free hours only for
//    viewers who may read every candidate's detail (firm-wide viewers); for
//    others capacity is left out of the score and the reasons;
//  - team formation: Authorizer::CanFormTeams (firm leaders, administrators,
//    team and engagement leaders); asking for free hours (hours > 0) is
//    firm-wide only, as in people search.
//
// Errors: kNotFound for an unknown team, client or practice (naming the
// parameter); kInvalidArgument for bad parameters; kPermissionDenied as above; kFailedPrecondition
// when no connected group covers the skills; kUnavailable before the snapshot is loaded.
//
// Thread safety: all methods may be called from several threads at once.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "common/date.h"
#include "engine/network/coverage.h"
#include "engine/network/metrics.h"
#include "engine/network/shape.h"
#include "engine/network/succession.h"
#include "engine/network/team_formation.h"
#include "engine/network/ties.h"
#include "service/access/authorizer.h"
#include "service/skills/skills_service.h"
#include "service/snapshot/per_snapshot.h"
#include "service/snapshot/snapshot_holder.h"
#include "store/store.h"

namespace guild {

struct NetworkOptions {
  //! Periods of the "change over time" of a team, each timeline_days long,
  //! ending at today.
  int timeline_periods = 6;
  int timeline_days = 28;
  //! Firm views of more people than this sample betweenness from this many
  //! sources (exact below).
  uint32_t exact_betweenness_limit = 3000;
  uint32_t betweenness_samples = 256;
  //! Communities shown in the firm picture (largest first).
  int firm_communities = 40;
  //! Tie strength (hours) to length: H of kSaturating.
  double saturation_hours = 40;
  network::CoverageOptions coverage;      //!< `today` is set from the Clock
  network::SuccessionOptions succession;  //!< `today` is set from the Clock
};

//! The store-only records that become private ties.
struct ConversationRecords {
  std::vector<CheckinQuestion> questions;
  std::vector<FeedbackRequest> feedback_requests;
  std::vector<FeedbackAnswer> feedback_answers;
};

//! Every routed question and feedback request of the store (paged Selects).
[[nodiscard]] Result<ConversationRecords> ReadConversations(Store& store);

//! One snapshot's collaboration network. Immutable once built.
struct NetworkState {
  std::shared_ptr<const FirmSnapshot> snapshot;
  Date today;
  network::TieSet ties;
  //! The kinds counted only for a viewer who is one of the tie's people.
  network::KindSet private_kinds = 0;
  std::shared_ptr<const network::Graph> graph;  //!< all public ties, every person
  std::shared_ptr<const std::vector<network::Length>> lengths;
  std::vector<network::ClientCoverage> coverage;  //!< by client position
};
using NetworkStateRef = std::shared_ptr<const NetworkState>;

//! A period asked for; both ends optional (open-ended).
struct PeriodRequest {
  std::optional<Date> from;
  std::optional<Date> to;
};

//! The figures of one network, as the pages show them.
struct NetworkFigures {
  network::Graph graph;  //!< node names are person ids
  network::NetworkMetrics metrics;
  network::ShapeReport shape;
};

struct TimelinePoint {
  network::Period period;
  network::Shape shape = network::Shape::kNone;
  uint64_t ties = 0;
  double density = 0;
  double transitivity = 0;
  double centralization = 0;
  double hub_share = 0;
  double leader_share = 0;
};

struct TeamNetwork {
  NetworkStateRef state;
  const Team* team = nullptr;  //!< points into state->snapshot
  std::optional<network::Period> period;
  NetworkFigures figures;
  std::vector<TimelinePoint> timeline;  //!< oldest first
};

struct FirmNetworkRequest {
  std::string practice;  //!< empty: the whole firm
  PeriodRequest period;
};

//! A team's shape in the firm view.
struct TeamShapeRow {
  uint32_t team = 0;  //!< position in the snapshot's teams
  uint32_t members = 0;
  network::Shape shape = network::Shape::kNone;
  double hub_share = 0;
  double leader_share = 0;
  double transitivity = 0;
};

//! A community of the firm view, with its ties to the others.
struct CommunityNode {
  uint32_t size = 0;
  std::string label;     //!< its most central person's name
  std::string practice;  //!< the most common practice in it
};

struct FirmNetwork {
  NetworkStateRef state;
  std::string practice;
  std::optional<network::Period> period;
  network::NetworkMetrics metrics;  //!< communities included
  uint32_t people = 0;
  std::vector<std::string> node_ids;       //!< person ids by node of `metrics`
  std::vector<TeamShapeRow> teams;         //!< teams led from the practice, by name
  std::vector<CommunityNode> communities;  //!< the largest, as the picture shows them
  struct CommunityTie {
    uint32_t a = 0;
    uint32_t b = 0;
    double weight = 0;
  };
  std::vector<CommunityTie> community_ties;
  std::vector<uint32_t> brokers;  //!< person positions, highest betweenness first
};

struct ClientListRequest {
  bool flagged_only = false;
  bool key_only = false;
};

struct ClientList {
  NetworkStateRef state;
  std::vector<uint32_t> clients;  //!< positions, flagged first, then by name
};

struct ClientDetail {
  NetworkStateRef state;
  const network::ClientCoverage* coverage = nullptr;  //!< points into state
  std::vector<network::SuccessorSuggestion> successors;
  bool capacity_visible = false;  //!< free hours were weighed and may be shown
};

struct FormTeamRequest {
  struct Need {
    std::string skill;  //!< id, name or synonym
    int level = kMinLevel;
  };
  std::vector<Need> needs;
  double hours = 0;  //!< free hours a week each member needs; 0: no filter
  network::Objective objective = network::Objective::kSumOfDistances;
  std::string practice;  //!< empty: anyone; else holders from this practice
};

//! A need no one can meet: an unknown skill, or none holds it as asked.
struct UnmetNeed {
  std::string need;      //!< as asked, "SKILL" or "SKILL:LEVEL"
  std::string expected;  //!< what would have been accepted
};

struct FormedTeam {
  NetworkStateRef state;
  SkillsStateRef skills;
  std::vector<skills::SkillRef> needs;  //!< resolved, in request order
  network::TeamProposal proposal;       //!< node names are person ids
  std::vector<network::MemberReason> reasons;
  double seconds = 0;
};

class NetworkService {
 public:
  //! `snapshots`, `skills`, `clock` and `conversations` must outlive the
  //! service. Without `conversations` (nullptr) the network has no question
  //! or feedback ties.
  NetworkService(SnapshotHolder& snapshots, SkillsService& skills, const Clock& clock,
                 NetworkOptions options = {}, Store* conversations = nullptr);

  //! The network state for the current snapshot (see the header comment).
  [[nodiscard]] Result<NetworkStateRef> State();

  [[nodiscard]] Result<TeamNetwork> TeamNetworkOf(const Principal& viewer, std::string_view team_id,
                                                  const PeriodRequest& period);
  [[nodiscard]] Result<FirmNetwork> Firm(const Principal& viewer,
                                         const FirmNetworkRequest& request);
  [[nodiscard]] Result<ClientList> Clients(const Principal& viewer,
                                           const ClientListRequest& request);
  [[nodiscard]] Result<ClientDetail> Client(const Principal& viewer, std::string_view client_id);
  //! The team, or the needs no one meets (each named).
  [[nodiscard]] Result<std::variant<FormedTeam, std::vector<UnmetNeed>>> FormTeam(
      const Principal& viewer, const FormTeamRequest& request);

  //! Test-only: how many states have been built.
  [[nodiscard]] int64_t builds_for_testing() const { return state_.builds(); }

 private:
  [[nodiscard]] Result<NetworkStateRef> Build(std::shared_ptr<const FirmSnapshot> snapshot);

  SkillsService& skills_;
  const Clock& clock_;
  const NetworkOptions options_;
  Store* conversations_;
  PerSnapshot<NetworkState> state_;
};

// The analyses without access checks, for programs that read the firm's data
// outside a server (`guild network team`, benchmarks); the service calls
// them after the Authorizer has agreed.

//! The network state of one snapshot, as of `today`, with the question and
//! feedback ties of `conversations` when given. Errors: the tie sources' (a
//! repeated person id).
[[nodiscard]] Result<NetworkStateRef> BuildNetworkState(
    std::shared_ptr<const FirmSnapshot> snapshot, Date today, const NetworkOptions& options,
    const ConversationRecords* conversations = nullptr);
//! A team's network in the period, with its timeline. Private ties count
//! only when `viewer` (a person id, empty: none) is one of their people.
[[nodiscard]] Result<TeamNetwork> TeamNetworkIn(NetworkStateRef state, const Team& team,
                                                const PeriodRequest& period,
                                                const NetworkOptions& options,
                                                std::string_view viewer = {});
//! The firm (or one practice) in the period; private ties as above.
//! Errors: kNotFound for an unknown practice; kInvalidArgument for a bad
//! period.
[[nodiscard]] Result<FirmNetwork> FirmNetworkIn(NetworkStateRef state,
                                                const FirmNetworkRequest& request,
                                                const NetworkOptions& options,
                                                std::string_view viewer = {});

//! The figures of `graph` (metrics, shape around `leader`), with exact
//! betweenness up to `exact_limit` nodes and `samples` sources above.
[[nodiscard]] Result<NetworkFigures> AnalyzeNetwork(network::Graph graph,
                                                    std::optional<network::NodeId> leader,
                                                    uint32_t exact_limit, uint32_t samples);

//! The period asked for: kInvalidArgument naming "to" when it ends before it
//! starts; nullopt when neither end is given.
[[nodiscard]] Result<std::optional<network::Period>> ResolvePeriod(const PeriodRequest& period);

}  // namespace guild
