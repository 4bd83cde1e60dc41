#include "kiosk/ops/state_dir.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <deque>

#include "kiosk/base/utc_time.h"
#include "kiosk/ops/durable_file.h"
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
  // gmtime_r: the kiosk's install and inbox jobs record from their own threads.
  std::string entry = base::utc_stamp(std::time(nullptr)) + ' ' + text::escaped(line);
  if (entry.size() > kLongestHistoryLine) entry = entry.substr(0, kLongestHistoryLine) + "...";
  entry += '\n';
  bool is_new = ::access(history().c_str(), F_OK) != 0;
  auto fd = open_regular(history(), O_WRONLY | O_APPEND | O_CREAT, 0640);
  if (!fd) return;
  if (is_new) adopt(history());
  // One write of the whole line: appends from two processes never interleave.
  (void)!::write(fd.get(), entry.data(), entry.size());
}

void StateDir::adopt(const std::filesystem::path& made) const {
  if (::geteuid() != 0) return;
  struct stat owner {};
  if (::stat(root.c_str(), &owner) == 0 && owner.st_uid != 0) (void)!::lchown(made.c_str(), owner.st_uid, owner.st_gid);
}

namespace {

// A history line as recorded is already escaped (text::escaped), backslashes doubled. One
// that holds a raw control character or a byte that is not UTF-8 was written by something
// else (the attacker review: escape sequences that redrew the operator's terminal), so it
// is escaped whole before anyone reads it.
std::string shown_line(std::string line) {
  std::string without_backslashes;
  for (char c : line)
    if (c != '\\') without_backslashes += c;
  return text::escaped(without_backslashes) == without_backslashes ? line : text::escaped(line);
}

}  // namespace

std::vector<std::string> StateDir::history_lines(size_t last) const {
  auto fd = open_regular(history(), O_RDONLY);
  if (!fd) return {};
  struct stat st {};
  std::string tail;
  if (::fstat(fd.get(), &st) == 0) {
    // Only the end is read: the last lines are wanted, and the file may have grown huge.
    off_t from = std::max<off_t>(0, st.st_size - static_cast<off_t>(last * (kLongestHistoryLine + 32)));
    tail.resize(static_cast<size_t>(st.st_size - from));
    ssize_t n = ::pread(fd.get(), tail.data(), tail.size(), from);
    tail.resize(n > 0 ? static_cast<size_t>(n) : 0);
    if (from > 0) tail.erase(0, tail.find('\n') + 1);  // a cut first line is not shown
  }
  std::deque<std::string> lines;
  for (size_t at = 0; at < tail.size();) {
    size_t end = tail.find('\n', at);
    if (end == std::string::npos) end = tail.size();
    lines.push_back(shown_line(tail.substr(at, end - at)));
    if (lines.size() > last) lines.pop_front();
    at = end + 1;
  }
  return {lines.begin(), lines.end()};
}

}  // namespace kiosk::ops
