#include "kiosk/ops/pin.h"

#include <sodium.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include "kiosk/base/atomic_file.h"
#include "kiosk/base/errors.h"
#include "kiosk/config/config.h"
#include "kiosk/ops/minisign.h"

namespace kiosk::ops {

bool valid_pin(const std::string& pin) {
  return std::regex_match(pin, std::regex("[0-9]{4,12}"));
}

std::string hash_pin(const std::string& pin) {
  if (sodium_init() < 0) throw std::runtime_error("libsodium cannot start");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, pin.c_str(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw std::runtime_error("out of memory hashing the PIN");
  return out;
}

bool valid_pin_hash(const std::string& hash) {
  if (sodium_init() < 0 || hash.size() >= crypto_pwhash_STRBYTES) return false;
  if (hash.rfind("$argon2id$", 0) != 0 && hash.rfind("$argon2i$", 0) != 0) return false;
  // -1: not a hash libsodium understands; 0 or 1: it can verify against it.
  return crypto_pwhash_str_needs_rehash(hash.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != -1;
}

bool pin_matches(const std::string& hash, const std::string& pin) {
  return valid_pin_hash(hash) && crypto_pwhash_str_verify(hash.c_str(), pin.c_str(), pin.size()) == 0;
}

void write_pin_hash(const std::filesystem::path& link_or_file, const std::string& hash) {
  // A configuration that is a symbolic link (to a file a configuration manager keeps, say)
  // is changed where it points, and stays a link.
  std::error_code ec;
  const bool link = std::filesystem::symlink_status(link_or_file, ec).type() == std::filesystem::file_type::symlink;
  ec.clear();
  const std::filesystem::path config_file = link ? std::filesystem::weakly_canonical(link_or_file, ec) : link_or_file;
  if (ec) throw std::runtime_error(link_or_file.string() + ": cannot follow the link: " + ec.message());
  // A dangling link would have the PIN create a file wherever it points.
  if (link && !std::filesystem::exists(config_file, ec))
    throw std::runtime_error(link_or_file.string() + ": a link to " + config_file.string() +
                             ", which does not exist; nothing was changed");
  std::string text;
  if (std::ifstream in(config_file); in) {
    std::stringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
  } else if (std::filesystem::exists(config_file)) {
    throw std::runtime_error(config_file.string() + ": cannot read");
  }
  std::string line = "pin_hash = \"" + hash + "\"";
  static const std::regex existing(R"((^|\n)[ \t]*pin_hash[ \t]*=[^\n]*)");
  static const std::regex section(R"((^|\n)[ \t]*\[security\][^\n]*)");
  std::smatch m;
  if (std::regex_search(text, m, existing)) {
    text.replace(static_cast<size_t>(m.position(0)), static_cast<size_t>(m.length(0)), m[1].str() + line);
  } else if (std::regex_search(text, m, section)) {
    text.insert(static_cast<size_t>(m.position(0) + m.length(0)), "\n" + line);
  } else {
    if (!text.empty() && text.back() != '\n') text += '\n';
    text += "\n[security]\n" + line + "\n";
  }
  // The edit is kept only if the kiosk will read the hash from it: a file that does not
  // parse (a syntax error, a key given twice), or a pin_hash line outside [security], would
  // otherwise get a hash the kiosk never sees (attacker review).
  auto edited = config::parse(text, config_file.string());
  if (edited.config.pin_hash != hash) {
    std::string why = edited.problems.empty() ? std::string("its pin_hash line is not in the [security] table")
                                              : edited.problems.front().to_string();
    throw std::runtime_error(config_file.string() + ": the PIN cannot be set in this file (" + why +
                             "); nothing was changed");
  }
  try {
    base::write_file_atomically(config_file, text, 0640);
  } catch (const base::FileError& e) {
    throw std::runtime_error(e.what());
  }
}

}  // namespace kiosk::ops
