#include "kiosk/ops/state_dir.h"

#include <ctime>
#include <deque>
#include <fstream>

namespace kiosk::ops {

std::optional<std::filesystem::path> StateDir::target(const std::filesystem::path& link) const {
  std::error_code ec;
  auto to = std::filesystem::read_symlink(link, ec);
  if (ec) return std::nullopt;
  return to.is_absolute() ? to : root / to;
}

void StateDir::record(const std::string& line) const {
  std::ofstream out(history(), std::ios::app);
  char stamp[32];
  std::time_t now = std::time(nullptr);
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  out << stamp << ' ' << line << '\n';
}

std::vector<std::string> StateDir::history_lines(size_t last) const {
  std::ifstream in(history());
  std::deque<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
    if (lines.size() > last) lines.pop_front();
  }
  return {lines.begin(), lines.end()};
}

}  // namespace kiosk::ops
