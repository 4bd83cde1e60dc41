// Issue #16 (5): text laid over artwork reads. The real screen renders the attract loop's
// every slide and every landmark's detail page of the report bundle on Mesa, in zh and en,
// landscape and portrait, normal and large text, twice: as shown, and with every glyph
// made transparent, which leaves exactly the pixels behind the text. For each text box the
// layout log recorded, the WCAG contrast of its colour against those pixels is taken at
// the worst 5% of them (the 5th percentile): at least 4.5:1, and 7:1 for body text; the
// current progress dot and the touch cue's heart 3:1 against the pixels around them.
// Needs a display (label "gl").
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <backends/imgui_impl_opengl3.h>
#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "kiosk/content/bundle.h"
#include "kiosk/controller/content_cache.h"
#include "kiosk/platform/gl.h"
#include "kiosk/platform/imgui_host.h"
#include "kiosk/platform/offscreen.h"
#include "kiosk/platform/texture_cache.h"
#include "kiosk/platform/window.h"
#include "kiosk/show/clock.h"
#include "kiosk/text/utf8.h"
#include "kiosk/ui/kiosk_screen.h"
#include "kiosk/ui/layout_log.h"

using namespace kiosk;

namespace {

constexpr double kWorstShare = 0.05;  // the share of a box's background that may fall below the floor
constexpr double kTextFloor = 4.5, kBodyFloor = 7.0;
// A shape that means something without words (the current progress dot, the touch cue's
// heart) against what surrounds it: WCAG's 3:1 for graphical objects, over a band this wide.
constexpr double kMarkFloor = 3.0;
constexpr int kMarkBand = 6;

// WCAG relative luminance of an 8-bit sRGB channel, by table: a scene measures millions of pixels.
const std::array<double, 256>& linear() {
  static const std::array<double, 256> table = [] {
    std::array<double, 256> t{};
    for (int i = 0; i < 256; ++i) {
      double s = i / 255.0;
      t[i] = s <= 0.03928 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    }
    return t;
  }();
  return table;
}

double luminance(const uint8_t* rgb) {
  const auto& l = linear();
  return 0.2126 * l[rgb[0]] + 0.7152 * l[rgb[1]] + 0.0722 * l[rgb[2]];
}

// The text's colour as it lands on `behind`: blended by its alpha, as GL blends it.
std::array<uint8_t, 3> ink_over(uint32_t colour, const uint8_t* behind) {
  double a = static_cast<double>(colour >> 24) / 255.0;
  std::array<uint8_t, 3> out{};
  for (int c = 0; c < 3; ++c) {
    double ink = static_cast<double>((colour >> (8 * c)) & 0xFF);  // ImGui packs ABGR: R is the low byte
    out[c] = static_cast<uint8_t>(std::lround(a * ink + (1 - a) * behind[c]));
  }
  return out;
}

struct Pixels {
  int width = 0, height = 0;
  std::vector<uint8_t> rgba;  // top row first
  const uint8_t* at(int x, int y) const { return &rgba[(static_cast<size_t>(y) * width + x) * 4]; }
};

// Glyphs are the font atlas's quads that are neither its white pixel (every filled shape)
// nor its baked anti-aliased lines: made transparent, they leave the scene without its text.
void hide_glyphs(ImDrawData& data, const ImFontAtlas& atlas) {
  ImVec2 white = atlas.TexUvWhitePixel;
  ImVec4 lines(1, 1, 0, 0);
  if (!(atlas.Flags & ImFontAtlasFlags_NoBakedLines))
    for (const auto& l : atlas.TexUvLines)
      lines = ImVec4(std::min(lines.x, l.x), std::min(lines.y, l.y), std::max(lines.z, l.z), std::max(lines.w, l.w));
  auto is_glyph = [&](const ImVec2& uv) {
    if (uv.x == white.x && uv.y == white.y) return false;
    return !(uv.x >= lines.x && uv.x <= lines.z && uv.y >= lines.y && uv.y <= lines.w);
  };
  for (int n = 0; n < data.CmdListsCount; ++n) {
    ImDrawList& list = *data.CmdLists[n];
    for (const auto& cmd : list.CmdBuffer) {
      if (cmd.UserCallback || cmd.TextureId != atlas.TexID) continue;
      for (unsigned e = cmd.IdxOffset; e < cmd.IdxOffset + cmd.ElemCount; ++e) {
        ImDrawVert& v = list.VtxBuffer[static_cast<int>(cmd.VtxOffset + list.IdxBuffer[static_cast<int>(e)])];
        if (is_glyph(v.uv)) v.col &= ~IM_COL32_A_MASK;
      }
    }
  }
}

// One text box's measure: the contrast its worst 5% of background pixels give.
struct BoxContrast {
  double ratio = 21;
  double floor = kTextFloor;
  std::string text, role;
  ImVec2 at;
  float size = 0;
  bool fails() const { return ratio < floor; }
  double margin() const { return ratio / floor; }
};

double worst_share_contrast(const Pixels& behind, const ui::LoggedText& t, const ui::Rect& r,
                            std::vector<double>& scratch) {
  scratch.clear();
  int x0 = std::max(0, static_cast<int>(std::floor(r.min.x))), y0 = std::max(0, static_cast<int>(std::floor(r.min.y)));
  int x1 = std::min(behind.width, static_cast<int>(std::ceil(r.max.x)));
  int y1 = std::min(behind.height, static_cast<int>(std::ceil(r.max.y)));
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      const uint8_t* px = behind.at(x, y);
      auto ink = ink_over(t.colour, px);
      double a = luminance(ink.data()), b = luminance(px);
      scratch.push_back((std::max(a, b) + 0.05) / (std::min(a, b) + 0.05));
    }
  if (scratch.empty()) return 21;
  auto nth = scratch.begin() + static_cast<long>(static_cast<double>(scratch.size() - 1) * kWorstShare);
  std::nth_element(scratch.begin(), nth, scratch.end());
  return *nth;
}

