#include "engine/skills/internal/text.h"

#include <algorithm>
#include <cstdlib>

namespace guild::skills::internal {

namespace {
constexpr int kMinSuggestionBound = 2;
constexpr int kCharsPerEdit = 3;

bool IsSeparator(char c) { return c == ' ' || c == '-' || c == '/' || c == '(' || c == ','; }
}  // namespace

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::vector<size_t> WordStarts(std::string_view text) {
  std::vector<size_t> starts;
  for (size_t i = 0; i < text.size(); ++i) {
    if (IsSeparator(text[i])) continue;
    if (i == 0 || IsSeparator(text[i - 1])) starts.push_back(i);
  }
  return starts;
}

int BoundedEditDistance(std::string_view a, std::string_view b, int bound) {
  const int n = static_cast<int>(a.size());
  const int m = static_cast<int>(b.size());
  if (std::abs(n - m) > bound) return bound + 1;
  std::vector<int> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (int j = 0; j <= m; ++j) prev[j] = j;
  for (int i = 1; i <= n; ++i) {
    cur[0] = i;
    int row_min = cur[0];
    for (int j = 1; j <= m; ++j) {
      const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > bound) return bound + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[m], bound + 1);
}

int SuggestionBound(std::string_view text) {
  return std::max(kMinSuggestionBound, static_cast<int>(text.size()) / kCharsPerEdit);
}

}  // namespace guild::skills::internal
