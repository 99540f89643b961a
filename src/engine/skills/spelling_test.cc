#include "engine/skills/spelling.h"

#include <gtest/gtest.h>

#include <string_view>
#include <utility>

namespace guild::skills {
namespace {

using Pair = std::pair<std::string_view, std::string_view>;

// British spelling, American spelling: each pair folds to one key.
constexpr Pair kSameWord[] = {
    {"adviser", "advisor"},
    {"advisers", "advisors"},
    {"Customer Service Adviser", "customer service advisor"},
    {"organise", "organize"},
    {"organised", "organized"},
    {"organising", "organizing"},
    {"organisation", "organization"},
    {"organisational behaviour", "organizational behavior"},
    {"specialise", "specialize"},
    {"specialist", "specialist"},
    {"recognise", "recognize"},
    {"analyse", "analyze"},
    {"analysing", "analyzing"},
    {"behaviour", "behavior"},
    {"behavioural", "behavioral"},
    {"labour", "labor"},
    {"labourer", "laborer"},
    {"colours", "colors"},
    {"favourite", "favorite"},
    {"honourable", "honorable"},
    {"tumour", "tumor"},
    {"neighbourhood", "neighborhood"},
    {"centre", "center"},
    {"Centres", "centers"},
    {"call centre manager", "Call Center Manager"},
    {"theatre", "theater"},
    {"metre", "meter"},
    {"fibre", "fiber"},
    {"calibre", "caliber"},
    {"catalogue", "catalog"},
    {"dialogue", "dialog"},
    {"licence", "license"},
    {"defence", "defense"},
    {"offence", "offense"},
    {"modelling", "modeling"},
    {"modeller", "modeler"},
    {"travelling", "traveling"},
    {"counsellor", "counselor"},
    {"cancelled", "canceled"},
    {"paediatric", "pediatric"},
    {"anaesthesia", "anesthesia"},
    {"haematology", "hematology"},
    {"oesophagus", "esophagus"},
    {"orthopaedic", "orthopedic"},
    {"programme", "program"},
    {"programmes", "programs"},
    {"practise", "practice"},
    {"ageing", "aging"},
    {"judgement", "judgment"},
    {"grey", "gray"},
    {"manoeuvre", "maneuver"},
};

TEST(FoldSpellingTest, BritishAndAmericanSpellingsFoldToOneKey) {
  for (const auto& [british, american] : kSameWord) {
    EXPECT_EQ(FoldSpelling(british), FoldSpelling(american)) << british << " / " << american;
  }
}

// Different words stay different, and "-our" words that are not British
// spellings keep their "our".
constexpr Pair kDifferent[] = {
    {"advisor", "auditor"}, {"centre", "centra"}, {"licence", "licensee"},
    {"hour", "hor"},        {"four", "for"},      {"tour", "tor"},
    {"contour", "contor"},  {"your", "yor"},      {"metre", "mitre"},
};

TEST(FoldSpellingTest, DifferentWordsStayApart) {
  for (const auto& [a, b] : kDifferent) {
    EXPECT_NE(FoldSpelling(a), FoldSpelling(b)) << a << " / " << b;
  }
  EXPECT_EQ(FoldSpelling("hour"), "hour");
  EXPECT_EQ(FoldSpelling("four hours"), "four hours");
}

TEST(FoldSpellingTest, LowerCasesAndKeepsWhatIsNotALetter) {
  EXPECT_EQ(FoldSpelling("Tax Adviser (UK), 2nd-line"), "tax advisor (uk), 2nd-line");
  EXPECT_EQ(FoldSpelling(""), "");
  EXPECT_EQ(FoldSpelling("C++ / SQL"), "c++ / sql");
}

}  // namespace
}  // namespace guild::skills
