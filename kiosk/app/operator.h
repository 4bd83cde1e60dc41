#pragma once
// The app's side of the operator panel: checking the PIN against the configured hash,
// gathering what the panel shows, and the exit status of "leave for maintenance".

#include <deque>
#include <mutex>
#include <string>

#include "kiosk/app/session.h"
#include "kiosk/config/config.h"
#include "kiosk/ui/operator_view.h"

namespace kiosk::app {

// The service does not restart the kiosk on this status (RestartPreventExitStatus=75).
constexpr int kExitMaintenance = 75;

// Recent problems the kiosk logged, for the panel; also printed to stderr (the journal).
class RecentErrors {
 public:
  // Called from the hot swap's threads as well as the loop.
  void add(const std::string& line);
  std::vector<std::string> lines() const;

 private:
  mutable std::mutex mutex_;
  std::deque<std::string> lines_;
};

struct PanelStats {
  double uptime_s = 0;
  long frames = 0;
};

ui::OperatorInfo operator_info(const Session& session, const config::Config& config, const PanelStats& stats,
                               const RecentErrors& errors);

// Wires the panel of `session` to the configured PIN and to `info`.
void connect_operator_panel(Session& session, const config::Config& config, std::function<ui::OperatorInfo()> info);

}  // namespace kiosk::app
