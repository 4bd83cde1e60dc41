#pragma once
// Which of a category's pictures to load before its list is shown. A card's picture that
// is first asked for by the frame that draws it shows a placeholder until the worker has
// decoded it (over a second for a screenful on a 2-core kiosk), so loading starts as soon
// as a finger is on the category's tile. Only as many as the texture cache keeps without
// drawing them: more would evict the first before the list is shown, and a bundle with
// hundreds of pictures in one category would decode them all for nothing.

#include <cstddef>
#include <string>
#include <vector>

#include "kiosk/content/model.h"

namespace kiosk::controller {

// The distinct pictures of the list's first `limit` picture cards, in list order.
std::vector<std::string> category_pictures(const std::vector<content::ItemSummary>& items, size_t limit);

}  // namespace kiosk::controller
