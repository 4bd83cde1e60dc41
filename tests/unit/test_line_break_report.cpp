// Line breaking of every text of the report's content (db/content) at every box width
// the kiosk's layouts give it, with the advances of the fonts the builder subsets: no
// line ends inside a word (ICU's Chinese dictionary) unless that word alone is wider than
// the line, none inside a 《title》 or a short “quoted term”, and no paragraph ends on a
// line of one character.

#include <doctest/doctest.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/authoring/font_subset.h"
#include "kiosk/authoring/sources.h"
#include "kiosk/content/type_scale.h"
#include "kiosk/text/line_break.h"
#include "kiosk/text/marks.h"
#include "kiosk/text/utf8.h"

using namespace kiosk;
using content::Role;

namespace {

// The text boxes of kiosk/ui's views in reference pixels (scale 1; at 2 every width and
// size doubles together), with the role that sets text in them.
struct Box {
  const char* where;
  float width;
  Role role;
};
const Box kBoxes[] = {
    {"detail text column", 872, Role::Title},
    {"detail text column", 872, Role::Body},
    {"detail quote", 840, Role::Caption},
    {"portrait detail text", 888, Role::Title},
    {"portrait detail text", 888, Role::Body},
    {"portrait detail quote", 856, Role::Caption},
    {"attract column", 1240, Role::Title},
    {"attract column", 1240, Role::Body},
    {"attract project", 720, Role::Title},
    {"attract project", 720, Role::Body},
    {"card", 501, Role::Body},
    {"card with picture", 309, Role::Body},
    {"large-text card with picture", 249, Role::Body},
    {"portrait card", 832, Role::Body},
    {"portrait card with picture", 660, Role::Body},
    {"portrait large card with picture", 580, Role::Body},
    {"home tile", 344, Role::Heading},
    {"home tile", 344, Role::Caption},
    {"portrait home tile", 364, Role::Heading},
    {"portrait home tile", 364, Role::Caption},
    {"reader text", 1056, Role::Heading},
    {"reader text", 1056, Role::Body},
    {"reader section list", 560, Role::Caption},
    {"reader subsection", 536, Role::Caption},
    {"portrait reader section list", 400, Role::Caption},
    {"portrait reader subsection", 376, Role::Caption},
    {"overlay", 848, Role::Title},
    {"overlay", 848, Role::Body},
};

// Advances in pixels of the fonts the builder subsets, per size.
class Metrics {
 public:
  Metrics() {
    FT_Init_FreeType(&library_);
    for (const char* weight : {"regular", "bold"}) {
      auto source = authoring::default_font(weight);
      FT_Face face = nullptr;
      FT_New_Face(library_, source.file.c_str(), static_cast<FT_Long>(source.face_index), &face);
      faces_.push_back(face);
    }
  }
  ~Metrics() {
    for (FT_Face f : faces_)
      if (f) FT_Done_Face(f);
    FT_Done_FreeType(library_);
  }
  bool ok() const { return faces_[0] && faces_[1]; }
  float advance(bool bold, char32_t c) {
    auto key = std::make_pair(bold, c);
    auto it = units_.find(key);
    if (it != units_.end()) return it->second;
    FT_Face face = faces_[bold ? 1 : 0];
    float units = 0;
    if (FT_Load_Char(face, c, FT_LOAD_NO_SCALE) == 0) units = static_cast<float>(face->glyph->advance.x);
    return units_[key] = units / static_cast<float>(face->units_per_EM);
  }

 private:
  FT_Library library_ = nullptr;
  std::vector<FT_Face> faces_;
  std::map<std::pair<bool, char32_t>, float> units_;  // advance per em
};

Metrics& metrics() {
  static Metrics m;
  return m;
}

// Every text the kiosk draws from the report's content, in paragraphs, and the item
// quotes as the detail view sets them, within quotation marks.
std::vector<std::string> report_paragraphs() {
  auto read = authoring::read_sources(std::filesystem::path(KIOSK_SOURCE_DIR) / "db/content");
  auto texts = authoring::all_texts(read.sources);
  for (const auto& item : read.sources.items) texts.push_back(text::quoted(item.quote_zh));
  std::vector<std::string> out;
  for (const auto& t : texts) {
    size_t from = 0;
    for (size_t nl = t.find('\n');; nl = t.find('\n', from)) {
      std::string p = t.substr(from, nl == std::string::npos ? std::string::npos : nl - from);
      if (!p.empty()) out.push_back(p);
      if (nl == std::string::npos) break;
      from = nl + 1;
    }
  }
  return out;
}

std::vector<char32_t> code_points(const std::string& s, std::vector<size_t>& bytes) {
  std::vector<char32_t> cps;
  size_t pos = 0;
  while (pos < s.size()) {
    bytes.push_back(pos);
    cps.push_back(text::decode_next(s, pos));
  }
  bytes.push_back(s.size());
  return cps;
}

// The word starts and ends of ICU's word breaker, as code point indices.
std::vector<bool> icu_words(const std::vector<char32_t>& cps) {
  icu::UnicodeString u;
  std::vector<size_t> cp_at;
  for (size_t i = 0; i < cps.size(); ++i) {
    u.append(static_cast<UChar32>(cps[i]));
    while (cp_at.size() < static_cast<size_t>(u.length())) cp_at.push_back(i);
  }
  cp_at.push_back(cps.size());
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
  REQUIRE(U_SUCCESS(status));
  it->setText(u);
  std::vector<bool> out(cps.size() + 1, false);
  for (int32_t b = it->first(); b != icu::BreakIterator::DONE; b = it->next())
    out[cp_at[static_cast<size_t>(b)]] = true;
  return out;
}

struct Laid {
  std::string text;
  std::vector<char32_t> cps;
  std::vector<size_t> bytes;   // of each code point, and the end
  std::vector<size_t> starts;  // code point index where each line after the first starts
  std::vector<size_t> line_begin, line_end;
  float max_width = 0;
  std::function<float(char32_t)> advance;

