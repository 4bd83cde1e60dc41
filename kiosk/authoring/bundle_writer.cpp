#include "kiosk/authoring/bundle_writer.h"

#include <sqlite3.h>
#include <unistd.h>

#include "kiosk/base/atomic_file.h"
#include "kiosk/base/errors.h"
#include "kiosk/content/schema.h"
#include "kiosk/content/sqlite.h"

namespace kiosk::authoring {
namespace {

namespace fs = std::filesystem;
using content::Database;
using content::Statement;

void bind_optional(Statement& s, int index, const std::optional<double>& value) {
  if (value)
    s.bind(index, *value);
  else
    s.bind_null(index);
}

void insert_all(Database& db, const BundleContents& c) {
  const Sources& src = c.sources;
  const auto& info = src.info;
  db.prepare("INSERT INTO bundle VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)")
      .bind(1, info.id)
      .bind(2, info.version)
      .bind(3, info.title.zh)
      .bind(4, info.title.en)
      .bind(5, info.source_title.zh)
      .bind(6, info.source_title.en)
      .bind(7, info.source_date)
      .bind(8, info.source_issuer.zh)
      .bind(9, info.source_issuer.en)
      .bind(10, info.built_at)
      .bind(11, info.builder_version)
      .bind(12, static_cast<int64_t>(content::kSchemaVersion))
      .step();
  const auto& doc = src.document;
  db.prepare("INSERT INTO source VALUES (?1, ?2, ?3, ?4)")
      .bind(1, doc.sha256)
      .bind(2, doc.text)
      .bind(3, static_cast<int64_t>(doc.first_line))
      .bind(4, static_cast<int64_t>(doc.last_line))
      .step();
  auto category = db.prepare("INSERT INTO category VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  for (const auto& cat : src.categories) {
    category.bind(1, cat.id)
        .bind(2, static_cast<int64_t>(cat.order))
        .bind(3, cat.title.zh)
        .bind(4, cat.title.en)
        .bind(5, cat.accent)
        .bind(6, cat.icon)
        .step();
    category.reset();
  }
  auto image = db.prepare("INSERT INTO image VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  for (const auto& img : c.images) {
    image.bind(1, img.id)
        .bind(2, img.mime)
        .bind(3, static_cast<int64_t>(img.width))
        .bind(4, static_cast<int64_t>(img.height))
        .bind(5, img.sha256)
        .bind_blob(6, img.bytes)
        .bind(7, img.alt.zh)
        .bind(8, img.alt.en)
        .bind(9, img.credit)
        .bind(10, img.licence)
        .step();
    image.reset();
  }
  auto item = db.prepare("INSERT INTO item VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)");
  auto figure = db.prepare("INSERT INTO figure VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
  auto more = db.prepare("INSERT INTO figure_more VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  auto original = db.prepare("INSERT INTO original VALUES (?1, ?2)");
  auto landmark = db.prepare("INSERT INTO landmark VALUES (?1, ?2, ?3, ?4, ?5)");
  auto reference = db.prepare("INSERT INTO landmark_reference VALUES (?1, ?2, ?3)");
  for (const auto& it : src.items) {
    item.bind(1, it.id)
        .bind(2, it.category_id)
        .bind(3, std::string(content::to_string(it.kind)))
        .bind(4, static_cast<int64_t>(it.order))
        .bind(5, it.title.zh)
        .bind(6, it.title.en)
        .bind(7, it.summary.zh)
        .bind(8, it.summary.en)
        .bind(9, it.body.zh)
        .bind(10, it.body.en)
        .bind(11, it.quote_zh)
        .bind(12, it.section.zh)
        .bind(13, it.section.en);
    if (it.image_id.empty())
      item.bind_null(14);
    else
      item.bind(14, it.image_id);
    item.step();
    item.reset();
    if (it.figure) {
      const auto& f = *it.figure;
      figure.bind(1, it.id)
          .bind(2, f.display_zh)
          .bind(3, f.value)
          .bind(4, f.unit_zh)
          .bind(5, f.qualifier)
          .bind(6, f.direction)
          .bind(7, f.display_en)
          .step();
      figure.reset();
    }
    for (size_t n = 0; n < it.more_figures.size(); ++n) {
      const auto& f = it.more_figures[n];
      more.bind(1, it.id)
          .bind(2, static_cast<int64_t>(n + 1))
          .bind(3, f.display_zh)
          .bind(4, f.value)
          .bind(5, f.unit_zh)
          .bind(6, f.qualifier)
          .bind(7, f.direction)
          .bind(8, f.display_en)
          .bind(9, f.label.zh)
          .bind(10, f.label.en)
          .step();
      more.reset();
    }
    if (!it.original_zh.empty()) {
      original.bind(1, it.id).bind(2, it.original_zh).step();
      original.reset();
    }
    if (it.landmark) {
      const auto& l = *it.landmark;
      landmark.bind(1, it.id).bind(2, l.address.zh).bind(3, l.address.en);
      bind_optional(landmark, 4, l.lat);
      bind_optional(landmark, 5, l.lon);
      landmark.step();
      landmark.reset();
      if (!l.source.zh.empty() || !l.source.en.empty()) {
        reference.bind(1, it.id).bind(2, l.source.zh).bind(3, l.source.en).step();
        reference.reset();
      }
    }
  }
  if (src.map) {
    const auto& m = *src.map;
    db.prepare("INSERT INTO district_map VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bind(1, m.image_id)
        .bind(2, m.north)
        .bind(3, m.south)
        .bind(4, m.west)
        .bind(5, m.east)
        .bind(6, m.source.zh)
        .bind(7, m.source.en)
        .step();
  }
  auto font = db.prepare("INSERT INTO font VALUES (?1, ?2, ?3, ?4)");
  for (const auto& f : c.fonts) {
    font.bind(1, f.role).bind(2, f.family).bind(3, f.sha256).bind_blob(4, f.bytes).step();
    font.reset();
  }
  auto ui = db.prepare("INSERT INTO ui_string VALUES (?1, ?2, ?3)");
  for (const auto& u : src.ui_strings) {
    ui.bind(1, u.key).bind(2, u.text.zh).bind(3, u.text.en).step();
    ui.reset();
  }
  auto slide = db.prepare("INSERT INTO playlist VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
  for (const auto& p : src.playlist) {
    slide.bind(1, static_cast<int64_t>(p.order)).bind(2, p.item_id).bind(3, p.dwell_s).bind(4, p.transition);
    for (int i = 0; i < 4; ++i) {
      const std::string& v = i == 0 ? p.date_from : i == 1 ? p.date_to : i == 2 ? p.time_from : p.time_to;
      if (v.empty())
        slide.bind_null(5 + i);
      else
        slide.bind(5 + i, v);
    }
    slide.step();
    slide.reset();
  }
}

}  // namespace

void write_bundle(const BundleContents& contents, const fs::path& target) {
  fs::path dir = fs::absolute(target).parent_path();
  fs::path temp = dir / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()));
  std::error_code ignored;
  fs::remove(temp, ignored);
  try {
    // Not SQLITE_OPEN_MEMORY: VACUUM INTO would inherit it and write to memory, not the file.
    Database db(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    db.exec(content::kSchemaSql);
    db.exec("BEGIN");
    insert_all(db, contents);
    db.exec("COMMIT");
    db.prepare("VACUUM INTO ?1").bind(1, temp.string()).step();
  } catch (const content::SqliteError& e) {
    fs::remove(temp, ignored);
    throw WriteError(target.string() + ": cannot write the bundle: " + e.what());
  }
  try {
    base::fsync_file(temp);
    base::rename_durably(temp, target);
  } catch (const base::FileError& e) {
    fs::remove(temp, ignored);
    throw WriteError(e.what());
  }
}

}  // namespace kiosk::authoring
