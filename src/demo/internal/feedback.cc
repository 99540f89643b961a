// Feedback requests: about one per person and quarter, about a named event
// on an engagement the person worked on (assignments, billed time), asked of
// 1..5 colleagues who worked on it around the event's date (else of their
// people team). Most
// answered, some declined, some pending, some expired; a few answers shared
// with the requester's leader.
#include <algorithm>
#include <memory>

#include "demo/internal/checkins.h"

namespace guild::demo::internal {

namespace {

constexpr uint64_t kFeedbackSalt = 0xfeed'bac4'0000'0001ULL;
constexpr int kQuarterDays = 91;
constexpr int kQuarters = 4;
constexpr double kRequestShare = 0.95;  // per full quarter
constexpr int kAroundDays = 14;         // co-workers staffed within this of the event
constexpr int kExpiryDays = 21;
constexpr double kAnswered = 0.72;
constexpr double kDeclined = 0.08;
constexpr double kSharedShare = 0.08;
constexpr int kWorkStart = 8 * 3600;
constexpr int kWorkEnd = 19 * 3600;
constexpr double kReviewerWeights[] = {15, 25, 30, 20, 10};  // 1..5 reviewers

constexpr std::string_view kAudiences[] = {"board", "audit committee", "CFO", "leadership team",
                                           "general counsel"};
constexpr std::string_view kDeliverables[] = {"Draft report", "Interim findings", "Final report",
                                              "Kick-off plan", "Board paper"};
constexpr std::string_view kMeetings[] = {"Steering committee", "Status meeting", "Workshop",
                                          "Closing meeting"};
constexpr std::string_view kOthers[] = {"Internal training session I ran", "Knowledge-sharing talk",
                                        "Proposal review", "Team offsite session"};
constexpr std::string_view kEffective[] = {
    "You framed the client's problem in their words before offering ours.",
    "The one-page summary: the board read it and asked the right questions.",
    "You handled the CFO's challenge calmly and with the numbers to hand.",
    "Clear structure: everyone knew what we needed from them by Friday.",
    "You let the junior team present their part and backed them up.",
    "The worked example made the technical point land.",
    "You kept to time and left room for their questions."};
constexpr std::string_view kBetter[] = {
    "Send the pack a day earlier so they can read it.",
    "Fewer slides: the appendix could have carried half of them.",
    "Agree the next steps in the room, not by email afterwards.",
    "Bring in the specialist earlier when the tax question comes up.",
    "Check the figures against the latest trial balance before sending.",
    "Pause after the key message; it got lost in the detail.",
    "Name an owner for each action on the last slide."};

struct Stint {
  uint32_t engagement;
  Date start, end;
};

}  // namespace

struct FeedbackBuilder {
  const CheckinsContext& g;
  const Context& c;
  std::vector<std::vector<Stint>> stints;                   // per person
  std::vector<std::vector<std::pair<uint32_t, Stint>>> on;  // per engagement: (person, stint)
  std::unordered_map<std::string_view, std::string_view> client_name;

  explicit FeedbackBuilder(const CheckinsContext& gc) : g(gc), c(gc.c) {
    std::unordered_map<std::string_view, uint32_t> engagement, of_opening;
    for (uint32_t e = 0; e < c.out.engagements.size(); ++e) {
      engagement.emplace(c.out.engagements[e].id, e);
    }
    for (const Opening& o : c.out.openings) {
      of_opening.emplace(o.id, engagement.at(o.engagement_id));
    }
    stints.resize(c.out.people.size());
    on.resize(c.out.engagements.size());
    for (const Assignment& a : c.out.assignments) {
      auto o = of_opening.find(a.opening_id);
      auto p = g.person.find(a.person_id);
      if (o == of_opening.end() || p == g.person.end()) continue;
      const Stint s{o->second, a.start, a.end};
      stints[p->second].push_back(s);
      on[o->second].push_back({p->second, s});
    }
    // Time billed to an engagement: staffed on it for its whole span.
    for (uint32_t i = 0; i < c.out.people.size(); ++i) {
      for (uint32_t e : g.worked_on[i]) {
        const bool assigned = std::any_of(stints[i].begin(), stints[i].end(),
                                          [&](const Stint& s) { return s.engagement == e; });
        if (assigned) continue;
        const Stint s{e, c.out.engagements[e].start, c.out.engagements[e].end};
        stints[i].push_back(s);
        on[e].push_back({i, s});
      }
    }
    for (const Client& cl : c.out.clients) client_name.emplace(cl.id, cl.name);
  }

