#include "io/csv.h"

#include <cstring>

namespace guild::io {

namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr uint64_t kHighBits = 0x8080808080808080ULL;
constexpr size_t kWordSize = sizeof(uint64_t);

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the valid UTF-8 sequence starting at data[i], or 0 when invalid.
size_t ValidSequenceLength(std::string_view data, size_t i) {
  auto c = static_cast<unsigned char>(data[i]);
  if (c < 0x80) return 1;
  size_t need;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    if (c == 0xE0) lo = 0xA0;  // no overlong forms
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;  // at most U+10FFFF
  } else {
    return 0;
  }
  if (i + need >= data.size()) return 0;
  auto second = static_cast<unsigned char>(data[i + 1]);
  if (second < lo || second > hi) return 0;
  for (size_t k = 2; k <= need; ++k) {
    if (!IsContinuation(static_cast<unsigned char>(data[i + k]))) return 0;
  }
  return need + 1;
}

bool AllAscii(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, kWordSize);
  return (word & kHighBits) == 0;
}

}  // namespace

TextPosition PositionOf(std::string_view data, size_t offset) {
  TextPosition pos;
  size_t line_start = 0;
  for (size_t i = 0; i < offset && i < data.size(); ++i) {
    if (data[i] == '\n') {
      ++pos.line;
      line_start = i + 1;
    }
  }
  pos.column = static_cast<int64_t>(offset - line_start) + 1;
  return pos;
}

std::vector<TextPosition> FindInvalidUtf8(std::string_view data, size_t limit) {
  std::vector<TextPosition> found;
  size_t i = 0;
  while (i < data.size() && found.size() < limit) {
    if (i + kWordSize <= data.size() && AllAscii(data.data() + i)) {
      i += kWordSize;
      continue;
    }
    size_t length = ValidSequenceLength(data, i);
    if (length == 0) {
      found.push_back(PositionOf(data, i));
      length = 1;
    }
    i += length;
  }
  return found;
}

CsvReader::CsvReader(std::string_view data) : data_(data) {
  if (data_.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    pos_ = kByteOrderMark.size();
    line_start_ = pos_;
  }
}

void CsvReader::AddError(size_t at, std::string message) {
  errors_.push_back({{line_, static_cast<int64_t>(at - line_start_) + 1}, std::move(message)});
}

void CsvReader::NewLine() {
  ++line_;
  line_start_ = pos_;
}

void CsvReader::ReadUnquoted() {
  size_t begin = pos_;
  const char* p = data_.data() + pos_;
  const char* end = data_.data() + data_.size();
  while (p != end && *p != ',' && *p != '\n' && *p != '\r') ++p;
  pos_ = static_cast<size_t>(p - data_.data());
  refs_.push_back({false, begin, pos_ - begin});
}

void CsvReader::ReadQuoted(size_t field_start) {
  size_t segment = field_start + 1;
  bool escaped = false;
  size_t scratch_begin = scratch_.size();
  while (true) {
    size_t quote = data_.find('"', segment);
    size_t stop = quote == std::string_view::npos ? data_.size() : quote;
    for (size_t i = segment; i < stop; ++i) {
      if (data_[i] == '\n') {
        ++line_;
        line_start_ = i + 1;
      }
    }
    if (quote == std::string_view::npos) {
      pos_ = data_.size();
      errors_.push_back(
          {PositionOf(data_, field_start), "a closing quote for the field that starts here"});
      refs_.push_back({false, field_start + 1, pos_ - field_start - 1});
      return;
    }
    bool doubled = quote + 1 < data_.size() && data_[quote + 1] == '"';
    if (!doubled && !escaped) {
      refs_.push_back({false, field_start + 1, quote - field_start - 1});
      pos_ = quote + 1;
      return;
    }
    escaped = true;
    scratch_.append(data_.substr(segment, quote - segment));
    if (!doubled) {
      refs_.push_back({true, scratch_begin, scratch_.size() - scratch_begin});
      pos_ = quote + 1;
      return;
    }
    scratch_.push_back('"');
    segment = quote + 2;
  }
}

bool CsvReader::Next(CsvRecord& record) {
  if (pos_ >= data_.size()) return false;
  record.line = line_;
  refs_.clear();
  scratch_.clear();
  while (true) {
    if (pos_ < data_.size() && data_[pos_] == '"') {
      ReadQuoted(pos_);
      if (pos_ < data_.size() && data_[pos_] != ',' && data_[pos_] != '\n' && data_[pos_] != '\r') {
        AddError(pos_, "a comma or the end of the line after a closing quote");
        size_t keep = refs_.size();
        ReadUnquoted();  // skip the stray text
        refs_.resize(keep);
      }
    } else {
      ReadUnquoted();
    }
    if (pos_ >= data_.size()) break;
    char c = data_[pos_++];
    if (c == ',') continue;
    if (c == '\r' && pos_ < data_.size() && data_[pos_] == '\n') ++pos_;
    NewLine();
    break;
  }
  record.fields.clear();
  for (const auto& ref : refs_) {
    std::string_view base = ref.in_scratch ? std::string_view(scratch_) : data_;
    record.fields.push_back(base.substr(ref.begin, ref.size));
  }
  return true;
}

void CsvWriter::Field(std::string_view value) {
  if (!first_in_record_) out_.push_back(',');
  first_in_record_ = false;
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    out_.append(value);
    return;
  }
  out_.push_back('"');
  for (char c : value) {
    if (c == '"') out_.push_back('"');
    out_.push_back(c);
  }
  out_.push_back('"');
}

void CsvWriter::EndRecord() {
  out_.push_back('\n');
  first_in_record_ = true;
}

}  // namespace guild::io
