// The Store: durable home of the firm's data.
//
// One interface, two backends: SQLite (embedded default, a file path) and
// PostgreSQL (a "postgresql://" URL, for several Guild servers on one
// database). Both pass the same conformance suite (store/store_conformance_test.cc).
//
// Contract:
//  - Every write call is one transaction: it applies all of its changes or,
//    on any error, none of them.
//  - Upserts replace the whole entity with the same key (id; for person
//    skills the key is person_id + skill_id + source; a team's members and a
//    role's or opening's skills are replaced with it).
//  - References must resolve inside the store after the write (foreign keys:
//    a person skill's person and skill, an engagement's client, ...); a
//    dangling reference fails the write with kFailedPrecondition.
//  - When one batch holds the same key twice, the later entity wins.
//  - Reads return entities ordered by key, compared bytewise (a person
//    skill's source by its name: "assessed" < "manager" < "peer" < "self").
//
// Thread safety: a Store may be used from several threads at once; the
// backend serialises what it must.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/model.h"

namespace guild {

//! How hard a SQLite commit works to survive power loss.
enum class Durability {
  kFull,    //!< synchronous=FULL: a committed write survives power loss
  kNormal,  //!< synchronous=NORMAL in WAL: survives a crash of Guild, may lose the
            //!< last commits on power loss
  kOff,     //!< synchronous=OFF: for bulk loads and tests only
};

struct StoreOptions {
  //! A SQLite file path ("guild.db", ":memory:") or a "postgresql://" URL.
  std::string url = "guild.db";
  //! Create the database (and apply migrations) when it does not exist yet.
  //! PostgreSQL: the database itself must exist; this creates the schema.
  bool create_if_missing = true;
  //! SQLite only; PostgreSQL always commits durably.
  Durability durability = Durability::kNormal;
};

//! Which kinds Load reads; empty means all.
struct LoadOptions {
  std::vector<EntityKind> kinds;
};

class Store {
 public:
  virtual ~Store() = default;
  Store() = default;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  //! "sqlite" or "postgresql".
  [[nodiscard]] virtual std::string BackendName() const = 0;
  //! Schema version after migrations.
  [[nodiscard]] virtual Result<int> SchemaVersion() = 0;

  //! Inserts or replaces every entity in `batch`, in one transaction.
  //! Parents are written before children, so a batch may hold both.
  [[nodiscard]] virtual Status Upsert(const FirmData& batch) = 0;

  //! Deletes the entities of `kind` with these ids (for person skills, the id
  //! is "person_id/skill_id/source"; for skill history,
  //! "person_id/skill_id/YYYY-MM-DD"; for opening preferences,
  //! "opening_id/person_id", split at the last '/'). Unknown ids are ignored. An entity's
  //! lists (tags, synonyms, role skills, requirements, members) go with it.
  //! Fails with kFailedPrecondition when another entity still refers to one
  //! of them, and with kInvalidArgument for a malformed composite id.
  [[nodiscard]] virtual Status Delete(EntityKind kind, std::span<const std::string> ids) = 0;

  //! Reads the entities of the requested kinds.
  [[nodiscard]] virtual Result<FirmData> Load(const LoadOptions& options) = 0;

  //! Number of stored entities of `kind`.
  [[nodiscard]] virtual Result<int64_t> Count(EntityKind kind) = 0;

  //! Removes every entity (keeps the schema). For `guild demo` and tests.
  [[nodiscard]] virtual Status Clear() = 0;
};

//! Opens the store named by options.url, applying migrations.
//! Errors: kInvalidArgument for a malformed URL, kNotFound when the database
//! does not exist and !create_if_missing, kUnavailable when a server cannot
//! be reached, kFailedPrecondition when the schema is newer than this build.
Result<std::unique_ptr<Store>> OpenStore(const StoreOptions& options);

}  // namespace guild
