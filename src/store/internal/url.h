// Which backend a StoreOptions::url names: the one rule OpenStore and
// OpenAccountStore share.
#pragma once

#include <string_view>

namespace guild::store::internal {

//! True for "postgresql://" and "postgres://" URLs; anything else is a SQLite
//! file path.
bool IsPostgresUrl(std::string_view url);

}  // namespace guild::store::internal
