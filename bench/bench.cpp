// kiosk-bench: the figures the content bundle issue sets targets for, measured in one run.
//   build/bench/kiosk-bench [--runs N]
// Needs a display for the kiosk figures (DISPLAY, e.g. Xvfb at 1920x1080).

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "bench/measure.h"
#include "kiosk/content/bundle.h"

namespace fs = std::filesystem;
using namespace kiosk::bench;

namespace {

void row(const char* what, const std::string& value, const char* target) {
  std::printf("| %-46s | %14s | %-12s |\n", what, value.c_str(), target);
}

std::string fmt(const char* format, double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = argc == 3 && std::string(argv[1]) == "--runs" ? std::atoi(argv[2]) : 5;
  fs::path dir = fs::temp_directory_path() / "kiosk-bench";
  fs::create_directories(dir);
  fs::path report = dir / "report.bundle", synth = dir / "synth.bundle";

  std::vector<double> build_times;
  for (int i = 0; i < runs; ++i)
    build_times.push_back(run_child({KIOSKCTL_BIN, "build", KIOSK_SOURCE_DIR "/db/content", "-o", report}).seconds);
  run_child({KIOSKCTL_BIN, "synth", "--items", "10000", "--images", "500", "-o", synth});

  double open_report = median_seconds(runs * 4, [&] { kiosk::content::Bundle::open(report); });
  double open_synth = median_seconds(runs * 4, [&] { kiosk::content::Bundle::open(synth); });

  std::printf("| %-46s | %14s | %-12s |\n|%s|%s|%s|\n", "figure", "median", "target", std::string(48, '-').c_str(),
              std::string(16, '-').c_str(), std::string(14, '-').c_str());
  row("report bundle build (kioskctl build)", fmt("%.2f s", median(build_times)), "< 3 s");
  row("report bundle size", fmt("%.2f MB", static_cast<double>(fs::file_size(report)) / 1e6), "< 8 MB");
  row("report bundle open + cheap checks", fmt("%.2f ms", open_report * 1e3), "< 20 ms");
  row("synthetic 10,000 items / 500 images: open", fmt("%.2f ms", open_synth * 1e3), "< 50 ms");
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
  row("report bundle install (kioskctl install)", fmt("%.2f s", median(installs)), "< 1 s");

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
  row("synthetic minus report", fmt("%+.1f MB", synth_mb - report_mb), "< 15 MB");
  fs::remove_all(dir);
  return 0;
}
