#pragma once
// The benchmark's visitor phase: a running kiosk browsed as visitors browse it, with real
// pointer input (xdotool on the kiosk's display), its PSS sampled every second.

#include <string>
#include <vector>

namespace kiosk::bench {

// What to browse. With no sample, every category in turn: its first item opened and
// swiped through to its last, back, its list scrolled to the end; once in Chinese, once
// in English and once more with larger text. With a sample, that many different items
// opened at random (seeded) across the categories, each list scrolled a random way.
struct VisitPlan {
  std::vector<int> items_per_category;  // in home's tile order
  int sample = 0;
  unsigned seed = 1;
  double idle_timeout_s = 0;  // the kiosk's, to wait for its return to the attract loop
};

struct VisitResult {
  bool ok = false;
  std::string failure;  // what went wrong, when not ok
  double seconds = 0;   // the visit, to the return to the attract loop
  int items_opened = 0, items_total = 0;
  double pss_max_mb = -1, pss_end_mb = -1;
  long rss_max_kb = -1;
  // The texture bytes held, by the GL driver's count and by the texture cache's own:
  // the largest either was at the end of a category's visit, and at the end.
  long texture_kb_max = -1, cached_kb_max = -1, texture_kb_end = -1, cached_kb_end = -1;
};

// Runs `argv` (a kiosk full screen on a 1920x1080 display: xdotool's coordinates are the
// screen's) and visits it. Needs xdotool on PATH.
VisitResult visit(const std::vector<std::string>& argv, const VisitPlan& plan);

}  // namespace kiosk::bench
