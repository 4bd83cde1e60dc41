#include "kiosk/authoring/builder.h"

#include <cstdlib>
#include <ctime>
#include <optional>

#include "kiosk/authoring/body_check.h"
#include "kiosk/authoring/bundle_writer.h"
#include "kiosk/authoring/english_check.h"
#include "kiosk/authoring/fidelity.h"
#include "kiosk/authoring/font_subset.h"
#include "kiosk/authoring/image_prep.h"
#include "kiosk/authoring/map_check.h"
#include "kiosk/authoring/sources.h"
#include "kiosk/content/sha256.h"

namespace kiosk::authoring {
namespace {

int64_t build_time() {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    char* end = nullptr;
    long long value = std::strtoll(epoch, &end, 10);
    if (end && *end == '\0' && value >= 0) return value;
  }
  return static_cast<int64_t>(std::time(nullptr));
}

}  // namespace

namespace {

// An output inside the source directory would replace a source (report.txt, say) with the
// bundle, or leave a bundle among the sources for the next build to trip on.
std::optional<Diagnostic> output_among_sources(const std::filesystem::path& source_dir,
                                               const std::filesystem::path& output) {
  std::error_code unresolved;  // read_sources names an unreadable directory
  if (!lies_inside(source_dir, output, unresolved)) return std::nullopt;
  return Diagnostic{output.string(), 0,
                    "the output lies inside the source directory " + source_dir.string() +
                        "; write the bundle elsewhere (a build never changes its sources)"};
}

}  // namespace

BuildResult build_bundle(const std::filesystem::path& source_dir, const std::filesystem::path& output) {
  BuildResult result;
  if (auto problem = output_among_sources(source_dir, output)) {
    result.problems.push_back(std::move(*problem));
    return result;
  }
  ReadResult read = read_sources(source_dir);
  if (!read.problems.empty()) {
    result.problems = std::move(read.problems);
    return result;
  }
  Sources& sources = read.sources;
  result.problems = check_fidelity(sources);
  for (auto& d : check_english(sources)) result.problems.push_back(std::move(d));
  for (auto& d : check_bodies(sources)) result.problems.push_back(std::move(d));
  if (!result.problems.empty()) return result;
  sources.info.built_at = build_time();
  sources.info.builder_version = KIOSK_VERSION;

  std::vector<content::Image> images = prepare_images(sources, result.problems);
  if (!result.problems.empty()) return result;
  check_map_picture(sources, images, result.problems);
  if (!result.problems.empty()) return result;

  return write_with_fonts(sources, std::move(images), output);
}

BuildResult write_with_fonts(const Sources& sources, std::vector<content::Image> images,
                             const std::filesystem::path& output) {
  BuildResult result;
  try {
    std::vector<content::Font> fonts;
    auto characters = characters_of(all_texts(sources));
    for (const char* role : {"regular", "bold"}) {
      FontSource font = default_font(role);
      auto bytes = subset_font(font, characters);
      fonts.push_back({role, font.family, content::sha256_hex(bytes), std::move(bytes)});
    }
    write_bundle({sources, std::move(fonts), std::move(images)}, output);
  } catch (const std::exception& e) {
    result.problems.push_back({output.string(), 0, e.what()});
    return result;
  }
  result.sha256 = content::sha256_file_hex(output);
  result.bytes = std::filesystem::file_size(output);
  return result;
}

}  // namespace kiosk::authoring
