// The texture cache keeps each picture at the size it is shown (issue #17): a card's
// thumbnail is not the full-screen photo. Needs a display (label "gl").
#include <doctest/doctest.h>

#include <chrono>
#include <optional>
#include <string>
#include <thread>

#include "kiosk/content/bundle.h"
#include "kiosk/platform/gl_objects.h"
#include "kiosk/platform/texture_cache.h"
#include "kiosk/platform/window.h"

using namespace kiosk;

namespace {

// The first picture of the report bundle, with its recorded size.
struct Picture {
  std::string id;
  int width = 0, height = 0;
};

Picture first_picture(content::Bundle& bundle) {
  for (const auto& item : bundle.items())
    if (auto image = bundle.image(item.image_id)) return {image->id, image->width, image->height};
  FAIL("the report bundle has no picture");
  return {};
}

}  // namespace

TEST_CASE("texture cache: a picture is uploaded at the halving that still covers the pixels it is shown on") {
  platform::Window window(platform::WindowKind::Offscreen, 64, 64, "texture cache test");
  auto bundle = content::Bundle::open(KIOSK_REPORT_BUNDLE);
  Picture picture = first_picture(bundle);
  REQUIRE(picture.width >= 1600);
  auto gl_before = platform::count_gl_objects();
  {
    platform::TextureCache cache(bundle, true);
    ImVec2 card(picture.width / 5.0f, picture.height / 5.0f);  // each side needs at least a quarter
    auto thumbnail = cache.texture(picture.id, card);
    REQUIRE(thumbnail);
    CHECK(thumbnail->width == picture.width / 4);
    CHECK(thumbnail->height == picture.height / 4);
    CHECK(cache.live_bytes() == static_cast<size_t>(thumbnail->width * thumbnail->height * 4));
    CHECK(platform::count_gl_objects().texture_bytes - gl_before.texture_bytes ==
          static_cast<long>(cache.live_bytes()));  // no mipmaps, nothing else held

    // Shown larger than the picture: the picture itself, and then it serves smaller boxes too.
    auto full = cache.texture(picture.id, ImVec2(picture.width * 1.2f, picture.height * 1.2f));
    REQUIRE(full);
    CHECK(full->width == picture.width);
    CHECK(cache.texture(picture.id, ImVec2(picture.width / 2.0f, 8))->width == picture.width);
    CHECK(cache.live_textures() == 2);
    // Two or more halvings finer is not drawn in place of a small box: the box's own level is
    // made (the review found full-size pictures drawn, shimmering, as cards).
    auto small = cache.texture(picture.id, ImVec2(picture.width / 10.0f, picture.height / 10.0f));
    REQUIRE(small);
    CHECK(small->width == picture.width / 8);
    CHECK(cache.live_textures() == 3);

    // An id the bundle lacks, and a box of no size, neither fail nor crash.
    CHECK_FALSE(cache.texture("no-such-image", card));
    CHECK_FALSE(cache.texture("no-such-image", card));  // and again, every frame: still nothing
    CHECK(cache.texture(picture.id, ImVec2(0, 0)));
    CHECK(cache.take_errors().empty());
  }
  CHECK(platform::count_gl_objects().textures == gl_before.textures);
}

TEST_CASE("texture cache: while a finer level loads, the coarser one stands in rather than a placeholder") {
  platform::Window window(platform::WindowKind::Offscreen, 64, 64, "texture cache test");
  auto bundle = content::Bundle::open(KIOSK_REPORT_BUNDLE);
  Picture picture = first_picture(bundle);
  platform::TextureCache cache(bundle, false);
  ImVec2 card(picture.width / 8.0f, picture.height / 8.0f);
  cache.prefetch(picture.id, card);
  for (int frame = 0; frame < 500 && !cache.live_textures(); ++frame) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    cache.upload_ready();
  }
  auto thumbnail = cache.texture(picture.id, card);
  REQUIRE(thumbnail);
  CHECK(thumbnail->width == picture.width / 8);

  ImVec2 screen(static_cast<float>(picture.width), static_cast<float>(picture.height));
  auto meanwhile = cache.texture(picture.id, screen);
  REQUIRE(meanwhile);
  CHECK(meanwhile->width == picture.width / 8);
  CHECK(cache.loading());  // frames go on until the full size is there
  std::optional<ui::ImageTexture> full;
  for (int frame = 0; frame < 500 && cache.loading(); ++frame) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    cache.upload_ready();
    full = cache.texture(picture.id, screen);
  }
  REQUIRE(full);
  CHECK(full->width == picture.width);
  CHECK_FALSE(cache.loading());
}
