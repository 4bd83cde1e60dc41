#include <doctest/doctest.h>
#include <sqlite3.h>

#include <filesystem>

#include "bundle_fixture.h"
#include "kiosk/ops/play_stats.h"

using namespace kiosk::ops;

TEST_CASE("play stats: counts per item and hour add up across flushes") {
  ScratchDir dir;
  auto file = dir.path / "stats.db";
  PlayStats stats(file);
  stats.shown("gdp", "2025-04-01T10");
  stats.shown("gdp", "2025-04-01T10");
  stats.opened("gdp", "2025-04-01T10");
  stats.shown("tax", "2025-04-01T11");
  CHECK(stats.flush().empty());
  CHECK(stats.pending() == 0);
  stats.shown("gdp", "2025-04-01T10");
  CHECK(stats.flush().empty());
  auto counts = read_play_counts(file, "");
  REQUIRE(counts.size() == 2);
  CHECK(counts[0].item_id == "gdp");
  CHECK(counts[0].shown == 3);
  CHECK(counts[0].opened == 1);
  CHECK(read_play_counts(file, "2025-04-01T11").size() == 1);
}

TEST_CASE("play stats: a locked database keeps the counts for the next flush") {
  ScratchDir dir;
  auto file = dir.path / "stats.db";
  PlayStats stats(file);
  stats.shown("gdp", "2025-04-01T10");
  REQUIRE(stats.flush().empty());
  sqlite3* other = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &other) == SQLITE_OK);
  REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
  stats.shown("gdp", "2025-04-01T10");
  std::string why = stats.flush();
  CHECK(why.find("locked") != std::string::npos);
  CHECK(stats.pending() == 1);
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  CHECK(stats.flush().empty());
  CHECK(read_play_counts(file, "")[0].shown == 2);
}

TEST_CASE("play stats: an unwritable place is reported, never thrown") {
  PlayStats stats("/proc/no-such-place/stats.db");
  stats.opened("gdp", "2025-04-01T10");
  CHECK_FALSE(stats.flush().empty());
  CHECK_THROWS_WITH_AS(read_play_counts("/proc/no-such-place/stats.db", ""), doctest::Contains("no statistics yet"),
                       std::runtime_error);
}

TEST_CASE("play stats: beyond the cap, the oldest hour's counts are dropped, whatever the item") {
  ScratchDir dir;
  auto file = dir.path / "later" / "stats.db";  // no such directory yet: every flush fails
  PlayStats stats(file, 2);
  stats.shown("aaa", "2025-04-01T12");
  stats.shown("zzz", "2025-04-01T10");  // the oldest hour, and the last item alphabetically
  stats.shown("mmm", "2025-04-01T11");
  CHECK_FALSE(stats.flush().empty());
  CHECK(stats.pending() == 2);
  std::filesystem::create_directory(dir.path / "later");
  REQUIRE(stats.flush().empty());
  auto counts = read_play_counts(file, "");
  REQUIRE(counts.size() == 2);
  CHECK(counts[0].item_id == "mmm");
  CHECK(counts[0].hour == "2025-04-01T11");
  CHECK(counts[1].item_id == "aaa");
}

TEST_CASE("play stats: a file that is not a database is named, and its counts are kept") {
  ScratchDir dir;
  auto file = dir.write("stats.db", std::string(4096, 'x'));
  PlayStats stats(file);
  stats.shown("gdp", "2025-04-01T10");
  auto why = stats.flush();
  CHECK(why == file.string() + ": file is not a database");
  CHECK(stats.pending() == 1);
  CHECK_THROWS_WITH_AS(read_play_counts(file, ""),
                       doctest::Contains((file.string() + ": file is not a database").c_str()), std::runtime_error);
  std::filesystem::remove(file);
  CHECK(stats.flush().empty());  // the same counts, once the place is fit again
  CHECK(read_play_counts(file, "")[0].shown == 1);
}

TEST_CASE("play stats: a database without the table is named when read") {
  ScratchDir dir;
  auto file = dir.path / "other.db";
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, "CREATE TABLE t (x)", nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  CHECK_THROWS_WITH_AS(read_play_counts(file, ""),
                       doctest::Contains((file.string() + ": no such table: plays").c_str()), std::runtime_error);
}

TEST_CASE("play stats: counts pending through a long failure are capped, dropping the oldest") {
  PlayStats stats("/proc/no-such-place/stats.db");
  for (int i = 0; i < 100005; ++i) stats.shown("item-" + std::to_string(100000 + i), "2025-04-01T10");
  CHECK_FALSE(stats.flush().empty());
  CHECK(stats.pending() == 100000);
}
