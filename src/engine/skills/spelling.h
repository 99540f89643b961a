// FoldSpelling: the one normaliser for matching role and skill names across
// British and American spelling (and across the O*NET and ESCO taxonomies,
// which use one each).
//
// The result is a search key, never shown: ASCII lower case with, word by
// word, British forms folded to American ones — "adviser" -> "advisor",
// "-ise/-isation/-yse" -> "-ize/-ization/-yze", "-our" -> "-or"
// ("behaviour", "labour"; not "hour", "four", "tour", "contour"),
// "-tre/-bre" -> "-ter/-ber" ("centre", "fibre"), "-ogue" -> "-og",
// "-ence" -> "-ense" in "licence/defence/offence", "-elled/-elling/-eller/
// -ellor" -> one "l", "ae/oe" -> "e" ("paediatric", "oesophagus"),
// "programme" -> "program", "practise" -> "practice", "ageing" -> "aging",
// "judgement" -> "judgment", "grey" -> "gray". Both sides of a comparison must
// be folded; a fold that also touches an American word ("advise" ->
// "advize") is harmless because it touches it the same way on both sides.
//
// Words are runs of ASCII letters; everything else is copied as it is.
// Thread safety: a pure function.
#pragma once

#include <string>
#include <string_view>

namespace guild::skills {

//! The spelling-folded, lower-case search key of `text` (see above).
[[nodiscard]] std::string FoldSpelling(std::string_view text);

}  // namespace guild::skills
