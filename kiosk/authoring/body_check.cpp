#include "kiosk/authoring/body_check.h"

#include <map>

#include "kiosk/content/fidelity.h"

namespace kiosk::authoring {
namespace {

// The body as a reader compares it: marks in one width, without the closing full stop
// a quote lacks.
std::string comparable(const std::string& text) {
  std::string out = content::FidelityCheck::normalise(text);
  for (std::string_view stop : {"。", "."})
    if (out.size() >= stop.size() && out.compare(out.size() - stop.size(), stop.size(), stop) == 0)
      out.resize(out.size() - stop.size());
  return out;
}

}  // namespace

Diagnostics check_bodies(const Sources& s) {
  Diagnostics out;
  auto place = [&](const content::Item& item) {
    auto it = s.places.find("item " + item.id + " body_zh");
    return it != s.places.end() ? it->second : Place{"items/", 0};
  };
  std::map<std::string, const content::Item*> first;
  for (const auto& item : s.items) {
    Place at = place(item);
    std::string body = comparable(item.body.zh);
    if (body == comparable(item.quote_zh))
      out.push_back({at.file, at.line,
                     "item '" + item.id +
                         "' body_zh: is the item's quote again; the body tells more of the report's own sentences "
                         "about the item than the quote does"});
    auto [it, inserted] = first.emplace(body, &item);
    if (!inserted) {
      Place other = place(*it->second);
      out.push_back({at.file, at.line,
                     "item '" + item.id + "' body_zh: is the body of item '" + it->second->id + "' too (" + other.file +
                         ":" + std::to_string(other.line) +
                         "); give each item the report's sentences that belong to it alone"});
    }
  }
  return out;
}

}  // namespace kiosk::authoring
