// Importing entities from CSV and JSON files into a Store.
//
// ImportFile parses every row of a file, checks each one (field forms,
// domain/validate.h rules, references to other entities, duplicates inside
// the file) and collects EVERY problem it finds. When there is at least one
// error it writes nothing; otherwise it writes all rows as one change in one
// transaction (insert or replace by key; ImportOptions::commit).
//
// File layouts (column and field names, list encodings, the HR layout that
// people files may also use) are documented in docs/IMPORT_FORMATS.md.
//
// Thread safety: ImportFile may run on several threads at once on different
// stores, or on one store (the store serialises its writes).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "domain/model.h"
#include "store/store.h"

namespace guild::io {

enum class Format { kCsv, kJson };

//! "csv" or "json".
std::string_view ToString(Format format);
//! Parses "csv" / "json" (any case); nullopt otherwise.
std::optional<Format> ParseFormat(std::string_view text);
//! The format named by a file's extension (".csv", ".json"); nullopt otherwise.
std::optional<Format> FormatFromFileName(std::string_view file_name);

//! The stages of an import, in order, for progress reports.
enum class ImportStage { kParse, kCheck, kWrite };

struct ImportOptions {
  //! Files larger than this are refused with one error and nothing else read.
  size_t max_file_bytes = size_t{1} << 30;
  //! At most this many errors (and as many warnings) are kept in the report;
  //! the rest are only counted (ImportReport::errors_total).
  size_t max_problems = 100000;
  //! Called now and then with the stage, the amount done and the total
  //! (bytes while parsing, rows while checking). May be empty.
  std::function<void(ImportStage stage, int64_t done, int64_t total)> on_progress;
  //! Writes the checked rows, all of them as one change. Empty: Store::Commit.
  //! A server passes its FirmWriter's commit (audited, applied to its
  //! snapshot), the CLI a FirmWriter without a snapshot.
  std::function<Status(FirmChange&& change)> commit;
};

//! One problem in a file: where it is, what was there, and what was expected.
struct ImportProblem {
  std::string file;
  int64_t line = 0;      //!< 1-based; 0 when not tied to a line
  int64_t column = 0;    //!< 1-based byte column for syntax problems; 0 otherwise
  int64_t element = -1;  //!< JSON: index of the array element; -1 otherwise
  std::string field;     //!< column or field name as in the file; may be empty
  std::string value;     //!< the offending text (shortened); may be empty
  std::string expected;  //!< the expected form, or what is wrong

  //! "FILE:LINE: column 'email': got 'x', expected an email address like ..."
  [[nodiscard]] std::string ToString() const;
};

struct ImportReport {
  std::string file;
  EntityKind kind = EntityKind::kPeople;
  Format format = Format::kCsv;
  int64_t rows = 0;                     //!< data rows (CSV) or elements (JSON) read
  int64_t inserted = 0;                 //!< new entities written (0 when there were errors)
  int64_t updated = 0;                  //!< existing entities replaced
  std::vector<ImportProblem> errors;    //!< in file order, at most max_problems
  std::vector<ImportProblem> warnings;  //!< e.g. unknown columns
  int64_t errors_total = 0;             //!< including those not kept
  double parse_seconds = 0;
  double check_seconds = 0;
  double write_seconds = 0;
  double seconds = 0;  //!< whole import

  //! OK when nothing is wrong; kInvalidArgument naming the file and the
  //! number of errors otherwise.
  [[nodiscard]] Status status() const;
};

//! Imports `content` (the text of `file_name`, used in messages) as entities
//! of `kind`. Returns the report; when report.errors is non-empty nothing was
//! written. The Result holds an error only when the import could not run or
//! the store failed (the store's Status, e.g. kUnavailable); in that case
//! nothing was written either.
Result<ImportReport> ImportFile(Store& store, EntityKind kind, Format format,
                                std::string_view file_name, std::string_view content,
                                const ImportOptions& options = {});

//! The report as a JSON object (for `guild import --json` and the API).
std::string ReportToJson(const ImportReport& report);

}  // namespace guild::io
