#include "kiosk/ops/highest_version.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <string>
#include <system_error>

#include "kiosk/ops/durable_file.h"

namespace kiosk::ops {
namespace {

constexpr size_t kLongestRecord = 32;

}  // namespace

std::optional<int64_t> read_highest_version(const StateDir& state) {
  const auto file = state.highest_version();
  base::Fd fd = open_regular(file, O_RDONLY);
  if (!fd) {
    if (errno == ENOENT) return std::nullopt;
    throw FileError(file.string() + ": the record of the highest installed version cannot be read (" +
                    (errno == EINVAL || errno == ELOOP ? std::string("not a regular file") : base::errno_text(errno)) +
                    "); installs are refused until it is removed or replaced");
  }
  char buffer[kLongestRecord + 1] = {};
  ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
  std::string text(buffer, n > 0 ? static_cast<size_t>(n) : 0);
  if (!text.empty() && text.back() == '\n') text.pop_back();
  // Every version a bundle can carry (SQLite's 64-bit integer) reads back: a record of 18
  // digits at most once let an install of version 10^18 block every later one.
  int64_t version = -1;
  bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
  if (digits) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), version);
    digits = ec == std::errc() && end == text.data() + text.size();
  }
  if (!digits)
    throw FileError(file.string() +
                    ": the record of the highest installed version is damaged (expected one whole number); installs "
                    "are refused until it is removed or replaced (--allow-downgrade replaces it)");
  return version;
}

void raise_highest_version(const StateDir& state, int64_t version, bool replace_damaged) {
  std::optional<int64_t> recorded;
  try {
    recorded = read_highest_version(state);
  } catch (const FileError&) {
    if (!replace_damaged) throw;
  }
  if (recorded && *recorded >= version) return;
  base::write_file_atomically(state.highest_version(), std::to_string(version) + "\n", 0640);
  state.adopt(state.highest_version());
}

}  // namespace kiosk::ops
