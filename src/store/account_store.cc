// Role names and OpenAccountStore's choice of backend.
#include "store/account_store.h"

#include "store/internal/account_backends.h"

namespace guild {

std::string_view ToString(UserRole role) {
  switch (role) {
    case UserRole::kAdministrator: return "administrator";
    case UserRole::kFirmLeader: return "firm_leader";
    case UserRole::kMember: return "member";
  }
  return "member";
}

std::optional<UserRole> ParseUserRole(std::string_view text) {
  for (UserRole role : {UserRole::kAdministrator, UserRole::kFirmLeader, UserRole::kMember}) {
    if (ToString(role) == text) return role;
  }
  return std::nullopt;
}

Result<std::unique_ptr<AccountStore>> OpenAccountStore(const StoreOptions& options) {
  constexpr std::string_view kPostgresPrefix = "postgresql://";
  constexpr std::string_view kPostgresShortPrefix = "postgres://";
  const std::string& url = options.url;
  if (url.starts_with(kPostgresPrefix) || url.starts_with(kPostgresShortPrefix)) {
    return internal::OpenPostgresAccountStore(options);
  }
  if (url.empty()) return InvalidArgument("store url: empty; expected a file path or URL");
  return internal::OpenSqliteAccountStore(options);
}

}  // namespace guild
