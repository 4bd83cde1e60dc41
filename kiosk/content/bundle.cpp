#include "kiosk/content/bundle.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <fstream>

#include "kiosk/base/errors.h"
#include "kiosk/base/fd.h"
#include "kiosk/content/image_decode.h"
#include "kiosk/content/schema.h"

namespace kiosk::content {
namespace {

constexpr int kMaxLength = 32 * 1024 * 1024;         // the largest blob or text a bundle may hold
constexpr int64_t kHeapLimit = 512LL * 1024 * 1024;  // SQLite may never take more than this

// SQLite URIs need '%', '?' and '#' escaped in the path part.
std::string file_uri(const std::filesystem::path& path) {
  std::string uri = "file:";
  for (unsigned char c : std::filesystem::absolute(path).string()) {
    if (c == '%' || c == '?' || c == '#' || c < 0x21 || c >= 0x7f) {
      static const char* hex = "0123456789ABCDEF";
      uri += '%';
      uri += hex[c >> 4];
      uri += hex[c & 15];
    } else {
      uri += static_cast<char>(c);
    }
  }
  return uri + "?immutable=1";
}

// A clearer reason than SQLite's "unable to open database file" for the usual cases.
uint32_t big_endian(const unsigned char* p, int bytes) {
  uint32_t v = 0;
  for (int i = 0; i < bytes; ++i) v = v << 8 | p[i];
  return v;
}

// SQLite reads a cut file as "malformed" at best; its header says how long it should be
// (https://sqlite.org/fileformat.html: page size at 16, page count at 28, valid while the
// change counter at 24 equals the one at 92), so a transfer cut short is named as such.
void check_length(const std::filesystem::path& path, int fd, off_t size) {
  unsigned char header[100];
  if (size < static_cast<off_t>(sizeof header)) return;  // not SQLite's at all: the open says so
  if (::pread(fd, header, sizeof header, 0) != static_cast<ssize_t>(sizeof header)) return;
  if (std::memcmp(header, "SQLite format 3", 16) != 0) return;
  uint32_t page_size = big_endian(header + 16, 2);
  if (page_size == 1) page_size = 65536;
  uint32_t pages = big_endian(header + 28, 4);
  if (big_endian(header + 24, 4) != big_endian(header + 92, 4) || pages == 0) return;
  auto expected = static_cast<off_t>(page_size) * pages;
  if (size < expected)
    throw BundleError(path.string() + ": truncated: " + std::to_string(size) + " bytes, where its header promises " +
                      std::to_string(expected) + " (" + std::to_string(pages) + " pages of " +
                      std::to_string(page_size) + ")");
}

void check_readable(const std::filesystem::path& path) {
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) throw BundleError(path.string() + ": no such file");
  if (std::filesystem::is_directory(status)) throw BundleError(path.string() + ": is a directory, not a bundle file");
  // Without blocking: opening a FIFO for reading would wait for a writer for ever.
  base::Fd fd(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (!fd) throw BundleError(path.string() + ": cannot read: " + base::errno_text(errno));
  struct stat st {};
  bool regular = ::fstat(fd.get(), &st) == 0 && S_ISREG(st.st_mode);
  if (!regular) throw BundleError(path.string() + ": not a regular file (a FIFO, socket or device), not a bundle file");
  check_length(path, fd.get(), st.st_size);
}

Item read_item(const Statement& s, int schema_version) {
  const bool has_reference = schema_version >= 3;
  Item item;
  item.id = s.text(0);
  item.category_id = s.text(1);
  item.kind = item_kind_from_string(s.text(2)).value_or(ItemKind::Story);
  item.order = static_cast<int>(s.integer(3));
  item.title = {s.text(4), s.text(5)};
  item.summary = {s.text(6), s.text(7)};
  item.body = {s.text(8), s.text(9)};
  item.quote_zh = s.text(10);
  item.section = {s.text(11), s.text(12)};
  item.image_id = s.text(13);
  if (!s.is_null(14)) {
    item.figure = Figure{s.text(14), s.real(15), s.text(16), s.text(17), s.text(18), s.text(19), {}};
  }
  if (!s.is_null(20)) {
    Landmark landmark{{s.text(21), s.text(22)}, std::nullopt, std::nullopt, {}};
    if (!s.is_null(23)) landmark.lat = s.real(23);
    if (!s.is_null(24)) landmark.lon = s.real(24);
    if (has_reference) landmark.source = {s.text(25), s.text(26)};
    item.landmark = landmark;
  }
  if (schema_version >= 4 && !s.is_null(27)) item.original_zh = s.text(27);
  return item;
}

// The figures after each lead, by item, in their order; nothing before schema 4.
void read_more_figures(const Database& db, int schema_version, std::vector<Item*> items) {
  if (schema_version < 4 || items.empty()) return;
  std::string sql =
      "SELECT item_id, display_zh, value, unit_zh, qualifier, direction, display_en, label_zh, label_en"
      " FROM figure_more";
  if (items.size() == 1) sql += " WHERE item_id = ?1";
  auto s = db.prepare(sql + " ORDER BY item_id, ord");
  if (items.size() == 1) s.bind(1, items.front()->id);
  std::sort(items.begin(), items.end(), [](const Item* a, const Item* b) { return a->id < b->id; });
  auto next = items.begin();
  while (s.step()) {
    std::string id = s.text(0);
    while (next != items.end() && (*next)->id < id) ++next;
    if (next == items.end()) break;
    if ((*next)->id != id) continue;
    (*next)->more_figures.push_back(
        Figure{s.text(1), s.real(2), s.text(3), s.text(4), s.text(5), s.text(6), {s.text(7), s.text(8)}});
  }
}

// The schema objects each version added, absent from bundles of older versions.
struct Added {
  int version;
  std::string_view object;  // "type name", as schema_objects() begins its entries
};
constexpr Added kAdded[] = {{2, "table source"},
                            {3, "table landmark_reference"},
                            {3, "index sqlite_autoindex_landmark_reference_1"},
                            {3, "table district_map"},
                            {4, "table figure_more"},
                            {4, "index sqlite_autoindex_figure_more_1"},
                            {4, "table original"},
                            {4, "index sqlite_autoindex_original_1"}};

bool added_after(const std::string& object, int version) {
  for (const auto& added : kAdded)
    if (added.version > version && object.rfind(std::string(added.object) + ":", 0) == 0) return true;
  return false;
}

// Version 3 added the landmarks' sources; an older bundle's query leaves them out.
std::string item_select(int schema_version) {
  std::string sql =
      "SELECT i.id, i.category_id, i.kind, i.ord, i.title_zh, i.title_en, i.summary_zh, i.summary_en,"
      " i.body_zh, i.body_en, i.quote_zh, i.section_zh, i.section_en, i.image_id,"
      " f.display_zh, f.value, f.unit_zh, f.qualifier, f.direction, f.display_en,"
      " l.item_id, l.address_zh, l.address_en, l.lat, l.lon";
  if (schema_version >= 3) sql += ", r.source_zh, r.source_en";
  if (schema_version >= 4) sql += ", o.text_zh";
  sql += " FROM item i LEFT JOIN figure f ON f.item_id = i.id LEFT JOIN landmark l ON l.item_id = i.id ";
  if (schema_version >= 3) sql += "LEFT JOIN landmark_reference r ON r.item_id = i.id ";
  if (schema_version >= 4) sql += "LEFT JOIN original o ON o.item_id = i.id ";
  return sql;
}

}  // namespace

const char* to_string(ItemKind kind) {
  switch (kind) {
    case ItemKind::Figure: return "figure";
    case ItemKind::Project: return "project";
    case ItemKind::Landmark: return "landmark";
    case ItemKind::Story: return "story";
  }
  return "story";
}

std::optional<ItemKind> item_kind_from_string(const std::string& text) {
  if (text == "figure") return ItemKind::Figure;
  if (text == "project") return ItemKind::Project;
  if (text == "landmark") return ItemKind::Landmark;
  if (text == "story") return ItemKind::Story;
  return std::nullopt;
}

Database open_untrusted(const std::filesystem::path& path) {
  check_readable(path);
  sqlite3_hard_heap_limit64(kHeapLimit);
  Database db;
  try {
    db = Database(file_uri(path), SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
  } catch (const SqliteError& e) {
    throw BundleError(path.string() + ": cannot open: " + e.what());
  }
  sqlite3* h = db.handle();
  // sqlite3_limit returns the old limit, never an error, for a valid category.
  sqlite3_limit(h, SQLITE_LIMIT_LENGTH, kMaxLength);
  sqlite3_limit(h, SQLITE_LIMIT_ATTACHED, 0);
  try {
    // An untrusted file is never read without these: a failure to set one is an error.
    db.configure(SQLITE_DBCONFIG_DEFENSIVE, true);
    db.configure(SQLITE_DBCONFIG_TRUSTED_SCHEMA, false);
    db.configure(SQLITE_DBCONFIG_ENABLE_TRIGGER, false);
    db.configure(SQLITE_DBCONFIG_ENABLE_VIEW, false);
    db.exec("PRAGMA cell_size_check=ON");
  } catch (const SqliteError& e) {
    throw BundleError(path.string() + ": " + e.what());
  }
  return db;
}

std::vector<std::string> schema_objects(const Database& db) {
  std::vector<std::string> objects;
  auto s = db.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name");
  while (s.step()) objects.push_back(s.text(0) + " " + s.text(1) + ": " + s.text(2));
  return objects;
}

Bundle::Bundle(std::filesystem::path path, Database db) : path_(std::move(path)), db_(std::move(db)) {}

Bundle Bundle::open(const std::filesystem::path& path) {
  Bundle bundle(path, open_untrusted(path));
  try {
    bundle.check_identity();
    bundle.check_schema_objects();
    bundle.check_integrity();
    bundle.info_ = bundle.read_info();
  } catch (const SqliteError& e) {
    std::string reason = e.what();
    if (reason == "file is not a database") bundle.fail("not a content bundle (the file is not a database)");
    bundle.fail(reason);
  }
  return bundle;
}

void Bundle::fail(const std::string& reason) const {
  throw BundleError(path_.string() + ": " + reason);
}

void Bundle::check_identity() {
  int app = db_.pragma_int("application_id");
  // SQLite reads an empty file as an empty database; "application_id 0" would mislead.
  std::error_code ec;
  if (app != kApplicationId && std::filesystem::file_size(path_, ec) == 0 && !ec)
    fail("not a content bundle (an empty file)");
  if (app != kApplicationId) fail("not a content bundle (application_id " + std::to_string(app) + ")");
  int version = db_.pragma_int("user_version");
  if (version > kSchemaVersion)
    fail("schema version " + std::to_string(version) + " is newer than this kiosk understands (" +
         std::to_string(kSchemaVersion) + ")");
  if (version < kOldestSchemaVersion) fail("schema version " + std::to_string(version) + " is not supported");
  schema_version_ = version;
}

void Bundle::check_schema_objects() const {
  Database expected(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY);
  expected.exec(kSchemaSql);
  auto want = schema_objects(expected);
  std::erase_if(want, [&](const std::string& object) { return added_after(object, schema_version_); });
  auto have = schema_objects(db_);
  for (const auto& object : have) {
    if (std::find(want.begin(), want.end(), object) == want.end())
      fail("unexpected schema object: " + object.substr(0, object.find(':')));
  }
  for (const auto& object : want) {
    if (std::find(have.begin(), have.end(), object) == have.end())
      fail("missing schema object: " + object.substr(0, object.find(':')));
  }
}

void Bundle::check_integrity() const {
  // integrity_check, not quick_check: quick_check does not compare indexes with their
  // tables, and a query through a damaged index then throws mid-show (found by fuzzing,
  // docs/reliability.md). On the 2.4 MB report bundle it takes a few milliseconds.
  auto s = db_.prepare("PRAGMA integrity_check");
  if (s.step() && s.text(0) != "ok") fail("damaged: " + s.text(0));
}

BundleInfo Bundle::read_info() const {
  auto s = db_.prepare(
      "SELECT id, version, title_zh, title_en, source_title_zh, source_title_en, source_date,"
      " source_issuer_zh, source_issuer_en, built_at, builder_version, schema_version FROM bundle");
  if (!s.step()) fail("no bundle metadata row");
  BundleInfo info{s.text(0),
                  s.integer(1),
                  {s.text(2), s.text(3)},
                  {s.text(4), s.text(5)},
                  s.text(6),
                  {s.text(7), s.text(8)},
                  s.integer(9),
                  s.text(10),
                  static_cast<int>(s.integer(11))};
  if (s.step()) fail("more than one bundle metadata row");
  return info;
}

std::vector<Category> Bundle::categories() const {
  std::vector<Category> out;
  auto s = db_.prepare("SELECT id, ord, title_zh, title_en, accent, icon FROM category ORDER BY ord, id");
  while (s.step())
    out.push_back({s.text(0), static_cast<int>(s.integer(1)), {s.text(2), s.text(3)}, s.text(4), s.text(5)});
  return out;
}

std::vector<ItemSummary> Bundle::item_summaries(const std::string& category_id) const {
  std::vector<ItemSummary> out;
  auto s = db_.prepare(
      "SELECT i.id, i.kind, i.title_zh, i.title_en, f.display_zh, f.display_en, i.image_id FROM item i"
      " LEFT JOIN figure f ON f.item_id = i.id WHERE i.category_id = ?1 ORDER BY i.ord, i.id");
  s.bind(1, category_id);
  while (s.step())
    out.push_back({s.text(0),
                   item_kind_from_string(s.text(1)).value_or(ItemKind::Story),
                   {s.text(2), s.text(3)},
                   {s.text(4), s.text(5)},
                   s.text(6)});
  return out;
}

std::optional<Item> Bundle::item(const std::string& id) const {
  auto s = db_.prepare(item_select(schema_version_) + "WHERE i.id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  Item item = read_item(s, schema_version_);
  read_more_figures(db_, schema_version_, {&item});
  return item;
}

std::vector<Item> Bundle::items() const {
  std::vector<Item> out;
  auto s = db_.prepare(item_select(schema_version_) + "ORDER BY i.id");
  while (s.step()) out.push_back(read_item(s, schema_version_));
  std::vector<Item*> all;
  for (auto& item : out) all.push_back(&item);
  read_more_figures(db_, schema_version_, all);
  return out;
}

std::optional<DistrictMap> Bundle::district_map() const {
  if (schema_version_ < 3) return std::nullopt;
  auto s = db_.prepare("SELECT image_id, north, south, west, east, source_zh, source_en FROM district_map");
  if (!s.step()) return std::nullopt;
  DistrictMap map{s.text(0), s.real(1), s.real(2), s.real(3), s.real(4), {s.text(5), s.text(6)}};
  if (s.step()) fail("more than one district_map row");
  return map;
}

std::vector<PlaylistEntry> Bundle::playlist() const {
  std::vector<PlaylistEntry> out;
  auto s = db_.prepare(
      "SELECT ord, item_id, dwell_s, transition, date_from, date_to, time_from, time_to FROM playlist ORDER BY ord");
  while (s.step())
    out.push_back(
        {static_cast<int>(s.integer(0)), s.text(1), s.real(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7)});
  return out;
}

std::vector<UiString> Bundle::ui_strings() const {
  std::vector<UiString> out;
  auto s = db_.prepare("SELECT key, zh, en FROM ui_string ORDER BY key");
  while (s.step()) out.push_back({s.text(0), {s.text(1), s.text(2)}});
  return out;
}

std::optional<Font> Bundle::font(const std::string& role) const {
  auto s = db_.prepare("SELECT role, family, sha256, bytes FROM font WHERE role = ?1");
  s.bind(1, role);
  if (!s.step()) return std::nullopt;
  return Font{s.text(0), s.text(1), s.text(2), s.blob(3)};
}

std::optional<std::string> Bundle::font_sha256(const std::string& role) const {
  auto s = db_.prepare("SELECT sha256 FROM font WHERE role = ?1");
  s.bind(1, role);
  if (!s.step()) return std::nullopt;
  return s.text(0);
}

std::optional<Image> Bundle::image(const std::string& id) const {
  auto s = db_.prepare(
      "SELECT id, mime, width, height, sha256, bytes, alt_zh, alt_en, credit, licence FROM image WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  return Image{s.text(0), s.text(1), static_cast<int>(s.integer(2)), static_cast<int>(s.integer(3)),
               s.text(4), s.blob(5), {s.text(6), s.text(7)},         s.text(8),
               s.text(9)};
}

std::optional<std::pair<int, int>> Bundle::image_size(const std::string& id) const {
  auto s = db_.prepare("SELECT width, height FROM image WHERE id = ?1");
  s.bind(1, id);
  if (!s.step()) return std::nullopt;
  auto side = [&](int column) { return static_cast<int>(std::clamp<int64_t>(s.integer(column), 0, kMaxImageSide)); };
  return std::pair{side(0), side(1)};
}

std::optional<SourceDocument> Bundle::source_document() const {
  if (schema_version_ < 2) return std::nullopt;
  auto s = db_.prepare("SELECT sha256, text, first_line, last_line FROM source");
  if (!s.step()) fail("no source document (the source table is empty)");
  // A hostile line number beyond int is clamped; line_range_problem() then refuses it.
  auto line = [&](int column) { return static_cast<int>(std::clamp<int64_t>(s.integer(column), 0, INT32_MAX)); };
  SourceDocument document{s.text(1), s.text(0), line(2), line(3)};
  if (s.step()) fail("more than one source document");
  return document;
}

std::optional<ReportSource> Bundle::report_source() const {
  auto document = source_document();
  if (!document) return std::nullopt;
  return report_sections(*document);
}

int64_t Bundle::count(const std::string& table) const {
  auto s = db_.prepare("SELECT count(*) FROM \"" + table + "\"");
  s.step();
  return s.integer(0);
}

}  // namespace kiosk::content
