// OutboxSender over a real SQLite outbox with a scripted transport: sends,
// retries with doubling delays, gives up after the last attempt or at once
// on a permanent refusal, and re-sends a row whose claimer died with the same
// Message-ID. Also the message format and `--smtp` URL parsing.
#include "service/notify/outbox_sender.h"

#include <gtest/gtest.h>

#include <deque>
#include <filesystem>
#include <string>
#include <vector>

#include "service/notify/smtp_transport.h"
#include "store/store.h"

namespace guild {
namespace {

constexpr int64_t kNow = 1'800'000'000;

struct SentMessage {
  std::string from, to, message;
};

class ScriptedTransport final : public MailTransport {
 public:
  Status Send(std::string_view from, std::string_view to, std::string_view message) override {
    Status next = OkStatus();
    if (!script.empty()) {
      next = script.front();
      script.pop_front();
    }
    if (next.ok()) sent.push_back({std::string(from), std::string(to), std::string(message)});
    ++calls;
    return next;
  }
  std::deque<Status> script;  // outcomes of the next calls; OK when empty
  std::vector<SentMessage> sent;
  int calls = 0;
};

class OutboxSenderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = "/tmp/guild-outbox-sender-XXXXXX";
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    const StoreOptions options{dir_ + "/guild.db", true, Durability::kOff};
    store_ = std::move(OpenStore(options)).value();
    accounts_ = std::move(OpenAccountStore(options)).value();
  }
  void TearDown() override {
    accounts_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  void Queue(const std::string& item) {
    const FirmChange empty;
    const OutboxMail mail{.inbox_item_id = item,
                          .person_id = "p1",
                          .to_address = "mia@firm.test",
                          .subject = "Guild: a question for you",
                          .body = "Hello Mia,\n.dot line\nbye",
                          .created_at = kNow,
                          .next_attempt_at = kNow,
                          .message_id = "guild.inbox." + item};
    ASSERT_TRUE(store_->Commit(CommitRequest{.change = &empty, .outbox = {&mail, 1}}).ok());
  }

  OutboxMail Row(size_t index) { return accounts_->ListOutbox(0, 100).value().at(index); }

  OutboxSenderOptions Options() {
    return {.from_address = "guild@firm.example",
            .lease_seconds = 300,
            .max_attempts = 3,
            .first_retry_seconds = 60,
            .max_retry_seconds = 3600};
  }

  std::string dir_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<AccountStore> accounts_;
  FakeClock clock_{kNow};
  ScriptedTransport transport_;
};

TEST_F(OutboxSenderTest, SendsDueMailsOnceAndMarksThemSent) {
  Queue("q1");
  Queue("q2");
  OutboxSender sender(*accounts_, transport_, clock_, Options());
  EXPECT_EQ(*sender.SendDue(), 2);
  EXPECT_EQ(*sender.SendDue(), 0);  // sent rows are never claimed again
  clock_.Advance(100'000);
  EXPECT_EQ(*sender.SendDue(), 0);
  ASSERT_EQ(transport_.sent.size(), 2u);
  EXPECT_EQ(transport_.sent[0].from, "guild@firm.example");
  EXPECT_EQ(transport_.sent[0].to, "mia@firm.test");
  EXPECT_NE(transport_.sent[0].message.find("Message-ID: <guild.inbox.q1@firm.example>\r\n"),
            std::string::npos);
  EXPECT_EQ(Row(0).state, OutboxState::kSent);
  EXPECT_EQ(Row(0).sent_at, std::optional<int64_t>(kNow));
  EXPECT_EQ(Row(0).attempts, 1);
}

TEST_F(OutboxSenderTest, RetriesWithDoublingDelaysThenGivesUpWithTheLastError) {
  Queue("q1");
  transport_.script = {Unavailable("smtp 0: connection refused"), Unavailable("smtp 421: busy"),
                       Unavailable("smtp 421: still busy")};
  OutboxSender sender(*accounts_, transport_, clock_, Options());
  EXPECT_EQ(*sender.SendDue(), 1);  // attempted (not sent)
  EXPECT_EQ(Row(0).state, OutboxState::kPending);
  EXPECT_EQ(Row(0).next_attempt_at, kNow + 60);
  EXPECT_EQ(Row(0).last_error, "smtp 0: connection refused");
  clock_.Advance(59);
  EXPECT_EQ(*sender.SendDue(), 0);
  clock_.Advance(1);
  EXPECT_EQ(*sender.SendDue(), 1);
  EXPECT_EQ(Row(0).next_attempt_at, kNow + 60 + 120);  // doubled
  clock_.Advance(120);
  EXPECT_EQ(*sender.SendDue(), 1);  // the third and last attempt
  EXPECT_EQ(Row(0).state, OutboxState::kFailed);
  EXPECT_EQ(Row(0).attempts, 3);
  EXPECT_EQ(Row(0).last_error, "smtp 421: still busy");
  clock_.Advance(100'000);
  EXPECT_EQ(*sender.SendDue(), 0);
  EXPECT_EQ(transport_.calls, 3);
  EXPECT_TRUE(transport_.sent.empty());
}

TEST_F(OutboxSenderTest, APermanentRefusalFailsAtOnce) {
  Queue("q1");
  transport_.script = {InvalidArgument("smtp 550: no such mailbox")};
  OutboxSender sender(*accounts_, transport_, clock_, Options());
  ASSERT_TRUE(sender.SendDue().ok());
  EXPECT_EQ(Row(0).state, OutboxState::kFailed);
  EXPECT_EQ(Row(0).attempts, 1);
  EXPECT_EQ(Row(0).last_error, "smtp 550: no such mailbox");
}

TEST_F(OutboxSenderTest, ARowWhoseClaimerDiedIsSentAfterTheLeaseWithTheSameMessageId) {
  Queue("q1");
  // Another server claimed the row and died before sending it.
  ASSERT_EQ(accounts_->ClaimOutbox(kNow, 300, 10)->size(), 1u);
  OutboxSender sender(*accounts_, transport_, clock_, Options());
  EXPECT_EQ(*sender.SendDue(), 0);
  clock_.Advance(300);
  EXPECT_EQ(*sender.SendDue(), 1);
  ASSERT_EQ(transport_.sent.size(), 1u);
  EXPECT_NE(transport_.sent[0].message.find("Message-ID: <guild.inbox.q1@firm.example>"),
            std::string::npos);
  EXPECT_EQ(Row(0).state, OutboxState::kSent);
  EXPECT_EQ(Row(0).attempts, 2);
}

TEST(RetryDelay, DoublesUpToTheMaximum) {
  const OutboxSenderOptions options{.first_retry_seconds = 60, .max_retry_seconds = 1000};
  EXPECT_EQ(RetryDelaySeconds(1, options), 60);
  EXPECT_EQ(RetryDelaySeconds(2, options), 120);
  EXPECT_EQ(RetryDelaySeconds(4, options), 480);
  EXPECT_EQ(RetryDelaySeconds(5, options), 960);
  EXPECT_EQ(RetryDelaySeconds(6, options), 1000);
  EXPECT_EQ(RetryDelaySeconds(60, options), 1000);
}

TEST(FormatMailMessage, HeadersCrlfAndEncodedSubject) {
  const OutboxMail mail{.to_address = "mia@firm.test",
                        .subject = "Rückfrage",
                        .body = "one\ntwo\r\nthree",
                        .message_id = "guild.inbox.x.5"};
  const std::string message = FormatMailMessage(mail, "guild@firm.example", 0);
  EXPECT_EQ(message,
            "From: guild@firm.example\r\n"
            "To: mia@firm.test\r\n"
            "Subject: =?UTF-8?B?UsO8Y2tmcmFnZQ==?=\r\n"
            "Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"
            "Message-ID: <guild.inbox.x.5@firm.example>\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n"
            "Content-Transfer-Encoding: 8bit\r\n"
            "\r\n"
            "one\r\ntwo\r\nthree\r\n");
}

TEST(ParseSmtpUrl, ReadsServerUserPasswordAndStartTls) {
  auto plain = ParseSmtpUrl("smtp://127.0.0.1:2525", "envpw");
  ASSERT_TRUE(plain.ok()) << plain.status().ToString();
  EXPECT_EQ(plain->server, "smtp://127.0.0.1:2525");
  EXPECT_EQ(plain->user, "");
  EXPECT_EQ(plain->password, "");  // no user: no AUTH, the env is not used
  EXPECT_EQ(plain->starttls, StartTls::kWhenOffered);

  auto full = ParseSmtpUrl("smtps://mailer%40firm:p%3Ass@mail.firm.example:465/", "envpw");
  ASSERT_TRUE(full.ok()) << full.status().ToString();
  EXPECT_EQ(full->server, "smtps://mail.firm.example:465");
  EXPECT_EQ(full->user, "mailer@firm");
  EXPECT_EQ(full->password, "p:ss");

  auto env = ParseSmtpUrl("smtp://mailer@mail.firm.example?starttls=required", "envpw");
  ASSERT_TRUE(env.ok()) << env.status().ToString();
  EXPECT_EQ(env->password, "envpw");
  EXPECT_EQ(env->starttls, StartTls::kRequired);
}

TEST(ParseSmtpUrl, BadUrlsNameTheProblemAndNeverThePassword) {
  for (const char* url : {"http://host", "smtp://", "smtp://host:0", "smtp://host:99999",
                          "smtp://host:x", "smtp://host/path", "smtp://:secretpw@host",
                          "smtp://u:secretpw%zz@host", "smtp://host?starttls=maybe"}) {
    auto parsed = ParseSmtpUrl(url, "");
    ASSERT_FALSE(parsed.ok()) << url;
    EXPECT_EQ(parsed.status().code(), StatusCode::kInvalidArgument) << url;
    EXPECT_NE(parsed.status().message().find("--smtp"), std::string::npos) << url;
    EXPECT_EQ(parsed.status().message().find("secretpw"), std::string::npos) << url;
  }
}

}  // namespace
}  // namespace guild