// The same, for a mark: its colour against the band of pixels just around its rectangle.
double mark_contrast(const Pixels& behind, const ui::LoggedMark& m, std::vector<double>& scratch) {
  scratch.clear();
  int x0 = static_cast<int>(std::floor(m.rect.min.x)), y0 = static_cast<int>(std::floor(m.rect.min.y));
  int x1 = static_cast<int>(std::ceil(m.rect.max.x)), y1 = static_cast<int>(std::ceil(m.rect.max.y));
  for (int y = std::max(0, y0 - kMarkBand); y < std::min(behind.height, y1 + kMarkBand); ++y)
    for (int x = std::max(0, x0 - kMarkBand); x < std::min(behind.width, x1 + kMarkBand); ++x) {
      if (x >= x0 && x < x1 && y >= y0 && y < y1) continue;
      const uint8_t* px = behind.at(x, y);
      auto ink = ink_over(m.colour, px);
      double a = luminance(ink.data()), b = luminance(px);
      scratch.push_back((std::max(a, b) + 0.05) / (std::min(a, b) + 0.05));
    }
  if (scratch.empty()) return 21;
  auto nth = scratch.begin() + static_cast<long>(static_cast<double>(scratch.size() - 1) * kWorstShare);
  std::nth_element(scratch.begin(), nth, scratch.end());
  return *nth;
}

std::string shortened(const std::string& s) {
  auto points = text::decode(s);
  std::string out;
  for (size_t i = 0; i < points.size() && i < 24; ++i) out += text::encode(points[i]);
  return points.size() > 24 ? out + "…" : out;
}

const char* role_name(ui::Role role) {
  static const char* names[] = {"figure", "figure unit", "title", "heading", "body", "caption", "label"};
  return names[static_cast<size_t>(role)];
}

