#include "service/notify/outbox_sender.h"

#include <algorithm>
#include <ctime>

namespace guild {

namespace {

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

std::string Base64(std::string_view bytes) {
  static constexpr char kDigits[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 3) {
    uint32_t n = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 2]);
    out += kDigits[(n >> 18) & 63];
    out += kDigits[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kDigits[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kDigits[n & 63] : '=';
  }
  return out;
}

std::string HeaderText(std::string_view text) {
  if (IsAscii(text)) return std::string(text);
  return "=?UTF-8?B?" + Base64(text) + "?=";
}

std::string RfcDate(int64_t now) {
  const std::time_t t = static_cast<std::time_t>(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buffer;
}

// Body lines end in CRLF (a lone LF or CR becomes CRLF).
std::string CrlfBody(std::string_view body) {
  std::string out;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\r') {
      if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
      out += "\r\n";
    } else if (body[i] == '\n') {
      out += "\r\n";
    } else {
      out += body[i];
    }
  }
  if (out.size() < 2 || out.compare(out.size() - 2, 2, "\r\n") != 0) out += "\r\n";
  return out;
}

}  // namespace

int64_t RetryDelaySeconds(int attempts, const OutboxSenderOptions& options) {
  int64_t delay = std::max<int64_t>(options.first_retry_seconds, 1);
  for (int i = 1; i < attempts && delay < options.max_retry_seconds; ++i) delay *= 2;
  return std::min(delay, options.max_retry_seconds);
}

std::string FormatMailMessage(const OutboxMail& mail, std::string_view from_address, int64_t now) {
  const size_t at = from_address.rfind('@');
  const std::string_view domain = at == std::string_view::npos ? std::string_view("guild.invalid")
                                                               : from_address.substr(at + 1);
  std::string message;
  message += "From: " + std::string(from_address) + "\r\n";
  message += "To: " + mail.to_address + "\r\n";
  message += "Subject: " + HeaderText(mail.subject) + "\r\n";
  message += "Date: " + RfcDate(now) + "\r\n";
  message += "Message-ID: <" + mail.message_id + "@" + std::string(domain) + ">\r\n";
  message += "MIME-Version: 1.0\r\n";
  message += "Content-Type: text/plain; charset=utf-8\r\n";
  message += "Content-Transfer-Encoding: 8bit\r\n";
  message += "\r\n";
  message += CrlfBody(mail.body);
  return message;
}

OutboxSender::OutboxSender(AccountStore& accounts, MailTransport& transport, const Clock& clock,
                           OutboxSenderOptions options)
    : accounts_(accounts), transport_(transport), clock_(clock), options_(std::move(options)) {}

OutboxSender::~OutboxSender() { Stop(); }

Result<int> OutboxSender::SendDue() {
  ASSIGN_OR_RETURN(std::vector<OutboxMail> mails,
                   accounts_.ClaimOutbox(clock_.NowSeconds(), options_.lease_seconds,
                                         std::max(options_.batch, 1)));
  int sent = 0;
  for (const OutboxMail& mail : mails) {
    {
      std::lock_guard lock(mu_);
      if (stopping_) break;  // the rest is sent after its lease
    }
    RETURN_IF_ERROR(SendOne(mail));
    ++sent;
  }
  return sent;
}

Status OutboxSender::SendOne(const OutboxMail& mail) {
  const int64_t now = clock_.NowSeconds();
  const Status sent = transport_.Send(options_.from_address, mail.to_address,
                                      FormatMailMessage(mail, options_.from_address, now));
  OutboxUpdate update{.id = mail.id};
  if (sent.ok()) {
    update.state = OutboxState::kSent;
    update.sent_at = clock_.NowSeconds();
    return accounts_.FinishOutbox(update);
  }
  update.last_error = sent.message();
  const bool final =
      sent.code() == StatusCode::kInvalidArgument || mail.attempts >= options_.max_attempts;
  if (final) {
    update.state = OutboxState::kFailed;
    Log("email " + std::to_string(mail.id) + " to person " + mail.person_id +
        " failed for good after " + std::to_string(mail.attempts) +
        " attempt(s): " + sent.message());
  } else {
    update.state = OutboxState::kPending;
    update.next_attempt_at = now + RetryDelaySeconds(mail.attempts, options_);
  }
  return accounts_.FinishOutbox(update);
}

void OutboxSender::Log(const std::string& line) const {
  if (options_.log) options_.log(line);
}

void OutboxSender::Start() {
  if (thread_.joinable()) return;
  {
    std::lock_guard lock(mu_);
    stopping_ = false;
  }
  thread_ = std::thread([this] { Loop(); });
}

void OutboxSender::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void OutboxSender::Loop() {
  for (;;) {
    Result<int> sent = SendDue();
    if (!sent.ok()) Log("email outbox: " + sent.status().ToString());
    std::unique_lock lock(mu_);
    if (stopping_) return;
    // Right after a full round there may be more due: go again at once.
    if (sent.ok() && *sent >= options_.batch) continue;
    wake_.wait_for(lock, options_.poll, [&] { return stopping_; });
    if (stopping_) return;
  }
}

}  // namespace guild
