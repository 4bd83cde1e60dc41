// kioskctl pin set: the operator panel's PIN, written into the configuration as a hash.

#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "kiosk/config/config.h"
#include "kiosk/config/locations.h"
#include "kiosk/ops/pin.h"
#include "kiosk/tools/commands.h"

namespace kiosk::tools {
namespace {

// Reads one line from stdin; on a terminal without echo, asking `prompt` first.
std::string read_secret(const char* prompt) {
  bool tty = ::isatty(STDIN_FILENO);
  termios old{};
  if (tty) {
    std::cerr << prompt << std::flush;
    tcgetattr(STDIN_FILENO, &old);
    termios quiet = old;
    quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
    tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::string line;
  std::getline(std::cin, line);
  if (tty) {
    tcsetattr(STDIN_FILENO, TCSANOW, &old);
    std::cerr << "\n";
  }
  return line;
}

}  // namespace

int cmd_pin(const Args& args) {
  if (args.empty() || args[0] != "set") return usage("pin needs 'set'");
  config::Locations where;
  std::string error;
  for (size_t i = 1; i < args.size(); ++i) {
    if (!where.take(args, i, error)) return usage("pin set: unexpected argument '" + args[i] + "'");
    if (!error.empty()) return usage("pin set: " + error);
  }
  // The hash goes into the configuration; the failed attempts live in the state directory,
  // which the kiosk reads, so --state-dir has nothing to change here.
  if (where.state_dir) return usage("pin set: --state-dir is not used: the PIN's hash is kept in the configuration");
  std::string config_file = where.config_file ? where.config_file->string() : config::default_config_path().string();
  std::string pin = read_secret("New operator PIN (4 to 12 digits): ");
  if (!ops::valid_pin(pin)) {
    std::cerr << "kioskctl: a PIN is 4 to 12 digits\n";
    return kExitProblems;
  }
  if (::isatty(STDIN_FILENO) && read_secret("Again: ") != pin) {
    std::cerr << "kioskctl: the two PINs differ; nothing was changed\n";
    return kExitProblems;
  }
  try {
    ops::write_pin_hash(config_file, ops::hash_pin(pin));
  } catch (const std::runtime_error& e) {
    std::cerr << "kioskctl: " << e.what() << "\n";
    return kExitProblems;
  }
  std::cout << config_file << ": security.pin_hash set\n";
  return kExitOk;
}

}  // namespace kiosk::tools
