#pragma once
// JSON output of kioskctl's --json commands.

#include <string>

namespace kiosk::tools {

// `s` as a quoted JSON string: quotes and backslashes escaped, control characters as \uXXXX.
std::string json_string(const std::string& s);

}  // namespace kiosk::tools
