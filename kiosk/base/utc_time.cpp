#include "kiosk/base/utc_time.h"

namespace kiosk::base {

std::tm utc_time(std::time_t t) {
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  return tm;
}

std::string utc_stamp(std::time_t t) {
  std::tm tm = utc_time(t);
  char stamp[32];
  size_t n = std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return std::string(stamp, n);
}

}  // namespace kiosk::base
