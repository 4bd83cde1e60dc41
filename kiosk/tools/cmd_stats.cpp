// kioskctl stats: the play statistics of a kiosk, as a table or CSV.

#include <cstdio>
#include <iostream>

#include "kiosk/config/config.h"
#include "kiosk/config/locations.h"
#include "kiosk/content/formats.h"
#include "kiosk/ops/play_stats.h"
#include "kiosk/tools/commands.h"

namespace kiosk::tools {

int cmd_stats(const Args& args) {
  std::string since, error;
  config::Locations where;
  bool csv = false;
  for (size_t i = 0; i < args.size(); ++i) {
    bool has_value = i + 1 < args.size();
    if (where.take(args, i, error)) {
      if (!error.empty()) return usage("stats: " + error);
    } else if (args[i] == "--since" && has_value)
      since = args[++i];
    else if (args[i] == "--csv")
      csv = true;
    else
      return usage("stats: unexpected argument '" + args[i] + "'");
  }
  // A month 13 would match no hour and read as a quiet kiosk, so the date is checked whole.
  if (!since.empty() && !content::valid_date(since))
    return usage("stats: --since must be a date, YYYY-MM-DD (got '" + since + "')");
  auto located = config::locate(where);
  for (const auto& p : located.loaded.problems) std::cerr << "kioskctl: config: " << p.to_string() << "\n";
  if (auto missing = config::missing_state_dir(located); !missing.empty()) {
    std::cerr << "kioskctl: " << missing << "\n";
    return kExitBadFile;
  }
  // The kiosk counts in its own clock's hours (clock.time_zone), as its open hours are.
  const std::string& zone = located.config().time_zone;
  auto file = located.state_dir() / "stats.db";
  std::vector<ops::PlayCount> counts;
  if (std::filesystem::exists(file)) {
    try {
      counts = ops::read_play_counts(file, since);
    } catch (const std::runtime_error& e) {
      std::cerr << "kioskctl: " << e.what() << "\n";
      return kExitProblems;
    }
  }
  if (csv) {
    std::cout << "hour,item_id,shown,opened,time_zone\n";
    for (const auto& c : counts)
      std::cout << c.hour << ',' << c.item_id << ',' << c.shown << ',' << c.opened << ',' << zone << '\n';
    return kExitOk;
  }
  // A kiosk writes its first counts after a minute: nothing yet is not an error, and an
  // empty table would only look like one.
  if (counts.empty()) {
    std::cout << file.string()
              << (since.empty() ? ": no statistics yet (the kiosk writes them every minute)\n"
                                : ": no statistics since " + since + "\n");
    return kExitOk;
  }
  std::cout << "hours are local time in " << zone << " (clock.time_zone); the history is in UTC\n";
  std::printf("%-14s %-36s %8s %8s\n", "hour", "item", "shown", "opened");
  int64_t shown = 0, opened = 0;
  for (const auto& c : counts) {
    std::printf("%-14s %-36s %8lld %8lld\n", c.hour.c_str(), c.item_id.c_str(), static_cast<long long>(c.shown),
                static_cast<long long>(c.opened));
    shown += c.shown;
    opened += c.opened;
  }
  std::printf("%-14s %-36s %8lld %8lld\n", "total", "", static_cast<long long>(shown), static_cast<long long>(opened));
  return kExitOk;
}

}  // namespace kiosk::tools
