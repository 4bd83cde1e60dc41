#include "kiosk/ops/bundle_locator.h"

namespace kiosk::ops {

std::filesystem::path packaged_bundle_path() {
  return std::filesystem::path("/usr/share") / config::kPackageName / "report.bundle";
}

std::vector<std::filesystem::path> bundle_candidates(const std::optional<std::filesystem::path>& from_command_line,
                                                     const config::Config& config) {
  if (from_command_line) return {*from_command_line};
  if (!config.bundle.empty()) return {config.bundle};
  return {config.state_dir / "current", config.state_dir / "previous", packaged_bundle_path()};
}

}  // namespace kiosk::ops
