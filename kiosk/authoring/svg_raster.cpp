#include "kiosk/authoring/svg_raster.h"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cmath>
#include <memory>

namespace kiosk::authoring {
namespace {

struct GObjectUnref {
  void operator()(void* object) const { g_object_unref(object); }
};
struct SurfaceDestroy {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct CairoDestroy {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
};
using Handle = std::unique_ptr<RsvgHandle, GObjectUnref>;
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;
using Cairo = std::unique_ptr<cairo_t, CairoDestroy>;

std::string take_message(GError* error) {
  std::string message = error ? error->message : "unknown error";
  if (error) g_error_free(error);
  return message;
}

// The SVG's own size in pixels, or its viewBox's when it gives none.
bool intrinsic_size(RsvgHandle* handle, double& width, double& height) {
  auto usable = [&] { return std::isfinite(width) && std::isfinite(height) && width > 0 && height > 0; };
  if (rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) && usable()) return true;
  gboolean has_width = FALSE, has_height = FALSE, has_viewbox = FALSE;
  RsvgLength w{}, h{};
  RsvgRectangle viewbox{};
  rsvg_handle_get_intrinsic_dimensions(handle, &has_width, &w, &has_height, &h, &has_viewbox, &viewbox);
  width = viewbox.width, height = viewbox.height;
  return has_viewbox && usable();
}

// cairo's ARGB32 is premultiplied, native-endian words; PNG wants straight RGB(A) bytes.
Raster to_rgba(cairo_surface_t* surface, int width, int height) {
  const uint8_t* data = cairo_image_surface_get_data(surface);
  size_t stride = static_cast<size_t>(cairo_image_surface_get_stride(surface));
  auto row = [&](int y) { return reinterpret_cast<const uint32_t*>(data + stride * static_cast<size_t>(y)); };
  bool opaque = true;
  for (int y = 0; y < height && opaque; ++y)
    opaque = std::all_of(row(y), row(y) + width, [](uint32_t p) { return (p >> 24) == 0xFF; });
  Raster out{width, height, opaque ? 3 : 4, {}};
  out.pixels.resize(static_cast<size_t>(width) * static_cast<size_t>(height) * static_cast<size_t>(out.channels));
  uint8_t* o = out.pixels.data();
  for (int y = 0; y < height; ++y)
    for (const uint32_t *p = row(y), *end = p + width; p != end; ++p) {
      uint32_t a = *p >> 24, r = (*p >> 16) & 0xFF, g = (*p >> 8) & 0xFF, b = *p & 0xFF;
      if (a != 0xFF && a != 0) {
        r = (r * 255 + a / 2) / a, g = (g * 255 + a / 2) / a, b = (b * 255 + a / 2) / a;
      }
      *o++ = static_cast<uint8_t>(r), *o++ = static_cast<uint8_t>(g), *o++ = static_cast<uint8_t>(b);
      if (!opaque) *o++ = static_cast<uint8_t>(a);
    }
  return out;
}

}  // namespace

std::optional<Raster> rasterise_svg(const std::filesystem::path& svg, int max_width, int max_height,
                                    std::string& reason) {
  GError* error = nullptr;
  Handle handle(rsvg_handle_new_from_file(svg.c_str(), &error));
  if (!handle) {
    reason = "not a readable SVG: " + take_message(error);
    return std::nullopt;
  }
  double w = 0, h = 0;
  if (!intrinsic_size(handle.get(), w, h)) {
    reason = "the SVG has no size: give it width and height, or a viewBox";
    return std::nullopt;
  }
  double scale = std::min(max_width / w, max_height / h);
  int width = std::clamp(static_cast<int>(std::lround(w * scale)), 1, max_width);
  int height = std::clamp(static_cast<int>(std::lround(h * scale)), 1, max_height);
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    reason = "cannot allocate " + std::to_string(width) + "x" + std::to_string(height) + " pixels";
    return std::nullopt;
  }
  Cairo cr(cairo_create(surface.get()));
  RsvgRectangle viewport{0, 0, static_cast<double>(width), static_cast<double>(height)};
  if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &error)) {
    reason = "librsvg could not render the SVG: " + take_message(error);
    return std::nullopt;
  }
  cairo_surface_flush(surface.get());
  return to_rgba(surface.get(), width, height);
}

}  // namespace kiosk::authoring
