// ImportService: administrators import a CSV or JSON file of one entity kind
// (io/import.h). The file is checked whole; with any error nothing is written.
// The rows are written through the FirmWriter as one change, with the audit
// entry ("import") in the same transaction; this server's snapshot has them
// when Import returns, other servers follow the change feed.
//
// Errors: kPermissionDenied unless the authorizer allows imports; the
// store's error when it fails. A file with bad rows is not an error: the
// returned report lists every problem (report.errors) and nothing is written.
//
// Thread safety: all methods may be called from several threads at once.
#pragma once

#include <string_view>

#include "io/import.h"
#include "service/access/authorizer.h"
#include "service/accounts/audit_log.h"
#include "service/snapshot/snapshot_holder.h"
#include "service/writes/firm_writer.h"

namespace guild {

class ImportService {
 public:
  //! Every reference must outlive the service.
  ImportService(Store& store, SnapshotHolder& snapshots, FirmWriter& writer)
      : store_(store), snapshots_(snapshots), writer_(writer) {}

  //! OK when `actor` may import (asked before an import's file is read);
  //! kPermissionDenied otherwise.
  [[nodiscard]] Status CheckMayImport(const Principal& actor);

  [[nodiscard]] Result<io::ImportReport> Import(const Principal& actor, EntityKind kind,
                                                io::Format format, std::string_view file_name,
                                                std::string_view content);

 private:
  Store& store_;
  SnapshotHolder& snapshots_;
  FirmWriter& writer_;
};

}  // namespace guild
