#include "engine/network/ties.h"

#include <algorithm>
#include <cassert>

namespace guild::network {

namespace {

class Sink final : public TieSink {
 public:
  Sink(const std::vector<std::string>& people, std::vector<std::string>& kind_names,
       std::vector<Tie>& ties)
      : kind_names_(kind_names), ties_(ties) {
    index_.reserve(people.size());
    for (NodeId v = 0; v < people.size(); ++v) index_.emplace(people[v], v);
  }

  [[nodiscard]] bool unique(size_t people) const { return index_.size() == people; }

  [[nodiscard]] std::optional<NodeId> Find(std::string_view person_id) const override {
    auto it = index_.find(person_id);
    if (it == index_.end()) return std::nullopt;
    return it->second;
  }

  [[nodiscard]] Result<uint8_t> Kind(std::string_view name) override {
    for (size_t i = 0; i < kind_names_.size(); ++i) {
      if (kind_names_[i] == name) return static_cast<uint8_t>(i);
    }
    if (kind_names_.size() >= kMaxTieKinds) {
      return ResourceExhausted("more than " + std::to_string(kMaxTieKinds) +
                               " tie kinds; cannot add '" + std::string(name) + "'");
    }
    kind_names_.emplace_back(name);
    return static_cast<uint8_t>(kind_names_.size() - 1);
  }

  void Add(NodeId a, NodeId b, uint8_t kind, std::optional<Period> window, double weight) override {
    assert(a != b && weight > 0 && (!window || window->from <= window->to));
    Tie t;
    t.a = std::min(a, b);
    t.b = std::max(a, b);
    t.kind = kind;
    t.all_time = !window;
    if (window) {
      t.first = window->from;
      t.last = window->to;
    }
    t.weight = static_cast<float>(weight);
    ties_.push_back(t);
  }

