// kiosk: the visitor-facing display.

#include <filesystem>
#include <iostream>

#include "kiosk/app/options.h"
#include "kiosk/app/out_of_service.h"
#include "kiosk/app/run.h"
#include "kiosk/app/session.h"
#include "kiosk/config/config.h"
#include "kiosk/config/locations.h"
#include "kiosk/content/bundle.h"
#include "kiosk/fleet/trial.h"
#include "kiosk/ops/bundle_locator.h"
#include "kiosk/platform/window.h"

namespace {

constexpr int kExitUsage = 64;
constexpr int kExitBadBundle = 2;
constexpr int kExitInternal = 70;  // EX_SOFTWARE

}  // namespace

static int run_kiosk(int argc, char** argv) {
  using namespace kiosk;
  // Before any thread starts, so that one allocator arena serves them all.
  app::tune_allocator();
  platform::skip_compose_table();
  auto parsed = app::parse_options(argc, argv);
  if (!parsed.error.empty()) {
    std::cerr << "kiosk: " << parsed.error << "\n" << app::kUsage;
    return kExitUsage;
  }
  const auto& options = parsed.options;
  if (options.help) {
    std::cout << app::kUsage;
    return 0;
  }

  // The same flags, with the same precedence, as every kioskctl command.
  config::Locations where;
  if (options.config) where.config_file = *options.config;
  if (options.state_dir) where.state_dir = *options.state_dir;
  auto located = config::locate(where);
  for (const auto& problem : located.loaded.problems)
    std::cerr << "kiosk: config: " << problem.to_string() << std::endl;
  const auto& cfg = located.config();
  // A state directory named on the command line is the caller's to fix; one named in the
  // configuration is reported like any bad value, and the kiosk shows what it can.
  if (auto missing = config::missing_state_dir(located); !missing.empty()) {
    if (options.state_dir) {
      std::cerr << "kiosk: " << missing << "\n";
      return kExitUsage;
    }
    if (located.state_dir_source != "the default")
      std::cerr << "kiosk: config: " << missing << "; no installed bundle, inbox or statistics" << std::endl;
  }

  app::WallClock wall{cfg.time_zone, std::nullopt};
  wall.rate = options.clock_rate;
  if (options.now) {
    wall.fixed_utc = show::utc_seconds_of(*options.now, cfg.time_zone);
    if (!wall.fixed_utc) {
      std::cerr << "kiosk: --now must be YYYY-MM-DDTHH:MM (got '" << *options.now << "')\n";
      return kExitUsage;
    }
  }

  std::optional<std::filesystem::path> named;
  if (options.bundle) named = *options.bundle;
  const bool installed = !named && cfg.bundle.empty();
  // Before `current` is read: a new bundle that kept the kiosk from drawing is rolled back.
  if (installed && !options.screenshot && std::filesystem::is_directory(cfg.state_dir))
    if (auto trial = fleet::start_with_trial(ops::StateDir{cfg.state_dir}); !trial.message.empty())
      std::cerr << "kiosk: fleet: " << trial.message << std::endl;
  auto candidates = ops::bundle_candidates(named, cfg);
  // Installed bundles are watched for; one named on the command line is shown as it is.
  int status = options.screenshot ? app::run_screenshot(candidates, options, cfg, wall)
                                  : app::run_window(candidates, installed, options, cfg, wall);
  if (status != app::kNoBundleShown) return status;
  // A bundle named on the command line is the caller's mistake; an installed kiosk
  // without any usable bundle says so on screen and waits for one.
  if (named) return kExitBadBundle;
  std::cerr << "kiosk: no content bundle could be shown" << std::endl;
  return app::run_out_of_service(options, candidates, argv);
}

// Whatever escapes is reported in one line: a kiosk never dies with "terminate called".
int main(int argc, char** argv) {
  try {
    return run_kiosk(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "kiosk: stopped by an unexpected error: " << e.what() << std::endl;
  } catch (...) {
    std::cerr << "kiosk: stopped by an unexpected error" << std::endl;
  }
  return kExitInternal;
}
