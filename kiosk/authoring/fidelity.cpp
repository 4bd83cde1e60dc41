#include "kiosk/authoring/fidelity.h"

#include <functional>

#include "kiosk/content/fidelity.h"

namespace kiosk::authoring {
namespace {

using TextFn = std::function<void(const std::string& place_key, const std::string& shown_as, const std::string& text)>;

// Every text of the sources with the key of the place it was written and how to name it.
void each_text(const Sources& s, const TextFn& fn) {
  const auto& info = s.info;
  fn("", "bundle title_zh", info.title.zh);
  fn("", "bundle title_en", info.title.en);
  fn("", "source title_zh", info.source_title.zh);
  fn("", "source title_en", info.source_title.en);
  fn("", "source issuer_zh", info.source_issuer.zh);
  fn("", "source issuer_en", info.source_issuer.en);
  for (const auto& c : s.categories) {
    fn("category " + c.id, "category '" + c.id + "' title_zh", c.title.zh);
    fn("category " + c.id, "category '" + c.id + "' title_en", c.title.en);
  }
  for (const auto& i : s.items) {
    auto item = [&](const std::string& key, const std::string& text) {
      fn("item " + i.id + " " + key, "item '" + i.id + "' " + key, text);
    };
    item("title_zh", i.title.zh);
    item("title_en", i.title.en);
    item("summary_zh", i.summary.zh);
    item("summary_en", i.summary.en);
    item("body_zh", i.body.zh);
    item("body_en", i.body.en);
    item("quote", i.quote_zh);
    item("section_zh", i.section.zh);
    item("section_en", i.section.en);
    if (i.figure) {
      item("figure.display", i.figure->display_zh);
      item("figure.display_en", i.figure->display_en);
    }
    for (size_t n = 0; n < i.more_figures.size(); ++n) {
      std::string key = content::more_figure_key(n);
      item(key + ".display", i.more_figures[n].display_zh);
      item(key + ".display_en", i.more_figures[n].display_en);
      item(key + ".label_zh", i.more_figures[n].label.zh);
      item(key + ".label_en", i.more_figures[n].label.en);
    }
    if (i.landmark) {
      item("landmark.address_zh", i.landmark->address.zh);
      item("landmark.address_en", i.landmark->address.en);
    }
  }
  for (const auto& u : s.ui_strings) {
    fn("ui " + u.key, "ui string '" + u.key + "' zh", u.text.zh);
    fn("ui " + u.key, "ui string '" + u.key + "' en", u.text.en);
  }
  for (const auto& image : s.images) {
    fn("image " + image.id, "image '" + image.id + "' alt_zh", image.alt.zh);
    fn("image " + image.id, "image '" + image.id + "' alt_en", image.alt.en);
    fn("image " + image.id, "image '" + image.id + "' credit", image.credit);
  }
}

}  // namespace

Diagnostics check_fidelity(const Sources& s) {
  Diagnostics out;
  if (s.document.text.empty()) {
    out.push_back({"bundle.toml", 0, "[source] names no source document to check the content against"});
    return out;
  }
  auto place = [&](const std::string& key) {
    auto it = s.places.find(key);
    return it != s.places.end() ? it->second : Place{"bundle.toml", 0};
  };
  content::FidelityCheck check(s.document);
  for (const auto& item : s.items)
    for (const auto& p : check.check(item)) {
      // The 原文 is derived from the quote, so a wrong one is the quote's to fix.
      Place at = place("item " + item.id + " " + (p.field == "original" ? std::string("quote") : p.field));
      std::string near = p.nearest.empty() ? "" : "; nearest in " + s.document_file + ", " + p.nearest;
      out.push_back({at.file, at.line, "item '" + item.id + "' " + p.field + ": " + p.reason + near});
    }
  each_text(s, [&](const std::string& key, const std::string& shown_as, const std::string& text) {
    if (auto found = check.wrapper_in(text); !found.empty()) {
      Place at = place(key);
      out.push_back({at.file, at.line,
                     shown_as + ": carries the web page's text " + found + " of " + s.document_file +
                         ", which is not the report's (first_line..last_line of bundle.toml)"});
    }
  });
  return out;
}

}  // namespace kiosk::authoring
