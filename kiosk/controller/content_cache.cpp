#include "kiosk/controller/content_cache.h"

#include "kiosk/content/source_document.h"

namespace kiosk::controller {

namespace {
constexpr size_t kItemsKept = 16;  // the detail screen and its neighbours; older ones are dropped
}

ContentCache::ContentCache(content::Bundle& bundle)
    : bundle_(bundle), categories_(bundle.categories()), map_(bundle.district_map()) {}

const std::string& ContentCache::credit(const std::string& image_id) {
  auto it = credits_.find(image_id);
  if (it == credits_.end()) {
    std::string text;
    if (auto image = bundle_.image(image_id); image && !image->credit.empty())
      text = image->credit + (image->licence.empty() ? "" : " (" + image->licence + ")");
    it = credits_.emplace(image_id, std::move(text)).first;
  }
  return it->second;
}

const std::vector<MapPlace>& ContentCache::map_places() {
  if (!places_) places_ = map_ ? controller::map_places(*map_, bundle_.items()) : std::vector<MapPlace>{};
  return *places_;
}

const content::Category* ContentCache::category(const std::string& id) const {
  for (const auto& c : categories_)
    if (c.id == id) return &c;
  return nullptr;
}

const std::vector<content::ItemSummary>& ContentCache::summaries(const std::string& category_id) {
  auto it = summaries_.find(category_id);
  if (it == summaries_.end()) it = summaries_.emplace(category_id, bundle_.item_summaries(category_id)).first;
  return it->second;
}

const content::Item* ContentCache::item(const std::string& id) {
  if (auto it = items_.find(id); it != items_.end()) return &it->second;
  auto loaded = bundle_.item(id);
  if (!loaded) return nullptr;
  if (items_.size() >= kItemsKept) items_.clear();
  return &items_.emplace(id, std::move(*loaded)).first->second;
}

const content::ItemSummary* ContentCache::teaser(const std::string& category_id) {
  for (const auto& s : summaries(category_id))
    if (!s.figure.zh.empty()) return &s;
  return nullptr;
}

const std::vector<content::ReportSection>& ContentCache::report_sections() {
  if (!report_) {
    auto document = bundle_.source_document();
    report_ = document ? content::shown_report(*document).sections : std::vector<content::ReportSection>{};
  }
  return *report_;
}

show::Catalogue ContentCache::catalogue() {
  show::Catalogue c;
  for (const auto& category : categories_) {
    c.categories.push_back(category.id);
    auto& ids = c.items[category.id];
    for (const auto& s : summaries(category.id)) ids.push_back(s.id);
  }
  return c;
}

}  // namespace kiosk::controller
