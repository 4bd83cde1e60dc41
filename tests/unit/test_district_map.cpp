// The landmarks' places and the district map: the sources' rules, the projection, the
// bundle's tables, the map scene's navigation and what it places where.

#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "bundle_fixture.h"
#include "kiosk/authoring/map_check.h"
#include "kiosk/authoring/sources.h"
#include "kiosk/config/config.h"
#include "kiosk/content/bundle.h"
#include "kiosk/content/district.h"
#include "kiosk/content/validate.h"
#include "kiosk/controller/map_places.h"
#include "kiosk/controller/scene_target.h"
#include "kiosk/show/show.h"
#include "screen_harness.h"
#include "skip.h"

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

const fs::path kContent = fs::path(KIOSK_SOURCE_DIR) / "db/content";

// A copy of db/content with one text replaced in one file.
struct ContentCopy {
  ScratchDir scratch;
  fs::path dir = scratch.path / "content";
  ContentCopy() { fs::copy(kContent, dir, fs::copy_options::recursive); }
  void edit(const std::string& file, const std::string& from, const std::string& to) const {
    std::ifstream in(dir / file);
    std::stringstream text;
    text << in.rdbuf();
    std::string s = text.str();
    auto at = s.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    s.replace(at, from.size(), to);
    std::ofstream(dir / file, std::ios::trunc) << s;
  }
  std::string problems() const {
    std::string out;
    for (const auto& d : authoring::read_sources(dir).problems) out += d.to_string() + "\n";
    return out;
  }
};

bool has(const std::string& all, const std::string& part) {
  return all.find(part) != std::string::npos;
}

content::DistrictMap frame() {
  return {"m", 39.14, 39.09, 117.17, 117.23, {"示意", "Schematic"}};
}

}  // namespace

TEST_CASE("district: every landmark of the report's sources has an address, coordinates in the district and a source") {
  auto read = authoring::read_sources(kContent);
  REQUIRE(read.problems.empty());
  int landmarks = 0;
  for (const auto& item : read.sources.items) {
    if (item.kind != content::ItemKind::Landmark) continue;
    ++landmarks;
    INFO(item.id);
    REQUIRE(item.landmark);
    CHECK(!item.landmark->address.zh.empty());
    CHECK(!item.landmark->address.en.empty());
    REQUIRE(item.landmark->lat);
    REQUIRE(item.landmark->lon);
    CHECK(content::kHepingBox.contains(*item.landmark->lat, *item.landmark->lon));
    // Honest about what the coordinates are: every source says they are approximate.
    CHECK(has(item.landmark->source.zh, "近似"));
    CHECK(has(item.landmark->source.en, "approximate"));
  }
  CHECK(landmarks >= 10);
  REQUIRE(read.sources.map);
  CHECK(content::map_frame_problem(*read.sources.map) == "");
}

TEST_CASE("district: a landmark's coordinates outside Heping District are refused with file and line") {
  ContentCopy copy;
  copy.edit("items/landmarks.toml", "lat = 39.1290", "lat = 117.2040");
  copy.edit("items/landmarks.toml", "lon = 117.2065", "lon = 117.3065");
  auto problems = copy.problems();
  CHECK(std::regex_search(
      problems,
      std::regex(
          R"(items/landmarks\.toml:\d+: lat: must lie in Heping District, 39\.0900 to 39\.1400 \(degrees north; got 117\.2040\))")));
  CHECK(std::regex_search(
      problems,
      std::regex(
          R"(items/landmarks\.toml:\d+: lon: must lie in Heping District, 117\.1700 to 117\.2300 \(degrees east; got 117\.3065\))")));
}

