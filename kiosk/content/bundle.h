#pragma once
// A content bundle opened read-only the way sqlite.org advises for untrusted files,
// after the cheap checks the kiosk does at start. Content is queried lazily.

#include <filesystem>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/content/model.h"
#include "kiosk/content/source_document.h"
#include "kiosk/content/sqlite.h"

namespace kiosk::content {

// Why a bundle cannot be used; what() names the file and the reason.
class BundleError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Bundle {
 public:
  // Opens and runs the cheap checks: identity, schema version, schema objects,
  // PRAGMA integrity_check. Throws BundleError.
  static Bundle open(const std::filesystem::path& path);

  const std::filesystem::path& path() const { return path_; }
  const BundleInfo& info() const { return info_; }
  // The file's schema version (PRAGMA user_version), kOldestSchemaVersion..kSchemaVersion.
  int schema_version() const { return schema_version_; }

  std::vector<Category> categories() const;
  std::vector<ItemSummary> item_summaries(const std::string& category_id) const;
  std::optional<Item> item(const std::string& id) const;
  // Every item, in id order, in one query (validation's fidelity check reads them all).
  std::vector<Item> items() const;
  std::vector<PlaylistEntry> playlist() const;
  // The district map, or nothing when the bundle has none (and before schema version 3).
  std::optional<DistrictMap> district_map() const;
  std::vector<UiString> ui_strings() const;
  std::optional<Font> font(const std::string& role) const;
  // The font's recorded checksum, without reading the font itself.
  std::optional<std::string> font_sha256(const std::string& role) const;
  std::optional<Image> image(const std::string& id) const;
  // The image's recorded width and height, without reading its bytes.
  std::optional<std::pair<int, int>> image_size(const std::string& id) const;
  int64_t count(const std::string& table) const;
  // The source document, or nothing in a bundle of schema version 1, which has none.
  // Throws BundleError when the source table holds other than one row.
  std::optional<SourceDocument> source_document() const;
  // The report text by sections, for reading it whole; nothing where there is no source.
  std::optional<ReportSource> report_source() const;

  Database& database() { return db_; }

 private:
  Bundle(std::filesystem::path path, Database db);
  void check_identity();
  void check_schema_objects() const;
  void check_integrity() const;
  BundleInfo read_info() const;
  [[noreturn]] void fail(const std::string& reason) const;

  std::filesystem::path path_;
  Database db_;
  BundleInfo info_;
  int schema_version_ = 0;
};

// The bundle's schema objects as (type, name, sql) triples, in a stable order.
std::vector<std::string> schema_objects(const Database& db);

// Opens an SQLite file read-only and hardened against hostile content.
Database open_untrusted(const std::filesystem::path& path);

}  // namespace kiosk::content
