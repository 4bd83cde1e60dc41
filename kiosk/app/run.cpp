#include "kiosk/app/run.h"

#include <chrono>
#include <cmath>
#include <ctime>
#include <iostream>

#include "kiosk/platform/imgui_host.h"
#include "kiosk/platform/offscreen.h"
#include "kiosk/platform/png_writer.h"
#include "kiosk/platform/window.h"

namespace kiosk::app {
namespace {

constexpr double kStepSeconds = 0.5;  // the frozen clock walks to --at in steps, as a running kiosk would

void log_scene(show::Scene scene) { std::cerr << "scene " << show::scene_name(scene) << std::endl; }

bool bake_fonts(ui::KioskScreen& screen, platform::ImGuiHost& host, const ui::Canvas& canvas) {
  std::string error;
  if (!screen.build_fonts(host.atlas(), canvas, error)) {
    std::cerr << "kiosk: " << error << std::endl;
    return false;
  }
  host.upload_fonts();
  return true;
}

void draw_frame(ui::KioskScreen& screen, platform::ImGuiHost& host, const ui::Canvas& canvas, double now, float dt) {
  host.begin_frame(canvas.width, canvas.height, dt);
  screen.draw(ImGui::GetBackgroundDrawList(), canvas, now);
  host.render();
}

}  // namespace

show::CivilTime WallClock::now() const {
  int64_t utc = fixed_utc ? *fixed_utc : static_cast<int64_t>(std::time(nullptr));
  return show::civil_time_at(utc, time_zone);
}

int run_screenshot(ui::KioskScreen& screen, const Options& options, const WallClock& wall) {
  try {
    platform::Window window(platform::WindowKind::Offscreen, 64, 64, "kiosk");
    platform::ImGuiHost host(window, false);
    auto canvas = ui::Canvas::for_size(static_cast<float>(options.size.width), static_cast<float>(options.size.height));
    if (!bake_fonts(screen, host, canvas)) return 2;
    auto civil = wall.now();
    for (double t = 0; t < options.at; t += kStepSeconds) screen.update(t, civil);
    screen.update(options.at, civil);
    log_scene(screen.scene());
    platform::OffscreenTarget target(options.size.width, options.size.height);
    target.bind();
    draw_frame(screen, host, canvas, options.at, 1.0f / 60);
    std::string error = platform::write_png(*options.screenshot, target.read_pixels(), target.width(), target.height());
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

int run_window(ui::KioskScreen& screen, const Options& options, const WallClock& wall) {
  try {
    auto kind = options.windowed ? platform::WindowKind::Windowed : platform::WindowKind::Kiosk;
    int w = options.windowed ? options.windowed->width : 1920, h = options.windowed ? options.windowed->height : 1080;
    platform::Window window(kind, w, h, "Heping District 2025");
    platform::ImGuiHost host(window, true);
    if (kind == platform::WindowKind::Kiosk) window.set_cursor_hidden(true);

    auto start = std::chrono::steady_clock::now();
    auto clock = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    ui::Canvas canvas;
    double last_frame = -1, due = 0;
    bool first = true;
    log_scene(screen.scene());
    while (!window.should_close()) {
      int fw = 0, fh = 0;
      window.framebuffer_size(fw, fh);
      auto wanted = ui::Canvas::for_size(static_cast<float>(fw), static_cast<float>(fh));
      if (fw > 0 && fh > 0 && (wanted.width != canvas.width || wanted.height != canvas.height)) {
        if (std::abs(wanted.scale - canvas.scale) > 1e-4f || first)
          if (!bake_fonts(screen, host, wanted)) return 2;
        canvas = wanted;
        due = 0;
      }
      double now = clock();
      screen.update(now, wall.now());
      if (now >= due) {
        draw_frame(screen, host, canvas, now, last_frame < 0 ? 1.0f / 60 : static_cast<float>(now - last_frame));
        window.swap();
        last_frame = now;
        if (first && screen.shows_content()) {
          std::cerr << "first frame" << std::endl;
          first = false;
        }
        due = screen.next_frame_time(now);
      }
      window.wait_events(due - clock());
    }
    return 0;
  } catch (const platform::PlatformError& e) {
    std::cerr << "kiosk: " << e.what() << std::endl;
    return 1;
  }
}

}  // namespace kiosk::app
