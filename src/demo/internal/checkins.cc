// The demo's check-ins and feedback (issue 25): people teams, a year of
// check-ins with blockers and questions, feedback requests and the inbox.
// Draws from generators of its own, so earlier entities stay as they were
// (apart from every earlier team's cadence, set to 0).
#include "demo/internal/checkins.h"

#include <algorithm>

namespace guild::demo::internal {

namespace {

constexpr int64_t kReadAfterSeconds = 3 * kSecondsPerDay;
constexpr double kReadShareOld = 0.9;
constexpr double kReadShareRecent = 0.4;
constexpr uint64_t kPersonMix = 0x9e37'79b9'7f4a'7c15ULL;

}  // namespace

Random CheckinsContext::PersonRandom(uint32_t person, uint64_t salt) const {
  return Random(c.options.seed ^ salt ^ ((person + 1ULL) * kPersonMix));
}

void CheckinsContext::Inbox(FirmData& out, std::string id, const std::string& to,
                            InboxItemKind kind, std::string ref, const std::string& from,
                            std::string text, int64_t created_at, Random& rng) const {
  const bool read =
      rng.Chance(now - created_at > kReadAfterSeconds ? kReadShareOld : kReadShareRecent);
  const int64_t read_after = rng.Range(60, 2 * 86400);
  if (created_at < now - kInboxDays * kSecondsPerDay || created_at > now) return;
  InboxItem item;
  item.id = std::move(id);
  item.person_id = to;
  item.kind = kind;
  item.ref_id = std::move(ref);
  item.from_id = from;
  item.text = std::move(text);
  item.created_at = created_at;
  if (read && created_at + read_after <= now) item.read_at = created_at + read_after;
  out.inbox_items.push_back(std::move(item));
}

namespace {

void WorkedOn(CheckinsContext& g) {
  Context& c = g.c;
  g.worked_on.assign(c.out.people.size(), {});
  auto add = [&](uint32_t person, uint32_t engagement) {
    auto& list = g.worked_on[person];
    if (std::find(list.begin(), list.end(), engagement) == list.end()) list.push_back(engagement);
  };
  for (uint32_t i = 0; i < c.out.people.size(); ++i) {
    if (c.primary_engagement[i] >= 0) add(i, static_cast<uint32_t>(c.primary_engagement[i]));
  }
  std::unordered_map<std::string_view, uint32_t> engagement, of_opening;
  for (uint32_t e = 0; e < c.out.engagements.size(); ++e) {
    engagement.emplace(c.out.engagements[e].id, e);
  }
  for (const Opening& o : c.out.openings) of_opening.emplace(o.id, engagement.at(o.engagement_id));
  for (const Assignment& a : c.out.assignments) {
    auto o = of_opening.find(a.opening_id);
    if (o != of_opening.end()) add(g.person.at(a.person_id), o->second);
  }
  for (const TimeEntry& t : c.out.time_entries) {
    if (t.category == TimeCategory::kBillable && !t.engagement_id.empty()) {
      add(g.person.at(t.person_id), engagement.at(t.engagement_id));
    }
  }
}

}  // namespace

PersonHistories::PersonHistories(Context& c) : g_{c} {
  CheckinsContext& g = g_;
  g.now = At(c.options.today, c.options.time_of_day);
  g.first_day = AddDays(WeekStart(c.options.today), -7 * (c.options.checkin_weeks - 1));
  g.person.reserve(c.out.people.size());
  for (uint32_t i = 0; i < c.out.people.size(); ++i) g.person.emplace(c.out.people[i].id, i);
  for (const TimeEntry& t : c.out.time_entries) {
    if (t.category == TimeCategory::kTimeOff && t.date <= c.options.today) {
      g.time_off[g.person.at(t.person_id)].push_back(t.date);
    }
  }
  WorkedOn(g);
  AddPeopleTeams(g);
  for (const Client& cl : c.out.clients) client_name_.emplace(cl.id, cl.name);
  feedback_ = MakeFeedbackBuilder(g);
}

PersonHistories::~PersonHistories() = default;

void PersonHistories::Generate(uint32_t begin, uint32_t end, FirmData& out) const {
  for (uint32_t i = begin; i < end; ++i) {
    AddCheckinHistory(g_, client_name_, i, out);
    AddFeedback(*feedback_, i, out);
  }
}

}  // namespace guild::demo::internal
