#pragma once
// Reading typed fields out of a TOML table, reporting each missing or mistyped field
// with the file and line it belongs to.

#include <toml++/toml.h>

#include <optional>
#include <string>

#include "kiosk/authoring/diagnostic.h"

namespace kiosk::authoring {

class FieldReader {
 public:
  FieldReader(const toml::table& table, std::string file, Diagnostics& out)
      : table_(table), file_(std::move(file)), out_(out) {}

  int line() const { return static_cast<int>(table_.source().begin.line); }
  std::string required_string(const std::string& key);
  std::string optional_string(const std::string& key);
  std::optional<double> number(const std::string& key, bool required);
  std::optional<int64_t> integer(const std::string& key, bool required);
  void problem(const std::string& key, const std::string& message);
  void check_no_unknown(std::initializer_list<const char*> known);
  int line_of_key(const std::string& key) const;

 private:
  void check_controls(const std::string& key, const std::string& value);
  void check_quotes(const std::string& key, const std::string& value);
  const toml::table& table_;
  std::string file_;
  Diagnostics& out_;
};

// Parses a TOML file; a syntax error becomes a diagnostic and nullopt.
std::optional<toml::table> parse_toml_file(const std::string& path, const std::string& shown_name, Diagnostics& out);

}  // namespace kiosk::authoring
