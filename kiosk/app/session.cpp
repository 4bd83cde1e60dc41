#include "kiosk/app/session.h"

#include <malloc.h>
#include <unistd.h>

#include <iostream>

#include "kiosk/content/sqlite.h"
#include "kiosk/ops/installer.h"

namespace kiosk::app {

Session::~Session() {
  screen.reset();
  controller.reset();
  content.reset();
  textures.reset();
  lock.reset();
}

void tune_allocator() {
  // Each thread that allocates (the bake, the picture decoder, Mesa's) otherwise gets an
  // arena of its own, and pages freed in one stay resident (heaptrack and smaps: ~8 MB).
  mallopt(M_ARENA_MAX, 1);
  // glibc raises its mmap threshold to the largest block freed so far, so after the first
  // decoded picture (11 MB) the next ones came from the heap and stayed resident once
  // freed (the soak saw 90 MB more after a hot swap). Fixed, large blocks go back to the
  // kernel as soon as they are freed.
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
}

ui::ScreenOptions screen_options(const Options& options, const config::Config& cfg, bool software_gl,
                                 const show::Clock& clock) {
  ui::ScreenOptions s;
  auto& c = s.controller;
  c.show.interactive = cfg.mode == config::Mode::Interactive;
  c.show.idle_timeout_s = cfg.idle_timeout_s;
  c.show.language = options.lang.value_or(cfg.language) == "en" ? text::Lang::En : text::Lang::Zh;
  c.show.open_from = cfg.open_from;
  c.show.open_to = cfg.open_to;
  c.alternate_languages = cfg.alternate_languages && !options.lang;
  c.slow_motion_fps = software_gl ? cfg.software_slow_motion_fps : cfg.slow_motion_fps;
  if (cfg.site_lat && cfg.site_lon) c.site = controller::Site{*cfg.site_lat, *cfg.site_lon};
  s.atlas_cache_dir = cfg.cache_dir;
  s.clock = &clock;
  return s;
}

std::unique_ptr<Session> prepare_session(const std::filesystem::path& bundle_path, const ui::ScreenOptions& options,
                                         const ui::Canvas& canvas, bool synchronous_textures, std::string& error) {
  auto session = std::make_unique<Session>();
  try {
    session->bundle = std::make_unique<content::Bundle>(content::Bundle::open(bundle_path));
    session->lock = ops::hold_open(session->bundle->path());
    session->textures = std::make_unique<platform::TextureCache>(*session->bundle, synchronous_textures);
    session->content = std::make_unique<controller::ContentCache>(*session->bundle);
    session->controller =
        std::make_unique<controller::Controller>(options.controller, *session->content, *options.clock);
    session->controller->set_viewport(ui::viewport_of(canvas));
    session->screen =
        std::make_unique<ui::KioskScreen>(*session->bundle, *session->content, options, *session->textures);
    session->atlas = std::make_unique<ImFontAtlas>();
    session->canvas = canvas;
    if (!session->screen->build_fonts(*session->atlas, canvas, false, error)) return nullptr;
  } catch (const content::BundleError& e) {
    error = e.what();
    return nullptr;
  } catch (const content::SqliteError& e) {
    error = bundle_path.string() + ": " + e.what();
    return nullptr;
  }
  // The bake's scratch (FreeType's glyph bitmaps, the builder's chunks) is free now; its
  // pages would otherwise stay resident for the life of the process.
  malloc_trim(0);
  return session;
}

std::unique_ptr<Session> prepare_first(const std::vector<std::filesystem::path>& candidates,
                                       const ui::ScreenOptions& options, const ui::Canvas& canvas,
                                       bool synchronous_textures) {
  for (const auto& path : candidates) {
    std::string error;
    if (auto session = prepare_session(path, options, canvas, synchronous_textures, error)) return session;
    std::cerr << "kiosk: " << error << std::endl;
  }
  return nullptr;
}

}  // namespace kiosk::app
