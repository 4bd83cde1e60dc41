#include "kiosk/controller/report_pager.h"

#include <algorithm>

namespace kiosk::controller {

void ReportPager::reset(size_t sections) {
  sections_ = sections;
  section_ = 0;
  page_ = 0;
  page_count_ = 1;
  to_last_ = false;
}

void ReportPager::jump(size_t section) {
  if (section >= sections_) return;
  section_ = section;
  page_ = 0;
  page_count_ = 1;
  to_last_ = false;
}

bool ReportPager::turn(int step) {
  if (step > 0) {
    if (page_ + 1 < page_count_) {
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
    to_last_ = true;
    return true;
  }
  return false;
}

void ReportPager::set_page_count(int pages) {
  page_count_ = std::max(1, pages);
  if (to_last_) page_ = page_count_ - 1;
  to_last_ = false;
  page_ = std::clamp(page_, 0, page_count_ - 1);
}

}  // namespace kiosk::controller
