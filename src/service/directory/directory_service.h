// DirectoryService: reads of people, teams and skills, answered from the
// firm snapshot and filtered by the Authorizer.
//
// Results hold the snapshot they were read from (shared_ptr), so the
// positions they carry stay valid for as long as the result lives.
//
// Facets: the practices, offices and grades of the directory with the
// number of people holding each, for the filter drop-downs. Every signed-in
// user may list them (Authorizer::CanListDirectory: the directory is
// everyone's); they are built once per people generation of the snapshot
// (PerSnapshot), not per request. Values that differ only in letter case are
// one facet (named as most people spell it), as the filters compare
// case-insensitively.
//
// Errors: kNotFound for an unknown id; kPermissionDenied when the viewer may
// not see the record; kInvalidArgument for a bad limit or cursor.
//
// Thread safety: all methods may be called from several threads at once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "service/access/authorizer.h"
#include "service/common/paging.h"
#include "service/snapshot/firm_snapshot.h"
#include "service/snapshot/per_snapshot.h"
#include "service/snapshot/snapshot_holder.h"

namespace guild {

struct PeopleQuery {
  std::string q;         //!< case-insensitive substring of name, email or title
  std::string practice;  //!< whole value, case-insensitive, when non-empty
  std::string office;    //!< whole value, case-insensitive, when non-empty
  std::string grade;     //!< whole value, case-insensitive, when non-empty
  PageRequest page;
};

//! A page of positions into `snapshot`'s vectors.
struct SnapshotPage {
  std::shared_ptr<const FirmSnapshot> snapshot;
  std::vector<uint32_t> items;
  std::string next_cursor;  //!< empty on the last page
};

struct PersonProfile {
  std::shared_ptr<const FirmSnapshot> snapshot;
  uint32_t person = 0;
  bool detail_visible = false;   //!< capacity, dates and tags may be shown
  std::vector<uint32_t> skills;  //!< person skill positions, by skill name
  std::vector<uint32_t> teams;   //!< team positions the viewer may see
  std::optional<uint32_t> manager;
  std::vector<uint32_t> reports;  //!< in directory order
};

struct TeamProfile {
  std::shared_ptr<const FirmSnapshot> snapshot;
  uint32_t team = 0;
  std::optional<uint32_t> leader;
  //! (person position, role on the team), in directory order.
  std::vector<std::pair<uint32_t, std::string>> members;
};

//! Something the signed-in person should do next.
struct Action {
  std::string kind;   //!< e.g. "complete-skills"
  std::string title;  //!< e.g. "Complete your skills profile"
  std::string href;   //!< a web application path; empty when there is nowhere to go
};

//! One value of a facet and how many people hold it (in any letter case).
struct FacetValue {
  std::string value;
  int64_t count = 0;
};

//! The directory's facets, each ordered by value (case-insensitively).
//! People with an empty value are not counted in that facet.
struct PeopleFacets {
  std::vector<FacetValue> practices;
  std::vector<FacetValue> offices;
  std::vector<FacetValue> grades;
};

struct MyHome {
  std::shared_ptr<const FirmSnapshot> snapshot;
  std::optional<PersonProfile> profile;  //!< absent for users linked to no person
  std::vector<Action> actions;
};

class DirectoryService {
 public:
  //! `snapshots` must outlive the service.
  explicit DirectoryService(SnapshotHolder& snapshots);

  [[nodiscard]] Result<SnapshotPage> ListPeople(const Principal& viewer, const PeopleQuery& query);
  [[nodiscard]] Result<PersonProfile> GetPerson(const Principal& viewer, std::string_view id);
  //! Skills ordered by name; `q` matches name or synonyms, case-insensitively.
  [[nodiscard]] Result<SnapshotPage> ListSkills(const Principal& viewer, std::string_view q,
                                                const PageRequest& page);
  //! The teams the viewer may see, ordered by id.
  [[nodiscard]] Result<SnapshotPage> ListTeams(const Principal& viewer, const PageRequest& page);
  [[nodiscard]] Result<TeamProfile> GetTeam(const Principal& viewer, std::string_view id);
  [[nodiscard]] Result<MyHome> Me(const Principal& viewer);
  //! Practices, offices and grades with counts. Errors: kPermissionDenied
  //! when the viewer may not list the directory; kUnavailable before load.
  [[nodiscard]] Result<std::shared_ptr<const PeopleFacets>> Facets(const Principal& viewer);
  //! How many times the facets were built (tests: not once per request).
  [[nodiscard]] int64_t facet_builds_for_testing() const { return facets_.builds(); }

 private:
  SnapshotHolder& snapshots_;
  PerSnapshot<PeopleFacets> facets_;
};

}  // namespace guild
