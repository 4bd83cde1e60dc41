// kioskctl: the operator's tool. Builds, checks and describes content bundles.

#include <iostream>
#include <map>

#include "kiosk/tools/commands.h"

namespace kiosk::tools {

const char* const kHelp =
    "usage: kioskctl COMMAND [ARGS]\n"
    "  build SOURCE_DIR -o FILE          build a content bundle from editable sources\n"
    "  validate [--report-sha256 HEX] FILE\n"
    "                                    the full check; exit 0 only for a bundle the kiosk will show\n"
    "                                    (with HEX, only one carrying the report of that sha256)\n"
    "  info FILE [--json]                id, version, title, counts, size and sha256 of a bundle\n"
    "  synth --items N --images M -o FILE  a valid synthetic bundle for scale tests\n"
    "  install FILE [--pubkey KEYFILE]... [--allow-downgrade]\n"
    "                                    verify a signed bundle and make it the kiosk's current one; it must be\n"
    "                                    newer than the highest version ever installed, unless --allow-downgrade\n"
    "  rollback                          make the previous bundle current again\n"
    "  status [--json] [--pubkey KEYFILE]...\n"
    "                                    installed bundles and the key that signed each, current, the highest\n"
    "                                    version, refused inbox files, and the last installs\n"
    "  stats [--since YYYY-MM-DD] [--csv] how often each item was shown and opened, per hour of the\n"
    "                                    kiosk's local time (clock.time_zone)\n"
    "  config check                      report every problem in the configuration, as the kiosk would;\n"
    "                                    exit 1 too while no key is trusted\n"
    "  config get KEY                    the value in effect for KEY (display.rotation, display.mode, ...)\n"
    "  pin set [--config FILE]           the operator panel's PIN (read from stdin), stored as a hash\n"
    "  keygen -p PUBKEY -s SECKEY [-f]   a minisign key pair (secret key unencrypted, mode 0600)\n"
    "  sign FILE -s SECKEY [-t COMMENT]  write FILE.minisig (minisign format, hashed)\n"
    "  verify FILE -p PUBKEY | -P KEY    check FILE.minisig against a trusted public key\n"
    "  import-usb MOUNTDIR               copy a mounted USB stick's signed bundles into the inbox (root;\n"
    "                                    regular files only, never through a link)\n"
    "  publish BUNDLE --channel NAME --out DIR -s SECKEY [--rollout PERCENT] [--group NAME]...\n"
    "          [--expires-days N]        add BUNDLE to a channel's static tree for any web server or CDN\n"
    "                                    (docs/fleet.md); the manifest expires in N days (30)\n"
    "  fleet poll [--channel URL]... [--kiosk-id ID] [--group NAME]\n"
    "                                    one round of the fleet client: check the channels, install what is new\n"
    "install, rollback, status, stats, config, import-usb and fleet also take, the same way as the kiosk:\n"
    "  --config FILE                     the configuration (default /etc/heping-kiosk/kiosk.toml)\n"
    "  --state-dir DIR                   the state directory (default: content.state_dir in the\n"
    "                                    configuration, else /var/lib/heping-kiosk); it must exist,\n"
    "                                    except for install, which makes it (not the folders above it)\n";

int usage(const std::string& message) {
  std::cerr << "kioskctl: " << message << "\n" << kHelp;
  return kExitUsage;
}

}  // namespace kiosk::tools

namespace {

int run_kioskctl(int argc, char** argv) {
  using namespace kiosk::tools;
  if (argc < 2) return usage("no command given");
  std::string command = argv[1];
  Args args(argv + 2, argv + argc);
  static const std::map<std::string, int (*)(const Args&)> commands = {{"build", cmd_build},
                                                                       {"validate", cmd_validate},
                                                                       {"info", cmd_info},
                                                                       {"synth", cmd_synth},
                                                                       {"install", cmd_install},
                                                                       {"rollback", cmd_rollback},
                                                                       {"status", cmd_status},
                                                                       {"fallback-font", cmd_fallback_font},
                                                                       {"stats", cmd_stats},
                                                                       {"pin", cmd_pin},
                                                                       {"keygen", cmd_keygen},
                                                                       {"sign", cmd_sign},
                                                                       {"verify", cmd_verify},
                                                                       {"config", cmd_config},
                                                                       {"import-usb", cmd_import_usb},
                                                                       {"publish", cmd_publish},
                                                                       {"fleet", cmd_fleet}};
  if (auto it = commands.find(command); it != commands.end()) return it->second(args);
  if (command == "--help" || command == "help") {
    std::cout << kHelp;
    return kExitOk;
  }
  return usage("unknown command '" + command + "'");
}

}  // namespace

// Whatever escapes is reported in one line, never as "terminate called".
int main(int argc, char** argv) {
  try {
    return run_kioskctl(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "kioskctl: stopped by an unexpected error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "kioskctl: stopped by an unexpected error\n";
  }
  return 70;  // EX_SOFTWARE
}
