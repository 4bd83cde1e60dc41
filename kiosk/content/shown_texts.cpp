#include "kiosk/content/shown_texts.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string>

#include "kiosk/content/bundle.h"
#include "kiosk/content/source_document.h"
#include "kiosk/text/figure_text.h"

namespace kiosk::content {

void for_each_shown_text(const Database& db, const ShownTextFn& fn) {
  auto each = [&](std::initializer_list<Role> roles, std::string_view text, const TextPlace& place) {
    for (Role role : roles) fn(role, text, place);
  };
  each({Role::Figure, Role::Label, Role::Heading}, "0123456789.,:/% ", {"the kiosk's figures", "", ""});
  // The detail view sets the report's words in “ ”, and a quote within them in ‘ ’ (text::quoted).
  each({Role::Caption}, "“”‘’：:", {"the kiosk's quotes", "", ""});
  {
    auto s = db.prepare("SELECT id, title_zh, title_en FROM bundle");
    while (s.step()) {
      std::string id = s.text(0);
      each({Role::Title}, s.text(1), {"bundle", id, "title_zh"});
      each({Role::Title}, s.text(2), {"bundle", id, "title_en"});
    }
  }
  {
    auto s = db.prepare("SELECT id, title_zh, title_en FROM category");
    while (s.step()) {
      std::string id = s.text(0);
      each({Role::Title, Role::Heading, Role::Caption}, s.text(1), {"category", id, "title_zh"});
      each({Role::Title, Role::Heading, Role::Caption}, s.text(2), {"category", id, "title_en"});
    }
  }
  {
    // Item titles are set as titles on their page, in the body face on the cards and as
    // captions in the teasers; a figure's display as a heading on the cards, and its words
    // around the number in the unit face of the big figure and in the caption face of the
    // small figures on the home tiles and the cards (ui FigureLook), and its number in the
    // figure face.
    static constexpr const char* kColumns[] = {"title_zh", "title_en", "summary_zh", "summary_en", "body_zh",
                                               "body_en",  "quote_zh", "section_zh", "section_en"};
    static constexpr std::initializer_list<Role> kRoles[] = {{Role::Title, Role::Body, Role::Caption},
                                                             {Role::Title, Role::Body, Role::Caption},
                                                             {Role::Body},
                                                             {Role::Body},
                                                             {Role::Body},
                                                             {Role::Body},
                                                             {Role::Caption},
                                                             {Role::Caption},
                                                             {Role::Caption}};
    auto s = db.prepare(
        "SELECT i.id, i.title_zh, i.title_en, i.summary_zh, i.summary_en, i.body_zh, i.body_en, i.quote_zh, "
        "i.section_zh, i.section_en, f.display_zh, f.display_en, i.image_id FROM item i "
        "LEFT JOIN figure f ON f.item_id = i.id");
    while (s.step()) {
      std::string id = s.text(0);
      for (int i = 0; i < 9; ++i) each(kRoles[i], s.text(i + 1), {"item", id, kColumns[i]});
      // An item with neither a figure nor a picture leads its detail with the quote set as a
      // heading, in its quotation marks (ui detail_view, controller::detail_shows_picture).
      if (s.is_null(10) && (s.is_null(12) || s.text(12).empty())) {
        each({Role::Heading}, s.text(7), {"item", id, "quote_zh"});
        each({Role::Heading}, "“”‘’", {"item", id, "quote_zh"});
      }
      for (int i : {10, 11}) {
        if (s.is_null(i)) continue;
        std::string display = s.text(i);
        TextPlace place{"figure", id, i == 10 ? "display_zh" : "display_en"};
        each({Role::Heading}, display, place);
        auto parts = text::split_figure(display);
        each({Role::FigureUnit, Role::Caption}, parts.prefix + parts.suffix, place);
        each({Role::Figure}, parts.number, place);  // a figure in words has its numerals (七万, 第一) there
      }
    }
  }
  {
    // Schema 4: the figures after the lead one, set as the item page's figure group (digits
    // in the title face, the words around them and the label in the caption face), and the
    // 原文 in the body face.
    auto has = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'figure_more'");
    has.step();
    if (has.integer(0) > 0) {
      auto f = db.prepare("SELECT item_id, display_zh, display_en, label_zh, label_en FROM figure_more");
      while (f.step()) {
        std::string id = f.text(0);
        each({Role::Title, Role::Caption}, f.text(1), {"figure_more", id, "display_zh"});
        each({Role::Title, Role::Caption}, f.text(2), {"figure_more", id, "display_en"});
        each({Role::Caption}, f.text(3), {"figure_more", id, "label_zh"});
        each({Role::Caption}, f.text(4), {"figure_more", id, "label_en"});
      }
      auto o = db.prepare("SELECT item_id, text_zh FROM original");
      while (o.step()) each({Role::Body}, o.text(1), {"original", o.text(0), "text_zh"});
    }
  }
  {
    // The reader: the section list in the caption face, a section's title as a heading,
    // its paragraphs in the body face; a version 1 bundle has no source document to read.
    auto has = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'source'");
    has.step();
    if (has.integer(0) > 0) {
      auto s = db.prepare("SELECT text, first_line, last_line FROM source");
      auto line = [&](int column) { return static_cast<int>(std::clamp<int64_t>(s.integer(column), 0, INT32_MAX)); };
      while (s.step()) {
        SourceDocument document{s.text(0), "", line(1), line(2)};
        for (const auto& section : shown_report(document).sections) {
          each({Role::Heading, Role::Caption}, section.title, {"source", "report", "section title"});
          for (const auto& paragraph : section.paragraphs)
            each({Role::Body}, paragraph, {"source", "report", "paragraph"});
        }
      }
    }
  }
  {
    // A landmark's page: its address in the body face and where it comes from in the
    // caption face, with the credit of the item's picture (every picture's, as
    // the attract loop may show any). The map draws its source in the caption face too,
    // and its key's texts (ui keys) wherever the interface's texts go.
    auto has = [&](const char* table) {
      auto q = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1");
      q.bind(1, std::string(table));
      q.step();
      return q.integer(0) > 0;
    };
    auto l = db.prepare("SELECT item_id, address_zh, address_en FROM landmark");
    while (l.step()) {
      std::string id = l.text(0);
      each({Role::Body}, l.text(1), {"landmark", id, "address_zh"});
      each({Role::Body}, l.text(2), {"landmark", id, "address_en"});
    }
    // The map's list names each landmark in the label face (ui map_view).
    auto names = db.prepare("SELECT i.id, i.title_zh, i.title_en FROM item i JOIN landmark l ON l.item_id = i.id");
    while (names.step()) {
      std::string id = names.text(0);
      each({Role::Label}, names.text(1), {"item", id, "title_zh"});
      each({Role::Label}, names.text(2), {"item", id, "title_en"});
    }
    if (has("landmark_reference")) {
      auto r = db.prepare("SELECT item_id, source_zh, source_en FROM landmark_reference");
      while (r.step()) {
        std::string id = r.text(0);
        each({Role::Caption}, r.text(1), {"landmark_reference", id, "source_zh"});
        each({Role::Caption}, r.text(2), {"landmark_reference", id, "source_en"});
      }
    }
    if (has("district_map")) {
      auto m = db.prepare("SELECT image_id, source_zh, source_en FROM district_map");
      while (m.step()) {
        each({Role::Caption}, m.text(1), {"district_map", m.text(0), "source_zh"});
        each({Role::Caption}, m.text(2), {"district_map", m.text(0), "source_en"});
      }
    }
    auto i = db.prepare("SELECT id, credit, licence FROM image");
    while (i.step()) {
      std::string id = i.text(0);
      each({Role::Caption}, i.text(1), {"image", id, "credit"});
      each({Role::Caption}, i.text(2), {"image", id, "licence"});
    }
  }
  auto s = db.prepare("SELECT key, zh, en FROM ui_string");
  while (s.step()) {
    std::string key = s.text(0);
    for (int i : {1, 2})
      each({Role::Title, Role::Heading, Role::Body, Role::Caption, Role::Label}, s.text(i),
           {"ui_string", key, i == 1 ? "zh" : "en"});
  }
}

void for_each_shown_text(Bundle& bundle, const ShownTextFn& fn) {
  for_each_shown_text(bundle.database(), fn);
}

}  // namespace kiosk::content
