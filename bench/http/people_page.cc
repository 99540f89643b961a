#include "people_page.h"

#include <algorithm>

#include "http/json_writer.h"

namespace guild::bench {

void RenderPeoplePage(const std::vector<Person>& people, std::size_t offset, std::size_t limit,
                      std::string& out) {
  http::JsonWriter writer(out);
  const std::size_t end = std::min(people.size(), offset + limit);
  writer.BeginObject().Key("items").BeginArray();
  for (std::size_t i = std::min(offset, end); i < end; ++i) {
    const Person& person = people[i];
    writer.BeginObject();
    writer.Member("id", person.id).Member("name", person.name).Member("email", person.email);
    writer.Member("title", person.title).Member("grade", person.grade);
    writer.Member("practice", person.practice).Member("office", person.office);
    writer.EndObject();
  }
  writer.EndArray().Key("next_cursor");
  if (end < people.size()) {
    writer.String(std::to_string(end));
  } else {
    writer.Null();
  }
  writer.EndObject();
}

}  // namespace guild::bench
