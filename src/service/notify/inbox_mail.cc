#include "service/notify/inbox_mail.h"

#include <string>
#include <string_view>

namespace guild {

namespace {

std::string_view SubjectOf(InboxItemKind kind) {
  switch (kind) {
    case InboxItemKind::kNudge: return "Guild: your check-in is due";
    case InboxItemKind::kQuestion: return "Guild: a question for you";
    case InboxItemKind::kAnswer: return "Guild: your question was answered";
    case InboxItemKind::kFeedbackRequest: return "Guild: feedback requested";
    case InboxItemKind::kFeedbackAnswer: return "Guild: feedback for you";
    case InboxItemKind::kMentorshipRequest: return "Guild: someone asks you to mentor them";
    case InboxItemKind::kMentorshipAnswer: return "Guild: your mentoring request was answered";
  }
  return "Guild: new in your inbox";
}

// The Message-ID's local part: the item's id with anything outside
// [A-Za-z0-9.-] replaced, and its creation time; stable for the row.
std::string MessageIdOf(const InboxItem& item) {
  std::string id = "guild.inbox.";
  for (char c : item.id) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '-';
    id += plain ? c : '_';
  }
  return id + "." + std::to_string(item.created_at);
}

// One line, no CR or LF (a header may not break).
std::string OneLine(std::string_view text) {
  std::string line;
  for (char c : text) line += (c == '\r' || c == '\n') ? ' ' : c;
  return line;
}

}  // namespace

std::optional<OutboxMail> MailForInboxItem(const InboxItem& item, const Person& to,
                                           const Person* from, int64_t now) {
  if (item.read_at.has_value() || to.email.empty()) return std::nullopt;
  std::string body = "Hello " + to.name + ",\n\n" + item.text + "\n";
  if (from != nullptr) body += "\nFrom: " + from->name + "\n";
  body += "\nOpen your Guild inbox to read it.\n";
  return OutboxMail{.inbox_item_id = item.id,
                    .person_id = item.person_id,
                    .to_address = OneLine(to.email),
                    .subject = std::string(SubjectOf(item.kind)),
                    .body = std::move(body),
                    .created_at = now,
                    .next_attempt_at = now,
                    .message_id = MessageIdOf(item)};
}

}  // namespace guild
