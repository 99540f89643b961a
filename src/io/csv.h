// CSV (RFC 4180) reading and writing over memory buffers.
//
// Reader: fields separated by ',', records by LF or CRLF; a field may be
// quoted with '"', and inside quotes '""' is one quote and commas and line
// breaks are literal. A UTF-8 byte order mark at the start is skipped. The
// reader hands out string_views into the input buffer (or, for quoted fields
// holding '""', into a per-record scratch buffer), so the input must outlive
// the reader and a record's views live until the next call to Next().
// Syntax problems (an unterminated quote, text after a closing quote) are
// collected as CsvSyntaxError values rather than thrown; reading goes on
// after each one where it can.
//
// UTF-8 is checked separately by FindInvalidUtf8.
//
// Writer: appends fields to a std::string, quoting only fields that hold a
// comma, a quote, CR or LF; records end with "\n".
//
// Thread safety: a CsvReader is used by one thread at a time.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace guild::io {

//! A position in a text buffer, both 1-based; column counts bytes.
struct TextPosition {
  int64_t line = 1;
  int64_t column = 1;
};

//! One malformed spot in CSV text.
struct CsvSyntaxError {
  TextPosition where;
  std::string message;  //!< e.g. "a closing quote for the field that starts here"
};

//! One record: its fields, and where it starts.
struct CsvRecord {
  int64_t line = 0;  //!< line of the record's first byte
  std::vector<std::string_view> fields;
  //! True for a record that is one empty field (an empty line).
  [[nodiscard]] bool IsBlank() const { return fields.size() == 1 && fields[0].empty(); }
};

class CsvReader {
 public:
  //! `data` must stay alive and unchanged while the reader and its records are used.
  explicit CsvReader(std::string_view data);
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  //! Reads the next record into `record`. Returns false at the end of input.
  //! Problems found on the way are appended to errors().
  bool Next(CsvRecord& record);
  //! Bytes consumed so far (for progress).
  [[nodiscard]] size_t offset() const { return pos_; }
  [[nodiscard]] const std::vector<CsvSyntaxError>& errors() const { return errors_; }

 private:
  struct FieldRef {
    bool in_scratch;
    size_t begin;
    size_t size;
  };
  void ReadQuoted(size_t field_start);
  void ReadUnquoted();
  void NewLine();
  void AddError(size_t at, std::string message);

  std::string_view data_;
  size_t pos_ = 0;
  int64_t line_ = 1;
  size_t line_start_ = 0;
  std::string scratch_;
  std::vector<FieldRef> refs_;
  std::vector<CsvSyntaxError> errors_;
};

//! Position of every invalid UTF-8 sequence in `data` (at most `limit`).
std::vector<TextPosition> FindInvalidUtf8(std::string_view data, size_t limit);

//! Converts a byte offset into a line and column.
TextPosition PositionOf(std::string_view data, size_t offset);

//! Builds CSV text one field at a time.
class CsvWriter {
 public:
  explicit CsvWriter(std::string& out) : out_(out) {}
  //! Appends one field, quoted when it must be.
  void Field(std::string_view value);
  //! Ends the current record.
  void EndRecord();

 private:
  std::string& out_;
  bool first_in_record_ = true;
};

}  // namespace guild::io
