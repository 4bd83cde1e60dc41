// The veil under a landmark slide's words (issue #16, 5) is one lower third across the
// width. The first-time visitor review saw a smudge of dusk on 泰安道5号, the Garden
// Building and Jinwan Plaza where a veil as wide as the words, fading to the right, overlapped
// a band along the foot: at one height the picture was darkened more in some places than
// in others. Here, at every height the veil reaches below the screen's middle, it darkens
// every x alike.

#include <doctest/doctest.h>
#include <imgui.h>

#include <filesystem>
#include <map>
#include <string>

#include "kiosk/ui/theme.h"
#include "screen_harness.h"
#include "skip.h"

using namespace kiosk;

namespace {

// The veil's vertices (the ground colour, untextured) by height: the least and the most
// opacity drawn there, summed over overlapping veils is what the eye sees, so the test
// takes the sum of alphas at each (x, y) first.
std::map<float, std::pair<unsigned, unsigned>> veil_by_height(const ImDrawData& data, float from_y) {
  std::map<std::pair<float, float>, unsigned> at;
  const uint32_t rgb = ui::colour::bg & 0x00FFFFFF;
  for (int l = 0; l < data.CmdListsCount; ++l)
    for (const auto& v : data.CmdLists[l]->VtxBuffer)
      if ((v.col & 0x00FFFFFF) == rgb && v.pos.y >= from_y) at[{v.pos.x, v.pos.y}] += v.col >> 24;
  std::map<float, std::pair<unsigned, unsigned>> rows;
  for (const auto& [pos, alpha] : at) {
    auto [row, fresh] = rows.emplace(pos.second, std::pair{alpha, alpha});
    if (!fresh) row->second = {std::min(row->second.first, alpha), std::max(row->second.second, alpha)};
  }
  return rows;
}

}  // namespace

TEST_CASE("attract veil: a landmark slide's veil darkens the picture evenly across the width at each height") {
  std::filesystem::path path = KIOSK_REPORT_BUNDLE;
  if (!std::filesystem::exists(path)) KIOSK_SKIP("no report bundle at " + path.string());
  for (bool portrait : {false, true}) {
    auto canvas = portrait ? ui::Canvas::for_size(1080, 1920) : ui::Canvas::for_size(1920, 1080);
    testing::ScreenHarness h(path, canvas);
    const auto playlist = h.bundle().playlist();
    int landmarks = 0;
    for (size_t i = 0; i < playlist.size(); ++i) {
      const auto* item = h.content().item(playlist[i].item_id);
      if (!item || item->kind != content::ItemKind::Landmark) continue;
      ++landmarks;
      h.draw(testing::attract_slide_frame(h, i, text::Lang::Zh));
      auto rows = veil_by_height(h.draw_data(), canvas.height / 2);
      CHECK(rows.size() > 4);  // the veil was seen
      for (const auto& [y, range] : rows)
        CHECK_MESSAGE(range.second - range.first <= 2, playlist[i].item_id << (portrait ? " portrait" : " landscape")
                                                                           << " at y " << y << ": alpha " << range.first
                                                                           << " to " << range.second);
    }
    CHECK(landmarks >= 4);
  }
}
