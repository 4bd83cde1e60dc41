// No screen of the report bundle shows a placeholder or a watermark in place of content.
// Headless, over the bundle's model: every picture a layout takes names an image of the
// bundle that decodes. Then a walk of every screen through the real views (the attract
// loop, home, every category with all its cards, every item's detail, the district map, in both
// orientations and languages), with a provider that has every image of the bundle: the
// views note each time the placeholder stands in (ImageProvider::note_placeholder), and
// the report bundle's walk must never take that path. The same walk with one picture
// withheld, as an operator's bundle that lacks it would be, must name it: the placeholder
// stays as that defence, and the check can fail.

#include <doctest/doctest.h>
#include <imgui.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "kiosk/content/bundle.h"
#include "kiosk/content/image_decode.h"
#include "kiosk/controller/content_cache.h"
#include "kiosk/controller/controller.h"
#include "kiosk/controller/scene_target.h"
#include "kiosk/ui/kiosk_screen.h"
#include "screen_harness.h"
#include "skip.h"

namespace {

namespace content = kiosk::content;
namespace controller = kiosk::controller;
using kiosk::testing::kMorning;

// Every image of the bundle is at hand at once (no texture behind it: the views only
// place it), except those the test withholds. It remembers what the views asked for.
class BundlePictures : public kiosk::ui::ImageProvider {
 public:
  BundlePictures(std::set<std::string> ids, std::set<std::string> withheld)
      : ids_(std::move(ids)), withheld_(std::move(withheld)) {}
  std::optional<kiosk::ui::ImageTexture> texture(const std::string& id, ImVec2) override {
    asked.insert(id);
    if (!ids_.count(id) || withheld_.count(id)) return std::nullopt;
    return kiosk::ui::ImageTexture{reinterpret_cast<ImTextureID>(intptr_t{1}), 1600, 1200};
  }
  void prefetch(const std::string&, ImVec2) override {}
  bool loading() const override { return false; }
  std::set<std::string> asked;

 private:
  std::set<std::string> ids_, withheld_;
};

std::filesystem::path report_bundle() {
  return KIOSK_REPORT_BUNDLE;
}

std::set<std::string> image_ids(const content::Bundle& bundle) {
  std::set<std::string> ids;
  for (const auto& item : bundle.items())
    if (!item.image_id.empty() && bundle.image(item.image_id)) ids.insert(item.image_id);
  if (auto map = bundle.district_map(); map && bundle.image(map->image_id)) ids.insert(map->image_id);
  return ids;
}

// One screen walk: every scene a visitor can reach, drawn at one canvas size.
struct Walk {
  BundlePictures pictures;
  kiosk::testing::ScreenHarness h;
  double t = 0;
  std::vector<std::string> placeholders;  // "scene: image id" for each one drawn
  size_t frames = 0;

  Walk(const std::filesystem::path& path, kiosk::ui::Canvas c, std::set<std::string> withheld)
      : pictures(image_ids(content::Bundle::open(path)), std::move(withheld)), h(path, c, {false, &pictures}) {}

  void frame(const std::string& where) {
    auto step = h.frame(t);
    for (const auto& id : step.report.placeholders) placeholders.push_back(where + ": '" + id + "'");
    ++frames;
    t += 0.25;
  }

  void scene(const std::string& name) {
    auto target = controller::parse_scene_target(name);
    REQUIRE(target);
    REQUIRE_MESSAGE(h.controller().go_to(*target, kMorning), name);
    for (int i = 0; i < 3; ++i) frame(name);  // entering, settled, and once more
  }

  void everything() {
    // The attract loop, a frame every quarter second through two passes (both languages).
    double loop = 0;
    for (const auto& e : h.bundle().playlist()) loop += e.dwell_s;
    REQUIRE(h.controller().go_to({controller::SceneTarget::Attract, "", 0}, kMorning));
    for (double end = t + 2 * loop + 1; t < end;) frame("attract");
    scene("home");
    for (const auto& cat : h.bundle().categories()) scene("category:" + cat.id);
    for (const auto& item : h.bundle().items()) scene("detail:" + item.id);
    scene("map");
  }
};

std::string first_few(const std::vector<std::string>& lines) {
  std::string out;
  for (size_t i = 0; i < lines.size() && i < 8; ++i) out += "\n  " + lines[i];
  return out;
}

}  // namespace

TEST_CASE("no placeholders: every picture a report item's layout takes is an image of the bundle that decodes") {
  if (!std::filesystem::exists(report_bundle())) KIOSK_SKIP("no report bundle at " + report_bundle().string());
  auto bundle = content::Bundle::open(report_bundle());
  int slots = 0;
  for (const auto& item : bundle.items()) {
    bool attract = controller::attract_shows_picture(item), detail = controller::detail_shows_picture(item);
    bool card = false;
    for (const auto& s : bundle.item_summaries(item.category_id))
      if (s.id == item.id) card = controller::card_shows_picture(s);
    if (!attract && !detail && !card) {
      // No picture slot at all: a figure (its number is the headline) or a text panel.
      CHECK_MESSAGE(item.image_id.empty(), item.id);
      continue;
    }
    ++slots;
    auto image = bundle.image(item.image_id);
    REQUIRE_MESSAGE(image, item.id << " takes a picture, but '" << item.image_id << "' is no image of the bundle");
    std::string reason;
    CHECK_MESSAGE(content::decode_image(image->bytes, reason), item.id << ": " << reason);
  }
  CHECK(slots >= 30);  // projects, landmarks and the stories with their illustrations (34 in 2026-12)
  // Every project and landmark is drawn with its picture: the attract loop shows them so.
  for (const auto& item : bundle.items())
    if (item.kind == content::ItemKind::Project || item.kind == content::ItemKind::Landmark)
      CHECK_MESSAGE(controller::attract_shows_picture(item), item.id);
}

TEST_CASE("no placeholders: no screen of the report bundle draws the placeholder, in any orientation") {
  if (!std::filesystem::exists(report_bundle())) KIOSK_SKIP("no report bundle at " + report_bundle().string());
  for (auto canvas : {kiosk::ui::Canvas::for_size(1920, 1080), kiosk::ui::Canvas::for_size(1080, 1920),
                      kiosk::ui::Canvas::for_size(1080, 6000)}) {  // tall enough for every card of a category
    Walk walk(report_bundle(), canvas, {});
    walk.everything();
    INFO(canvas.width << "x" << canvas.height << ": " << walk.placeholders.size()
                      << " placeholders drawn:" << first_few(walk.placeholders));
    CHECK(walk.placeholders.empty());
    // The walk did ask for the pictures: all of them on the tall canvas, whose categories
    // show every card.
    CHECK(walk.frames > 300);
    if (canvas.height > 1920) CHECK(walk.pictures.asked == image_ids(walk.h.bundle()));
  }
}

TEST_CASE("no placeholders: a picture the bundle lacks gets the placeholder, and the frame names it") {
  if (!std::filesystem::exists(report_bundle())) KIOSK_SKIP("no report bundle at " + report_bundle().string());
  Walk walk(report_bundle(), kiosk::ui::Canvas::for_size(1920, 1080), {"district-library"});
  walk.scene("detail:district-library");
  REQUIRE(!walk.placeholders.empty());
  for (const auto& p : walk.placeholders) CHECK(p.find("'district-library'") != std::string::npos);
  // A figure's detail takes no picture, so it has none to miss.
  walk.placeholders.clear();
  walk.scene("detail:gdp-growth");
  CHECK(walk.placeholders.empty());
}
