// The staffing engine's indexed view of a firm: dense person / skill /
// engagement / client numbers, per person-week free hours, per skill posting
// lists, and the seat cost function. Built once, read-only afterwards.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "engine/staffing/staffing.h"

namespace guild::staffing::internal {

inline constexpr uint32_t kNoIndex = UINT32_MAX;

//! One bit per skill (skills share bits): a person lacking a bit of an
//! opening's mask lacks one of its skills.
inline uint64_t SkillBit(uint32_t skill) { return uint64_t{1} << (skill * 2654435761u >> 26); }

struct HeldSkill {
  uint32_t skill = 0;
  int8_t level = 0;
  bool wants_to_grow = false;
};

//! Hours per week booked in weeks [w0, w1) (week numbers from Context::week0).
struct Booking {
  int32_t w0 = 0, w1 = 0;
  float hours = 0;
  friend bool operator==(const Booking& a, const Booking& b) = default;
  friend bool operator<(const Booking& a, const Booking& b) {
    return std::tie(a.w0, a.w1, a.hours) < std::tie(b.w0, b.w1, b.hours);
  }
};

//! (person, level) of one holder of a skill.
struct Holder {
  uint32_t person = 0;
  int8_t level = 0;
};

//! Rows of `values` grouped by a dense key.
template <typename T>
struct Rows {
  std::vector<uint32_t> offsets{0};
  std::vector<T> values;
  [[nodiscard]] std::span<const T> Row(size_t k) const {
    return {values.data() + offsets[k], values.data() + offsets[k + 1]};
  }
};

//! One opening to seat, with its dense facts.
struct OpeningFacts {
  const Opening* opening = nullptr;
  uint32_t engagement = kNoIndex;
  uint32_t client = kNoIndex;
  int open_seats = 0;  //!< headcount - existing assignments on it
  Date start, end;     //!< the seat period
  int w0 = 0, w1 = 0;  //!< horizon weeks [w0, w1) the seat touches
  //! Every week [first_week, end_week) the seat touches, inside the horizon
  //! and past it (capacity holds in each).
  int first_week = 0, end_week = 0;
  bool stretch_allowed = false;
  bool existing_stretch = false;  //!< an existing assignee is below a minimum
  bool key_client_short = false;  //!< its client is key and short of partners
  std::string blocked;            //!< non-empty: why no seat of it can be filled
  std::span<const std::pair<uint32_t, PreferenceKind>> prefs;  //!< (person, kind)
  std::span<const uint32_t> assignees;                         //!< people already on it
  std::vector<std::pair<uint32_t, int>> required;              //!< (skill, min_level)
  uint64_t required_mask = 0;  //!< OR of SkillBit of the required skills
};

//! A candidate's facts, before capacity.
struct CandidateFacts {
  bool eligible = false;
  std::string why_not;   //!< when !eligible
  int stretch_req = -1;  //!< index into OpeningFacts::required, or -1
  double cost = 0;
  bool volunteer = false, pinned = false, continuity = false, key_partner = false;
  int worked_with = 0;
  double load_before = 0;  //!< peak utilisation before, over the seat weeks
};

struct Context {
  const FirmData* firm = nullptr;
  Date today;
  Date week0;  //!< Monday of today's week
  StaffingOptions options;
  int weeks = 0;

  std::unordered_map<std::string_view, uint32_t> person_index, skill_index, engagement_index,
      client_index, opening_index;
  std::vector<std::string_view> skill_ids;
  std::vector<std::string_view> skill_names;  //!< per skill: its name, or its id when unnamed
  //! Every skill of the taxonomy, held or not: id -> name (for messages).
  std::unordered_map<std::string_view, std::string_view> taxonomy_names;

  // Per person.
  std::vector<double> capacity;  //!< weekly_capacity_hours
  std::vector<uint8_t> lead_grade, partner_grade;
  std::vector<float> load;      //!< [p * weeks + w] assignment hours
  std::vector<float> time_off;  //!< [p * weeks + w]
  //! Per person: assignments and time off in weeks >= `weeks` (past the
  //! horizon), clipped to start there, by w0.
  Rows<Booking> late;
  Rows<HeldSkill> skills;            //!< sorted by skill
  std::vector<uint64_t> skill_mask;  //!< per person: OR of SkillBit of held skills
  Rows<uint32_t> engagements_of;     //!< every engagement worked on or led, sorted
  Rows<uint32_t> clients_served;     //!< sorted