// The real screen on an off-screen target, with the bundle's own pictures.
class Stage {
 public:
  explicit Stage(const std::filesystem::path& bundle)
      : window_(platform::WindowKind::Offscreen, 64, 64, "contrast test"),
        host_(window_),
        bundle_(content::Bundle::open(bundle)),
        textures_(bundle_, true, 64, 512u << 20),
        screen_(bundle_, content_, options(), textures_) {}

  void bake(const ui::Canvas& canvas, bool large_text) {
    std::string error;
    REQUIRE_MESSAGE(screen_.build_fonts(atlas_, canvas, large_text, error), error);
    host_.use_atlas(atlas_);
    canvas_ = canvas;
    large_text_ = large_text;
    target_ =
        std::make_unique<platform::OffscreenTarget>(static_cast<int>(canvas.width), static_cast<int>(canvas.height));
  }

  // Draws `frame` as shown and without its glyphs; the box contrasts of its texts, worst first.
  std::vector<BoxContrast> measure(controller::FrameModel frame, std::vector<std::string>& placeholders) {
    frame.large_text = large_text_;
    frame.wall = {2025, 4, 1, 10, 0};
    host_.begin_frame(canvas_.width, canvas_.height, 1.0f / 60);
    auto report = screen_.draw(ImGui::GetBackgroundDrawList(), canvas_, frame);
    ImGui::Render();
    textures_.upload_ready();
    for (auto& p : report.placeholders) placeholders.push_back(p);
    ImDrawData* data = ImGui::GetDrawData();
    hide_glyphs(*data, atlas_);
    target_->bind();
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(data);
    behind_.width = target_->width();
    behind_.height = target_->height();
    behind_.rgba = target_->read_pixels();

    std::vector<BoxContrast> out;
    ui::Rect canvas{ImVec2(0, 0), ImVec2(canvas_.width, canvas_.height)};
    for (const auto& t : screen_.layout_log().texts()) {
      ui::Rect r{ImVec2(std::max({t.rect.min.x, t.clip.min.x, canvas.min.x}),
                        std::max({t.rect.min.y, t.clip.min.y, canvas.min.y})),
                 ImVec2(std::min({t.rect.max.x, t.clip.max.x, canvas.max.x}),
                        std::min({t.rect.max.y, t.clip.max.y, canvas.max.y}))};
      if (r.max.x - r.min.x < 1 || r.max.y - r.min.y < 1 || (t.colour >> 24) == 0) continue;
      BoxContrast b;
      b.ratio = worst_share_contrast(behind_, t, r, scratch_);
      ui::Role role = role_of(t.font);
      b.role = role == ui::Role::Count ? "?" : role_name(role);
      b.floor = role == ui::Role::Body ? kBodyFloor : kTextFloor;
      b.text = shortened(t.text);
      b.at = t.rect.min;
      b.size = t.size;
      out.push_back(b);
    }
    for (const auto& m : screen_.layout_log().marks()) {
      BoxContrast b;
      b.ratio = mark_contrast(behind_, m, scratch_);
      b.role = "mark";
      b.floor = kMarkFloor;
      b.text = m.what;
      b.at = m.rect.min;
      b.size = m.rect.max.y - m.rect.min.y;
      out.push_back(b);
      ++marks_;
    }
    std::sort(out.begin(), out.end(),
              [](const BoxContrast& a, const BoxContrast& b) { return a.margin() < b.margin(); });
    return out;
  }

  controller::ContentCache& content() { return content_; }
  content::Bundle& bundle() { return bundle_; }
  size_t marks() const { return marks_; }

 private:
  ui::Role role_of(const ImFont* font) const {
    for (auto role : content::kAllRoles)
      if (screen_.fonts().get(role) == font) return role;
    return ui::Role::Count;
  }
  ui::ScreenOptions options() {
    ui::ScreenOptions o;
    o.clock = &clock_;
    return o;
  }

