// InboxService: a person's in-app inbox (docs/FEEDBACK.md "Inbox"): the
// items other services write (feedback requests and answers; check-in
// nudges, routed questions and their answers), newest first, with an unread
// count; marking one or all read.
//
// Storage: inbox_items, store-only, read with Store::Select by (person_id,
// created_at) and written through the FirmWriter with an audit entry.
//
// Access: the Authorizer's CanUseInbox: only the person reads or marks
// their inbox; no role overrides it (an item of someone else's inbox answers
// kNotFound, as a missing one).
//
// Thread safety: all methods may be called from several threads at once.
#pragma once

#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "service/access/authorizer.h"
#include "service/snapshot/snapshot_holder.h"
#include "service/writes/firm_writer.h"
#include "store/store.h"

namespace guild {

struct InboxOptions {
  int page_size = 50;  //!< items per page (1..kMaxSelectRows)
  //! The unread count and "mark all read" look at the newest this many
  //! items; older unread items are neither counted nor marked.
  int max_scanned = 10'000;
};

struct InboxPage {
  std::vector<InboxItem> items;  //!< newest first (created_at, then id, descending)
  std::string next_cursor;       //!< empty on the last page
  int64_t unread = 0;            //!< unread among the newest options.max_scanned
};

class InboxService {
 public:
  //! Every reference must outlive the service.
  InboxService(Store& store, SnapshotHolder& snapshots, FirmWriter& writer, const Clock& clock,
               InboxOptions options);

  //! One page of the viewer's inbox from `cursor` (a next_cursor of theirs;
  //! empty: the newest). kInvalidArgument naming "cursor" for another text;
  //! kNotFound when the account is linked to no person.
  [[nodiscard]] Result<InboxPage> List(const Principal& viewer, std::string_view cursor);
  //! Marks the viewer's item read (again: no change) and returns it.
  [[nodiscard]] Result<InboxItem> MarkRead(const Principal& viewer, std::string_view item_id);
  //! Marks every unread item read; returns how many it marked.
  [[nodiscard]] Result<int64_t> MarkAllRead(const Principal& viewer);

 private:
  //! kNotFound unless the viewer may use `person_id`'s inbox.
  Status CheckAccess(const Principal& viewer, std::string_view person_id,
                     const std::function<Status()>& refusal);
  //! The viewer's newest options.max_scanned items that are unread.
  Result<std::vector<InboxItem>> Unread(const std::string& person_id);
  Status Commit(const Principal& actor, FirmChange change, std::string_view action,
                std::string_view detail);

  Store& store_;
  SnapshotHolder& snapshots_;
  FirmWriter& writer_;
  const Clock& clock_;
  const InboxOptions options_;
  std::mutex write_mu_;  // marking reads then writes rows: one at a time
};

}  // namespace guild
