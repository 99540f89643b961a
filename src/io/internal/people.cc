#include "io/internal/people.h"

namespace guild::io::internal {

namespace {

using EmailIndex = std::unordered_map<std::string, size_t>;

void CompleteNameAndId(PersonRow& row, const KnownIds& known) {
  Person& p = row.person;
  if (Trim(p.name).empty()) {
    std::string_view first = Trim(row.first_name);
    std::string_view last = Trim(row.last_name);
    p.name = std::string(first) + (first.empty() || last.empty() ? "" : " ") + std::string(last);
  }
  if (p.id.empty() && !Trim(p.email).empty()) {
    std::string email = NormalizeEmail(Trim(p.email));
    auto it = known.person_by_email.find(email);
    p.id = it != known.person_by_email.end() ? it->second : email;
  }
}

// Indexes rows by normalized email, reporting emails used twice.
EmailIndex IndexEmails(const RowSet<PersonRow>& rows, ProblemSink& sink) {
  EmailIndex by_email;
  for (size_t i = 0; i < rows.rows.size(); ++i) {
    std::string email = NormalizeEmail(rows.rows[i].person.email);
    if (email.empty()) continue;
    auto [it, inserted] = by_email.emplace(email, i);
    if (!inserted) {
      sink.Error(
          rows.where[i], "email", rows.rows[i].person.email,
          "an email used once in the file; " + Describe(rows.where[it->second]) + " has the same");
    }
  }
  return by_email;
}

// Reports emails that a different stored person holds (unless that person
// changes email in this file).
void CheckStoredEmails(const RowSet<PersonRow>& rows, const KnownIds& known, ProblemSink& sink) {
  std::unordered_map<std::string_view, size_t> by_id;
  for (size_t i = 0; i < rows.rows.size(); ++i) by_id.emplace(rows.rows[i].person.id, i);
  for (size_t i = 0; i < rows.rows.size(); ++i) {
    const Person& p = rows.rows[i].person;
    std::string email = NormalizeEmail(p.email);
    auto held = known.person_by_email.find(email);
    if (held == known.person_by_email.end() || held->second == p.id) continue;
    auto moved = by_id.find(held->second);
    if (moved != by_id.end() && NormalizeEmail(rows.rows[moved->second].person.email) != email) {
      continue;
    }
    sink.Error(rows.where[i], "email", p.email,
               "an email no other person has (person '" + held->second + "' has it)");
  }
}

void ResolveManagers(RowSet<PersonRow>& rows, const EmailIndex& by_email, const KnownIds& known,
                     ProblemSink& sink) {
  for (size_t i = 0; i < rows.rows.size(); ++i) {
    PersonRow& row = rows.rows[i];
    if (Trim(row.manager_email).empty() || !row.person.manager_id.empty()) continue;
    std::string email = NormalizeEmail(Trim(row.manager_email));
    if (auto in_file = by_email.find(email); in_file != by_email.end()) {
      row.person.manager_id = rows.rows[in_file->second].person.id;
    } else if (auto stored = known.person_by_email.find(email);
               stored != known.person_by_email.end()) {
      row.person.manager_id = stored->second;
    } else {
      sink.Error(rows.where[i], "manager_email", row.manager_email,
                 "the email of a person in this file or already stored");
    }
  }
}

}  // namespace

void CompletePeople(RowSet<PersonRow>& rows, const KnownIds& known, ProblemSink& sink) {
  for (auto& row : rows.rows) CompleteNameAndId(row, known);
  EmailIndex by_email = IndexEmails(rows, sink);
  CheckStoredEmails(rows, known, sink);
  ResolveManagers(rows, by_email, known, sink);
}

}  // namespace guild::io::internal