 private:
  std::unordered_map<std::string_view, NodeId> index_;  // views into the TieSet's people
  std::vector<std::string>& kind_names_;
  std::vector<Tie>& ties_;
};

// The part of a tie's weight that falls in `period`.
double WeightIn(const Tie& t, const std::optional<Period>& period) {
  if (!period || t.all_time) return t.weight;
  const int32_t from = std::max(t.first.days, period->from.days);
  const int32_t to = std::min(t.last.days, period->to.days);
  if (from > to) return 0;
  const double inside = to - from + 1;
  const double span = t.last.days - t.first.days + 1;
  return t.weight * (inside / span);
}

}  // namespace

KindSet TieSet::KindsNamed(std::span<const std::string> names) const {
  KindSet out = 0;
  for (const std::string& name : names) {
    for (size_t i = 0; i < kind_names_.size(); ++i) {
      if (kind_names_[i] == name) out |= KindSet{1} << i;
    }
  }
  return out;
}

std::optional<NodeId> TieSet::Find(std::string_view person_id) const {
  auto it = index_.find(std::string(person_id));
  if (it == index_.end()) return std::nullopt;
  return it->second;
}

// Sums the ties of one pair starting at ties_[i] into `weight` and `kinds`;
// returns the position after them.
size_t TieSet::SumPair(size_t i, const ReadOptions& options, double& weight, KindSet& kinds) const {
  const NodeId a = ties_[i].a, b = ties_[i].b;
  weight = 0;
  kinds = 0;
  const bool mine = options.viewer && (*options.viewer == a || *options.viewer == b);
  const KindSet readable = mine ? options.kinds : options.kinds & ~options.private_kinds;
  for (; i < ties_.size() && ties_[i].a == a && ties_[i].b == b; ++i) {
    const Tie& t = ties_[i];
    if ((readable & (KindSet{1} << t.kind)) == 0) continue;
    const double w = WeightIn(t, options.period);
    if (w <= 0) continue;
    weight += w;
    kinds |= KindSet{1} << t.kind;
  }
  return i;
}

Graph TieSet::Read(const ReadOptions& options) const {
  GraphBuilder builder;
  for (const std::string& person : people_) builder.AddNode(person);
  double weight = 0;
  KindSet kinds = 0;
  for (size_t i = 0; i < ties_.size();) {
    const NodeId a = ties_[i].a, b = ties_[i].b;
    i = SumPair(i, options, weight, kinds);
    if (weight > 0) builder.AddEdge(a, b, weight, kinds);
  }
  return builder.Build();
}

Graph TieSet::ReadAmong(std::span<const NodeId> people, const ReadOptions& options) const {
  GraphBuilder builder;
  std::unordered_map<NodeId, NodeId> local;
  local.reserve(people.size());
  for (NodeId v : people) local.emplace(v, builder.AddNode(people_[v]));
  double weight = 0;
  KindSet kinds = 0;
  for (NodeId v : people) {
    for (size_t i = first_[v]; i < first_[v + 1];) {
      auto other = local.find(ties_[i].b);
      if (other == local.end()) {
        const NodeId b = ties_[i].b;
        while (i < first_[v + 1] && ties_[i].b == b) ++i;
        continue;
      }
      i = SumPair(i, options, weight, kinds);
      if (weight > 0) builder.AddEdge(local.at(v), other->second, weight, kinds);
    }
  }
  return builder.Build();
}

std::optional<Period> TieSet::Span() const {
  std::optional<Period> out;
  for (const Tie& t : ties_) {
    if (t.all_time) continue;
    if (!out) out = Period{t.first, t.last};
    out->from = std::min(out->from, t.first);
    out->to = std::max(out->to, t.last);
  }
  return out;
}

Result<TieSet> BuildTieSet(std::vector<std::string> people,
                           std::span<const TieSource* const> sources) {
  TieSet set;
  set.people_ = std::move(people);
  Sink sink(set.people_, set.kind_names_, set.ties_);
  if (!sink.unique(set.people_.size())) {
    return InvalidArgument("people: a person id is listed twice");
  }
  for (const TieSource* source : sources) RETURN_IF_ERROR(source->AddTies(sink));
  std::stable_sort(set.ties_.begin(), set.ties_.end(),
                   [](const Tie& x, const Tie& y) { return x.a != y.a ? x.a < y.a : x.b < y.b; });
  set.ties_.shrink_to_fit();
  set.first_.assign(set.people_.size() + 1, 0);
  for (const Tie& t : set.ties_) ++set.first_[t.a + 1];
  for (size_t v = 0; v < set.people_.size(); ++v) set.first_[v + 1] += set.first_[v];
  set.index_.reserve(set.people_.size());
  for (NodeId v = 0; v < set.people_.size(); ++v) set.index_.emplace(set.people_[v], v);
  return set;
}

Status ImportedTies::AddTies(TieSink& sink) const {
  std::vector<InputProblem> problems;
  constexpr size_t kMaxProblems = 20;
  for (const EdgeRow& row : edges_.rows) {
    std::optional<NodeId> a = sink.Find(row.source);
    std::optional<NodeId> b = sink.Find(row.target);
    for (auto [node, column, id] :
         {std::tuple{a, "source", &row.source}, std::tuple{b, "target", &row.target}}) {
      if (!node && problems.size() < kMaxProblems) {
        problems.push_back({edges_.file, row.line, column, *id, "the id of a person of the firm"});
      }
    }
    if (!a || !b) continue;
    if (*a == *b) {
      problems.push_back(
          {edges_.file, row.line, "target", row.target, "a person other than the source"});
      continue;
    }
    ASSIGN_OR_RETURN(uint8_t kind, sink.Kind(row.kind.empty() ? kImportedKind : row.kind));
    std::optional<Period> window;
    if (row.date) window = Period{*row.date, *row.date};
    sink.Add(*a, *b, kind, window, row.weight);
  }
  if (!problems.empty()) return ProblemsStatus(problems);
  return OkStatus();
}

}  // namespace guild::network
