#include "kiosk/authoring/english_fields.h"

namespace kiosk::authoring {

std::vector<EnglishField> english_fields(const Sources& s) {
  std::vector<EnglishField> out;
  auto place = [&](const std::string& key, const std::string& fallback_key) {
    auto it = s.places.find(key);
    if (it == s.places.end()) it = s.places.find(fallback_key);
    return it != s.places.end() ? it->second : Place{"bundle.toml", 0};
  };
  const auto& info = s.info;
  out.push_back({"bundle title_en", "title_zh", &info.title.zh, &info.title.en, {"bundle.toml", 0}});
  out.push_back({"source title_en", "title_zh", &info.source_title.zh, &info.source_title.en, {"bundle.toml", 0}});
  out.push_back({"source issuer_en", "issuer_zh", &info.source_issuer.zh, &info.source_issuer.en, {"bundle.toml", 0}});
  for (const auto& c : s.categories)
    out.push_back({"category '" + c.id + "' title_en", "title_zh", &c.title.zh, &c.title.en,
                   place("category " + c.id + " title_en", "category " + c.id)});
  for (const auto& i : s.items) {
    auto item = [&](const std::string& en_key, const std::string& zh_key, const std::string* zh,
                    const std::string* en) {
      out.push_back({"item '" + i.id + "' " + en_key, zh_key, zh, en, place("item " + i.id + " " + en_key, "")});
    };
    item("title_en", "title_zh", &i.title.zh, &i.title.en);
    item("summary_en", "summary_zh", &i.summary.zh, &i.summary.en);
    item("body_en", "body_zh", &i.body.zh, &i.body.en);
    item("body_en", "quote", &i.quote_zh, &i.body.en);
    item("section_en", "section_zh", &i.section.zh, &i.section.en);
    if (i.figure) item("figure.display_en", "figure.display", &i.figure->display_zh, &i.figure->display_en);
    if (i.landmark) {
      item("landmark.address_en", "landmark.address_zh", &i.landmark->address.zh, &i.landmark->address.en);
      item("landmark.source_en", "landmark.source_zh", &i.landmark->source.zh, &i.landmark->source.en);
    }
  }
  if (s.map)
    out.push_back({"map source_en", "source_zh", &s.map->source.zh, &s.map->source.en, place("map image", "")});
  for (const auto& u : s.ui_strings)
    out.push_back({"ui string '" + u.key + "' en", "zh", &u.text.zh, &u.text.en, place("ui " + u.key, "")});
  for (const auto& image : s.images) {
    out.push_back({"image '" + image.id + "' alt_en", "alt_zh", &image.alt.zh, &image.alt.en,
                   place("image " + image.id + " alt_en", "image " + image.id)});
    // A credit is one line naming its maker in both languages: no Chinese field of its own.
    out.push_back({"image '" + image.id + "' credit", "", nullptr, &image.credit,
                   place("image " + image.id + " credit", "image " + image.id)});
  }
  return out;
}

}  // namespace kiosk::authoring
