#include "kiosk/ui/atlas_cache.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

#include "kiosk/content/sha256.h"

namespace kiosk::ui {
namespace {

constexpr const char* kPrefix = "atlas-";
constexpr const char* kSuffix = ".bin";

std::string file_identity(const std::filesystem::path& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  auto time = std::filesystem::last_write_time(path, ec).time_since_epoch().count();
  return ec ? "?" : std::to_string(size) + "@" + std::to_string(time);
}

// Atlases, and the temporary files of writes that never finished.
bool is_atlas(const std::filesystem::path& path) {
  return path.filename().string().starts_with(kPrefix);
}

}  // namespace

std::string atlas_key(const content::Bundle& bundle, const std::string& regular_sha256, const std::string& bold_sha256,
                      float scale, bool large_text) {
  const auto& info = bundle.info();
  uint32_t scale_bits = 0;
  std::memcpy(&scale_bits, &scale, sizeof scale_bits);
  char scale_text[16];
  std::snprintf(scale_text, sizeof scale_text, "%08x", scale_bits);
  std::error_code ec;
  auto bundle_size = std::filesystem::file_size(bundle.path(), ec);
  return "kiosk " + file_identity("/proc/self/exe") + "|bundle " + info.id + " v" + std::to_string(info.version) +
         " built " + std::to_string(info.built_at) + " size " + std::to_string(ec ? 0 : bundle_size) + "|fonts " +
         regular_sha256 + " " + bold_sha256 + "|scale " + scale_text + (large_text ? " large" : "");
}

std::filesystem::path atlas_file(const std::filesystem::path& dir, const std::string& key) {
  auto hash = content::sha256_hex(std::vector<uint8_t>(key.begin(), key.end())).substr(0, 16);
  return dir / (kPrefix + hash + kSuffix);
}

void prune_atlases(const std::filesystem::path& dir, size_t keep) {
  std::error_code ec;
  std::vector<std::pair<std::filesystem::file_time_type, std::filesystem::path>> found;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
    if (is_atlas(entry.path())) found.emplace_back(entry.last_write_time(ec), entry.path());
  if (found.size() <= keep) return;
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (size_t i = keep; i < found.size(); ++i) std::filesystem::remove(found[i].second, ec);
}

}  // namespace kiosk::ui
