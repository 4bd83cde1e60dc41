#include "kiosk/platform/png_writer.h"

#include <string_view>

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#define STBI_WRITE_NO_STDIO
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#include <stb_image_write.h>

#pragma GCC diagnostic pop

#include "kiosk/base/atomic_file.h"
#include "kiosk/base/errors.h"

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
  try {
    base::write_file_atomically(path, std::string_view(reinterpret_cast<const char*>(png.data()), png.size()), 0644);
  } catch (const base::FileError& e) {
    return std::string("cannot write: ") + base::errno_text(e.error());
  }
  return "";
}

}  // namespace kiosk::platform
