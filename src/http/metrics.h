// Metrics in Prometheus text format (exposition format 0.0.4).
//
// A MetricsRegistry owns counters, gauges and histograms keyed by name and
// label set; Get* returns the same object for the same key, created on first
// use, with a reference that stays valid for the registry's lifetime. Hot
// paths keep the reference and update it lock-free. Render() produces the
// text served at /metrics.
//
// Names must match [a-zA-Z_:][a-zA-Z0-9_:]*; other characters are replaced by
// '_'. Label values are escaped. A name registered as one kind and requested
// as another gets a separate series with the kind appended ("_counter", ...).
//
// Thread safety: all methods may be called concurrently.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "http/types.h"

namespace guild::http {

//! Label name/value pairs, e.g. {{"route", "/api/v1/people"}}.
using Labels = Fields;

class Counter {
 public:
  void Increment(std::uint64_t by = 1) { value_.fetch_add(by, std::memory_order_relaxed); }
  std::uint64_t value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::uint64_t> value_{0};
};

class Gauge {
 public:
  void Add(std::int64_t delta) { value_.fetch_add(delta, std::memory_order_relaxed); }
  void Set(std::int64_t value) { value_.store(value, std::memory_order_relaxed); }
  std::int64_t value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<std::int64_t> value_{0};
};

class Histogram {
 public:
  //! REQUIRES: `upper_bounds` strictly increasing (an implicit +Inf follows).
  explicit Histogram(std::vector<double> upper_bounds);
  void Observe(double value);
  const std::vector<double>& upper_bounds() const { return bounds_; }
  //! Non-cumulative count per bucket; the last one is +Inf.
  std::vector<std::uint64_t> bucket_counts() const;
  std::uint64_t count() const { return count_.load(std::memory_order_relaxed); }
  double sum() const;

 private:
  std::vector<double> bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;
  std::atomic<std::uint64_t> count_{0};
  std::atomic<std::uint64_t> sum_micros_{0};  // sum in millionths, lock-free
};

//! 1 ms ... 10 s, suitable for request latencies in seconds.
std::vector<double> DefaultLatencyBuckets();

class MetricsRegistry {
 public:
  MetricsRegistry();
  ~MetricsRegistry();
  MetricsRegistry(const MetricsRegistry&) = delete;
  MetricsRegistry& operator=(const MetricsRegistry&) = delete;

  Counter& GetCounter(std::string_view name, std::string_view help, const Labels& labels = {});
  Gauge& GetGauge(std::string_view name, std::string_view help, const Labels& labels = {});
  Histogram& GetHistogram(std::string_view name, std::string_view help, const Labels& labels = {},
                          std::vector<double> upper_bounds = DefaultLatencyBuckets());
  //! Every series, grouped by name with # HELP and # TYPE lines.
  std::string Render() const;

 private:
  struct Family;
  Family& GetFamily(std::string_view name, std::string_view help, std::string_view type);

  mutable std::mutex mutex_;
  std::map<std::string, std::unique_ptr<Family>> families_;  // GUARDED_BY(mutex_)
};

}  // namespace guild::http