  size_t cp_at(size_t byte) const {
    return static_cast<size_t>(std::lower_bound(bytes.begin(), bytes.end(), byte) - bytes.begin());
  }
  float width(size_t from, size_t to) const {
    float w = 0;
    for (size_t i = from; i < to; ++i) w += advance(cps[i]);
    return w;
  }
  std::string lines() const {
    std::string out;
    for (size_t i = 0; i < line_begin.size(); ++i)
      out += text.substr(bytes[line_begin[i]], bytes[line_end[i]] - bytes[line_begin[i]]) + " | ";
    return out;
  }
};

template <typename Check>
void for_every_layout(Check check) {
  REQUIRE(metrics().ok());
  static const auto paragraphs = report_paragraphs();
  REQUIRE(paragraphs.size() > 100);
  for (const auto& box : kBoxes) {
    // The sanitizer build (KIOSK_UNIT_SLOWDOWN) lays out at the normal text size only, and
    // every fourth paragraph: it is there for memory errors, and the fast build checks all.
    for (bool large : {false, true}) {
      if (large && KIOSK_UNIT_SLOWDOWN > 1) continue;
      float size = content::role_size(box.role, large);
      bool bold = content::role_is_bold(box.role);
      auto advance = [bold, size](char32_t c) { return metrics().advance(bold, c) * size; };
      for (size_t n = 0; n < paragraphs.size(); n += KIOSK_UNIT_SLOWDOWN) {
        const auto& p = paragraphs[n];
        text::LayoutOptions options;
        options.max_width = box.width;
        Laid laid{p, {}, {}, {}, {}, {}, box.width, advance};
        laid.cps = code_points(p, laid.bytes);
        auto lines = text::break_lines(p, advance, options);
        for (size_t i = 0; i < lines.size(); ++i) {
          laid.line_begin.push_back(laid.cp_at(lines[i].begin));
          laid.line_end.push_back(laid.cp_at(lines[i].end));
          if (i > 0) laid.starts.push_back(laid.line_begin.back());
        }
        INFO(std::string(box.where) << ", " << box.width << " px at " << size << " px: " << laid.lines());
        check(laid);
      }
    }
  }
}

bool counts_as_character(char32_t c) {
  return c != U' ' && c != U'\u3000' && !u_ispunct(static_cast<UChar32>(c));
}

}  // namespace

TEST_CASE("report line breaks: no line ends inside a word unless the word alone is wider than the line") {
  for_every_layout([](const Laid& laid) {
    auto words = icu_words(laid.cps);
    for (size_t at : laid.starts) {
      if (words[at]) continue;
      size_t from = at, to = at;
      while (from > 0 && !words[from]) --from;
      while (to < laid.cps.size() && !words[to]) ++to;
      // The marks that cling to it (“Wudadao”.) go with it: no line may start or end with them.
      while (from > 0 && u_ispunct(static_cast<UChar32>(laid.cps[from - 1]))) --from;
      while (to < laid.cps.size() && u_ispunct(static_cast<UChar32>(laid.cps[to]))) ++to;
      INFO("break inside " << laid.text.substr(laid.bytes[from], laid.bytes[to] - laid.bytes[from]));
      CHECK(laid.width(from, to) > laid.max_width);
    }
  });
}

TEST_CASE("report line breaks: none inside a 《title》 or a quoted term of up to eight characters") {
  for_every_layout([](const Laid& laid) {
    for (size_t at : laid.starts) {
      for (auto [open, close] : {std::pair{U'《', U'》'}, std::pair{U'“', U'”'}, std::pair{U'‘', U'’'}}) {
        size_t o = at;
        while (o > 0 && laid.cps[o - 1] != open && laid.cps[o - 1] != close) --o;
        if (o == 0 || laid.cps[o - 1] != open) continue;
        size_t c = at;
        while (c < laid.cps.size() && laid.cps[c] != close && laid.cps[c] != open) ++c;
        if (c == laid.cps.size() || laid.cps[c] != close) continue;
        bool short_quote = c - o <= 8;
        if (open != U'《' && !short_quote) continue;
        size_t from = o - 1, to = c + 1;  // with the marks that cling to it, as “‘三大球’ and “头等大事”，
        while (from > 0 && u_ispunct(static_cast<UChar32>(laid.cps[from - 1]))) --from;
        while (to < laid.cps.size() && u_ispunct(static_cast<UChar32>(laid.cps[to]))) ++to;
        INFO("break inside " << laid.text.substr(laid.bytes[o - 1], laid.bytes[c + 1] - laid.bytes[o - 1]));
        CHECK(laid.width(from, to) > laid.max_width);
      }
    }
  });
}

TEST_CASE("report line breaks: no paragraph ends on a line of one character") {
  for_every_layout([](const Laid& laid) {
    if (laid.line_begin.size() < 2) return;
    int characters = 0;
    for (size_t i = laid.line_begin.back(); i < laid.line_end.back(); ++i)
      characters += counts_as_character(laid.cps[i]);
    CHECK(characters >= 2);
  });
}
