#include "kiosk/content/validate.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <set>

#include "kiosk/content/bundle.h"
#include "kiosk/content/image_decode.h"
#include "kiosk/content/parallel.h"
#include "kiosk/content/sha256.h"
#include "kiosk/content/ui_keys.h"
#include "kiosk/text/utf8.h"

namespace kiosk::content {
namespace {

// Every text column of the schema, as (table, key column, text column).
struct TextColumn {
  const char* table;
  const char* key;
  const char* column;
};

constexpr TextColumn kTextColumns[] = {
    {"bundle", "id", "id"},
    {"bundle", "id", "title_zh"},
    {"bundle", "id", "title_en"},
    {"bundle", "id", "source_title_zh"},
    {"bundle", "id", "source_title_en"},
    {"bundle", "id", "source_issuer_zh"},
    {"bundle", "id", "source_issuer_en"},
    {"category", "id", "title_zh"},
    {"category", "id", "title_en"},
    {"item", "id", "title_zh"},
    {"item", "id", "title_en"},
    {"item", "id", "summary_zh"},
    {"item", "id", "summary_en"},
    {"item", "id", "body_zh"},
    {"item", "id", "body_en"},
    {"item", "id", "quote_zh"},
    {"item", "id", "section_zh"},
    {"item", "id", "section_en"},
    {"figure", "item_id", "display_zh"},
    {"figure", "item_id", "display_en"},
    {"figure", "item_id", "unit_zh"},
    {"landmark", "item_id", "address_zh"},
    {"landmark", "item_id", "address_en"},
    {"image", "id", "alt_zh"},
    {"image", "id", "alt_en"},
    {"image", "id", "credit"},
    {"ui_string", "key", "zh"},
    {"ui_string", "key", "en"},
};

class Validator {
 public:
  Validator(const std::filesystem::path& path, const BundleLimits& limits) : path_(path), limits_(limits) {}

  std::vector<std::string> run() {
    std::optional<Bundle> bundle;
    try {
      bundle.emplace(Bundle::open(path_));
    } catch (const BundleError& e) {
      return {e.what()};
    }
    Database& db = bundle->database();
    try {
      check_integrity(db);
      if (!problems_.empty()) return problems_;
      check_counts(*bundle);
      check_texts(db);
      check_images(db);
      check_fonts(db);
      check_references(db);
    } catch (const SqliteError& e) {
      problem(std::string("cannot read: ") + e.what());
    }
    return problems_;
  }

 private:
  void problem(const std::string& what) { problems_.push_back(path_.string() + ": " + what); }

  void check_integrity(Database& db) {
    auto s = db.prepare("PRAGMA integrity_check");
    while (s.step())
      if (s.text(0) != "ok") problem("integrity: " + s.text(0));
  }

  void check_counts(const Bundle& bundle) {
    if (bundle.count("item") > limits_.max_items)
      problem("has " + std::to_string(bundle.count("item")) + " items; the limit is " +
              std::to_string(limits_.max_items));
    if (bundle.count("image") > limits_.max_images)
      problem("has " + std::to_string(bundle.count("image")) + " images; the limit is " +
              std::to_string(limits_.max_images));
    if (bundle.count("category") == 0) problem("has no categories");
  }

  void check_texts(Database& db) {
    for (const auto& c : kTextColumns) {
      auto s = db.prepare(std::string("SELECT ") + c.key + ", CAST(" + c.column + " AS BLOB) FROM " + c.table);
      while (s.step()) {
        auto bytes = s.blob(1);
        std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
        std::string where = std::string(c.table) + " '" + s.text(0) + "' " + c.column;
        if (auto bad = text::find_invalid(text)) problem(where + ": not valid UTF-8 at byte " + std::to_string(*bad));
        if (bytes.size() > limits_.max_text_bytes)
          problem(where + ": " + std::to_string(bytes.size()) + " bytes; the limit is " +
                  std::to_string(limits_.max_text_bytes));
      }
    }
  }

  // Decoding every picture is most of an install's time; the pictures are independent,
  // so they are checked on every core, and the problems reported in bundle order.
  void check_images(Database& db) {
    struct Job {
      std::string id, sha256;
      int64_t width, height;
      std::vector<uint8_t> bytes;
      std::string problem;
    };
    std::vector<Job> jobs;
    auto s = db.prepare("SELECT id, width, height, length(bytes), sha256 FROM image ORDER BY id");
    while (s.step()) {
      std::string id = s.text(0);
      if (static_cast<size_t>(s.integer(3)) > limits_.max_image_bytes) {
        problem("image '" + id + "': " + std::to_string(s.integer(3)) + " bytes; the limit is " +
                std::to_string(limits_.max_image_bytes));
        continue;
      }
      auto bytes = db.prepare("SELECT bytes FROM image WHERE id = ?1");
      bytes.bind(1, id);
      bytes.step();
      jobs.push_back({id, s.text(4), s.integer(1), s.integer(2), bytes.blob(0), {}});
    }
    for_each_in_parallel(jobs.size(), [&](size_t i) {
      check_image(jobs[i].id, jobs[i].sha256, jobs[i].width, jobs[i].height, jobs[i].bytes, jobs[i].problem);
    });
    for (const auto& job : jobs)
      if (!job.problem.empty()) problem(job.problem);
  }

