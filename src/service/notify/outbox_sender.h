// OutboxSender: sends the emails queued in the outbox (docs/NOTIFICATIONS.md).
//
// Each round claims the due rows (AccountStore::ClaimOutbox: a lease of
// options.lease_seconds; on PostgreSQL no two servers claim one row), hands
// each to the MailTransport and records the outcome at once: sent; tried
// again after a delay that doubles per attempt (RetryDelaySeconds); or
// failed for good after options.max_attempts, or at once when the server
// refused the mail permanently (a 5xx reply: kInvalidArgument from the
// transport), with the transport's message as last_error.
//
// Crash safety: a row is written with the change that caused it, so it is
// never lost. A server that dies while a row is claimed leaves it "sending"
// until the lease ends; the next claim sends it again with the same
// Message-ID. The one window in which a mail is sent twice is a crash (or a
// lost database connection) after the SMTP server accepted it and before
// FinishOutbox marked it sent: the mark is written right after the server's
// reply, one short UPDATE, with nothing else in between.
//
// Thread safety: Start/Stop from one thread; SendDue may run on any one
// thread at a time (Start runs it on its own thread).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "common/date.h"
#include "common/status.h"
#include "store/account_store.h"

namespace guild {

//! Delivers one message. Implemented with libcurl's SMTP (smtp_transport.h)
//! and by fakes in tests.
class MailTransport {
 public:
  virtual ~MailTransport() = default;
  //! Sends `message` (RFC 5322 text, CRLF line ends) from `from` to `to`.
  //! OK when the server accepted it; kInvalidArgument when it refused it
  //! for good (5xx); any other code when it may work later (server down,
  //! 4xx). The message says what the server answered; never a password.
  [[nodiscard]] virtual Status Send(std::string_view from, std::string_view to,
                                    std::string_view message) = 0;
};

struct OutboxSenderOptions {
  //! The From address ("guild@firm.example"); its domain ends each
  //! Message-ID. Required.
  std::string from_address;
  //! Most rows claimed per round.
  int batch = 20;
  //! How long a claim holds a row before another server may send it.
  int64_t lease_seconds = 300;
  //! Attempts before a row fails for good.
  int max_attempts = 8;
  //! Delay after the first failed attempt; doubles with each attempt.
  int64_t first_retry_seconds = 60;
  //! Longest delay between attempts.
  int64_t max_retry_seconds = 6 * 3600;
  //! Pause between rounds when nothing was due (Start).
  std::chrono::milliseconds poll = std::chrono::seconds(2);
  //! Receives one line per mail given up and per failed round; no secrets.
  std::function<void(const std::string&)> log;
};

//! Seconds to wait after failed attempt number `attempts` (1, 2, ...):
//! first_retry_seconds * 2^(attempts-1), at most max_retry_seconds.
int64_t RetryDelaySeconds(int attempts, const OutboxSenderOptions& options);

//! The RFC 5322 message of `mail`: From, To, Subject (RFC 2047 encoded when
//! not ASCII), Date (from `now`), Message-ID "<message_id@domain of from>",
//! a UTF-8 plain-text body; CRLF line ends.
std::string FormatMailMessage(const OutboxMail& mail, std::string_view from_address, int64_t now);

class OutboxSender {
 public:
  //! Every reference must outlive the sender.
  OutboxSender(AccountStore& accounts, MailTransport& transport, const Clock& clock,
               OutboxSenderOptions options);
  ~OutboxSender();
  OutboxSender(const OutboxSender&) = delete;
  OutboxSender& operator=(const OutboxSender&) = delete;

  //! One round: claims the due rows and sends each. Returns how many were
  //! sent. Errors: the store's (claiming or marking); rows already marked
  //! stay marked, a claimed row not yet marked is sent after its lease.
  [[nodiscard]] Result<int> SendDue();

  //! Runs rounds on a thread of its own until Stop (errors are logged and
  //! retried next round).
  void Start();
  //! Ends the thread after its current mail. Idempotent.
  void Stop();

 private:
  [[nodiscard]] Status SendOne(const OutboxMail& mail);
  void Loop();
  void Log(const std::string& line) const;

  AccountStore& accounts_;
  MailTransport& transport_;
  const Clock& clock_;
  const OutboxSenderOptions options_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;  // GUARDED_BY(mu_)
  std::thread thread_;
};

}  // namespace guild
