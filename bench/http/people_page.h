// The /api/v1/people page the bench server renders: PersonSummary items in
// the shape docs/API.md gives, written with the fast JsonWriter.
#pragma once

#include <string>
#include <vector>

#include "domain/model.h"

namespace guild::bench {

//! Appends {"items":[PersonSummary...],"next_cursor":"<offset>"|null} for
//! people[offset, offset + limit) to `out`.
void RenderPeoplePage(const std::vector<Person>& people, std::size_t offset, std::size_t limit,
                      std::string& out);

}  // namespace guild::bench
