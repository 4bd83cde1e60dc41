#pragma once
// New bundles while the kiosk runs: the inbox is installed in the background, and a new
// `current` is prepared in the background and handed over, ready, to be swapped in
// between two frames when no visitor is browsing. A thread sleeps on the state directory
// and wakes the loop (through `wake`) when something changes or a job finishes, so
// the loop need not poll.

#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <thread>
#include <vector>

#include "kiosk/app/fleet_client.h"
#include "kiosk/app/operator.h"
#include "kiosk/app/session.h"
#include "kiosk/ops/inbox.h"
#include "kiosk/ops/state_watch.h"
#include "kiosk/ops/trust.h"

namespace kiosk::app {

class HotSwap {
 public:
  // `wake` is called from other threads; it must make the loop call poll() soon.
  // `after_fleet_round` is called after each round of the fleet client, if one runs.
  HotSwap(const config::Config& cfg, ui::ScreenOptions options, RecentErrors& problems, std::function<void()> wake,
          std::function<void()> after_fleet_round = {});
  ~HotSwap();

  // Prepares the current bundle again, as if it had just been installed.
  void reload() { current_dirty_ = true; }
  // Returns a prepared session once one is ready to be shown.
  std::unique_ptr<Session> poll(const ui::Canvas& canvas);
  // Waits up to `limit` for the jobs under way; false if one is still running (an
  // install may then be abandoned: installs survive being killed at any step).
  bool finish_within(std::chrono::milliseconds limit);

 private:
  void watch();
  void report_inbox(const ops::InboxReport& report);

  ops::StateDir state_;
  ops::StateWatch watch_;
  ops::Trust trust_;
  ui::ScreenOptions options_;
  RecentErrors& problems_;  // shown on the operator panel as well as logged
  ops::InstallOptions install_;
  std::future<ops::InboxReport> inbox_;
  // A bundle still arriving is looked at again once it has settled.
  std::optional<std::chrono::steady_clock::time_point> inbox_retry_at_;
  std::future<std::unique_ptr<Session>> preparing_;
  std::chrono::steady_clock::time_point started_;
  std::function<void()> wake_;
  // Set by the watching thread and the jobs, taken by poll().
  std::atomic<bool> inbox_changed_{false}, current_changed_{false}, inbox_done_{false}, prepared_{false};
  // Bundles already waiting when the kiosk starts (copied while it was down) count too.
  bool inbox_dirty_ = true, current_dirty_ = false;
  std::thread watcher_;  // it starts once everything it uses exists
  // The channels polled; its installs reach the screen through the watch like any other.
  std::unique_ptr<fleet::Poller> fleet_;
};

}  // namespace kiosk::app
