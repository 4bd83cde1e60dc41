// kiosk-bench: the figures the content bundle issue sets targets for, measured in one run.
//   build/bench/kiosk-bench [--runs N] [--start-runs N] [--attract-seconds N]
// --runs: repeats of builds, installs and peak memory (5); --start-runs: rounds of cold
// starts, in which the floor and the kiosk take turns (15); --visitor-only: of the running
// kiosk, only the floor and the visitor phase (visitors browsing everything).
// Needs a display for the kiosk figures (DISPLAY, e.g. Xvfb at 1920x1080; Mesa llvmpipe).
// The running kiosk's figures (cold start, PSS, CPU, frames) are taken at 1920x1080 against
// a floor: an empty GLFW window with a GL 3.3 core context on the same display.

#include <sched.h>
#include <sqlite3.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>

#include "bench/measure.h"
#include "bench/visitor.h"
#include "kiosk/content/bundle.h"
#include "kiosk/content/sqlite.h"

namespace fs = std::filesystem;
using namespace kiosk::bench;

namespace {

void row(const std::string& what, const std::string& value, const std::string& target, const char* met = "") {
  std::printf("| %-60s | %22s | %-26s | %-4s |\n", what.c_str(), value.c_str(), target.c_str(), met);
}

std::string fmt(const char* format, double value) {
  char buf[96];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

std::string fmt2(const char* format, double a, double b) {
  char buf[96];
  std::snprintf(buf, sizeof buf, format, a, b);
  return buf;
}

const char* met(bool ok) {
  return ok ? "yes" : "NO";
}

// The kiosk's counters, as it prints them on SIGUSR1 (`stats ...`, then `frametimes ...`).
struct Sample {
  double at = 0;  // seconds since the spawn
  long frames = -1, wakeups = -1, timed = -1;
  double p50 = -1, p99 = -1, max = -1;
};

std::optional<Sample> sample(Child& child) {
  Sample s;
  s.at = child.elapsed();
  if (!child.signal(SIGUSR1)) return std::nullopt;
  auto stats = child.wait_line("stats ", 5);
  if (!stats || std::sscanf(stats->c_str(), "stats frames=%ld wakeups=%ld", &s.frames, &s.wakeups) != 2)
    return std::nullopt;
  if (auto t = child.wait_line("frametimes ", 5))
    std::sscanf(t->c_str(), "frametimes %ld p50=%lf p99=%lf max=%lf", &s.timed, &s.p50, &s.p99, &s.max);
  return s;
}

// One program's cold starts: seconds from the spawn to the `first frame` line, and to the
// kiosk's `font atlas` line (the window, the GL context and the fonts are all there then,
// and only the first frame is left).
struct ColdStarts {
  std::vector<std::string> argv;
  bool kiosk = true;  // the floor has no fonts to report
  std::vector<double> starts, readies;
  std::string atlas;  // the kiosk's `font atlas WxH (N bytes...)` line
  bool failed = false;
  double start() const { return failed || starts.empty() ? -1 : median(starts); }
  double ready() const { return readies.empty() ? -1 : median(readies); }
};

void cold_start(ColdStarts& c, std::string* renderer = nullptr) {
  Child child(c.argv);
  if (auto line = c.kiosk ? child.wait_line("font atlas", 60) : std::nullopt) {
    c.readies.push_back(child.elapsed());
    c.atlas = line->substr(sizeof "font atlas");
  }
  if (!child.wait_line("first frame", 60)) {
    c.failed = true;
    return;
  }
  c.starts.push_back(child.elapsed());
  if (renderer)
    for (const auto& line : child.lines())
      if (line.starts_with("renderer ")) *renderer = line.substr(9);
  child.terminate();
}

// Start times drift with the machine's load, so the programs take turns, `runs` rounds,
// each start after a pause that lets the last one's exit settle (Xvfb freeing its window).
void cold_starts(std::vector<ColdStarts*> programs, int runs, std::string& renderer) {
  for (int i = 0; i < runs; ++i)
    for (auto* p : programs) {
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      cold_start(*p, &renderer);
    }
}

// The attract loop as shipped: PSS after 10 s, CPU and frames over `seconds` after the first frame.
struct Attract {
  double pss_mb = -1, pss_end_mb = -1, cpu_s = -1, seconds = 0;
  long frames = -1;
};

Attract attract(const std::vector<std::string>& argv, double seconds) {
  Attract a;
  Child child(argv);
  if (!child.wait_line("first frame", 60)) return a;
  double t0 = child.elapsed(), cpu0 = cpu_seconds(child.pid());
  auto s0 = sample(child);
  auto finish = [&] {
    child.pump_until(t0 + seconds);
    auto s1 = sample(child);
    double cpu1 = cpu_seconds(child.pid());
    if (!s0 || !s1 || cpu0 < 0 || cpu1 < 0) return;
    a.seconds = s1->at - s0->at;
    a.cpu_s = cpu1 - cpu0;
    a.frames = s1->frames - s0->frames;
    // Later slides bring their pictures; what the texture cache keeps shows here.
    a.pss_end_mb = pss_mb(child.pid());
  };
  if (seconds < 10) finish();
  child.pump_until(t0 + 10);
  a.pss_mb = pss_mb(child.pid());
  if (seconds >= 10) finish();
  child.terminate();
  return a;
}

// With the slow motion and the language alternation off: the still stretch of the first
// slide (2.5 s to 6.5 s after the first frame), then the slide change at 8 s (7.5 s to 10 s).
struct Still {
  long idle_frames = -1, transition_frames = -1;
  double wakeups_per_s = -1, p50 = -1, p99 = -1;
};

Still still(const std::vector<std::string>& argv) {
  Still r;
  Child child(argv);
  if (!child.wait_line("first frame", 60)) return r;
  double t0 = child.elapsed();
  auto at = [&](double offset) {
    child.pump_until(t0 + offset);
    return sample(child);
  };
  auto a = at(2.5), b = at(6.5), c = at(7.5), d = at(10);
  if (a && b) {
    r.idle_frames = b->frames - a->frames;
    r.wakeups_per_s = static_cast<double>(b->wakeups - a->wakeups) / (b->at - a->at);
  }
  if (c && d) {
    r.transition_frames = d->frames - c->frames;
    r.p50 = d->p50;
    r.p99 = d->p99;
  }
  child.terminate();
  return r;
}

std::string machine(const std::string& renderer) {
  cpu_set_t set;
  CPU_ZERO(&set);
  int cpus = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : 0;
  std::string model = "unknown CPU";
  std::ifstream in("/proc/cpuinfo");
  for (std::string line; std::getline(in, line);)
    if (line.starts_with("model name")) {
      model = line.substr(line.find(':') + 2);
      break;
    }
  return "machine: nproc " + std::to_string(cpus) + ", " + model + ", GL_RENDERER " +
         (renderer.empty() ? "unknown (Mesa llvmpipe under Xvfb)" : renderer) + ", DISPLAY " + std::getenv("DISPLAY");
}

// Hot swap as an operator does it: the kiosk shows the report from its state directory,
// then `kioskctl install` puts a version one higher beside it. The worker prepares the new
// session (opens, bakes) while the old one keeps drawing; the switch is between two frames.
struct Swap {
  double install_s = -1;         // kioskctl install of the new version
  double to_screen_s = -1;       // from the end of the install to the switch
  double switch_ms = -1;         // the switch itself, as the kiosk logs it
  double longest_frame_ms = -1;  // from just before the install to 2 s after the switch
};

Swap hot_swap(const fs::path& dir, const fs::path& report, const fs::path& cache) {
  Swap r;
  fs::path state = dir / "swap-state", config = dir / "swap.toml", next = dir / "report-next.bundle";
  fs::remove_all(state);
  std::ifstream pub(dir / "k.pub");
  std::string key;
  std::getline(pub, key);
  std::getline(pub, key);
  std::ofstream(config) << "[display]\nalternate_languages = false\n[content]\nstate_dir = \"" << state.string()
                        << "\"\ncache_dir = \"" << cache.string() << "\"\n[security]\ntrusted_keys = [\"" << key
                        << "\"]\n";
  if (run_child({KIOSKCTL_BIN, "install", report, "--config", config}).exit_code != 0) return r;
  fs::copy_file(report, next, fs::copy_options::overwrite_existing);
  kiosk::content::Database(next.string(), SQLITE_OPEN_READWRITE).exec("UPDATE bundle SET version = version + 1");
  run_child({KIOSKCTL_BIN, "sign", next, "-s", dir / "k.sec"});

  Child child({KIOSK_BIN, "--windowed", "1920x1080", "--config", config});
  if (!child.wait_line("first frame", 60)) return r;
  child.pump_until(child.elapsed() + 3);
  if (!sample(child)) return r;  // the frame times from here on
  auto installed = run_child({KIOSKCTL_BIN, "install", next, "--config", config});
  if (installed.exit_code != 0) return r;
  r.install_s = installed.seconds;
  double installed_at = child.elapsed();
  auto line = child.wait_line("kiosk: hot swap: showing", 30);
  if (!line) return r;
  r.to_screen_s = child.elapsed() - installed_at;
  if (auto at = line->find("switched in "); at != std::string::npos)
    r.switch_ms = std::atof(line->c_str() + at + sizeof "switched in " - 1);
  child.pump_until(child.elapsed() + 2);
  if (auto s = sample(child)) r.longest_frame_ms = s->max;
  child.terminate();
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 5, start_runs = 15;
  double attract_seconds = 60;
  bool visitor_only = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (i + 1 < argc && arg == "--runs") {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (i + 1 < argc && arg == "--start-runs") {
      start_runs = std::max(1, std::atoi(argv[++i]));
    } else if (i + 1 < argc && arg == "--attract-seconds") {
      attract_seconds = std::max(1.0, std::atof(argv[++i]));
    } else if (arg == "--visitor-only") {
      visitor_only = true;
    } else {
      std::fprintf(stderr, "usage: kiosk-bench [--runs N] [--start-runs N] [--attract-seconds N] [--visitor-only]\n");
      return 2;
    }
  }
  fs::path dir = fs::temp_directory_path() / "kiosk-bench";
  fs::create_directories(dir);
  fs::path report = dir / "report.bundle", synth = dir / "synth.bundle";

  std::vector<double> build_times;
  for (int i = 0; i < runs; ++i)
    build_times.push_back(run_child({KIOSKCTL_BIN, "build", KIOSK_SOURCE_DIR "/db/content", "-o", report}).seconds);
  run_child({KIOSKCTL_BIN, "synth", "--items", "10000", "--images", "500", "-o", synth});

  double open_report = median_seconds(runs * 4, [&] { kiosk::content::Bundle::open(report); });
  double open_synth = median_seconds(runs * 4, [&] { kiosk::content::Bundle::open(synth); });

  std::printf("| %-60s | %22s | %-26s | %-4s |\n|%s|%s|%s|%s|\n", "figure (times: medians)", "value", "target", "met",
              std::string(62, '-').c_str(), std::string(24, '-').c_str(), std::string(28, '-').c_str(),
              std::string(6, '-').c_str());
  row("report bundle build (kioskctl build)", fmt("%.2f s", median(build_times)), "< 3 s",
      met(median(build_times) < 3));
  row("report bundle size", fmt("%.2f MB", static_cast<double>(fs::file_size(report)) / 1e6), "< 8 MB",
      met(static_cast<double>(fs::file_size(report)) / 1e6 < 8));
  row("report bundle open + cheap checks", fmt("%.2f ms", open_report * 1e3), "< 20 ms", met(open_report < 0.02));
  row("synthetic 10,000 items / 500 images: open", fmt("%.2f ms", open_synth * 1e3), "< 50 ms", met(open_synth < 0.05));
  row("synthetic bundle size", fmt("%.2f MB", static_cast<double>(fs::file_size(synth)) / 1e6), "");

  // Install: copy, verify the signature, validate, rename and switch, into a fresh state dir.
  run_child({KIOSKCTL_BIN, "keygen", "-p", dir / "k.pub", "-s", dir / "k.sec", "-f"});
  run_child({KIOSKCTL_BIN, "sign", report, "-s", dir / "k.sec"});
  std::vector<double> installs;
  for (int i = 0; i < runs; ++i) {
    fs::path state = dir / ("state" + std::to_string(i));
    installs.push_back(
        run_child({KIOSKCTL_BIN, "install", report, "--state-dir", state, "--pubkey", dir / "k.pub"}).seconds);
  }
  row("report bundle install (kioskctl install)", fmt("%.2f s", median(installs)), "< 1 s", met(median(installs) < 1));

  if (!std::getenv("DISPLAY")) {
    std::printf("\n(no DISPLAY: kiosk memory figures skipped)\n");
    return 0;
  }
  auto peak = [&](const fs::path& bundle) {
    std::vector<double> rss;
    for (int i = 0; i < runs; ++i)
      rss.push_back(static_cast<double>(
          run_child({KIOSK_BIN, "--bundle", bundle, "--screenshot", dir / "shot.png", "--at", "3"}).max_rss_kb));
    return median(rss) / 1024;
  };
  double report_mb = peak(report), synth_mb = peak(synth);
  row("kiosk peak RSS, report bundle (1080p frame)", fmt("%.1f MB", report_mb), "");
  row("kiosk peak RSS, synthetic bundle", fmt("%.1f MB", synth_mb), "");
  row("synthetic minus report", fmt("%+.1f MB", synth_mb - report_mb), "< 15 MB", met(synth_mb - report_mb < 15));

  // The running kiosk at 1920x1080 against the floor (an empty GL 3.3 core window).
  std::string renderer;
  std::vector<std::string> floor_argv{FLOOR_WINDOW_BIN, "1920x1080"};
  double floor_pss = -1;
  {
    Child child(floor_argv);
    if (child.wait_line("first frame", 60)) {
      child.pump_until(child.elapsed() + 10);
      floor_pss = pss_mb(child.pid());
    }
    child.terminate();
  }
  fs::path still_config = dir / "still.toml";
  // As installed, the kiosk keeps its baked font atlas in cache_dir between starts; the
  // first start after a bundle arrives bakes it (no_cache stands for that start).
  fs::path cache = dir / "cache", cached_config = dir / "cached.toml", no_cache_config = dir / "no-cache.toml";
  fs::create_directories(cache);
  std::ofstream(cached_config) << "[content]\ncache_dir = \"" << cache.string() << "\"\n";
  std::ofstream(no_cache_config) << "[content]\ncache_dir = \"\"\n";
  std::ofstream(still_config) << "[display]\nslow_motion_fps = 0\nsoftware_slow_motion_fps = 0\n"
                                 "alternate_languages = false\n[content]\ncache_dir = \""
                              << cache.string() << "\"\n";
  struct Target {
    const char* name;
    fs::path bundle;
    double start_ms;
    ColdStarts restarts, first_starts;
  };
  std::vector<Target> targets{{"report", report, 150, {}, {}}, {"synthetic", synth, 200, {}, {}}};
  auto kiosk_argv = [&](const Target& t, const fs::path& config) {
    return std::vector<std::string>{KIOSK_BIN, "--bundle", t.bundle, "--windowed", "1920x1080", "--config", config};
  };
  ColdStarts floor;
  floor.argv = floor_argv;
  floor.kiosk = false;
  std::vector<ColdStarts*> starting{&floor};
  for (auto& t : targets) {
    t.restarts.argv = kiosk_argv(t, cached_config);
    t.first_starts.argv = kiosk_argv(t, no_cache_config);
    cold_start(t.restarts);  // bakes the atlas into the cache, as the first start on a bundle does
    starting.insert(starting.end(), {&t.restarts, &t.first_starts});
  }
  row("floor window: PSS after 10 s", fmt("%.1f MB", floor_pss), "");
  if (!visitor_only) {
    cold_starts(starting, start_runs, renderer);
    double floor_start = floor.start();
    row(fmt("cold starts: medians of %.0f, the programs taking turns", start_runs), "", "");
    row("floor window: cold start to first frame", fmt("%.0f ms", floor_start * 1e3), "");

    double report_pss = -1;
    for (const Target& t : targets) {
      auto kiosk = t.restarts.argv, kiosk_still = kiosk_argv(t, still_config);
      std::string who = std::string("kiosk, ") + t.name + ": ";

      double start = t.restarts.start();
      row(who + "cold start to first frame", fmt("%.0f ms", start * 1e3), fmt("<= %.0f ms", t.start_ms),
          met(start > 0 && start * 1e3 <= t.start_ms));
      row(who + "cold start / floor", fmt("%.2fx", start / floor_start), "");
      row(who + "  of which: to window, GL and fonts ready", fmt("%.0f ms", t.restarts.ready() * 1e3), "");
      row(who + "first start on a new bundle (bakes the atlas)", fmt("%.0f ms", t.first_starts.start() * 1e3), "");
      int aw = 0, ah = 0;
      long bytes = 0;
      if (std::sscanf(t.restarts.atlas.c_str(), "%dx%d (%ld bytes", &aw, &ah, &bytes) == 3)
        row(who + "font atlas (R8 texture)",
            std::to_string(aw) + "x" + std::to_string(ah) + ", " + std::to_string(bytes) + " B", "");

      Attract a = attract(kiosk, attract_seconds);
      bool first = report_pss < 0;
      double pss_limit = first ? floor_pss + 40 : report_pss + 15;
      row(who + "PSS after 10 s of attract loop", fmt("%.1f MB", a.pss_mb),
          first ? fmt("<= floor + 40 = %.1f MB", pss_limit) : fmt("<= report + 15 = %.1f MB", pss_limit),
          met(a.pss_mb > 0 && a.pss_mb <= pss_limit));
      row(who + "PSS / floor", fmt2("%.2fx (%+.1f MB)", a.pss_mb / floor_pss, a.pss_mb - floor_pss), "");
      if (first) report_pss = a.pss_mb;
      row(who + fmt("PSS after %.0f s of attract loop", a.seconds), fmt("%.1f MB", a.pss_end_mb), "");
      row(who + fmt("CPU over %.0f s of attract loop", a.seconds), fmt("%.2f s", a.cpu_s), "");
      row(who + "CPU per minute of attract loop", fmt("%.2f s/min", a.cpu_s * 60 / a.seconds), "");
      row(who + fmt("frames over %.0f s of attract loop", a.seconds),
          fmt2("%.0f (%.1f/s)", static_cast<double>(a.frames), static_cast<double>(a.frames) / a.seconds), "");

      Still s = still(kiosk_still);
      row(who + "frames while nothing moves (2.5-6.5 s)", std::to_string(s.idle_frames), "0", met(s.idle_frames == 0));
      row(who + "wake-ups per second while nothing moves", fmt("%.2f /s", s.wakeups_per_s), "");
      row(who + "frames in crossfade + reveal (7.5-10 s)", std::to_string(s.transition_frames), "");
      row(who + "frame wall time p50 in transition", fmt("%.2f ms", s.p50), "");
      row(who + "frame wall time p99 in transition", fmt("%.2f ms", s.p99), "<= 25 ms", met(s.p99 > 0 && s.p99 <= 25));
    }
    Swap swap = hot_swap(dir, report, cache);
    row("hot swap, report: kioskctl install of a new version", fmt("%.2f s", swap.install_s), "");
    row("hot swap, report: install to the new version on screen", fmt("%.0f ms", swap.to_screen_s * 1e3), "");
    row("hot swap, report: the switch between two frames", fmt("%.0f ms", swap.switch_ms), "");
    row("hot swap, report: longest frame, install to 2 s after", fmt("%.1f ms", swap.longest_frame_ms), "");
  }
  // Visitors browse everything, then leave the kiosk to its attract loop.
  fs::path visit_config = dir / "visit.toml";
  constexpr int kVisitIdleTimeout = 15;
  std::ofstream(visit_config) << "[display]\nidle_timeout = " << kVisitIdleTimeout << "\n[content]\ncache_dir = \""
                              << cache.string() << "\"\n";
  double report_visit_mb = -1;
  for (const Target& t : targets) {
    std::string who = std::string("kiosk, ") + t.name + ": ";
    VisitPlan plan;
    plan.idle_timeout_s = kVisitIdleTimeout;
    auto bundle = kiosk::content::Bundle::open(t.bundle);
    for (const auto& category : bundle.categories())
      plan.items_per_category.push_back(static_cast<int>(bundle.item_summaries(category.id).size()));
    bool first = report_visit_mb < 0;
    if (!first) plan.sample = 300;
    VisitResult v = visit(kiosk_argv(t, visit_config), plan);
    if (!v.ok) {
      row(who + "visitor phase", "failed", v.failure);
      continue;
    }
    double limit = first ? floor_pss + 60 : report_visit_mb + 20;
    row(who + (first ? "visitors: every item, zh, en, larger text" : "visitors: items at random (seed 1)"),
        std::to_string(v.items_opened) + " of " + std::to_string(v.items_total) + fmt(" in %.0f s", v.seconds), "");
    row(who + "  PSS, maximum of samples 1 s apart", fmt("%.1f MB", v.pss_max_mb),
        first ? fmt("<= floor + 60 = %.1f MB", limit) : fmt("<= report + 20 = %.1f MB", limit),
        met(v.pss_max_mb > 0 && v.pss_max_mb <= limit));
    if (first) report_visit_mb = v.pss_max_mb;
    row(who + "  PSS 10 s after the return to the attract loop", fmt("%.1f MB", v.pss_end_mb), "");
    row(who + "  peak resident set (VmHWM)", fmt("%.1f MB", static_cast<double>(v.rss_max_kb) / 1024), "");
    row(who + "  textures, most held: driver's count / cache's",
        fmt2("%.1f / %.1f MB", static_cast<double>(v.texture_kb_max) / 1024,
             static_cast<double>(v.cached_kb_max) / 1024),
        "");
    row(who + "  textures at the end: driver's count / cache's",
        fmt2("%.1f / %.1f MB", static_cast<double>(v.texture_kb_end) / 1024,
             static_cast<double>(v.cached_kb_end) / 1024),
        "");
  }
  std::printf("\n%s\n", machine(renderer).c_str());
  fs::remove_all(dir);
  return 0;
}
