#pragma once
// Writes RGBA8 pixels as a PNG file, atomically and durably (base::write_file_atomically).

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::platform {

// Returns an empty string on success, else the reason.
std::string write_png(const std::filesystem::path& path, const std::vector<uint8_t>& rgba, int width, int height);

}  // namespace kiosk::platform
