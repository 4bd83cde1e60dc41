#pragma once
// The keys a kiosk or an install trusts, from the configuration or from key files, and
// the signature check built on them. Any key that cannot be read trusts nothing.

#include <optional>
#include <string>
#include <vector>

#include "kiosk/config/config.h"
#include "kiosk/ops/installer.h"
#include "kiosk/ops/minisign.h"

namespace kiosk::ops {

struct Trust {
  std::vector<MinisignPublicKey> keys;
  std::vector<std::string> sources;  // where each key came from: "security.trusted_keys" or its key file
  std::string problem;               // when set, nothing is trusted and every install is refused

  // "key 170358D2185FCAA0 (security.trusted_keys)", or "key ID, which is not trusted now".
  std::string describe_key(const std::string& key_id) const;
};

Trust trust_from_config(const config::Config& config);
Trust trust_from_files(const std::vector<std::string>& key_files);

// An installed bundle's signature in parts, for a caller that words it itself (the
// operator panel, in the visitor's language).
struct SignatureSummary {
  enum Kind { Unsigned, Unreadable, Trusted, Untrusted } kind = Unsigned;
  std::string key_id;  // hex, as minisign prints it; set for Trusted and Untrusted
  std::string source;  // where the trusted key came from; set for Trusted
};
SignatureSummary summarize_signature(const std::filesystem::path& bundle, const Trust& trust);

// What the operator is told of an installed bundle's signature (status): "unsigned", "signed by key ID
// (security.trusted_keys)", "signed by key ID, which is not trusted now", or that its .minisig cannot be read. The
// install verified it.
std::string describe_signature(const std::filesystem::path& bundle, const Trust& trust);

// A failed verification's message; a file that does not match its signature because it is
// empty or truncated is named as such (the signature still decides: this only explains).
std::string explain_mismatch(const VerifyResult& result, const std::filesystem::path& file);

// Checks a bundle's signature against the trusted keys; the reason names the file it is
// about (the bundle or its signature) when it is about one.
SignatureCheck signature_check(const Trust& trust);

}  // namespace kiosk::ops
