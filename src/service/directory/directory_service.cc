#include "service/directory/directory_service.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <map>

namespace guild {
namespace {

constexpr char kKeySeparator = '\x1f';

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// `needle` must already be lower-case.
bool ContainsFolded(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  auto it =
      std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                  [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
  return it != haystack.end();
}

template <typename T>
std::string NameKey(const T& item) {
  return item.name + kKeySeparator + item.id;
}

// Walks `order` (positions sorted by NameKey) from just after the cursor and
// keeps up to page.limit positions that `matches`.
template <typename T>
Result<SnapshotPage> PageByName(std::shared_ptr<const FirmSnapshot> snapshot,
                                std::span<const uint32_t> order, const std::vector<T>& items,
                                const PageRequest& page,
                                const std::function<bool(uint32_t)>& matches) {
  RETURN_IF_ERROR(CheckPageLimit(page.limit));
  auto it = order.begin();
  if (!page.cursor.empty()) {
    ASSIGN_OR_RETURN(std::string after, DecodeCursor(page.cursor));
    it = std::upper_bound(
        order.begin(), order.end(), after,
        [&](const std::string& key, uint32_t i) { return key < NameKey(items[i]); });
  }
  SnapshotPage result{std::move(snapshot), {}, {}};
  for (; it != order.end(); ++it) {
    if (!matches(*it)) continue;
    if (static_cast<int>(result.items.size()) == page.limit) {
      result.next_cursor = EncodeCursor(NameKey(items[result.items.back()]));
      break;
    }
    result.items.push_back(*it);
  }
  return result;
}

// Whole-value comparison, ASCII case-insensitive.
bool SameFolded(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

// Counts one facet's values by folded key; each facet is named by the
// spelling most people use (ties: the first in byte order).
class FacetCounter {
 public:
  void Add(const std::string& value) {
    if (value.empty()) return;
    Entry& entry = by_key_[Lower(value)];
    ++entry.count;
    ++entry.spellings[value];
  }
  [[nodiscard]] std::vector<FacetValue> Values() const {
    std::vector<FacetValue> out;
    out.reserve(by_key_.size());
    for (const auto& [key, entry] : by_key_) {
      auto best =
          std::max_element(entry.spellings.begin(), entry.spellings.end(),
                           [](const auto& a, const auto& b) { return a.second < b.second; });
      out.push_back({best->first, entry.count});
    }
    return out;  // by folded key: the map's order
  }

 private:
  struct Entry {
    int64_t count = 0;
    std::map<std::string, int64_t> spellings;
  };
  std::map<std::string, Entry> by_key_;
};

Result<std::shared_ptr<const PeopleFacets>> BuildFacets(
    const std::shared_ptr<const FirmSnapshot>& snapshot) {
  FacetCounter practices, offices, grades;
  for (const Person& p : snapshot->data().people) {
    practices.Add(p.practice);
    offices.Add(p.office);
    grades.Add(p.grade);
  }
  auto facets = std::make_shared<PeopleFacets>();
  facets->practices = practices.Values();
  facets->offices = offices.Values();
  facets->grades = grades.Values();
  return std::shared_ptr<const PeopleFacets>(std::move(facets));
}

std::vector<uint32_t> SkillsByName(const FirmSnapshot& snapshot, uint32_t person) {
  auto row = snapshot.SkillsOf(person);
  std::vector<uint32_t> skills(row.begin(), row.end());
  const FirmData& data = snapshot.data();
  auto name_of = [&](uint32_t rating) {
    const Skill* skill = snapshot.FindSkill(data.person_skills[rating].skill_id);
    return std::tie(skill->name, skill->id);
  };
  std::sort(skills.begin(), skills.end(),
            [&](uint32_t a, uint32_t b) { return name_of(a) < name_of(b); });
  return skills;
}

}  // namespace

DirectoryService::DirectoryService(SnapshotHolder& snapshots)
    : snapshots_(snapshots), facets_(snapshots, {EntityKind::kPeople}, BuildFacets) {}

Result<std::shared_ptr<const PeopleFacets>> DirectoryService::Facets(const Principal& viewer) {
  auto snapshot = snapshots_.Current();
  if (!snapshot) return Unavailable("the firm's data is not loaded yet");
  if (!Authorizer(*snapshot).CanListDirectory(viewer)) {
    return PermissionDenied("you may not list the directory");
  }
  return facets_.Get(snapshot);
}

Result<SnapshotPage> DirectoryService::ListPeople(const Principal& viewer,
                                                  const PeopleQuery& query) {
  auto snapshot = snapshots_.Current();
  if (!Authorizer(*snapshot).CanListDirectory(viewer)) {
    return PermissionDenied("you may not list the directory");
  }
  const auto& people = snapshot->data().people;
  Authorizer authorizer(*snapshot);
  std::string q = Lower(query.q);
  auto matches = [&](uint32_t i) {
    const Person& p = people[i];
    if (!query.practice.empty() && !SameFolded(p.practice, query.practice)) return false;
    if (!query.office.empty() && !SameFolded(p.office, query.office)) return false;
    if (!query.grade.empty() && !SameFolded(p.grade, query.grade)) return false;
    if (!q.empty() && !ContainsFolded(p.name, q) && !ContainsFolded(p.email, q) &&
        !ContainsFolded(p.title, q)) {
      return false;
    }
    return authorizer.CanReadPerson(viewer, p.id);
  };
  return PageByName(snapshot, snapshot->PeopleByName(), people.get(), query.page, matches);
}

Result<PersonProfile> DirectoryService::GetPerson(const Principal& viewer, std::string_view id) {
  auto snapshot = snapshots_.Current();
  Authorizer authorizer(*snapshot);
  auto person = snapshot->PersonIndex(id);
  if (!person) return NotFound("person " + std::string(id) + ": no such person");
  if (!authorizer.CanReadPerson(viewer, id)) return PermissionDenied("you may not see this person");
  PersonProfile profile;
  profile.person = *person;
  profile.detail_visible = authorizer.CanReadPersonDetail(viewer, id);
  profile.skills = SkillsByName(*snapshot, *person);
  for (uint32_t team : snapshot->TeamsOf(*person)) {
    if (authorizer.CanReadTeam(viewer, snapshot->data().teams[team].id)) {
      profile.teams.push_back(team);
    }
  }
  profile.manager = snapshot->PersonIndex(snapshot->data().people[*person].manager_id);
  auto reports = snapshot->ReportsOf(*person);
  profile.reports.assign(reports.begin(), reports.end());
  profile.snapshot = std::move(snapshot);
  return profile;
}

Result<SnapshotPage> DirectoryService::ListSkills(const Principal& viewer, std::string_view q,
                                                  const PageRequest& page) {
  auto snapshot = snapshots_.Current();
  const auto& skills = snapshot->data().skills;
  std::string needle = Lower(q);
  auto matches = [&](uint32_t i) {
    if (ContainsFolded(skills[i].name, needle)) return true;
    return std::any_of(skills[i].synonyms.begin(), skills[i].synonyms.end(),
                       [&](const std::string& s) { return ContainsFolded(s, needle); });
  };
  return PageByName(snapshot, snapshot->SkillsByName(), skills.get(), page, matches);
}

Result<SnapshotPage> DirectoryService::ListTeams(const Principal& viewer, const PageRequest& page) {
  auto snapshot = snapshots_.Current();
  const auto& teams = snapshot->data().teams;
  Authorizer authorizer(*snapshot);
  auto matches = [&](uint32_t i) { return authorizer.CanReadTeam(viewer, teams[i].id); };
  return PageByName(snapshot, snapshot->TeamsByName(), teams.get(), page, matches);
}

Result<TeamProfile> DirectoryService::GetTeam(const Principal& viewer, std::string_view id) {
  auto snapshot = snapshots_.Current();
  // A team the viewer may not see answers as a missing one: ids cannot be probed.
  auto team = snapshot->TeamIndex(id);
  if (!team || !Authorizer(*snapshot).CanReadTeam(viewer, id)) {
    return NotFound("team " + std::string(id) + ": no such team");
  }
  const Team& t = snapshot->data().teams[*team];
  TeamProfile profile;
  profile.team = *team;
  profile.leader = snapshot->PersonIndex(t.leader_id);
  for (const TeamMember& member : t.members) {
    if (auto person = snapshot->PersonIndex(member.person_id)) {
      profile.members.emplace_back(*person, member.role);
    }
  }
  const auto& people = snapshot->data().people;
  std::stable_sort(profile.members.begin(), profile.members.end(),
                   [&](const auto& a, const auto& b) {
                     return std::tie(people[a.first].name, people[a.first].id) <
                            std::tie(people[b.first].name, people[b.first].id);
                   });
  profile.snapshot = std::move(snapshot);
  return profile;
}

Result<MyHome> DirectoryService::Me(const Principal& viewer) {
  MyHome home;
  home.snapshot = snapshots_.Current();
  if (!home.snapshot->PersonIndex(viewer.person_id)) {
    // Someone who manages users links the account themselves; anyone else
    // is told whom to ask, with no link (home would only lead back here).
    if (Authorizer(*home.snapshot).CanManageUsers(viewer)) {
      home.actions.push_back(
          {"link-person", "Link your account to your person in the directory", "/admin/users"});
    } else {
      home.actions.push_back(
          {"link-person", "Ask an administrator to link your account to your profile", ""});
    }
    return home;
  }
  ASSIGN_OR_RETURN(PersonProfile profile, GetPerson(viewer, viewer.person_id));
  home.snapshot = profile.snapshot;
  if (profile.skills.empty()) {
    home.actions.push_back(
        {"complete-skills", "Complete your skills profile", "/people/" + viewer.person_id});
  }
  if (profile.teams.empty()) home.actions.push_back({"find-team", "Find a team to join", "/teams"});
  home.profile = std::move(profile);
  return home;
}

}  // namespace guild
