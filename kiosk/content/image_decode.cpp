#include "kiosk/content/image_decode.h"

#include <algorithm>
#include <cstring>
#include <utility>

// Our own stb_image, static so that it never clashes with (or is replaced by) the copy in
// Debian's libstb, which has every format enabled and is linked in through libimgui.
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_NO_STDIO
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#include <stb_image.h>
#pragma GCC diagnostic pop

#include "kiosk/content/png_inflate_bound.h"

namespace kiosk::content {
namespace {

std::string sniff_mime(const std::vector<uint8_t>& b) {
  static const uint8_t png[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  if (b.size() >= 8 && std::memcmp(b.data(), png, 8) == 0) return "image/png";
  if (b.size() >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return "image/jpeg";
  return "";
}

// Returns false, with the reason, when the size is beyond the limit.
bool within_size_limit(int64_t width, int64_t height, std::string& reason) {
  if (width > 0 && height > 0 && width <= kMaxImageSide && height <= kMaxImageSide) return true;
  reason = "image is " + std::to_string(width) + "x" + std::to_string(height) + ", beyond the limit of " +
           std::to_string(kMaxImageSide) + "x" + std::to_string(kMaxImageSide);
  return false;
}

// stb_image 2.27 (Debian 12) writes past its 257-entry code-size table when a Huffman
// table declares more than 256 codes (found by fuzzing, docs/reliability.md). Every
// FF C4 in the file is read as stb would read a DHT segment, wherever stb's own marker
// scan might land, and such a table is refused before stb sees the file.
bool jpeg_huffman_tables_fit(const std::vector<uint8_t>& b) {
  for (size_t at = 0; at + 4 <= b.size(); ++at) {
    if (b[at] != 0xFF || b[at + 1] != 0xC4) continue;
    // stb starts another table while the segment's declared length is not used up,
    // reading past the segment (and as zeros past the file) if need be.
    size_t end = at + 2 + (static_cast<size_t>(b[at + 2]) << 8 | b[at + 3]);
    for (size_t table = at + 4; table < end && table < b.size();) {
      size_t codes = 0;
      for (size_t i = 1; i <= 16 && table + i < b.size(); ++i) codes += b[table + i];
      if (codes > 256) return false;
      table += 17 + codes;
    }
  }
  return true;
}

// stb_image 2.27 decodes a scan through whichever Huffman tables it names, defined or
// not; an undefined one is uninitialised memory, and decoding through it reads far
// outside the table (found by fuzzing). So every scan must name tables defined before it:
// a DC table when it codes DC (Ss = 0), an AC table when it codes AC (Se > 0). The
// markers are walked as stb walks them, skipping entropy-coded data.
bool jpeg_scans_use_defined_tables(const std::vector<uint8_t>& b) {
  bool dc[4] = {}, ac[4] = {};
  for (size_t at = 2; at + 4 <= b.size();) {
    uint8_t marker = b[at + 1];
    if (b[at] != 0xFF || marker == 0xFF) {  // entropy-coded data, or a fill byte
      ++at;
      continue;
    }
    if (marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {  // no length
      at += 2;
      continue;
    }
    if (marker == 0xD9) break;
    size_t length = static_cast<size_t>(b[at + 2]) << 8 | b[at + 3];
    size_t body = at + 4, end = std::min(at + 2 + length, b.size());
    if (marker == 0xC4) {
      for (size_t table = body; table + 17 <= end;) {
        size_t codes = 0;
        for (size_t i = 1; i <= 16; ++i) codes += b[table + i];
        int table_class = b[table] >> 4, id = b[table] & 15;
        if (table_class <= 1 && id <= 3) (table_class == 0 ? dc : ac)[id] = true;
        table += 17 + codes;
      }
    } else if (marker == 0xDA) {
      size_t components = body < end ? b[body] : 0;
      if (components == 0 || body + 4 + 2 * components > end) return false;
      bool codes_dc = b[body + 1 + 2 * components] == 0, codes_ac = b[body + 2 + 2 * components] > 0;
      for (size_t i = 0; i < components; ++i) {
        uint8_t tables = b[body + 2 + 2 * i];
        if ((tables >> 4) > 3 || (tables & 15) > 3) return false;
        if ((codes_dc && !dc[tables >> 4]) || (codes_ac && !ac[tables & 15])) return false;
      }
    }
    at += 2 + length;
  }
  return true;
}

// Walks a PNG's chunks as stb_image 2.27 does and returns what is wrong with them, or "".
// stb believes each chunk's declared length: it grows its IDAT buffer to fit one before
// reading it, so a few hundred bytes that claim a 2 GB chunk make it allocate 2 GB; and
// it copies a zero-length IDAT from a null pointer (undefined behaviour). Both were found
// by fuzzing. No encoder writes either, so the file is refused before stb sees it.
std::string png_chunk_problem(const std::vector<uint8_t>& b) {
  for (size_t at = 8; at + 8 <= b.size();) {
    size_t length = static_cast<size_t>(b[at]) << 24 | b[at + 1] << 16 | b[at + 2] << 8 | b[at + 3];
    const uint8_t* type = &b[at + 4];
    if (length > b.size() - at - 8) return "a chunk runs past the end of the file";
    if (length == 0 && std::memcmp(type, "IDAT", 4) == 0) return "an empty IDAT chunk";
    if (std::memcmp(type, "IEND", 4) == 0) break;
    at += 12 + length;
  }
  return "";
}

}  // namespace

std::optional<ImageHeader> probe_image(const std::vector<uint8_t>& bytes, std::string& reason) {
  ImageHeader header;
  header.mime = sniff_mime(bytes);
  if (header.mime.empty()) {
    reason = "not a PNG or JPEG image";
    return std::nullopt;
  }
  if (bytes.size() > static_cast<size_t>(INT32_MAX)) {
    reason = "image file too large";
    return std::nullopt;
  }
  // stb refuses very large PNGs with a bare "too large"; read the size ourselves to name the limit.
  if (header.mime == "image/png" && bytes.size() >= 24) {
    auto be32 = [&](size_t at) {
      return static_cast<int64_t>(bytes[at]) << 24 | bytes[at + 1] << 16 | bytes[at + 2] << 8 | bytes[at + 3];
    };
    if (!within_size_limit(be32(16), be32(20), reason)) return std::nullopt;
  }
  if (header.mime == "image/png") {
    std::string problem = png_chunk_problem(bytes);
    if (!problem.empty()) {
      reason = "corrupt PNG: " + problem;
      return std::nullopt;
    }
  }
  if (header.mime == "image/jpeg" && !jpeg_huffman_tables_fit(bytes)) {
    reason = "corrupt JPEG: a Huffman table has more than 256 codes";
    return std::nullopt;
  }
  if (header.mime == "image/jpeg" && !jpeg_scans_use_defined_tables(bytes)) {
    reason = "corrupt JPEG: a scan uses a Huffman table that is not defined";
    return std::nullopt;
  }
  int channels = 0;
  if (!stbi_info_from_memory(bytes.data(), static_cast<int>(bytes.size()), &header.width, &header.height, &channels)) {
    reason = std::string("cannot read the image header: ") + stbi_failure_reason();
    return std::nullopt;
  }
  if (!within_size_limit(header.width, header.height, reason)) return std::nullopt;
  if (header.mime == "image/png") {
    std::string problem = png_image_data_problem(bytes);
    if (!problem.empty()) {
      reason = std::move(problem);
      return std::nullopt;
    }
  }
  return header;
}

std::optional<DecodedImage> decode_image(const std::vector<uint8_t>& bytes, std::string& reason) {
  auto header = probe_image(bytes, reason);
  if (!header) return std::nullopt;
  int w = 0, h = 0, channels = 0;
  stbi_uc* pixels = stbi_load_from_memory(bytes.data(), static_cast<int>(bytes.size()), &w, &h, &channels, 4);
  if (!pixels) {
    reason = std::string("cannot decode the image: ") + stbi_failure_reason();
    return std::nullopt;
  }
  DecodedImage out{w, h, std::vector<uint8_t>(pixels, pixels + static_cast<size_t>(w) * static_cast<size_t>(h) * 4)};
  stbi_image_free(pixels);
  return out;
}

}  // namespace kiosk::content
