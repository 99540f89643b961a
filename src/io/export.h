// Exporting entities as CSV or JSON, in the layouts ImportFile reads.
//
// Round trip: importing the text ExportKind returns into a store holding the
// same referenced entities yields the same entities. The CSV layout has a
// header with every field's canonical name; the JSON layout is an array of
// objects, one per line.
#pragma once

#include <string>

#include "common/status.h"
#include "domain/model.h"
#include "io/import.h"
#include "store/store.h"

namespace guild::io {

//! The entities of `kind` in `data`, as a file's text.
std::string ExportEntities(const FirmData& data, EntityKind kind, Format format);

//! Loads the entities of `kind` from `store` and exports them.
//! Errors: the store's Status when loading fails.
Result<std::string> ExportKind(Store& store, EntityKind kind, Format format);

}  // namespace guild::io
