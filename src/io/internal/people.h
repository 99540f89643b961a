// People rows from HR exports: completing names, ids and managers, and
// keeping emails unique.
#pragma once

#include "io/internal/checks.h"

namespace guild::io::internal {

//! For each row: name = first + " " + last when there is no name; id = the
//! id of the stored person with the same email, or else the lower-cased
//! email, when the row has none; manager_id from manager_email (a person in
//! the file or the store). Reports emails used twice in the file or held by
//! another stored person, and manager emails that match nobody.
void CompletePeople(RowSet<PersonRow>& rows, const KnownIds& known, ProblemSink& sink);

}  // namespace guild::io::internal