  platform::Window window_;
  platform::ImGuiHost host_;
  content::Bundle bundle_;
  controller::ContentCache content_{bundle_};
  show::ManualClock clock_;
  platform::TextureCache textures_;
  ui::KioskScreen screen_;
  ImFontAtlas atlas_;
  ui::Canvas canvas_;
  bool large_text_ = false;
  std::unique_ptr<platform::OffscreenTarget> target_;
  Pixels behind_;
  std::vector<double> scratch_;
  size_t marks_ = 0;
};

struct Scene {
  std::string name;
  controller::FrameModel frame;
};

// The attract loop's every slide at its settled moment, and every landmark's detail page.
std::vector<Scene> scenes(Stage& stage, text::Lang lang) {
  std::vector<Scene> out;
  controller::FrameModel base;
  base.lang = lang;
  base.now = 100;
  const auto playlist = stage.bundle().playlist();
  for (size_t i = 0; i < playlist.size(); ++i) {
    auto f = base;
    f.scene = show::Scene::Attract;
    f.attract.has_slide = true;
    f.attract.current = playlist[i].item_id;
    f.attract.time_in_slide = 8;
    f.attract.slow_time = 8;  // the landmarks' slow zoom well under way
    f.attract.pulse = 1.2;    // the touch cue's ring at its widest
    f.attract.transition = 1;
    f.attract.position = i;
    f.attract.count = playlist.size();
    f.attract.lang = lang;
    out.push_back({"attract " + playlist[i].item_id, f});
  }
  for (const auto& cat : stage.content().categories()) {
    const auto& items = stage.content().summaries(cat.id);
    for (size_t i = 0; i < items.size(); ++i) {
      const auto* item = stage.content().item(items[i].id);
      if (!item || item->kind != content::ItemKind::Landmark) continue;
      auto d = base;
      d.scene = show::Scene::Detail;
      d.category = cat.id;
      d.item = items[i].id;
      d.item_position = static_cast<int>(i);
      d.item_count = static_cast<int>(items.size());
      out.push_back({"detail " + items[i].id, d});
    }
  }
  return out;
}

std::string describe(const BoxContrast& b) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%.2f:1 (needs %.1f) %s %.0fpx at [%.0f,%.0f] \"", b.ratio, b.floor, b.role.c_str(),
                b.size, b.at.x, b.at.y);
  return buf + b.text + "\"";
}

}  // namespace

TEST_CASE(
    "contrast: every text, progress dot and touch cue over the attract loop's slides and the landmarks' pages reads "
    "against its pixels") {
  std::filesystem::path path = KIOSK_REPORT_BUNDLE;
  if (!std::filesystem::exists(path)) {
    MESSAGE("[kiosk-skip] no report bundle at " << path.string());
    return;
  }
  auto started = std::chrono::steady_clock::now();
  Stage stage(path);
  std::ostringstream table;
  size_t scenes_measured = 0, boxes = 0, failing_scenes = 0;
  std::vector<std::string> placeholders;
  for (bool portrait : {false, true})
    for (bool large : {false, true}) {
      stage.bake(portrait ? ui::Canvas::for_size(1080, 1920) : ui::Canvas::for_size(1920, 1080), large);
      for (auto lang : {text::Lang::Zh, text::Lang::En}) {
        // Under the sanitizers, several times slower, each shape and size is measured in one language.
        if (KIOSK_GL_SLOWDOWN > 1 && (lang == text::Lang::Zh) == large) continue;
        std::string combination = std::string(lang == text::Lang::Zh ? "zh " : "en ") +
                                  (portrait ? "1080x1920 " : "1920x1080 ") + (large ? "large" : "normal");
        for (const auto& scene : scenes(stage, lang)) {
          auto measured = stage.measure(scene.frame, placeholders);
          ++scenes_measured;
          boxes += measured.size();
          if (measured.empty()) continue;
          std::string line = combination + " " + scene.name + ": worst " + describe(measured.front());
          table << line << "\n";
          if (!measured.front().fails()) continue;
          ++failing_scenes;
          std::string all;
          for (const auto& b : measured)
            if (b.fails()) all += "\n    " + describe(b);
          FAIL_CHECK(line << all);
        }
      }
    }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  MESSAGE("worst text box of each scene (" << scenes_measured << " scenes, " << boxes << " boxes, " << failing_scenes
                                           << " failing, " << seconds << " s):\n"
                                           << table.str());
  CHECK(scenes_measured >= (KIOSK_GL_SLOWDOWN > 1 ? 4 : 8) * 30);  // every slide and landmark, in each combination
  CHECK(boxes > scenes_measured * 3);
  // Each attract slide's current dot and touch cue were measured too.
  CHECK(stage.marks() >= scenes_measured);
  std::string missing;
  for (const auto& p : placeholders) missing += " '" + p + "'";
  CHECK_MESSAGE(placeholders.empty(), "measured over placeholders instead of pictures:" << missing);
  CHECK(failing_scenes == 0);
}

