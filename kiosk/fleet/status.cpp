#include "kiosk/fleet/status.h"

#include <fstream>
#include <sstream>

#include "kiosk/base/atomic_file.h"
#include "kiosk/text/utf8.h"

namespace kiosk::fleet {
namespace {

std::filesystem::path status_file(const ops::StateDir& state) {
  return state.root / "fleet" / "status";
}

}  // namespace

void FleetStatus::record(const PollResult& round, std::time_t now) {
  last_check = now;
  if (round.installed) {
    last_install = now;
    last_install_version = round.installed_version;
  }
  if (!round.any_error()) {
    last_success = now;
    consecutive_failures = 0;
    return;
  }
  ++consecutive_failures;
  for (const auto& channel : round.channels)
    if (channel.error) {
      ++errors[poll_error_name(*channel.error)];
      last_error = channel.message;
    }
  if (round.install_error) {
    ++errors[poll_error_name(*round.install_error)];
    last_error = round.install_message;
  }
}

FleetStatus read_fleet_status(const ops::StateDir& state) {
  FleetStatus s;
  std::ifstream in(status_file(state));
  std::string line;
  for (int lines = 0; lines < 100 && std::getline(in, line); ++lines) {
    std::istringstream fields(line);
    std::string key;
    fields >> key;
    std::string rest;
    std::getline(fields >> std::ws, rest);
    int64_t number = 0;
    bool numeric = static_cast<bool>(std::istringstream(rest) >> number) && number >= 0;
    if (key == "last_error") s.last_error = text::escaped(rest);
    if (!numeric) continue;
    if (key == "last_check") s.last_check = static_cast<std::time_t>(number);
    if (key == "last_success") s.last_success = static_cast<std::time_t>(number);
    if (key == "last_install") s.last_install = static_cast<std::time_t>(number);
    if (key == "last_install_version") s.last_install_version = number;
    if (key == "last_rollback") s.last_rollback = static_cast<std::time_t>(number);
    if (key == "last_rollback_version") s.last_rollback_version = number;
    if (key == "consecutive_failures") s.consecutive_failures = static_cast<int>(std::min<int64_t>(number, 1 << 30));
    for (auto kind : kPollErrors)
      if (key == std::string("errors_") + poll_error_name(kind)) s.errors[poll_error_name(kind)] = number;
  }
  return s;
}

void write_fleet_status(const ops::StateDir& state, const FleetStatus& s) {
  std::ostringstream out;
  out << "last_check " << s.last_check << "\nlast_success " << s.last_success << "\nlast_install " << s.last_install
      << "\nlast_install_version " << s.last_install_version << "\nlast_rollback " << s.last_rollback
      << "\nlast_rollback_version " << s.last_rollback_version << "\nconsecutive_failures " << s.consecutive_failures
      << "\n";
  for (const auto& [kind, count] : s.errors) out << "errors_" << kind << " " << count << "\n";
  out << "last_error " << s.last_error << "\n";
  base::write_file_atomically(status_file(state), out.str(), 0644);
  state.adopt(status_file(state));
}

}  // namespace kiosk::fleet
