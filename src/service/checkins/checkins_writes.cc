// CheckinsService writes: saving (draft or submit) a check-in with its
// blockers and routed question, nudges, and answers to routed questions.
// Each checks access and every rule first, then commits one FirmChange.
#include <algorithm>

#include "domain/validate.h"
#include "service/accounts/crypto.h"
#include "service/checkins/checkins_service.h"
#include "service/checkins/internal/rows.h"

namespace guild {

namespace rows = checkins::internal;

namespace {

constexpr size_t kGeneratedIdChars = 12;
constexpr size_t kInboxTextBytes = 200;

std::string NewId(std::string_view prefix) {
  return std::string(prefix) + GenerateToken("").substr(0, kGeneratedIdChars);
}

Status Bad(std::string field, std::string expected) {
  return InvalidField(std::move(field), std::move(expected), {}, "body");
}

// The first broken rule of `item` (domain validate.h), the field named as
// `prefix` + its field.
template <typename T>
Status FirstBrokenRule(const T& item, void (*validate)(const T&, std::vector<FieldError>&),
                       std::string_view prefix = {}) {
  std::vector<FieldError> errors;
  validate(item, errors);
  if (errors.empty()) return OkStatus();
  return Bad(std::string(prefix) + errors.front().field, errors.front().expected);
}

// One line for an inbox: the text cut at kInboxTextBytes (on a UTF-8
// character boundary) with its line breaks made spaces.
std::string InboxLine(std::string_view text) {
  std::string out(text.substr(0, std::min(text.size(), kInboxTextBytes)));
  if (out.size() < text.size()) {
    while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) {
      out.pop_back();
    }
    if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0x80) != 0) out.pop_back();
  }
  std::replace(out.begin(), out.end(), '\n', ' ');
  std::replace(out.begin(), out.end(), '\r', ' ');
  return out;
}

Status CheckText(const std::string& text, std::string field, bool required) {
  if (text.size() > kMaxCheckinTextBytes) {
    return Bad(std::move(field),
               "text of at most " + std::to_string(kMaxCheckinTextBytes) + " bytes");
  }
  if (required && text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Bad(std::move(field),
               "a non-empty text of at most " + std::to_string(kMaxCheckinTextBytes) + " bytes");
  }
  return OkStatus();
}

// The team runs check-ins and the actor is one of its members (not its
// leader: `checks_in`, from the per-snapshot indexes), writing their own
// check-in.
Status CheckAuthor(const Team& t, bool checks_in, const Principal& actor,
                   const CheckinDraft& draft) {
  if (draft.person_id && *draft.person_id != actor.person_id) {
    return Bad("person_id", "your own person id: a check-in is written by its author only");
  }
  RETURN_IF_ERROR(rows::RunsCheckins(t));
  if (!checks_in) {
    return InvalidField("team", "a team you are a member of (its leader does not check in)", t.id,
                        "path");
  }
  return OkStatus();
}

// The actor's check-in of the draft's cycle with the draft's fields: the
// saved one, or a new one. The cycle is today's or an earlier one; a
// submitted check-in is not edited once its cycle has ended.
Result<Checkin> Drafted(Store& store, const Team& t, const Principal& actor,
                        const CheckinDraft& draft, Date today) {
  const checkins::Cycle current = checkins::CycleOf(today, t.checkin_cadence_days);
  const checkins::Cycle cycle =
      checkins::CycleOf(draft.cycle.value_or(today), t.checkin_cadence_days);
  if (cycle.start > current.start) {
    return Bad("cycle", "a day of the current cycle (from " + FormatDate(current.start) +
                            ") or of an earlier one");
  }
  ASSIGN_OR_RETURN(std::optional<Checkin> saved,
                   rows::CheckinOf(store, actor.person_id, t.id, cycle.start));
  if (saved && saved->submitted_at && cycle.start < current.start) {
    return Bad("cycle", "the current cycle (from " + FormatDate(current.start) +
                            "): a submitted check-in is not edited after its cycle ended");
  }
  Checkin c = saved.value_or(Checkin{.id = NewId("ci-"),
                                     .team_id = t.id,
                                     .person_id = actor.person_id,
                                     .cycle_start = cycle.start});
  if (draft.client_change) c.client_change = *draft.client_change;
  if (draft.note) c.note = *draft.note;
  return c;
}

