// Step 1: people, grades, practices, offices and the manager forest.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "demo/internal/context.h"

namespace guild::demo::internal {

namespace {

constexpr int kPeoplePerExtraPractice = 100;
constexpr int kMinPractices = 3;
constexpr int kPeoplePerOffice = 150;
constexpr double kOfficeSizeDecay = 0.15;
constexpr double kPartTimeShare = 0.08;
constexpr double kFullTimeHours = 40;
constexpr double kPartTimeHours[] = {24, 32};
constexpr double kOverloadedPartnerShare = 0.25;
constexpr double kUnderusedAssociateShare = 0.15;
constexpr double kUnderusedBillableMax = 0.45;
constexpr double kCostNoise = 0.10;
constexpr int kDaysPerYear = 365;
constexpr int kMinTenureDays = 91;  //!< everyone has a full quarter of history
constexpr char kEmailDomain[] = "@guild-demo.example";

// Splits `total` by `weights` with the largest-remainder method.
std::vector<int> Apportion(int total, const std::vector<double>& weights) {
  double sum = 0;
  for (double w : weights) sum += w;
  std::vector<int> counts(weights.size());
  std::vector<std::pair<double, size_t>> remainders;
  int given = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    double exact = total * weights[i] / sum;
    counts[i] = static_cast<int>(exact);
    given += counts[i];
    remainders.push_back({exact - counts[i], i});
  }
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (int k = 0; given < total; ++k, ++given) ++counts[remainders[k % remainders.size()].second];
  return counts;
}

// Grade counts of one practice: the pyramid, with at least one partner.
std::vector<int> GradeCounts(int headcount) {
  std::vector<double> shares;
  for (const auto& g : Grades()) shares.push_back(g.share);
  auto counts = Apportion(headcount, shares);
  if (counts[kPartner] == 0 && headcount > 0) {
    ++counts[kPartner];
    --*std::max_element(counts.begin() + 1, counts.end());
  }
  return counts;
}

// Lower-case ASCII letters of `name`; the few accented letters the demo's
// name lists use are folded to their base letter ("Müller" -> "muller").
std::string EmailPart(std::string_view name) {
  constexpr std::pair<std::string_view, char> kFolds[] = {{"\xC3\xBC", 'u'}, {"\xC3\x9C", 'u'},
                                                          {"\xC3\xA3", 'a'}, {"\xC3\xA9", 'e'},
                                                          {"\xC3\xB6", 'o'}, {"\xC3\xA4", 'a'}};
  std::string out;
  for (size_t i = 0; i < name.size(); ++i) {
    auto ch = static_cast<unsigned char>(name[i]);
    if (std::isalpha(ch)) {
      out += static_cast<char>(std::tolower(ch));
      continue;
    }
    for (const auto& [utf8, base] : kFolds) {
      if (name.substr(i, utf8.size()) == utf8) {
        out += base;
        i += utf8.size() - 1;
        break;
      }
    }
  }
  return out;
}

void FillPerson(Context& c, size_t i, int practice, int grade, int office, Person& p) {
  const auto& spec = Practices()[practice];
  const auto& g = Grades()[grade];
  auto first = FirstNames()[c.rng.Below(FirstNames().size())];
  auto last = LastNames()[c.rng.Below(LastNames().size())];
  p.id = NumberedId("p", i + 1, DigitsFor(c.options.people));
  p.name = std::string(first) + " " + std::string(last);
  p.email = EmailPart(first) + "." + EmailPart(last) + "." + std::to_string(i + 1) + kEmailDomain;
  p.grade = std::string(kDefaultGrades[grade]);
  p.title = std::string(g.titles[static_cast<int>(spec.family)]);
  if (grade == kManager && c.rng.Chance(0.3)) p.title = "Senior " + p.title;
  p.practice = std::string(spec.name);
  p.office = std::string(Offices()[office]);
  bool part_time = c.rng.Chance(kPartTimeShare);
  p.weekly_capacity_hours = part_time ? kPartTimeHours[c.rng.Below(2)] : kFullTimeHours;
  p.start_date =
      AddDays(c.options.today, -c.rng.Range(g.min_years * kDaysPerYear + kMinTenureDays,
                                            g.max_years * kDaysPerYear + kDaysPerYear - 1));
  p.cost_rate = std::round(g.cost_rate * c.rng.Real(1 - kCostNoise, 1 + kCostNoise));
  if (part_time) p.tags.push_back("part-time");
  if (c.rng.Chance(0.3)) {
    auto tag = PersonTags()[c.rng.Below(PersonTags().size())];
    if (tag != "part-time") p.tags.emplace_back(tag);
  }
}

void ChooseProfile(Context& c, size_t i, double capacity) {
  int grade = c.grade[i];
  double billable = Grades()[grade].mix.billable;
  c.profile[i] = Profile::kNormal;
  if (grade == kPartner && c.rng.Chance(kOverloadedPartnerShare)) {
    c.profile[i] = Profile::kOverloadedPartner;
  } else if (grade == kAssociate && c.rng.Chance(kUnderusedAssociateShare)) {
    c.profile[i] = Profile::kUnderusedAssociate;
    billable = c.rng.Real(0.1, kUnderusedBillableMax);
  }
  c.billable_share[i] = static_cast<float>(billable);
  c.billable_room[i] = static_cast<float>(capacity * billable);
}

// Manager: someone more senior in the same practice and office (nearest
// grade up); unit heads report to the practice head. Edges always point to a
// more senior grade or to a unit/practice head, so the relation is a forest.
void AssignManagers(Context& c, const std::vector<uint8_t>& office_of) {
  std::vector<Person>& people = c.out.people.mut();
  std::vector<std::vector<uint32_t>> units;  // (practice, office) -> members by grade order
  std::vector<int> unit_of(people.size());
  for (size_t i = 0; i < people.size(); ++i) {
    unit_of[i] = c.practice[i] * static_cast<int>(Offices().size()) + office_of[i];
  }
  units.resize(c.practice_count * Offices().size());
  for (size_t i = 0; i < people.size(); ++i) units[unit_of[i]].push_back(static_cast<uint32_t>(i));
  std::vector<int32_t> practice_head(c.practice_count, -1);
  for (int p = 0; p < c.practice_count; ++p) {
    if (!c.Pool(p, kPartner).empty()) {
      practice_head[p] = static_cast<int32_t>(c.Pool(p, kPartner)[0]);
    }
  }
  for (auto& unit : units) {
    if (unit.empty()) continue;
    std::stable_sort(unit.begin(), unit.end(),
                     [&](uint32_t a, uint32_t b) { return c.grade[a] < c.grade[b]; });
    std::vector<std::vector<uint32_t>> by_grade(kGradeCount);
    for (uint32_t i : unit) by_grade[c.grade[i]].push_back(i);
    int32_t head = static_cast<int32_t>(unit[0]);
    int32_t top = practice_head[c.practice[head]];
    if (top >= 0 && top != head) people[head].manager_id = people[top].id;
    for (size_t k = 1; k < unit.size(); ++k) {
      uint32_t i = unit[k];
      int32_t manager = head;
      for (int g = c.grade[i] - 1; g >= 0; --g) {
        if (!by_grade[g].empty()) {
          manager = static_cast<int32_t>(by_grade[g][c.rng.Below(by_grade[g].size())]);
          break;
        }
      }
      people[i].manager_id = people[manager].id;
    }
  }
}

}  // namespace

