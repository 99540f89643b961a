#include "api/internal/refs.h"

#include "api/internal/common.h"

namespace guild::api::internal {
namespace {

template <typename T>
const T* Lookup(std::unordered_map<std::string_view, const T*>& index, const std::vector<T>& all,
                std::string_view id) {
  if (index.empty()) {
    for (const T& item : all) index.emplace(item.id, &item);
  }
  auto it = index.find(id);
  return it == index.end() ? nullptr : it->second;
}

}  // namespace

const guild::Person* RefWriter::FindPerson(std::string_view id) const {
  return Lookup(people_, firm_->people.get(), id);
}
const guild::Skill* RefWriter::FindSkill(std::string_view id) const {
  return Lookup(skills_, firm_->skills.get(), id);
}
const guild::Opening* RefWriter::FindOpening(std::string_view id) const {
  return Lookup(openings_, firm_->openings.get(), id);
}
const guild::Engagement* RefWriter::FindEngagement(std::string_view id) const {
  return Lookup(engagements_, firm_->engagements.get(), id);
}

void RefWriter::Person(http::JsonWriter& w, std::string_view id) const {
  if (id.empty()) {
    w.Null();
  } else if (firm_) {
    WritePersonRef(w, id, FindPerson(id));
  } else {
    w.BeginObject().Member("id", id).EndObject();
  }
}

void RefWriter::Skill(http::JsonWriter& w, std::string_view id) const {
  w.BeginObject().Member("id", id);
  if (firm_) {
    const guild::Skill* s = FindSkill(id);
    w.Member("name", s ? std::string_view(s->name) : id);
  }
  w.EndObject();
}

void RefWriter::Opening(http::JsonWriter& w, std::string_view id) const {
  w.BeginObject().Member("id", id);
  if (firm_) {
    const guild::Opening* o = FindOpening(id);
    w.Member("title", o ? std::string_view(o->title) : "").Key("engagement");
    const guild::Engagement* e = o ? FindEngagement(o->engagement_id) : nullptr;
    if (e) {
      w.BeginObject().Member("id", e->id).Member("name", e->name).EndObject();
    } else {
      w.Null();
    }
  }
  w.EndObject();
}

}  // namespace guild::api::internal