TEST_CASE("district: a landmark without its source, its coordinates or its table is refused") {
  ContentCopy copy;
  copy.edit("items/landmarks.toml", "lon = 117.2040\n", "");
  copy.edit("items/landmarks.toml", "source_zh = \"地址为公开地名；坐标为项目组据公开地名估计的近似位置，未经测量\"\n",
            "");
  auto problems = copy.problems();
  CHECK(std::regex_search(problems, std::regex(R"(items/landmarks\.toml:\d+: lon: missing)")));
  CHECK(std::regex_search(problems, std::regex(R"(items/landmarks\.toml:\d+: source_zh: missing)")));
  ContentCopy bare;
  bare.edit("items/landmarks.toml",
            "[item.landmark]               # reference data, not the report's words (docs/content.md)\naddress_zh = "
            "\"天津市和平区五大道\"\n",
            "[item.dropped]\naddress_zh = \"天津市和平区五大道\"\n");
  CHECK(has(bare.problems(), "item 'place-wudadao': a landmark needs [item.landmark]"));
}

TEST_CASE("district: an address or source past its length is refused") {
  ContentCopy copy;
  copy.edit("items/landmarks.toml", "address_zh = \"天津市和平区五大道\"",
            "address_zh = \"" + std::string(81 * 3 / 3, 'x') + "\"");
  CHECK(has(copy.problems(), "address_zh: is longer than 80 characters"));
}

TEST_CASE("district: the map's frame must contain the district and be drawn in its shape") {
  ContentCopy copy;
  copy.edit("map.toml", "north = 39.14", "north = 39.12");
  CHECK(has(copy.problems(), "map.toml:10: north: the frame must contain the district"));
  ContentCopy swapped;
  swapped.edit("map.toml", "west = 117.17", "west = 117.25");
  CHECK(has(swapped.problems(), "east must lie right of west"));

  auto read = authoring::read_sources(kContent);
  REQUIRE(read.sources.map);
  content::Image wrong;
  wrong.id = read.sources.map->image_id;
  wrong.width = 1000;
  wrong.height = 1000;
  authoring::Diagnostics out;
  authoring::check_map_picture(read.sources, {wrong}, out);
  REQUIRE(out.size() == 1);
  CHECK(has(out[0].to_string(), "map.toml:9: image: 'heping-district-map' is 1000x1000"));
  content::Image right = wrong;
  right.width = 931;
  out.clear();
  authoring::check_map_picture(read.sources, {right}, out);
  CHECK(out.empty());
}

TEST_CASE("district: the projection puts the frame's corners at the picture's and keeps one scale") {
  auto map = frame();
  auto nw = content::project(map, 39.14, 117.17), se = content::project(map, 39.09, 117.23);
  CHECK(nw.x == doctest::Approx(0));
  CHECK(nw.y == doctest::Approx(0));
  CHECK(se.x == doctest::Approx(1));
  CHECK(se.y == doctest::Approx(1));
  auto middle = content::project(map, 39.115, 117.20);
  CHECK(middle.x == doctest::Approx(0.5));
  CHECK(middle.y == doctest::Approx(0.5));
  // North is up: a place further north is higher on the picture.
  CHECK(content::project(map, 39.13, 117.2).y < content::project(map, 39.10, 117.2).y);
  // 0.06 degrees of longitude at 39.115 N are 0.931 of 0.05 degrees of latitude on the ground.
  CHECK(content::map_frame_aspect(map) == doctest::Approx(0.931).epsilon(0.001));
}

