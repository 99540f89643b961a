// A progress bar for long CLI work.
//
// Draws "label [=====>    ] 52% 1,234/2,345 3.1s" on stderr, redrawn at most
// ten times a second, and only when stderr is a terminal (so pipes, files and
// CI logs stay clean). Not thread-safe: one thread updates it.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace guild {

enum class ProgressMode { kAuto, kAlways, kNever };

class ProgressBar {
 public:
  //! `total` may be 0 when unknown (then only the count is shown).
  ProgressBar(std::string label, int64_t total, ProgressMode mode = ProgressMode::kAuto);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  //! Sets the amount done so far; cheap to call often.
  void Update(int64_t done);
  //! Changes the label (e.g. the current step) and redraws.
  void SetLabel(std::string label);
  //! Draws 100% and ends the line. Called by the destructor when not called.
  void Finish();
  [[nodiscard]] bool enabled() const { return enabled_; }

 private:
  void Draw();

  std::string label_;
  int64_t total_;
  int64_t done_ = 0;
  bool enabled_;
  bool finished_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
};

}  // namespace guild
