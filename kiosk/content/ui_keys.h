#pragma once
// The keys of the kiosk's own interface texts. A bundle must carry every one (in zh and
// en), so that their glyphs are in its font subset and operators can reword them.

#include <string_view>

namespace kiosk::content {

inline constexpr std::string_view kRequiredUiKeys[] = {
    "touch_cue",
    "source_label",
    "source_document",
    "home_title",
    "back",
    "home",
    "language_zh",
    "language_en",
    "larger_text",
    "normal_text",
    "still_there",
    "countdown",
    "touch_to_continue",
    "swipe_hint",
    "category_item_count",
    "out_of_service_title",
    "out_of_service_message",
    "closed_title",
    "opening_hours",
    "image_placeholder",
    "home_subtitle",
    "kind_figure",
    "kind_project",
    "kind_landmark",
    "kind_story",
};

}  // namespace kiosk::content
