// The firm's collaboration graph across time: ties between people, each with
// a kind, a time window and a weight, from pluggable tie sources.
//
// A tie source is a small class (TieSource) that reads some of the firm's
// records and adds ties through a TieSink: co-staffing (co_staffing.h), an
// imported edge list (ImportedTies below), and later check-in questions,
// feedback requests or mentoring. BuildTieSet runs the sources into one
// TieSet; TieSet::Read aggregates the ties of chosen kinds and a period into
// a Graph (graph.h) whose edge weights are the summed tie weights and whose
// edge kinds are the union of the kinds.
//
// Units: a tie's weight is in hours of shared work or their equivalent, so
// that ties of different kinds add up (co-staffing: overlapping hours; an
// imported edge: its weight as exported, which collaboration-analytics tools
// give in hours). A source that counts events should convert them to hours
// and say how in its header. distance.h maps these weights to lengths.
//
// Time: a tie's window [first, last] (inclusive) is when the shared work
// happened; a tie with no date holds for all time. Reading a period
// [from, to] counts a tie whose window meets the period, in proportion to
// the days of its window inside the period (a tie of 10 hours over two weeks
// counts 5 hours in a one-week period); all-time ties count in full.
//
// Private kinds: a reader may name kinds whose ties count only when the
// reader's viewer is one of the tie's two people (ReadOptions); the service
// uses this for feedback and check-in questions (docs/NETWORKS.md, "Privacy").
//
// Thread safety: a built TieSet is immutable; Read may run concurrently.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "engine/network/edge_list.h"
#include "engine/network/graph.h"

namespace guild::network {

//! At most this many tie kinds (one bit each in a KindSet).
inline constexpr int kMaxTieKinds = 32;
//! The kind of co-staffing ties.
inline constexpr std::string_view kCoStaffingKind = "co-staffing";
//! The kind of imported edges whose row has no kind.
inline constexpr std::string_view kImportedKind = "imported";

//! A window of days, inclusive; `all_time` ties have no date.
struct Period {
  Date from;
  Date to;  //!< >= from
};

struct Tie {
  NodeId a = 0;  //!< a < b
  NodeId b = 0;
  uint8_t kind = 0;  //!< bit index into the TieSet's kind names
  bool all_time = false;
  Date first;  //!< the window, when !all_time
  Date last;
  float weight = 0;  //!< hours, > 0
};

//! Where sources add ties: people are looked up by id, kinds by name.
class TieSink {
 public:
  virtual ~TieSink() = default;
  //! The person's node; nullopt for an unknown id.
  [[nodiscard]] virtual std::optional<NodeId> Find(std::string_view person_id) const = 0;
  //! The bit of kind `name`, registered when new. Errors: kResourceExhausted
  //! beyond kMaxTieKinds kinds.
  [[nodiscard]] virtual Result<uint8_t> Kind(std::string_view name) = 0;
  //! Adds a tie. REQUIRES: a != b, weight > 0, first <= last; when `window`
  //! is nullopt the tie holds for all time.
  virtual void Add(NodeId a, NodeId b, uint8_t kind, std::optional<Period> window,
                   double weight) = 0;
};

class TieSource {
 public:
  virtual ~TieSource() = default;
  //! Adds this source's ties. Errors name the record that was wrong.
  [[nodiscard]] virtual Status AddTies(TieSink& sink) const = 0;
};

struct ReadOptions {
  std::optional<Period> period;  //!< nullopt: all ties in full
  KindSet kinds = ~KindSet{0};   //!< the kinds to read (bits of kind indexes)
  //! Private kinds (e.g. feedback): their ties are read only when `viewer`
  //! is one of the tie's two people, and left out entirely without a viewer.
  KindSet private_kinds = 0;
  std::optional<NodeId> viewer;
};

class TieSet {
 public:
  //! The people (node names), in the order given to BuildTieSet.
  [[nodiscard]] const std::vector<std::string>& people() const { return people_; }
  [[nodiscard]] std::span<const Tie> ties() const { return ties_; }
  //! Kind names by bit index.
  [[nodiscard]] const std::vector<std::string>& kind_names() const { return kind_names_; }
  //! The bits of the named kinds; unknown names are left out.
  [[nodiscard]] KindSet KindsNamed(std::span<const std::string> names) const;
  //! The person's node; nullopt for an unknown id. O(1).
  [[nodiscard]] std::optional<NodeId> Find(std::string_view person_id) const;
  //! The graph of every person (isolates included) and the ties read.
  //! O(ties + people).
  [[nodiscard]] Graph Read(const ReadOptions& options) const;
  //! The graph of `people` (distinct nodes; node i of the result is
  //! people[i]) and the ties among them. O(their ties + log ties each).
  [[nodiscard]] Graph ReadAmong(std::span<const NodeId> people, const ReadOptions& options) const;
  //! The earliest and latest day of any dated tie; nullopt when none is dated.
  [[nodiscard]] std::optional<Period> Span() const;

 private:
  size_t SumPair(size_t i, const ReadOptions& options, double& weight, KindSet& kinds) const;
  friend Result<TieSet> BuildTieSet(std::vector<std::string> people,
                                    std::span<const TieSource* const> sources);
  std::vector<std::string> people_;
  std::unordered_map<std::string, NodeId> index_;
  std::vector<std::string> kind_names_;
  std::vector<Tie> ties_;        // sorted by (a, b)
  std::vector<uint64_t> first_;  // ties of a = v are ties_[first_[v] .. first_[v + 1])
};

//! Runs every source over `people` (distinct ids). Errors: the first source
//! error; kInvalidArgument for a repeated person id.
Result<TieSet> BuildTieSet(std::vector<std::string> people,
                           std::span<const TieSource* const> sources);

//! An imported edge list (edge_list.h) as ties: each row is a tie of its kind
//! (kImportedKind when empty) dated on its day (all time when undated).
//! Errors: kInvalidArgument naming the file, line and column of a row whose
//! source or target is not a person.
class ImportedTies final : public TieSource {
 public:
  //! `edges` must outlive this object.
  explicit ImportedTies(const EdgeList& edges) : edges_(edges) {}
  [[nodiscard]] Status AddTies(TieSink& sink) const override;

 private:
  const EdgeList& edges_;
};

}  // namespace guild::network
