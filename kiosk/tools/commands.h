#pragma once
// kioskctl's commands, one file each. Each takes the arguments after its name and
// returns the process exit code.

#include <string>
#include <vector>

namespace kiosk::tools {

using Args = std::vector<std::string>;

constexpr int kExitOk = 0;
constexpr int kExitProblems = 1;  // the input was read and found wrong
constexpr int kExitBadFile = 2;   // the file named could not be used at all
constexpr int kExitUsage = 64;    // EX_USAGE

int usage(const std::string& message);

int cmd_build(const Args& args);
int cmd_validate(const Args& args);
int cmd_info(const Args& args);
int cmd_synth(const Args& args);
int cmd_install(const Args& args);
int cmd_rollback(const Args& args);
int cmd_status(const Args& args);
int cmd_fallback_font(const Args& args);
int cmd_stats(const Args& args);
int cmd_pin(const Args& args);
int cmd_keygen(const Args& args);
int cmd_sign(const Args& args);
int cmd_verify(const Args& args);
int cmd_config(const Args& args);
int cmd_import_usb(const Args& args);
int cmd_publish(const Args& args);
int cmd_fleet(const Args& args);

}  // namespace kiosk::tools
