// Step 3: clients, account teams and engagements.
#include <algorithm>

#include "demo/internal/context.h"

namespace guild::demo::internal {

namespace {

constexpr int kPeoplePerClient = 25;
constexpr int kMinClients = 5;
constexpr double kKeyClientShare = 0.08;
constexpr int kMinKeyClients = 2;
constexpr double kSinglePartnerKeyShare = 0.25;
constexpr int kAccountTeamEvery = 4;
constexpr double kHomePracticeShare = 0.65;
constexpr double kPartnerLeadShare = 0.7;

// A random person of `grade` in practice p, falling back to the same grade in
// any practice, then to any more senior grade; -1 when there is nobody.
int32_t Someone(Context& c, int p, int grade) {
  for (int g = grade; g >= 0; --g) {
    if (!c.Pool(p, g).empty()) {
      return static_cast<int32_t>(c.Pool(p, g)[c.rng.Below(c.Pool(p, g).size())]);
    }
    for (int q = 0; q < c.practice_count; ++q) {
      auto& pool = c.Pool((p + q) % c.practice_count, g);
      if (!pool.empty()) return static_cast<int32_t>(pool[c.rng.Below(pool.size())]);
    }
  }
  return -1;
}

void AddMember(Team& t, const Person& p, const char* role) {
  if (std::none_of(t.members.begin(), t.members.end(),
                   [&](const TeamMember& m) { return m.person_id == p.id; })) {
    t.members.push_back({p.id, role});
  }
}

void AddAccountTeam(Context& c, const Client& client, int practice, int32_t lead, bool key) {
  const auto& people = c.out.people;
  Team t;
  t.id = "team-" + client.id;
  t.client_id = client.id;
  t.leader_id = people[lead].id;
  t.leadership_team = key;
  t.kind = TeamKind::kAccount;
  t.name = (key ? "Account leadership team: " : "Account team: ") + client.name;
  t.purpose = key ? "Be " + client.name +
                        "'s first call for advice across every practice, with "
                        "the relationship held by several partners, not one."
                  : "Serve " + client.name + " well and find where else the firm can help.";
  AddMember(t, people[lead], "lead");
  int partners = key && !c.rng.Chance(kSinglePartnerKeyShare) ? c.rng.Range(1, 3) : 0;
  for (int k = 0; k < partners; ++k) {
    int32_t p = Someone(c, static_cast<int>(c.rng.Below(c.practice_count)), kPartner);
    if (p >= 0) AddMember(t, people[p], "partner");
  }
  int others = c.rng.Range(1, key ? 2 : 3);
  for (int k = 0; k < others; ++k) {
    int32_t p = Someone(c, practice, key ? kDirector : c.rng.Range(kManager, kSenior));
    if (p >= 0) AddMember(t, people[p], "member");
  }
  c.out.teams.push_back(std::move(t));
  c.team_practice.push_back(static_cast<uint8_t>(practice));
}

std::string ClientName(Context& c) {
  return std::string(ClientPrefixes()[c.rng.Below(ClientPrefixes().size())]) + " " +
         std::string(ClientNouns()[c.rng.Below(ClientNouns().size())]) + " " +
         std::string(ClientSuffixes()[c.rng.Below(ClientSuffixes().size())]);
}

void AddEngagement(Context& c, const Client& client, int home_practice, bool key);

}  // namespace

void GenerateClientsAndTeams(Context& c) {
  const int n = std::max(kMinClients, c.options.people / kPeoplePerClient);
  std::vector<double> weights;
  weights.reserve(c.practice_count);
  for (int p = 0; p < c.practice_count; ++p) weights.push_back(Practices()[p].weight);
  c.out.clients.reserve(n);
  for (int i = 0; i < n; ++i) {
    Client client;
    client.id = NumberedId("c", i + 1, DigitsFor(n));
    client.name = ClientName(c);
    client.industry = std::string(Industries()[c.rng.Below(Industries().size())]);
    client.key_client = i < kMinKeyClients || c.rng.Chance(kKeyClientShare);
    int practice = static_cast<int>(c.rng.Weighted(weights));
    int32_t lead = Someone(c, practice, kPartner);
    if (client.key_client || i % kAccountTeamEvery == 0) {
      AddAccountTeam(c, client, practice, lead, client.key_client);
    }
    c.out.clients.push_back(std::move(client));
    AddEngagement(c, c.out.clients.back(), practice, c.out.clients.back().key_client);
  }
}

namespace {

constexpr int kKeyEngagementsMin = 4, kKeyEngagementsMax = 10;
constexpr int kEngagementsMin = 1, kEngagementsMax = 4;

EngagementStatus DrawStatus(Random& rng) {
  double u = rng.Unit();
  if (u < 0.30) return EngagementStatus::kComplete;
  if (u < 0.75) return EngagementStatus::kConfirmed;
  if (u < 0.95) return EngagementStatus::kTentative;
  return EngagementStatus::kCancelled;
}

void PlaceDates(Context& c, Engagement& e) {
  Date today = c.options.today;
  switch (e.status) {
    case EngagementStatus::kComplete:
      e.end = AddDays(today, -c.rng.Range(1, 365));
      e.start = AddDays(e.end, -c.rng.Range(30, 240));
      return;
    case EngagementStatus::kConfirmed:
      e.start = AddDays(today, -c.rng.Range(-30, 180));
      e.end =
          std::max(AddDays(e.start, c.rng.Range(60, 360)), AddDays(today, c.rng.Range(14, 120)));
      return;
    case EngagementStatus::kTentative:
      e.start = AddDays(today, c.rng.Range(7, 90));
      e.end = AddDays(e.start, c.rng.Range(30, 240));
      return;
    case EngagementStatus::kCancelled:
      e.start = AddDays(today, c.rng.Range(-120, 60));
      e.end = AddDays(e.start, c.rng.Range(30, 120));
      return;
  }
}

// Adds every engagement of one client (called right after the client).
void AddEngagement(Context& c, const Client& client, int home_practice, bool key) {
  int count = key ? c.rng.Range(kKeyEngagementsMin, kKeyEngagementsMax)
                  : c.rng.Range(kEngagementsMin, kEngagementsMax);
  for (int k = 0; k < count; ++k) {
    int practice = c.rng.Chance(kHomePracticeShare)
                       ? home_practice
                       : static_cast<int>(c.rng.Below(c.practice_count));
    const auto& spec = Practices()[practice];
    Engagement e;
    e.id = "e" + client.id.substr(1) + "-" + std::to_string(k + 1);
    e.client_id = client.id;
    // The firm's first engagement is confirmed, so that there is live work.
    e.status = c.out.engagements.empty() ? EngagementStatus::kConfirmed : DrawStatus(c.rng);
    PlaceDates(c, e);
    e.name = std::string(spec.engagement_kinds[c.rng.Below(spec.engagement_kinds.size())]) + " " +
             FormatDate(e.start).substr(0, 4) + ", " + client.name;
    int32_t lead = Someone(c, practice, c.rng.Chance(kPartnerLeadShare) ? kPartner : kDirector);
    e.leader_id = c.out.people[lead].id;
    if (e.status == EngagementStatus::kConfirmed) {
      c.live_engagements[practice].push_back(static_cast<uint32_t>(c.out.engagements.size()));
    }
    c.engagement_practice.push_back(static_cast<uint8_t>(practice));
    c.out.engagements.push_back(std::move(e));
  }
}

}  // namespace

void EnsureLiveEngagements(Context& c) {
  for (int p = 0; p < c.practice_count; ++p) {
    if (!c.live_engagements[p].empty()) continue;
    for (size_t e = 0; e < c.out.engagements.size(); ++e) {
      if (c.out.engagements[e].status == EngagementStatus::kConfirmed) {
        c.live_engagements[p].push_back(static_cast<uint32_t>(e));
        break;
      }
    }
  }
}

}  // namespace guild::demo::internal
