#include "kiosk/app/run.h"

#include <iostream>

#include "kiosk/app/frame_steps.h"
#include "kiosk/app/operator.h"
#include "kiosk/app/session.h"
#include "kiosk/app/window_loop.h"
#include "kiosk/controller/scene_target.h"
#include "kiosk/platform/imgui_host.h"
#include "kiosk/platform/offscreen.h"
#include "kiosk/platform/png_writer.h"
#include "kiosk/platform/window.h"
#include "kiosk/show/clock.h"

namespace kiosk::app {
namespace {

constexpr double kStepSeconds = 0.5;  // the frozen clock walks to --at in steps, as a running kiosk would

}  // namespace

show::CivilTime WallClock::now() const {
  auto elapsed = rate * std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  int64_t utc = fixed_utc ? *fixed_utc : started_utc + static_cast<int64_t>(elapsed);
  return show::civil_time_at(utc, time_zone);
}

int run_screenshot(const std::vector<std::filesystem::path>& candidates, const Options& options,
                   const config::Config& cfg, const WallClock& wall) {
  try {
    platform::Window window(platform::WindowKind::Offscreen, 64, 64, "kiosk");
    platform::ImGuiHost host(window);
    auto canvas = ui::Canvas::for_size(static_cast<float>(options.size.width), static_cast<float>(options.size.height));
    show::ManualClock clock;
    auto session =
        prepare_first(candidates, screen_options(options, cfg, platform::is_software_renderer(), clock), canvas, true);
    if (!session) return kNoBundleShown;
    const auto& bundle = session->bundle->path();
    host.use_atlas(*session->atlas);
    RecentErrors no_errors;
    PanelStatus panel_status;
    connect_operator_panel(*session, cfg, [&] { return operator_info(*session, cfg, {}, no_errors, panel_status); });
    auto& controller = *session->controller;
    auto civil = wall.now();
    // The countdown shows once the idle time has passed: start browsing that long before --at.
    double start = options.scene == "countdown" ? options.at - cfg.idle_timeout_s - 3 : 0;
    clock.set(start);
    auto target = controller::parse_scene_target(options.scene);
    if (!target || !controller.go_to(*target, civil)) {
      std::cerr << "kiosk: " << bundle.string() << ": no " << options.scene << " in this bundle" << std::endl;
      return kExitBadBundle;
    }
    if (options.large_text) controller.show().set_large_text(true, start);
    for (double t = start; t < options.at; t += kStepSeconds) {
      clock.set(t);
      controller.update(civil);
    }
    clock.set(options.at);
    controller.update(civil);
    if (session->screen->fonts_stale(controller.show().large_text()) && !rebake(*session, host, canvas))
      return kExitBadBundle;
    if (!session->screen->fonts_stale(controller.show().large_text())) log_atlas(*session);
    log_scenes(*session);
    // The picture the attract loop wants next is asked for, as the running kiosk does.
    session->screen->prefetch(controller.pictures_needed(), controller.pictures_needed_use(), canvas,
                              controller.show().large_text());
    platform::OffscreenTarget target_fb(options.size.width, options.size.height);
    target_fb.bind();
    // Where a picture could not be shown, the screenshot says so (the GL scene walk of the
    // report bundle, gl_no_placeholders, requires that it never does).
    for (const auto& id : draw_frame(*session, host, canvas, 1.0f / 60))
      std::cerr << "placeholder for " << (id.empty() ? "an item without a picture" : "image '" + id + "'") << std::endl;
    for (const auto& e : session->textures->take_errors())
      std::cerr << "kiosk: " << bundle.string() << ": " << e << std::endl;
    auto error =
        platform::write_png(*options.screenshot, target_fb.read_pixels(), target_fb.width(), target_fb.height());
    if (!error.empty()) {
      std::cerr << "kiosk: " << *options.screenshot << ": " << error << std::endl;
      return 1;
    }
    std::cerr << "first frame (screenshot " << *options.screenshot << ")" << std::endl;
    return 0;
  } catch (const platform::PlatformError& e) {
    std::cerr << "kiosk: " << e.what() << std::endl;
    return 1;
  }
}

int run_window(const std::vector<std::filesystem::path>& candidates, bool watch_state, const Options& options,
               const config::Config& cfg, const WallClock& wall) {
  return WindowLoop(options, cfg, wall).run(candidates, watch_state);
}

}  // namespace kiosk::app
