#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "bundle_fixture.h"
#include "kiosk/content/bundle.h"

using kiosk::content::Bundle;
using kiosk::content::BundleError;

namespace {

std::string open_error(const std::filesystem::path& path) {
  try {
    Bundle::open(path);
  } catch (const BundleError& e) {
    return e.what();
  }
  return "";
}

bool contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

}  // namespace

TEST_CASE("bundle: the test bundle opens and its content reads back") {
  auto bundle = Bundle::open(KIOSK_TINY_BUNDLE);
  CHECK(bundle.info().id == "tiny-test");
  CHECK(bundle.info().version == 1);
  CHECK(bundle.info().schema_version == 4);
  CHECK(bundle.categories().size() == 2);
  auto item = bundle.item("haitang-visitors");
  REQUIRE(item.has_value());
  REQUIRE(item->figure.has_value());
  CHECK(item->figure->display_zh == "1660余万人次");
  CHECK(item->figure->qualifier == "余");
  CHECK(bundle.playlist().size() == 3);
  auto regular = bundle.font("regular");
  REQUIRE(regular.has_value());
  CHECK(regular->bytes.size() > 1000);
  CHECK(regular->bytes.size() < 2'000'000);  // a subset, not the 16 MB collection
  CHECK(bundle.font_sha256("regular") == regular->sha256);
  CHECK_FALSE(bundle.font_sha256("italic").has_value());
}

TEST_CASE("bundle: a missing file, a directory and an unreadable file are named with the reason") {
  ScratchDir dir;
  CHECK(open_error(dir.path / "absent.bundle") == (dir.path / "absent.bundle").string() + ": no such file");
  CHECK(contains(open_error(dir.path), "is a directory"));
  if (::geteuid() != 0) {  // root reads anything
    auto locked = dir.copy_of_tiny("locked.bundle");
    std::filesystem::permissions(locked, std::filesystem::perms::none);
    CHECK(contains(open_error(locked), "cannot read"));
  }
}

TEST_CASE("bundle: an empty file is not a bundle") {
  ScratchDir dir;
  auto empty = dir.write("empty.bundle", "");
  CHECK(open_error(empty) == empty.string() + ": not a content bundle (an empty file)");
}

TEST_CASE("bundle: random bytes are refused") {
  ScratchDir dir;
  std::mt19937 rng(7);
  std::string bytes(64 * 1024, '\0');
  for (auto& b : bytes) b = static_cast<char>(rng());
  auto random = dir.write("random.bundle", bytes);
  auto error = open_error(random);
  CHECK(contains(error, random.string()));
  CHECK(contains(error, "not a database"));
}

TEST_CASE("bundle: another SQLite database is refused by its application_id") {
  ScratchDir dir;
  auto other = dir.path / "other.db";
  tamper(other, "CREATE TABLE notes(x)");
  CHECK(contains(open_error(other), "not a content bundle (application_id 0)"));
}

TEST_CASE("bundle: a newer schema version is refused with the version named") {
  ScratchDir dir;
  auto newer = dir.copy_of_tiny("newer.bundle");
  tamper(newer, "PRAGMA user_version = 7");
  CHECK(contains(open_error(newer), "schema version 7 is newer than this kiosk understands (4)"));
}

TEST_CASE("bundle: extra schema objects are refused") {
  ScratchDir dir;
  auto trigger = dir.copy_of_tiny("trigger.bundle");
  tamper(trigger, "CREATE TRIGGER t AFTER INSERT ON item BEGIN DELETE FROM item; END");
  CHECK(contains(open_error(trigger), "unexpected schema object: trigger t"));
  auto view = dir.copy_of_tiny("view.bundle");
  tamper(view, "CREATE VIEW v AS SELECT * FROM item");
  CHECK(contains(open_error(view), "unexpected schema object: view v"));
  auto table = dir.copy_of_tiny("table.bundle");
  tamper(table, "CREATE TABLE extra(x)");
  CHECK(contains(open_error(table), "unexpected schema object: table extra"));
  auto altered = dir.copy_of_tiny("altered.bundle");
  tamper(altered, "ALTER TABLE item ADD COLUMN spy TEXT");
  CHECK(contains(open_error(altered), "schema object: table item"));
}

TEST_CASE("bundle: a truncated bundle is refused") {
  ScratchDir dir;
  auto truncated = dir.copy_of_tiny("truncated.bundle");
  std::filesystem::resize_file(truncated, std::filesystem::file_size(truncated) / 2);
  auto error = open_error(truncated);
  CHECK(contains(error, truncated.string() + ": truncated: " + std::to_string(std::filesystem::file_size(truncated)) +
                            " bytes, where its header promises"));
}

TEST_CASE("bundle: a corrupt page is refused") {
  ScratchDir dir;
  auto corrupt = dir.copy_of_tiny("corrupt.bundle");
  {
    std::fstream f(corrupt, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096 * 2 + 8);  // inside the b-tree header of the third page
    std::string junk(64, '\xA5');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  auto error = open_error(corrupt);
  // PRAGMA integrity_check's own finding, naming the damaged page.
  CHECK(contains(error, corrupt.string() + ": damaged: "));
  CHECK(contains(error, "page 3"));
}

TEST_CASE("bundle: a bundle without its metadata row is refused") {
  ScratchDir dir;
  auto headless = dir.copy_of_tiny("headless.bundle");
  tamper(headless, "DELETE FROM bundle");
  CHECK(contains(open_error(headless), "no bundle metadata row"));
}