TEST_CASE("district: the map scene places the landmarks with coordinates and the site by their projection") {
  auto map = frame();
  std::vector<content::Item> items(3);
  items[0].id = "a";
  items[0].kind = content::ItemKind::Landmark;
  items[0].landmark = content::Landmark{{"", ""}, 39.115, 117.20, {}};
  items[1].id = "b";
  items[1].kind = content::ItemKind::Landmark;
  items[1].landmark = content::Landmark{};  // no coordinates (a version 2 bundle's): not placed
  items[2].id = "c";
  items[2].kind = content::ItemKind::Figure;
  auto places = controller::map_places(map, items);
  REQUIRE(places.size() == 1);
  CHECK(places[0].item_id == "a");
  CHECK(places[0].at.x == doctest::Approx(0.5));

  CHECK(!controller::site_on_map(map, std::nullopt));
  CHECK(!controller::site_on_map(map, controller::Site{40.0, 117.2}));  // off the map: no marker
  auto site = controller::site_on_map(map, controller::Site{39.14, 117.23});
  REQUIRE(site);
  CHECK(site->x == doctest::Approx(1));
  CHECK(site->y == doctest::Approx(0));

  auto drawn = controller::fit_map({0, 0, 1000, 500}, 0.931f);
  CHECK(drawn.y0 == 0);
  CHECK(drawn.y1 == 500);
  CHECK(drawn.x1 - drawn.x0 == doctest::Approx(465.5));
  CHECK(drawn.x0 == doctest::Approx(267.25));
  auto p = controller::on_screen({0.5, 0.5}, drawn);
  CHECK(p.x == doctest::Approx(500));
  CHECK(p.y == doctest::Approx(250));
}

TEST_CASE("district: the report bundle carries the map and every landmark's source") {
  auto bundle = content::Bundle::open(KIOSK_REPORT_BUNDLE);
  CHECK(bundle.schema_version() == 4);
  auto map = bundle.district_map();
  REQUIRE(map);
  CHECK(bundle.image(map->image_id));
  CHECK(!map->source.zh.empty());
  size_t landmarks = 0;
  for (const auto& item : bundle.items())
    if (item.kind == content::ItemKind::Landmark) {
      ++landmarks;
      INFO(item.id);
      REQUIRE(item.landmark);
      CHECK(!item.landmark->source.en.empty());
    }
  CHECK(controller::map_places(*map, bundle.items()).size() == landmarks);
}

TEST_CASE("district: the map opens from home and from a landmark, and back returns there") {
  show::Catalogue catalogue{{"landmarks"}, {{"landmarks", {"a", "b"}}}};
  show::Show s({}, catalogue, {});
  s.tick(0, {2025, 4, 1, 12, 0});
  s.touch(1);
  s.open_map(2);
  CHECK(s.scene() == show::Scene::Map);
  s.open_item("b", 3);  // a marker on the map
  CHECK(s.scene() == show::Scene::Detail);
  s.back(4);
  CHECK(s.scene() == show::Scene::Map);
  s.back(5);
  CHECK(s.scene() == show::Scene::Home);
  CHECK(s.map_from_item().empty());  // opened from home: no landmark to mark out
  s.open_item("a", 6);
  s.open_map(7);
  CHECK(s.map_from_item() == "a");
  s.back(8);
  CHECK(s.scene() == show::Scene::Detail);
  CHECK(s.item() == "a");
  s.open_map(9);
  s.home(10);
  CHECK(s.scene() == show::Scene::Home);
  s.open_item("a", 11);
  s.back(12);
  CHECK(s.scene() == show::Scene::Home);  // the map's return is forgotten at home
  auto log = s.take_scene_log();
  CHECK(std::count(log.begin(), log.end(), "map") == 4);
  auto target = controller::parse_scene_target("map");
  REQUIRE(target);
  CHECK(target->kind == controller::SceneTarget::Map);
}

