#include "kiosk/platform/gl_objects.h"

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>

#include "kiosk/platform/gl.h"

namespace kiosk::platform {
namespace {

// Drivers that hand names out in increasing order make a fresh name an upper bound on the
// live ones; drivers that reuse freed names hand out low ones, so a floor is scanned too.
constexpr GLuint kScanFloor = 4096;

template <typename Gen, typename Del, typename Is>
long count_names(Gen gen, Del del, Is is) {
  GLuint probe = 0;
  gen(1, &probe);  // never bound, so it creates no object, and it is given back at once
  del(1, &probe);
  GLuint last = std::max(probe, kScanFloor);
  long live = 0;
  for (GLuint name = 1; name <= last; ++name)
    if (is(name)) ++live;
  return live;
}

long bytes_per_texel(GLint internal_format) {
  switch (internal_format) {
    case GL_R8:
    case GL_RED:
    case GL_ALPHA: return 1;
    case GL_RG8: return 2;
    default: return 4;  // RGBA8, and RGB8 as drivers store it
  }
}

// Binding each live name in turn asks the driver for its levels; the binding the caller
// had is restored.
long texture_bytes() {
  GLint previous = 0;
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
  GLuint probe = 0;
  glGenTextures(1, &probe);
  glDeleteTextures(1, &probe);
  long bytes = 0;
  for (GLuint name = 1; name <= std::max(probe, kScanFloor); ++name) {
    if (!glIsTexture(name)) continue;
    glBindTexture(GL_TEXTURE_2D, name);
    for (GLint level = 0; level < 16; ++level) {
      GLint w = 0, h = 0, format = 0;
      glGetTexLevelParameteriv(GL_TEXTURE_2D, level, GL_TEXTURE_WIDTH, &w);
      glGetTexLevelParameteriv(GL_TEXTURE_2D, level, GL_TEXTURE_HEIGHT, &h);
      if (w <= 0 || h <= 0) break;
      glGetTexLevelParameteriv(GL_TEXTURE_2D, level, GL_TEXTURE_INTERNAL_FORMAT, &format);
      bytes += static_cast<long>(w) * h * bytes_per_texel(format);
    }
  }
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
  return bytes;
}

}  // namespace

GlObjectCounts count_gl_objects() {
  GlObjectCounts c;
  c.textures = count_names(glGenTextures, glDeleteTextures, glIsTexture);
  c.buffers = count_names(glGenBuffers, glDeleteBuffers, glIsBuffer);
  c.vertex_arrays = count_names(glGenVertexArrays, glDeleteVertexArrays, glIsVertexArray);
  c.framebuffers = count_names(glGenFramebuffers, glDeleteFramebuffers, glIsFramebuffer);
  c.texture_bytes = texture_bytes();
  return c;
}

long resident_kib() {
  std::ifstream statm("/proc/self/statm");
  long size = 0, resident = 0;
  if (!(statm >> size >> resident)) return -1;
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

long heap_in_use_kib() {
  auto info = mallinfo2();
  return static_cast<long>((info.uordblks + info.hblkhd) / 1024);
}

}  // namespace kiosk::platform
