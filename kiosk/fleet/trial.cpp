#include "kiosk/fleet/trial.h"

#include <fstream>

#include "kiosk/base/atomic_file.h"
#include "kiosk/content/bundle.h"
#include "kiosk/fleet/poll.h"
#include "kiosk/fleet/status.h"
#include "kiosk/ops/installer.h"

namespace kiosk::fleet {
namespace {

std::filesystem::path trial_file(const ops::StateDir& state) {
  return state.root / "fleet" / "trial";
}

struct Trial {
  int64_t version = 0;
  int starts = 0;
};

std::optional<Trial> read_trial(const ops::StateDir& state) {
  std::ifstream in(trial_file(state));
  Trial t;
  if (!(in >> t.version >> t.starts) || t.version <= 0 || t.starts < 0) return std::nullopt;
  return t;
}

void write_trial(const ops::StateDir& state, const Trial& t) {
  base::write_file_atomically(trial_file(state), std::to_string(t.version) + " " + std::to_string(t.starts) + "\n",
                              0644);
  state.adopt(trial_file(state));
}

void end_trial(const ops::StateDir& state) {
  std::error_code ec;
  std::filesystem::remove(trial_file(state), ec);
}

int64_t current_version(const ops::StateDir& state) {
  try {
    return content::Bundle::open(state.current()).info().version;
  } catch (const std::exception&) {
    return 0;  // cannot be opened: the trial failed as surely as a crash
  }
}

}  // namespace

void begin_trial(const ops::StateDir& state, int64_t version) {
  write_trial(state, {version, 0});
}

TrialOutcome start_with_trial(const ops::StateDir& state) {
  TrialOutcome outcome;
  try {
    auto trial = read_trial(state);
    if (!trial) return outcome;
    outcome.version = trial->version;
    int64_t current = current_version(state);
    if (current != 0 && current != trial->version) {  // installed over, or rolled back by hand
      end_trial(state);
      return outcome;
    }
    if (trial->starts < kTrialStarts) {
      ++trial->starts;
      write_trial(state, *trial);
      return outcome;
    }
    auto rolled = ops::rollback(state);
    add_never_install(state, trial->version);
    end_trial(state);
    auto status = read_fleet_status(state);
    status.last_rollback = std::time(nullptr);
    status.last_rollback_version = trial->version;
    write_fleet_status(state, status);
    outcome.rolled_back = rolled.ok;
    outcome.message = "version " + std::to_string(trial->version) + " was started " + std::to_string(kTrialStarts) +
                      " times without drawing a frame; " + (rolled.ok ? "rolled back: " : "the rollback failed: ") +
                      rolled.message + "; it is not installed again";
  } catch (const std::exception& e) {
    outcome.message = std::string("the trial of a new bundle: ") + e.what();
  }
  return outcome;
}

void confirm_trial(const ops::StateDir& state, int64_t shown_version) {
  auto trial = read_trial(state);
  if (trial && trial->version == shown_version) end_trial(state);
}

}  // namespace kiosk::fleet
