#include "kiosk/fleet/kiosk_id.h"

#include <sodium.h>

#include <cctype>
#include <fstream>

namespace kiosk::fleet {

std::string kiosk_id_from_machine_id(const std::filesystem::path& machine_id_file) {
  std::ifstream in(machine_id_file);
  std::string id;
  if (!in || !std::getline(in, id)) return {};
  if (id.size() != 32) return {};
  for (char c : id)
    if (!std::isxdigit(static_cast<unsigned char>(c))) return {};
  static const char kApplication[] = "heping-kiosk fleet id";
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(id.data()), id.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(kApplication), sizeof kApplication - 1);
  crypto_auth_hmacsha256_final(&state, mac);
  static const char kHex[] = "0123456789abcdef";
  std::string out = "kiosk-";
  for (int i = 0; i < 8; ++i) {
    out += kHex[mac[i] >> 4];
    out += kHex[mac[i] & 15];
  }
  return out;
}

}  // namespace kiosk::fleet