// New blockers, opened today by the (submitted) check-in `c`.
Status RaiseBlockers(const Checkin& c, const CheckinDraft& draft, Date today, FirmChange& change) {
  if (draft.blockers.empty()) return OkStatus();
  if (!c.submitted_at) {
    return Bad("blockers",
               "sent with submit: true (blockers are raised when the check-in is "
               "submitted; a draft keeps client_change and note)");
  }
  for (size_t i = 0; i < draft.blockers.size(); ++i) {
    const std::string field = "blockers[" + std::to_string(i) + "]";
    RETURN_IF_ERROR(CheckText(draft.blockers[i], field + ".text", true));
    CheckinBlocker b{.id = NewId("bl-"),
                     .team_id = c.team_id,
                     .person_id = c.person_id,
                     .checkin_id = c.id,
                     .text = draft.blockers[i],
                     .opened_on = today};
    RETURN_IF_ERROR(FirstBrokenRule(b, &ValidateCheckinBlocker, field + "."));
    change.upserts.checkin_blockers.push_back(std::move(b));
  }
  return OkStatus();
}

// Marks resolved today the author's open blockers on the team the draft names.
Status ResolveBlockers(Store& store, const Checkin& c, const CheckinDraft& draft, Date today,
                       FirmChange& change) {
  if (draft.resolve_blockers.empty()) return OkStatus();
  ASSIGN_OR_RETURN(auto open, rows::OpenBlockersOf(store, c.person_id, c.team_id));
  for (size_t i = 0; i < draft.resolve_blockers.size(); ++i) {
    const std::string& id = draft.resolve_blockers[i];
    auto it =
        std::find_if(open.begin(), open.end(), [&](const CheckinBlocker& b) { return b.id == id; });
    if (it == open.end()) {
      return Bad(
          "resolve_blockers[" + std::to_string(i) + "]",
          "the id of one of your open blockers on team '" + c.team_id + "' (got '" + id + "')");
    }
    CheckinBlocker b = *it;
    b.resolved_on = std::max(today, b.opened_on);
    change.upserts.checkin_blockers.push_back(std::move(b));
  }
  return OkStatus();
}

// The one question of the (submitted) check-in `c`, routed to the team's
// leader or a teammate, never oneself, with its inbox item for the addressee.
Status RouteQuestion(Store& store, const FirmSnapshot& s, uint32_t team, const Checkin& c,
                     const CheckinDraft& draft, int64_t now, FirmChange& change) {
  if (!draft.question_addressee_id && !draft.question_text) return OkStatus();
  const std::string addressee = draft.question_addressee_id.value_or("");
  if (addressee == c.person_id) {
    return Bad("question.addressee_id", "the team's leader or a teammate, not yourself");
  }
  auto to = s.PersonIndex(addressee);
  if (!to || !s.OnTeam(*to, team)) {
    return Bad("question.addressee_id", "the id of the leader or a member of team '" + c.team_id +
                                            "' (got '" + addressee + "')");
  }
  RETURN_IF_ERROR(CheckText(draft.question_text.value_or(""), "question.text", true));
  ASSIGN_OR_RETURN(auto asked, rows::QuestionsOfCheckin(store, c.id));
  if (!asked.empty()) return Bad("question", "no second question: this check-in already asked one");
  if (!c.submitted_at) {
    return Bad("question",
               "sent with submit: true (a question is routed when the check-in is "
               "submitted; a draft keeps client_change and note)");
  }
  CheckinQuestion q{.id = NewId("q-"),
                    .checkin_id = c.id,
                    .team_id = c.team_id,
                    .asker_id = c.person_id,
                    .addressee_id = addressee,
                    .text = *draft.question_text,
                    .asked_at = now};
  RETURN_IF_ERROR(FirstBrokenRule(q, &ValidateCheckinQuestion, "question."));
  InboxItem item{.id = "question:" + q.id,
                 .person_id = addressee,
                 .kind = InboxItemKind::kQuestion,
                 .ref_id = q.id,
                 .from_id = c.person_id,
                 .text = InboxLine(q.text),
                 .created_at = now};
  RETURN_IF_ERROR(FirstBrokenRule(item, &ValidateInboxItem));
  change.upserts.checkin_questions.push_back(std::move(q));
  change.upserts.inbox_items.push_back(std::move(item));
  return OkStatus();
}

}  // namespace

