#include "kiosk/ops/state_dir.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ctime>
#include <deque>
#include <fstream>

#include "kiosk/text/utf8.h"

namespace kiosk::ops {

std::optional<std::filesystem::path> StateDir::target(const std::filesystem::path& link) const {
  std::error_code ec;
  auto to = std::filesystem::read_symlink(link, ec);
  if (ec) return std::nullopt;
  return to.is_absolute() ? to : root / to;
}

namespace {

constexpr size_t kLongestHistoryLine = 2000;

}  // namespace

void StateDir::record(const std::string& line) const {
  char stamp[32];
  std::time_t now = std::time(nullptr);
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&now));
  std::string entry = std::string(stamp) + ' ' + text::escaped(line);
  if (entry.size() > kLongestHistoryLine) entry = entry.substr(0, kLongestHistoryLine) + "...";
  entry += '\n';
  bool is_new = ::access(history().c_str(), F_OK) != 0;
  int fd = ::open(history().c_str(), O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0640);
  if (fd < 0) return;
  if (is_new) adopt(history());
  // One write of the whole line: appends from two processes never interleave.
  (void)!::write(fd, entry.data(), entry.size());
  ::close(fd);
}

void StateDir::adopt(const std::filesystem::path& made) const {
  if (::geteuid() != 0) return;
  struct stat owner {};
  if (::stat(root.c_str(), &owner) == 0 && owner.st_uid != 0) (void)!::lchown(made.c_str(), owner.st_uid, owner.st_gid);
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
