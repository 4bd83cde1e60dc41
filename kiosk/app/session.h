#pragma once
// Everything the kiosk shows from one bundle: the open bundle, its textures, its content
// model, the controller, the screen that draws it and its baked font atlas. A new session is prepared on a worker
// thread while the current one keeps drawing, then swapped in between two frames (hot swap).

#include <imgui.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/app/options.h"
#include "kiosk/base/fd.h"
#include "kiosk/config/config.h"
#include "kiosk/content/bundle.h"
#include "kiosk/platform/texture_cache.h"
#include "kiosk/ui/kiosk_screen.h"

namespace kiosk::app {

struct Session {
  std::unique_ptr<content::Bundle> bundle;
  std::unique_ptr<platform::TextureCache> textures;
  std::unique_ptr<controller::ContentCache> content;
  std::unique_ptr<controller::Controller> controller;
  std::unique_ptr<ui::KioskScreen> screen;
  std::unique_ptr<ImFontAtlas> atlas;
  ui::Canvas canvas;  // the canvas the atlas was baked for
  base::Fd lock;      // the shared lock that keeps pruning away from this bundle

  Session() = default;
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  ~Session();
};

// Sets glibc's allocator up for a long-running process that frees large blocks (decoded
// pictures, the font bake's scratch): one arena, and a fixed mmap threshold. Best called
// before any thread starts (main does).
void tune_allocator();

// The controller of every session reads `clock`, which must outlive them all.
ui::ScreenOptions screen_options(const Options& options, const config::Config& config, bool software_gl,
                                 const show::Clock& clock);

// Opens the bundle and builds the screen and its fonts for `canvas`. Needs no GL context,
// so it can run on a worker thread. Returns nullptr with `error` set.
std::unique_ptr<Session> prepare_session(const std::filesystem::path& bundle_path, const ui::ScreenOptions& options,
                                         const ui::Canvas& canvas, bool synchronous_textures, std::string& error);
// prepare_session on each candidate in turn (the current bundle, then the previous...):
// the first that opens and bakes is shown. Each failure is logged; nullptr if none works.
std::unique_ptr<Session> prepare_first(const std::vector<std::filesystem::path>& candidates,
                                       const ui::ScreenOptions& options, const ui::Canvas& canvas,
                                       bool synchronous_textures);

}  // namespace kiosk::app
