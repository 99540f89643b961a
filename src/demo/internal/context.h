// State shared by the demo generator's steps (people, skills, clients, work,
// time). Each step reads what earlier steps produced and appends to `out`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "demo/demo.h"
#include "demo/internal/catalog.h"
#include "demo/internal/random.h"

namespace guild::demo::internal {

//! A skill a practice draws on, with its typical level for a manager-grade
//! professional and how often it is drawn.
struct SkillPick {
  const std::string* id;  //!< points into the taxonomy, which outlives the run
  int level;
  double importance;  //!< 1..5
  double weight;
};

struct PracticeSkills {
  std::vector<SkillPick> onet;
  std::vector<SkillPick> esco;
  std::vector<double> onet_weights;
  std::vector<double> esco_weights;
};

enum class Profile : uint8_t { kNormal, kOverloadedPartner, kUnderusedAssociate };

struct Context {
  Context(const DemoOptions& o, const FirmData& t, FirmData& f)
      : options(o), taxonomy(t), out(f), rng(o.seed) {}

  const DemoOptions& options;
  const FirmData& taxonomy;
  FirmData& out;
  Random rng;

  int practice_count = 0;  //!< first practice_count entries of Practices()
  int office_count = 0;    //!< first office_count entries of Offices()
  std::vector<PracticeSkills> practice_skills;

  // Per person, indexed like out.people.
  std::vector<uint8_t> grade;
  std::vector<uint8_t> practice;
  std::vector<Profile> profile;
  std::vector<float> billable_share;  //!< target billable share of capacity
  std::vector<float> billable_room;   //!< hours/week still free for assignments
  //! out.person_skills of person i: [skills_from[i], skills_from[i + 1]);
  //! filled once person skills exist (they are generated person by person).
  std::vector<uint32_t> skills_from;
  std::vector<int32_t> primary_engagement;  //!< index into out.engagements, or -1
  //! Hours/week of an overloaded partner's seat (AddOverloadedPartnerSeats
  //! in staffing.cc), 0 for everyone else.
  std::vector<float> seat_hours;
  //! People of each practice and grade: pool[practice * kGradeCount + grade].
  std::vector<std::vector<uint32_t>> pool;

  // Per team (account teams, in out.teams order).
  std::vector<uint8_t> team_practice;

  // Per engagement.
  std::vector<uint8_t> engagement_practice;
  //! Confirmed engagements of each practice, for billable time.
  std::vector<std::vector<uint32_t>> live_engagements;

  std::vector<uint32_t>& Pool(int p, int g) { return pool[p * kGradeCount + g]; }
};

//! "p000042"-style id: prefix, then n zero-padded to `width` digits.
std::string NumberedId(std::string_view prefix, uint64_t n, int width);
//! Digits needed to print n.
int DigitsFor(uint64_t n);

// The generator's steps, in order.
void GeneratePeople(Context& c);
Status BuildPracticeSkills(Context& c);
void GeneratePersonSkills(Context& c);
void GenerateFirmRoles(Context& c);
//! Clients, their account teams and their engagements (each client's work
//! mostly follows its home practice).
void GenerateClientsAndTeams(Context& c);
//! Gives every practice at least one confirmed engagement to bill to.
void EnsureLiveEngagements(Context& c);
void GenerateOpeningsAndAssignments(Context& c);
//! Lead openings on ~5% of future engagements (which lose their leader_id),
//! partners seated on key clients' completed engagements, overloaded
//! partners booked beyond their capacity on an engagement running this week
//! (seat_hours), and volunteers, pinned and excluded people on open openings.
void GenerateStaffing(Context& c);
//! Also planned time off: a week for ~5% of people in the next 12 weeks.
void GenerateTimeEntries(Context& c);
//! Purpose, goals and roles (goals.cc, goal_history.cc): a firm team, a
//! practice squad per practice and an engagement team per live engagement
//! beside the account teams; every team's purpose, two to five goals aligned
//! upwards (engagement -> account -> practice -> firm), deliverables, client
//! relationships with their RACI, a year of progress updates, purpose
//! history and the client log; a few teams deliberately broken
//! (BrokenTeamsPerKind). Own generator: earlier entities stay as they were.
void GenerateGoalsAndRoles(Context& c);
void GenerateMentorships(Context& c);
//! Check-ins and feedback (checkins.cc and the files it names) are made by
//! PersonHistories (checkins.h): people teams at once, then person by
//! person options.checkin_weeks of check-ins with blockers and routed
//! questions, feedback requests and answers, and the inbox of the last
//! weeks. Own generators: earlier entities stay as they were, except that
//! every earlier team's checkin_cadence_days becomes 0.

}  // namespace guild::demo::internal
