#include <iostream>

#include "kiosk/content/validate.h"
#include "kiosk/text/utf8.h"
#include "kiosk/tools/commands.h"

namespace kiosk::tools {

int cmd_validate(const Args& args) {
  if (args.size() != 1) return usage("validate needs one FILE");
  auto problems = content::validate_bundle(args[0]);
  // Problems quote the bundle's own texts: escaped, so that none can forge a line.
  for (const auto& problem : problems) std::cerr << text::escaped(problem) << "\n";
  if (!problems.empty()) {
    std::cerr << "kioskctl: " << args[0] << " is not a bundle the kiosk will show (" << problems.size()
              << " problem(s))\n";
    return kExitProblems;
  }
  std::cout << args[0] << ": ok\n";
  return kExitOk;
}

}  // namespace kiosk::tools
