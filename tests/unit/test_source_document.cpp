// The source document in the sources (bundle.toml's [source] file, sha256 and report
// lines), in the bundle (the source table, the report by sections), and validation's
// re-check of a bundle's content against it.

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "bundle_fixture.h"
#include "kiosk/authoring/fidelity.h"
#include "kiosk/authoring/sources.h"
#include "kiosk/content/bundle.h"
#include "kiosk/content/source_document.h"
#include "kiosk/content/validate.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

const fs::path kTiny = fs::path(KIOSK_SOURCE_DIR) / "tests/data/tiny";
const std::string kReportSha = "383716b6947c31f759fb9f75031a6f7cc7debd63bd62e94588627f1c0d4ce12f";

struct TinyCopy {
  ScratchDir scratch;
  fs::path dir = scratch.path / "src";
  TinyCopy() { fs::copy(kTiny, dir, fs::copy_options::recursive); }
  // bundle.toml with `from` replaced by `to`.
  void edit_bundle_toml(const std::string& from, const std::string& to) const {
    std::ifstream in(dir / "bundle.toml");
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string text = buffer.str();
    auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    std::ofstream(dir / "bundle.toml", std::ios::trunc) << text;
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

}  // namespace

TEST_CASE("source document: the sources name it, and it is read with its report lines") {
  auto read = authoring::read_sources(kTiny);
  REQUIRE(read.problems.empty());
  CHECK(read.sources.document_file == "source/report.txt");
  CHECK(read.sources.document.sha256 == kReportSha);
  CHECK(read.sources.document.first_line == 3);
  CHECK(read.sources.document.last_line == 51);
}

TEST_CASE("source document: a changed document is refused with both checksums") {
  TinyCopy src;
  std::ofstream(src.dir / "source/report.txt", std::ios::app) << "\n一句新加的话。\n";
  auto problems = src.problems();
  CHECK(has(problems, "bundle.toml:20: sha256: source/report.txt has sha256 "));
  CHECK(has(problems, ", but bundle.toml records " + kReportSha));
}

TEST_CASE("source document: a missing document, a bad checksum and bad lines are named") {
  TinyCopy src;
  src.edit_bundle_toml("file = \"source/report.txt\"", "file = \"source/none.txt\"");
  CHECK(has(src.problems(), "bundle.toml:19: file: no such file: source/none.txt (relative to bundle.toml, in "));

  TinyCopy sum;
  sum.edit_bundle_toml(kReportSha, "ABC");
  CHECK(has(sum.problems(), "bundle.toml:20: sha256: must be 64 lowercase hex digits"));

  TinyCopy lines;
  lines.edit_bundle_toml("last_line = 51", "last_line = 90");
  CHECK(has(lines.problems(), "first_line: last_line 90 must be between first_line (3) and the file's last line (58)"));
  TinyCopy empty;
  empty.edit_bundle_toml("first_line = 3", "first_line = 2");
  CHECK(has(empty.problems(), "first_line 2 is an empty line; name the report's first line of text"));

  TinyCopy none;
  none.edit_bundle_toml("first_line = 3\n", "");
  CHECK(has(none.problems(), "first_line: missing"));
}

TEST_CASE("source document: a document that is not UTF-8 is named with its line") {
  TinyCopy src;
  std::ofstream(src.dir / "source/report.txt", std::ios::app) << "\nbad \xFF byte\n";
  CHECK(has(src.problems(), "source/report.txt:59: text is not valid UTF-8"));
}

TEST_CASE("source document: the report splits into its opening, its part, its eight subsections and its closing") {
  using Kind = content::ReportSection::Kind;
  auto read = authoring::read_sources(kTiny);
  auto report = content::report_sections(read.sources.document);
  REQUIRE(report.sections.size() == 11);
  CHECK(report.sha256 == kReportSha);
  CHECK(report.sections[0].title == "");
  CHECK(report.sections[0].kind == Kind::Opening);
  CHECK(report.sections[0].paragraphs.front() == "(天津市)天津市和平区人民政府工作报告(2025年1月8日)");
  CHECK(report.sections[0].paragraphs.back().rfind("现在,我代表和平区人民政府", 0) == 0);
  CHECK(report.sections[1].title == "一、2024年工作回顾");
  CHECK(report.sections[1].kind == Kind::Part);
  CHECK(report.sections[1].paragraphs.size() == 6);
  CHECK(report.sections[2].title == "(一)全力以赴强产业、壮集群,发展基础更加坚实");
  CHECK(report.sections[2].kind == Kind::Subsection);
  CHECK(report.sections[9].title == "(八)笃行实干提效能、强根基,政府作风更加务实");
  // Line 45, the last numbered subsection, ends with its own paragraph.
  REQUIRE(report.sections[9].paragraphs.size() == 1);
  CHECK(report.sections[9].paragraphs.back().find("党风廉政建设持续向纵深发展。") != std::string::npos);
  // Lines 47 to 51 close the part: thanks, what the year taught, what is still lacking.
  CHECK(report.sections[10].kind == Kind::Closing);
  CHECK(report.sections[10].title == "");
  REQUIRE(report.sections[10].paragraphs.size() == 3);
  CHECK(report.sections[10].paragraphs.front().rfind("各位代表!过去一年,全区上下抢抓发展机遇", 0) == 0);
  CHECK(report.sections[10].paragraphs.back().find("绝不辜负党和人民的期待!") != std::string::npos);
  size_t paragraphs = 0;
  for (const auto& s : report.sections) {
    paragraphs += s.paragraphs.size();
    for (const auto& p : s.paragraphs) CHECK_MESSAGE(p.find("导航菜单") == std::string::npos, p);
  }
  // The 25 non-empty report lines but the heading of part one, and the dateline's two lines as one.
  CHECK(paragraphs == 23);
}

TEST_CASE("source document: a subsection's heading is not repeated at the start of its text") {
  auto read = authoring::read_sources(kTiny);
  auto report = content::report_sections(read.sources.document);
  REQUIRE(report.sections.size() == 11);
  const auto& first = report.sections[2];
  REQUIRE(first.paragraphs.size() == 1);
  CHECK(first.paragraphs[0].rfind("深耕细作“3255”现代都市型产业体系", 0) == 0);
  for (const auto& s : report.sections) {
    if (s.kind != content::ReportSection::Kind::Subsection) continue;
    INFO(s.title);
    REQUIRE(!s.paragraphs.empty());
    CHECK(s.paragraphs[0].find(s.title) == std::string::npos);
    // Heading, full stop and text together are the source's line, character for character.
    CHECK(read.sources.document.text.find(s.title + "。" + s.paragraphs[0]) != std::string::npos);
  }
}

TEST_CASE("source document: the opening's title block is the title, the dateline in one piece and the byline") {
  auto read = authoring::read_sources(kTiny);
  auto report = content::report_sections(read.sources.document);
  const auto& opening = report.sections[0];
  REQUIRE(opening.title_block == 4);
  REQUIRE(opening.paragraphs.size() == 6);
  CHECK(opening.paragraphs[1] == "和平区人民政府工作报告");
  CHECK(opening.paragraphs[2] == "——2025年1月8日在和平区第十八届人民代表大会第五次会议上");
  CHECK(opening.paragraphs[3] == "和平区人民政府区长 郑伟铭");
  CHECK(opening.paragraphs[4] == "各位代表:");  // the salutation: the text begins
  // Where the dateline may wrap: where the source broke it.
  CHECK(opening.title_phrases ==
        std::vector<std::string>{"——2025年1月8日在和平区第十八届", "人民代表大会第五次会议上"});
  for (size_t i = 1; i < report.sections.size(); ++i) CHECK(report.sections[i].title_block == 0);
}

TEST_CASE("source document: sections by rule, on documents of other shapes") {
  using Kind = content::ReportSection::Kind;
  auto sections = [](const std::string& text) {
    content::SourceDocument d{text, "", 1, static_cast<int>(content::lines_of(text).size())};
    return content::report_sections(d).sections;
  };
  // Paragraphs between two subsections stay with the first; a part without subsections
  // keeps its paragraphs; each part has its own closing.
  auto two = sections(
      "一、甲\n(一)子一。正文一。\n续一。\n(二)子二。正文二。\n结一。\n二、乙\n乙文。\n三、丙\n(一)子。文。\n结三。");
  REQUIRE(two.size() == 8);
  CHECK(two[0].kind == Kind::Part);
  CHECK(two[1].paragraphs == std::vector<std::string>{"正文一。", "续一。"});
  CHECK(two[2].paragraphs == std::vector<std::string>{"正文二。"});
  CHECK(two[3].kind == Kind::Closing);
  CHECK(two[3].paragraphs == std::vector<std::string>{"结一。"});
  CHECK(two[4].title == "二、乙");
  CHECK(two[4].paragraphs == std::vector<std::string>{"乙文。"});
  CHECK(two[5].title == "三、丙");
  CHECK(two[6].paragraphs == std::vector<std::string>{"文。"});
  CHECK(two[7].kind == Kind::Closing);
  CHECK(two[7].paragraphs == std::vector<std::string>{"结三。"});
  // A subsection that is a heading alone has no text; a dateline no line ends stays as the
  // source broke it.
  auto bare = sections("标题\n——2025年1月8日在\n大会\n各位代表:\n一、甲\n(一)只有标题");
  REQUIRE(bare.size() == 3);
  CHECK(bare[0].title_block == 3);
  CHECK(bare[0].paragraphs == std::vector<std::string>{"标题", "——2025年1月8日在", "大会", "各位代表:"});
  CHECK(bare[0].title_phrases.empty());
  CHECK(bare[2].kind == Kind::Subsection);
  CHECK(bare[2].title == "(一)只有标题");
  CHECK(bare[2].paragraphs.empty());
}

TEST_CASE("source document: the bundle carries it, and the content model gives it by sections") {
  auto bundle = content::Bundle::open(KIOSK_TINY_BUNDLE);
  CHECK(bundle.schema_version() == 4);
  auto document = bundle.source_document();
  REQUIRE(document);
  CHECK(document->sha256 == kReportSha);
  CHECK(document->first_line == 3);
  auto report = bundle.report_source();
  REQUIRE(report);
  CHECK(report->sections.size() == 11);
  CHECK(report->sections[1].title == "一、2024年工作回顾");
}

TEST_CASE("source document: a version 1 bundle still opens, and validation refuses it") {
  ScratchDir dir;
  auto old = dir.copy_of_tiny("old.bundle");
  tamper(old,
         "DROP TABLE figure_more; DROP TABLE original; DROP TABLE source; DROP TABLE landmark_reference; DROP TABLE "
         "district_map; PRAGMA user_version = 1");
  auto bundle = content::Bundle::open(old);
  CHECK(bundle.schema_version() == 1);
  CHECK_FALSE(bundle.report_source().has_value());
  CHECK(bundle.item("gdp-growth").has_value());
  CHECK(all(content::validate_bundle(old)) ==
        old.string() +
            ": schema version 1 carries no source document, so its content cannot be checked against the report; "
            "rebuild it\n");
  // A version 1 bundle with the source table is not a bundle of either version.
  auto mixed = dir.copy_of_tiny("mixed.bundle");
  tamper(mixed,
         "DROP TABLE figure_more; DROP TABLE original; DROP TABLE landmark_reference; DROP TABLE district_map; PRAGMA "
         "user_version = 1");
  CHECK_THROWS_WITH_AS(content::Bundle::open(mixed), doctest::Contains("unexpected schema object: table source"),
                       content::BundleError);
}

TEST_CASE("source document: validation refuses a tampered figure, naming the item") {
  ScratchDir dir;
  auto bundle = dir.copy_of_tiny("figure.bundle");
  tamper(bundle, "UPDATE figure SET display_zh = '6%以上' WHERE item_id = 'gdp-growth'");
  auto problems = all(content::validate_bundle(bundle));
  CHECK(has(problems, bundle.string() + ": figure 'gdp-growth' display_zh: the figure '6%以上' is not inside the "
                                        "item's quote '预计全年地区生产总值增长5%以上、位居全市前列'; nearest in "
                                        "the source: line 21: '"));
  CHECK(has(problems, "figure 'gdp-growth' value: the value 5 is not the number of '6%以上'"));

  auto english = dir.copy_of_tiny("english.bundle");
  tamper(english, "UPDATE figure SET display_en = 'over 1.66 million visits' WHERE item_id = 'haitang-visitors'");
  CHECK(has(all(content::validate_bundle(english)),
            "figure 'haitang-visitors' display_en: the English 'over 1.66 million visits' states 1660000"));
}

TEST_CASE("source document: validation refuses made-up text, web-page text and a changed source") {
  ScratchDir dir;
  auto quote = dir.copy_of_tiny("quote.bundle");
  tamper(quote,
         "UPDATE item SET quote_zh = '税收收入增长22.5%、增速全国第一' WHERE id = 'tax-revenue-growth';"
         "UPDATE category SET title_zh = '导航菜单' WHERE id = 'highlights'");
  auto problems = all(content::validate_bundle(quote));
  CHECK(has(problems,
            "item 'tax-revenue-growth' quote_zh: the quote '税收收入增长22.5%、增速全国第一' is not in "
            "the report; nearest in the source: line 21: '"));
  CHECK(has(problems, "category 'highlights' title_zh: carries the web page's text '导航菜单' (source line 1)"));

  auto source = dir.copy_of_tiny("source.bundle");
  tamper(source, "UPDATE source SET text = replace(text, '5%以上', '6%以上')");
  problems = all(content::validate_bundle(source));
  CHECK(has(problems, "source document: its text has sha256 "));
  CHECK(has(problems, "not the " + kReportSha + " recorded with it (changed after the build)"));

  auto lines = dir.copy_of_tiny("lines.bundle");
  tamper(lines, "UPDATE source SET last_line = 5000");
  CHECK(has(all(content::validate_bundle(lines)), "source document: last_line 5000 must be between"));

  auto two = dir.copy_of_tiny("two.bundle");
  tamper(two, "INSERT INTO source SELECT * FROM source");
  CHECK(has(all(content::validate_bundle(two)), "more than one source document"));
}

TEST_CASE("source document: a document beyond the size validation allows is refused") {
  TinyCopy src;
  std::ofstream(src.dir / "source/report.txt", std::ios::app) << std::string(4 * 1024 * 1024, 'x');
  CHECK(has(src.problems(), "bundle.toml:19: file: source/report.txt is larger than 4194304 bytes"));
}

TEST_CASE("source document: the build refuses web-page text in any text, named by file and line") {
  TinyCopy src;
  std::ifstream before(src.dir / "ui.toml");
  auto line = std::to_string(std::count(std::istreambuf_iterator<char>(before), {}, '\n') + 1);
  std::ofstream(src.dir / "ui.toml", std::ios::app) << "page_menu = { zh = \"导航菜单\", en = \"Menu\" }\n";
  auto read = authoring::read_sources(src.dir);
  REQUIRE(read.problems.empty());
  std::string problems;
  for (const auto& d : authoring::check_fidelity(read.sources)) problems += d.to_string() + "\n";
  CHECK(has(problems, "ui.toml:" + line +
                          ": ui string 'page_menu' zh: carries the web page's text '导航菜单' (source line 1) of "
                          "source/report.txt, which is not the report's"));
}
