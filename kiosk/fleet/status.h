#pragma once
// What the fleet client has done, kept in STATE/fleet/status across restarts, for
// `kioskctl status` and the kiosk's metrics: when it last asked and succeeded, what it
// last installed, and its errors counted by kind.

#include <cstdint>
#include <ctime>
#include <map>
#include <string>

#include "kiosk/fleet/poll.h"
#include "kiosk/ops/state_dir.h"

namespace kiosk::fleet {

struct FleetStatus {
  std::time_t last_check = 0;    // the last round's end
  std::time_t last_success = 0;  // the last round without an error
  std::time_t last_install = 0;
  int64_t last_install_version = 0;
  std::time_t last_rollback = 0;  // when a bundle on trial was rolled back from (trial.h)
  int64_t last_rollback_version = 0;
  int consecutive_failures = 0;
  std::map<std::string, int64_t> errors;  // by poll_error_name
  std::string last_error;                 // escaped, one line

  // Adds one round's outcome.
  void record(const PollResult& round, std::time_t now);
};

// A missing or damaged file reads as an empty status.
FleetStatus read_fleet_status(const ops::StateDir& state);
void write_fleet_status(const ops::StateDir& state, const FleetStatus& status);

}  // namespace kiosk::fleet
