#include "common/progress.h"

#include <unistd.h>

#include <cstdio>

namespace guild {

namespace {
constexpr int kBarWidth = 30;
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);
}  // namespace

ProgressBar::ProgressBar(std::string label, int64_t total, ProgressMode mode)
    : label_(std::move(label)),
      total_(total),
      enabled_(mode == ProgressMode::kAlways ||
               (mode == ProgressMode::kAuto && isatty(STDERR_FILENO) != 0)),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_ - kRedrawInterval) {}

ProgressBar::~ProgressBar() { Finish(); }

void ProgressBar::Update(int64_t done) {
  done_ = done;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < kRedrawInterval) return;
  last_draw_ = now;
  Draw();
}

void ProgressBar::SetLabel(std::string label) {
  label_ = std::move(label);
  if (enabled_) Draw();
}

void ProgressBar::Finish() {
  if (finished_) return;
  finished_ = true;
  if (!enabled_) return;
  if (total_ > 0) done_ = total_;
  Draw();
  std::fputc('\n', stderr);
}

void ProgressBar::Draw() {
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (total_ <= 0) {
    std::fprintf(stderr, "\r%s %lld  %.1fs\x1b[K", label_.c_str(), static_cast<long long>(done_),
                 seconds);
  } else {
    double frac = static_cast<double>(done_) / static_cast<double>(total_);
    if (frac > 1) frac = 1;
    int filled = static_cast<int>(frac * kBarWidth);
    std::string bar(static_cast<size_t>(filled), '=');
    if (filled < kBarWidth) bar += '>';
    bar.resize(kBarWidth, ' ');
    std::fprintf(stderr, "\r%s [%s] %3d%% %lld/%lld  %.1fs\x1b[K", label_.c_str(), bar.c_str(),
                 static_cast<int>(frac * 100), static_cast<long long>(done_),
                 static_cast<long long>(total_), seconds);
  }
  std::fflush(stderr);
}

}  // namespace guild
