#include <iostream>

#include "kiosk/content/formats.h"
#include "kiosk/content/validate.h"
#include "kiosk/text/utf8.h"
#include "kiosk/tools/commands.h"

namespace kiosk::tools {

// kioskctl validate [--report-sha256 HEX] FILE
int cmd_validate(const Args& args) {
  std::string report_sha256, file;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--report-sha256") {
      if (i + 1 == args.size()) return usage("validate: --report-sha256 needs the report's sha256");
      report_sha256 = args[++i];
      if (!content::valid_sha256(report_sha256))
        return usage("validate: --report-sha256 must be 64 lowercase hexadecimal digits, as sha256sum prints them");
    } else if (!file.empty() || (args[i].rfind("--", 0) == 0 && args[i].size() > 2)) {
      return usage("validate: unexpected argument " + text::escaped(args[i]));
    } else {
      file = args[i];
    }
  }
  if (file.empty()) return usage("validate needs one FILE");
  auto problems = content::validate_bundle(file, {}, report_sha256);
  // Problems quote the bundle's own texts: escaped, so that none can forge a line.
  for (const auto& problem : problems) std::cerr << text::escaped(problem) << "\n";
  if (!problems.empty()) {
    std::cerr << "kioskctl: " << text::escaped(file) << " is not a bundle the kiosk will show (" << problems.size()
              << " problem(s))\n";
    return kExitProblems;
  }
  std::cout << text::escaped(file) << ": ok\n";
  return kExitOk;
}

}  // namespace kiosk::tools
