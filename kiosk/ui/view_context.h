#pragma once
// What every view draws with. Views only draw: each control they draw is reported with
// its action (Widgets::hit), and the controller decides what a tap on it does.

#include <optional>
#include <string>

#include "kiosk/content/ui_keys.h"
#include "kiosk/controller/content_cache.h"
#include "kiosk/text/lang.h"
#include "kiosk/ui/attract_view.h"
#include "kiosk/ui/image_provider.h"
#include "kiosk/ui/text_painter.h"
#include "kiosk/ui/widgets.h"

namespace kiosk::ui {

struct ViewContext {
  Widgets& w;
  ImageProvider& images;
  controller::ContentCache& content;
  const UiStrings& strings;
  text::Lang lang;
  bool large_text;
  double now;

  ImDrawList* list() const { return w.list(); }
  const Canvas& canvas() const { return w.canvas(); }
  const Fonts& fonts() const { return w.fonts(); }
  float px(float v) const { return w.canvas().px(v); }
  std::string ui(content::UiKey key) const { return ui_text(strings, key, lang); }
  TextStyle style(Role role, uint32_t colour, float spacing = 1.5f) const {
    return {fonts().get(role), fonts().size(role), colour, spacing};
  }
};

// Replaces "{n}" (or another placeholder) in an interface text.
std::string fill(std::string text, const std::string& placeholder, const std::string& value);

// The top bar of every browsing screen: back and home on the left, the language and
// larger-text toggles on the right.
// Returns where its right-hand pills begin: the bar is free left of that.
float draw_top_bar(const ViewContext& ctx, bool show_back, bool show_home);
float top_bar_bottom(const Canvas& canvas);

// The foot of a paged view, the same under an item and under the report's pages: the
// arrows (where there is somewhere to go) either side of the position, "3 / 12", and
// under it the hint that a swipe turns too.
struct PageFoot {
  float centre_x = 0, y = 0;  // y: the top of the arrows
  std::string where;
  std::optional<controller::Action> back, forward;
};
void draw_page_foot(const ViewContext& ctx, const PageFoot& foot);

// A scrolled list as its view laid it out: its full height, and the height of the part of
// the screen it is shown in (the controller's scroller stops and springs back at their
// difference, so both are the layout's own, never a guess).
struct ListExtent {
  float content = 0, viewport = 0;
};
// Soft edges over a list clipped to [top, bottom]: where there is more of it above or
// below, the list fades into the background instead of being cut flat through a card.
// The fades grow in over their own height of scrolling, so they never pop.
void draw_list_edges(const ViewContext& ctx, float top, float bottom, float scroll, const ListExtent& extent);
// How much of the end of a list's height is padding: its last card comes clear of the
// bottom edge's fade and of the screen's safe area.
constexpr float kListEndPadReference = 72;

void draw_home(const ViewContext& ctx);
// A category card's least height, and the square its picture fills (what the pictures of
// a category are loaded ahead at).
float card_least_height(const Canvas& canvas, bool large_text);
ImVec2 card_picture_size(const Canvas& canvas, bool large_text);
void draw_category(const ViewContext& ctx, const std::string& category_id, float scroll, ListExtent& extent);
void draw_detail(const ViewContext& ctx, const std::string& item_id, int position, int count, float scroll,
                 ListExtent& extent);
// The report's full text: the section list and the current section's page. Returns the
// number of pages the section takes at this size.
int draw_report(const ViewContext& ctx, size_t section, int page);
// A landmark's address, the way to the map, its picture's credit and the address's source;
// returns the height used.
float draw_landmark_place(const ViewContext& ctx, const content::Item& item, ImVec2 at, float width, uint32_t accent);
// The district map: every landmark numbered on the drawing and named in the list beside
// it (both open the landmark), 'you are here' at the kiosk's site, and the landmark
// `focus` (whose page opened the map; empty: none) marked out among the others.
void draw_map(const ViewContext& ctx, const std::optional<controller::Site>& site, const std::string& focus);
void draw_countdown(const ViewContext& ctx, double remaining);
void draw_closed(const ViewContext& ctx, const std::string& clock, const std::string& open_from,
                 const std::string& open_to);

}  // namespace kiosk::ui
