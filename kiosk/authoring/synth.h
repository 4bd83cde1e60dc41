#pragma once
// Synthetic bundles for scale tests and benchmarks: many items and images, valid in
// every respect, built through the same writer as real content.

#include <filesystem>

#include "kiosk/authoring/builder.h"

namespace kiosk::authoring {

struct SynthOptions {
  int items = 10000;
  int images = 500;
  int categories = 8;
  int playlist = 60;
};

BuildResult build_synthetic(const SynthOptions& options, const std::filesystem::path& output);

}  // namespace kiosk::authoring
