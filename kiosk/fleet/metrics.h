#pragma once
// The kiosk's health for Prometheus, as a textfile for the node exporter's textfile
// collector (docs/fleet.md): what it shows, what the fleet client did, and whether the
// screen is alive. Written atomically, so the exporter never reads half a file.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/fleet/status.h"

namespace kiosk::fleet {

// What the render loop knows; copied out of it, never read from another thread.
struct ScreenHealth {
  std::string kiosk_id;
  std::string bundle_id;
  int64_t bundle_version = 0;
  int64_t frames_drawn = 0;
  std::time_t screen_changed = 0;  // when a frame last changed the screen
  std::string scene;               // one of `scenes`
  int64_t touches_last_hour = 0;
  std::time_t started = 0;
  bool open_now = true;  // within the opening hours
};

// `scenes` lists every scene name, so that each has a series (1 for the one shown).
std::string metrics_text(const ScreenHealth& screen, const FleetStatus& fleet, const std::vector<std::string>& scenes,
                         std::time_t now);

// Writes the textfile on a thread of its own every `interval`, and soon after poke().
class MetricsWriter {
 public:
  MetricsWriter(std::filesystem::path file, std::vector<std::string> scenes, std::filesystem::path state_dir,
                std::chrono::milliseconds interval, std::function<void(const std::string&)> problem);
  ~MetricsWriter();
  MetricsWriter(const MetricsWriter&) = delete;
  MetricsWriter& operator=(const MetricsWriter&) = delete;

  void update(const ScreenHealth& screen);  // from the render loop: a copy under a lock
  void poke();                              // something changed: write soon

 private:
  void run();

  std::filesystem::path file_, state_dir_;
  std::vector<std::string> scenes_;
  std::chrono::milliseconds interval_;
  std::function<void(const std::string&)> problem_;
  std::mutex mutex_;
  std::condition_variable wake_;
  ScreenHealth screen_;
  bool have_screen_ = false, poked_ = false, stop_ = false;
  std::string last_problem_;
  std::thread thread_;  // last
};

}  // namespace kiosk::fleet
