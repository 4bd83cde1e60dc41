// The report's attract loop, every frame at 30 a second through every slide and every
// transition, in both languages and both orientations, drawn headless by the real views:
// what the figure fonts drew in each frame, read back from the glyph quads of ImGui's draw
// lists, must be the report's own display string of a figure on screen, or hold no digits.
// A figure painted as anything else (a count-up's 0%以上 or 81家) fails it. And at a
// crossfade the outgoing figure fades out as it stood, never starting its reveal over.

#include <doctest/doctest.h>
#include <imgui.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "kiosk/content/bundle.h"
#include "kiosk/controller/content_cache.h"
#include "kiosk/controller/controller.h"
#include "kiosk/text/figure_text.h"
#include "kiosk/text/utf8.h"
#include "kiosk/ui/kiosk_screen.h"
#include "screen_harness.h"
#include "skip.h"

using kiosk::ui::Role;

namespace {

// Every frame the kiosk would draw at 30 a second. The sanitizer build (KIOSK_UNIT_SLOWDOWN)
// samples two a second, which still lands inside every reveal and crossfade: it is there
// for memory errors, and the fast build's run holds every frame to the figure rule.
constexpr double kFramesPerSecond = KIOSK_UNIT_SLOWDOWN > 1 ? 2.0 : 30.0;
using kiosk::testing::kMorning;

// Reads back which characters the figure roles drew: each visible glyph of those fonts has
// its own rectangle in the atlas, and ImGui draws it as one quad of four vertices with
// exactly those texture coordinates. Spaces draw nothing, so they cannot be read back.
struct Drawn {
  std::string text;
  int alpha = 0;  // the most opaque of its glyphs, 0..255
};

class FigureGlyphs {
 public:
  explicit FigureGlyphs(const kiosk::ui::Fonts& fonts,
                        std::initializer_list<Role> roles = {Role::Figure, Role::FigureUnit}) {
    for (Role role : roles)
      for (const auto& g : fonts.get(role)->Glyphs)
        if (g.Visible) glyphs_[{g.U0, g.V0, g.U1, g.V1}] = static_cast<char32_t>(g.Codepoint);
  }

  // The runs of figure glyphs in the frame, in drawing order: one for each figure drawn.
  std::vector<Drawn> runs(const ImDrawData& data) const {
    std::vector<Drawn> out;
    for (int l = 0; l < data.CmdListsCount; ++l) {
      const auto& v = data.CmdLists[l]->VtxBuffer;
      Drawn run;
      for (int i = 0; i < v.Size;) {
        if (auto c = glyph_at(v, i)) {
          run.text += kiosk::text::encode(*c);
          run.alpha = std::max(run.alpha, static_cast<int>(v[i].col >> IM_COL32_A_SHIFT));
          i += 4;
          continue;
        }
        if (!run.text.empty()) out.push_back(std::move(run));
        run = {};
        ++i;
      }
      if (!run.text.empty()) out.push_back(std::move(run));
    }
    return out;
  }

 private:
  std::optional<char32_t> glyph_at(const ImVector<ImDrawVert>& v, int i) const {
    if (i + 3 >= v.Size) return std::nullopt;
    ImVec2 a = v[i].uv, b = v[i + 1].uv, c = v[i + 2].uv, d = v[i + 3].uv;
    auto it = glyphs_.find({a.x, a.y, c.x, c.y});
    if (it == glyphs_.end() || b.x != c.x || b.y != a.y || d.x != a.x || d.y != c.y) return std::nullopt;
    return it->second;
  }

