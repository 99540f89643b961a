#include "http/metrics.h"

#include <algorithm>
#include <charconv>
#include <variant>

namespace guild::http {
namespace {

constexpr double kMicros = 1e6;

std::string SanitizeName(std::string_view name) {
  std::string clean(name);
  for (std::size_t i = 0; i < clean.size(); ++i) {
    const char c = clean[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    const bool digit = c >= '0' && c <= '9';
    if (!letter && !(digit && i > 0)) clean[i] = '_';
  }
  return clean.empty() ? "_" : clean;
}

void AppendEscaped(std::string& out, std::string_view value) {
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out.append("\\n");
    } else {
      out.push_back(c);
    }
  }
}

std::string LabelText(const Labels& labels, std::string_view extra_name = {},
                      std::string_view extra_value = {}) {
  std::string text;
  const auto add = [&](std::string_view name, std::string_view value) {
    text.append(text.empty() ? "{" : ",").append(SanitizeName(name)).append("=\"");
    AppendEscaped(text, value);
    text.push_back('"');
  };
  for (const auto& [name, value] : labels) add(name, value);
  if (!extra_name.empty()) add(extra_name, extra_value);
  if (!text.empty()) text.push_back('}');
  return text;
}

std::string Number(double value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, result.ptr);
}

}  // namespace

Histogram::Histogram(std::vector<double> upper_bounds)
    : bounds_(std::move(upper_bounds)),
      buckets_(std::make_unique<std::atomic<std::uint64_t>[]>(bounds_.size() + 1)) {}

void Histogram::Observe(double value) {
  const auto it = std::lower_bound(bounds_.begin(), bounds_.end(), value);
  buckets_[it - bounds_.begin()].fetch_add(1, std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
  if (value > 0) {
    sum_micros_.fetch_add(static_cast<std::uint64_t>(value * kMicros), std::memory_order_relaxed);
  }
}

std::vector<std::uint64_t> Histogram::bucket_counts() const {
  std::vector<std::uint64_t> counts(bounds_.size() + 1);
  for (std::size_t i = 0; i < counts.size(); ++i) {
    counts[i] = buckets_[i].load(std::memory_order_relaxed);
  }
  return counts;
}

double Histogram::sum() const {
  return static_cast<double>(sum_micros_.load(std::memory_order_relaxed)) / kMicros;
}

std::vector<double> DefaultLatencyBuckets() {
  return {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

struct MetricsRegistry::Family {
  std::string help;
  std::string type;
  std::map<std::string, std::unique_ptr<Counter>> counters;  // by label text
  std::map<std::string, std::unique_ptr<Gauge>> gauges;
  std::map<std::string, std::unique_ptr<Histogram>> histograms;
  std::map<std::string, Labels> labels;
};

MetricsRegistry::MetricsRegistry() = default;
MetricsRegistry::~MetricsRegistry() = default;

MetricsRegistry::Family& MetricsRegistry::GetFamily(std::string_view name, std::string_view help,
                                                    std::string_view type) {
  std::string key = SanitizeName(name);
  auto it = families_.find(key);
  if (it != families_.end() && it->second->type != type) {
    key += "_" + std::string(type);
    it = families_.find(key);
  }
  if (it == families_.end()) {
    auto family = std::make_unique<Family>();
    family->help = std::string(help);
    family->type = std::string(type);
    it = families_.emplace(key, std::move(family)).first;
  }
  return *it->second;
}

Counter& MetricsRegistry::GetCounter(std::string_view name, std::string_view help,
                                     const Labels& labels) {
  std::lock_guard lock(mutex_);
  Family& family = GetFamily(name, help, "counter");
  const std::string key = LabelText(labels);
  family.labels.emplace(key, labels);
  auto& slot = family.counters[key];
  if (!slot) slot = std::make_unique<Counter>();
  return *slot;
}

Gauge& MetricsRegistry::GetGauge(std::string_view name, std::string_view help,
                                 const Labels& labels) {
  std::lock_guard lock(mutex_);
  Family& family = GetFamily(name, help, "gauge");
  const std::string key = LabelText(labels);
  family.labels.emplace(key, labels);
  auto& slot = family.gauges[key];
  if (!slot) slot = std::make_unique<Gauge>();
  return *slot;
}

Histogram& MetricsRegistry::GetHistogram(std::string_view name, std::string_view help,
                                         const Labels& labels, std::vector<double> upper_bounds) {
  std::lock_guard lock(mutex_);
  Family& family = GetFamily(name, help, "histogram");
  const std::string key = LabelText(labels);
  family.labels.emplace(key, labels);
  auto& slot = family.histograms[key];
  if (!slot) slot = std::make_unique<Histogram>(std::move(upper_bounds));
  return *slot;
}

namespace {

void RenderHistogram(std::string& out, const std::string& name, const Labels& labels,
                     const Histogram& histogram) {
  const std::vector<std::uint64_t> counts = histogram.bucket_counts();
  std::uint64_t cumulative = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    cumulative += counts[i];
    const bool last = i == histogram.upper_bounds().size();
    const std::string bound = last ? "+Inf" : Number(histogram.upper_bounds()[i]);
    out.append(name).append("_bucket").append(LabelText(labels, "le", bound));
    out.append(" ").append(std::to_string(cumulative)).append("\n");
  }
  const std::string label_text = LabelText(labels);
  out.append(name).append("_sum").append(label_text).append(" ");
  out.append(Number(histogram.sum())).append("\n");
  out.append(name).append("_count").append(label_text).append(" ");
  out.append(std::to_string(histogram.count())).append("\n");
}

}  // namespace

std::string MetricsRegistry::Render() const {
  std::lock_guard lock(mutex_);
  std::string out;
  for (const auto& [name, family] : families_) {
    out.append("# HELP ").append(name).append(" ").append(family->help).append("\n");
    out.append("# TYPE ").append(name).append(" ").append(family->type).append("\n");
    for (const auto& [key, counter] : family->counters) {
      out.append(name)
          .append(key)
          .append(" ")
          .append(std::to_string(counter->value()))
          .append("\n");
    }
    for (const auto& [key, gauge] : family->gauges) {
      out.append(name).append(key).append(" ").append(std::to_string(gauge->value())).append("\n");
    }
    for (const auto& [key, histogram] : family->histograms) {
      RenderHistogram(out, name, family->labels.at(key), *histogram);
    }
  }
  return out;
}

}  // namespace guild::http
