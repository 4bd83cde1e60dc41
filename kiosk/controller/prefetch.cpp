#include "kiosk/controller/prefetch.h"

#include <algorithm>

namespace kiosk::controller {

std::vector<std::string> category_pictures(const std::vector<content::ItemSummary>& items, size_t limit) {
  std::vector<std::string> ids;
  for (const auto& item : items) {
    if (ids.size() >= limit) break;
    // The list draws from its top: the first cards are the ones the visitor sees first.
    if (!item.image_id.empty() && std::find(ids.begin(), ids.end(), item.image_id) == ids.end())
      ids.push_back(item.image_id);
  }
  return ids;
}

}  // namespace kiosk::controller
