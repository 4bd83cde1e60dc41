#pragma once
// Play statistics: per item and per hour, how often the attract loop showed it and how
// often visitors opened it. Kept in STATE/stats.db, a writable SQLite database in WAL
// mode, never in the bundle, with no personal data. Counts are kept in memory and
// flushed now and then; a full disk or a locked database costs at most those counts,
// never the display.

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace kiosk::content {
class Database;
}

namespace kiosk::ops {

struct PlayCount {
  std::string item_id;
  std::string hour;  // YYYY-MM-DDTHH, local time in the kiosk's clock.time_zone (not UTC, unlike the history)
  int64_t shown = 0, opened = 0;
};

class PlayStats {
 public:
  // Beyond `most_pending` counts (a disk failing for a long time), the oldest hours'
  // counts are dropped first.
  explicit PlayStats(std::filesystem::path file, size_t most_pending = 100000);
  ~PlayStats();
  PlayStats(const PlayStats&) = delete;
  PlayStats& operator=(const PlayStats&) = delete;

  void shown(const std::string& item_id, const std::string& hour) { pending_[{hour, item_id}].shown++; }
  void opened(const std::string& item_id, const std::string& hour) { pending_[{hour, item_id}].opened++; }

  // Writes the pending counts in one transaction. Returns an empty string, or why the
  // counts are still pending (they are tried again at the next flush).
  std::string flush();
  size_t pending() const { return pending_.size(); }

 private:
  struct Counts {
    int64_t shown = 0, opened = 0;
  };
  std::filesystem::path file_;
  size_t most_pending_;
  // Keyed by hour first, so that the oldest hour is the first to go.
  std::map<std::pair<std::string, std::string>, Counts> pending_;
};

// Reads the counts (for kioskctl stats), from hour `since` (YYYY-MM-DD...) on; throws
// std::runtime_error naming the file when it cannot be read.
std::vector<PlayCount> read_play_counts(const std::filesystem::path& file, const std::string& since);

}  // namespace kiosk::ops
