// Guild's built-in skills taxonomy: O*NET 29.2 and ESCO v1.1.1 (a subset),
// shipped as compact TSV files in data/taxonomy (see docs/TAXONOMY.md and
// data/ATTRIBUTION.md).
//
// LoadTaxonomy is a pure function of the files it reads: it returns Skills and
// Roles and touches nothing else. Writing them to a Store is the caller's job.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "domain/model.h"

namespace guild {

struct TaxonomyOptions {
  //! Folder holding onet_*.tsv and esco_*.tsv (the repository's data/taxonomy).
  std::string directory;
  //! Load the O*NET skills, knowledge areas and occupations.
  bool include_onet = true;
  //! Load the ESCO skills, skill groups and occupations.
  bool include_esco = true;
  //! O*NET rating rows with an Importance below this are left out of roles
  //! (1 = "not important", 2 = "somewhat important", 3 = "important").
  double min_onet_importance = 2.0;
  //! ESCO has no levels: the level and importance given to essential and
  //! optional skills of ESCO occupations.
  int esco_essential_level = 3;
  int esco_optional_level = 2;
  double esco_essential_importance = 4.0;
  double esco_optional_importance = 2.0;
};

//! Reads the taxonomy files under options.directory.
//!
//! After success:
//!  - skills: O*NET elements "onet:<Element ID>" (2.A.*, 2.B.* as kind skill,
//!    2.C.* as knowledge, group nodes such as "onet:2.A.1" included as parents);
//!    ESCO skills "esco:<uuid>" and ESCO skill groups "esco:<group id>" as
//!    parents. Every broader_id names a skill in the result and the broader
//!    chain has no cycle. Ordered by id.
//!  - roles: O*NET occupations "onet:<SOC code>" (ratings marked Not Relevant
//!    or Recommend Suppress left out, level mapped by OnetLevelToGuild,
//!    importance kept on the 1..5 scale); ESCO occupations "esco:<uuid>" with
//!    essential/optional skills at the levels in options. Ordered by id.
//!  - every entity passes domain validation.
//! Errors: kNotFound when a file is missing; kInvalidArgument naming the file,
//! line, column and expected form for a malformed file, a dangling reference
//! or a cycle in the broader relation.
Result<FirmData> LoadTaxonomy(const TaxonomyOptions& options);

//! Where a program looks for the taxonomy, in order: `<executable_dir>/data/
//! taxonomy`, `<executable_dir>/../data/taxonomy` (a build folder inside the
//! repository), `<executable_dir>/../share/guild/taxonomy` (an installed
//! tree), then the source tree this library was built from.
std::vector<std::string> TaxonomySearchPath(const std::string& executable_dir);

//! The first of `candidates` that holds onet_elements.tsv; kNotFound naming
//! every folder tried otherwise.
Result<std::string> FindTaxonomyDirectory(const std::vector<std::string>& candidates);

//! Maps an O*NET Level (0..7) onto Guild's 1..5 proficiency scale:
//!   [0, 1.5) -> 1 Awareness     [1.5, 3) -> 2 Working (anchor 2)
//!   [3, 4.5) -> 3 Practitioner (anchor 4)   [4.5, 5.5) -> 4 Advanced
//!   [5.5, 7] -> 5 Expert (anchor 6)
//! Values outside [0, 7] are clamped.
int OnetLevelToGuild(double onet_level);

//! The O*NET Level (0..7) at which Guild level `level` starts (inverse of the
//! thresholds above; 0 for level 1). REQUIRES: kMinLevel <= level <= kMaxLevel.
double GuildLevelOnetFloor(int level);

}  // namespace guild
