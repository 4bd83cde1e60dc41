#pragma once
// Where the visitor is in the report's full text: which section, which page of it. The
// reader view lays a section out into pages and reports how many there are; turning past
// a section's last page goes on to the next section, and back past its first page to the
// previous section's last page.

#include <cstddef>

namespace kiosk::controller {

class ReportPager {
 public:
  void reset(size_t sections);
  void jump(size_t section);  // a tap on the section list: its first page
  bool turn(int step);        // +1 / -1 a page; false at the very start or end of the report
  // The view's layout of the current section; a page past its end becomes its last page.
  void set_page_count(int pages);

  size_t section() const { return section_; }
  // Past the last page after a backward turn into a section not laid out yet: the view
  // draws its last page, which it alone knows, and reports the count that settles it.
  int page() const { return page_; }
  int page_count() const { return page_count_; }

 private:
  size_t sections_ = 0, section_ = 0;
  int page_ = 0, page_count_ = 1;
};

}  // namespace kiosk::controller
