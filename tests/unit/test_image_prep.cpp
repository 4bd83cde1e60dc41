// Pictures as the builder prepares them: SVGs drawn by librsvg at the size shown, photos
// checked and scaled, and every bad file named with its images.toml line and the reason.
#include <doctest/doctest.h>

#include "bundle_fixture.h"
#include "kiosk/authoring/image_prep.h"
#include "kiosk/authoring/png_encode.h"
#include "kiosk/content/image_decode.h"
#include "png_maker.h"

using namespace kiosk;

namespace {

struct Prepared {
  std::vector<content::Image> images;
  authoring::Diagnostics problems;
};

Prepared prepare(const ScratchDir& dir, const std::string& name, const std::string& bytes) {
  authoring::Sources sources;
  authoring::ImageSource image;
  image.id = "pic";
  image.file = dir.write(name, bytes);
  image.defined_in = "images.toml:7";
  sources.images.push_back(image);
  Prepared out;
  out.images = authoring::prepare_images(sources, out.problems);
  return out;
}

// The one image a good file makes.
content::Image prepared_image(const ScratchDir& dir, const std::string& name, const std::string& bytes) {
  auto out = prepare(dir, name, bytes);
  REQUIRE(out.problems.empty());
  REQUIRE(out.images.size() == 1);
  return out.images[0];
}

content::DecodedImage decoded(const content::Image& image) {
  std::string reason;
  auto pixels = content::decode_image(image.bytes, reason);
  REQUIRE_MESSAGE(pixels, reason);
  return *pixels;
}

const uint8_t* pixel(const content::DecodedImage& image, int x, int y) {
  return &image.rgba[(static_cast<size_t>(y) * image.width + x) * 4];
}

std::string problems_of(const Prepared& prepared) {
  std::string out;
  for (const auto& p : prepared.problems) out += p.to_string() + "\n";
  return out;
}

}  // namespace

TEST_CASE("image prep: an SVG sized only by its viewBox fills the largest shown size") {
  ScratchDir dir;
  auto image = prepared_image(dir, "red.svg",
                              "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 400 300'>"
                              "<rect width='400' height='300' fill='#c00000'/></svg>");
  CHECK(image.mime == "image/png");
  CHECK(image.width == authoring::kMaxShownWidth);
  CHECK(image.height == authoring::kMaxShownHeight);
  auto pixels = decoded(image);
  CHECK(pixels.width == image.width);
  CHECK(pixel(pixels, 960, 720)[0] == 0xC0);
  CHECK(pixel(pixels, 960, 720)[3] == 0xFF);
}

TEST_CASE("image prep: a tall SVG fits the box by its height") {
  ScratchDir dir;
  auto image = prepared_image(dir, "tall.svg",
                              "<svg xmlns='http://www.w3.org/2000/svg' width='300' height='600'>"
                              "<rect width='300' height='600' fill='#000'/></svg>");
  CHECK(image.width == 720);
  CHECK(image.height == authoring::kMaxShownHeight);
}

TEST_CASE("image prep: transparency survives, in straight (not premultiplied) colour") {
  ScratchDir dir;
  auto pixels =
      decoded(prepared_image(dir, "glass.svg",
                             "<svg xmlns='http://www.w3.org/2000/svg' width='40' height='30'>"
                             "<rect x='20' width='20' height='30' fill='#0000ff' fill-opacity='0.5'/></svg>"));
  const uint8_t* clear = pixel(pixels, 100, 700);
  CHECK(clear[3] == 0);
  const uint8_t* half = pixel(pixels, 1500, 700);
  CHECK(half[2] == 0xFF);  // premultiplied, it would read about 0x80
  CHECK(half[3] >= 0x7F);
  CHECK(half[3] <= 0x80);
}

TEST_CASE("image prep: a broken SVG is named with its line in images.toml and librsvg's reason") {
  ScratchDir dir;
  auto out = prepare(dir, "broken.svg", "<svg xmlns='http://www.w3.org/2000/svg' width='4' height='3'><rect></svg>");
  CHECK(out.images.empty());
  REQUIRE(out.problems.size() == 1);
  CHECK(out.problems[0].file == "images.toml");
  CHECK(out.problems[0].line == 7);
  auto text = problems_of(out);
  CHECK(text.find("image 'pic' (broken.svg): not a readable SVG: ") != std::string::npos);
  CHECK(text.find("line 1") != std::string::npos);
}

TEST_CASE("image prep: an SVG without a size, and a file that is not an SVG, are refused") {
  ScratchDir dir;
  auto sizeless = prepare(dir, "sizeless.svg", "<svg xmlns='http://www.w3.org/2000/svg'><rect/></svg>");
  CHECK(sizeless.images.empty());
  CHECK(problems_of(sizeless).find("the SVG has no size: give it width and height, or a viewBox") != std::string::npos);
  auto text = prepare(dir, "notes.svg", "these are notes, not a drawing");
  CHECK(text.images.empty());
  CHECK(problems_of(text).find("image 'pic' (notes.svg): not a readable SVG") != std::string::npos);
}

TEST_CASE("image prep: a photo larger than shown is scaled down to fit, in its own format") {
  ScratchDir dir;
  std::vector<uint8_t> green(2400 * 1200 * 3);
  for (size_t i = 1; i < green.size(); i += 3) green[i] = 0xB0;
  auto png = authoring::encode_png(green, 2400, 1200, 3);
  auto image = prepared_image(dir, "wide.png", std::string(png.begin(), png.end()));
  CHECK(image.mime == "image/png");
  CHECK(image.width == authoring::kMaxShownWidth);
  CHECK(image.height == 960);
  auto pixels = decoded(image);
  CHECK(pixel(pixels, 1000, 500)[1] == 0xB0);
}

TEST_CASE("image prep: a photo that is not an image is refused") {
  ScratchDir dir;
  auto out = prepare(dir, "photo.png", "not a picture");
  CHECK(out.images.empty());
  CHECK(problems_of(out).find("image 'pic' (photo.png): not a PNG or JPEG image") != std::string::npos);
}

TEST_CASE("image prep: a photo whose PNG data inflates beyond its header is refused before it is inflated") {
  ScratchDir dir;
  auto bomb = png_maker::png(256, 256, 8, 6, false, png_maker::zeros_stream(64 << 20));
  auto out = prepare(dir, "bomb.png", png_maker::as_string(bomb));
  CHECK(out.images.empty());
  CHECK(problems_of(out).find("image 'pic' (bomb.png): corrupt PNG: the image data inflates beyond the 256x256 its "
                              "header gives") != std::string::npos);
}
