#pragma once
// A bundle the fleet client installed is on trial until the kiosk has drawn a frame of it.
// Each start of the kiosk while it is on trial is counted (STATE/fleet/trial); a kiosk
// that starts a third time without having drawn it (it crashed, hung until the watchdog
// killed it, or could not open it) rolls back by itself, and never installs that version
// again: only a newer one. Nobody is there to do it by hand.

#include <cstdint>
#include <string>

#include "kiosk/ops/state_dir.h"

namespace kiosk::fleet {

constexpr int kTrialStarts = 2;  // starts a bundle on trial gets before the rollback

void begin_trial(const ops::StateDir& state, int64_t version);

struct TrialOutcome {
  bool rolled_back = false;
  int64_t version = 0;
  std::string message;  // for the log, when something was done
};

// Called once at the kiosk's start, before it picks its bundle. Never throws.
TrialOutcome start_with_trial(const ops::StateDir& state);

// The kiosk drew a frame of `shown_version`: a trial of that version is over.
void confirm_trial(const ops::StateDir& state, int64_t shown_version);

}  // namespace kiosk::fleet
