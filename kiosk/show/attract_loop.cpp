#include "kiosk/show/attract_loop.h"

#include <algorithm>

namespace kiosk::show {

bool in_window(const content::PlaylistEntry& entry, const CivilTime& wall) {
  std::string date = wall.date();
  if (!entry.date_from.empty() && date < entry.date_from) return false;
  if (!entry.date_to.empty() && date > entry.date_to) return false;
  if (entry.time_from.empty() || entry.time_to.empty()) return true;
  std::string time = wall.time();
  if (entry.time_from <= entry.time_to) return time >= entry.time_from && time < entry.time_to;
  return time >= entry.time_from || time < entry.time_to;  // runs past midnight
}

AttractLoop::AttractLoop(std::vector<content::PlaylistEntry> playlist, double transition_s)
    : playlist_(std::move(playlist)), transition_s_(transition_s) {}

std::optional<size_t> AttractLoop::next_eligible(size_t after, const CivilTime& wall) const {
  for (size_t step = 1; step <= playlist_.size(); ++step) {
    size_t i = (after + step) % playlist_.size();
    if (in_window(playlist_[i], wall)) return i;
  }
  return std::nullopt;
}

void AttractLoop::restart(double now, const CivilTime& wall) {
  current_.reset();
  previous_.reset();
  has_transition_ = false;
  if (playlist_.empty()) return;
  current_ = next_eligible(playlist_.size() - 1, wall);
  started_at_ = now;
}

void AttractLoop::advance(double now, const CivilTime& wall) {
  if (!current_) {
    restart(now, wall);
    return;
  }
  // A slide whose window closed while it showed gives way at once.
  if (!in_window(current(), wall)) {
    previous_ = current_;
    previous_started_at_ = started_at_;
    current_ = next_eligible(*current_, wall);
    started_at_ = now;
    has_transition_ = current_.has_value();
    return;
  }
  while (now >= started_at_ + std::max(current().dwell_s, transition_s_)) {
    auto next = next_eligible(*current_, wall);
    if (!next) break;
    double start = started_at_ + std::max(current().dwell_s, transition_s_);
    previous_ = current_;
    previous_started_at_ = started_at_;
    current_ = next;
    started_at_ = start;
    has_transition_ = *previous_ != *current_;
  }
}

const content::PlaylistEntry* AttractLoop::previous(double now) const {
  if (!has_transition_ || !previous_ || now >= started_at_ + transition_s_) return nullptr;
  return &playlist_[*previous_];
}

double AttractLoop::transition_progress(double now) const {
  if (!has_transition_ || transition_s_ <= 0) return 1;
  return std::clamp((now - started_at_) / transition_s_, 0.0, 1.0);
}

double AttractLoop::next_change(double now) const {
  if (!current_) return now + 60;
  double settle = started_at_ + transition_s_;
  if (has_transition_ && now < settle) return settle;
  return started_at_ + std::max(current().dwell_s, transition_s_);
}

}  // namespace kiosk::show
