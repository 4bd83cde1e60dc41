#pragma once
// Writes a bundle so that the target file is either the complete new bundle or
// untouched: the content goes into an in-memory database, VACUUM INTO a temporary
// file beside the target, fsync, rename, fsync the directory.

#include <filesystem>
#include <stdexcept>
#include <vector>

#include "kiosk/authoring/sources.h"
#include "kiosk/content/model.h"

namespace kiosk::authoring {

class WriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct BundleContents {
  const Sources& sources;
  std::vector<content::Font> fonts;
  std::vector<content::Image> images;
};

void write_bundle(const BundleContents& contents, const std::filesystem::path& target);

}  // namespace kiosk::authoring
