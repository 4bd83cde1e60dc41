#include "kiosk/ops/trust.h"

#include "kiosk/ops/partial_file.h"

namespace kiosk::ops {

Trust trust_from_config(const config::Config& config) {
  Trust trust;
  if (config.trusted_keys_invalid) {
    trust.problem = "the configuration's security.trusted_keys is invalid: no key is trusted";
    return trust;
  }
  try {
    for (const auto& key : config.trusted_keys) {
      trust.keys.push_back(parse_public_key(key, "security.trusted_keys"));
      trust.sources.push_back("security.trusted_keys");
    }
  } catch (const MinisignError& e) {
    trust.keys.clear();
    trust.sources.clear();
    trust.problem = std::string(e.what()) + ": no key is trusted";
  }
  return trust;
}

Trust trust_from_files(const std::vector<std::string>& key_files) {
  Trust trust;
  try {
    for (const auto& file : key_files) {
      trust.keys.push_back(read_public_key_file(file));
      trust.sources.push_back(file);
    }
  } catch (const MinisignError& e) {
    trust.keys.clear();
    trust.sources.clear();
    trust.problem = std::string(e.what()) + ": no key is trusted";
  }
  return trust;
}

std::string Trust::describe_key(const std::string& key_id) const {
  for (size_t i = 0; i < keys.size(); ++i)
    if (keys[i].key_id_hex() == key_id) return "key " + key_id + " (" + sources[i] + ")";
  return "key " + key_id + ", which is not trusted now";
}

SignatureSummary summarize_signature(const std::filesystem::path& bundle, const Trust& trust) {
  auto signature = signature_path_for(bundle);
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::symlink_status(signature, ec))) return {};
  auto key_id = signature_key_id(signature);
  if (key_id.empty()) return {SignatureSummary::Unreadable, "", ""};
  for (size_t i = 0; i < trust.keys.size(); ++i)
    if (trust.keys[i].key_id_hex() == key_id) return {SignatureSummary::Trusted, key_id, trust.sources[i]};
  return {SignatureSummary::Untrusted, key_id, ""};
}

std::string describe_signature(const std::filesystem::path& bundle, const Trust& trust) {
  auto summary = summarize_signature(bundle, trust);
  switch (summary.kind) {
    case SignatureSummary::Unsigned: return "unsigned";
    case SignatureSummary::Unreadable: return "signed (its .minisig cannot be read)";
    case SignatureSummary::Trusted:
    case SignatureSummary::Untrusted: return "signed by " + trust.describe_key(summary.key_id);
  }
  return "unsigned";
}

std::string explain_mismatch(const VerifyResult& result, const std::filesystem::path& file) {
  if (result.status != VerifyStatus::kBadSignature) return result.message;
  auto incomplete = incomplete_file(file);
  if (incomplete.empty()) return result.message;
  return file.string() + ": " + incomplete + "; it does not match its signature";
}

SignatureCheck signature_check(const Trust& trust) {
  return [trust](const std::filesystem::path& bundle, const std::filesystem::path& signature) -> std::string {
    if (!trust.problem.empty()) return trust.problem;
    if (trust.keys.empty()) return "no public key is trusted (security.trusted_keys is empty)";
    auto result = verify_file(bundle, trust.keys, signature);
    if (result.ok()) return {};
    return explain_mismatch(result, bundle);
  };
}

}  // namespace kiosk::ops
