#pragma once
// PNGs made at test time from their inflated image data, for the checks on what a PNG's
// data inflates to: any header, and any data, compressed with zlib.

#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

namespace png_maker {

inline void put32(std::vector<uint8_t>& out, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<uint8_t>(v >> shift));
}

inline void chunk(std::vector<uint8_t>& out, const char* type, const std::vector<uint8_t>& data) {
  put32(out, static_cast<uint32_t>(data.size()));
  std::vector<uint8_t> body(type, type + 4);
  body.insert(body.end(), data.begin(), data.end());
  out.insert(out.end(), body.begin(), body.end());
  put32(out, static_cast<uint32_t>(crc32(0, body.data(), static_cast<uInt>(body.size()))));
}

// A zlib stream of `size` zero bytes, without compressing them all: one mebibyte is
// compressed and flushed, and the flushed block (which inflates to a mebibyte of zeros
// whatever came before it) is repeated. About 1 KB per MB.
inline std::vector<uint8_t> zeros_stream(uint64_t size) {
  std::vector<uint8_t> out(2 * compressBound(1 << 20) + 64);
  std::vector<uint8_t> block(1 << 20);
  z_stream s{};
  deflateInit(&s, 9);
  s.next_out = out.data();
  s.avail_out = static_cast<uInt>(out.size());
  auto flushed = [&](uInt n, int flush) {
    s.next_in = block.data();
    s.avail_in = n;
    uint8_t* from = s.next_out;
    deflate(&s, flush);
    return std::vector<uint8_t>(from, s.next_out);
  };
  uint64_t blocks = size >> 20;
  std::vector<uint8_t> z = flushed(blocks ? 1 << 20 : 0, Z_FULL_FLUSH);
  if (blocks > 1) {
    auto again = flushed(1 << 20, Z_FULL_FLUSH);
    for (uint64_t i = 1; i < blocks; ++i) z.insert(z.end(), again.begin(), again.end());
  }
  auto tail = flushed(static_cast<uInt>(size & ((1 << 20) - 1)), Z_FINISH);
  deflateEnd(&s);
  z.insert(z.end(), tail.begin(), tail.end() - 4);  // the Adler-32 is of what deflate saw
  uint32_t adler = static_cast<uint32_t>((size % 65521) << 16 | 1);
  put32(z, adler);
  return z;
}

inline std::vector<uint8_t> compressed(const std::vector<uint8_t>& raw) {
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::vector<uint8_t> out(size);
  compress2(out.data(), &size, raw.data(), static_cast<uLong>(raw.size()), 9);
  out.resize(size);
  return out;
}

// A PNG with the given header whose IDAT holds `zlib` (split into chunks of at most
// `idat_size` bytes), with a grey palette when the colour type is 3.
inline std::vector<uint8_t> png(uint32_t width, uint32_t height, int depth, int colour, bool interlaced,
                                const std::vector<uint8_t>& zlib, size_t idat_size = SIZE_MAX) {
  std::vector<uint8_t> out = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  std::vector<uint8_t> ihdr;
  put32(ihdr, width);
  put32(ihdr, height);
  ihdr.insert(ihdr.end(), {static_cast<uint8_t>(depth), static_cast<uint8_t>(colour), 0, 0,
                           static_cast<uint8_t>(interlaced ? 1 : 0)});
  chunk(out, "IHDR", ihdr);
  if (colour == 3) {
    std::vector<uint8_t> palette;
    for (int i = 0; i < 256; ++i) palette.insert(palette.end(), 3, static_cast<uint8_t>(i));
    chunk(out, "PLTE", palette);
  }
  for (size_t at = 0; at < zlib.size(); at += idat_size)
    chunk(out, "IDAT", std::vector<uint8_t>(zlib.begin() + at, zlib.begin() + std::min(zlib.size(), at + idat_size)));
  chunk(out, "IEND", {});
  return out;
}

inline std::string as_string(const std::vector<uint8_t>& bytes) {
  return std::string(bytes.begin(), bytes.end());
}

}  // namespace png_maker
