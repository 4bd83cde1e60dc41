#pragma once
// The app's side of the operator panel: checking the PIN against the configured hash,
// gathering what the panel shows, and the exit status of "leave for maintenance".

#include <chrono>
#include <deque>
#include <mutex>
#include <optional>
#include <string>

#include "kiosk/app/session.h"
#include "kiosk/config/config.h"
#include "kiosk/ops/installer.h"
#include "kiosk/ops/trust.h"
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

// What the panel shows of the state directory and of the bundle's signature, read again
// at most every few seconds (and when the bundle changes): reading the status opens
// every installed bundle, and the trust reads key files, too slow to do on each frame.
class PanelStatus {
 public:
  struct Read {
    ops::Status status;
    ops::SignatureSummary signature;
  };
  // Logs what it says of the signature when that changes (first shown, a new bundle, a
  // key no longer trusted): the journal records which key the operator saw.
  const Read& get(const config::Config& config, const std::filesystem::path& bundle);

 private:
  std::optional<Read> read_;
  std::filesystem::path bundle_;
  std::chrono::steady_clock::time_point read_at_;
  std::string logged_signature_;
};

// The panel's line about the bundle's signature: which key signed it and where that key
// is trusted from, worded in the panel's language.
ui::OperatorFact signature_fact(const ops::SignatureSummary& summary);

ui::OperatorInfo operator_info(const Session& session, const config::Config& config, const PanelStats& stats,
                               const RecentErrors& errors, PanelStatus& status);

// Wires the panel of `session` to the configured PIN and to `info`.
void connect_operator_panel(Session& session, const config::Config& config, std::function<ui::OperatorInfo()> info);

}  // namespace kiosk::app
