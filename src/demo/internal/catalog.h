// The fixed vocabulary of the demo firm: practices, grades, offices, names.
#pragma once

#include <array>
#include <span>
#include <string_view>

namespace guild::demo::internal {

//! Families of practices share a title ladder.
enum class Family { kAccounting = 0, kLaw = 1, kConsulting = 2, kTechnology = 3 };
inline constexpr int kFamilyCount = 4;

struct PracticeSpec {
  std::string_view name;
  Family family;
  double weight;                                 //!< relative headcount
  std::span<const std::string_view> onet_roles;  //!< O*NET-SOC codes
  std::span<const std::string_view> esco_roles;  //!< ESCO occupation uuids
  std::span<const std::string_view> engagement_kinds;
  //! The practice sells technology work (systems, data, cyber): only such a
  //! practice's people hold O*NET's technology elements
  //! (TechnologyOnetElements) or borrow skills from another such practice.
  bool sells_technology = false;
};

//! O*NET elements (ids without the "onet:" prefix) that are technology work:
//! programming, technology design, computers and electronics, engineering
//! and technology.
std::span<const std::string_view> TechnologyOnetElements();

//! Whether a person of practice `p` may hold a skill drawn from practice
//! `q`'s pool (q != p): a practice of the same family (the two law
//! practices, the two accounting ones, the consulting ones), or both selling
//! technology; never from a practice that sells technology into one that
//! does not.
bool MayBorrowSkills(int p, int q);

//! Grade indices follow kDefaultGrades: 0 partner ... 4 associate.
inline constexpr int kGradeCount = 5;
inline constexpr int kPartner = 0;
inline constexpr int kDirector = 1;
inline constexpr int kManager = 2;
inline constexpr int kSenior = 3;
inline constexpr int kAssociate = 4;

//! Share of a week's capacity spent on each kind of work, by grade.
struct WorkMix {
  double billable, leadership, client_development, admin, training;
};

struct GradeSpec {
  double share;              //!< of headcount
  double cost_rate;          //!< per hour, before +-10% noise
  int level_offset;          //!< added to a role's required level for typical proficiency
  double wants_to_grow;      //!< chance a skill below Expert is flagged
  int min_years, max_years;  //!< tenure at the firm
  WorkMix mix;
  std::array<std::string_view, kFamilyCount> titles;
};

std::span<const PracticeSpec> Practices();
std::span<const GradeSpec, kGradeCount> Grades();
std::span<const std::string_view> Offices();
std::span<const std::string_view> FirstNames();
std::span<const std::string_view> LastNames();
std::span<const std::string_view> ClientPrefixes();
std::span<const std::string_view> ClientNouns();
std::span<const std::string_view> ClientSuffixes();
std::span<const std::string_view> Industries();
std::span<const std::string_view> PersonTags();

}  // namespace guild::demo::internal
