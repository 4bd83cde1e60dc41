#include "kiosk/ops/inbox_refusals.h"

#include <fcntl.h>
#include <unistd.h>

#include <cctype>
#include <filesystem>
#include <sstream>

#include "kiosk/ops/durable_file.h"
#include "kiosk/text/utf8.h"

namespace kiosk::ops {
namespace {

constexpr size_t kLongestRecords = 256 << 10;

// Records are escaped when written (remember_refusal); one damaged or edited by hand is
// escaped here, so that status never puts a control character on a terminal, and a
// record that needs nothing is not escaped twice.
std::string shown(const std::string& line) {
  std::string unchanged;  // what escaping makes of a line with nothing to escape
  for (char c : line) unchanged += c == '\\' ? std::string(2, c) : std::string(1, c);
  std::string escaped = text::escaped(line);
  return escaped == unchanged ? line : escaped;
}

}  // namespace

bool is_refused_name(const std::string& name) {
  auto at = name.rfind(".refused");
  if (at == std::string::npos || at == 0) return false;
  std::string tail = name.substr(at + 8);
  if (tail.empty()) return true;
  return tail.size() >= 2 && tail[0] == '-' && tail.find_first_not_of("0123456789", 1) == std::string::npos;
}

std::vector<Refusal> read_refusals(const StateDir& state) {
  std::vector<Refusal> out;
  base::Fd fd = open_regular(state.inbox_refusals(), O_RDONLY);
  if (!fd) return out;
  std::string text(kLongestRecords, '\0');
  ssize_t n = ::read(fd.get(), text.data(), text.size());
  text.resize(n > 0 ? static_cast<size_t>(n) : 0);
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    // INODE CHANGE_NS WHEN WHAT...
    std::istringstream fields(line);
    Refusal r;
    if (!(fields >> r.inode >> r.change_ns >> r.when)) continue;
    std::getline(fields, r.what);
    if (!r.what.empty() && r.what[0] == ' ') r.what.erase(0, 1);
    out.push_back(r);
  }
  return out;
}

void write_refusals(const StateDir& state, const std::vector<Refusal>& refusals) {
  std::string text;
  for (const auto& r : refusals)
    text += std::to_string(r.inode) + ' ' + std::to_string(r.change_ns) + ' ' + r.when + ' ' + r.what + '\n';
  // The record only lets a stalled copy be retried; a full disk must not stop the pass.
  try {
    base::write_file_atomically(state.inbox_refusals(), text, 0640);
    state.adopt(state.inbox_refusals());
  } catch (const FileError&) {
  }
}

RefusedSummary refused_summary(const StateDir& state) {
  RefusedSummary summary;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(state.inbox(), ec), end; !ec && it != end; it.increment(ec))
    if (is_refused_name(it->path().filename().string())) ++summary.count;
  auto records = read_refusals(state);
  for (auto it = records.rbegin(); it != records.rend() && summary.recent.size() < kRefusalsShown; ++it)
    summary.recent.push_back(shown(it->when + " " + it->what));
  if (!summary.recent.empty()) summary.newest = summary.recent.front();
  return summary;
}

}  // namespace kiosk::ops
