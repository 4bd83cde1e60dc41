#include "kiosk/content/png_inflate_bound.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace kiosk::content {
namespace {

uint32_t be32(const uint8_t* p) {
  return static_cast<uint32_t>(p[0]) << 24 | static_cast<uint32_t>(p[1]) << 16 | static_cast<uint32_t>(p[2]) << 8 |
         p[3];
}

uint64_t rows_size(uint64_t width, uint64_t height, uint64_t bits_per_pixel) {
  if (width == 0 || height == 0) return 0;
  return height * ((width * bits_per_pixel + 7) / 8 + 1);
}

struct Span {
  const uint8_t* data;
  size_t size;
};

// Inflates the spans as one raw deflate stream (stb neither needs the zlib header's
// window size nor checks the Adler-32 at the end, so neither is asked for here), stopping
// at the first byte past `bound`.
std::string inflate_problem(const std::vector<Span>& spans, uint64_t bound, const std::string& size) {
  z_stream stream{};
  if (inflateInit2(&stream, -15) != Z_OK) return "cannot check the image data: zlib cannot start";
  std::array<uint8_t, 64 * 1024> scratch;
  uint64_t produced = 0;
  int result = Z_OK;
  for (const auto& span : spans) {
    stream.next_in = const_cast<Bytef*>(span.data);
    stream.avail_in = static_cast<uInt>(span.size);
    do {
      stream.next_out = scratch.data();
      stream.avail_out = static_cast<uInt>(std::min<uint64_t>(scratch.size(), bound + 1 - produced));
      uInt room = stream.avail_out;
      result = inflate(&stream, Z_NO_FLUSH);
      produced += room - stream.avail_out;
      if (produced > bound) break;
      if (result == Z_BUF_ERROR) result = Z_OK;  // no progress: this span is used up
    } while (result == Z_OK && stream.avail_out == 0);
    if (result != Z_OK || produced > bound) break;
  }
  std::string problem;
  if (produced > bound)
    problem = "corrupt PNG: the image data inflates beyond the " + size + " its header gives";
  else if (result == Z_DATA_ERROR || result == Z_NEED_DICT)
    problem = std::string("corrupt PNG: the image data is not a valid zlib stream (") +
              (stream.msg ? stream.msg : "bad data") + ")";
  else if (result == Z_MEM_ERROR)
    problem = "cannot check the image data: out of memory";
  else if (result != Z_STREAM_END)
    problem = "corrupt PNG: the image data is cut short";
  else if (produced < bound)
    problem = "corrupt PNG: the image data ends before the " + size + " its header gives";
  inflateEnd(&stream);
  return problem;
}

}  // namespace

uint64_t png_inflated_size(uint32_t width, uint32_t height, int bit_depth, int colour_type, bool interlaced) {
  int channels = 0;
  switch (colour_type) {
    case 0: channels = 1; break;  // grey
    case 2: channels = 3; break;  // RGB
    case 3: channels = 1; break;  // palette index
    case 4: channels = 2; break;  // grey and alpha
    case 6: channels = 4; break;  // RGBA
    default: return 0;
  }
  if (bit_depth != 1 && bit_depth != 2 && bit_depth != 4 && bit_depth != 8 && bit_depth != 16) return 0;
  uint64_t bits = static_cast<uint64_t>(channels) * static_cast<uint64_t>(bit_depth);
  if (!interlaced) return rows_size(width, height, bits);
  // Adam7: each pass's first column and row, and its spacing in both directions.
  static const int x0[7] = {0, 4, 0, 2, 0, 1, 0}, y0[7] = {0, 0, 4, 0, 2, 0, 1};
  static const int dx[7] = {8, 8, 4, 4, 2, 2, 1}, dy[7] = {8, 8, 8, 4, 4, 2, 2};
  uint64_t total = 0;
  for (int pass = 0; pass < 7; ++pass) {
    uint64_t w = width > static_cast<uint32_t>(x0[pass]) ? (width - x0[pass] + dx[pass] - 1) / dx[pass] : 0;
    uint64_t h = height > static_cast<uint32_t>(y0[pass]) ? (height - y0[pass] + dy[pass] - 1) / dy[pass] : 0;
    total += rows_size(w, h, bits);
  }
  return total;
}

std::string png_image_data_problem(const std::vector<uint8_t>& b) {
  // The chunks as stb reads them up to IEND: the first IHDR, a CgBI chunk (Apple's PNGs,
  // whose image data is raw deflate, without the zlib header), and every IDAT's data.
  const uint8_t* header = nullptr;
  bool raw_deflate = false;
  std::vector<Span> spans;
  for (size_t at = 8; at + 8 <= b.size();) {
    size_t length = be32(&b[at]);
    const uint8_t* type = &b[at + 4];
    if (length > b.size() - at - 8) break;
    if (std::memcmp(type, "IHDR", 4) == 0 && !header && length == 13) header = &b[at + 8];
    if (std::memcmp(type, "CgBI", 4) == 0) raw_deflate = true;
    if (std::memcmp(type, "IDAT", 4) == 0 && length > 0) spans.push_back({&b[at + 8], length});
    if (std::memcmp(type, "IEND", 4) == 0) break;
    at += 12 + length;
  }
  if (!header || spans.empty()) return "";  // stb refuses these before inflating anything
  uint32_t width = be32(header), height = be32(header + 4);
  uint64_t bound = png_inflated_size(width, height, header[8], header[9], header[12] == 1);
  if (bound == 0 || header[12] > 1) return "";
  std::string size = std::to_string(width) + "x" + std::to_string(height);

  if (!raw_deflate) {  // the zlib header, checked as stb checks it
    uint8_t zlib_header[2];
    size_t have = 0;
    while (have < 2 && !spans.empty()) {
      zlib_header[have++] = *spans.front().data;
      if (--spans.front().size == 0)
        spans.erase(spans.begin());
      else
        ++spans.front().data;
    }
    if (have < 2) return "corrupt PNG: the image data is cut short";
    if ((zlib_header[0] * 256 + zlib_header[1]) % 31 != 0 || (zlib_header[1] & 32) || (zlib_header[0] & 15) != 8)
      return "corrupt PNG: the image data has a bad zlib header";
  }
  return inflate_problem(spans, bound, size);
}

}  // namespace kiosk::content
