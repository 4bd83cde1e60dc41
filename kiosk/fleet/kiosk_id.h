#pragma once
// A kiosk's name in the fleet, when the configuration gives none: derived from
// /etc/machine-id the way systemd advises for an application's own id (an HMAC keyed
// by the machine id, so that the machine id itself never leaves the machine).

#include <filesystem>
#include <string>

namespace kiosk::fleet {

// "kiosk-" and 16 hex digits; "" when the file cannot be read or holds no machine id.
std::string kiosk_id_from_machine_id(const std::filesystem::path& machine_id_file = "/etc/machine-id");

}  // namespace kiosk::fleet
