#include "kiosk/ui/kiosk_screen.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "kiosk/content/shown_texts.h"
#include "kiosk/text/figure_text.h"
#include "kiosk/ui/atlas_cache.h"

namespace kiosk::ui {
namespace {

constexpr double kCountUpSeconds = 1.2;
constexpr double kFrameInterval = 1.0 / 60;
constexpr float kTapSlopReference = 16;          // px at the reference canvas: about 10 mm on a 55" panel
constexpr float kSwipeReference = 120;           // a horizontal drag this long turns the page
constexpr float kOperatorCornerReference = 140;  // the hidden corner that opens the operator keypad
constexpr double kOperatorHoldSeconds = 3;
constexpr size_t kAtlasesKept = 6;  // current and previous bundle, each in a few shapes and text sizes

}  // namespace

KioskScreen::KioskScreen(content::Bundle& bundle, ScreenOptions options, ImageProvider& images)
    : bundle_(bundle),
      options_(options),
      images_(images),
      content_(bundle),
      show_(options.show, content_.catalogue(), bundle.playlist()) {
  for (const auto& s : bundle_.ui_strings()) strings_[s.key] = s.text;
  attract_view_ = std::make_unique<AttractView>(fonts_, strings_, images_);
}

const SlideContent* KioskScreen::slide_for(const content::PlaylistEntry& entry) {
  auto it = slides_.find(entry.item_id);
  if (it != slides_.end()) return &it->second;
  const auto* item = content_.item(entry.item_id);
  if (!item) return nullptr;
  const auto* category = content_.category(item->category_id);
  return &slides_.emplace(entry.item_id, SlideContent{*item, category ? *category : content::Category{}}).first->second;
}

GlyphNeeds KioskScreen::glyph_needs() {
  // The same list `kioskctl validate` checks the fonts against.
  GlyphNeeds needs;
  content::for_each_shown_text(bundle_.database(), [&](Role role, std::string_view text, const content::TextPlace&) {
    needs.add(role, std::string(text));
  });
  return needs;
}

bool KioskScreen::build_fonts(ImFontAtlas& atlas, const Canvas& canvas, std::string& error) {
  auto missing = [&](const std::string& role) {
    error = bundle_.path().string() + ": the bundle has no " + role + " font";
    return false;
  };
  auto regular_sha256 = bundle_.font_sha256("regular");
  auto bold_sha256 = bundle_.font_sha256("bold");
  if (!regular_sha256) return missing("regular");
  if (!bold_sha256) return missing("bold");
  baked_large_text_ = show_.large_text();
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
  if (!fonts_.build(atlas, *regular, *bold, glyph_needs(), canvas.scale, baked_large_text_, error)) {
    error = bundle_.path().string() + ": " + error;
    return false;
  }
  // Best effort: without a writable cache the kiosk bakes at every start, as it must anyway.
  if (!dir.empty() && fonts_.save(atlas, file, key)) prune_atlases(dir, kAtlasesKept);
  return true;
}

void KioskScreen::pointer_press(float x, float y, double t) {
  // A touch that wakes the screen or dismisses the countdown does only that: its tap must
  // not fall through to whatever the new scene shows under the finger.
  auto scene = show_.scene();
  swallow_tap_ = scene == show::Scene::Attract || scene == show::Scene::Closed || scene == show::Scene::Countdown;
  press_time_ = t;
  gestures_.press({x, y}, t);
  input_changed_ = true;
}

void KioskScreen::pointer_move(float x, float y, double t) {
  gestures_.move({x, y}, t);
  if (gestures_.down()) input_changed_ = true;
}

void KioskScreen::pointer_release(float x, float y, double t) {
  gestures_.release({x, y}, t);
  // Taps queue up: a quick series (a PIN on the keypad) may all arrive between two frames.
  if (auto tap = gestures_.take_tap()) taps_.push_back({*tap, swallow_tap_});
  input_changed_ = true;
}

void KioskScreen::update(double now, const show::CivilTime& wall) {
  wall_ = wall;
  double dt = std::clamp(now - last_update_, 0.0, 0.1);
  last_update_ = now;
  show_.tick(now, wall);
  category_scroll_.step(dt);
  detail_scroll_.step(dt);
  auto& attract = show_.attract();
  if (show_.browsing_scene() == show::Scene::Detail && show_.item() != last_opened_)
    plays_.opened.push_back(show_.item());
  last_opened_ = show_.browsing_scene() == show::Scene::Detail ? show_.item() : "";
  if (show_.scene() == show::Scene::Attract && attract.has_slide()) {
    if (attract.position() < last_position_) ++passes_;
    // Each start of a slide counts once (a one-slide playlist repeats the same position).
    double started = attract.started_at();
    if (started != last_slide_start_) plays_.shown.push_back(attract.current().item_id);
    last_slide_start_ = started;
    last_position_ = attract.position();
    // The next slide's picture loads while this one shows; a figure slide's picture is not
    // drawn, and loading it anyway held a 15 MB texture (llvmpipe) for nothing.
    const auto& playlist = bundle_.playlist();
    if (!playlist.empty()) {
      if (const auto* next = slide_for(playlist[(attract.position() + 1) % playlist.size()]))
        if (attract_shows_picture(next->item)) images_.prefetch(next->item.image_id);
    }
  }
}

text::Lang KioskScreen::attract_language() const {
  text::Lang first = options_.show.language;
  if (!options_.alternate_languages || passes_ % 2 == 0) return first;
  return first == text::Lang::Zh ? text::Lang::En : text::Lang::Zh;
}

void KioskScreen::apply(const Action& action, double now) {
  switch (action.kind) {
    case Action::None: break;
    case Action::OpenCategory: show_.open_category(action.id, now); break;
    case Action::OpenItem: show_.open_item(action.id, now); break;
    case Action::Back: show_.back(now); break;
    case Action::Home: show_.home(now); break;
    case Action::Language: show_.set_language(action.lang, now); break;
    case Action::LargeText: show_.set_large_text(action.flag, now); break;
    case Action::Neighbour: show_.neighbour(action.step, now); break;
  }
}

void KioskScreen::handle_gestures(double now, const Canvas& canvas) {
  auto delta = gestures_.take_drag_delta();
  auto release = gestures_.take_release();
  if (!show_.interactive()) return;
  if (gestures_.down() || release) show_.touch(now);  // any touch keeps the visitor's session alive
  auto scene = show_.browsing_scene();
  if (scene == show::Scene::Category) {
    if (delta.y != 0) category_scroll_.drag(delta.y);
    if (release && release->was_drag) category_scroll_.release(release->velocity_y);
  } else if (scene == show::Scene::Detail) {
    float dx = release ? release->end.x - release->start.x : 0, dy = release ? release->end.y - release->start.y : 0;
    if (release && release->was_drag && std::abs(dx) > canvas.px(kSwipeReference) &&
        std::abs(dx) > 1.5f * std::abs(dy)) {
      if (show_.neighbour(dx < 0 ? +1 : -1, now)) detail_scroll_ = {};
    } else {
      if (delta.y != 0 && std::abs(delta.y) >= std::abs(delta.x)) detail_scroll_.drag(delta.y);
      if (release && release->was_drag && std::abs(dy) > std::abs(dx)) detail_scroll_.release(release->velocity_y);
    }
  }
}

std::string KioskScreen::clock_text() const {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", wall_.hour, wall_.minute);
  return buf;
}

void KioskScreen::draw_attract(ImDrawList* list, const Canvas& canvas, double now) {
  auto& attract = show_.attract();
  if (!attract.has_slide()) {
    attract_view_->draw_title(list, canvas, text::pick(content_.info().title, options_.show.language),
                              options_.show.language);
    return;
  }
  AttractFrame frame;
  frame.current = slide_for(attract.current());
  if (const auto* previous = attract.previous(now)) frame.previous = slide_for(*previous);
  frame.time_in_slide = attract.time_in_slide(now);
  frame.transition = attract.transition_progress(now);
  frame.slide_transition = attract.current().transition == "slide";
  frame.position = attract.position();
  frame.count = attract.size();
  frame.lang = attract_language();
  frame.show_touch_cue = show_.interactive();
  // Slow motion runs at a reduced rate: quantise its clock so that frames between ticks are identical.
  double rate = options_.slow_motion_fps;
  frame.pulse = rate > 0 ? std::floor(now * rate) / rate : 0;
  frame.slow_time = rate > 0 ? std::floor(frame.time_in_slide * rate) / rate : 0;
  frame.chrome_shift = burn_in_shift(wall_.hour * 60 + wall_.minute, canvas.scale);
  attract_view_->draw(list, canvas, frame);
}

void KioskScreen::draw(ImDrawList* list, const Canvas& canvas, double now) {
  last_canvas_ = canvas;
  gestures_.set_slop(canvas.px(kTapSlopReference));
  handle_gestures(now, canvas);
  std::optional<PendingTap> tap;
  if (!taps_.empty()) {
    tap = taps_.front();
    taps_.pop_front();
  }
  input_changed_ = false;

  // The scrollers belong to the scene they were scrolled in.
  std::string where = show::scene_log_name(show_.browsing_scene(), show_.category(), show_.item());
  if (where != scrolled_for_) {
    category_scroll_ = {};
    detail_scroll_ = {};
    scrolled_for_ = where;
  }

  TouchFrame touch;
  touch.down = gestures_.down();
  touch.position = ImVec2(gestures_.position().x, gestures_.position().y);
  touch.press_position = ImVec2(gestures_.press_position().x, gestures_.press_position().y);
  touch.dragging = gestures_.dragging();
  bool counting_down = show_.scene() == show::Scene::Countdown;
  if (tap && !tap->swallow && !counting_down) touch.tap = ImVec2(tap->where.x, tap->where.y);

  // The operator's gesture: a still press in the top-left corner, held for 3 seconds.
  if (operator_hold_possible() && now - press_time_ >= kOperatorHoldSeconds) {
    operator_ = OperatorStage::Keypad;
    pin_.clear();
    pin_message_.clear();
    swallow_tap_ = true;
    operator_log_.push_back("operator-pin");
  }
  if (operator_ != OperatorStage::Hidden && show_.scene() == show::Scene::Attract) operator_ = OperatorStage::Hidden;
  // Under the operator's screens the visitor's views see no finger at all.
  TouchFrame visitor = operator_ != OperatorStage::Hidden ? TouchFrame{} : touch;
  Widgets widgets(list, canvas, fonts_, visitor);
  Widgets operator_widgets(list, canvas, fonts_, touch);
  ViewContext ctx{widgets, images_, content_, strings_, show_.language(), show_.large_text(), now};
  Action action;
  float height = 0;
  switch (show_.browsing_scene()) {
    case show::Scene::Attract: draw_attract(list, canvas, now); break;
    case show::Scene::Closed: draw_closed(ctx, clock_text(), options_.show.open_from, options_.show.open_to); break;
    case show::Scene::Home:
      list->AddRectFilled(ImVec2(0, 0), ImVec2(canvas.width, canvas.height), colour::bg);
      action = draw_home(ctx);
      break;
    case show::Scene::Category:
      list->AddRectFilled(ImVec2(0, 0), ImVec2(canvas.width, canvas.height), colour::bg);
      action = draw_category(ctx, show_.category(), category_scroll_.offset(), height);
      category_scroll_.set_extent(height, canvas.height - canvas.px(400));
      break;
    case show::Scene::Detail: {
      list->AddRectFilled(ImVec2(0, 0), ImVec2(canvas.width, canvas.height), colour::bg);
      auto it = show_.catalogue().items.find(show_.category());
      int count = it == show_.catalogue().items.end() ? 1 : static_cast<int>(it->second.size());
      action = draw_detail(ctx, show_.item(), show_.item_position(), count, detail_scroll_.offset(), height);
      detail_scroll_.set_extent(height, canvas.height - canvas.px(400));
      break;
    }
    case show::Scene::Countdown: break;
  }
  if (counting_down) draw_countdown(ctx, show_.countdown_remaining(now));
  if (operator_ != OperatorStage::Hidden) {
    action = {};  // the panel covers the screen: nothing under it reacts
    draw_operator(ViewContext{operator_widgets, images_, content_, strings_, show_.language(), false, now});
  }
  apply(action, now);
  if (action.kind != Action::None) input_changed_ = true;  // draw the new scene at once
  if (!taps_.empty()) input_changed_ = true;               // one tap a frame; the next frame takes the next
}

double KioskScreen::next_frame_time(double now) const {
  if (operator_hold_possible()) return std::min(now + kFrameInterval, press_time_ + kOperatorHoldSeconds);
  if (input_changed_ || gestures_.dragging() || category_scroll_.moving() || detail_scroll_.moving() ||
      images_.loading())
    return now + kFrameInterval;
  double next = show_.next_deadline(now);
  if (show_.scene() != show::Scene::Attract) return next;
  const auto& attract = show_.attract();
  if (!attract.has_slide()) return next;
  if (attract.transition_progress(now) < 1 || attract.time_in_slide(now) < kCountUpSeconds + kFrameInterval)
    return now + kFrameInterval;
  if (show_.interactive() && options_.slow_motion_fps > 0)
    next = std::min(next, (std::floor(now * options_.slow_motion_fps) + 1) / options_.slow_motion_fps);
  return next;
}

bool KioskScreen::operator_hold_possible() const {
  float corner = last_canvas_.px(kOperatorCornerReference);
  auto p = gestures_.press_position();
  return operator_ == OperatorStage::Hidden && gestures_.down() && !gestures_.dragging() && p.x < corner &&
         p.y < corner && show_.interactive();
}

std::vector<std::string> KioskScreen::take_scene_log() {
  auto log = show_.take_scene_log();
  for (auto& entry : std::exchange(operator_log_, {})) log.push_back(std::move(entry));
  return log;
}

void KioskScreen::show_operator(bool panel) {
  operator_ = panel ? OperatorStage::Panel : OperatorStage::Keypad;
  operator_log_.push_back(panel ? "operator" : "operator-pin");
}

void KioskScreen::draw_operator(const ViewContext& ctx) {
  if (operator_ == OperatorStage::Keypad) {
    auto tap = draw_keypad(ctx, pin_.size(), pin_message_);
    if (tap.kind == OperatorTap::Digit && pin_.size() < 12) pin_ += static_cast<char>('0' + tap.value);
    if (tap.kind == OperatorTap::Clear) pin_.clear();
    if (tap.kind == OperatorTap::Cancel) operator_ = OperatorStage::Hidden;
    if (tap.kind == OperatorTap::Ok) {
      auto verdict = check_pin_ ? check_pin_(pin_) : show::PinVerdict{};
      if (verdict.ok) {
        operator_ = OperatorStage::Panel;
        touched_cells_.assign(kTouchGridColumns * kTouchGridRows, false);
        operator_log_.push_back("operator");
      } else {
        pin_message_ = verdict.locked_for_s > 0
                           ? fill(ctx.ui("pin_locked"), "{n}", std::to_string(verdict.locked_for_s))
                           : ctx.ui("pin_wrong");
      }
      pin_.clear();
    }
    if (tap.kind != OperatorTap::None) input_changed_ = true;
    return;
  }
  OperatorInfo info = operator_info_ ? operator_info_() : OperatorInfo{};
  if (touched_cells_.empty()) touched_cells_.assign(kTouchGridColumns * kTouchGridRows, false);
  auto tap = draw_operator_panel(ctx, info, touched_cells_);
  switch (tap.kind) {
    case OperatorTap::TouchCell: touched_cells_[static_cast<size_t>(tap.value)] = true; break;
    case OperatorTap::Close: operator_ = OperatorStage::Hidden; break;
    case OperatorTap::Reload:
    case OperatorTap::Rollback:
    case OperatorTap::Maintenance: operator_command_ = tap.kind; break;
    default: break;
  }
  if (tap.kind != OperatorTap::None) input_changed_ = true;
}

bool KioskScreen::go_to(const std::string& scene, double now, const show::CivilTime& wall) {
  show_.tick(now, wall);
  if (scene == "attract") return true;
  if (scene == "operator" || scene == "operator-pin") {
    show_.touch(now);
    show_operator(scene == "operator");
    return true;
  }
  if (scene == "home" || scene == "countdown") {
    show_.touch(now);
    return true;
  }
  auto colon = scene.find(':');
  if (colon == std::string::npos) return false;
  std::string kind = scene.substr(0, colon), id = scene.substr(colon + 1);
  show_.touch(now);
  if (kind == "category" && show_.catalogue().items.count(id)) {
    show_.open_category(id, now);
    return true;
  }
  if (kind == "detail" && content_.item(id)) {
    show_.open_item(id, now);
    return true;
  }
  return false;
}

}  // namespace kiosk::ui
