#include "kiosk/ops/play_stats.h"

#include <sqlite3.h>

#include "kiosk/content/sqlite.h"

namespace kiosk::ops {
namespace {

constexpr const char* kSchema =
    "PRAGMA journal_mode=WAL;"
    "CREATE TABLE IF NOT EXISTS plays ("
    " item_id TEXT NOT NULL, hour TEXT NOT NULL, shown INTEGER NOT NULL DEFAULT 0,"
    " opened INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (item_id, hour)) WITHOUT ROWID;";

}  // namespace

PlayStats::PlayStats(std::filesystem::path file, size_t most_pending)
    : file_(std::move(file)), most_pending_(most_pending) {}

PlayStats::~PlayStats() {
  flush();
}

std::string PlayStats::flush() {
  if (pending_.empty()) return {};
  try {
    content::Database db(file_.string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    db.busy_timeout(50);  // a locked database must not hold up a frame
    db.exec(kSchema);
    db.exec("BEGIN IMMEDIATE");
    auto upsert = db.prepare(
        "INSERT INTO plays (item_id, hour, shown, opened) VALUES (?1, ?2, ?3, ?4)"
        " ON CONFLICT (item_id, hour) DO UPDATE SET shown = shown + excluded.shown, opened = opened + excluded.opened");
    for (const auto& [key, counts] : pending_) {
      upsert.bind(1, key.second).bind(2, key.first).bind(3, counts.shown).bind(4, counts.opened).step();
      upsert.reset();
    }
    db.exec("COMMIT");
    pending_.clear();
    return {};
  } catch (const content::SqliteError& e) {
    while (pending_.size() > most_pending_) pending_.erase(pending_.begin());
    return file_.string() + ": " + e.what();
  }
}

std::vector<PlayCount> read_play_counts(const std::filesystem::path& file, const std::string& since) {
  if (!std::filesystem::exists(file)) throw std::runtime_error(file.string() + ": no statistics yet");
  try {
    content::Database db(file.string(), SQLITE_OPEN_READONLY);
    db.busy_timeout(2000);
    auto s = db.prepare("SELECT item_id, hour, shown, opened FROM plays WHERE hour >= ?1 ORDER BY hour, item_id");
    s.bind(1, since);
    std::vector<PlayCount> out;
    while (s.step()) out.push_back({s.text(0), s.text(1), s.integer(2), s.integer(3)});
    return out;
  } catch (const content::SqliteError& e) {
    throw std::runtime_error(file.string() + ": " + e.what());
  }
}

}  // namespace kiosk::ops
