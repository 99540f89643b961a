// The firm's internal skills market: supply vs demand per skill over time,
// key-person risk, and skills many want to grow but few can teach.
//
// Definitions (per skill S, per period of `period_weeks` ISO weeks):
//  - supply hours: the free hours (capacity minus assigned load, per week,
//    never below 0) of every person holding S itself at supply_min_level or
//    above. A person counts toward each skill they hold.
//  - demand hours: for every opening that requires S (exactly) and whose
//    engagement is not complete or cancelled, hours_per_week * headcount for
//    each week of the period from WeekStart(start) to end.
//  - key-person risk: skills with demand whose holders at key_person_level or
//    above number from 1 to key_person_max_holders.
//  - teaching gap: skills at least min_growers people want to grow, with
//    more than mentees_per_teacher growers per teacher (holders at
//    teacher_level or above).
#pragma once

#include <vector>

#include "common/status.h"
#include "domain/model.h"
#include "engine/skills/skill_index.h"

namespace guild::skills {

struct MarketOptions {
  Date from;                 //!< first day of the first period (rounded to its Monday)
  int periods = 3;           //!< >= 1
  int period_weeks = 4;      //!< >= 1
  int supply_min_level = 3;  //!< Practitioner: works independently
  int key_person_level = 3;
  int key_person_max_holders = 1;
  int teacher_level = 4;
  int min_growers = 3;
  int mentees_per_teacher = 3;
  int limit = 20;  //!< rows per list; 0 = all
};

struct PeriodBalance {
  Date start;  //!< Monday of the period's first week
  double supply_hours = 0;
  double demand_hours = 0;
};

struct SkillBalance {
  SkillRef skill = kNone;
  std::vector<PeriodBalance> periods;
  double supply_hours = 0;  //!< over all periods
  double demand_hours = 0;
  int holders = 0;  //!< at supply_min_level or above
};

struct KeyPersonRisk {
  SkillRef skill = kNone;
  std::vector<PersonRef> holders;
  double demand_hours = 0;
};

struct TeachingGap {
  SkillRef skill = kNone;
  int growers = 0;
  int teachers = 0;
};

struct MarketReport {
  //! Skills with demand, largest shortfall (demand - supply) first, then id.
  std::vector<SkillBalance> balances;
  //! Largest demand first, then fewest holders, then id.
  std::vector<KeyPersonRisk> key_person;
  //! Most growers per teacher first (growers / max(teachers, 1)), then id.
  std::vector<TeachingGap> teaching;
};

//! Errors: kInvalidArgument for periods or period_weeks below 1 or a level
//! outside 1..5.
Result<MarketReport> BuildMarket(const SkillIndex& index, const FirmData& firm,
                                 const MarketOptions& options);

}  // namespace guild::skills
