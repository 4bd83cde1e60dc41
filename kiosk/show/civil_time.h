#pragma once
// Local wall-clock time in the configured time zone: open hours and playlist windows use it.

#include <cstdint>
#include <optional>
#include <string>

namespace kiosk::show {

struct CivilTime {
  int year = 2025, month = 1, day = 1, hour = 0, minute = 0;

  std::string date() const;  // YYYY-MM-DD
  std::string time() const;  // HH:MM
};

// Converts UTC seconds to local time in `zone` (an IANA name such as Asia/Shanghai).
CivilTime civil_time_at(int64_t utc_seconds, const std::string& zone);

// Converts a local YYYY-MM-DDTHH:MM in `zone` to UTC seconds; nullopt if malformed.
std::optional<int64_t> utc_seconds_of(const std::string& local, const std::string& zone);

}  // namespace kiosk::show
