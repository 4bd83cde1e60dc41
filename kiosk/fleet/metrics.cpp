#include "kiosk/fleet/metrics.h"

#include <sstream>

#include "kiosk/base/atomic_file.h"
#include "kiosk/base/errors.h"

namespace kiosk::fleet {
namespace {

// A label value as the exposition format requires: backslash, quote and newline escaped.
std::string label(const std::string& value) {
  std::string out;
  for (char c : value) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '"')
      out += "\\\"";
    else if (c == '\n')
      out += "\\n";
    else
      out += c;
  }
  return out;
}

class Exposition {
 public:
  void metric(const std::string& name, const char* type, const std::string& help) {
    out_ << "# HELP heping_kiosk_" << name << " " << help << "\n# TYPE heping_kiosk_" << name << " " << type << "\n";
    name_ = name;
  }
  void sample(double value, const std::string& labels = {}) {
    out_ << "heping_kiosk_" << name_ << (labels.empty() ? "" : "{" + labels + "}") << " " << value << "\n";
  }
  std::string text() const { return out_.str(); }

 private:
  std::ostringstream out_;
  std::string name_;
};

}  // namespace

std::string metrics_text(const ScreenHealth& s, const FleetStatus& f, const std::vector<std::string>& scenes,
                         std::time_t now) {
  Exposition e;
  auto seconds = [](std::time_t t) { return static_cast<double>(t); };
  e.metric("info", "gauge", "The kiosk and the bundle it shows (always 1).");
  e.sample(1, "kiosk_id=\"" + label(s.kiosk_id) + "\",bundle_id=\"" + label(s.bundle_id) + "\",bundle_version=\"" +
                  std::to_string(s.bundle_version) + "\"");
  e.metric("bundle_version", "gauge", "The version of the bundle on screen.");
  e.sample(static_cast<double>(s.bundle_version));
  e.metric("metrics_written_timestamp_seconds", "gauge", "When this file was written; stale means the kiosk is down.");
  e.sample(seconds(now));
  e.metric("uptime_seconds", "gauge", "Seconds since the kiosk started.");
  e.sample(seconds(now - s.started));
  e.metric("frames_drawn_total", "counter", "Frames drawn since the kiosk started.");
  e.sample(static_cast<double>(s.frames_drawn));
  e.metric("screen_unchanged_seconds", "gauge", "Seconds since a frame last changed the screen.");
  e.sample(s.screen_changed ? seconds(now - s.screen_changed) : seconds(now - s.started));
  e.metric("scene", "gauge", "1 for the scene on screen, 0 for the others.");
  for (const auto& scene : scenes) e.sample(scene == s.scene ? 1 : 0, "scene=\"" + label(scene) + "\"");
  e.metric("touches_last_hour", "gauge", "Touches in the last hour.");
  e.sample(static_cast<double>(s.touches_last_hour));
  e.metric("open", "gauge", "1 within the configured opening hours, else 0.");
  e.sample(s.open_now ? 1 : 0);
  e.metric("fleet_last_check_timestamp_seconds", "gauge", "When the fleet client last polled its channels (0: never).");
  e.sample(seconds(f.last_check));
  e.metric("fleet_last_success_timestamp_seconds", "gauge", "When a poll round last went without an error (0: never).");
  e.sample(seconds(f.last_success));
  e.metric("fleet_last_install_timestamp_seconds", "gauge",
           "When the fleet client last installed a bundle (0: never).");
  e.sample(seconds(f.last_install));
  e.metric("fleet_last_rollback_timestamp_seconds", "gauge",
           "When a new bundle that did not reach the screen was rolled back from (0: never).");
  e.sample(seconds(f.last_rollback));
  e.metric("fleet_last_rollback_version", "gauge", "The version last rolled back from (0: none).");
  e.sample(static_cast<double>(f.last_rollback_version));
  e.metric("fleet_consecutive_failures", "gauge", "Poll rounds in a row that had an error.");
  e.sample(f.consecutive_failures);
  e.metric("fleet_errors_total", "counter", "Fleet errors by kind, since the state directory was made.");
  for (auto kind : kPollErrors) {
    auto it = f.errors.find(poll_error_name(kind));
    e.sample(it == f.errors.end() ? 0 : static_cast<double>(it->second),
             std::string("kind=\"") + poll_error_name(kind) + "\"");
  }
  return e.text();
}

MetricsWriter::MetricsWriter(std::filesystem::path file, std::vector<std::string> scenes,
                             std::filesystem::path state_dir, std::chrono::milliseconds interval,
                             std::function<void(const std::string&)> problem)
    : file_(std::move(file)),
      state_dir_(std::move(state_dir)),
      scenes_(std::move(scenes)),
      interval_(interval),
      problem_(std::move(problem)) {
  thread_ = std::thread([this] { run(); });
}

MetricsWriter::~MetricsWriter() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void MetricsWriter::update(const ScreenHealth& screen) {
  std::lock_guard<std::mutex> lock(mutex_);
  screen_ = screen;
  have_screen_ = true;
}

void MetricsWriter::poke() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    poked_ = true;
  }
  wake_.notify_all();
}

void MetricsWriter::run() {
  for (;;) {
    ScreenHealth screen;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait_for(lock, interval_, [this] { return stop_ || poked_; });
      if (stop_) return;
      poked_ = false;
      if (!have_screen_) continue;
      screen = screen_;
    }
    std::string problem;
    try {
      auto text = metrics_text(screen, read_fleet_status(ops::StateDir{state_dir_}), scenes_, std::time(nullptr));
      base::write_file_atomically(file_, text, 0644);
    } catch (const std::exception& e) {
      problem = std::string("metrics: ") + e.what();
    }
    // One message per kind of trouble, not one a minute.
    if (problem != last_problem_ && !problem.empty() && problem_) problem_(problem);
    last_problem_ = problem;
  }
}

}  // namespace kiosk::fleet
