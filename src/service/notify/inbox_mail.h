// The email that announces a new inbox item (docs/NOTIFICATIONS.md): what
// FirmWriter queues in the outbox with the change that creates the item.
#pragma once

#include <cstdint>
#include <optional>

#include "domain/model.h"
#include "store/store.h"

namespace guild {

//! The mail for `item`, addressed to `to` (the item's person), mentioning
//! `from` (who caused it; nullptr when nobody or unknown). Due at `now`.
//! nullopt when the item needs no mail: already read, or `to` has no email.
std::optional<OutboxMail> MailForInboxItem(const InboxItem& item, const Person& to,
                                           const Person* from, int64_t now);

}  // namespace guild
