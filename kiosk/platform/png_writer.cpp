#include "kiosk/platform/png_writer.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#define STBI_WRITE_NO_STDIO
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#include <stb_image_write.h>

#include "kiosk/base/errors.h"
#pragma GCC diagnostic pop

namespace kiosk::platform {
namespace {

void append(void* context, void* data, int size) {
  auto* out = static_cast<std::vector<uint8_t>*>(context);
  out->insert(out->end(), static_cast<uint8_t*>(data), static_cast<uint8_t*>(data) + size);
}

}  // namespace

std::string write_png(const std::filesystem::path& path, const std::vector<uint8_t>& rgba, int width, int height) {
  std::vector<uint8_t> png;
  if (!stbi_write_png_to_func(append, &png, width, height, 4, rgba.data(), width * 4)) return "cannot encode the PNG";
  std::filesystem::path temp = path.string() + ".tmp";
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return std::string("cannot write: ") + base::errno_text(errno);
    out.write(reinterpret_cast<const char*>(png.data()), static_cast<std::streamsize>(png.size()));
    if (!out.flush()) return std::string("cannot write: ") + base::errno_text(errno);
  }
  std::error_code ec;
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    return "cannot rename into place: " + ec.message();
  }
  return "";
}

}  // namespace kiosk::platform
