#pragma once
// The configuration file from arbitrary text: any input gives a configuration and a
// list of problems, never an exception.

#include <cstdint>
#include <string>

#include "kiosk/config/config.h"
#include "tests/fuzz/fuzz_common.h"

namespace kiosk::fuzz {

inline void run_config(const uint8_t* data, size_t size) {
  auto loaded = config::parse(std::string(as_text(data, size)), "kiosk.toml");
  for (const auto& problem : loaded.problems) (void)problem.to_string();
}

}  // namespace kiosk::fuzz
