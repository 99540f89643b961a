// The outbox's SQL shared by both backends (guild_outbox, migration 8): the
// claim differs only in PostgreSQL's row locks (FOR UPDATE SKIP LOCKED).
#pragma once

#include <optional>
#include <string_view>

#include "store/store.h"

namespace guild::store::internal {

//! Columns in the order the Read* functions of each backend expect.
inline constexpr std::string_view kOutboxColumns =
    "id, inbox_item_id, person_id, to_address, subject, body, created_at, state, attempts, "
    "next_attempt_at, sent_at, message_id, last_error";

//! nullopt for an unknown name.
std::optional<OutboxState> ParseOutboxState(std::string_view text);

}  // namespace guild::store::internal
