// Role names and OpenAccountStore's choice of backend.
#include "store/account_store.h"

#include "store/internal/account_backends.h"
#include "store/internal/url.h"

namespace guild {

std::string_view ToString(UserRole role) {
  switch (role) {
    case UserRole::kAdministrator: return "administrator";
    case UserRole::kFirmLeader: return "firm_leader";
    case UserRole::kMember: return "member";
  }
  return "member";
}

std::string_view ToString(TokenScope scope) {
  return scope == TokenScope::kRead ? "read" : "write";
}

std::optional<TokenScope> ParseTokenScope(std::string_view text) {
  if (text == "read") return TokenScope::kRead;
  if (text == "write") return TokenScope::kWrite;
  return std::nullopt;
}

std::optional<UserRole> ParseUserRole(std::string_view text) {
  for (UserRole role : {UserRole::kAdministrator, UserRole::kFirmLeader, UserRole::kMember}) {
    if (ToString(role) == text) return role;
  }
  return std::nullopt;
}

Result<std::unique_ptr<AccountStore>> OpenAccountStore(const StoreOptions& options) {
  if (store::internal::IsPostgresUrl(options.url)) {
    return store::internal::OpenPostgresAccountStore(options);
  }
  return store::internal::OpenSqliteAccountStore(options);
}

}  // namespace guild
