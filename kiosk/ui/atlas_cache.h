#pragma once
// Where baked font atlases are kept between starts (Fonts::save and Fonts::load), and the
// key that names one: everything the bake reads. A kiosk restarts on the same bundle and
// screen many times; it bakes once.

#include <filesystem>
#include <string>

#include "kiosk/content/bundle.h"

namespace kiosk::ui {

// The executable (its size and time: any rebuild), the bundle (id, version, build time,
// size), its two fonts' recorded hashes, the canvas scale and the text size.
std::string atlas_key(const content::Bundle& bundle, const std::string& regular_sha256, const std::string& bold_sha256,
                      float scale, bool large_text);
std::filesystem::path atlas_file(const std::filesystem::path& dir, const std::string& key);
// Removes all but the `keep` newest atlases in `dir` (one per bundle and screen shape).
void prune_atlases(const std::filesystem::path& dir, size_t keep);

}  // namespace kiosk::ui
