#include "kiosk/app/run.h"

#include <malloc.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <future>
#include <iostream>
#include <vector>

#include "kiosk/app/hot_swap.h"
#include "kiosk/app/operator.h"
#include "kiosk/app/service_notify.h"
#include "kiosk/app/session.h"
#include "kiosk/app/signals.h"
#include "kiosk/content/bundle.h"
#include "kiosk/content/sqlite.h"
#include "kiosk/ops/play_stats.h"
#include "kiosk/platform/gl_objects.h"
#include "kiosk/platform/imgui_host.h"
#include "kiosk/platform/offscreen.h"
#include "kiosk/platform/png_writer.h"
#include "kiosk/platform/window.h"

namespace kiosk::app {
namespace {

constexpr double kStepSeconds = 0.5;  // the frozen clock walks to --at in steps, as a running kiosk would
constexpr int kExitBadBundle = 2;
// The loop never sleeps longer than this, so that it notices signals even while the
// screen stands still (new bundles wake it themselves); a wake-up draws nothing.
constexpr double kLongestSleep = 1.0;
constexpr double kStatsFlushSeconds = 60;  // play counts reach the disk at least this often

// At a stop, how long a running install may take to finish before it is abandoned (it
// is kill-safe): systemd and operators expect a kiosk to end within 2 s of SIGTERM.
constexpr auto kLongestStop = std::chrono::milliseconds(500);

void log_scenes(ui::KioskScreen& screen) {
  for (const auto& scene : screen.take_scene_log()) std::cerr << "scene " << scene << std::endl;
}

void log_atlas(const Session& session) {
  const auto& f = session.screen->fonts();
  std::cerr << "font atlas " << f.atlas_width() << "x" << f.atlas_height() << " (" << f.atlas_bytes() << " bytes"
            << (session.screen->fonts_from_cache() ? ", from the cache" : "") << ")" << std::endl;
}

bool rebake(Session& session, platform::ImGuiHost& host, const ui::Canvas& canvas) {
  std::string error;
  if (!session.screen->build_fonts(*session.atlas, canvas, error)) {
    std::cerr << "kiosk: " << error << std::endl;
    return false;
  }
  session.canvas = canvas;
  host.upload_fonts();
  log_atlas(session);
  return true;
}

void draw_frame(ui::KioskScreen& screen, platform::ImGuiHost& host, const ui::Canvas& canvas, double now, float dt) {
  host.begin_frame(canvas.width, canvas.height, dt);
  try {
    screen.draw(ImGui::GetBackgroundDrawList(), canvas, now);
  } catch (...) {
    ImGui::EndFrame();  // the frame is abandoned; ImGui must not be mid-frame as it is torn down
    throw;
  }
  host.render();
}

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

// On SIGUSR1: the wall time (draw to swap, ms) of the frames drawn since the last report,
// nearest-rank percentiles over the latest ring.size() of them.
void log_frametimes(const std::array<float, 512>& ring, long count) {
  std::vector<float> ms(ring.begin(), ring.begin() + std::min<long>(count, ring.size()));
  std::sort(ms.begin(), ms.end());
  auto rank = [&](double q) { return ms.empty() ? 0.0f : ms[static_cast<size_t>(std::ceil(q * ms.size())) - 1]; };
  std::cerr << "frametimes " << count << " p50=" << rank(0.5) << " p99=" << rank(0.99) << " max=" << rank(1.0)
            << std::endl;
}

// On SIGUSR1, for soak tests: what the process holds, as the kernel and the GL driver
// count it, next to the pictures the texture cache believes it holds (the rest must stay
// constant), and the longest frame since the start (the ring above forgets old frames).
void log_resources(size_t cached_textures, double longest_frame_ms) {
  auto gl = platform::count_gl_objects();
  std::cerr << "resources rss_kb=" << platform::resident_kib() << " heap_kb=" << platform::heap_in_use_kib()
            << " textures=" << gl.textures << " cached_textures=" << cached_textures << " buffers=" << gl.buffers
            << " vertex_arrays=" << gl.vertex_arrays << " longest_frame_ms=" << longest_frame_ms << std::endl;
}

// The service status line: which bundle is on screen.
std::string showing(const Session& session) {
  return "showing " + session.bundle->path().filename().string();
}

// The bundle on screen was damaged under the kiosk (truncated in place, say). The kiosk
// exits so that the service restarts it: a fresh start falls back to the previous bundle.
int damaged_on_screen(const std::filesystem::path& bundle, const std::exception& e) {
  std::cerr << "kiosk: " << bundle.string() << ": damaged while on screen: " << e.what() << std::endl;
  return kExitBadBundle;
}

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
    auto session =
        prepare_first(candidates, screen_options(options, cfg, platform::is_software_renderer()), canvas, true);
    if (!session) return kNoBundleShown;
    const auto& bundle = session->bundle->path();
    host.use_atlas(*session->atlas);
    RecentErrors no_errors;
    connect_operator_panel(*session, cfg, [&] { return operator_info(*session, cfg, {}, no_errors); });
    auto& screen = *session->screen;
    auto civil = wall.now();
    // The countdown shows once the idle time has passed: start browsing that long before --at.
    double start = options.scene == "countdown" ? options.at - cfg.idle_timeout_s - 3 : 0;
    if (!screen.go_to(options.scene, start, civil)) {
      std::cerr << "kiosk: " << bundle.string() << ": no " << options.scene << " in this bundle" << std::endl;
      return kExitBadBundle;
    }
    if (options.large_text) screen.show().set_large_text(true, start);
    for (double t = start; t < options.at; t += kStepSeconds) screen.update(t, civil);
    screen.update(options.at, civil);
    if (screen.fonts_stale() && !rebake(*session, host, canvas)) return kExitBadBundle;
    if (!screen.fonts_stale()) log_atlas(*session);
    log_scenes(screen);
    platform::OffscreenTarget target(options.size.width, options.size.height);
    target.bind();
    draw_frame(screen, host, canvas, options.at, 1.0f / 60);
    for (const auto& e : session->textures->take_errors())
      std::cerr << "kiosk: " << bundle.string() << ": " << e << std::endl;
    auto error = platform::write_png(*options.screenshot, target.read_pixels(), target.width(), target.height());
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
  std::filesystem::path on_screen;  // for the message if it is damaged while shown
  try {
    auto kind = options.windowed ? platform::WindowKind::Windowed : platform::WindowKind::Kiosk;
    int w = options.windowed ? options.windowed->width : 1920, h = options.windowed ? options.windowed->height : 1080;
    if (kind == platform::WindowKind::Kiosk) {
      platform::primary_monitor_size(w, h);
      if (w <= 0 || h <= 0) w = 1920, h = 1080;  // no display: the window itself will say so
    }
    // Cold start: the bundle opens and its fonts bake on a worker thread while the window
    // and its GL context come up (each takes about as long as the other on llvmpipe).
    // Software rendering is assumed until the context says otherwise, only for motion rates.
    auto screen_opts = screen_options(options, cfg, true);
    auto canvas = ui::Canvas::for_size(static_cast<float>(w), static_cast<float>(h));
    auto preparing =
        std::async(std::launch::async, [&] { return prepare_first(candidates, screen_opts, canvas, false); });
    platform::Window window(kind, w, h, "Heping District 2025");
    platform::ImGuiHost host(window);
    auto session = preparing.get();
    if (!session) return kNoBundleShown;
    on_screen = session->bundle->path();
    if (!platform::is_software_renderer()) {
      screen_opts = screen_options(options, cfg, false);
      session->screen->set_slow_motion_fps(screen_opts.slow_motion_fps);
    }
    host.use_atlas(*session->atlas);
    log_atlas(*session);
    RecentErrors errors;
    std::unique_ptr<HotSwap> hot_swap;
    std::unique_ptr<ops::PlayStats> plays;
    if (watch_state) {
      hot_swap = std::make_unique<HotSwap>(cfg, screen_opts, errors, platform::wake_event_loop);
      plays = std::make_unique<ops::PlayStats>(cfg.state_dir / "stats.db");
    }
    double last_flush = 0;
    std::string last_stats_error;
    long frames = 0;
    auto start = std::chrono::steady_clock::now();
    auto clock = [&] {
      return wall.rate * std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    auto connect_panel = [&] {
      connect_operator_panel(*session, cfg, [&] { return operator_info(*session, cfg, {clock(), frames}, errors); });
    };
    connect_panel();
    auto record_plays = [&] {
      auto civil = wall.now();
      std::string hour = civil.date() + "T" + civil.time().substr(0, 2);
      auto events = session->screen->take_play_events();
      for (const auto& id : events.shown) plays->shown(id, hour);
      for (const auto& id : events.opened) plays->opened(id, hour);
    };
    auto flush_plays = [&] {
      std::string why = plays->flush();
      if (!why.empty() && why != last_stats_error) errors.add("play statistics: " + why);
      last_stats_error = why;
    };
    std::unique_ptr<Session> pending;
    // A touchscreen needs no pointer; in kiosk mode it stays hidden.
    if (kind == platform::WindowKind::Kiosk) window.set_cursor_hidden(true);

    window.on_pointer([&](const platform::PointerEvent& e) {
      double t = clock();
      auto& screen = *session->screen;
      if (e.kind == platform::PointerEvent::Press) screen.pointer_press(e.x, e.y, t);
      if (e.kind == platform::PointerEvent::Move) screen.pointer_move(e.x, e.y, t);
      if (e.kind == platform::PointerEvent::Release) screen.pointer_release(e.x, e.y, t);
    });

    Signals signals(platform::wake_event_loop);
    ServiceNotifier service;
    double last_frame = -1, due = 0;
    bool first = true;
    long wakeups = 0;
    std::array<float, 512> frame_ms{};
    long timed_frames = 0;
    double longest_frame_ms = 0;
    while (!window.should_close() && !signals.stop_requested()) {
      ++wakeups;
      if (signals.take_report_request()) {
        std::cerr << "stats frames=" << frames << " wakeups=" << wakeups << std::endl;
        log_frametimes(frame_ms, timed_frames);
        log_resources(session->textures->live_textures(), longest_frame_ms);
        timed_frames = 0;
      }
      window.framebuffer_size(w, h);
      auto wanted = ui::Canvas::for_size(static_cast<float>(w), static_cast<float>(h));
      if (w > 0 && h > 0 && (wanted.width != canvas.width || wanted.height != canvas.height)) {
        canvas = wanted;
        due = 0;
      }
      if (std::abs(session->canvas.scale - canvas.scale) > 1e-4f || session->screen->fonts_stale())
        if (!rebake(*session, host, canvas)) return kExitBadBundle;
      if (hot_swap)
        if (auto ready = hot_swap->poll(canvas)) pending = std::move(ready);
      auto scene = session->screen->show().scene();
      if (pending && (scene == show::Scene::Attract || scene == show::Scene::Closed)) {
        // Between two frames: the new bundle's atlas goes up, the old session goes away.
        auto switch_start = std::chrono::steady_clock::now();
        host.use_atlas(*pending->atlas);
        session = std::move(pending);
        on_screen = session->bundle->path();
        connect_panel();
        std::cerr << "kiosk: hot swap: showing " << session->bundle->path().filename().string() << " (version "
                  << session->bundle->info().version << "), switched in " << static_cast<int>(ms_since(switch_start))
                  << " ms" << std::endl;
        // The old session's fonts, content and pictures were just freed; without this the
        // allocator kept up to 5 MB of them resident per swap (the soak's memory check).
        malloc_trim(0);
        service.status(showing(*session));
        due = 0;
      }
      auto& screen = *session->screen;
      double now = clock();
      screen.update(now, wall.now());
      session->textures->upload_ready();
      if (window.take_damage()) due = 0;
      if (now >= due || screen.next_frame_time(now) <= now) {
        auto frame_start = std::chrono::steady_clock::now();
        draw_frame(screen, host, canvas, now, last_frame < 0 ? 1.0f / 60 : static_cast<float>(now - last_frame));
        window.swap();
        float frame_ms_now = static_cast<float>(ms_since(frame_start));
        frame_ms[timed_frames++ % frame_ms.size()] = frame_ms_now;
        longest_frame_ms = std::max<double>(longest_frame_ms, frame_ms_now);
        ++frames;
        last_frame = now;
        if (first) {
          std::cerr << "first frame" << std::endl;
          service.ready(showing(*session));
          first = false;
        }
        for (const auto& e : session->textures->take_errors()) errors.add(session->bundle->path().string() + ": " + e);
      }
      log_scenes(screen);
      switch (screen.take_operator_command()) {
        case ui::OperatorTap::Maintenance:
          std::cerr << "kiosk: leaving for maintenance (operator panel)" << std::endl;
          if (plays) record_plays(), flush_plays();
          return kExitMaintenance;
        case ui::OperatorTap::Rollback:
          errors.add("operator panel: " + ops::rollback(ops::StateDir{cfg.state_dir}).message);
          break;
        case ui::OperatorTap::Reload:
          if (hot_swap)
            hot_swap->reload();
          else
            errors.add("operator panel: reload needs the installed state directory (no --bundle)");
          break;
        default: break;
      }
      if (plays) {
        record_plays();
        if (now - last_flush >= kStatsFlushSeconds) {
          last_flush = now;
          flush_plays();
        }
      }
      service.heartbeat();
      hang_if_injected(now);
      due = screen.next_frame_time(clock());
      window.wait_events(std::min((due - clock()) / wall.rate, service.longest_sleep(kLongestSleep)));
    }
    service.stopping();
    std::cerr << "stats frames=" << frames << " wakeups=" << wakeups << std::endl;
    if (plays) {
      record_plays();
      flush_plays();
    }
    if (hot_swap && !hot_swap->finish_within(kLongestStop)) {
      std::cerr << "kiosk: stopping with an install or a bundle preparation unfinished; it is taken up again at the "
                   "next start"
                << std::endl;
      std::_Exit(0);  // the job's thread cannot be interrupted, and would hold up the exit
    }
    return 0;
  } catch (const platform::PlatformError& e) {
    std::cerr << "kiosk: " << e.what() << std::endl;
    return 1;
  } catch (const content::SqliteError& e) {
    return damaged_on_screen(on_screen, e);
  } catch (const content::BundleError& e) {
    return damaged_on_screen(on_screen, e);
  }
}

}  // namespace kiosk::app