TEST_CASE("district: the map opened from a landmark's page marks that landmark out; from home, none") {
  fs::path path = KIOSK_REPORT_BUNDLE;
  if (!fs::exists(path)) KIOSK_SKIP("no report bundle at " + path.string());
  testing::ScreenHarness h(path, ui::Canvas::for_size(1920, 1080));
  auto& c = h.controller();
  REQUIRE(c.go_to({controller::SceneTarget::Home, "", 0}, testing::kMorning));
  REQUIRE(c.go_to({controller::SceneTarget::Map, "", 0}, testing::kMorning));
  auto from_home = h.frame(1);
  CHECK(from_home.model.scene == show::Scene::Map);
  CHECK(from_home.model.map_focus.empty());
  REQUIRE(c.go_to({controller::SceneTarget::Detail, "place-wudadao-park", 0}, testing::kMorning));
  h.frame(2);
  REQUIRE(c.go_to({controller::SceneTarget::Map, "", 0}, testing::kMorning));
  auto from_park = h.frame(3);
  CHECK(from_park.model.map_focus == "place-wudadao-park");
  // The marked marker is drawn last: the topmost control for the park is its marker, and
  // every landmark still has its own.
  size_t park_hits = 0;
  for (const auto& hit : from_park.report.hits)
    if (const auto* open = std::get_if<controller::OpenItem>(&hit.action))
      park_hits += open->id == "place-wudadao-park";
  CHECK(park_hits == 2);  // its marker and its line in the list
  const auto* last = std::get_if<controller::OpenItem>(&from_park.report.hits.back().action);
  CHECK((last && last->id == "place-wudadao-park"));

  // The screenshot's way there, `--scene map:ID`: a landmark's id only.
  auto target = controller::parse_scene_target("map:place-jinwan-plaza");
  REQUIRE(target);
  CHECK(target->kind == controller::SceneTarget::Map);
  REQUIRE(c.go_to(*target, testing::kMorning));
  CHECK(h.frame(4).model.map_focus == "place-jinwan-plaza");
  CHECK_FALSE(c.go_to(*controller::parse_scene_target("map:no-such-item"), testing::kMorning));
  CHECK_FALSE(c.go_to(*controller::parse_scene_target("map:gdp-growth"), testing::kMorning));  // not a landmark
}

TEST_CASE("district: site.lat and site.lon are both or neither, numbers, inside the district") {
  using config::parse;
  auto good = parse("[site]\nlat = 39.118\nlon = 117.201\n", "k.toml");
  CHECK(good.problems.empty());
  REQUIRE(good.config.site_lat);
  CHECK(*good.config.site_lat == doctest::Approx(39.118));
  CHECK(*good.config.site_lon == doctest::Approx(117.201));
  CHECK(!parse("", "k.toml").config.site_lat);

  auto one = parse("[site]\nlat = 39.118\n", "k.toml");
  REQUIRE(one.problems.size() == 1);
  CHECK(one.problems[0].to_string() == "k.toml: site: give both lat and lon, or neither; no 'you are here' on the map");
  CHECK(!one.config.site_lat);

  auto text = parse("[site]\nlat = \"39.118\"\nlon = 117.201\n", "k.toml");
  REQUIRE(text.problems.size() == 2);
  CHECK(text.problems[1].to_string() ==
        "k.toml:2: site.lat: must be a number of degrees north; no 'you are here' on the map");
  CHECK(!text.config.site_lon);

  auto swapped = parse("[site]\nlat = 117.201\nlon = 39.118\n", "k.toml");
  REQUIRE(swapped.problems.size() == 2);
  CHECK(swapped.problems[0].to_string() ==
        "k.toml:2: site.lat: must lie in Heping District, 39.09 to 39.14 degrees north (got 117.2010); no 'you are "
        "here' on the map");
  CHECK(!swapped.config.site_lat);
  // The configuration's range is the content's district box.
  CHECK(config::kSiteSouth == content::kHepingBox.south);
  CHECK(config::kSiteNorth == content::kHepingBox.north);
  CHECK(config::kSiteWest == content::kHepingBox.west);
  CHECK(config::kSiteEast == content::kHepingBox.east);
}

TEST_CASE("district: a version 2 bundle, without the landmarks' sources and the map, still opens and validates") {
  ScratchDir dir;
  auto old = dir.copy_of_tiny("v2.bundle");
  tamper(old,
         "DROP TABLE figure_more; DROP TABLE original; DROP TABLE landmark_reference; DROP TABLE district_map; PRAGMA "
         "user_version = 2");
  auto bundle = content::Bundle::open(old);
  CHECK(bundle.schema_version() == 2);
  CHECK(!bundle.district_map());
  CHECK(bundle.items().size() > 0);
  CHECK(all(content::validate_bundle(old)) == "");
}