  void Requests(uint32_t i, FirmData& out) const {
    Random rng = g.PersonRandom(i, kFeedbackSalt);
    const guild::Person& p = g.P(i);
    const Date today = c.options.today;
    for (int q = 0; q < kQuarters; ++q) {
      const Date last = AddDays(today, -kQuarterDays * q);
      Date first = std::max(AddDays(last, 1 - kQuarterDays), g.first_day);
      if (p.start_date && *p.start_date > first) first = *p.start_date;
      if (first > last) continue;
      const double share = double(last.days - first.days + 1) / kQuarterDays;
      if (!rng.Chance(kRequestShare * share)) continue;
      Request(i, q, first, last, rng, out);
    }
  }

  void Request(uint32_t i, int q, Date first, Date last, Random& rng, FirmData& out) const {
    FeedbackRequest r;
    r.id = "fr-" + g.P(i).id + "-" + std::to_string(q + 1);
    r.requester_id = g.P(i).id;
    std::vector<uint32_t> reviewers = OnEngagement(i, first, last, rng, r);
    if (reviewers.empty()) reviewers = Teammates(i, first, last, rng, r);
    if (reviewers.empty()) return;
    for (size_t k = reviewers.size(); k > 1; --k)
      std::swap(reviewers[k - 1], reviewers[rng.Below(k)]);
    const size_t wanted = 1 + rng.Weighted(kReviewerWeights);
    reviewers.resize(std::min(wanted, reviewers.size()));
    r.asked_at = At(AddDays(r.event_date, rng.Range(0, 3)), rng.Range(kWorkStart, kWorkEnd));
    r.asked_at = std::max(At(r.event_date, kWorkStart), std::min(r.asked_at, g.now - 600));
    r.expires_on = AddDays(r.event_date, kExpiryDays);
    for (uint32_t reviewer : reviewers) Answer(r, i, reviewer, rng, out);
    out.feedback_requests.push_back(std::move(r));
  }

  // Colleagues staffed on one of the person's engagements around a date in
  // [first, last]; fills the request's event.
  std::vector<uint32_t> OnEngagement(uint32_t i, Date first, Date last, Random& rng,
                                     FeedbackRequest& r) const {
    std::vector<const Stint*> open;
    for (const Stint& s : stints[i]) {
      if (s.start <= last && s.end >= first) open.push_back(&s);
    }
    if (open.empty()) return {};
    const Stint& s = *open[rng.Below(open.size())];
    const Date from = std::max(first, s.start);
    const Date to = std::min(last, s.end);
    r.event_date = AddDays(from, rng.Range(0, to.days - from.days));
    const Engagement& e = c.out.engagements[s.engagement];
    std::vector<uint32_t> out;
    for (const auto& [person, other] : on[s.engagement]) {
      if (person == i || std::find(out.begin(), out.end(), person) != out.end()) continue;
      if (AddDays(other.start, -kAroundDays) <= r.event_date &&
          AddDays(other.end, kAroundDays) >= r.event_date) {
        out.push_back(person);
      }
    }
    auto leader = g.person.find(e.leader_id);
    if (leader != g.person.end() && leader->second != i &&
        std::find(out.begin(), out.end(), leader->second) == out.end()) {
      out.push_back(leader->second);
    }
    if (out.empty()) return out;
    r.engagement_id = e.id;
    const std::string client(client_name.at(e.client_id));
    const double u = rng.Unit();
    if (u < 0.15) {
      r.event_kind = FeedbackEventKind::kPitch;
      r.event = "Pitch to " + client + "'s " + std::string(PickFrom(rng, kAudiences));
    } else if (u < 0.55) {
      r.event_kind = FeedbackEventKind::kDeliverable;
      r.event = std::string(PickFrom(rng, kDeliverables)) + " for " + e.name;
    } else if (u < 0.9) {
      r.event_kind = FeedbackEventKind::kMeeting;
      r.event = std::string(PickFrom(rng, kMeetings)) + " with " + client;
    } else {
      r.event_kind = FeedbackEventKind::kOther;
      r.event = std::string(PickFrom(rng, kOthers)) + " on " + e.name;
    }
    return out;
  }

