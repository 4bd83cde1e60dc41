#pragma once
// What every view draws with, and the actions a view reports back when a visitor taps.

#include <string>

#include "kiosk/text/lang.h"
#include "kiosk/ui/attract_view.h"
#include "kiosk/ui/content_cache.h"
#include "kiosk/ui/image_provider.h"
#include "kiosk/ui/text_painter.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {

struct Action {
  enum Kind { None, OpenCategory, OpenItem, Back, Home, Language, LargeText, Neighbour } kind = None;
  std::string id;  // category or item
  int step = 0;    // neighbour direction
  text::Lang lang = text::Lang::Zh;
  bool flag = false;  // large text on or off
};

struct ViewContext {
  Widgets& w;
  ImageProvider& images;
  ContentCache& content;
  const UiStrings& strings;
  text::Lang lang;
  bool large_text;
  double now;

  ImDrawList* list() const { return w.list(); }
  const Canvas& canvas() const { return w.canvas(); }
  const Fonts& fonts() const { return w.fonts(); }
  float px(float v) const { return w.canvas().px(v); }
  std::string ui(const std::string& key) const {
    auto it = strings.find(key);
    return it == strings.end() ? std::string() : text::pick(it->second, lang);
  }
  TextStyle style(Role role, uint32_t colour, float spacing = 1.5f) const {
    return {fonts().get(role), fonts().size(role), colour, spacing};
  }
};

// Replaces "{n}" (or another placeholder) in an interface text.
std::string fill(std::string text, const std::string& placeholder, const std::string& value);

// The top bar of every browsing screen: back and home on the left, the language and
// larger-text toggles on the right. Returns the action tapped, if any.
Action draw_top_bar(const ViewContext& ctx, bool show_back, bool show_home);
float top_bar_bottom(const Canvas& canvas);

Action draw_home(const ViewContext& ctx);
Action draw_category(const ViewContext& ctx, const std::string& category_id, float scroll, float& content_height);
Action draw_detail(const ViewContext& ctx, const std::string& item_id, int position, int count, float scroll,
                   float& content_height);
void draw_countdown(const ViewContext& ctx, double remaining);
void draw_closed(const ViewContext& ctx, const std::string& clock, const std::string& open_from,
                 const std::string& open_to);

}  // namespace kiosk::ui
