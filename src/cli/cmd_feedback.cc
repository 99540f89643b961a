// `guild feedback list [--person P] [--json]`: feedback requests in the
// database with their answers' status and sharing, never the answers' texts
// (docs/FEEDBACK.md: no role reads another person's feedback). An operator
// tool over --db, through the FeedbackService.
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/commands.h"
#include "service/feedback/feedback_service.h"
#include "store/store.h"

namespace guild::cli {
namespace {

using Json = nlohmann::json;

struct ListFlags {
  std::string db = "guild.db";
  std::string person;
  std::string today;
  bool json = false;
};

Json AnswerJson(const FeedbackAnswer& a) {
  return {{"reviewer_id", a.reviewer_id},
          {"status", ToString(a.status)},
          {"responded_at", a.responded_at ? Json(*a.responded_at) : Json()},
          {"shared_with_id", a.shared_with_id.empty() ? Json() : Json(a.shared_with_id)},
          {"shared_at", a.shared_at ? Json(*a.shared_at) : Json()}};
}

Json RequestJson(const FeedbackRequestView& v) {
  const FeedbackRequest& r = v.request;
  Json answers = Json::array();
  for (const FeedbackAnswer& a : v.answers) answers.push_back(AnswerJson(a));
  return {{"id", r.id},
          {"requester_id", r.requester_id},
          {"event_kind", ToString(r.event_kind)},
          {"event", r.event},
          {"event_date", FormatDate(r.event_date)},
          {"engagement_id", r.engagement_id.empty() ? Json() : Json(r.engagement_id)},
          {"asked_at", r.asked_at},
          {"expires_on", FormatDate(r.expires_on)},
          {"expired", v.expired},
          {"answers", answers}};
}

void PrintRequest(const FirmSnapshot& s, const FeedbackRequestView& v) {
  const FeedbackRequest& r = v.request;
  const Person* requester = s.FindPerson(r.requester_id);
  std::printf("%s  %s %s \"%s\" asked by %s; expires %s%s\n", r.id.c_str(),
              FormatDate(r.event_date).c_str(), std::string(ToString(r.event_kind)).c_str(),
              r.event.c_str(), requester ? requester->name.c_str() : r.requester_id.c_str(),
              FormatDate(r.expires_on).c_str(), v.expired ? " (expired)" : "");
  for (const FeedbackAnswer& a : v.answers) {
    const Person* reviewer = s.FindPerson(a.reviewer_id);
    std::printf("    %-24s %s%s%s\n", reviewer ? reviewer->name.c_str() : a.reviewer_id.c_str(),
                std::string(ToString(a.status)).c_str(),
                a.shared_with_id.empty() ? "" : ", shared with ", a.shared_with_id.c_str());
  }
}

int List(const ListFlags& flags) {
  std::unique_ptr<Clock> clock;
  if (flags.today.empty()) {
    clock = std::make_unique<SystemClock>();
  } else {
    auto today = ParseDate(flags.today);
    if (!today) {
      return Fail(
          InvalidArgument("--today: expected a date YYYY-MM-DD, got '" + flags.today + "'"));
    }
    clock = std::make_unique<FakeClock>(int64_t{today->days} * 86400);
  }
  auto store = OpenStore(StoreOptions{flags.db, false, Durability::kFull});
  if (!store.ok()) return Fail(store.status());
  SnapshotHolder snapshots(**store, SnapshotOptions{});
  if (Status loaded = snapshots.Load(); !loaded.ok()) return Fail(loaded);
  auto snapshot = snapshots.Peek();
  if (!flags.person.empty() && !snapshot->PersonIndex(flags.person)) {
    return Fail(
        InvalidArgument("--person: expected the id of a person, got '" + flags.person + "'"));
  }
  FirmWriter writer(**store, &snapshots, *clock);
  FeedbackService service(**store, snapshots, writer, *clock, FeedbackOptions{});
  auto views = service.ListForOperator(flags.person);
  if (!views.ok()) return Fail(views.status());
  if (flags.json) {
    Json out = Json::array();
    for (const FeedbackRequestView& v : *views) out.push_back(RequestJson(v));
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  if (views->empty()) std::printf("no feedback requests\n");
  for (const FeedbackRequestView& v : *views) PrintRequest(*snapshot, v);
  return kExitOk;
}

void RegisterFeedback(CLI::App& app, int& exit_code) {
  CLI::App* feedback = app.add_subcommand("feedback", "Feedback requests (docs/FEEDBACK.md)");
  feedback->require_subcommand(1);
  auto flags = std::make_shared<ListFlags>();
  CLI::App* ls = feedback->add_subcommand(
      "list", "Requests with their answers' status and sharing (never the answers' texts)");
  AddDbOption(*ls, flags->db);
  ls->add_option("--person", flags->person,
                 "Requests this person made, then those asked of them (default: every request)");
  ls->add_option("--today", flags->today, "The date expiry is judged on (default: today)");
  ls->add_flag("--json", flags->json, "Print JSON");
  ls->callback([flags, &exit_code] { exit_code = List(*flags); });
}

}  // namespace

GUILD_REGISTER_COMMAND(feedback, RegisterFeedback)

}  // namespace guild::cli
