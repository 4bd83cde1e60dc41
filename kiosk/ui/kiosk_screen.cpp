#include "kiosk/ui/kiosk_screen.h"

#include <cstdio>

#include "kiosk/content/shown_texts.h"
#include "kiosk/ui/atlas_cache.h"

namespace kiosk::ui {
namespace {

constexpr size_t kAtlasesKept = 6;  // current and previous bundle, each in a few shapes and text sizes

std::string clock_text(const show::CivilTime& wall) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", wall.hour, wall.minute);
  return buf;
}

TouchFrame touch_of(const controller::PointerState& p) {
  TouchFrame t;
  t.down = p.down;
  t.dragging = p.dragging;
  t.position = ImVec2(p.position.x, p.position.y);
  t.press_position = ImVec2(p.press_position.x, p.press_position.y);
  return t;
}

}  // namespace

controller::Viewport viewport_of(const Canvas& canvas) {
  return {canvas.width, canvas.height, canvas.scale};
}

KioskScreen::KioskScreen(content::Bundle& bundle, controller::ContentCache& content, ScreenOptions options,
                         ImageProvider& images)
    : bundle_(bundle), content_(content), options_(std::move(options)), images_(images) {
  for (const auto& s : bundle_.ui_strings()) strings_[s.key] = s.text;
  attract_view_ = std::make_unique<AttractView>(fonts_, strings_, images_);
}

const SlideContent* KioskScreen::slide_for(const std::string& item_id) {
  auto it = slides_.find(item_id);
  if (it != slides_.end()) return &it->second;
  const auto* item = content_.item(item_id);
  if (!item) return nullptr;
  const auto* category = content_.category(item->category_id);
  return &slides_.emplace(item_id, SlideContent{*item, category ? *category : content::Category{}}).first->second;
}

GlyphNeeds screen_glyph_needs(content::Bundle& bundle) {
  // The same list `kioskctl validate` checks the fonts against...
  GlyphNeeds needs;
  content::for_each_shown_text(
      bundle, [&](Role role, std::string_view text, const content::TextPlace&) { needs.add(role, std::string(text)); });
  // ...and what the operator panel draws from outside the bundle (time stamps, names).
  for (Role role : kOperatorPanelRoles) needs.add(role, std::string(kOperatorPanelCharacters));
  return needs;
}

bool KioskScreen::build_fonts(ImFontAtlas& atlas, const Canvas& canvas, bool large_text, std::string& error) {
  auto missing = [&](const std::string& role) {
    error = bundle_.path().string() + ": the bundle has no " + role + " font";
    return false;
  };
  auto regular_sha256 = bundle_.font_sha256("regular");
  auto bold_sha256 = bundle_.font_sha256("bold");
  if (!regular_sha256) return missing("regular");
  if (!bold_sha256) return missing("bold");
  baked_large_text_ = large_text;
  const auto& dir = options_.atlas_cache_dir;
  auto key = atlas_key(bundle_, *regular_sha256, *bold_sha256, canvas.scale, baked_large_text_);
  auto file = atlas_file(dir, key);
  // A restart loads the atlas baked last time; only a bake reads the fonts themselves.
  fonts_from_cache_ = !dir.empty() && fonts_.load(atlas, file, key);
  if (fonts_from_cache_) return true;
  auto regular = bundle_.font("regular");
  if (!regular) return missing("regular");
  auto bold = bundle_.font("bold");
  if (!bold) return missing("bold");
  auto needs = screen_glyph_needs(bundle_);
  if (!fonts_.build(atlas, *regular, *bold, needs, canvas.scale, baked_large_text_, error)) {
    error = bundle_.path().string() + ": " + error;
    return false;
  }
  // A text needing a code point its font lacks would draw the fallback glyph: said at the
  // bake, by role, size and code point (only at a bake: a cached atlas was checked when baked).
  for (const auto& m : missing_glyphs(fonts_, needs))
    std::fprintf(stderr, "kiosk: %s: %s\n", bundle_.path().string().c_str(), describe(m).c_str());
  // Best effort: without a writable cache the kiosk bakes at every start, as it must anyway.
  if (!dir.empty() && fonts_.save(atlas, file, key)) prune_atlases(dir, kAtlasesKept);
  return true;
}

