// ImportService: administrators import a CSV or JSON file of one entity kind
// (io/import.h). The file is checked whole; with any error nothing is written.
// After a write, the data version is bumped and the snapshot refreshed so
// every server sees the new data; the import is written to the audit log.
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

namespace guild {

class ImportService {
 public:
  //! Every reference must outlive the service.
  ImportService(Store& store, SnapshotHolder& snapshots, AuditLog& audit)
      : store_(store), snapshots_(snapshots), audit_(audit) {}

  //! OK when `actor` may import (asked before an import's file is read);
  //! kPermissionDenied otherwise.
  [[nodiscard]] Status CheckMayImport(const Principal& actor);

  [[nodiscard]] Result<io::ImportReport> Import(const Principal& actor, EntityKind kind,
                                                io::Format format, std::string_view file_name,
                                                std::string_view content);

 private:
  Store& store_;
  SnapshotHolder& snapshots_;
  AuditLog& audit_;
};

}  // namespace guild
