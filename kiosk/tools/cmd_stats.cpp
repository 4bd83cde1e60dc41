// kioskctl stats: the play statistics of a kiosk, as a table or CSV.

#include <cstdio>
#include <iostream>
#include <regex>

#include "kiosk/config/config.h"
#include "kiosk/ops/play_stats.h"
#include "kiosk/tools/commands.h"

namespace kiosk::tools {

int cmd_stats(const Args& args) {
  std::string since, state_dir, config_file;
  bool csv = false;
  for (size_t i = 0; i < args.size(); ++i) {
    bool has_value = i + 1 < args.size();
    if (args[i] == "--since" && has_value)
      since = args[++i];
    else if (args[i] == "--state-dir" && has_value)
      state_dir = args[++i];
    else if (args[i] == "--config" && has_value)
      config_file = args[++i];
    else if (args[i] == "--csv")
      csv = true;
    else
      return usage("stats: unexpected argument '" + args[i] + "'");
  }
  if (!since.empty() && !std::regex_match(since, std::regex(R"(\d{4}-\d{2}-\d{2})")))
    return usage("stats: --since must be a date, YYYY-MM-DD (got '" + since + "')");
  if (state_dir.empty()) {
    auto path = config_file.empty() ? config::default_config_path() : std::filesystem::path(config_file);
    state_dir = config::load(path, !config_file.empty()).config.state_dir.string();
  }
  std::vector<ops::PlayCount> counts;
  try {
    counts = ops::read_play_counts(std::filesystem::path(state_dir) / "stats.db", since);
  } catch (const std::runtime_error& e) {
    std::cerr << "kioskctl: " << e.what() << "\n";
    return kExitProblems;
  }
  if (csv) {
    std::cout << "hour,item_id,shown,opened\n";
    for (const auto& c : counts) std::cout << c.hour << ',' << c.item_id << ',' << c.shown << ',' << c.opened << '\n';
    return kExitOk;
  }
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
