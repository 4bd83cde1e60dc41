// The veil under words laid over a picture (kiosk/ui/scrim.h): solid where the words stand,
// easing out to nothing, and nothing at all for an empty or faded-out veil.

#include <doctest/doctest.h>
#include <imgui_internal.h>  // ImDrawListSharedData: a draw list without a whole ImGui frame

#include <algorithm>

#include "kiosk/ui/scrim.h"
#include "kiosk/ui/theme.h"

using namespace kiosk::ui;

namespace {

struct Drawn {
  ImDrawListSharedData shared;
  ImDrawList list{&shared};
  Drawn() {
    list._ResetForNewFrame();
    list.PushClipRect(ImVec2(-1e4f, -1e4f), ImVec2(1e4f, 1e4f));
    list.PushTextureID(nullptr);
  }
  unsigned alpha_at(float x, float y) const {  // of the vertex drawn at (x, y), the most if several
    unsigned most = 0;
    for (const auto& v : list.VtxBuffer)
      if (v.pos.x == x && v.pos.y == y) most = std::max(most, v.col >> 24);
    return most;
  }
};

}  // namespace

TEST_CASE("scrim: the fade eases from clear to solid without a step") {
  CHECK(scrim_profile(0) == 0);
  CHECK(scrim_profile(1) == 1);
  CHECK(scrim_profile(-3) == 0);  // beyond its ends it stays clear or solid
  CHECK(scrim_profile(7) == 1);
  float last = 0;
  for (int i = 1; i <= 100; ++i) {
    float p = scrim_profile(static_cast<float>(i) / 100);
    CHECK(p >= last);
    CHECK(p - last < 0.02f);  // no jump anywhere along it
    last = p;
  }
}

TEST_CASE("scrim: solid behind the words, clear where its fades end") {
  Drawn d;
  draw_scrim(&d.list, {ImVec2(0, 500), ImVec2(1920, 1080)}, {0, 300, 0, 0}, colour::bg, 1);
  auto solid = static_cast<unsigned>(kScrimSolid * 255 + 0.5f);
  CHECK(d.alpha_at(0, 500) == solid);
  CHECK(d.alpha_at(1920, 1080) == solid);
  CHECK(d.alpha_at(0, 200) == 0);  // the top of the fade
  // Under a slide fading out, the veil fades with it.
  Drawn half;
  draw_scrim(&half.list, {ImVec2(0, 500), ImVec2(1920, 1080)}, {0, 300, 0, 0}, colour::bg, 0.5f);
  CHECK(half.alpha_at(0, 500) == doctest::Approx(solid / 2.0).epsilon(0.02));
}

TEST_CASE("scrim: an empty or invisible veil draws nothing") {
  Drawn empty, upside_down, invisible;
  draw_scrim(&empty.list, {ImVec2(100, 100), ImVec2(100, 400)}, {10, 10, 10, 10}, colour::bg, 1);
  draw_scrim(&upside_down.list, {ImVec2(100, 400), ImVec2(300, 100)}, {}, colour::bg, 1);
  draw_scrim(&invisible.list, {ImVec2(0, 0), ImVec2(100, 100)}, {10, 10, 10, 10}, colour::bg, 0);
  CHECK(empty.list.VtxBuffer.Size == 0);
  CHECK(upside_down.list.VtxBuffer.Size == 0);
  CHECK(invisible.list.VtxBuffer.Size == 0);
}
