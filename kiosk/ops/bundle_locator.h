#pragma once
// Which bundle file the kiosk should open: the one named on the command line or in
// the configuration, else the state directory's current bundle, else the package's own.

#include <filesystem>
#include <optional>
#include <vector>

#include "kiosk/config/config.h"

namespace kiosk::ops {

// The candidates in the order the kiosk tries them.
std::vector<std::filesystem::path> bundle_candidates(const std::optional<std::filesystem::path>& from_command_line,
                                                     const config::Config& config);

std::filesystem::path packaged_bundle_path();

}  // namespace kiosk::ops
