// References to firm entities inside other shapes, with their names: one
// writer for the plan codec and the staffing handlers.
//   PersonRef  {"id", "name", "grade", "practice", "office"} (WritePersonRef)
//   SkillRef   {"id", "name"}
//   OpeningRef {"id", "title", "engagement": {"id", "name"} | null}
// An id the firm does not hold is written with its id as name (and an empty
// title). Without a firm (nullptr) only {"id"} is written: the stored form.
// An empty person id is null.
//
// Thread safety: one object per response; the firm must outlive it.
#pragma once

#include <string_view>
#include <unordered_map>

#include "domain/model.h"
#include "http/json_writer.h"

namespace guild::api::internal {

class RefWriter {
 public:
  explicit RefWriter(const FirmData* firm) : firm_(firm) {}

  void Person(http::JsonWriter& w, std::string_view id) const;
  void Skill(http::JsonWriter& w, std::string_view id) const;
  void Opening(http::JsonWriter& w, std::string_view id) const;

 private:
  template <typename T>
  using Index = std::unordered_map<std::string_view, const T*>;
  // Each index is built on first use.
  const guild::Person* FindPerson(std::string_view id) const;
  const guild::Skill* FindSkill(std::string_view id) const;
  const guild::Opening* FindOpening(std::string_view id) const;
  const guild::Engagement* FindEngagement(std::string_view id) const;

  const FirmData* firm_;
  mutable Index<guild::Person> people_;
  mutable Index<guild::Skill> skills_;
  mutable Index<guild::Opening> openings_;
  mutable Index<guild::Engagement> engagements_;
};

}  // namespace guild::api::internal