void KioskScreen::draw_attract(ImDrawList* list, const Canvas& canvas, const controller::FrameModel& frame) {
  const auto& language = options_.controller.show.language;
  const auto& a = frame.attract;
  if (!a.has_slide) {
    attract_view_->draw_title(list, canvas, text::pick(content_.info().title, language), language);
    return;
  }
  AttractFrame f;
  f.current = slide_for(a.current);
  if (!a.previous.empty()) f.previous = slide_for(a.previous);
  f.time_in_slide = a.time_in_slide;
  f.previous_time_in_slide = a.previous_time_in_slide;
  f.transition = a.transition;
  f.slide_transition = a.slide_transition;
  f.position = a.position;
  f.count = a.count;
  f.lang = a.lang;
  f.show_touch_cue = frame.interactive;
  f.pulse = a.pulse;
  f.slow_time = a.slow_time;
  f.chrome_shift = burn_in_shift(frame.wall.hour * 60 + frame.wall.minute, canvas.scale);
  attract_view_->draw(list, canvas, f);
}

void KioskScreen::prefetch(const std::vector<std::string>& image_ids, controller::PictureUse use, const Canvas& canvas,
                           bool large_text) {
  ImVec2 size =
      use == controller::PictureUse::Card ? card_picture_size(canvas, large_text) : ImVec2(canvas.width, canvas.height);
  for (const auto& id : image_ids) images_.prefetch(id, size);
}

controller::FrameReport KioskScreen::draw(ImDrawList* list, const Canvas& canvas, const controller::FrameModel& frame) {
  controller::FrameReport report;
  layout_log_.clear();
  layout_log_.set_canvas(canvas.width, canvas.height);
  ScopedLayoutLog logging(layout_log_);
  std::vector<controller::Hit> covered;  // the visitor's controls under the operator's screens act on nothing
  bool operator_shown = frame.operator_stage != controller::OperatorStage::Hidden;
  TouchFrame visitor = touch_of(frame.pointer), operator_touch = touch_of(frame.operator_pointer);
  Widgets widgets(list, canvas, fonts_, visitor, operator_shown ? covered : report.hits);
  Widgets operator_widgets(list, canvas, fonts_, operator_touch, report.hits);
  ViewContext ctx{widgets, images_, content_, strings_, frame.lang, frame.large_text, frame.now};
  const auto& show = options_.controller.show;
  ListExtent extent;
  switch (frame.scene) {
    case show::Scene::Attract: draw_attract(list, canvas, frame); break;
    case show::Scene::Closed: draw_closed(ctx, clock_text(frame.wall), show.open_from, show.open_to); break;
    case show::Scene::Home:
      list->AddRectFilled(ImVec2(0, 0), ImVec2(canvas.width, canvas.height), colour::bg);
      draw_home(ctx);
      break;
    case show::Scene::Category:
      list->AddRectFilled(ImVec2(0, 0), ImVec2(canvas.width, canvas.height), colour::bg);
      draw_category(ctx, frame.category, frame.scroll, extent);
      report.content_height = extent.content;
      report.viewport_height = extent.viewport;
      break;
    case show::Scene::Detail:
      list->AddRectFilled(ImVec2(0, 0), ImVec2(canvas.width, canvas.height), colour::bg);
      draw_detail(ctx, frame.item, frame.item_position, frame.item_count, frame.scroll, extent);
      report.content_height = extent.content;
      report.viewport_height = extent.viewport;
      break;
    case show::Scene::Report:
      list->AddRectFilled(ImVec2(0, 0), ImVec2(canvas.width, canvas.height), colour::bg);
      report.page_count = draw_report(ctx, frame.report_section, frame.report_page);
      break;
    case show::Scene::Map:
      list->AddRectFilled(ImVec2(0, 0), ImVec2(canvas.width, canvas.height), colour::bg);
      draw_map(ctx, frame.site, frame.map_focus);
      break;
    case show::Scene::Countdown: break;
  }
  if (frame.counting_down) draw_countdown(ctx, frame.countdown_remaining);
  report.placeholders = images_.take_placeholders();
  if (!operator_shown) return report;
  // The operator's screens cover the visitor's: only what they draw is seen.
  layout_log_.clear();
  ViewContext panel{operator_widgets, images_, content_, strings_, frame.lang, false, frame.now};
  if (frame.operator_stage == controller::OperatorStage::Keypad) {
    draw_keypad(panel, frame.pin_digits, frame.pin_message);
  } else {
    OperatorInfo info = operator_info_ ? operator_info_() : OperatorInfo{};
    draw_operator_panel(panel, info, frame.touched_cells);
  }
  return report;
}

}  // namespace kiosk::ui