Status CheckinsService::Commit(const Principal& actor, FirmChange change, std::string_view action,
                               std::string_view entity, std::string_view entity_id) {
  WriteRequest request{std::move(change),
                       AuditEntry{0, 0, actor.user_id, std::string(action), std::string(entity),
                                  std::string(entity_id), ""},
                       ""};
  return writer_.Commit(request).status();
}

std::mutex& CheckinsService::WriteLock(std::string_view key) {
  return write_mu_[std::hash<std::string_view>{}(key) % kWriteStripes];
}

Result<Checkin> CheckinsService::Save(const Principal& actor, std::string_view team_id,
                                      const CheckinDraft& draft) {
  std::lock_guard lock(WriteLock(actor.person_id));
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmSnapshot& s = *snapshot;
  ASSIGN_OR_RETURN(uint32_t team, ReadableTeam(Authorizer(s), actor, team_id));
  const Team& t = s.data().teams[team];
  ASSIGN_OR_RETURN(auto indexes, indexes_.Get(snapshot));
  const auto author = s.PersonIndex(actor.person_id);
  RETURN_IF_ERROR(CheckAuthor(t, author && indexes->ChecksIn(team, *author), actor, draft));
  const Date today = clock_.Today();
  const int64_t now = clock_.NowSeconds();
  ASSIGN_OR_RETURN(Checkin c, Drafted(store_, t, actor, draft, today));
  c.updated_at = now;
  if (draft.submit && !c.submitted_at) c.submitted_at = now;
  RETURN_IF_ERROR(CheckText(c.client_change, "client_change", c.submitted_at.has_value()));
  RETURN_IF_ERROR(CheckText(c.note, "note", false));
  RETURN_IF_ERROR(FirstBrokenRule(c, &ValidateCheckin));
  FirmChange change;
  change.upserts.checkins.push_back(c);
  RETURN_IF_ERROR(RaiseBlockers(c, draft, today, change));
  RETURN_IF_ERROR(ResolveBlockers(store_, c, draft, today, change));
  RETURN_IF_ERROR(RouteQuestion(store_, s, team, c, draft, now, change));
  RETURN_IF_ERROR(Commit(actor, std::move(change),
                         c.submitted_at ? "checkin.submit" : "checkin.draft", "checkin", c.id));
  return c;
}

Result<int> CheckinsService::Nudge(const Principal& actor, std::string_view team_id) {
  std::lock_guard lock(WriteLock(team_id));
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmSnapshot& s = *snapshot;
  ASSIGN_OR_RETURN(uint32_t team, LedTeam(Authorizer(s), actor, team_id));
  const Team& t = s.data().teams[team];
  RETURN_IF_ERROR(rows::RunsCheckins(t));
  const Date today = clock_.Today();
  const checkins::Cycle cycle = checkins::CycleOf(today, t.checkin_cadence_days);
  ASSIGN_OR_RETURN(auto indexes, indexes_.Get(snapshot));
  ASSIGN_OR_RETURN(auto members, MemberStatuses(s, *indexes, team, cycle, today));
  FirmChange change;
  for (const MemberCheckin& m : members) {
    if (!checkins::NeedsNudge(m.status)) continue;
    const std::string& person = s.data().people[m.person].id;
    std::string id = NudgeId(t.id, cycle.start, person);
    ASSIGN_OR_RETURN(bool exists, rows::InboxItemExists(store_, id));
    if (exists) continue;
    change.upserts.inbox_items.push_back(
        InboxItem{.id = std::move(id),
                  .person_id = person,
                  .kind = InboxItemKind::kNudge,
                  .ref_id = t.id,
                  .from_id = actor.person_id,
                  .text = InboxLine("Check in with " + t.name + " by " + FormatDate(cycle.due)),
                  .created_at = clock_.NowSeconds()});
  }
  const int count = static_cast<int>(change.upserts.inbox_items.size());
  if (count == 0) return 0;
  RETURN_IF_ERROR(Commit(actor, std::move(change), "checkin.nudge", "team", t.id));
  return count;
}

