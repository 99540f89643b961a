// ReportingTree: the firm's reporting line (Person::manager_id, followed
// transitively) laid out as an Euler tour, so that "everyone below P" is one
// contiguous range of a vector. Built once per snapshot (O(people)); a query
// is O(1) to find the range and O(1) to test one person.
//
// Roots are people whose manager_id is empty or names nobody in the
// snapshot. A manager_id cycle (bad data; the importer rejects it) is cut at
// the first person of the cycle met in position order, who is taken as a root.
//
// Thread safety: immutable after Build; may be read from several threads.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "service/snapshot/firm_snapshot.h"

namespace guild::checkins {

class ReportingTree {
 public:
  //! The tree of `snapshot`'s people (positions as in the snapshot).
  static ReportingTree Build(const FirmSnapshot& snapshot);

  //! Everyone in `person`'s reporting line (direct and indirect reports),
  //! the person excluded, in tour order. REQUIRES: person < people.
  [[nodiscard]] std::span<const uint32_t> Below(uint32_t person) const {
    return std::span<const uint32_t>(order_).subspan(enter_[person] + 1,
                                                     leave_[person] - enter_[person] - 1);
  }
  //! true when `person` is in `manager`'s reporting line (not when equal).
  [[nodiscard]] bool IsBelow(uint32_t person, uint32_t manager) const {
    return enter_[person] > enter_[manager] && enter_[person] < leave_[manager];
  }

 private:
  std::vector<uint32_t> order_;  // people in tour (pre-)order
  std::vector<uint32_t> enter_;  // position of each person in order_
  std::vector<uint32_t> leave_;  // one past the last position of its subtree
};

}  // namespace guild::checkins
