#include <cstdlib>
#include <iostream>

#include "kiosk/authoring/synth.h"
#include "kiosk/tools/commands.h"

namespace kiosk::tools {

int cmd_synth(const Args& args) {
  authoring::SynthOptions options;
  std::string output;
  for (size_t i = 0; i < args.size(); ++i) {
    auto count = [&](int& out, int max) {
      if (i + 1 >= args.size()) return false;
      char* end = nullptr;
      long v = std::strtol(args[++i].c_str(), &end, 10);
      if (*end != '\0' || v < 0 || v > max) return false;
      out = static_cast<int>(v);
      return true;
    };
    if (args[i] == "--items") {
      if (!count(options.items, 100000) || options.items < 1)
        return usage("synth: --items needs a number from 1 to 100000");
    } else if (args[i] == "--images") {
      if (!count(options.images, 5000)) return usage("synth: --images needs a number from 0 to 5000");
    } else if (args[i] == "-o" && i + 1 < args.size()) {
      output = args[++i];
    } else {
      return usage("synth: unexpected argument '" + args[i] + "'");
    }
  }
  if (output.empty()) return usage("synth needs -o FILE");
  auto result = authoring::build_synthetic(options, output);
  for (const auto& problem : result.problems) std::cerr << problem.to_string() << "\n";
  if (!result.problems.empty()) return kExitProblems;
  std::cout << output << ": " << result.bytes << " bytes, sha256 " << result.sha256 << "\n";
  return kExitOk;
}

}  // namespace kiosk::tools
