// Text helpers for name matching: ASCII lower-casing, word starts and a
// bounded edit distance. Internal to guild_skills.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace guild::skills::internal {

//! ASCII lower-case copy of `text`.
std::string Lower(std::string_view text);

//! Offsets in `text` where a word starts (offset 0 included when `text` is not
//! empty). A word starts after a space, '-', '/', '(' or ','.
std::vector<size_t> WordStarts(std::string_view text);

//! Optimal-string-alignment distance between `a` and `b` (insert, delete,
//! substitute, swap adjacent), or `bound + 1` when it exceeds `bound`.
int BoundedEditDistance(std::string_view a, std::string_view b, int bound);

//! The largest edit distance at which `text` still gets suggestions.
int SuggestionBound(std::string_view text);

}  // namespace guild::skills::internal
