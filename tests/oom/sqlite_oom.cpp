// Fails SQLite's Nth memory allocation, for N = 1, 2, ... until a run no longer reaches
// the failure, as SQLite's own malloc tests do: opening a bundle, querying it and
// writing play statistics must each time succeed or fail with a clean error (an
// exception with a message, or flush()'s reason), never crash, and hand back every
// byte SQLite allocated. Its own executable: the allocator must be installed before
// sqlite3_initialize, and would disturb any other test sharing the process.

#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "kiosk/content/bundle.h"
#include "kiosk/ops/play_stats.h"

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

sqlite3_mem_methods g_real{};
long g_count = 0;     // allocations since the run began
long g_fail_at = -1;  // the allocation that fails; -1: none
bool g_failed = false;

bool should_fail() {
  ++g_count;
  if (g_count != g_fail_at) return false;
  g_failed = true;
  return true;
}

void* counting_malloc(int n) {
  return should_fail() ? nullptr : g_real.xMalloc(n);
}

void* counting_realloc(void* p, int n) {
  return should_fail() ? nullptr : g_real.xRealloc(p, n);
}

// One pass over what the kiosk does with SQLite. Returns "" or the clean error seen.
std::string exercise(const fs::path& bundle, const fs::path& scratch) {
  std::string error;
  try {
    auto b = content::Bundle::open(bundle);
    auto categories = b.categories();
    if (categories.empty()) throw std::logic_error("the tiny bundle has no categories");
    auto items = b.item_summaries(categories.front().id);
    if (items.empty()) throw std::logic_error("the first category has no items");
    if (!b.item(items.front().id)) throw std::logic_error("the first item cannot be read back");
    (void)b.playlist();
    (void)b.ui_strings();
  } catch (const std::logic_error&) {
    throw;
  } catch (const std::runtime_error& e) {  // BundleError or SqliteError
    error = e.what();
    if (error.empty()) throw std::logic_error("an error without a message");
  }
  fs::remove_all(scratch);
  fs::create_directories(scratch);
  {
    ops::PlayStats stats(scratch / "stats.db");
    stats.shown("item", "2025-04-01T10");
    stats.opened("item", "2025-04-01T10");
    std::string why = stats.flush();
    if (!why.empty()) {
      if (error.empty()) error = why;
      if (stats.pending() != 1) throw std::logic_error("a failed flush lost its counts");
    }
  }  // the destructor flushes again, with nothing failing now or failing cleanly
  try {
    (void)ops::read_play_counts(scratch / "stats.db", "");
  } catch (const std::runtime_error& e) {
    if (error.empty()) error = e.what();
  }
  return error;
}

}  // namespace

int main() {
  sqlite3_mem_methods counting{};
  if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &g_real) != SQLITE_OK) return 2;
  counting = g_real;
  counting.xMalloc = counting_malloc;
  counting.xRealloc = counting_realloc;
  // Memory statistics on: sqlite3_memory_used() is what tells a leak.
  if (sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 1) != SQLITE_OK ||
      sqlite3_config(SQLITE_CONFIG_MALLOC, &counting) != SQLITE_OK || sqlite3_initialize() != SQLITE_OK) {
    std::fprintf(stderr, "cannot install the counting allocator\n");
    return 2;
  }
  const fs::path bundle = KIOSK_TINY_BUNDLE;
  // On tmpfs where there is one: thousands of runs each fsync the statistics.
  const fs::path tmp = fs::is_directory("/dev/shm") ? fs::path("/dev/shm") : fs::temp_directory_path();
  const fs::path scratch = tmp / ("kiosk-sqlite-oom-" + std::to_string(::getpid()));

  // A first, unfailed run: it must succeed, and it leaves SQLite's lasting allocations
  // (the page cache's and the VFS's) in place, so that later runs start level.
  g_count = 0;
  if (auto error = exercise(bundle, scratch); !error.empty()) {
    std::fprintf(stderr, "FAIL: the run without failures failed: %s\n", error.c_str());
    return 1;
  }
  const long allocations = g_count;
  const sqlite3_int64 baseline = sqlite3_memory_used();
  int clean_errors = 0, leaks = 0;
  for (long n = 1;; ++n) {
    g_count = 0;
    g_fail_at = n;
    g_failed = false;
    std::string error;
    try {
      error = exercise(bundle, scratch);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "FAIL: allocation %ld failed: %s\n", n, e.what());
      return 1;
    }
    g_fail_at = -1;
    if (!error.empty()) ++clean_errors;
    if (sqlite3_int64 used = sqlite3_memory_used(); used != baseline) {
      std::fprintf(stderr, "FAIL: allocation %ld failed: %lld bytes still held afterwards (error: %s)\n", n,
                   static_cast<long long>(used - baseline), error.c_str());
      ++leaks;
      if (leaks > 5) return 1;
    }
    if (!g_failed) {
      // This run made fewer than N allocations: every one has been failed once.
      std::printf("%ld allocations in a run; each failed in turn: %d clean errors, the rest absorbed\n", allocations,
                  clean_errors);
      break;
    }
  }
  fs::remove_all(scratch);
  return leaks ? 1 : 0;
}
