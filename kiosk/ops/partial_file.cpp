#include "kiosk/ops/partial_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "kiosk/ops/durable_file.h"

namespace kiosk::ops {
namespace {

constexpr size_t kHeaderBytes = 100;
constexpr char kMagic[] = "SQLite format 3";  // with its terminating zero: 16 bytes

uint32_t big_endian(const uint8_t* p, size_t bytes) {
  uint32_t value = 0;
  for (size_t i = 0; i < bytes; ++i) value = (value << 8) | p[i];
  return value;
}

// The size the header says the database has, or 0 when it does not say: the page count
// is valid only while the change counter matches "version-valid-for".
uint64_t size_in_header(const uint8_t* h) {
  uint32_t page_size = big_endian(h + 16, 2);
  if (page_size == 1) page_size = 65536;
  bool power_of_two = page_size >= 512 && page_size <= 65536 && (page_size & (page_size - 1)) == 0;
  uint32_t pages = big_endian(h + 28, 4);
  if (!power_of_two || pages == 0 || std::memcmp(h + 24, h + 92, 4) != 0) return 0;
  return uint64_t{page_size} * pages;
}

std::string still_copying(uint64_t have, const std::string& of) {
  return "truncated: " + std::to_string(have) + of + " bytes, perhaps still being copied";
}

}  // namespace

std::string incomplete_file(const std::filesystem::path& file) {
  base::Fd fd = open_regular(file, O_RDONLY);
  struct stat st {};
  if (!fd || ::fstat(fd.get(), &st) != 0) return {};
  if (st.st_size == 0) return "empty (0 bytes)";
  std::array<uint8_t, kHeaderBytes> header{};
  ssize_t n = ::pread(fd.get(), header.data(), header.size(), 0);
  if (n <= 0) return {};
  auto got = static_cast<size_t>(n);
  // Shorter than the header itself, but what there is of it is an SQLite file's.
  if (got < kHeaderBytes)
    return std::memcmp(header.data(), kMagic, std::min(got, sizeof kMagic)) == 0
               ? still_copying(got, " of at least " + std::to_string(kHeaderBytes))
               : std::string();
  if (std::memcmp(header.data(), kMagic, sizeof kMagic) != 0) return {};
  uint64_t expected = size_in_header(header.data());
  auto have = static_cast<uint64_t>(st.st_size);
  return have < expected ? still_copying(have, " of " + std::to_string(expected)) : std::string();
}

}  // namespace kiosk::ops
