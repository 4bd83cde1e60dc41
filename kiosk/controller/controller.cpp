#include "kiosk/controller/controller.h"

#include <algorithm>
#include <cmath>

#include "kiosk/controller/prefetch.h"

namespace kiosk::controller {
namespace {

constexpr double kFrameInterval = 1.0 / 60;
constexpr float kTapSlopReference = 16;          // px at the reference canvas: about 10 mm on a 55" panel
constexpr float kSwipeReference = 120;           // a horizontal drag this long turns the page
constexpr float kOperatorCornerReference = 140;  // the hidden corner that opens the operator keypad
constexpr double kOperatorHoldSeconds = 3;

bool is_operator_action(const Action& action) {
  return std::holds_alternative<KeypadDigit>(action) || std::holds_alternative<KeypadClear>(action) ||
         std::holds_alternative<KeypadOk>(action) || std::holds_alternative<KeypadCancel>(action) ||
         std::holds_alternative<TouchCell>(action) || std::holds_alternative<RunCommand>(action) ||
         std::holds_alternative<CloseOperator>(action);
}

}  // namespace

bool attract_shows_picture(const content::Item& item) {
  if (item.image_id.empty()) return false;
  return item.kind == content::ItemKind::Landmark || !item.figure;
}

bool detail_shows_picture(const content::Item& item) {
  return !item.figure && !item.image_id.empty();
}

bool card_shows_picture(const content::ItemSummary& item) {
  return !item.image_id.empty();
}

Controller::Controller(ControllerOptions options, ContentCache& content, const show::Clock& clock)
    : options_(std::move(options)),
      content_(content),
      clock_(clock),
      show_(options_.show, content.catalogue(), content.bundle().playlist()) {}

void Controller::pointer_press(Point p) {
  double t = clock_.now();
  // A touch that wakes the screen or dismisses the countdown does only that: its tap must
  // not fall through to whatever the new scene shows under the finger.
  auto scene = show_.scene();
  swallow_tap_ = scene == show::Scene::Attract || scene == show::Scene::Closed || scene == show::Scene::Countdown;
  press_time_ = t;
  gestures_.press({p.x, p.y}, t);
  input_changed_ = true;
}

void Controller::pointer_move(Point p) {
  gestures_.move({p.x, p.y}, clock_.now());
  if (gestures_.down()) input_changed_ = true;
}

void Controller::pointer_release(Point p) {
  gestures_.release({p.x, p.y}, clock_.now());
  // Taps queue up: a quick series (a PIN on the keypad) may all arrive between two frames.
  if (auto tap = gestures_.take_tap()) taps_.push_back({*tap, swallow_tap_});
  input_changed_ = true;
}

const content::Item* Controller::slide_item(const std::string& id) {
  return content_.item(id);
}

void Controller::update(const show::CivilTime& wall) {
  double now = clock_.now();
  wall_ = wall;
  double dt = std::clamp(now - last_update_, 0.0, 0.1);
  last_update_ = now;
  show_.tick(now, wall);
  category_scroll_.step(dt);
  detail_scroll_.step(dt);
  bool detail = show_.browsing_scene() == show::Scene::Detail;
  if (detail && show_.item() != last_opened_) plays_.opened.push_back(show_.item());
  last_opened_ = detail ? show_.item() : "";
  auto& attract = show_.attract();
  bool resting = show_.scene() == show::Scene::Attract || show_.scene() == show::Scene::Closed;
  if (resting && !was_resting_) {
    // The loop a visitor left starts again from its first pass, in the default language,
    // as the show's language was reset; without this its restart at the first slide
    // counted as one more pass and played the loop in English.
    passes_ = 0;
    last_position_ = 0;
  }
  was_resting_ = resting;
  if (show_.scene() == show::Scene::Attract && attract.has_slide()) {
    if (attract.position() < last_position_) ++passes_;
    // Each start of a slide counts once (a one-slide playlist repeats the same position).
    double started = attract.started_at();
    if (started != last_slide_start_) plays_.shown.push_back(attract.current().item_id);
    last_slide_start_ = started;
    last_position_ = attract.position();
  }
  // One language state: while the loop plays, the show's language is the one it shows,
  // so the touch that wakes the screens opens them in it. A visitor who steps up while
  // the loop speaks English is most likely one who reads English (the loop alternates,
  // and each language has its pass); opening in Chinese then would turn away the very
  // visitor the English pass invited, while a Chinese reader is one tap from 中文 on
  // every screen's top bar.
  if (resting) show_.set_resting_language(attract_language());
  prefetch_ = pictures_ahead();
  prefetch_use_ = show_.scene() == show::Scene::Attract ? PictureUse::FullScreen : PictureUse::Card;
}

std::vector<std::string> Controller::pictures_ahead() {
  std::vector<std::string> ids;
  auto scene = show_.scene();
  if (scene == show::Scene::Home && gestures_.down() && !gestures_.dragging()) {
    // A finger on a category's tile: its first pictures load while the finger is down.
    Point at{gestures_.press_position().x, gestures_.press_position().y};
    for (auto it = hits_.rbegin(); it != hits_.rend(); ++it) {
      if (!it->rect.contains(at)) continue;
      if (const auto* open = std::get_if<OpenCategory>(&it->action))
        ids = category_pictures(content_.summaries(open->id), options_.prefetch_pictures);
      break;
    }
    return ids;
  }
  if (scene == show::Scene::Category)
    return category_pictures(content_.summaries(show_.category()), options_.prefetch_pictures);
  if (scene != show::Scene::Attract || !show_.attract().has_slide()) return ids;
  // The next slide's picture loads while this one shows; a figure slide's picture is not
  // drawn, and loading it anyway held a 15 MB texture (llvmpipe) for nothing.
  const auto& playlist = content_.bundle().playlist();
  if (playlist.empty()) return ids;
  if (const auto* next = slide_item(playlist[(show_.attract().position() + 1) % playlist.size()].item_id))
    if (attract_shows_picture(*next)) ids.push_back(next->image_id);
  return ids;
}

text::Lang Controller::attract_language() const {
  text::Lang first = options_.show.language;
  if (!options_.alternate_languages || passes_ % 2 == 0) return first;
  return first == text::Lang::Zh ? text::Lang::En : text::Lang::Zh;
}

void Controller::apply(const Action& action, double now) {
  // The operator's screens cover the visitor's: only their controls act while shown.
  if (operator_.shown() || is_operator_action(action)) {
    if (operator_.shown()) operator_.apply(action);
    return;
  }
  std::visit(
      [&](const auto& a) {
        using A = std::decay_t<decltype(a)>;
        if constexpr (std::is_same_v<A, OpenCategory>) show_.open_category(a.id, now);
        if constexpr (std::is_same_v<A, OpenItem>) show_.open_item(a.id, now);
        if constexpr (std::is_same_v<A, Back>) show_.back(now);
        if constexpr (std::is_same_v<A, Home>) show_.home(now);
        if constexpr (std::is_same_v<A, SetLanguage>) show_.set_language(a.lang, now);
        if constexpr (std::is_same_v<A, SetLargeText>) show_.set_large_text(a.on, now);
        if constexpr (std::is_same_v<A, Neighbour>) show_.neighbour(a.step, now);
        if constexpr (std::is_same_v<A, OpenReport>) {
          if (content_.report_sections().empty()) return;
          show_.open_report(now);
          report_.reset(content_.report_sections().size());
        }
        if constexpr (std::is_same_v<A, OpenMap>) {
          if (content_.district_map()) show_.open_map(now);
        }
        if constexpr (std::is_same_v<A, ReportSection>) {
          show_.touch(now);
          if (show_.browsing_scene() == show::Scene::Report) report_.jump(a.index);
        }
        if constexpr (std::is_same_v<A, TurnPage>) {
          show_.touch(now);
          if (show_.browsing_scene() == show::Scene::Report) report_.turn(a.step);
        }
      },
      action);
}

void Controller::handle_gestures(double now) {
  auto delta = gestures_.take_drag_delta();
  auto release = gestures_.take_release();
  if (!show_.interactive()) return;
  if (gestures_.down() || release) show_.touch(now);  // any touch keeps the visitor's session alive
  auto scene = show_.browsing_scene();
  if (scene == show::Scene::Category) {
    if (delta.y != 0) category_scroll_.drag(delta.y);
    // A list held past its end is let go however the finger left it, or it would stay there.
    if (release && (release->was_drag || category_scroll_.dragging()))
      category_scroll_.release(release->was_drag ? release->velocity_y : 0);
  } else if (scene == show::Scene::Report) {
    // A sideways swipe turns the page as the buttons do: to the left the next page.
    float dx = release ? release->end.x - release->start.x : 0, dy = release ? release->end.y - release->start.y : 0;
    if (release && release->was_drag && std::abs(dx) > viewport_.px(kSwipeReference) &&
        std::abs(dx) > 1.5f * std::abs(dy))
      report_.turn(dx < 0 ? +1 : -1);
  } else if (scene == show::Scene::Detail) {
    float dx = release ? release->end.x - release->start.x : 0, dy = release ? release->end.y - release->start.y : 0;
    if (release && release->was_drag && std::abs(dx) > viewport_.px(kSwipeReference) &&
        std::abs(dx) > 1.5f * std::abs(dy)) {
      if (show_.neighbour(dx < 0 ? +1 : -1, now)) detail_scroll_ = {};
    } else {
      if (delta.y != 0 && std::abs(delta.y) >= std::abs(delta.x)) detail_scroll_.drag(delta.y);
      if (release && (release->was_drag || detail_scroll_.dragging()))
        detail_scroll_.release(release->was_drag && std::abs(dy) > std::abs(dx) ? release->velocity_y : 0);
    }
  }
}

// The scrollers belong to the scene they were scrolled in. Back from an item returns to its
// category's list where the visitor left it (they came back to pick the next card); any
// other way into a list (its tile, the home screen, another category) starts at the top.
void Controller::scroll_for_scene() {
  auto scene = show_.browsing_scene();
  std::string where = show::scene_log_name(scene, show_.category(), show_.item());
  if (where == scrolled_for_) return;
  bool back_to_list = scene == show::Scene::Category && scrolled_scene_ == show::Scene::Detail &&
                      scrolled_for_category_ == show_.category();
  bool from_list = scene == show::Scene::Detail &&
                   (scrolled_scene_ == show::Scene::Category || scrolled_scene_ == show::Scene::Detail);
  if (!back_to_list && !from_list) category_scroll_ = {};
  detail_scroll_ = {};
  scrolled_for_ = where;
  scrolled_scene_ = scene;
  scrolled_for_category_ = show_.category();
}

std::string Controller::hits_key() const {
  // The controls of a frame belong to its scene and to the operator's stage over it.
  return show::scene_log_name(show_.scene(), show_.category(), show_.item()) + "/" +
         std::to_string(static_cast<int>(operator_.stage()));
}

AttractModel Controller::attract_model(double now) const {
  AttractModel m;
  const auto& attract = show_.attract();
  m.has_slide = attract.has_slide();
  if (!m.has_slide) return m;
  m.current = attract.current().item_id;
  if (const auto* previous = attract.previous(now)) {
    m.previous = previous->item_id;
    m.previous_time_in_slide = attract.previous_time_in_slide(now);
  }
  m.time_in_slide = attract.time_in_slide(now);
  m.transition = attract.transition_progress(now);
  m.slide_transition = attract.current().transition == "slide";
  m.position = attract.position();
  m.count = attract.size();
  m.lang = show_.language();
  // Slow motion runs at a reduced rate: its clock is quantised so that frames between ticks are identical.
  double rate = options_.slow_motion_fps;
  m.pulse = rate > 0 ? std::floor(now * rate) / rate : 0;
  m.slow_time = rate > 0 ? std::floor(m.time_in_slide * rate) / rate : 0;
  return m;
}

FrameModel Controller::begin_frame() {
  double now = clock_.now();
  gestures_.set_slop(viewport_.px(kTapSlopReference));
  handle_gestures(now);
  std::optional<PendingTap> tap;
  if (!taps_.empty()) {
    tap = taps_.front();
    taps_.pop_front();
  }
  input_changed_ = false;

  // The operator's gesture: a still press in the top-left corner, held for 3 seconds.
  if (operator_hold_possible() && now - press_time_ >= kOperatorHoldSeconds) {
    operator_.open_keypad();
    swallow_tap_ = true;
  }
  if (operator_.shown() && show_.scene() == show::Scene::Attract) operator_.hide();

  // A tap acts on the controls the visitor saw, those of the last frame, if it was of
  // this scene; one tap a frame, the next frame takes the next.
  bool counting_down = show_.scene() == show::Scene::Countdown;
  if (hits_for_ == hits_key()) {
    const Hit* hit = nullptr;
    if (tap && !tap->swallow && !counting_down) {
      Point at{tap->where.x, tap->where.y};
      for (auto it = hits_.rbegin(); it != hits_.rend() && !hit; ++it)
        if (it->rect.contains(at)) hit = &*it;
    }
    // A still finger on an on-press control (the touch test) acts at once.
    if (!hit && operator_.shown() && gestures_.down() && !gestures_.dragging()) {
      Point at{gestures_.press_position().x, gestures_.press_position().y};
      for (auto it = hits_.rbegin(); it != hits_.rend() && !hit; ++it)
        if (it->on_press && it->rect.contains(at)) hit = &*it;
    }
    if (hit) {
      Action action = hit->action;
      hits_.clear();
      apply(action, now);
      input_changed_ = true;  // draw what the tap did at once
    }
  }
  if (!taps_.empty()) input_changed_ = true;

  scroll_for_scene();

  FrameModel m;
  m.now = now;
  m.scene = show_.browsing_scene();
  m.counting_down = show_.scene() == show::Scene::Countdown;
  m.countdown_remaining = show_.countdown_remaining(now);
  m.category = show_.category();
  m.item = show_.item();
  m.item_position = show_.item_position();
  auto items = show_.catalogue().items.find(show_.category());
  m.item_count = items == show_.catalogue().items.end() ? 1 : static_cast<int>(items->second.size());
  m.scroll = m.scene == show::Scene::Category ? category_scroll_.offset()
             : m.scene == show::Scene::Detail ? detail_scroll_.offset()
                                              : 0;
  m.report_section = report_.section();
  m.report_page = report_.page();
  m.report_page_count = report_.page_count();
  m.lang = show_.language();
  m.large_text = show_.large_text();
  m.interactive = show_.interactive();
  m.site = options_.site;
  if (m.scene == show::Scene::Map) m.map_focus = show_.map_from_item();
  m.wall = wall_;
  PointerState pointer;
  pointer.down = gestures_.down();
  pointer.dragging = gestures_.dragging();
  pointer.position = {gestures_.position().x, gestures_.position().y};
  pointer.press_position = {gestures_.press_position().x, gestures_.press_position().y};
  // Under the operator's screens the visitor's views see no finger at all.
  m.operator_stage = operator_.stage();
  m.operator_pointer = pointer;
  if (!operator_.shown()) m.pointer = pointer;
  if (m.scene == show::Scene::Attract) m.attract = attract_model(now);
  m.pin_digits = operator_.digits_entered();
  m.pin_message = operator_.message();
  m.touched_cells = operator_.touched_cells();
  return m;
}

void Controller::end_frame(FrameReport report) {
  hits_ = std::move(report.hits);
  hits_for_ = hits_key();
  auto scene = show_.browsing_scene();
  if (scene == show::Scene::Report && report.page_count > 0) report_.set_page_count(report.page_count);
  if (report.viewport_height <= 0) return;
  if (scene == show::Scene::Category) category_scroll_.set_extent(report.content_height, report.viewport_height);
  if (scene == show::Scene::Detail) detail_scroll_.set_extent(report.content_height, report.viewport_height);
}

double Controller::next_frame_time(bool images_loading) const {
  double now = clock_.now();
  if (operator_hold_possible()) return std::min(now + kFrameInterval, press_time_ + kOperatorHoldSeconds);
  if (input_changed_ || gestures_.dragging() || category_scroll_.moving() || detail_scroll_.moving() || images_loading)
    return now + kFrameInterval;
  double next = show_.next_deadline(now);
  if (show_.scene() != show::Scene::Attract) return next;
  const auto& attract = show_.attract();
  if (!attract.has_slide()) return next;
  if (attract.transition_progress(now) < 1 || attract.time_in_slide(now) < kFigureRevealSeconds + kFrameInterval)
    return now + kFrameInterval;
  if (show_.interactive() && options_.slow_motion_fps > 0)
    next = std::min(next, (std::floor(now * options_.slow_motion_fps) + 1) / options_.slow_motion_fps);
  return next;
}

bool Controller::operator_hold_possible() const {
  float corner = viewport_.px(kOperatorCornerReference);
  auto p = gestures_.press_position();
  return !operator_.shown() && gestures_.down() && !gestures_.dragging() && p.x < corner && p.y < corner &&
         show_.interactive();
}

std::vector<std::string> Controller::take_scene_log() {
  auto log = show_.take_scene_log();
  for (auto& entry : operator_.take_log()) log.push_back(std::move(entry));
  return log;
}

bool Controller::go_to(const SceneTarget& target, const show::CivilTime& wall) {
  double now = clock_.now();
  wall_ = wall;
  show_.tick(now, wall);
  switch (target.kind) {
    case SceneTarget::Attract: return true;
    case SceneTarget::Home:
    case SceneTarget::Countdown: show_.touch(now); return true;
    case SceneTarget::OperatorKeypad:
      show_.touch(now);
      operator_.open_keypad();
      return true;
    case SceneTarget::OperatorPanel:
      show_.touch(now);
      operator_.open_panel();
      return true;
    case SceneTarget::Category:
      show_.touch(now);
      if (!show_.catalogue().items.count(target.id)) return false;
      show_.open_category(target.id, now);
      return true;
    case SceneTarget::Detail:
      show_.touch(now);
      if (!content_.item(target.id)) return false;
      show_.open_item(target.id, now);
      return true;
    case SceneTarget::Report: {
      show_.touch(now);
      const auto& sections = content_.report_sections();
      if (sections.empty() || target.section >= sections.size()) return false;
      show_.open_report(now);
      report_.reset(sections.size());
      report_.jump(target.section);
      return true;
    }
    case SceneTarget::Map:
      show_.touch(now);
      if (!content_.district_map()) return false;
      if (!target.id.empty()) {
        const auto* item = content_.item(target.id);
        if (!item || item->kind != content::ItemKind::Landmark) return false;
        show_.open_item(target.id, now);
      }
      show_.open_map(now);
      return true;
  }
  return false;
}

}  // namespace kiosk::controller