  static void check_image(const std::string& id, const std::string& sha256, int64_t width, int64_t height,
                          const std::vector<uint8_t>& bytes, std::string& out) {
    if (sha256_hex(bytes) != sha256) {
      out = "image '" + id + "': its bytes do not match their recorded sha256 (damaged)";
      return;
    }
    std::string reason;
    auto decoded = decode_image(bytes, reason);
    if (!decoded) {
      out = "image '" + id + "': " + reason;
      return;
    }
    if (decoded->width != width || decoded->height != height)
      out = "image '" + id + "': is " + std::to_string(decoded->width) + "x" + std::to_string(decoded->height) +
            ", not the " + std::to_string(width) + "x" + std::to_string(height) + " recorded";
  }

  void check_fonts(Database& db) {
    std::set<std::string> roles;
    auto s = db.prepare("SELECT role, bytes, sha256 FROM font");
    while (s.step()) {
      roles.insert(s.text(0));
      auto bytes = s.blob(1);
      std::string reason;
      if (bytes.size() > limits_.max_font_bytes)
        problem("font '" + s.text(0) + "': " + std::to_string(bytes.size()) + " bytes; the limit is " +
                std::to_string(limits_.max_font_bytes));
      else if (sha256_hex(bytes) != s.text(2))
        problem("font '" + s.text(0) + "': its bytes do not match their recorded sha256 (damaged)");
      else if (!font_renders(bytes, reason))
        problem("font '" + s.text(0) + "': " + reason);
    }
    for (const char* role : {"regular", "bold"})
      if (!roles.count(role)) problem(std::string("font '") + role + "': missing");
  }

  void check_references(Database& db) {
    auto dangling = [&](const std::string& sql, const std::string& what) {
      auto s = db.prepare(sql);
      while (s.step()) problem(what + " '" + s.text(0) + "' refers to '" + s.text(1) + "', which does not exist");
    };
    dangling("SELECT 'slide ' || ord, item_id FROM playlist WHERE item_id NOT IN (SELECT id FROM item)", "playlist");
    dangling("SELECT id, category_id FROM item WHERE category_id NOT IN (SELECT id FROM category)", "item");
    dangling("SELECT id, image_id FROM item WHERE image_id IS NOT NULL AND image_id NOT IN (SELECT id FROM image)",
             "item");
    dangling("SELECT item_id, item_id FROM figure WHERE item_id NOT IN (SELECT id FROM item)", "figure");
    auto figures = db.prepare("SELECT id FROM item WHERE kind = 'figure' AND id NOT IN (SELECT item_id FROM figure)");
    while (figures.step()) problem("item '" + figures.text(0) + "' is a figure without its figure row");
    std::set<std::string> keys;
    auto ui = db.prepare("SELECT key FROM ui_string");
    while (ui.step()) keys.insert(ui.text(0));
    for (auto key : kRequiredUiKeys)
      if (!keys.count(std::string(key))) problem("ui string '" + std::string(key) + "': missing");
  }

  std::filesystem::path path_;
  BundleLimits limits_;
  std::vector<std::string> problems_;
};

}  // namespace

bool font_renders(const std::vector<uint8_t>& bytes, std::string& reason) {
  FT_Library library = nullptr;
  if (FT_Init_FreeType(&library) != 0) {
    reason = "FreeType cannot start";
    return false;
  }
  FT_Face face = nullptr;
  bool ok = false;
  if (bytes.empty() || FT_New_Memory_Face(library, bytes.data(), static_cast<FT_Long>(bytes.size()), 0, &face) != 0) {
    reason = "FreeType cannot read the font";
  } else if (face->num_glyphs < 2 || FT_Set_Pixel_Sizes(face, 0, 48) != 0) {
    reason = "the font has no usable glyphs";
  } else if (FT_Get_Char_Index(face, '0') == 0 || FT_Load_Char(face, '0', FT_LOAD_RENDER) != 0) {
    reason = "the font cannot render the digit 0";
  } else {
    ok = true;
  }
  if (face) FT_Done_Face(face);
  FT_Done_FreeType(library);
  return ok;
}

std::vector<std::string> validate_bundle(const std::filesystem::path& path, const BundleLimits& limits) {
  return Validator(path, limits).run();
}

}  // namespace kiosk::content
