// The two halves of LoadTaxonomy, and the checks run on their union.
#pragma once

#include "common/status.h"
#include "domain/model.h"
#include "taxonomy/taxonomy.h"

namespace guild::taxonomy::internal {

//! Appends O*NET skills and roles from options.directory to `out`.
Status LoadOnet(const TaxonomyOptions& options, FirmData& out);
//! Appends ESCO skills, skill groups and roles from options.directory to `out`.
Status LoadEsco(const TaxonomyOptions& options, FirmData& out);
//! kInvalidArgument when ids repeat, a broader_id or role skill does not
//! resolve, or the broader chain has a cycle. REQUIRES: skills sorted by id.
Status CheckTaxonomy(const FirmData& data);

//! Joins a directory and a file name.
std::string PathIn(const std::string& directory, const std::string& file);

}  // namespace guild::taxonomy::internal
