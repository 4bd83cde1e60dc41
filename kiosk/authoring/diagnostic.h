#pragma once
// One problem found in a source file, printed as "file:line: message".

#include <string>
#include <vector>

namespace kiosk::authoring {

struct Diagnostic {
  std::string file;
  int line = 0;
  std::string message;

  std::string to_string() const {
    return line > 0 ? file + ":" + std::to_string(line) + ": " + message : file + ": " + message;
  }
};

using Diagnostics = std::vector<Diagnostic>;

}  // namespace kiosk::authoring
