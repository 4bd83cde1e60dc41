#include "kiosk/app/out_of_service.h"

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <iostream>
#include <sstream>

#include "kiosk/app/service_notify.h"
#include "kiosk/base/errors.h"
#include "kiosk/content/bundle.h"
#include "kiosk/platform/imgui_host.h"
#include "kiosk/platform/offscreen.h"
#include "kiosk/platform/png_writer.h"
#include "kiosk/platform/window.h"
#include "kiosk/ui/out_of_service_view.h"

namespace kiosk::app {

extern const unsigned char kFallbackFont[];
extern const size_t kFallbackFontSize;
extern const char* const kFallbackText;

namespace {

constexpr double kRetrySeconds = 10;

std::vector<std::string> fallback_lines() {
  std::vector<std::string> lines;
  std::istringstream in(kFallbackText);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// What the candidates are now (target, size, time): a bundle that opens but cannot be
// shown (its fonts fail to bake) is not retried until something about them changes.
std::vector<std::string> identify(const std::vector<std::filesystem::path>& candidates) {
  std::vector<std::string> out;
  for (const auto& path : candidates) {
    std::error_code ec;
    auto target = std::filesystem::canonical(path, ec).string();
    auto size = std::filesystem::file_size(path, ec);
    auto time = std::filesystem::last_write_time(path, ec).time_since_epoch().count();
    out.push_back(ec ? "" : target + "|" + std::to_string(size) + "|" + std::to_string(time));
  }
  return out;
}

bool any_opens(const std::vector<std::filesystem::path>& candidates) {
  for (const auto& path : candidates) {
    try {
      content::Bundle::open(path);
      return true;
    } catch (const content::BundleError&) {
    }
  }
  return false;
}

bool bake(ui::Fonts& fonts, platform::ImGuiHost& host, const ui::Canvas& canvas,
          const std::vector<std::string>& lines) {
  content::Font font{"regular", "fallback", "", {kFallbackFont, kFallbackFont + kFallbackFontSize}};
  ui::GlyphNeeds needs;
  for (const auto& line : lines)
    for (auto role : {ui::Role::Title, ui::Role::Heading, ui::Role::Body}) needs.add(role, line);
  std::string error;
  if (!fonts.build(host.atlas(), font, font, needs, canvas.scale, false, error)) {
    std::cerr << "kiosk: the built-in font: " << error << std::endl;
    return false;
  }
  host.upload_fonts();
  return true;
}

}  // namespace

int run_out_of_service(const Options& options, const std::vector<std::filesystem::path>& candidates, char** argv) {
  std::cerr << "scene out-of-service" << std::endl;
  auto lines = fallback_lines();
  const auto tried = identify(candidates);
  try {
    bool shot = options.screenshot.has_value();
    auto kind = shot               ? platform::WindowKind::Offscreen
                : options.windowed ? platform::WindowKind::Windowed
                                   : platform::WindowKind::Kiosk;
    int w = shot ? options.size.width : options.windowed ? options.windowed->width : 1920;
    int h = shot ? options.size.height : options.windowed ? options.windowed->height : 1080;
    platform::Window window(kind, shot ? 64 : w, shot ? 64 : h, "Heping District 2025");
    platform::ImGuiHost host(window);
    ui::Fonts fonts;
    if (kind == platform::WindowKind::Kiosk) window.set_cursor_hidden(true);
    if (!shot) window.framebuffer_size(w, h);
    auto canvas = ui::Canvas::for_size(static_cast<float>(w), static_cast<float>(h));
    if (!bake(fonts, host, canvas, lines)) return 1;
    auto draw = [&](ImVec2 drift) {
      host.begin_frame(canvas.width, canvas.height, 1.0f / 60);
      ui::draw_out_of_service(ImGui::GetBackgroundDrawList(), canvas, fonts, lines, drift);
      host.render();
    };
    if (shot) {
      platform::OffscreenTarget target(w, h);
      target.bind();
      draw(ImVec2(0, 0));
      std::string error = platform::write_png(*options.screenshot, target.read_pixels(), w, h);
      if (!error.empty()) std::cerr << "kiosk: " << *options.screenshot << ": " << error << std::endl;
      return error.empty() ? 0 : 1;
    }
    ServiceNotifier service;
    auto start = std::chrono::steady_clock::now();
    for (long tick = 0; !window.should_close(); ++tick) {
      // Burn-in care: the words drift a few pixels with each retry.
      draw(ImVec2(canvas.px(static_cast<float>(tick % 5) - 2), canvas.px(static_cast<float>(tick % 3) - 1)));
      window.swap();
      if (tick == 0) {
        std::cerr << "first frame (out of service)" << std::endl;
        service.ready("out of service: no content bundle can be opened");
      }
      auto due = start + std::chrono::duration<double>(kRetrySeconds * static_cast<double>(tick + 1));
      while (!window.should_close() && std::chrono::steady_clock::now() < due) {
        service.heartbeat();
        double left = std::chrono::duration<double>(due - std::chrono::steady_clock::now()).count();
        window.wait_events(service.longest_sleep(left));
      }
      if (identify(candidates) != tried && any_opens(candidates)) {
        std::cerr << "kiosk: a bundle can be opened again; restarting on it" << std::endl;
        ::execv("/proc/self/exe", argv);
        std::cerr << "kiosk: cannot restart: " << base::errno_text(errno) << std::endl;
      }
    }
    return 0;
  } catch (const platform::PlatformError& e) {
    std::cerr << "kiosk: " << e.what() << std::endl;
    return 1;
  }
}

}  // namespace kiosk::app