  std::map<std::tuple<float, float, float, float>, char32_t> glyphs_;
};

bool has_digit(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string without_spaces(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

struct Loop {
  kiosk::testing::ScreenHarness h;
  kiosk::controller::ContentCache& content = h.content();

  Loop(const std::filesystem::path& path, kiosk::ui::Canvas c) : h(path, c, {false, nullptr, kFramesPerSecond}) {}

  // One frame at `t`, as the kiosk draws it; the model it drew and the drawn figures.
  std::pair<kiosk::controller::FrameModel, std::vector<Drawn>> frame(double t, const FigureGlyphs& glyphs) {
    auto step = h.frame(t);
    return {step.model, glyphs.runs(h.draw_data())};
  }

  // Two passes of the playlist: the loop switches language with each pass.
  double two_passes() {
    double s = 0;
    for (const auto& e : h.bundle().playlist()) s += std::max(e.dwell_s, 0.6);
    return 2 * s + 1;
  }

  // The display string of `item_id`'s figure in `lang`, as the painter's glyphs read back.
  std::optional<std::string> display(const std::string& item_id, kiosk::text::Lang lang) {
    const auto* item = content.item(item_id);
    if (!item || !item->figure) return std::nullopt;
    return without_spaces(lang == kiosk::text::Lang::Zh ? item->figure->display_zh : item->figure->display_en);
  }
};

// The outgoing figure (drawn first) at a crossfade: every slide of the report dwells longer
// than a reveal, so it leaves fully revealed, fading only with its slide.
std::optional<std::string> fades_as_it_stood(const std::vector<Drawn>& drawn, const std::string& display,
                                             double transition) {
  int expected = static_cast<int>((1 - kiosk::text::ease_in_out_cubic(transition)) * 255 + 0.5);
  if (expected < 3) return std::nullopt;  // too faint to draw any more
  auto it = std::find_if(drawn.begin(), drawn.end(), [&](const Drawn& d) { return d.text == display; });
  if (it == drawn.end()) return "the outgoing '" + display + "' was not drawn";
  if (std::abs(it->alpha - expected) > 1)
    return "the outgoing '" + display + "' at alpha " + std::to_string(it->alpha) + ", not " + std::to_string(expected);
  return std::nullopt;
}

void check_every_frame(const kiosk::ui::Canvas& canvas) {
  std::filesystem::path path = KIOSK_REPORT_BUNDLE;
  if (!std::filesystem::exists(path)) KIOSK_SKIP("no report bundle at " + path.string());
  Loop loop(path, canvas);
  for (const auto& e : loop.h.bundle().playlist()) REQUIRE(e.dwell_s >= kiosk::controller::kFigureRevealSeconds);
  FigureGlyphs glyphs(loop.h.fonts());
  std::set<std::string> slides_seen, transitions_seen, figures_seen;
  std::set<kiosk::text::Lang> languages_seen;
  std::vector<std::string> wrong;
  size_t frames = static_cast<size_t>(loop.two_passes() * kFramesPerSecond);
  for (size_t n = 0; n <= frames; ++n) {
    double t = static_cast<double>(n) / kFramesPerSecond;
    auto [model, drawn] = loop.frame(t, glyphs);
    const auto& a = model.attract;
    REQUIRE(model.scene == kiosk::show::Scene::Attract);
    REQUIRE(a.has_slide);
    slides_seen.insert(a.current);
    languages_seen.insert(a.lang);
    if (!a.previous.empty()) transitions_seen.insert(a.previous + " > " + a.current);
    std::set<std::string> allowed;
    for (const auto* id : {&a.current, &a.previous})
      if (auto d = loop.display(*id, a.lang)) allowed.insert(*d);
    std::string at = "at " + std::to_string(t) + " s (" + a.current + "): ";
    for (const auto& d : drawn) {
      if (has_digit(d.text)) figures_seen.insert(d.text);
      if (has_digit(d.text) && !allowed.count(d.text)) wrong.push_back(at + "drew '" + d.text + "'");
    }
    if (auto out = loop.display(a.previous, a.lang); out && has_digit(*out))
      if (auto why = fades_as_it_stood(drawn, *out, a.transition)) wrong.push_back(at + *why);
  }
  std::string first;
  for (size_t i = 0; i < std::min<size_t>(wrong.size(), 8); ++i) first += "\n  " + wrong[i];
  INFO(wrong.size() << " figures drawn otherwise than the report words them, or restarting their reveal:" << first);
  CHECK(wrong.empty());
  // The sampling really went through the whole loop, its transitions and both languages.
  std::set<std::string> playlist;
  for (const auto& e : loop.h.bundle().playlist()) playlist.insert(e.item_id);
  CHECK(slides_seen == playlist);
  CHECK(transitions_seen.size() >= playlist.size());
  CHECK(languages_seen.size() == 2);
  std::set<std::string> figures;
  for (const auto& id : playlist)
    for (auto lang : {kiosk::text::Lang::Zh, kiosk::text::Lang::En})
      if (auto d = loop.display(id, lang); d && has_digit(*d)) figures.insert(*d);
  CHECK(figures_seen == figures);
}

}  // namespace

TEST_CASE("figure frames: every figure the landscape attract loop draws is the report's display string") {
  check_every_frame(kiosk::ui::Canvas::for_size(1920, 1080));
}

TEST_CASE("figure frames: every figure the portrait attract loop draws is the report's display string") {
  check_every_frame(kiosk::ui::Canvas::for_size(1080, 1920));
}

// 全市第一 and 突破七万元 are figures as much as 1660余万人次: their numerals are drawn in the
// display figure's face, with the rest at the unit's size, not all of it at the unit's.
TEST_CASE("figure frames: a figure worded without digits has its numerals at the display figure's size") {
  std::filesystem::path path = KIOSK_REPORT_BUNDLE;
  if (!std::filesystem::exists(path)) KIOSK_SKIP("no report bundle at " + path.string());
  for (auto canvas : {kiosk::ui::Canvas::for_size(1920, 1080), kiosk::ui::Canvas::for_size(1080, 1920)}) {
    Loop loop(path, canvas);
    FigureGlyphs big(loop.h.fonts(), {Role::Figure});
    size_t word_figures = 0;
    for (const auto& category : loop.content.categories())
      for (const auto& summary : loop.content.summaries(category.id)) {
        const std::string id = summary.id;
        const auto* item = loop.content.item(id);
        if (!item->figure || has_digit(item->figure->display_zh)) continue;
        ++word_figures;
        REQUIRE(loop.h.controller().go_to({kiosk::controller::SceneTarget::Detail, id}, kMorning));
        auto [model, drawn] = loop.frame(30, big);
        std::string numerals = kiosk::text::split_figure(item->figure->display_zh).number;
        CHECK_FALSE(numerals.empty());
        bool found = std::any_of(drawn.begin(), drawn.end(), [&](const Drawn& d) { return d.text == numerals; });
        CHECK_MESSAGE(
            found, id << ": '" << numerals << "' of '" << item->figure->display_zh << "' not drawn in the figure face");
      }
    // The lead figures in words (近百场, 突破七万元, 全市第一 ...); those after a lead are
    // set in its figure group, in the title face.
    CHECK(word_figures >= 4);
  }
}
