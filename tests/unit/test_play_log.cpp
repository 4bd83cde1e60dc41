// The play statistics' writes and fsyncs happen on PlayLog's worker, never on the thread
// that runs the render loop; the counts still all reach the database.

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <mutex>
#include <thread>

#include "bundle_fixture.h"
#include "kiosk/controller/play_log.h"
#include "kiosk/ops/play_stats.h"

using namespace kiosk;

namespace {

// ops::PlayStats::flush as the kiosk calls it, noting the thread each call runs on.
struct FlushThreads {
  std::mutex mutex;
  std::vector<std::thread::id> threads;
  controller::PlayLog::Flush flush() {
    return [this](ops::PlayStats& stats) {
      {
        std::lock_guard lock(mutex);
        threads.push_back(std::this_thread::get_id());
      }
      return stats.flush();
    };
  }
};

}  // namespace

TEST_CASE("play log: the loop's thread never writes; every count reaches the database") {
  ScratchDir dir;
  auto file = dir.path / "stats.db";
  ops::PlayStats stats(file);
  FlushThreads seen;
  std::vector<std::string> problems;
  {
    controller::PlayLog log(
        stats, [&](const std::string& why) { problems.push_back(why); }, seen.flush());
    log.record({{"gdp", "gdp"}, {"tax"}}, "2025-04-01T10");
    log.request_flush();  // returns at once; the worker writes
    log.record({{"tax"}, {}}, "2025-04-01T11");
    log.flush_and_wait();
    auto counts = ops::read_play_counts(file, "");
    REQUIRE(counts.size() == 3);
    log.record({{"gdp"}, {}}, "2025-04-01T10");
  }  // the destructor writes what is left
  auto counts = ops::read_play_counts(file, "");
  REQUIRE(counts.size() == 3);
  CHECK(counts[0].item_id == "gdp");
  CHECK(counts[0].shown == 3);
  REQUIRE_FALSE(seen.threads.empty());
  for (auto id : seen.threads) CHECK(id != std::this_thread::get_id());
  CHECK(problems.empty());
}

TEST_CASE("play log: a database that cannot be written is reported once, on the worker, and costs no counts") {
  ScratchDir dir;
  auto file = dir.path / "stats.db";
  ops::PlayStats stats(file);
  REQUIRE(stats.flush().empty());
  sqlite3* other = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &other) == SQLITE_OK);
  REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
  std::vector<std::string> problems;
  std::vector<std::thread::id> reported_on;
  controller::PlayLog log(stats, [&](const std::string& why) {
    problems.push_back(why);
    reported_on.push_back(std::this_thread::get_id());
  });
  log.record({{"gdp"}, {}}, "2025-04-01T10");
  log.flush_and_wait();
  log.flush_and_wait();  // the same failure again: not a second report
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].rfind("play statistics: ", 0) == 0);
  CHECK(reported_on[0] != std::this_thread::get_id());
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  log.flush_and_wait();
  auto counts = ops::read_play_counts(file, "");
  REQUIRE(counts.size() == 1);
  CHECK(counts[0].shown == 1);
}
