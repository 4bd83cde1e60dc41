#include <iostream>

#include "kiosk/authoring/builder.h"
#include "kiosk/tools/commands.h"

namespace kiosk::tools {

int cmd_build(const Args& args) {
  std::string source, output;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-o" && i + 1 < args.size())
      output = args[++i];
    else if (source.empty() && args[i][0] != '-')
      source = args[i];
    else
      return usage("build: unexpected argument '" + args[i] + "'");
  }
  if (source.empty() || output.empty()) return usage("build needs SOURCE_DIR and -o FILE");
  auto result = authoring::build_bundle(source, output);
  for (const auto& problem : result.problems) std::cerr << problem.to_string() << "\n";
  if (!result.problems.empty()) {
    std::cerr << "kioskctl: build failed with " << result.problems.size() << " problem(s); " << output
              << " was not changed\n";
    return kExitProblems;
  }
  std::cout << output << ": " << result.bytes << " bytes, sha256 " << result.sha256 << "\n";
  return kExitOk;
}

}  // namespace kiosk::tools
