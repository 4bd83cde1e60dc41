#include "kiosk/ops/trust.h"

namespace kiosk::ops {

Trust trust_from_config(const config::Config& config) {
  Trust trust;
  if (config.trusted_keys_invalid) {
    trust.problem = "the configuration's security.trusted_keys is invalid: no key is trusted";
    return trust;
  }
  try {
    for (const auto& key : config.trusted_keys) trust.keys.push_back(parse_public_key(key, "security.trusted_keys"));
  } catch (const MinisignError& e) {
    trust.keys.clear();
    trust.problem = std::string(e.what()) + ": no key is trusted";
  }
  return trust;
}

Trust trust_from_files(const std::vector<std::string>& key_files) {
  Trust trust;
  try {
    for (const auto& file : key_files) trust.keys.push_back(read_public_key_file(file));
  } catch (const MinisignError& e) {
    trust.keys.clear();
    trust.problem = std::string(e.what()) + ": no key is trusted";
  }
  return trust;
}

SignatureCheck signature_check(const Trust& trust) {
  return [trust](const std::filesystem::path& bundle, const std::filesystem::path& signature) -> std::string {
    if (!trust.problem.empty()) return trust.problem;
    if (trust.keys.empty()) return "no public key is trusted (security.trusted_keys is empty)";
    auto result = verify_file(bundle, trust.keys, signature);
    if (result.ok()) return {};
    // The message names the copy being checked; the operator knows the bundle by its own name.
    for (const auto& copy : {signature.string(), bundle.string()})
      for (auto at = result.message.find(copy + ": "); at != std::string::npos; at = result.message.find(copy + ": "))
        result.message.erase(at, copy.size() + 2);
    return result.message;
  };
}

}  // namespace kiosk::ops
