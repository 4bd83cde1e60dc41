// Every example of docs/content.md is one that builds: each ```toml block, whose first
// line names its file ("# items/economy.toml"), is added to that file in a copy of
// db/content (tables merged key by key, [[...]] entries appended), and the copy builds.

#include <doctest/doctest.h>
#include <toml++/toml.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bundle_fixture.h"
#include "kiosk/authoring/builder.h"
#include "kiosk/content/validate.h"
#include "skip.h"

namespace fs = std::filesystem;

namespace {

struct Example {
  int line;  // of the block's first line in docs/content.md
  std::string file;
  std::string text;
};

std::vector<Example> toml_examples(const fs::path& markdown) {
  std::ifstream in(markdown);
  std::vector<Example> out;
  std::string line;
  int number = 0;
  std::optional<Example> block;
  while (std::getline(in, line)) {
    ++number;
    if (!block && line == "```toml") {
      block = Example{number + 1, "", ""};
    } else if (block && line == "```") {
      out.push_back(*block);
      block.reset();
    } else if (block) {
      if (block->text.empty() && block->file.empty()) {
        if (line.rfind("# ", 0) == 0) block->file = line.substr(2);
        continue;
      }
      block->text += line + "\n";
    }
  }
  return out;
}

void merge(toml::table& into, const toml::table& from) {
  for (const auto& [key, node] : from) {
    auto* existing = into.get(key);
    if (existing && existing->is_table() && node.is_table())
      merge(*existing->as_table(), *node.as_table());
    else if (existing && existing->is_array_of_tables() && node.is_array_of_tables())
      for (const auto& element : *node.as_array()) existing->as_array()->push_back(element);
    else
      into.insert_or_assign(key, node);
  }
}

}  // namespace

TEST_CASE("docs: every TOML example of docs/content.md names its file and builds on top of db/content") {
  // What this holds is the docs, not memory: the fast build checks it, and the sanitizer
  // build's builds of the report bundle (cli_build_*) run the same builder.
  if (KIOSK_UNIT_SLOWDOWN > 1) KIOSK_SKIP("the fast build checks the docs' examples");
  auto examples = toml_examples(fs::path(KIOSK_SOURCE_DIR) / "docs/content.md");
  REQUIRE(examples.size() >= 7);
  ScratchDir scratch;
  fs::path dir = scratch.path / "content";
  fs::copy(fs::path(KIOSK_SOURCE_DIR) / "db/content", dir, fs::copy_options::recursive);
  for (const auto& example : examples) {
    INFO("docs/content.md:" << example.line << " (" << example.file << ")");
    REQUIRE_MESSAGE(!example.file.empty(), "the block's first line must be '# FILE', the file it belongs to");
    REQUIRE(example.file.find("..") == std::string::npos);
    toml::table block;
    try {
      block = toml::parse(example.text);
    } catch (const toml::parse_error& e) {
      FAIL("not TOML: " << e.description() << " at line " << e.source().begin.line);
    }
    fs::path target = dir / example.file;
    toml::table file;
    if (fs::exists(target)) file = toml::parse_file(target.string());
    merge(file, block);
    std::ofstream(target, std::ios::trunc) << file << "\n";
  }
  auto result = kiosk::authoring::build_bundle(dir, scratch.path / "docs.bundle");
  for (const auto& p : result.problems) FAIL_CHECK(p.to_string());
  REQUIRE(result.problems.empty());
  CHECK(all(kiosk::content::validate_bundle(scratch.path / "docs.bundle")) == "");
  CHECK(fs::exists(dir / "items/economy.toml"));
}
