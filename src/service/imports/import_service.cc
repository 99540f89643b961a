#include "service/imports/import_service.h"

#include <string>

namespace guild {

Status ImportService::CheckMayImport(const Principal& actor) {
  auto snapshot = snapshots_.Current();
  if (snapshot == nullptr) return Unavailable("the firm's data is not loaded yet");
  if (!Authorizer(*snapshot).CanImport(actor)) {
    return PermissionDenied("importing is for administrators");
  }
  return OkStatus();
}

Result<io::ImportReport> ImportService::Import(const Principal& actor, EntityKind kind,
                                               io::Format format, std::string_view file_name,
                                               std::string_view content) {
  RETURN_IF_ERROR(CheckMayImport(actor));
  io::ImportOptions options;
  options.commit = [&](FirmChange&& change) {
    const std::string detail =
        std::string(io::ToString(format)) + " rows=" + std::to_string(change.size());
    WriteRequest request{std::move(change),
                         AuditEntry{0, 0, actor.user_id, "import", std::string(ToString(kind)),
                                    std::string(file_name), detail},
                         ""};
    return writer_.Commit(request).status();
  };
  return io::ImportFile(store_, kind, format, file_name, content, options);
}

}  // namespace guild
