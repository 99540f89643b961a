#include "engine/skills/spelling.h"

#include <algorithm>
#include <array>
#include <utility>

namespace guild::skills {
namespace {

using Pair = std::pair<std::string_view, std::string_view>;

// Whole words whose American form no suffix rule gives.
constexpr std::array<Pair, 17> kWords{{
    {"programme", "program"},
    {"programmes", "programs"},
    {"ageing", "aging"},
    {"judgement", "judgment"},
    {"judgements", "judgments"},
    {"grey", "gray"},
    {"practise", "practice"},
    {"practised", "practiced"},
    {"practising", "practicing"},
    {"licence", "license"},
    {"licences", "licenses"},
    {"defence", "defense"},
    {"defences", "defenses"},
    {"offence", "offense"},
    {"offences", "offenses"},
    {"manoeuvre", "maneuver"},
    {"manoeuvres", "maneuvers"},
}};

// "-our" words that are not British spellings of "-or" ones.
constexpr std::array<std::string_view, 12> kOurWords{"hour",   "four",   "your",  "tour",
                                                     "pour",   "sour",   "flour", "contour",
                                                     "detour", "devour", "scour", "glamour"};

// What may follow "our" in a folded "-our" word ("behaviour", "behavioural").
constexpr std::array<std::string_view, 17> kOurEndings{
    "",    "s",  "ed",   "ing", "ite",  "ites", "able", "ably", "er",
    "ers", "al", "ally", "ful", "less", "ism",  "hood", "hoods"};

// Endings folded as a whole, checked in order (the first that ends the word).
constexpr std::array<Pair, 13> kEndings{{
    {"tres", "ters"},
    {"tred", "tered"},
    {"tre", "ter"},
    {"bres", "bers"},
    {"bre", "ber"},
    {"ogues", "ogs"},
    {"ogue", "og"},
    {"elled", "eled"},
    {"elling", "eling"},
    {"ellers", "elers"},
    {"eller", "eler"},
    {"ellors", "elors"},
    {"ellor", "elor"},
}};

// Shortest stem before a folded ending ("metre" folds, "tre" alone does not).
constexpr size_t kMinStem = 2;

void ReplaceAll(std::string& word, std::string_view from, std::string_view to) {
  for (size_t at = word.find(from); at != std::string::npos; at = word.find(from, at + to.size())) {
    word.replace(at, from.size(), to);
  }
}

void FoldOur(std::string& word) {
  for (std::string_view ending : kOurEndings) {
    if (word.size() < 3 + ending.size() + kMinStem || !word.ends_with(ending)) continue;
    const size_t our = word.size() - ending.size() - 3;
    if (word.compare(our, 3, "our") != 0) continue;
    const std::string_view base = std::string_view(word).substr(0, our + 3);
    if (std::find(kOurWords.begin(), kOurWords.end(), base) != kOurWords.end()) return;
    word.erase(our + 1, 1);  // "our" -> "or"
    return;
  }
}

void FoldEnding(std::string& word) {
  for (const auto& [from, to] : kEndings) {
    if (word.size() >= from.size() + kMinStem && word.ends_with(from)) {
      word.replace(word.size() - from.size(), from.size(), to);
      return;
    }
  }
}

// "-is-" before e, i or a ("organise", "organising", "organisation") and
// "-ys-" before e or i ("analyse", "analysing") become "-iz-" and "-yz-".
void FoldIse(std::string& word) {
  for (size_t i = 1; i + 2 < word.size(); ++i) {
    if (word[i + 1] != 's') continue;
    const char before = word[i];
    const char after = word[i + 2];
    const bool ise = before == 'i' && (after == 'e' || after == 'i' || after == 'a');
    const bool yse = before == 'y' && (after == 'e' || after == 'i');
    if (ise || yse) word[i + 1] = 'z';
  }
}

std::string FoldWord(std::string word) {
  for (const auto& [british, american] : kWords) {
    if (word == british) return std::string(american);
  }
  ReplaceAll(word, "viser", "visor");  // "adviser" before "-ise" would make it "advizer"
  ReplaceAll(word, "ae", "e");         // "paediatric", "haematology"
  ReplaceAll(word, "oe", "e");         // "oesophagus", "foetal"
  FoldOur(word);
  FoldEnding(word);
  FoldIse(word);
  return word;
}

bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

std::string FoldSpelling(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    if (!IsLetter(text[i])) {
      out.push_back(text[i++]);
      continue;
    }
    std::string word;
    for (; i < text.size() && IsLetter(text[i]); ++i) word.push_back(LowerAscii(text[i]));
    out += FoldWord(std::move(word));
  }
  return out;
}

}  // namespace guild::skills
