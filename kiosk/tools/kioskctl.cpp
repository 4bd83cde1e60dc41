// kioskctl: the operator's tool. Builds, checks and describes content bundles.

#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "kiosk/authoring/builder.h"
#include "kiosk/content/bundle.h"

namespace {

constexpr int kUsage = 64;  // EX_USAGE

const char* kHelp =
    "usage: kioskctl COMMAND [ARGS]\n"
    "  build SOURCE_DIR -o FILE   build a content bundle from editable sources\n"
    "  info FILE                  print a bundle's id, version, title and counts\n";

int usage(const std::string& message) {
  std::cerr << "kioskctl: " << message << "\n" << kHelp;
  return kUsage;
}

int cmd_build(const std::vector<std::string>& args) {
  std::string source, output;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-o" && i + 1 < args.size()) output = args[++i];
    else if (source.empty() && args[i][0] != '-') source = args[i];
    else return usage("build: unexpected argument '" + args[i] + "'");
  }
  if (source.empty() || output.empty()) return usage("build needs SOURCE_DIR and -o FILE");
  auto result = kiosk::authoring::build_bundle(source, output);
  for (const auto& problem : result.problems) std::cerr << problem.to_string() << "\n";
  if (!result.problems.empty()) {
    std::cerr << "kioskctl: build failed with " << result.problems.size() << " problem(s); " << output
              << " was not changed\n";
    return 1;
  }
  std::cout << output << ": " << result.bytes << " bytes, sha256 " << result.sha256 << "\n";
  return 0;
}

int cmd_info(const std::vector<std::string>& args) {
  if (args.size() != 1) return usage("info needs one FILE");
  try {
    auto bundle = kiosk::content::Bundle::open(args[0]);
    const auto& info = bundle.info();
    std::cout << "id: " << info.id << "\nversion: " << info.version << "\ntitle: " << info.title.zh << " / "
              << info.title.en << "\ncategories: " << bundle.count("category") << "\nitems: " << bundle.count("item")
              << "\nimages: " << bundle.count("image") << "\nplaylist: " << bundle.count("playlist") << "\n";
    return 0;
  } catch (const kiosk::content::BundleError& e) {
    std::cerr << "kioskctl: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return usage("no command given");
  std::string command = argv[1];
  std::vector<std::string> args(argv + 2, argv + argc);
  if (command == "build") return cmd_build(args);
  if (command == "info") return cmd_info(args);
  if (command == "--help" || command == "help") {
    std::cout << kHelp;
    return 0;
  }
  return usage("unknown command '" + command + "'");
}
