// Build-time only: the font compiled into the kiosk for its out-of-service screen, so
// that even with no bundle at all it can say so in both languages.

#include <fstream>
#include <iostream>
#include <sstream>

#include "kiosk/authoring/font_subset.h"
#include "kiosk/tools/commands.h"

namespace kiosk::tools {

int cmd_fallback_font(const Args& args) {
  if (args.size() != 3 || args[1] != "-o") return usage("fallback-font needs TEXT_FILE -o FONT_FILE");
  std::ifstream in(args[0]);
  if (!in) {
    std::cerr << "kioskctl: " << args[0] << ": cannot read\n";
    return kExitBadFile;
  }
  std::stringstream text;
  text << in.rdbuf();
  try {
    auto bytes = authoring::subset_font(authoring::default_font("bold"), authoring::characters_of({text.str()}));
    std::ofstream out(args[2], std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out.flush()) {
      std::cerr << "kioskctl: " << args[2] << ": cannot write\n";
      return kExitProblems;
    }
  } catch (const authoring::FontError& e) {
    std::cerr << "kioskctl: " << e.what() << "\n";
    return kExitProblems;
  }
  return kExitOk;
}

}  // namespace kiosk::tools
