#include "kiosk/authoring/sources.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <sstream>

#include "kiosk/authoring/toml_fields.h"
#include "kiosk/content/district.h"
#include "kiosk/content/fidelity.h"
#include "kiosk/content/formats.h"
#include "kiosk/content/sha256.h"
#include "kiosk/text/utf8.h"

namespace kiosk::authoring {
namespace {

namespace fs = std::filesystem;

constexpr uintmax_t kMaxDocumentBytes = 4 * 1024 * 1024;  // as validation allows (content/validate.cpp)

// Why `name`, relative to the source directory, is no file the build may read: the
// attacker review found FIFOs and folders called "no such file", and a path out of the
// folder (../../etc/...) read into the bundle.
std::optional<std::string> source_file_problem(const fs::path& dir, const std::string& name) {
  std::error_code error;  // a name too long for the file system throws without it
  const fs::path path = dir / name;
  auto status = fs::status(path, error);
  if (status.type() == fs::file_type::not_found) return "no such file: " + name;
  if (error) return name + ": " + error.message();  // unreadable folder, a link loop, a name too long
  if (fs::is_directory(status)) return name + " is a folder, not a file";
  if (!fs::is_regular_file(status)) return name + " is not a regular file (a FIFO, a socket or a device)";
  if (!lies_inside(dir, path, error)) {
    if (error) return name + ": " + error.message();
    return name + " lies outside the source directory (it resolves to " + fs::weakly_canonical(path, error).string() +
           ")";
  }
  return std::nullopt;
}

// An address is a line on a landmark's page; a source names where it comes from, briefly.
constexpr size_t kMaxAddressChars = 80, kMaxSourceChars = 160;

size_t char_count(std::string_view text) {
  return static_cast<size_t>(std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string format_degrees(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.4f", v);
  return buffer;
}

using content::valid_colour;
using content::valid_date;
using content::valid_id;
using content::valid_time;

// Yields each table of an array-of-tables key, reporting a key of the wrong shape.
template <typename Fn>
void each_table(const toml::table& root, const std::string& key, const std::string& file, Diagnostics& out, Fn fn) {
  const auto* node = root.get(key);
  if (!node) return;
  const auto* array = node->as_array();
  if (!array) {
    out.push_back(
        {file, static_cast<int>(node->source().begin.line), key + ": must be a list of [[" + key + "]] tables"});
    return;
  }
  for (const auto& element : *array) {
    if (const auto* table = element.as_table())
      fn(*table);
    else
      out.push_back({file, static_cast<int>(element.source().begin.line), key + ": entry must be a table"});
  }
}

class Reader {
 public:
  explicit Reader(const fs::path& dir) { result_.sources.dir = dir; }

  ReadResult run() {
    read_bundle();
    read_categories();
    read_items();
    read_images();
    read_map();
    read_playlist();
    read_ui();
    cross_check();
    return std::move(result_);
  }

 private:
  Sources& s() { return result_.sources; }
  Diagnostics& out() { return result_.problems; }

  std::optional<toml::table> parse(const std::string& name) {
    fs::path path = s().dir / name;
    if (!fs::exists(path)) {
      out().push_back({name, 0, "missing"});
      return std::nullopt;
    }
    return parse_toml_file(path.string(), name, out());
  }

  content::Bilingual bilingual(FieldReader& f, const std::string& stem) {
    return {f.required_string(stem + "_zh"), f.required_string(stem + "_en")};
  }

  void read_bundle() {
    auto root = parse("bundle.toml");
    if (!root) return;
    auto& info = s().info;
    const auto* bundle = (*root)["bundle"].as_table();
    const auto* source = (*root)["source"].as_table();
    if (!bundle) out().push_back({"bundle.toml", 0, "[bundle]: missing"});
    if (!source) out().push_back({"bundle.toml", 0, "[source]: missing"});
    if (!bundle || !source) return;
    FieldReader b(*bundle, "bundle.toml", out());
    info.id = b.required_string("id");
    if (!info.id.empty() && !valid_id(info.id)) b.problem("id", "use lowercase letters, digits and '-'");
    // One message for one mistake, whether the version is "v9", 2.5 or -1.
    const auto* version = bundle->get("version");
    if (!version)
      b.problem("version", "missing");
    else if (!version->is_integer() || version->value<int64_t>().value_or(0) <= 0)
      b.problem("version", "must be a positive whole number, such as 2");
    else
      info.version = *version->value<int64_t>();
    info.title = bilingual(b, "title");
    b.check_no_unknown({"id", "version", "title_zh", "title_en"});
    FieldReader src(*source, "bundle.toml", out());
    info.source_title = bilingual(src, "title");
    info.source_date = src.required_string("date");
    if (!info.source_date.empty() && !valid_date(info.source_date)) src.problem("date", "must be YYYY-MM-DD");
    info.source_issuer = bilingual(src, "issuer");
    read_document(src);
    src.check_no_unknown(
        {"title_zh", "title_en", "date", "issuer_zh", "issuer_en", "file", "sha256", "first_line", "last_line"});
  }

  // The source document: a file beside bundle.toml, pinned by its checksum, and the lines
  // of it that are the report.
  void read_document(FieldReader& src) {
    auto& doc = s().document;
    s().document_file = src.required_string("file");
    doc.sha256 = src.required_string("sha256");
    if (!doc.sha256.empty() && !content::valid_sha256(doc.sha256))
      src.problem("sha256", "must be 64 lowercase hex digits (sha256sum of the file)");
    auto first = src.integer("first_line", true), last = src.integer("last_line", true);
    doc.first_line = static_cast<int>(std::clamp<int64_t>(first.value_or(0), 0, INT32_MAX));
    doc.last_line = static_cast<int>(std::clamp<int64_t>(last.value_or(0), 0, INT32_MAX));
    const std::string& name = s().document_file;
    if (name.empty()) return;
    fs::path path = s().dir / name;
    std::error_code error;
    if (auto why = source_file_problem(s().dir, name)) {
      src.problem("file", *why + " (relative to bundle.toml, in " + s().dir.string() + ")");
      return;
    }
    if (auto bytes = fs::file_size(path, error); !error && bytes > kMaxDocumentBytes) {
      src.problem("file", name + " is larger than " + std::to_string(kMaxDocumentBytes) + " bytes");
      return;
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (!in) {
      src.problem("file", "cannot read " + name);
      return;
    }
    doc.text = buffer.str();
    if (auto bad = text::find_invalid(doc.text)) {
      int line = 1 + static_cast<int>(std::count(doc.text.begin(), doc.text.begin() + static_cast<long>(*bad), '\n'));
      out().push_back({name, line, "text is not valid UTF-8"});
      return;
    }
    std::string actual = content::sha256_hex(std::vector<uint8_t>(doc.text.begin(), doc.text.end()));
    if (!doc.sha256.empty() && actual != doc.sha256)
      src.problem("sha256", name + " has sha256 " + actual + ", but bundle.toml records " + doc.sha256 +
                                " (the document changed: check it, then record the new sum)");
    if (first && last)
      if (auto why = content::line_range_problem(doc); !why.empty()) src.problem("first_line", why + " of " + name);
  }

  void read_categories() {
    auto root = parse("categories.toml");
    if (!root) return;
    each_table(*root, "category", "categories.toml", out(), [&](const toml::table& t) {
      FieldReader f(t, "categories.toml", out());
      content::Category c;
      c.id = f.required_string("id");
      if (!c.id.empty() && !valid_id(c.id)) f.problem("id", "use lowercase letters, digits and '-'");
      if (category_lines_.count(c.id))
        f.problem("id",
                  "duplicate category id '" + c.id + "' (first at line " + std::to_string(category_lines_[c.id]) + ")");
      category_lines_.emplace(c.id, f.line());
      s().places["category " + c.id] = {"categories.toml", f.line()};
      s().places["category " + c.id + " title_en"] = {"categories.toml", f.line_of_key("title_en")};
      c.order = static_cast<int>(f.integer("order", true).value_or(0));
      c.title = bilingual(f, "title");
      c.accent = f.required_string("accent");
      if (!c.accent.empty() && !valid_colour(c.accent)) f.problem("accent", "must be a colour like #F2C14E");
      c.icon = f.required_string("icon");
      if (!c.icon.empty() && !content::category_icon(c.icon)) f.problem("icon", "unknown icon '" + c.icon + "'");
      f.check_no_unknown({"id", "order", "title_zh", "title_en", "accent", "icon"});
      s().categories.push_back(c);
    });
    if (s().categories.empty()) out().push_back({"categories.toml", 0, "no [[category]] defined"});
  }

  void read_items() {
    fs::path dir = s().dir / "items";
    if (!fs::is_directory(dir)) {
      out().push_back({"items/", 0, "missing folder"});
      return;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir))
      if (entry.path().extension() == ".toml") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& path : files) read_item_file(path);
  }

  void read_item_file(const fs::path& path) {
    std::string name = "items/" + path.filename().string();
    std::string category = path.stem().string();
    auto root = parse(name);
    if (!root) return;
    if (!category_lines_.count(category))
      out().push_back({name, 1, "unknown category '" + category + "' (the file name must be a category id)"});
    int order = 0;
    each_table(*root, "item", name, out(), [&](const toml::table& t) {
      FieldReader f(t, name, out());
      content::Item item;
      item.category_id = category;
      item.order = ++order;
      item.id = f.required_string("id");
      if (!item.id.empty() && !valid_id(item.id)) f.problem("id", "use lowercase letters, digits and '-'");
      if (auto it = item_places_.find(item.id); it != item_places_.end() && !item.id.empty())
        f.problem("id", "duplicate item id '" + item.id + "' (first in " + it->second + ")");
      item_places_.emplace(item.id, name + ":" + std::to_string(f.line()));
      std::string kind = f.required_string("kind");
      if (auto k = content::item_kind_from_string(kind))
        item.kind = *k;
      else if (!kind.empty())
        f.problem("kind", "must be figure, project, landmark or story (got '" + kind + "')");
      item.title = bilingual(f, "title");
      item.summary = bilingual(f, "summary");
      item.body = {f.optional_string("body_zh"), f.optional_string("body_en")};
      if (item.body.zh.empty()) item.body.zh = item.summary.zh;
      if (item.body.en.empty()) item.body.en = item.summary.en;
      item.quote_zh = f.required_string("quote");
      item.section = bilingual(f, "section");
      item.image_id = f.optional_string("image");
      for (const char* key : {"title_zh", "title_en", "summary_zh", "summary_en", "body_zh", "body_en", "quote",
                              "section_zh", "section_en"})
        s().places["item " + item.id + " " + key] = {name, f.line_of_key(key)};
      if (!item.image_id.empty())
        image_uses_.push_back({item.image_id, name + ":" + std::to_string(f.line_of_key("image"))});
      read_figure(t, f, name, item);
      item_line_ = f.line();
      read_landmark(t, name, item);
      f.check_no_unknown({"id", "kind", "title_zh", "title_en", "summary_zh", "summary_en", "body_zh", "body_en",
                          "quote", "section_zh", "section_en", "image", "figure", "more_figures", "landmark"});
      s().items.push_back(std::move(item));
    });
  }

  void read_figure(const toml::table& t, FieldReader& item_fields, const std::string& name, content::Item& item) {
    const auto* table = t["figure"].as_table();
    if (item.kind != content::ItemKind::Figure) {
      if (table) item_fields.problem("figure", "only items of kind \"figure\" have [item.figure]");
      if (t.get("more_figures")) item_fields.problem("more_figures", "only items of kind \"figure\" have more figures");
      return;
    }
    if (!table) {
      item_fields.problem("figure", "a figure item needs an [item.figure] table");
      return;
    }
    item.figure = read_figure_fields(*table, name, item.id + " figure", false);
    read_more_figures(t, item_fields, name, item);
  }

  // The fields of one figure; `key` names its places ("ID figure", "ID more_figures[2]").
  content::Figure read_figure_fields(const toml::table& table, const std::string& name, const std::string& key,
                                     bool labelled) {
    FieldReader f(table, name, out());
    content::Figure fig;
    fig.display_zh = f.required_string("display");
    fig.value = f.number("value", true).value_or(0);
    fig.unit_zh = f.optional_string("unit");
    fig.qualifier = f.optional_string("qualifier");
    static const std::set<std::string> qualifiers = {"", "余", "超", "近", "以上", "突破", "多", "约"};
    if (!qualifiers.count(fig.qualifier))
      f.problem("qualifier", "must be one of 余, 超, 近, 以上, 突破, 多, 约 or empty");
    fig.direction = f.required_string("direction");
    if (!fig.direction.empty() && fig.direction != "growth" && fig.direction != "total" && fig.direction != "rank")
      f.problem("direction", "must be growth, total or rank");
    fig.display_en = f.required_string("display_en");
    if (labelled) fig.label = bilingual(f, "label");
    for (const char* field : {"display", "value", "unit", "qualifier", "display_en", "label_zh", "label_en"})
      s().places["item " + key + "." + field] = {name, f.line_of_key(field)};
    if (labelled)
      f.check_no_unknown({"display", "value", "unit", "qualifier", "direction", "display_en", "label_zh", "label_en"});
    else
      f.check_no_unknown({"display", "value", "unit", "qualifier", "direction", "display_en"});
    return fig;
  }

  // [[item.more_figures]]: the figures the report gives with the lead one, each labelled
  // with what it counts, for the figure group on the item's page.
  void read_more_figures(const toml::table& t, FieldReader& item_fields, const std::string& name, content::Item& item) {
    const auto* node = t.get("more_figures");
    if (!node) return;
    const auto* array = node->as_array();
    if (!array) {
      item_fields.problem("more_figures", "must be a list of [[item.more_figures]] tables");
      return;
    }
    for (const auto& element : *array) {
      const auto* table = element.as_table();
      if (!table) {
        item_fields.problem("more_figures", "entry must be a table");
        continue;
      }
      std::string key = item.id + " " + content::more_figure_key(item.more_figures.size());
      item.more_figures.push_back(read_figure_fields(*table, name, key, true));
    }
  }

  // A landmark's address, coordinates and their source are reference data: required of
  // every landmark, so that each one is on the map and its page says where it is, and held
  // to the district's box rather than to the report's words.
  void read_landmark(const toml::table& t, const std::string& name, content::Item& item) {
    const auto* table = t["landmark"].as_table();
    if (!table) {
      if (item.kind == content::ItemKind::Landmark) {
        out().push_back({name, item_line_,
                         "item '" + item.id +
                             "': a landmark needs [item.landmark] with address_zh, address_en, lat, lon, "
                             "source_zh and source_en"});
        item.landmark = content::Landmark{};
      }
      return;
    }
    FieldReader f(*table, name, out());
    if (item.kind != content::ItemKind::Landmark) f.problem("", "only items of kind \"landmark\" have [item.landmark]");
    content::Landmark l;
    l.address = bilingual(f, "address");
    l.source = bilingual(f, "source");
    for (const char* key : {"address_zh", "address_en", "source_zh", "source_en", "lat", "lon"})
      s().places["item " + item.id + " landmark." + key] = {name, f.line_of_key(key)};
    for (const char* key : {"address_zh", "address_en"})
      if (char_count(f.optional_string(key)) > kMaxAddressChars)
        f.problem(key, "is longer than " + std::to_string(kMaxAddressChars) + " characters: an address, not a text");
    for (const char* key : {"source_zh", "source_en"})
      if (char_count(f.optional_string(key)) > kMaxSourceChars)
        f.problem(key, "is longer than " + std::to_string(kMaxSourceChars) + " characters: name the source, briefly");
    l.lat = f.number("lat", true);
    l.lon = f.number("lon", true);
    const auto& box = content::kHepingBox;
    if (l.lat && (*l.lat < box.south || *l.lat > box.north))
      f.problem("lat", "must lie in Heping District, " + format_degrees(box.south) + " to " +
                           format_degrees(box.north) + " (degrees north; got " + format_degrees(*l.lat) + ")");
    if (l.lon && (*l.lon < box.west || *l.lon > box.east))
      f.problem("lon", "must lie in Heping District, " + format_degrees(box.west) + " to " + format_degrees(box.east) +
                           " (degrees east; got " + format_degrees(*l.lon) + ")");
    f.check_no_unknown({"address_zh", "address_en", "lat", "lon", "source_zh", "source_en"});
    item.landmark = l;
  }

  // map.toml: the district map's picture, the frame it is drawn in and what it follows.
  // Optional: without it the kiosk offers no map.
  void read_map() {
    if (!fs::exists(s().dir / "map.toml")) return;
    auto root = parse("map.toml");
    if (!root) return;
    const auto* table = (*root)["map"].as_table();
    if (!table) {
      out().push_back({"map.toml", 0, "[map]: missing"});
      return;
    }
    FieldReader f(*table, "map.toml", out());
    content::DistrictMap map;
    map.image_id = f.required_string("image");
    map_image_line_ = f.line_of_key("image");
    s().places["map image"] = {"map.toml", map_image_line_};
    auto north = f.number("north", true), south = f.number("south", true), west = f.number("west", true),
         east = f.number("east", true);
    map.source = bilingual(f, "source");
    f.check_no_unknown({"image", "north", "south", "west", "east", "source_zh", "source_en"});
    if (!north || !south || !west || !east) return;
    map.north = *north;
    map.south = *south;
    map.west = *west;
    map.east = *east;
    if (auto why = content::map_frame_problem(map); !why.empty()) {
      f.problem("north", why);
      return;
    }
    if (!map.image_id.empty()) image_uses_.push_back({map.image_id, "map.toml:" + std::to_string(map_image_line_)});
    s().map = map;
  }

  void read_images() {
    if (!fs::exists(s().dir / "images.toml")) return;
    auto root = parse("images.toml");
    if (!root) return;
    std::set<std::string> seen;
    each_table(*root, "image", "images.toml", out(), [&](const toml::table& t) {
      FieldReader f(t, "images.toml", out());
      ImageSource image;
      image.id = f.required_string("id");
      if (!seen.insert(image.id).second) f.problem("id", "duplicate image id '" + image.id + "'");
      std::string file = f.required_string("file");
      image.file = s().dir / file;
      if (auto why = file.empty() ? std::nullopt : source_file_problem(s().dir, file))
        f.problem("file", *why + " (image paths are relative to images.toml, in " + s().dir.string() + ")");
      s().places["image " + image.id] = {"images.toml", f.line()};
      for (const char* key : {"alt_en", "credit"})
        s().places["image " + image.id + " " + key] = {"images.toml", f.line_of_key(key)};
      image.alt = bilingual(f, "alt");
      image.credit = f.required_string("credit");
      image.licence = f.required_string("licence");
      image.defined_in = "images.toml:" + std::to_string(f.line());
      f.check_no_unknown({"id", "file", "alt_zh", "alt_en", "credit", "licence"});
      s().images.push_back(image);
    });
  }

  void read_playlist() {
    auto root = parse("playlist.toml");
    if (!root) return;
    int order = 0;
    each_table(*root, "slide", "playlist.toml", out(), [&](const toml::table& t) {
      FieldReader f(t, "playlist.toml", out());
      content::PlaylistEntry e;
      e.order = ++order;
      e.item_id = f.required_string("item");
      playlist_lines_.push_back(f.line());
      e.dwell_s = f.number("dwell", true).value_or(8);
      if (e.dwell_s < 2 || e.dwell_s > 600) f.problem("dwell", "must be between 2 and 600 seconds");
      e.transition = f.optional_string("transition");
      if (e.transition.empty()) e.transition = "crossfade";
      if (e.transition != "crossfade" && e.transition != "slide") f.problem("transition", "must be crossfade or slide");
      e.date_from = f.optional_string("date_from");
      e.date_to = f.optional_string("date_to");
      e.time_from = f.optional_string("time_from");
      e.time_to = f.optional_string("time_to");
      for (const char* key : {"date_from", "date_to"})
        if (auto v = f.optional_string(key); !v.empty() && !valid_date(v)) f.problem(key, "must be YYYY-MM-DD");
      for (const char* key : {"time_from", "time_to"})
        if (auto v = f.optional_string(key); !v.empty() && !valid_time(v)) f.problem(key, "must be HH:MM");
      if (e.time_from.empty() != e.time_to.empty())
        f.problem("time_from", "give both time_from and time_to, or neither");
      f.check_no_unknown({"item", "dwell", "transition", "date_from", "date_to", "time_from", "time_to"});
      s().playlist.push_back(e);
    });
  }

  void read_ui() {
    auto root = parse("ui.toml");
    if (!root) return;
    const auto* strings = (*root)["strings"].as_table();
    if (!strings) {
      out().push_back({"ui.toml", 0, "[strings]: missing"});
      return;
    }
    for (const auto& [key, node] : *strings) {
      const auto* pair = node.as_table();
      int line = static_cast<int>(node.source().begin.line);
      if (!pair) {
        out().push_back({"ui.toml", line, std::string(key.str()) + ": must be { zh = \"...\", en = \"...\" }"});
        continue;
      }
      FieldReader f(*pair, "ui.toml", out());
      s().places["ui " + std::string(key.str())] = {"ui.toml", line};
      s().ui_strings.push_back({std::string(key.str()), {f.required_string("zh"), f.required_string("en")}});
    }
  }

  // Each item's 原文: the report's paragraph that holds its quote, taken from the source
  // document rather than written by hand. A quote no paragraph holds gets none here; the
  // fidelity check names that quote.
  void derive_originals() {
    if (s().document.text.empty()) return;
    content::FidelityCheck check(s().document);
    for (auto& item : s().items) item.original_zh = check.paragraph_of(item.quote_zh);
  }

  void cross_check() {
    derive_originals();
    std::set<std::string> items;
    for (const auto& item : s().items) items.insert(item.id);
    for (size_t i = 0; i < s().playlist.size(); ++i)
      if (!s().playlist[i].item_id.empty() && !items.count(s().playlist[i].item_id))
        out().push_back(
            {"playlist.toml", playlist_lines_[i], "item: no item with id '" + s().playlist[i].item_id + "'"});
    std::set<std::string> images;
    for (const auto& image : s().images) images.insert(image.id);
    for (const auto& [id, place] : image_uses_)
      if (!images.count(id)) {
        auto colon = place.rfind(':');
        out().push_back({place.substr(0, colon), std::stoi(place.substr(colon + 1)),
                         "image: no image with id '" + id + "' in images.toml"});
      }
  }

  ReadResult result_;
  std::map<std::string, int> category_lines_;
  std::map<std::string, std::string> item_places_;
  std::vector<std::pair<std::string, std::string>> image_uses_;
  std::vector<int> playlist_lines_;
  int item_line_ = 0;       // the [[item]] being read
  int map_image_line_ = 0;  // map.toml's image key
};

}  // namespace

bool lies_inside(const fs::path& dir, const fs::path& path, std::error_code& error) {
  std::error_code dir_error, path_error;
  auto inside = fs::weakly_canonical(dir, dir_error), target = fs::weakly_canonical(path, path_error);
  error = dir_error ? dir_error : path_error;
  return !error && std::mismatch(inside.begin(), inside.end(), target.begin(), target.end()).first == inside.end();
}

ReadResult read_sources(const std::filesystem::path& dir) {
  return Reader(dir).run();
}

std::vector<std::string> all_texts(const Sources& s) {
  std::vector<std::string> texts = {s.info.title.zh,        s.info.title.en,         s.info.source_title.zh,
                                    s.info.source_title.en, s.info.source_issuer.zh, s.info.source_issuer.en};
  for (const auto& c : s.categories) texts.insert(texts.end(), {c.title.zh, c.title.en});
  for (const auto& i : s.items) {
    texts.insert(texts.end(), {i.title.zh, i.title.en, i.summary.zh, i.summary.en, i.body.zh, i.body.en, i.quote_zh,
                               i.section.zh, i.section.en});
    if (i.figure) texts.insert(texts.end(), {i.figure->display_zh, i.figure->display_en});
    for (const auto& f : i.more_figures)
      texts.insert(texts.end(), {f.display_zh, f.display_en, f.label.zh, f.label.en});
    texts.push_back(i.original_zh);
    if (i.landmark)
      texts.insert(texts.end(),
                   {i.landmark->address.zh, i.landmark->address.en, i.landmark->source.zh, i.landmark->source.en});
  }
  if (s.map) texts.insert(texts.end(), {s.map->source.zh, s.map->source.en});
  for (const auto& u : s.ui_strings) texts.insert(texts.end(), {u.text.zh, u.text.en});
  for (const auto& image : s.images) texts.insert(texts.end(), {image.alt.zh, image.alt.en, image.credit});
  // The reader shows the report's full text.
  if (!s.document.text.empty())
    for (const auto& section : content::shown_report(s.document).sections) {
      texts.push_back(section.title);
      texts.insert(texts.end(), section.paragraphs.begin(), section.paragraphs.end());
    }
  return texts;
}

}  // namespace kiosk::authoring
