// Off-screen targets give back every GL object they made, also when their constructor
// throws. Needs a display (label "gl"): GL objects exist only in a real context.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include "kiosk/platform/gl.h"
#include "kiosk/platform/gl_objects.h"
#include "kiosk/platform/offscreen.h"
#include "kiosk/platform/window.h"

using namespace kiosk::platform;

TEST_CASE("offscreen: a target of an impossible size throws and leaks no texture or framebuffer") {
  Window window(WindowKind::Offscreen, 64, 64, "offscreen test");
  GLint most = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &most);
  REQUIRE(most > 0);
  auto before = count_gl_objects();
  for (int i = 0; i < 3; ++i) CHECK_THROWS_AS(OffscreenTarget(most * 2, 16), PlatformError);
  auto after = count_gl_objects();
  CHECK(after.textures == before.textures);
  CHECK(after.framebuffers == before.framebuffers);

  {
    OffscreenTarget target(32, 16);
    auto during = count_gl_objects();
    CHECK(during.textures == before.textures + 1);  // the count does see a live target
    CHECK(during.framebuffers == before.framebuffers + 1);
    CHECK(target.read_pixels().size() == 32u * 16u * 4u);
  }
  CHECK(count_gl_objects().textures == before.textures);
  CHECK(count_gl_objects().framebuffers == before.framebuffers);
}
