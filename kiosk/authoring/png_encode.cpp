#include "kiosk/authoring/png_encode.h"

#include <png.h>

#include <csetjmp>
#include <new>

namespace kiosk::authoring {
namespace {

void append(png_structp png, png_bytep data, size_t size) {
  auto* out = static_cast<std::vector<uint8_t>*>(png_get_io_ptr(png));
  out->insert(out->end(), data, data + size);
}

// libpng's documented error path: it longjmps back here. Only plain pointers live in
// this frame, so nothing is skipped that needed destroying.
bool write_rows(png_structp png, png_infop info, const uint8_t* pixels, int width, int height, int channels) {
  if (setjmp(png_jmpbuf(png))) return false;
  png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
               channels == 4 ? PNG_COLOR_TYPE_RGBA : PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_compression_level(png, 6);
  png_write_info(png, info);
  size_t stride = static_cast<size_t>(width) * static_cast<size_t>(channels);
  for (int y = 0; y < height; ++y) png_write_row(png, pixels + stride * static_cast<size_t>(y));
  png_write_end(png, nullptr);
  return true;
}

}  // namespace

std::vector<uint8_t> encode_png(const std::vector<uint8_t>& pixels, int width, int height, int channels) {
  std::vector<uint8_t> out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png ? png_create_info_struct(png) : nullptr;
  bool written = false;
  if (info) {
    png_set_write_fn(png, &out, append, nullptr);
    written = write_rows(png, info, pixels.data(), width, height, channels);
  }
  png_destroy_write_struct(&png, &info);
  if (!written) throw std::bad_alloc();  // the arguments are ours, so only memory can fail
  return out;
}

}  // namespace kiosk::authoring
