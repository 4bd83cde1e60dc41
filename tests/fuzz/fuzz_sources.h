#pragma once
// The editable content sources from arbitrary text. The input holds several files,
// each introduced by a line "=== NAME" (bundle.toml, categories.toml, images.toml,
// playlist.toml, ui.toml, items/ID.toml or source/report.txt); they are written to a
// scratch folder, read as `kioskctl build` reads db/content/, and sources that read
// without problems are held to their source document as the build holds them.

#include <cstdint>
#include <string>
#include <string_view>

#include "kiosk/authoring/fidelity.h"
#include "kiosk/authoring/sources.h"
#include "tests/fuzz/fuzz_common.h"

namespace kiosk::fuzz {

// Only names that stay inside the folder: an input must not write anywhere else.
inline bool safe_source_name(std::string_view name) {
  if (name == "bundle.toml" || name == "categories.toml" || name == "images.toml" || name == "playlist.toml" ||
      name == "ui.toml" || name == "source/report.txt")
    return true;
  if (!name.starts_with("items/") || !name.ends_with(".toml") || name.size() > 48) return false;
  auto id = name.substr(6, name.size() - 11);
  if (id.empty()) return false;
  for (char c : id)
    if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '_' && c != '-') return false;
  return true;
}

inline void write_sources(std::string_view input, const std::filesystem::path& dir) {
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "items");
  std::filesystem::create_directories(dir / "source");
  std::string_view name;
  size_t body = std::string_view::npos;
  auto flush = [&](size_t end) {
    if (body != std::string_view::npos && safe_source_name(name))
      write_file(dir / name, input.substr(body, end - body));
  };
  for (size_t pos = 0; pos < input.size();) {
    size_t eol = std::min(input.find('\n', pos), input.size());
    auto line = input.substr(pos, eol - pos);
    if (line.starts_with("=== ")) {
      flush(pos);
      name = line.substr(4);
      body = std::min(eol + 1, input.size());
    }
    pos = eol + 1;
  }
  flush(input.size());
}

inline void run_sources(const uint8_t* data, size_t size) {
  auto dir = scratch_dir() / "sources";
  write_sources(as_text(data, size), dir);
  auto result = authoring::read_sources(dir);
  (void)authoring::all_texts(result.sources);
  if (result.problems.empty()) (void)authoring::check_fidelity(result.sources);
}

}  // namespace kiosk::fuzz
