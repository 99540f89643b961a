// A year of check-ins: every member of a people team checks in once a cycle
// (most cycles; about 1 in 12 skipped, about 3 % of people chronically
// overdue), from their start date, never in a cycle with time off; the
// current cycle partly submitted, partly drafts. About 1 check-in in 6 raises
// a blocker, 1 in 5 routes a question. Each person's history draws from its
// own generator, so it depends on nothing drawn for anyone else.
#include <algorithm>

#include "demo/internal/checkins.h"

namespace guild::demo::internal {

namespace {

constexpr uint64_t kCheckinSalt = 0xc4ec'4155'0000'0001ULL;
constexpr double kChronicShare = 0.03;
constexpr double kSkipShare = 1.0 / 12;
constexpr double kChronicSubmitMin = 0.15;
constexpr double kChronicSubmitMax = 0.45;
constexpr double kBlockerShare = 1.0 / 6;
constexpr double kQuestionShare = 1.0 / 5;
constexpr double kToLeaderShare = 0.75;
constexpr double kAnsweredShare = 0.85;
constexpr double kNoteShare = 0.35;
constexpr double kNoChangeShare = 0.15;
constexpr int kWorkStart = 8 * 3600;
constexpr int kWorkEnd = 19 * 3600;
constexpr int kNudgeTime = 16 * 3600;

constexpr std::string_view kChanges[] = {
    "the client appointed a new CFO; introductions done",
    "the board asked for a shorter report with a one-page summary",
    "weekly status calls agreed with the controller",
    "the client approved the revised timetable",
    "the client's year-end moved to March",
    "new regulation affects their reporting; scope under review",
    "two business units merged; the plan follows the new structure",
    "the steering committee moved to fortnightly",
    "budget for phase two confirmed",
    "the client's project lead is on leave for three weeks",
    "they asked us to present to the audit committee",
    "data room opened a week early",
    "the client wants a fixed fee for the next phase",
    "a competitor bid for the follow-on work",
    "their new general counsel wants a briefing on open matters"};

constexpr std::string_view kNotes[] = {"Out Thursday afternoon for exam preparation.",
                                       "Would like more time on client-facing work next month.",
                                       "Good week: the draft went out on time.",
                                       "Heavy week; back to normal from Monday.",
                                       "Started the internal training on the new methodology.",
                                       "Happy to take on the next proposal if there is room.",
                                       "Shadowed the partner in the client meeting, learnt a lot.",
                                       "Working from the client's office Tuesday to Thursday."};

constexpr std::string_view kBlockers[] = {
    "Waiting on the client's trial balance.",
    "No access yet to the client's document system.",
    "Need a partner review slot before the draft can go out.",
    "The specialist team has no capacity until next month.",
    "Conflicting instructions from two client contacts.",
    "The engagement letter is not signed yet.",
    "Missing data for two of the subsidiaries.",
    "Booked on two engagements at once this week.",
    "The client's IT team has not opened the firewall for our tool.",
    "Waiting for the expert's opinion on the open question."};

constexpr std::string_view kQuestions[] = {
    "Who has done a similar piece of work I could look at?",
    "Can we move the internal review to Wednesday?",
    "Should I raise the scope change with the client or will you?",
    "Is there a template for the board summary?",
    "Who is the best contact in the specialist team for this?",
    "Can I take the lead on the next client call?",
    "Which version of the methodology should we follow for this client?",
    "Do we bill the extra analysis or absorb it?",
    "Can someone review my draft before Friday?",
    "Is it fine to share the interim findings with the controller?"};

constexpr std::string_view kAnswers[] = {
    "Yes, go ahead and copy me in.",
    "Talk to the engagement manager on the other account; she did the same last year.",
    "Let me raise it; I am seeing the CFO on Tuesday.",
    "The template is in the practice library under board reporting.",
    "Fine by me; let's prepare it together on Monday.",
    "Bill it: it is outside the agreed scope. I'll send the change order.",
    "Use the current version; the old one is being retired.",
    "I can review it Thursday morning."};

struct Member {
  uint32_t person;
  const Team& team;
  int cadence;
  std::string_view client;  // of the person's main engagement, or empty
};

class History {
 public:
  History(const CheckinsContext& g, const Member& m, FirmData& out)
      : g_(g),
        c_(g.c),
        out_(out),
        m_(m),
        rng_(g.PersonRandom(m.person, kCheckinSalt)),
        id_(g.P(m.person).id) {}

