#pragma once
// The editable content sources (db/content/): TOML files an operator changes in a
// text editor. Reading them checks every field and names the file and line of each problem.

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/authoring/diagnostic.h"
#include "kiosk/content/model.h"
#include "kiosk/content/source_document.h"

namespace kiosk::authoring {

struct ImageSource {
  std::string id;
  std::filesystem::path file;  // resolved against the folder of images.toml, which names it
  content::Bilingual alt;
  std::string credit;
  std::string licence;
  std::string defined_in;  // "images.toml:LINE", for later messages
};

// Where a field was written: "items/city.toml", line 12.
struct Place {
  std::string file;
  int line = 0;
};

struct Sources {
  std::filesystem::path dir;
  content::BundleInfo info;
  content::SourceDocument document;  // [source] file, sha256, first_line, last_line of bundle.toml
  std::string document_file;         // as bundle.toml names it: "source/report.txt"
  std::vector<content::Category> categories;
  std::vector<content::Item> items;
  std::vector<content::PlaylistEntry> playlist;
  std::vector<content::UiString> ui_strings;
  std::vector<ImageSource> images;
  std::optional<content::DistrictMap> map;  // map.toml, when the sources have one
  // Where each text was written, keyed "item ID KEY" (KEY as in the file: quote,
  // figure.display ...), "category ID", "ui KEY" and "image ID".
  std::map<std::string, Place> places;
};

struct ReadResult {
  Sources sources;
  Diagnostics problems;
};

ReadResult read_sources(const std::filesystem::path& dir);

// True when `path`, its links and ".." resolved, lies inside the directory `dir` (what a
// build may read, and where it must not write); false when either cannot be resolved.
bool lies_inside(const std::filesystem::path& dir, const std::filesystem::path& path, std::error_code& error);

// Every text of the sources that the kiosk may draw, for the font subset.
std::vector<std::string> all_texts(const Sources& sources);

}  // namespace kiosk::authoring
