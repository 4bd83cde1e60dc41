#pragma once
// The formats of a bundle's short fields, shared by the builder (which reports them
// against the TOML sources) and validation (against the bundle), and the category icon
// names, shared with the ui that draws them, so that none of the three can drift.

#include <array>
#include <optional>
#include <string_view>

namespace kiosk::content {

// The category icons the ui can draw. The ui switches over this enum without a default,
// so an icon added here and not drawn there fails the build.
enum class CategoryIcon { Chart, Building, Handshake, Key, City, Heart, Shield, Star, Landmark, Leaf, Count };

inline constexpr std::array<std::string_view, static_cast<size_t>(CategoryIcon::Count)> kCategoryIconNames = {
    "chart", "building", "handshake", "key", "city", "heart", "shield", "star", "landmark", "leaf"};

std::optional<CategoryIcon> category_icon(std::string_view name);

bool valid_id(std::string_view s);      // [a-z0-9][a-z0-9-]*
bool valid_ui_key(std::string_view s);  // [a-z0-9][a-z0-9_]*
bool valid_date(std::string_view s);    // YYYY-MM-DD, month 01-12, day 01-31
bool valid_time(std::string_view s);    // HH:MM, 00:00-23:59
bool valid_colour(std::string_view s);  // #RRGGBB
bool valid_sha256(std::string_view s);  // 64 lowercase hex digits

}  // namespace kiosk::content