  // No engagement to ask about: the person's people team (or the team they
  // lead) about an internal event.
  std::vector<uint32_t> Teammates(uint32_t i, Date first, Date last, Random& rng,
                                  FeedbackRequest& r) const {
    const int32_t team = g.team_of[i];
    if (team < 0) return {};
    std::vector<uint32_t> out;
    for (const TeamMember& m : c.out.teams[team].members) {
      auto p = g.person.find(m.person_id);
      if (p != g.person.end() && p->second != i) out.push_back(p->second);
    }
    r.event_date = AddDays(first, rng.Range(0, last.days - first.days));
    r.event_kind = rng.Chance(0.5) ? FeedbackEventKind::kMeeting : FeedbackEventKind::kOther;
    r.event = r.event_kind == FeedbackEventKind::kMeeting
                  ? "My update at the team meeting (" + c.out.teams[team].name + ")"
                  : std::string(PickFrom(rng, kOthers));
    return out;
  }

  void Answer(const FeedbackRequest& r, uint32_t requester, uint32_t reviewer, Random& rng,
              FirmData& out) const {
    FeedbackAnswer a;
    a.request_id = r.id;
    a.reviewer_id = g.P(reviewer).id;
    const double u = rng.Unit();
    const int64_t responded = r.asked_at + static_cast<int64_t>(rng.Real(0.1, 12) * kSecondsPerDay);
    const int64_t deadline = std::min(g.now, At(r.expires_on, kSecondsPerDay - 1));
    if (u < kAnswered + kDeclined && responded <= deadline) {
      a.responded_at = responded;
      if (u < kAnswered) {
        a.status = FeedbackAnswerStatus::kAnswered;
        a.most_effective = std::string(PickFrom(rng, kEffective));
        a.do_better = std::string(PickFrom(rng, kBetter));
      } else {
        a.status = FeedbackAnswerStatus::kDeclined;
      }
    }
    g.Inbox(out, "ir-" + r.id + "-" + a.reviewer_id, a.reviewer_id, InboxItemKind::kFeedbackRequest,
            r.id, r.requester_id, g.P(requester).name + " asked for your feedback: " + r.event,
            r.asked_at, rng);
    if (a.status == FeedbackAnswerStatus::kAnswered) {
      g.Inbox(out, "if-" + r.id + "-" + a.reviewer_id, r.requester_id,
              InboxItemKind::kFeedbackAnswer, r.id, a.reviewer_id,
              g.P(reviewer).name + " answered your request: " + r.event, *a.responded_at, rng);
      Share(a, requester, rng);
    }
    out.feedback_answers.push_back(std::move(a));
  }

  // A few answers shared with the requester's people-team leader (else
  // their manager).
  void Share(FeedbackAnswer& a, uint32_t requester, Random& rng) const {
    if (!rng.Chance(kSharedShare)) return;
    const int32_t team = g.team_of[requester];
    std::string leader = team >= 0 ? c.out.teams[team].leader_id : g.P(requester).manager_id;
    if (leader.empty() || leader == a.reviewer_id || leader == g.P(requester).id) return;
    const int64_t at = *a.responded_at + rng.Range(3600, 5 * kSecondsPerDay);
    if (at > g.now) return;
    a.shared_with_id = std::move(leader);
    a.shared_at = at;
  }
};

void FeedbackBuilderDelete::operator()(FeedbackBuilder* builder) const {
  std::default_delete<FeedbackBuilder>{}(builder);
}

std::unique_ptr<FeedbackBuilder, FeedbackBuilderDelete> MakeFeedbackBuilder(
    const CheckinsContext& g) {
  return std::unique_ptr<FeedbackBuilder, FeedbackBuilderDelete>(
      std::make_unique<FeedbackBuilder>(g).release());
}

void AddFeedback(const FeedbackBuilder& builder, uint32_t i, FirmData& out) {
  builder.Requests(i, out);
}

}  // namespace guild::demo::internal
