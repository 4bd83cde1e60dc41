#include "bench/visitor.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "bench/measure.h"

namespace kiosk::bench {
namespace {

// Where the screens put what a visitor touches, at 1920x1080: home's tiles (four by
// two), a category's cards (three columns), the top bar's buttons.
constexpr int kTileX[] = {299, 740, 1179, 1619}, kTileY[] = {488, 831};
constexpr int kCardX[] = {370, 955, 1540}, kCardY[] = {440, 690, 930};
constexpr int kBarY = 95, kBackX = 150, kHomeX = 318, kEnglishX = 1629, kLargerTextX = 1775;

std::string on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');)
    if (auto candidate = std::filesystem::path(dir) / program; access(candidate.c_str(), X_OK) == 0) return candidate;
  return {};
}

// PSS every second on a thread of its own, whatever the visit is waiting for.
class PssSampler {
 public:
  explicit PssSampler(pid_t pid) : thread_([this, pid] { run(pid); }) {}
  ~PssSampler() {
    stop_ = true;
    thread_.join();
  }
  double max_mb() const { return max_mb_; }

 private:
  void run(pid_t pid) {
    while (!stop_) {
      double mb = pss_mb(pid);
      if (mb > max_mb_) max_mb_ = mb;
      for (int i = 0; i < 10 && !stop_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  std::atomic<bool> stop_ = false;
  std::atomic<double> max_mb_ = -1;
  std::thread thread_;
};

long field(const std::string& line, const std::string& key) {
  auto at = line.find(" " + key + "=");
  return at == std::string::npos ? -1 : std::atol(line.c_str() + at + key.size() + 2);
}

class Visit {
 public:
  Visit(Child& kiosk, VisitResult& result, std::string xdotool)
      : kiosk_(kiosk), result_(result), xdotool_(std::move(xdotool)) {}

  bool tap(int x, int y) {
    return xdo({"mousemove", std::to_string(x), std::to_string(y), "mousedown", "1", "sleep", "0.05", "mouseup", "1"});
  }
  // A finger moving in `steps` steps 15 ms apart, still moving when it lifts (a fling).
  bool drag(int x0, int y0, int x1, int y1, int steps) {
    std::vector<std::string> args{"mousemove", std::to_string(x0), std::to_string(y0), "mousedown", "1"};
    for (int i = 1; i <= steps; ++i)
      args.insert(args.end(), {"mousemove", std::to_string(x0 + (x1 - x0) * i / steps),
                               std::to_string(y0 + (y1 - y0) * i / steps), "sleep", "0.015"});
    args.insert(args.end(), {"mouseup", "1"});
    return xdo(args);
  }
  bool swipe_to_next() { return drag(1400, 600, 500, 600, 10); }
  bool scroll_down() { return drag(960, 1000, 960, 300, 12); }

  // The next scene the kiosk logs that starts with `prefix`, within `timeout` seconds.
  std::optional<std::string> scene(const std::string& prefix, double timeout) {
    auto line = kiosk_.wait_line("scene " + prefix, timeout);
    if (line && line->starts_with("scene detail:")) opened_.insert(line->substr(sizeof "scene detail:" - 1));
    return line;
  }
  bool expect(const std::string& prefix, double timeout, const std::string& step) {
    if (scene(prefix, timeout)) return true;
    result_.failure = step + ": no 'scene " + prefix + "' within " + std::to_string(static_cast<int>(timeout)) + " s";
    return false;
  }
  void pause(double seconds) { kiosk_.pump_until(kiosk_.elapsed() + seconds); }

  // The kiosk's own count of what it holds (SIGUSR1), the largest so far kept.
  void take_resources(bool at_end = false) {
    if (!kiosk_.signal(SIGUSR1)) return;
    auto line = kiosk_.wait_line("resources ", 5);
    if (!line) return;
    long texture_kb = field(*line, "texture_kb"), cached_kb = field(*line, "cached_kb");
    result_.texture_kb_max = std::max(result_.texture_kb_max, texture_kb);
    result_.cached_kb_max = std::max(result_.cached_kb_max, cached_kb);
    if (at_end) result_.texture_kb_end = texture_kb, result_.cached_kb_end = cached_kb;
  }

  int opened() const { return static_cast<int>(opened_.size()); }

 private:
  bool xdo(std::vector<std::string> args) {
    args.insert(args.begin(), xdotool_);
    return run_child(args).exit_code == 0;
  }

  Child& kiosk_;
  VisitResult& result_;
  std::string xdotool_;
  std::set<std::string> opened_;
};

// Every category: its first item and then each next one by swiping, back, the list to its end.
bool browse_everything(Visit& v, const VisitPlan& plan, const std::string& round) {
  for (size_t c = 0; c < plan.items_per_category.size() && c < 8; ++c) {
    std::string step = round + ", category " + std::to_string(c);
    int items = plan.items_per_category[c];
    v.tap(kTileX[c % 4], kTileY[c / 4]);
    if (!v.expect("category:", 10, step)) return false;
    v.pause(0.5);
    v.tap(kCardX[0], kCardY[0]);
    if (!v.expect("detail:", 10, step + ", its first card")) return false;
    for (int i = 1; i < items; ++i) {
      v.pause(0.3);
      v.swipe_to_next();
      v.scene("detail:", 3);
    }
    v.tap(kBackX, kBarY);
    if (!v.expect("category:", 10, step + ", back from its last item")) return false;
    for (int d = 0; d < items / 3 + 1; ++d) {
      v.scroll_down();
      v.pause(0.4);
    }
    v.take_resources();
    v.tap(kBackX, kBarY);
    if (!v.expect("home", 10, step + ", back home")) return false;
  }
  return true;
}

// `sample` different items, found as a visitor finds them: a category at random, its list
// flung a random number of times, a card at random, a few swipes on from there.
bool browse_sample(Visit& v, const VisitPlan& plan) {
  std::mt19937 rng(plan.seed);
  auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  for (int attempt = 0; v.opened() < plan.sample && attempt < plan.sample * 2; ++attempt) {
    std::string step = "sample visit " + std::to_string(attempt);
    int c = pick(static_cast<int>(std::min<size_t>(plan.items_per_category.size(), 8)));
    v.tap(kTileX[c % 4], kTileY[c / 4]);
    if (!v.expect("category:", 10, step)) return false;
    for (int d = pick(12); d > 0; --d) v.scroll_down();
    v.pause(1.5);  // the fling's inertia comes to rest
    v.tap(kCardX[pick(3)], kCardY[pick(3)]);
    if (v.scene("detail:", 3))  // a tap between two cards opens nothing
      for (int s = pick(5) + 2; s > 0; --s) {
        v.pause(0.3);
        v.swipe_to_next();
        v.scene("detail:", 3);
      }
    if (attempt % 10 == 9) v.take_resources();
    v.tap(kHomeX, kBarY);
    if (!v.expect("home", 10, step + ", home")) return false;
  }
  return true;
}

}  // namespace

VisitResult visit(const std::vector<std::string>& argv, const VisitPlan& plan) {
  VisitResult r;
  std::string xdotool = on_path("xdotool");
  if (xdotool.empty()) {
    r.failure = "xdotool is not installed";
    return r;
  }
  Child kiosk(argv);
  if (!kiosk.wait_line("first frame", 60)) {
    r.failure = "the kiosk showed no first frame";
    return r;
  }
  Visit v(kiosk, r, xdotool);
  double started = kiosk.elapsed();
  {
    PssSampler sampler(kiosk.pid());
    v.pause(1);
    v.tap(960, 1000);  // wakes the attract loop
    if (!v.expect("home", 10, "wake")) return r;
    bool browsed = true;
    if (plan.sample > 0) {
      browsed = browse_sample(v, plan);
    } else {
      browsed = browse_everything(v, plan, "Chinese");
      browsed = browsed && v.tap(kEnglishX, kBarY) && browse_everything(v, plan, "English");
      browsed = browsed && v.tap(kLargerTextX, kBarY) && browse_everything(v, plan, "English, larger text");
    }
    if (!browsed) return r;
    if (!v.expect("attract", plan.idle_timeout_s + 30, "the return to the attract loop")) return r;
    r.seconds = kiosk.elapsed() - started;
    v.pause(10);  // the attract loop's first slides bring their pictures
    r.pss_max_mb = sampler.max_mb();
  }
  r.pss_end_mb = pss_mb(kiosk.pid());
  r.rss_max_kb = peak_rss_kb(kiosk.pid());
  v.take_resources(true);
  r.items_opened = v.opened();
  r.items_total = plan.sample;
  if (plan.sample == 0)
    for (int n : plan.items_per_category) r.items_total += n;
  r.ok = true;
  kiosk.terminate();
  return r;
}

}  // namespace kiosk::bench
