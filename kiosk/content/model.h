#pragma once
// Plain structs for what a bundle holds. Shared by the kiosk (reading) and the builder (writing).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::content {

// A text in both of the kiosk's languages.
struct Bilingual {
  std::string zh;
  std::string en;
};

struct BundleInfo {
  std::string id;
  int64_t version = 0;
  Bilingual title;
  Bilingual source_title;
  std::string source_date;  // YYYY-MM-DD
  Bilingual source_issuer;
  int64_t built_at = 0;  // UTC seconds
  std::string builder_version;
  int schema_version = 0;
};

struct Category {
  std::string id;
  int order = 0;
  Bilingual title;
  std::string accent;  // #RRGGBB
  std::string icon;
};

enum class ItemKind { Figure, Project, Landmark, Story };

struct Figure {
  std::string display_zh;  // exactly as the report words it: 1660余万人次
  double value = 0;        // the display's number, as data; validation holds the two equal
  std::string unit_zh;
  std::string qualifier;  // 余, 超, 近, 以上, 突破 or empty
  std::string direction;  // growth | total | rank
  std::string display_en;
  // What a figure after the lead counts, in a few of the report's words ("改造燃气老旧管网"),
  // for the figure group on the item's page; the lead figure has the item's title for that.
  Bilingual label;
};

// Where a landmark is. Reference data, not a statement of the report: the fidelity check
// does not hold it to the report's words, and the screens label it with its source.
struct Landmark {
  Bilingual address;
  std::optional<double> lat;  // degrees north
  std::optional<double> lon;  // degrees east
  Bilingual source;           // where the address and coordinates come from; empty in a bundle before schema 3
};

// The project's schematic map of the district and the frame it is drawn in: the picture's
// left edge is `west`, its right edge `east`, its top `north`, its bottom `south`
// (degrees), with longitude and latitude linear across it (equirectangular).
struct DistrictMap {
  std::string image_id;
  double north = 0, south = 0, west = 0, east = 0;
  Bilingual source;  // what the drawing follows
};

struct Item {
  std::string id;
  std::string category_id;
  ItemKind kind = ItemKind::Story;
  int order = 0;
  Bilingual title;
  Bilingual summary;
  Bilingual body;
  std::string quote_zh;  // provenance: the report's own words
  Bilingual section;
  std::string image_id;              // empty when the item has no image
  std::optional<Figure> figure;      // the lead figure: the one the tiles, cards and attract loop show
  std::vector<Figure> more_figures;  // the others the report gives with it, in the report's order
  // The report's whole paragraph holding the quote, for the 原文 under the item's text:
  // derived by the builder from the source document, empty in a bundle before schema 4.
  std::string original_zh;
  std::optional<Landmark> landmark;
};

// What a list of items shows of each: enough for a card, without the long texts.
struct ItemSummary {
  std::string id;
  ItemKind kind = ItemKind::Story;
  Bilingual title;
  Bilingual figure;  // the figure's display strings, empty for other kinds
  std::string image_id;
};

struct Image {
  std::string id;
  std::string mime;
  int width = 0;
  int height = 0;
  std::string sha256;
  std::vector<uint8_t> bytes;
  Bilingual alt;
  std::string credit;
  std::string licence;
};

struct Font {
  std::string role;  // regular | bold
  std::string family;
  std::string sha256;
  std::vector<uint8_t> bytes;
};

struct UiString {
  std::string key;
  Bilingual text;
};

struct PlaylistEntry {
  int order = 0;
  std::string item_id;
  double dwell_s = 8;
  std::string transition;          // crossfade | slide
  std::string date_from, date_to;  // YYYY-MM-DD or empty
  std::string time_from, time_to;  // HH:MM or empty
};

// The source document's report text, for reading it whole: its sections in order, each
// with its heading ("一、2024年工作回顾", "(一)...") and its paragraphs as the source words them.
struct ReportSection {
  // The opening comes before the first heading; a part's closing follows its last
  // subsection. Neither has a heading of its own: the reader labels them.
  enum class Kind { Opening, Part, Subsection, Closing };
  std::string title;  // empty for the opening and a closing
  Kind kind = Kind::Opening;
  std::vector<std::string> paragraphs;
  size_t title_block = 0;  // the opening's first paragraphs that are the report's title, byline and date
  // The lines the source broke the title block's dateline into: where it wraps, when it
  // must, as the report's own title page set it.
  std::vector<std::string> title_phrases;
};

struct ReportSource {
  std::string sha256;  // of the whole source file, as bundle.toml recorded it
  std::vector<ReportSection> sections;
};

const char* to_string(ItemKind kind);
std::optional<ItemKind> item_kind_from_string(const std::string& text);

}  // namespace kiosk::content
