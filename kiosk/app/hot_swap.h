#pragma once
// New bundles while the kiosk runs: the inbox is installed in the background, and a new
// `current` is prepared in the background and handed over, ready, to be swapped in
// between two frames when no visitor is browsing.

#include <chrono>
#include <future>
#include <memory>
#include <vector>

#include "kiosk/app/operator.h"
#include "kiosk/app/session.h"
#include "kiosk/ops/inbox.h"
#include "kiosk/ops/state_watch.h"
#include "kiosk/ops/trust.h"

namespace kiosk::app {

class HotSwap {
 public:
  HotSwap(const config::Config& cfg, ui::ScreenOptions options, RecentErrors& problems);

  // Prepares the current bundle again, as if it had just been installed.
  void reload() { current_dirty_ = true; }
  // Returns a prepared session once one is ready to be shown.
  std::unique_ptr<Session> poll(const ui::Canvas& canvas);
  // A bundle is being installed or prepared: its result is worth asking for soon.
  bool busy() const { return inbox_.valid() || preparing_.valid(); }

 private:
  void report_inbox(const std::vector<ops::InboxResult>& results);

  ops::StateDir state_;
  ops::StateWatch watch_;
  ops::Trust trust_;
  ui::ScreenOptions options_;
  RecentErrors& problems_;  // shown on the operator panel as well as logged
  ops::InstallOptions install_;
  std::future<std::vector<ops::InboxResult>> inbox_;
  std::future<std::unique_ptr<Session>> preparing_;
  std::chrono::steady_clock::time_point started_;
  // Bundles already waiting when the kiosk starts (copied while it was down) count too.
  bool inbox_dirty_ = true, current_dirty_ = false;
};

}  // namespace kiosk::app
