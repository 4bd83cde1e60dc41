#pragma once
// Every text of a bundle the kiosk draws, with the type role that draws it. The ui bakes
// the glyphs of these texts into its atlas, and validation checks that the bundle's fonts
// can draw every one of their characters; both read this one list.

#include <functional>
#include <string_view>

#include "kiosk/content/sqlite.h"
#include "kiosk/content/type_scale.h"

namespace kiosk::content {

class Bundle;

// Where a shown text comes from: "item 'gdp-growth' title_zh"; the kiosk's own texts
// (the digits of the countdown and the closed screen's clock) have an empty row.
struct TextPlace {
  std::string_view table;
  std::string_view row;
  std::string_view column;
};

using ShownTextFn = std::function<void(Role role, std::string_view text, const TextPlace& place)>;

// Calls `fn` for every (role, text) the kiosk may draw from the bundle in `db`.
void for_each_shown_text(const Database& db, const ShownTextFn& fn);
// The same for an open bundle: the kiosk reads its texts through this, never by SQL of its own.
void for_each_shown_text(Bundle& bundle, const ShownTextFn& fn);

}  // namespace kiosk::content