  void Run() {
    const Person& p = g_.P(m_.person);
    const bool chronic = rng_.Chance(kChronicShare);
    const double submit =
        chronic ? rng_.Real(kChronicSubmitMin, kChronicSubmitMax) : 1 - kSkipShare;
    Date from = g_.first_day;
    if (p.start_date && *p.start_date > from) from = *p.start_date;
    const Date today = c_.options.today;
    const Date current = CheckinCycleStart(today, m_.cadence);
    int n = 0;
    for (Date cycle = CheckinCycleStart(from, m_.cadence); cycle <= current;
         cycle = AddDays(cycle, m_.cadence), ++n) {
      if (p.end_date && cycle > *p.end_date) break;
      if (TimeOff(cycle)) continue;
      if (cycle == current) {
        Current(cycle, n, chronic);
      } else if (rng_.Chance(submit)) {
        Submit(cycle, n, /*draft=*/false);
      } else {
        Nudge(cycle, n);
      }
    }
  }

 private:
  bool TimeOff(Date cycle) const {
    auto it = g_.time_off.find(m_.person);
    if (it == g_.time_off.end()) return false;
    const Date end = AddDays(cycle, m_.cadence);
    return std::any_of(it->second.begin(), it->second.end(),
                       [&](Date d) { return d >= cycle && d < end; });
  }

  // The current cycle: about half submitted, some drafts, the rest not
  // started (fewer of each for the chronically overdue).
  void Current(Date cycle, int n, bool chronic) {
    const double u = rng_.Unit();
    const double submitted = chronic ? 0.1 : 0.5;
    const double drafts = chronic ? 0.15 : 0.2;
    if (u < submitted) {
      Submit(cycle, n, false);
    } else if (u < submitted + drafts) {
      Submit(cycle, n, true);
    }
  }

  // Mostly Thursday or Friday of the cycle's last week, at working hours,
  // never after "now".
  int64_t When(Date cycle) {
    const int last_week = m_.cadence >= 7 ? m_.cadence - 7 : 0;
    const double u = rng_.Unit();
    int offset = u < 0.45 ? 3 : u < 0.8 ? 4 : u < 0.95 ? rng_.Range(0, 2) : rng_.Range(5, 6);
    offset = std::min(last_week + offset, m_.cadence - 1);
    const int64_t t = At(AddDays(cycle, offset), rng_.Range(kWorkStart, kWorkEnd));
    const int64_t earliest = At(cycle, kWorkStart);
    return std::max(earliest, std::min(t, g_.now - rng_.Range(60, 3 * 3600)));
  }

  void Submit(Date cycle, int n, bool draft) {
    Checkin ck;
    ck.id = "c-" + id_ + "-" + std::to_string(n);
    ck.team_id = m_.team.id;
    ck.person_id = id_;
    ck.cycle_start = cycle;
    ck.updated_at = When(cycle);
    if (!draft) ck.submitted_at = ck.updated_at;
    if (!rng_.Chance(kNoChangeShare)) {
      const std::string_view change = PickFrom(rng_, kChanges);
      if (m_.client.empty()) {
        ck.client_change = std::string(1, static_cast<char>(change[0] - 'a' + 'A'));
        ck.client_change.append(change.substr(1)).append(".");
      } else {
        ck.client_change = std::string(m_.client) + ": " + std::string(change) + ".";
      }
    }
    if (rng_.Chance(kNoteShare)) ck.note = std::string(PickFrom(rng_, kNotes));
    if (!draft && rng_.Chance(kBlockerShare)) Blocker(ck, n);
    if (!draft && rng_.Chance(kQuestionShare)) Question(ck, n);
    out_.checkins.push_back(std::move(ck));
  }

