#pragma once
// What the views read from the bundle, loaded once or when first needed: categories,
// each category's item summaries, the full item on the detail screen and the report's
// full text.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/content/bundle.h"
#include "kiosk/controller/map_places.h"
#include "kiosk/show/show.h"

namespace kiosk::controller {

class ContentCache {
 public:
  explicit ContentCache(content::Bundle& bundle);

  const content::BundleInfo& info() const { return bundle_.info(); }
  const std::vector<content::Category>& categories() const { return categories_; }
  const content::Category* category(const std::string& id) const;
  const std::vector<content::ItemSummary>& summaries(const std::string& category_id);
  const content::Item* item(const std::string& id);  // the full item, cached
  // The first figure of a category, its teaser on the home tile.
  const content::ItemSummary* teaser(const std::string& category_id);
  // The report's full text by sections as shown (content::shown_report); empty for a
  // bundle without its source document.
  const std::vector<content::ReportSection>& report_sections();
  // The district map and the landmarks on it; nothing for a bundle without a map.
  const std::optional<content::DistrictMap>& district_map() const { return map_; }
  const std::vector<MapPlace>& map_places();
  // A picture's credit and licence ("Heping kiosk team (CC BY 4.0)"), cached; empty for none.
  const std::string& credit(const std::string& image_id);
  show::Catalogue catalogue();
  content::Bundle& bundle() { return bundle_; }

 private:
  content::Bundle& bundle_;
  std::vector<content::Category> categories_;
  std::map<std::string, std::vector<content::ItemSummary>> summaries_;
  std::map<std::string, content::Item> items_;
  std::optional<std::vector<content::ReportSection>> report_;
  std::optional<content::DistrictMap> map_;
  std::optional<std::vector<MapPlace>> places_;
  std::map<std::string, std::string> credits_;
};

}  // namespace kiosk::controller
