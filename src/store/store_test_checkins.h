// The check-in and feedback rows of SampleFirm (store_test_checkins.cc):
// added, sorted by key and dumped like the other kinds.
#pragma once

#include <sstream>

#include "domain/model.h"

namespace guild::store::testing {

//! Adds check-ins, blockers, questions, feedback requests and answers and
//! inbox items (optional fields set and unset, out of key order) and sets
//! the teams' cadences. Needs the people, teams and engagement e1.
void AddCheckins(FirmData& f);
//! Sorts the six kinds by their keys.
void SortCheckinsByKey(FirmData& f);
//! One line per row of the six kinds, and nothing for the teams' cadence
//! (Dump's team line has it).
void DumpCheckins(const FirmData& f, std::ostringstream& out);

}  // namespace guild::store::testing
