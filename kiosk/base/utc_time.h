#pragma once
// UTC calendar time from any thread: gmtime_r instead of gmtime's shared struct.

#include <ctime>
#include <string>

namespace kiosk::base {

std::tm utc_time(std::time_t t);
// "YYYY-MM-DDTHH:MM:SSZ", the form of the history's stamps.
std::string utc_stamp(std::time_t t);

}  // namespace kiosk::base
