#pragma once
// The keys of the kiosk's own interface texts, as one typed list. A bundle must carry
// every one (in zh and en), so that their glyphs are in its font subset and operators
// can reword them. The code names a text only by its `UiKey`, so a key the code uses
// cannot be missing from the list that validation requires (tests/unit/test_ui_keys.cpp
// also scans the sources for any text looked up by a plain string).

#include <cstddef>
#include <string_view>

namespace kiosk::content {

// X(name): one line per key; the enum and the names are both made from it.
#define KIOSK_UI_KEYS(X)        \
  X(touch_cue)                  \
  X(source_label)               \
  X(source_document)            \
  X(home_title)                 \
  X(back)                       \
  X(home)                       \
  X(language_zh)                \
  X(language_en)                \
  X(larger_text)                \
  X(normal_text)                \
  X(still_there)                \
  X(countdown)                  \
  X(touch_to_continue)          \
  X(swipe_hint)                 \
  X(category_item_count)        \
  X(out_of_service_title)       \
  X(out_of_service_message)     \
  X(closed_title)               \
  X(opening_hours)              \
  X(opening_hours_daily)        \
  X(image_placeholder)          \
  X(home_subtitle)              \
  X(kind_figure)                \
  X(kind_project)               \
  X(kind_landmark)              \
  X(kind_story)                 \
  X(pin_prompt)                 \
  X(pin_wrong)                  \
  X(pin_locked)                 \
  X(keypad_ok)                  \
  X(keypad_clear)               \
  X(keypad_cancel)              \
  X(operator_title)             \
  X(unsigned_allowed)           \
  X(bundle_version)             \
  X(signature_status)           \
  X(signature_unsigned)         \
  X(signature_unreadable)       \
  X(signed_by_key)              \
  X(signed_by_untrusted_key)    \
  X(highest_version)            \
  X(inbox_refused)              \
  X(uptime)                     \
  X(memory)                     \
  X(frames)                     \
  X(install_history)            \
  X(recent_errors)              \
  X(touch_test)                 \
  X(operator_reload)            \
  X(operator_rollback)          \
  X(operator_enter_maintenance) \
  X(operator_close)             \
  X(read_report)                \
  X(report_title)               \
  X(report_in_chinese)          \
  X(report_opening)             \
  X(report_closing)             \
  X(open_map)                   \
  X(map_title)                  \
  X(you_are_here)               \
  X(address_label)              \
  X(reference_label)            \
  X(illustration_credit)        \
  X(original_label)             \
  X(home_occasion)              \
  X(map_legend_landmark)        \
  X(map_legend_river)           \
  X(map_legend_boundary)        \
  X(map_north)                  \
  X(map_scale)                  \
  X(related_figures)

enum class UiKey : size_t {
#define KIOSK_UI_KEY_ENUM(name) name,
  KIOSK_UI_KEYS(KIOSK_UI_KEY_ENUM)
#undef KIOSK_UI_KEY_ENUM
};

inline constexpr std::string_view kRequiredUiKeys[] = {
#define KIOSK_UI_KEY_NAME(name) #name,
    KIOSK_UI_KEYS(KIOSK_UI_KEY_NAME)
#undef KIOSK_UI_KEY_NAME
};

constexpr std::string_view ui_key_name(UiKey key) {
  return kRequiredUiKeys[static_cast<size_t>(key)];
}

}  // namespace kiosk::content
