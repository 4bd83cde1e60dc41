#pragma once
// The attract loop: which playlist slide shows at a given clock time, honouring each
// entry's dwell, its date window and its daily time window, with eased transitions.

#include <cstddef>
#include <optional>
#include <vector>

#include "kiosk/content/model.h"
#include "kiosk/show/civil_time.h"

namespace kiosk::show {

// Whether the entry may play at local time `wall` (date window inclusive; a daily
// window may run past midnight, as 22:00-06:00 does).
bool in_window(const content::PlaylistEntry& entry, const CivilTime& wall);

class AttractLoop {
 public:
  explicit AttractLoop(std::vector<content::PlaylistEntry> playlist, double transition_s = 0.6);

  // Moves on to the slide that shows at clock time `now`. Call with non-decreasing times.
  void advance(double now, const CivilTime& wall);
  // Starts over from the first eligible slide, as after an idle return.
  void restart(double now, const CivilTime& wall);

  bool has_slide() const { return current_.has_value(); }
  const content::PlaylistEntry& current() const { return playlist_[*current_]; }
  const content::PlaylistEntry* previous(double now) const;  // while a transition runs
  double time_in_slide(double now) const { return now - started_at_; }
  // Seconds since the outgoing slide began, while a transition runs: it goes on as it was
  // and never starts over.
  double previous_time_in_slide(double now) const { return now - previous_started_at_; }
  double started_at() const { return started_at_; }  // clock time the current slide began
  double transition_progress(double now) const;      // 0..1, 1 when settled
  double next_change(double now) const;              // clock time of the next slide change
  size_t position() const { return current_.value_or(0); }
  size_t size() const { return playlist_.size(); }
  double transition_seconds() const { return transition_s_; }

 private:
  std::optional<size_t> next_eligible(size_t after, const CivilTime& wall) const;

  std::vector<content::PlaylistEntry> playlist_;
  double transition_s_;
  std::optional<size_t> current_;
  std::optional<size_t> previous_;
  double started_at_ = 0;
  double previous_started_at_ = 0;
  bool has_transition_ = false;
};

}  // namespace kiosk::show