std::string NumberedId(std::string_view prefix, uint64_t n, int width) {
  std::string digits = std::to_string(n);
  std::string out(prefix);
  if (static_cast<int>(digits.size()) < width) out.append(width - digits.size(), '0');
  return out + digits;
}

int DigitsFor(uint64_t n) { return static_cast<int>(std::to_string(n).size()); }

void GeneratePeople(Context& c) {
  const int n = c.options.people;
  c.practice_count =
      std::min(static_cast<int>(Practices().size()), kMinPractices + n / kPeoplePerExtraPractice);
  c.office_count = std::clamp(n / kPeoplePerOffice, 1, static_cast<int>(Offices().size()));
  std::vector<double> weights;
  weights.reserve(c.practice_count);
  for (int p = 0; p < c.practice_count; ++p) weights.push_back(Practices()[p].weight);
  std::vector<std::pair<uint8_t, uint8_t>> slots;  // (practice, grade)
  slots.reserve(n);
  auto headcounts = Apportion(n, weights);
  for (int p = 0; p < c.practice_count; ++p) {
    auto grades = GradeCounts(headcounts[p]);
    for (int g = 0; g < kGradeCount; ++g) slots.insert(slots.end(), grades[g], {p, g});
  }
  for (size_t i = slots.size(); i > 1; --i) std::swap(slots[i - 1], slots[c.rng.Below(i)]);
  c.out.people.resize(n);
  c.grade.resize(n);
  c.practice.resize(n);
  c.profile.resize(n);
  c.billable_room.resize(n);
  c.billable_share.resize(n);
  c.primary_engagement.assign(n, -1);
  c.seat_hours.assign(n, 0);
  c.pool.assign(static_cast<size_t>(c.practice_count) * kGradeCount, {});
  std::vector<double> office_weights;
  office_weights.reserve(c.office_count);
  for (int k = 0; k < c.office_count; ++k) {
    office_weights.push_back(1.0 / (1 + kOfficeSizeDecay * k));
  }
  std::vector<uint8_t> office_of(n);
  for (int i = 0; i < n; ++i) {
    auto [p, g] = slots[i];
    office_of[i] = static_cast<uint8_t>(c.rng.Weighted(office_weights));
    c.practice[i] = p;
    c.grade[i] = g;
    c.Pool(p, g).push_back(i);
    FillPerson(c, i, p, g, office_of[i], c.out.people.mut()[i]);
    ChooseProfile(c, i, c.out.people[i].weekly_capacity_hours);
  }
  AssignManagers(c, office_of);
}

}  // namespace guild::demo::internal
