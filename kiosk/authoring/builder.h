#pragma once
// `kioskctl build`: sources in, one verified bundle file out.

#include <filesystem>
#include <string>

#include "kiosk/authoring/diagnostic.h"
#include "kiosk/content/model.h"

namespace kiosk::authoring {

struct BuildResult {
  Diagnostics problems;  // empty on success
  std::string sha256;    // of the written bundle
  size_t bytes = 0;
};

struct Sources;

// Subsets the fonts to the sources' characters and writes the bundle.
BuildResult write_with_fonts(const Sources& sources, std::vector<content::Image> images,
                             const std::filesystem::path& output);

// built_at comes from SOURCE_DATE_EPOCH when set, so that builds are reproducible.
BuildResult build_bundle(const std::filesystem::path& source_dir, const std::filesystem::path& output);

}  // namespace kiosk::authoring
