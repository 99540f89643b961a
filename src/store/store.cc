#include "store/store.h"

#include <string_view>

#include "store/postgres/pg_store.h"
#include "store/sqlite/sqlite_store.h"

namespace guild {

namespace {

constexpr std::string_view kPostgresSchemes[] = {"postgresql://", "postgres://"};

bool IsPostgresUrl(std::string_view url) {
  for (std::string_view scheme : kPostgresSchemes) {
    if (url.starts_with(scheme)) return true;
  }
  return false;
}

}  // namespace

Result<std::unique_ptr<Store>> OpenStore(const StoreOptions& options) {
  if (IsPostgresUrl(options.url)) return store::internal::OpenPostgresStore(options);
  return store::internal::OpenSqliteStore(options);
}

}  // namespace guild
