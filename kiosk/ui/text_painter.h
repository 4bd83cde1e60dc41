#pragma once
// Draws text laid out by the text layer (its own line breaking for Chinese) with ImGui.

#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ui {

struct TextStyle {
  ImFont* font = nullptr;
  float size = 0;
  uint32_t colour = 0;
  float line_spacing = 1.5f;  // line advance as a multiple of the size
};

enum class Align { Left, Centre, Right };

float text_width(const TextStyle& style, std::string_view text);

// Wraps `text` into `max_width` and draws it; at most `max_lines` lines (0: no limit),
// the last ending in "…" when the text goes on. Returns the height used.
float draw_text_block(ImDrawList* list, const TextStyle& style, std::string_view text, ImVec2 pos, float max_width,
                      int max_lines = 0, Align align = Align::Left);

// One line drawn as it is, at `pos` (its top left), without wrapping: labels in pills.
// Logged like a block (kiosk/ui/layout_log.h).
void draw_text_line(ImDrawList* list, const TextStyle& style, ImVec2 pos, std::string_view text);

// The lines `text` wraps into at `max_width`, as slices of it: for layouts that place
// each line themselves (the reader's pages). A phrase of `keep_together` is not split
// unless it is wider than a line.
std::vector<std::string_view> wrap_lines(const TextStyle& style, std::string_view text, float max_width,
                                         const std::vector<std::string>& keep_together = {});

// Height that draw_text_block would use, without drawing.
float measure_text_block(const TextStyle& style, std::string_view text, float max_width, int max_lines = 0);

}  // namespace kiosk::ui
