// Client relationships: who holds each client, how strongly, and the risk
// when a relationship rests on one partner.
//
// Evidence of a relationship between a person and a client is work on one of
// the client's engagements (cancelled engagements do not count):
//  - leading it (Engagement::leader_id): credit 2;
//  - working on it: credit min(1, hours / options.full_credit_hours (40)),
//    hours being the time entries logged on it up to `today` plus the hours
//    of the person's assignments on it from their start to `today`.
// Each engagement's credit decays with the time since the person last worked
// on it (the last time entry; for assignments and leadership the end, or
// `today` while it runs): credit x 0.5^(days / options.half_life_days (365)).
// A person's strength with a client is the sum over its engagements, so it
// grows with frequency and fades without recent work. Levels: strong at
// options.strong (1.5) or more, e.g. leading a current engagement, or full
// weeks on two recent ones; moderate at options.moderate (0.5) or more; weak
// below.
//
// Coverage of a client counts the partners (Person::grade in
// options.partner_grades, case-insensitive) holding a strong relationship:
// 0 is kUncovered, 1 kSinglePartner, 2 or more kCovered. A key client with
// fewer than options.min_strong_partners (2) strong partner relationships is
// flagged.
//
// Cost: O(engagements + assignments + time entries), one pass for all clients.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "domain/model.h"

namespace guild::network {

struct CoverageOptions {
  Date today;  //!< injected
  double full_credit_hours = 40;
  double half_life_days = 365;
  double strong = 1.5;
  double moderate = 0.5;
  std::vector<std::string> partner_grades{"partner"};
  int min_strong_partners = 2;
};

enum class Strength { kWeak, kModerate, kStrong };
//! "weak", "moderate", "strong".
std::string_view ToString(Strength strength);

enum class Risk { kUncovered, kSinglePartner, kCovered };
//! "uncovered", "single_partner", "covered".
std::string_view ToString(Risk risk);

struct RelationshipHolder {
  uint32_t person = 0;  //!< position in FirmData::people
  double score = 0;
  Strength strength = Strength::kWeak;
  bool partner = false;
  uint32_t engagements = 0;  //!< engagements worked on or led
  uint32_t led = 0;          //!< of which led
  double hours = 0;          //!< worked or planned up to today
  Date last_worked;          //!< the most recent day of work for the client
};

struct ClientCoverage {
  uint32_t client = 0;                      //!< position in FirmData::clients
  std::vector<RelationshipHolder> holders;  //!< strongest first, then person position
  uint32_t strong_partners = 0;
  uint32_t strong_holders = 0;
  Risk risk = Risk::kUncovered;
  bool flagged = false;  //!< a key client below min_strong_partners
  std::string reason;    //!< the numbers behind risk and flag, in words
};

//! Coverage of every client, in FirmData::clients order. References to
//! unknown people, engagements or openings are skipped.
std::vector<ClientCoverage> ComputeCoverage(const FirmData& firm, const CoverageOptions& options);

}  // namespace guild::network
