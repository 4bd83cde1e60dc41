#pragma once
// The operator PIN, stored only as a libsodium password hash (Argon2id, crypto_pwhash).

#include <filesystem>
#include <string>

namespace kiosk::ops {

// 4 to 12 digits.
bool valid_pin(const std::string& pin);
std::string hash_pin(const std::string& pin);
// A hash libsodium can check; anything else locks the panel.
bool valid_pin_hash(const std::string& hash);
bool pin_matches(const std::string& hash, const std::string& pin);

// Writes `security.pin_hash = "HASH"` into the configuration file, keeping every other
// line and comment, atomically. Throws std::runtime_error naming the file.
void write_pin_hash(const std::filesystem::path& config_file, const std::string& hash);

}  // namespace kiosk::ops
