#pragma once
// A bundle file from arbitrary bytes: the kiosk's open with its cheap checks, the
// queries the kiosk makes of a bundle that opened, and the installer's full validate.

#include <cstdint>

#include "kiosk/content/bundle.h"
#include "kiosk/content/validate.h"
#include "tests/fuzz/fuzz_common.h"

namespace kiosk::fuzz {

inline void read_everything(const content::Bundle& bundle) {
  for (const auto& category : bundle.categories())
    for (const auto& summary : bundle.item_summaries(category.id)) {
      auto item = bundle.item(summary.id);
      if (item && !item->image_id.empty()) (void)bundle.image(item->image_id);
    }
  (void)bundle.playlist();
  (void)bundle.ui_strings();
  (void)bundle.font("regular");
  (void)bundle.font("bold");
}

inline void run_bundle(const uint8_t* data, size_t size) {
  auto path = scratch_dir() / "input.bundle";
  write_file(path, as_text(data, size));
  try {
    read_everything(content::Bundle::open(path));
  } catch (const content::BundleError&) {
    // Refused: the kiosk shows its previous bundle or the out-of-service screen. Any
    // other exception escapes on purpose: the kiosk does not catch it either.
  }
  (void)content::validate_bundle(path);
  std::filesystem::remove(path);
}

}  // namespace kiosk::fuzz
