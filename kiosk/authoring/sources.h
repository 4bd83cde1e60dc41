#pragma once
// The editable content sources (db/content/): TOML files an operator changes in a
// text editor. Reading them checks every field and names the file and line of each problem.

#include <filesystem>
#include <string>
#include <vector>

#include "kiosk/authoring/diagnostic.h"
#include "kiosk/content/model.h"

namespace kiosk::authoring {

struct ImageSource {
  std::string id;
  std::filesystem::path file;  // resolved against the source folder
  content::Bilingual alt;
  std::string credit;
  std::string licence;
  std::string defined_in;  // "images.toml:LINE", for later messages
};

struct Sources {
  std::filesystem::path dir;
  content::BundleInfo info;
  std::vector<content::Category> categories;
  std::vector<content::Item> items;
  std::vector<content::PlaylistEntry> playlist;
  std::vector<content::UiString> ui_strings;
  std::vector<ImageSource> images;
};

struct ReadResult {
  Sources sources;
  Diagnostics problems;
};

ReadResult read_sources(const std::filesystem::path& dir);

// Every text of the sources that the kiosk may draw, for the font subset.
std::vector<std::string> all_texts(const Sources& sources);

}  // namespace kiosk::authoring
