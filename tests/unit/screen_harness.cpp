#include "screen_harness.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "kiosk/ui/operator_view.h"

namespace kiosk::testing {
namespace {

// What the operator panel shows on a kiosk in service: the app's facts (app/operator.cpp)
// with values as long as a real one's, a full history and errors.
ui::OperatorInfo typical_operator_info(content::Bundle& bundle) {
  using content::UiKey;
  ui::OperatorInfo info;
  info.facts = {{UiKey::bundle_version,
                 bundle.info().id + " v" + std::to_string(bundle.info().version) + "  (" +
                     bundle.path().filename().string() + ")",
                 std::nullopt},
                {UiKey::signature_status, "E7620F1842B4E81F, /etc/heping-kiosk/trusted.pub", UiKey::signed_by_key},
                {UiKey::highest_version, "3", std::nullopt},
                {UiKey::inbox_refused, "0", std::nullopt},
                {UiKey::uptime, "3 d 04:12", std::nullopt},
                {UiKey::memory, "88.1 MB", std::nullopt},
                {UiKey::frames, "1234567", std::nullopt}};
  for (int i = 1; i <= 5; ++i)
    info.history.push_back("2026-12-0" + std::to_string(i) + "T09:00:00Z installed v" + std::to_string(i));
  info.errors = {"2026-12-02T09:00:00Z inbox: report.bundle.minisig has no bundle beside it"};
  return info;
}

ui::ScreenOptions options_with(const show::Clock& clock) {
  ui::ScreenOptions o;
  o.clock = &clock;
  return o;
}

}  // namespace

ScreenHarness::ScreenHarness(const std::filesystem::path& bundle, const ui::Canvas& canvas, HarnessOptions options)
    : bundle_(content::Bundle::open(bundle)),
      pictures_(options.pictures ? options.pictures : &no_pictures_),
      canvas_(canvas),
      large_text_(options.large_text),
      options_(options_with(clock_)),
      controller_(options_.controller, content_, clock_),
      screen_(bundle_, content_, options_, *pictures_) {
  controller_.set_viewport(ui::viewport_of(canvas_));
  std::string error;
  REQUIRE_MESSAGE(screen_.build_fonts(atlas_, canvas_, large_text_, error), error);
  screen_.set_operator_info([this] { return typical_operator_info(bundle_); });
  imgui_ = ImGui::CreateContext(&atlas_);
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(canvas_.width, canvas_.height);
  io.DeltaTime = static_cast<float>(1 / options.frames_per_second);
  io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;  // as the GL backend: no 64K-vertex limit
}

ScreenHarness::~ScreenHarness() {
  ImGui::DestroyContext(imgui_);
}

controller::FrameReport ScreenHarness::draw(controller::FrameModel frame) {
  frame.large_text = large_text_;
  frame.wall = kMorning;
  ImGui::SetCurrentContext(imgui_);
  ImGui::NewFrame();
  auto report = screen_.draw(ImGui::GetBackgroundDrawList(), canvas_, frame);
  ImGui::Render();
  return report;
}

ScreenHarness::Step ScreenHarness::frame(double t) {
  clock_.set(t);
  controller_.update(kMorning);
  Step step{controller_.begin_frame(), {}};
  step.model.large_text = large_text_;  // the fonts were baked for the harness's size
  ImGui::SetCurrentContext(imgui_);
  ImGui::NewFrame();
  step.report = screen_.draw(ImGui::GetBackgroundDrawList(), canvas_, step.model);
  controller_.end_frame(step.report);
  ImGui::Render();
  return step;
}

void ScreenHarness::use_context() const {
  ImGui::SetCurrentContext(imgui_);
}

const ImDrawData& ScreenHarness::draw_data() const {
  ImGui::SetCurrentContext(imgui_);
  return *ImGui::GetDrawData();
}

std::string ScreenHarness::role_of(const ImFont* font) const {
  static const char* names[] = {"figure", "figure unit", "title", "heading", "body", "caption", "label"};
  for (size_t i = 0; i < static_cast<size_t>(ui::Role::Count); ++i)
    if (screen_.fonts().get(static_cast<ui::Role>(i)) == font) return names[i];
  return "?";
}

namespace {

// A scrolled scene at every position its content needs: from the top to the end, a
// viewport's half at a time.
void walk_scrolled(ScreenHarness& h, controller::FrameModel frame, const std::string& name,
                   const std::function<void(const std::string&)>& visit) {
  frame.scroll = 0;
  auto report = h.draw(frame);
  visit(name);
  float most = std::max(0.0f, report.content_height - report.viewport_height);
  float step = std::max(1.0f, report.viewport_height * 0.5f);
  for (float s = step; s < most + step; s += step) {
    frame.scroll = std::min(s, most);
    h.draw(frame);
    visit(name + " scrolled " + std::to_string(static_cast<int>(frame.scroll)));
    if (frame.scroll >= most) break;
  }
}

}  // namespace

controller::FrameModel attract_slide_frame(ScreenHarness& h, size_t position, text::Lang lang) {
  const auto playlist = h.bundle().playlist();
  controller::FrameModel f;
  f.lang = lang;
  f.now = 100;
  f.scene = show::Scene::Attract;
  f.attract.has_slide = position < playlist.size();
  if (f.attract.has_slide) f.attract.current = playlist[position].item_id;
  f.attract.time_in_slide = 8;
  f.attract.transition = 1;
  f.attract.position = position;
  f.attract.count = playlist.size();
  f.attract.lang = lang;
  return f;
}

void walk_scenes(ScreenHarness& h, text::Lang lang, const std::function<void(const std::string&)>& visit) {
  using show::Scene;
  controller::FrameModel base;
  base.lang = lang;
  base.now = 100;

  // The attract loop: every slide of the playlist, fully revealed.
  const auto playlist = h.bundle().playlist();
  for (size_t i = 0; i < playlist.size(); ++i) {
    h.draw(attract_slide_frame(h, i, lang));
    visit("attract " + playlist[i].item_id);
  }

  auto home = base;
  home.scene = Scene::Home;
  h.draw(home);
  visit("home");

  for (const auto& cat : h.content().categories()) {
    auto f = base;
    f.scene = Scene::Category;
    f.category = cat.id;
    walk_scrolled(h, f, "category " + cat.id, visit);
    const auto& items = h.content().summaries(cat.id);
    for (size_t i = 0; i < items.size(); ++i) {
      auto d = base;
      d.scene = Scene::Detail;
      d.category = cat.id;
      d.item = items[i].id;
      d.item_position = static_cast<int>(i);
      d.item_count = static_cast<int>(items.size());
      walk_scrolled(h, d, "detail " + items[i].id, visit);
    }
  }

  // The district map, with 'you are here' and, as on a kiosk without a site, without.
  if (h.content().district_map()) {
    auto map = base;
    map.scene = Scene::Map;
    map.site = kWalkSite;
    h.draw(map);
    visit("map");
    map.site.reset();
    h.draw(map);
    visit("map without a site");
    // As each landmark's map button opens it: that landmark marked out, its ring over its
    // neighbours.
    map.site = kWalkSite;
    for (const auto& place : h.content().map_places()) {
      map.map_focus = place.item_id;
      h.draw(map);
      visit("map from " + place.item_id);
    }
  }

  const size_t sections = h.content().report_sections().size();
  for (size_t s = 0; s < sections; ++s) {
    auto f = base;
    f.scene = Scene::Report;
    f.report_section = s;
    int pages = h.draw(f).page_count;
    visit("report section " + std::to_string(s) + " page 1");
    for (int p = 1; p < pages; ++p) {
      f.report_page = p;
      h.draw(f);
      visit("report section " + std::to_string(s) + " page " + std::to_string(p + 1));
    }
  }

  // The operator's screens over home: the keypad with its longest message, then the panel.
  auto keypad = home;
  keypad.operator_stage = controller::OperatorStage::Keypad;
  keypad.pin_digits = 4;
  keypad.pin_message = {controller::PinMessage::Locked, 300};
  h.draw(keypad);
  visit("operator keypad");
  auto panel = home;
  panel.operator_stage = controller::OperatorStage::Panel;
  panel.touched_cells.assign(64, true);
  h.draw(panel);
  visit("operator panel");
}

}  // namespace kiosk::testing
