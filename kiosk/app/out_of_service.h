#pragma once
// When no bundle can be opened at all: the built-in out-of-service screen, which keeps
// looking for a bundle and restarts the kiosk on it as soon as one opens. The kiosk
// never exits into a restart loop because of content.

#include <filesystem>
#include <vector>

#include "kiosk/app/options.h"
#include "kiosk/config/config.h"

namespace kiosk::app {

int run_out_of_service(const Options& options, const std::vector<std::filesystem::path>& candidates, char** argv);

}  // namespace kiosk::app