// The measure itself: white text on white is found, and so is text over a picture it
// does not stand out from; the same text on the navy ground passes.
TEST_CASE("contrast: the measure sees the glyphs' background, not the glyphs") {
  Pixels p;
  p.width = 4;
  p.height = 1;
  p.rgba = {255, 255, 255, 255, 255, 255, 255, 255, 14, 27, 46, 255, 14, 27, 46, 255};
  ui::LoggedText t;
  t.colour = ui::colour::text;
  std::vector<double> scratch;
  CHECK(worst_share_contrast(p, t, {ImVec2(0, 0), ImVec2(2, 1)}, scratch) < 1.2);
  CHECK(worst_share_contrast(p, t, {ImVec2(2, 0), ImVec2(4, 1)}, scratch) ==
        doctest::Approx(ui::contrast_ratio(ui::colour::text, ui::colour::bg)).epsilon(0.01));
  // The worst 5% of forty pixels are two: one bright pixel among them is forgiven, two are not.
  Pixels wide;
  wide.width = 40;
  wide.height = 1;
  for (int i = 0; i < 40; ++i)
    for (uint8_t v : {uint8_t(14), uint8_t(27), uint8_t(46), uint8_t(255)}) wide.rgba.push_back(i < 1 ? 255 : v);
  CHECK(worst_share_contrast(wide, t, {ImVec2(0, 0), ImVec2(40, 1)}, scratch) > 14);
  for (int c = 0; c < 3; ++c) wide.rgba[4 + c] = 255;
  CHECK(worst_share_contrast(wide, t, {ImVec2(0, 0), ImVec2(40, 1)}, scratch) < 1.2);
  // A gold dot is measured against what lies around it, not against itself.
  Pixels dot;
  dot.width = dot.height = 20;
  dot.rgba.assign(20 * 20 * 4, 255);  // white all round
  for (int y = 8; y < 12; ++y)
    for (int x = 8; x < 12; ++x)
      for (int c = 0; c < 3; ++c) dot.rgba[(static_cast<size_t>(y) * 20 + x) * 4 + c] = 0;
  ui::LoggedMark gold{{ImVec2(8, 8), ImVec2(12, 12)}, ui::colour::gold, "dot"};
  CHECK(mark_contrast(dot, gold, scratch) < kMarkFloor);
  for (size_t i = 0; i < dot.rgba.size(); i += 4)
    dot.rgba[i] = 14, dot.rgba[i + 1] = 27, dot.rgba[i + 2] = 46;  // the navy ground
  CHECK(mark_contrast(dot, gold, scratch) ==
        doctest::Approx(ui::contrast_ratio(ui::colour::gold, ui::colour::bg)).epsilon(0.01));
  // Text faded to half shows half its contrast's worth.
  t.colour = ui::colour::with_alpha(ui::colour::text, 0.5f);
  CHECK(worst_share_contrast(p, t, {ImVec2(2, 0), ImVec2(4, 1)}, scratch) < 6);
}