  // Per skill: holders sorted by level desc, then person. Lead-grade holders
  // again in lead_postings.
  Rows<Holder> postings, lead_postings;

  // Per engagement.
  std::vector<uint32_t> engagement_client;
  Rows<uint32_t> engagement_people;  //!< leader + people of current assignments

  // Per opening (firm.openings order).
  std::vector<int> assigned_count;
  Rows<std::pair<uint32_t, PreferenceKind>> preferences;  //!< (person, kind)
  Rows<uint32_t> assignees;                               //!< people of existing assignments
  std::vector<uint32_t> lead_assigned;    //!< per engagement: count of lead-opening assignees
  std::vector<uint8_t> key_client_short;  //!< per client
  std::vector<int> key_client_partners;   //!< per client: served partners on current work
  Rows<uint32_t> client_partners;         //!< per client: partner-grade people who served it
  Rows<uint32_t> assignments_of;          //!< per person: positions in firm.assignments

  // Helpers.
  [[nodiscard]] int Level(uint32_t person, uint32_t skill, bool* wants = nullptr) const;
  [[nodiscard]] float Free(uint32_t person, int week) const {
    return static_cast<float>(options.capacity_ceiling * capacity[person]) -
           load[static_cast<size_t>(person) * weeks + week] -
           time_off[static_cast<size_t>(person) * weeks + week];
  }
  [[nodiscard]] bool Served(uint32_t person, uint32_t client) const;
  [[nodiscard]] bool Live(const Engagement& e) const;
  //! Week number of `d` relative to week0 (may be < 0 or >= weeks).
  [[nodiscard]] int WeekOf(Date d) const { return (WeekStart(d).days - week0.days) / 7; }
  //! Facts of `o` (not necessarily in firm.openings), `assigned` = people on it.
  [[nodiscard]] OpeningFacts Facts(const Opening& o, int assigned) const;
  //! Eligibility and cost of `person` for a seat of `f`, capacity aside.
  [[nodiscard]] CandidateFacts Candidate(const OpeningFacts& f, uint32_t person) const;
  //! Whether `person` has free hours for the seat in every week it touches.
  [[nodiscard]] bool Fits(const OpeningFacts& f, uint32_t person) const;
  //! Hours `person` has booked (assignments and time off) in week `w` >= 0,
  //! plus the `extra` bookings that touch it.
  [[nodiscard]] float Booked(uint32_t person, int w, std::span<const Booking> extra = {}) const;
  //! The first week of [w0, w1) in which `person` cannot take `hours` more
  //! (booked + extra + hours above the ceiling), or -1 when every week can.
  //! Past the horizon it looks only at the weeks where bookings change.
  [[nodiscard]] int FirstWeekOver(uint32_t person, int w0, int w1, double hours,
                                  std::span<const Booking> extra = {}) const;
  //! Utilisation (booked / capacity) of `person` over [w0, w1): the peak and
  //! the mean of min(1, utilisation); `extra` as above. {0, 0} when empty.
  struct Utilisation {
    double peak = 0, mean = 0;
  };
  [[nodiscard]] Utilisation UtilisationOver(uint32_t person, int w0, int w1,
                                            std::span<const Booking> extra = {}) const;
  //! True when someone on `engagement` (leader or current assignment) can
  //! coach `skill` at `level` or above. Sets *coach to them.
  [[nodiscard]] bool StaticCoach(uint32_t engagement, uint32_t skill, int level,
                                 uint32_t* coach) const;
};

//! Builds the context. InvalidArgument for options out of range.
Result<std::unique_ptr<Context>> BuildContext(const FirmData& firm, Date today,
                                              const StaffingOptions& options);

//! Whether `prefs` holds (person, kind).
bool HasPreference(std::span<const std::pair<uint32_t, PreferenceKind>> prefs, uint32_t person,
                   PreferenceKind kind);

}  // namespace guild::staffing::internal
