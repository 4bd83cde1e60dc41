// Each item's body is its own: the builder refuses a body that two items share and one
// that is the item's quote again, naming the file and line of the body.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "bundle_fixture.h"
#include "kiosk/authoring/body_check.h"
#include "kiosk/authoring/builder.h"
#include "kiosk/authoring/sources.h"

using namespace kiosk::authoring;
namespace fs = std::filesystem;

namespace {

const fs::path kTiny = fs::path(KIOSK_SOURCE_DIR) / "tests/data/tiny";
const fs::path kContent = fs::path(KIOSK_SOURCE_DIR) / "db/content";

// The tiny sources with `text` appended to items/culture.toml; the problems check_bodies finds.
std::string body_problems(const std::string& text) {
  ScratchDir scratch;
  fs::path dir = scratch.path / "src";
  fs::copy(kTiny, dir, fs::copy_options::recursive);
  std::ofstream(dir / "items/culture.toml", std::ios::app) << text;
  auto read = read_sources(dir);
  std::string out;
  for (const auto& d : read.problems) out += "read: " + d.to_string() + "\n";
  for (const auto& d : check_bodies(read.sources)) out += d.to_string() + "\n";
  return out;
}

bool has(const std::string& all, const std::string& line) {
  return all.find(line) != std::string::npos;
}

}  // namespace

TEST_CASE("body check: the tiny sources and the shipped content give every item a body of its own") {
  CHECK(body_problems("").empty());
  auto shipped = read_sources(kContent);
  REQUIRE(shipped.problems.empty());
  for (const auto& d : check_bodies(shipped.sources)) FAIL_CHECK(d.to_string());
}

TEST_CASE("body check: a body another item has too is refused, naming both places") {
  // The haitang item's body (items/culture.toml:8), given to a second item.
  auto problems = body_problems(R"(
[[item]]
id = "festival-again"
kind = "story"
title_zh = "五大道海棠花节"
title_en = "Wudadao Crabapple Blossom Festival"
summary_zh = "累计接待市民游客1660余万人次"
summary_en = "Over 16.6 million visits"
body_zh = "全域联动打造“五大道海棠花节”2.0版本，累计接待市民游客1660余万人次，文商旅综合收入32.7亿元。"
body_en = "The festival again."
quote = "全域联动打造“五大道海棠花节”2.0版本"
section_zh = "一、2024年工作回顾"
section_en = "I. Review of work in 2024"
)");
  CHECK_MESSAGE(has(problems,
                    "items/culture.toml:39: item 'festival-again' body_zh: is the body of item "
                    "'haitang-visitors' too (items/culture.toml:8)"),
                problems);
}

TEST_CASE("body check: a body that is the quote again, its full stop aside, is refused with its line") {
  auto problems = body_problems(R"(
[[item]]
id = "quote-again"
kind = "story"
title_zh = "五大道海棠花节"
title_en = "Wudadao Crabapple Blossom Festival"
summary_zh = "获评全国城市文旅品牌创新十佳案例"
summary_en = "Named one of the ten best cases of city culture and tourism brand innovation"
body_zh = "获评全国城市文旅品牌创新十佳案例。"
body_en = "The festival was named one of the ten best cases of city culture and tourism brand innovation."
quote = "获评全国城市文旅品牌创新十佳案例"
section_zh = "一、2024年工作回顾"
section_en = "I. Review of work in 2024"
)");
  CHECK_MESSAGE(has(problems, "items/culture.toml:39: item 'quote-again' body_zh: is the item's quote again"),
                problems);
  // A body left out is the summary: the same mistake when the summary is the quote.
  auto omitted = body_problems(R"(
[[item]]
id = "no-body"
kind = "story"
title_zh = "五大道海棠花节"
title_en = "Wudadao Crabapple Blossom Festival"
summary_zh = "获评全国城市文旅品牌创新十佳案例"
summary_en = "Named one of the ten best cases of city culture and tourism brand innovation"
quote = "获评全国城市文旅品牌创新十佳案例"
section_zh = "一、2024年工作回顾"
section_en = "I. Review of work in 2024"
)");
  CHECK_MESSAGE(has(omitted, "item 'no-body' body_zh: is the item's quote again"), omitted);
}

TEST_CASE("body check: kioskctl build refuses the sources and writes nothing") {
  ScratchDir scratch;
  fs::path dir = scratch.path / "src";
  fs::copy(kTiny, dir, fs::copy_options::recursive);
  std::ofstream(dir / "items/culture.toml", std::ios::app) << R"(
[[item]]
id = "quote-again"
kind = "story"
title_zh = "五大道海棠花节"
title_en = "Wudadao Crabapple Blossom Festival"
summary_zh = "获评全国城市文旅品牌创新十佳案例"
summary_en = "Named one of the ten best cases of city culture and tourism brand innovation"
quote = "获评全国城市文旅品牌创新十佳案例"
section_zh = "一、2024年工作回顾"
section_en = "I. Review of work in 2024"
)";
  fs::path out = scratch.path / "out.bundle";
  auto result = build_bundle(dir, out);
  REQUIRE(result.problems.size() == 1);
  CHECK(result.problems[0].message.find("is the item's quote again") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
}
