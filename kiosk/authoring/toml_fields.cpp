#include "kiosk/authoring/toml_fields.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>
#include <sstream>

#include "kiosk/text/utf8.h"

namespace kiosk::authoring {

int FieldReader::line_of_key(const std::string& key) const {
  if (const auto* node = table_.get(key)) return static_cast<int>(node->source().begin.line);
  return line();
}

void FieldReader::problem(const std::string& key, const std::string& message) {
  out_.push_back({file_, line_of_key(key), key.empty() ? message : key + ": " + message});
}

// A control character the bundle may not carry (written as \u0000 and the like): a NUL
// cuts a text short where it meets C APIs. Line breaks and tabs are for the body-like
// texts only, as validation has it (content/validate.cpp): summaries, bodies, quotes and
// the interface texts of ui.toml.
void FieldReader::check_controls(const std::string& key, const std::string& value) {
  static const std::set<std::string> multiline = {"summary_zh", "summary_en", "body_zh", "body_en",
                                                  "quote",      "zh",         "en"};
  const bool breaks = multiline.count(key) > 0;
  for (unsigned char c : value)
    if ((c < 0x20 && !(breaks && (c == '\n' || c == '\t'))) || c == 0x7F) {
      char code[8];
      std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(c));
      problem(key, std::string("contains the control character ") + code + ", which " +
                       (breaks ? "a text may not hold" : "this field may not hold (line breaks only in body texts)"));
      return;
    }
}

// English is set with typographic quotes: “ ” around a quote, ‘ ’ within one, ’ for an
// apostrophe. A straight " or ' would show as a typewriter mark beside them.
void FieldReader::check_quotes(const std::string& key, const std::string& value) {
  const bool english = key == "en" || (key.size() > 3 && key.compare(key.size() - 3, 3, "_en") == 0);
  size_t at = english ? value.find_first_of("\"'") : std::string::npos;
  if (at == std::string::npos) return;
  size_t from = at > 20 ? at - 20 : 0;
  while (from > 0 && (static_cast<unsigned char>(value[from]) & 0xC0) == 0x80) --from;  // whole characters only
  std::string near = value.substr(from, at + 1 - from);
  problem(key, std::string("has a straight quote ") + value[at] + " (after \"" + near +
                   "\"): English text uses “ ” for quotes, ‘ ’ for quotes within quotes and ’ for apostrophes");
}

std::string FieldReader::required_string(const std::string& key) {
  const auto* node = table_.get(key);
  if (!node) {
    problem(key, "missing");
    return {};
  }
  auto value = node->value<std::string>();
  if (!value) {
    problem(key, "must be a string");
    return {};
  }
  if (value->empty()) problem(key, "must not be empty");
  check_controls(key, *value);
  check_quotes(key, *value);
  return *value;
}

std::string FieldReader::optional_string(const std::string& key) {
  const auto* node = table_.get(key);
  if (!node) return {};
  auto value = node->value<std::string>();
  if (!value) {
    problem(key, "must be a string");
    return {};
  }
  check_controls(key, *value);
  check_quotes(key, *value);
  return *value;
}

std::optional<double> FieldReader::number(const std::string& key, bool required) {
  const auto* node = table_.get(key);
  if (!node) {
    if (required) problem(key, "missing");
    return std::nullopt;
  }
  if (!node->is_number()) {
    problem(key, "must be a number");
    return std::nullopt;
  }
  return node->value<double>();
}

std::optional<int64_t> FieldReader::integer(const std::string& key, bool required) {
  const auto* node = table_.get(key);
  if (!node) {
    if (required) problem(key, "missing");
    return std::nullopt;
  }
  if (!node->is_integer()) {
    problem(key, "must be a whole number");
    return std::nullopt;
  }
  return node->value<int64_t>();
}

void FieldReader::check_no_unknown(std::initializer_list<const char*> known) {
  for (const auto& [name, node] : table_) {
    std::string key(name.str());
    if (std::none_of(known.begin(), known.end(), [&](const char* k) { return key == k; }))
      out_.push_back({file_, static_cast<int>(node.source().begin.line), key + ": unknown field"});
  }
}

std::optional<toml::table> parse_toml_file(const std::string& path, const std::string& shown_name, Diagnostics& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.push_back({shown_name, 0, "cannot read the file"});
    return std::nullopt;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  if (auto bad = text::find_invalid(text)) {
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(*bad), '\n'));
    out.push_back({shown_name, line, "text is not valid UTF-8"});
    return std::nullopt;
  }
  try {
    return toml::parse(text, shown_name);
  } catch (const toml::parse_error& e) {
    out.push_back({shown_name, static_cast<int>(e.source().begin.line), std::string(e.description())});
    return std::nullopt;
  }
}

}  // namespace kiosk::authoring
