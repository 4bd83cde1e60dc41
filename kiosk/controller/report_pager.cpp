#include "kiosk/controller/report_pager.h"

#include <algorithm>
#include <climits>

namespace kiosk::controller {

void ReportPager::reset(size_t sections) {
  sections_ = sections;
  section_ = 0;
  page_ = 0;
  page_count_ = 1;
}

void ReportPager::jump(size_t section) {
  if (section >= sections_) return;
  section_ = section;
  page_ = 0;
  page_count_ = 1;
}

bool ReportPager::turn(int step) {
  if (step > 0) {
    if (page_ < page_count_ - 1) {
      ++page_;
      return true;
    }
    if (section_ + 1 >= sections_) return false;
    jump(section_ + 1);
    return true;
  }
  if (step < 0) {
    if (page_ > 0) {
      --page_;
      return true;
    }
    if (section_ == 0) return false;
    jump(section_ - 1);
    page_ = INT_MAX;
    return true;
  }
  return false;
}

void ReportPager::set_page_count(int pages) {
  page_count_ = std::max(1, pages);
  page_ = std::clamp(page_, 0, page_count_ - 1);
}

}  // namespace kiosk::controller
