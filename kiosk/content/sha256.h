#pragma once
// SHA-256 as lowercase hex (libsodium).

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::content {

std::string sha256_hex(const std::vector<uint8_t>& bytes);
std::string sha256_file_hex(const std::filesystem::path& file);

}  // namespace kiosk::content
