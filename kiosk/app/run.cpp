#include "kiosk/app/run.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <csignal>
#include <ctime>
#include <iostream>

#include "kiosk/platform/imgui_host.h"
#include "kiosk/platform/offscreen.h"
#include "kiosk/platform/png_writer.h"
#include "kiosk/platform/texture_cache.h"
#include "kiosk/platform/window.h"
#include "kiosk/ui/kiosk_screen.h"

namespace kiosk::app {
namespace {

constexpr double kStepSeconds = 0.5;  // the frozen clock walks to --at in steps, as a running kiosk would
constexpr int kExitBadBundle = 2;
// The loop never sleeps longer than this, so that it notices signals (and, later, pings
// the watchdog) even while the screen stands still; a wake-up draws nothing.
constexpr double kLongestSleep = 1.0;

volatile std::sig_atomic_t g_stop = 0, g_report = 0;

void on_stop(int) {
  g_stop = 1;
}
void on_report(int) {
  g_report = 1;
}

// SIGTERM and SIGINT end the kiosk cleanly; SIGUSR1 prints its frame counters.
void install_signal_handlers() {
  struct sigaction action {};
  action.sa_handler = on_stop;
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
  action.sa_handler = on_report;
  sigaction(SIGUSR1, &action, nullptr);
}

ui::ScreenOptions screen_options(const Options& options, const config::Config& cfg, bool software_gl) {
  ui::ScreenOptions s;
  s.show.interactive = cfg.mode == config::Mode::Interactive;
  s.show.idle_timeout_s = cfg.idle_timeout_s;
  s.show.language = options.lang.value_or(cfg.language) == "en" ? text::Lang::En : text::Lang::Zh;
  s.show.open_from = cfg.open_from;
  s.show.open_to = cfg.open_to;
  s.alternate_languages = cfg.alternate_languages && !options.lang;
  s.slow_motion_fps = software_gl ? cfg.software_slow_motion_fps : cfg.slow_motion_fps;
  return s;
}

void log_scenes(ui::KioskScreen& screen) {
  for (const auto& scene : screen.take_scene_log()) std::cerr << "scene " << scene << std::endl;
}

bool bake_fonts(ui::KioskScreen& screen, platform::ImGuiHost& host, const ui::Canvas& canvas) {
  std::string error;
  if (!screen.build_fonts(host.atlas(), canvas, error)) {
    std::cerr << "kiosk: " << error << std::endl;
    return false;
  }
  host.upload_fonts();
  const auto& f = screen.fonts();
  std::cerr << "font atlas " << f.atlas_width() << "x" << f.atlas_height() << " (" << f.atlas_bytes() << " bytes)"
            << std::endl;
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

int run_screenshot(content::Bundle& bundle, const Options& options, const config::Config& cfg, const WallClock& wall) {
  try {
    platform::Window window(platform::WindowKind::Offscreen, 64, 64, "kiosk");
    platform::ImGuiHost host(window);
    platform::TextureCache textures(bundle, true);
    ui::KioskScreen screen(bundle, screen_options(options, cfg, platform::is_software_renderer()), textures);
    auto civil = wall.now();
    // The countdown shows once the idle time has passed: start browsing that long before --at.
    double start = options.scene == "countdown" ? options.at - cfg.idle_timeout_s - 3 : 0;
    if (!screen.go_to(options.scene, start, civil)) {
      std::cerr << "kiosk: " << bundle.path().string() << ": no " << options.scene << " in this bundle" << std::endl;
      return kExitBadBundle;
    }
    if (options.large_text) screen.show().set_large_text(true, start);
    for (double t = start; t < options.at; t += kStepSeconds) screen.update(t, civil);
    screen.update(options.at, civil);
    auto canvas = ui::Canvas::for_size(static_cast<float>(options.size.width), static_cast<float>(options.size.height));
    if (!bake_fonts(screen, host, canvas)) return kExitBadBundle;
    log_scenes(screen);
    platform::OffscreenTarget target(options.size.width, options.size.height);
    target.bind();
    draw_frame(screen, host, canvas, options.at, 1.0f / 60);
    for (const auto& error : textures.take_errors())
      std::cerr << "kiosk: " << bundle.path().string() << ": " << error << std::endl;
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

int run_window(content::Bundle& bundle, const Options& options, const config::Config& cfg, const WallClock& wall) {
  try {
    auto kind = options.windowed ? platform::WindowKind::Windowed : platform::WindowKind::Kiosk;
    int w = options.windowed ? options.windowed->width : 1920, h = options.windowed ? options.windowed->height : 1080;
    platform::Window window(kind, w, h, "Heping District 2025");
    platform::ImGuiHost host(window);
    platform::TextureCache textures(bundle, false);
    bool software = platform::is_software_renderer();
    ui::KioskScreen screen(bundle, screen_options(options, cfg, software), textures);
    // A touchscreen needs no pointer; in kiosk mode it stays hidden.
    if (kind == platform::WindowKind::Kiosk) window.set_cursor_hidden(true);

    auto start = std::chrono::steady_clock::now();
    auto clock = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    window.on_pointer([&](const platform::PointerEvent& e) {
      double t = clock();
      if (e.kind == platform::PointerEvent::Press) screen.pointer_press(e.x, e.y, t);
      if (e.kind == platform::PointerEvent::Move) screen.pointer_move(e.x, e.y, t);
      if (e.kind == platform::PointerEvent::Release) screen.pointer_release(e.x, e.y, t);
    });

    install_signal_handlers();
    ui::Canvas canvas{0, 0, 0, false};
    double last_frame = -1, due = 0;
    bool first = true;
    long frames = 0, wakeups = 0;
    while (!window.should_close() && !g_stop) {
      ++wakeups;
      if (g_report) {
        g_report = 0;
        std::cerr << "stats frames=" << frames << " wakeups=" << wakeups << std::endl;
      }
      int fw = 0, fh = 0;
      window.framebuffer_size(fw, fh);
      auto wanted = ui::Canvas::for_size(static_cast<float>(fw), static_cast<float>(fh));
      bool resized = fw > 0 && fh > 0 && (wanted.width != canvas.width || wanted.height != canvas.height);
      if (resized || screen.fonts_stale()) {
        if ((resized && std::abs(wanted.scale - canvas.scale) > 1e-4f) || screen.fonts_stale() || first)
          if (!bake_fonts(screen, host, wanted)) return kExitBadBundle;
        canvas = wanted;
        due = 0;
      }
      double now = clock();
      screen.update(now, wall.now());
      textures.upload_ready();
      if (window.take_damage()) due = 0;
      if (now >= due || screen.next_frame_time(now) <= now) {
        draw_frame(screen, host, canvas, now, last_frame < 0 ? 1.0f / 60 : static_cast<float>(now - last_frame));
        window.swap();
        ++frames;
        last_frame = now;
        if (first) {
          std::cerr << "first frame" << std::endl;
          first = false;
        }
        for (const auto& error : textures.take_errors())
          std::cerr << "kiosk: " << bundle.path().string() << ": " << error << std::endl;
      }
      log_scenes(screen);
      due = screen.next_frame_time(clock());
      window.wait_events(std::min(due - clock(), kLongestSleep));
    }
    std::cerr << "stats frames=" << frames << " wakeups=" << wakeups << std::endl;
    return 0;
  } catch (const platform::PlatformError& e) {
    std::cerr << "kiosk: " << e.what() << std::endl;
    return 1;
  }
}

}  // namespace kiosk::app