  // Most resolved within one or two cycles; some linger for several; a
  // resolution that would fall after today leaves the blocker open.
  void Blocker(const Checkin& ck, int n) {
    CheckinBlocker b;
    b.id = "b-" + id_ + "-" + std::to_string(n);
    b.team_id = ck.team_id;
    b.person_id = id_;
    b.checkin_id = ck.id;
    b.text = std::string(PickFrom(rng_, kBlockers));
    b.opened_on = Date{static_cast<int32_t>(ck.updated_at / kSecondsPerDay)};
    const double u = rng_.Unit();
    const int cycles = u < 0.55 ? 1 : u < 0.8 ? 2 : rng_.Range(3, 8);
    const Date resolved = AddDays(b.opened_on, cycles * m_.cadence + rng_.Range(-2, 2));
    if (resolved <= c_.options.today && resolved >= b.opened_on) b.resolved_on = resolved;
    out_.checkin_blockers.push_back(std::move(b));
  }

  // To the leader mostly, else a teammate; most answered within a day or
  // three, some open.
  void Question(const Checkin& ck, int n) {
    CheckinQuestion q;
    q.id = "q-" + id_ + "-" + std::to_string(n);
    q.checkin_id = ck.id;
    q.team_id = ck.team_id;
    q.asker_id = id_;
    q.addressee_id = m_.team.leader_id;
    if (!rng_.Chance(kToLeaderShare)) {
      std::vector<const std::string*> mates;
      for (const TeamMember& tm : m_.team.members) {
        if (tm.person_id != id_ && tm.person_id != m_.team.leader_id)
          mates.push_back(&tm.person_id);
      }
      if (!mates.empty()) q.addressee_id = *mates[rng_.Below(mates.size())];
    }
    q.text = std::string(PickFrom(rng_, kQuestions));
    q.asked_at = *ck.submitted_at;
    if (rng_.Chance(kAnsweredShare)) {
      const double days = rng_.Chance(0.9) ? rng_.Real(0.05, 3) : rng_.Real(3, 8);
      const int64_t at = q.asked_at + static_cast<int64_t>(days * kSecondsPerDay);
      if (at <= g_.now) {
        q.answered_at = at;
        q.answer = std::string(PickFrom(rng_, kAnswers));
      }
    }
    const std::string& name = g_.P(m_.person).name;
    g_.Inbox(out_, "iq-" + q.id, q.addressee_id, InboxItemKind::kQuestion, q.id, id_,
             name + " asked: " + q.text, q.asked_at, rng_);
    if (q.answered_at) {
      g_.Inbox(out_, "ia-" + q.id, id_, InboxItemKind::kAnswer, q.id, q.addressee_id,
               "Your question was answered: " + q.answer, *q.answered_at, rng_);
    }
    out_.checkin_questions.push_back(std::move(q));
  }

  // A skipped cycle: the leader's nudge near its end (in the inbox window only).
  void Nudge(Date cycle, int n) {
    const int64_t at = At(AddDays(cycle, m_.cadence - 3), kNudgeTime);
    if (at > g_.now || m_.team.leader_id == id_) return;
    g_.Inbox(out_, "in-" + id_ + "-" + std::to_string(n), id_, InboxItemKind::kNudge, m_.team.id,
             m_.team.leader_id, "Your check-in for " + m_.team.name + " is overdue.", at, rng_);
  }

  const CheckinsContext& g_;
  const Context& c_;
  FirmData& out_;
  const Member& m_;
  Random rng_;
  const std::string& id_;
};

}  // namespace

void AddCheckinHistory(const CheckinsContext& g,
                       const std::unordered_map<std::string_view, std::string_view>& client_name,
                       uint32_t i, FirmData& out) {
  if (g.team_of[i] < 0) return;
  const Context& c = g.c;
  const Team& team = c.out.teams[g.team_of[i]];
  std::string_view client;
  if (!g.worked_on[i].empty()) {
    client = client_name.at(c.out.engagements[g.worked_on[i].front()].client_id);
  }
  const Member m{i, team, team.checkin_cadence_days, client};
  History(g, m, out).Run();
}

}  // namespace guild::demo::internal
