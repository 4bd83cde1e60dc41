#include "kiosk/app/window_loop.h"

#include <malloc.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <future>
#include <iostream>

#include "kiosk/app/frame_steps.h"
#include "kiosk/content/bundle.h"
#include "kiosk/content/sqlite.h"
#include "kiosk/fleet/trial.h"
#include "kiosk/ops/installer.h"
#include "kiosk/platform/gl_objects.h"
#include "kiosk/show/scene.h"

namespace kiosk::app {
namespace {

// The loop never sleeps longer than this, so that it notices signals even while the
// screen stands still (new bundles wake it themselves); a wake-up draws nothing.
constexpr double kLongestSleep = 1.0;
constexpr double kStatsFlushSeconds = 60;  // play counts reach the disk at least this often

// At a stop, how long a running install may take to finish before it is abandoned (it
// is kill-safe): systemd and operators expect a kiosk to end within 2 s of SIGTERM.
constexpr auto kLongestStop = std::chrono::milliseconds(500);

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
void log_resources(const platform::TextureCache& cache, double longest_frame_ms) {
  auto gl = platform::count_gl_objects();
  std::cerr << "resources rss_kb=" << platform::resident_kib() << " heap_kb=" << platform::heap_in_use_kib()
            << " textures=" << gl.textures << " texture_kb=" << gl.texture_bytes / 1024
            << " cached_textures=" << cache.live_textures() << " cached_kb=" << cache.live_bytes() / 1024
            << " buffers=" << gl.buffers << " vertex_arrays=" << gl.vertex_arrays
            << " longest_frame_ms=" << longest_frame_ms << std::endl;
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

WindowLoop::WindowLoop(const Options& options, const config::Config& cfg, const WallClock& wall)
    : options_(options),
      cfg_(cfg),
      wall_(wall),
      clock_(wall.rate),
      kind_(options.windowed ? platform::WindowKind::Windowed : platform::WindowKind::Kiosk) {}

int WindowLoop::run(const std::vector<std::filesystem::path>& candidates, bool watch_state) {
  try {
    return loop(candidates, watch_state);
  } catch (const platform::PlatformError& e) {
    std::cerr << "kiosk: " << e.what() << std::endl;
    return 1;
  } catch (const content::SqliteError& e) {
    return damaged_on_screen(on_screen_, e);
  } catch (const content::BundleError& e) {
    return damaged_on_screen(on_screen_, e);
  }
}

bool WindowLoop::open(const std::vector<std::filesystem::path>& candidates, bool watch_state) {
  int w = options_.windowed ? options_.windowed->width : 1920, h = options_.windowed ? options_.windowed->height : 1080;
  if (kind_ == platform::WindowKind::Kiosk) {
    platform::primary_monitor_size(w, h);
    if (w <= 0 || h <= 0) w = 1920, h = 1080;  // no display: the window itself will say so
  }
  // Cold start: the bundle opens and its fonts bake on a worker thread while the window
  // and its GL context come up (each takes about as long as the other on llvmpipe).
  // Software rendering is assumed until the context says otherwise, only for motion rates.
  screen_options_ = screen_options(options_, cfg_, true, clock_);
  canvas_ = ui::Canvas::for_size(static_cast<float>(w), static_cast<float>(h));
  auto preparing =
      std::async(std::launch::async, [&] { return prepare_first(candidates, screen_options_, canvas_, false); });
  window_ = std::make_unique<platform::Window>(kind_, w, h, "Heping District 2025");
  host_ = std::make_unique<platform::ImGuiHost>(*window_);
  session_ = preparing.get();
  if (!session_) return false;
  on_screen_ = session_->bundle->path();
  if (!platform::is_software_renderer()) {
    screen_options_ = screen_options(options_, cfg_, false, clock_);
    session_->controller->set_slow_motion_fps(screen_options_.controller.slow_motion_fps);
  }
  host_->use_atlas(*session_->atlas);
  log_atlas(*session_);
  if (watch_state) {
    start_metrics();
    hot_swap_ = std::make_unique<HotSwap>(cfg_, screen_options_, errors_, platform::wake_event_loop, [this] {
      if (metrics_) metrics_->poke();
    });
    stats_ = std::make_unique<ops::PlayStats>(cfg_.state_dir / "stats.db");
    plays_ = std::make_unique<controller::PlayLog>(*stats_, [this](const std::string& why) { errors_.add(why); });
  }
  connect_panel();
  // A touchscreen needs no pointer; in kiosk mode it stays hidden.
  if (kind_ == platform::WindowKind::Kiosk) window_->set_cursor_hidden(true);
  window_->on_pointer([this](const platform::PointerEvent& e) {
    auto& controller = *session_->controller;
    controller::Point p{e.x, e.y};
    if (e.kind == platform::PointerEvent::Press) {
      controller.pointer_press(p);
      touches_.push_back(clock_.now());
    }
    if (e.kind == platform::PointerEvent::Move) controller.pointer_move(p);
    if (e.kind == platform::PointerEvent::Release) controller.pointer_release(p);
  });
  signals_ = std::make_unique<Signals>(platform::wake_event_loop);
  clock_.start();
  return true;
}

void WindowLoop::connect_panel() {
  connect_operator_panel(*session_, cfg_, [this] {
    return operator_info(*session_, cfg_, {clock_.now(), frames_}, errors_, panel_status_);
  });
}

int WindowLoop::loop(const std::vector<std::filesystem::path>& candidates, bool watch_state) {
  if (!open(candidates, watch_state)) return kNoBundleShown;
  while (!window_->should_close() && !signals_->stop_requested()) {
    ++wakeups_;
    report();
    if (!input()) return kExitBadBundle;
    hot_swap();
    draw();
    if (!act()) {
      std::cerr << "kiosk: leaving for maintenance (operator panel)" << std::endl;
      if (plays_) record_plays(), plays_->flush_and_wait();
      return kExitMaintenance;
    }
    notify();
    wait();
  }
  stop();
  return 0;
}

void WindowLoop::report() {
  if (!signals_->take_report_request()) return;
  std::cerr << "stats frames=" << frames_ << " wakeups=" << wakeups_ << std::endl;
  log_frametimes(frame_ms_, timed_frames_);
  log_resources(*session_->textures, longest_frame_ms_);
  timed_frames_ = 0;
}

bool WindowLoop::input() {
  int w = 0, h = 0;
  window_->framebuffer_size(w, h);
  auto wanted = ui::Canvas::for_size(static_cast<float>(w), static_cast<float>(h));
  if (w > 0 && h > 0 && (wanted.width != canvas_.width || wanted.height != canvas_.height)) {
    canvas_ = wanted;
    due_ = 0;
  }
  auto& session = *session_;
  if (std::abs(session.canvas.scale - canvas_.scale) > 1e-4f ||
      session.screen->fonts_stale(session.controller->show().large_text()))
    if (!rebake(session, *host_, canvas_)) return false;
  session.controller->set_viewport(ui::viewport_of(canvas_));
  return true;
}

void WindowLoop::hot_swap() {
  if (hot_swap_)
    if (auto ready = hot_swap_->poll(canvas_)) pending_ = std::move(ready);
  auto scene = session_->controller->show().scene();
  if (!pending_ || (scene != show::Scene::Attract && scene != show::Scene::Closed)) return;
  // Between two frames: the new bundle's atlas goes up, the old session goes away. What
  // the old one counted is handed over first.
  if (plays_) record_plays();
  auto switch_start = std::chrono::steady_clock::now();
  host_->use_atlas(*pending_->atlas);
  session_ = std::move(pending_);
  on_screen_ = session_->bundle->path();
  connect_panel();
  std::cerr << "kiosk: hot swap: showing " << session_->bundle->path().filename().string() << " (version "
            << session_->bundle->info().version << "), switched in " << static_cast<int>(ms_since(switch_start))
            << " ms" << std::endl;
  // The old session's fonts, content and pictures were just freed; without this the
  // allocator kept up to 5 MB of them resident per swap (the soak's memory check).
  malloc_trim(0);
  service_.status(showing(*session_));
  due_ = 0;
  poke_metrics();
}

void WindowLoop::draw() {
  auto& session = *session_;
  auto& controller = *session.controller;
  now_ = clock_.now();
  controller.update(wall_.now());
  session.screen->prefetch(controller.pictures_needed(), controller.pictures_needed_use(), canvas_,
                           controller.show().large_text());
  session.textures->upload_ready();
  if (window_->take_damage()) due_ = 0;
  if (now_ >= due_ || controller.next_frame_time(session.textures->loading()) <= now_) {
    crash_if_injected(session.bundle->info().version);
    auto frame_start = std::chrono::steady_clock::now();
    draw_frame(session, *host_, canvas_, last_frame_ < 0 ? 1.0f / 60 : static_cast<float>(now_ - last_frame_));
    window_->swap();
    float frame_ms = static_cast<float>(ms_since(frame_start));
    frame_ms_[static_cast<size_t>(timed_frames_++) % frame_ms_.size()] = frame_ms;
    longest_frame_ms_ = std::max<double>(longest_frame_ms_, frame_ms);
    ++frames_;
    last_frame_ = now_;
    screen_changed_ = std::time(nullptr);
    if (first_) {
      std::cerr << "first frame" << std::endl;
      service_.ready(showing(session));
      first_ = false;
      poke_metrics();
    }
    for (const auto& e : session.textures->take_errors()) errors_.add(session.bundle->path().string() + ": " + e);
    // A bundle on trial has reached the screen (once a session).
    if (hot_swap_ && confirmed_ != &session) {
      confirmed_ = &session;
      fleet::confirm_trial(ops::StateDir{cfg_.state_dir}, session.bundle->info().version);
    }
  }
  log_scenes(session);
}

bool WindowLoop::act() {
  switch (session_->controller->take_operator_command()) {
    case controller::OperatorCommand::Maintenance: return false;
    case controller::OperatorCommand::Rollback:
      errors_.add("operator panel: " + ops::rollback(ops::StateDir{cfg_.state_dir}).message);
      break;
    case controller::OperatorCommand::Reload:
      if (hot_swap_)
        hot_swap_->reload();
      else
        errors_.add("operator panel: reload needs the installed state directory (no --bundle)");
      break;
    case controller::OperatorCommand::None: break;
  }
  return true;
}

void WindowLoop::record_plays() {
  auto civil = wall_.now();
  plays_->record(session_->controller->take_play_events(), civil.date() + "T" + civil.time().substr(0, 2));
}

void WindowLoop::notify() {
  if (plays_) {
    record_plays();
    // The worker writes and syncs; this thread only asks.
    if (now_ - last_flush_ >= kStatsFlushSeconds) {
      last_flush_ = now_;
      plays_->request_flush();
    }
  }
  service_.heartbeat();
  hang_if_injected(now_);
  if (metrics_) metrics_->update(health());
}

void WindowLoop::poke_metrics() {
  if (!metrics_) return;
  metrics_->update(health());
  metrics_->poke();
}

void WindowLoop::start_metrics() {
  const auto& file = cfg_.metrics_textfile;
  if (file.empty()) return;
  std::error_code ec;
  if (!std::filesystem::is_directory(file.parent_path(), ec)) {
    std::cerr << "kiosk: metrics: " << file.parent_path().string()
              << " does not exist (install prometheus-node-exporter, or set metrics.textfile); not written"
              << std::endl;
    return;
  }
  kiosk_id_ = kiosk_id_of(cfg_);
  std::vector<std::string> scenes;
  for (auto scene : {show::Scene::Attract, show::Scene::Home, show::Scene::Category, show::Scene::Detail,
                     show::Scene::Report, show::Scene::Map, show::Scene::Countdown, show::Scene::Closed})
    scenes.push_back(show::scene_name(scene));
  metrics_ = std::make_unique<fleet::MetricsWriter>(file, scenes, cfg_.state_dir, std::chrono::seconds(60),
                                                    [this](const std::string& why) { errors_.add(why); });
}

fleet::ScreenHealth WindowLoop::health() {
  double hour_ago = clock_.now() - 3600 * clock_.rate();
  while (!touches_.empty() && touches_.front() < hour_ago) touches_.pop_front();
  fleet::ScreenHealth h;
  h.kiosk_id = kiosk_id_;
  h.bundle_id = session_->bundle->info().id;
  h.bundle_version = session_->bundle->info().version;
  h.frames_drawn = frames_;
  h.screen_changed = screen_changed_;
  auto scene = session_->controller->show().scene();
  h.scene = show::scene_name(scene);
  h.touches_last_hour = static_cast<int64_t>(touches_.size());
  h.started = started_;
  h.open_now = scene != show::Scene::Closed;
  return h;
}

void WindowLoop::wait() {
  due_ = session_->controller->next_frame_time(session_->textures->loading());
  window_->wait_events(std::min((due_ - clock_.now()) / clock_.rate(), service_.longest_sleep(kLongestSleep)));
}

void WindowLoop::stop() {
  service_.stopping();
  std::cerr << "stats frames=" << frames_ << " wakeups=" << wakeups_ << std::endl;
  if (plays_) {
    record_plays();
    plays_->flush_and_wait();
  }
  if (hot_swap_ && !hot_swap_->finish_within(kLongestStop)) {
    std::cerr << "kiosk: stopping with an install or a bundle preparation unfinished; it is taken up again at the "
                 "next start"
              << std::endl;
    std::_Exit(0);  // the job's thread cannot be interrupted, and would hold up the exit
  }
}

}  // namespace kiosk::app
