#include "kiosk/ui/kiosk_screen.h"

#include <cmath>

#include "kiosk/text/figure_text.h"

namespace kiosk::ui {
namespace {

constexpr double kTransitionSeconds = 0.6;
constexpr double kCountUpSeconds = 1.2;
constexpr double kFrameInterval = 1.0 / 60;

}  // namespace

KioskScreen::KioskScreen(content::Bundle& bundle, ScreenOptions options)
    : bundle_(bundle), options_(options), attract_(bundle.playlist(), kTransitionSeconds) {
  for (const auto& s : bundle_.ui_strings()) strings_[s.key] = s.text;
  categories_ = bundle_.categories();
  for (const auto& entry : bundle_.playlist()) {
    if (slides_.count(entry.item_id)) continue;
    auto item = bundle_.item(entry.item_id);
    if (!item) continue;
    content::Category category;
    for (const auto& c : categories_)
      if (c.id == item->category_id) category = c;
    slides_[entry.item_id] = {std::move(*item), category};
  }
  view_ = std::make_unique<AttractView>(fonts_, strings_);
}

GlyphNeeds KioskScreen::glyph_needs() const {
  GlyphNeeds needs;
  for (const auto& [id, slide] : slides_) {
    for (const auto* bilingual : {&slide.item.title, &slide.item.summary}) {
      needs.add(Role::Title, bilingual->zh);
      needs.add(Role::Title, bilingual->en);
      needs.add(Role::Body, bilingual->zh);
      needs.add(Role::Body, bilingual->en);
    }
    needs.add(Role::Caption, slide.category.title.zh);
    needs.add(Role::Caption, slide.category.title.en);
    if (slide.item.figure) {
      for (const auto& display : {slide.item.figure->display_zh, slide.item.figure->display_en}) {
        auto parts = text::split_figure(display);
        needs.add(Role::Figure, parts.number + "0123456789.,");
        needs.add(Role::FigureUnit, parts.prefix + parts.suffix);
      }
    }
  }
  needs.add(Role::Title, bundle_.info().title.zh);
  needs.add(Role::Title, bundle_.info().title.en);
  for (const auto& [key, text] : strings_) {
    for (Role role : {Role::Heading, Role::Caption}) {
      needs.add(role, text.zh);
      needs.add(role, text.en);
    }
  }
  needs.add(Role::Caption, "：:");
  return needs;
}

bool KioskScreen::build_fonts(ImFontAtlas& atlas, const Canvas& canvas, std::string& error) {
  auto regular = bundle_.font("regular");
  auto bold = bundle_.font("bold");
  if (!regular || !bold) {
    error = bundle_.path().string() + ": the bundle has no " + std::string(!regular ? "regular" : "bold") + " font";
    return false;
  }
  if (!fonts_.build(atlas, *regular, *bold, glyph_needs(), canvas.scale, error)) {
    error = bundle_.path().string() + ": " + error;
    return false;
  }
  return true;
}

void KioskScreen::update(double now, const show::CivilTime& wall) {
  attract_.advance(now, wall);
  if (attract_.has_slide()) {
    if (attract_.position() < last_position_) ++passes_;
    last_position_ = attract_.position();
  }
}

text::Lang KioskScreen::current_language() const {
  if (!options_.alternate_languages || passes_ % 2 == 0) return options_.language;
  return options_.language == text::Lang::Zh ? text::Lang::En : text::Lang::Zh;
}

const SlideContent* KioskScreen::slide_for(const content::PlaylistEntry& entry) const {
  auto it = slides_.find(entry.item_id);
  return it == slides_.end() ? nullptr : &it->second;
}

void KioskScreen::draw(ImDrawList* list, const Canvas& canvas, double now) const {
  if (!attract_.has_slide()) {
    view_->draw_title(list, canvas, text::pick(bundle_.info().title, options_.language), options_.language);
    return;
  }
  AttractFrame frame;
  frame.current = slide_for(attract_.current());
  if (const auto* previous = attract_.previous(now)) frame.previous = slide_for(*previous);
  frame.time_in_slide = attract_.time_in_slide(now);
  frame.transition = attract_.transition_progress(now);
  frame.slide_transition = attract_.current().transition == "slide";
  frame.position = attract_.position();
  frame.count = attract_.size();
  frame.lang = current_language();
  frame.show_touch_cue = options_.touch_cue;
  // Slow motion runs at a reduced rate: quantise its clock so that frames between ticks are identical.
  frame.pulse = options_.slow_motion_fps > 0 ? std::floor(now * options_.slow_motion_fps) / options_.slow_motion_fps : 0;
  view_->draw(list, canvas, frame);
}

double KioskScreen::next_frame_time(double now) const {
  double next = attract_.next_change(now);
  if (!attract_.has_slide()) return next;
  double in_slide = attract_.time_in_slide(now);
  bool animating = attract_.transition_progress(now) < 1 ||
                   (attract_.current().item_id.size() && in_slide < kCountUpSeconds + kFrameInterval);
  if (animating) return now + kFrameInterval;
  if (options_.touch_cue && options_.slow_motion_fps > 0)
    next = std::min(next, (std::floor(now * options_.slow_motion_fps) + 1) / options_.slow_motion_fps);
  return next;
}

}  // namespace kiosk::ui