Result<int> CheckinsService::SetCadence(const Principal& actor, std::string_view team_id, int days,
                                        std::span<const std::string> if_match) {
  std::lock_guard lock(WriteLock(team_id));
  std::lock_guard record(writer_.RecordLock(EntityKind::kTeams, team_id));
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmSnapshot& s = *snapshot;
  const Authorizer authorizer(s);
  ASSIGN_OR_RETURN(uint32_t team, ReadableTeam(authorizer, actor, team_id));
  if (!authorizer.CanSetCheckinCadence(actor, team_id)) {
    return PermissionDenied("only the team's leaders and administrators set its check-in cadence");
  }
  if (days < 0 || days > kMaxCheckinCadenceDays) {
    return Bad("days", "a whole number of days from 1 to " +
                           std::to_string(kMaxCheckinCadenceDays) +
                           " (7 weekly, 14 fortnightly), or 0 for no check-ins");
  }
  Team changed = s.data().teams[team];
  RETURN_IF_ERROR(CheckTeamVersion(changed, if_match));
  if (changed.checkin_cadence_days == days) return days;
  changed.checkin_cadence_days = days;
  RETURN_IF_ERROR(FirstBrokenRule<Team>(changed, &ValidateTeam));
  FirmChange change;
  change.upserts.teams.push_back(std::move(changed));
  RETURN_IF_ERROR(Commit(actor, std::move(change), "team.checkin_cadence", "team", team_id));
  return days;
}

Result<CheckinQuestion> CheckinsService::Answer(const Principal& actor,
                                                std::string_view question_id,
                                                std::string_view answer) {
  std::lock_guard lock(WriteLock(question_id));
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const Authorizer authorizer(*snapshot);
  ASSIGN_OR_RETURN(std::optional<CheckinQuestion> found, rows::QuestionById(store_, question_id));
  if (!found || !authorizer.CanReadCheckinQuestion(actor, found->asker_id, found->addressee_id,
                                                   found->team_id)) {
    return NotFound("no question '" + std::string(question_id) + "'");
  }
  if (actor.person_id != found->addressee_id) {
    return PermissionDenied("only the person the question was routed to answers it");
  }
  if (found->answered_at) return FailedPrecondition("the question was already answered");
  CheckinQuestion q = std::move(*found);
  q.answer = std::string(answer);
  RETURN_IF_ERROR(CheckText(q.answer, "answer", true));
  const int64_t now = clock_.NowSeconds();
  q.answered_at = std::max(now, q.asked_at);
  RETURN_IF_ERROR(FirstBrokenRule(q, &ValidateCheckinQuestion));
  FirmChange change;
  change.upserts.inbox_items.push_back(InboxItem{.id = "answer:" + q.id,
                                                 .person_id = q.asker_id,
                                                 .kind = InboxItemKind::kAnswer,
                                                 .ref_id = q.id,
                                                 .from_id = actor.person_id,
                                                 .text = InboxLine(q.answer),
                                                 .created_at = now});
  change.upserts.checkin_questions.push_back(q);
  RETURN_IF_ERROR(Commit(actor, std::move(change), "checkin.answer", "checkin-question", q.id));
  return q;
}

}  // namespace guild
