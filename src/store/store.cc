#include "store/store.h"

#include <string_view>

#include "store/internal/url.h"
#include "store/postgres/pg_store.h"
#include "store/sqlite/sqlite_store.h"

namespace guild {

namespace store::internal {

bool IsPostgresUrl(std::string_view url) {
  constexpr std::string_view kSchemes[] = {"postgresql://", "postgres://"};
  for (std::string_view scheme : kSchemes) {
    if (url.starts_with(scheme)) return true;
  }
  return false;
}

}  // namespace store::internal

Result<std::unique_ptr<Store>> OpenStore(const StoreOptions& options) {
  if (store::internal::IsPostgresUrl(options.url)) {
    return store::internal::OpenPostgresStore(options);
  }
  return store::internal::OpenSqliteStore(options);
}

}  // namespace guild
