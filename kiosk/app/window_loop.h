#pragma once
// The kiosk on a window until it is closed or stopped: a loop with one method per step.
// It waits until the controller's next frame is due (or an event, a signal or a new
// bundle wakes it), feeds pointer input to the controller, swaps in a new bundle
// between frames, draws, and tells systemd it is alive. Play statistics go to the disk
// on a worker thread (controller::PlayLog), never from here.

#include <array>
#include <ctime>
#include <deque>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/app/hot_swap.h"
#include "kiosk/app/loop_clock.h"
#include "kiosk/app/operator.h"
#include "kiosk/app/options.h"
#include "kiosk/app/run.h"
#include "kiosk/app/service_notify.h"
#include "kiosk/app/session.h"
#include "kiosk/app/signals.h"
#include "kiosk/controller/play_log.h"
#include "kiosk/fleet/metrics.h"
#include "kiosk/ops/play_stats.h"
#include "kiosk/platform/imgui_host.h"
#include "kiosk/platform/window.h"

namespace kiosk::app {

class WindowLoop {
 public:
  WindowLoop(const Options& options, const config::Config& cfg, const WallClock& wall);
  // Returns the exit status: 0, kExitMaintenance, kExitBadBundle, or kNoBundleShown.
  int run(const std::vector<std::filesystem::path>& candidates, bool watch_state);

 private:
  int loop(const std::vector<std::filesystem::path>& candidates, bool watch_state);
  bool open(const std::vector<std::filesystem::path>& candidates, bool watch_state);
  void wait();
  bool input();  // the window's size, and the fonts for it; false: they cannot be baked
  void hot_swap();
  void draw();
  bool act();  // the operator's command; false: leave for maintenance
  void notify();
  void stop();
  void connect_panel();
  void record_plays();
  void report();
  void start_metrics();
  void poke_metrics();  // the screen changed in a way the textfile shows: write it now
  fleet::ScreenHealth health();

  const Options& options_;
  const config::Config& cfg_;
  const WallClock& wall_;
  LoopClock clock_;
  platform::WindowKind kind_;
  ui::ScreenOptions screen_options_;
  ui::Canvas canvas_;
  std::unique_ptr<platform::Window> window_;
  std::unique_ptr<platform::ImGuiHost> host_;
  std::unique_ptr<Session> session_, pending_;
  RecentErrors errors_;
  PanelStatus panel_status_;
  std::unique_ptr<HotSwap> hot_swap_;
  std::unique_ptr<ops::PlayStats> stats_;
  std::unique_ptr<controller::PlayLog> plays_;
  double last_flush_ = 0;
  std::unique_ptr<Signals> signals_;
  ServiceNotifier service_;
  double now_ = 0, last_frame_ = -1, due_ = 0;
  bool first_ = true;
  long frames_ = 0, wakeups_ = 0;
  std::array<float, 512> frame_ms_{};
  long timed_frames_ = 0;
  double longest_frame_ms_ = 0;
  std::filesystem::path on_screen_;  // for the message if it is damaged while shown
  std::unique_ptr<fleet::MetricsWriter> metrics_;
  std::deque<double> touches_;  // loop-clock times of the last hour's presses
  std::time_t started_ = std::time(nullptr), screen_changed_ = 0;
  std::string kiosk_id_;
  const Session* confirmed_ = nullptr;  // the session whose bundle's trial was last confirmed
};

}  // namespace kiosk::app
