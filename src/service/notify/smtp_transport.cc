#include "service/notify/smtp_transport.h"

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <mutex>

namespace guild {

namespace {

std::string PercentDecode(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

bool IsHex(char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }

bool ValidPercents(std::string_view text) {
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') continue;
    if (i + 2 >= text.size() || !IsHex(text[i + 1]) || !IsHex(text[i + 2])) return false;
  }
  return true;
}

Status BadUrl(std::string_view why) {
  return InvalidArgument("--smtp: " + std::string(why) +
                         "; expected smtp[s]://[user[:password]@]host[:port]"
                         "[?starttls=required]");
}

// Feeds the message to curl's upload.
struct Upload {
  std::string_view rest;
};

size_t ReadChunk(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const size_t n = std::min(size * count, upload->rest.size());
  std::memcpy(buffer, upload->rest.data(), n);
  upload->rest.remove_prefix(n);
  return n;
}

void InitCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlDeleter {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

Result<SmtpOptions> ParseSmtpUrl(std::string_view url, std::string_view env_password) {
  SmtpOptions options;
  std::string_view scheme;
  for (std::string_view s : {"smtp://", "smtps://"}) {
    if (url.substr(0, s.size()) == s) scheme = s;
  }
  if (scheme.empty()) return BadUrl("the scheme must be smtp:// or smtps://");
  std::string_view rest = url.substr(scheme.size());
  std::string_view query;
  if (const size_t q = rest.find('?'); q != std::string_view::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  if (const size_t at = rest.rfind('@'); at != std::string_view::npos) {
    std::string_view userinfo = rest.substr(0, at);
    rest = rest.substr(at + 1);
    const size_t colon = userinfo.find(':');
    const std::string_view user = userinfo.substr(0, colon);
    if (user.empty()) return BadUrl("the user before '@' is empty");
    if (!ValidPercents(userinfo)) return BadUrl("the user or password has a bad %-escape");
    options.user = PercentDecode(user);
    if (colon != std::string_view::npos)
      options.password = PercentDecode(userinfo.substr(colon + 1));
  }
  if (rest.empty() || rest.find('/') != std::string_view::npos) {
    return BadUrl("the host is missing or followed by a path");
  }
  if (const size_t colon = rest.rfind(':'); colon != std::string_view::npos) {
    const std::string_view port = rest.substr(colon + 1);
    const bool digits =
        !port.empty() && port.size() <= 5 &&
        std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || std::stoi(std::string(port)) < 1 || std::stoi(std::string(port)) > 65535) {
      return BadUrl("the port must be 1..65535");
    }
  }
  if (!query.empty()) {
    if (query == "starttls=required") {
      options.starttls = StartTls::kRequired;
    } else if (query != "starttls=when-offered") {
      return BadUrl("unknown parameter '" + std::string(query) + "'");
    }
  }
  if (options.password.empty() && !options.user.empty())
    options.password = std::string(env_password);
  options.server = std::string(scheme) + std::string(rest);
  return options;
}

SmtpTransport::SmtpTransport(SmtpOptions options) : options_(std::move(options)) { InitCurlOnce(); }

Status SmtpTransport::Send(std::string_view from, std::string_view to, std::string_view message) {
  std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
  if (!curl) return Internal("smtp: could not start libcurl");
  CURL* c = curl.get();
  const std::string from_path = "<" + std::string(from) + ">";
  std::unique_ptr<curl_slist, ListDeleter> recipients(
      curl_slist_append(nullptr, ("<" + std::string(to) + ">").c_str()));
  Upload upload{message};
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(c, CURLOPT_URL, options_.server.c_str());
  if (!options_.user.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, options_.user.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, options_.password.c_str());
  }
  curl_easy_setopt(c, CURLOPT_USE_SSL,
                   options_.starttls == StartTls::kRequired ? CURLUSESSL_ALL : CURLUSESSL_TRY);
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, from_path.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(c, CURLOPT_READFUNCTION, &ReadChunk);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, options_.connect_timeout_seconds);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, options_.timeout_seconds);
  const CURLcode code = curl_easy_perform(c);
  if (code == CURLE_OK) return OkStatus();
  long reply = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply);
  const std::string what = "smtp " + std::to_string(reply) + ": " +
                           (error[0] != '\0' ? std::string(error) : curl_easy_strerror(code));
  if (reply >= 500 && reply < 600) return InvalidArgument(what);
  return Unavailable(what);
}

}  // namespace guild
