#pragma once
// Signature files and keys from arbitrary bytes, then verification. The input is the
// .minisig text, a NUL byte, and the signed file's bytes (no NUL: an empty file). The
// same text is also read as a public and a secret key, since those come from files too.

#include <algorithm>
#include <cstdint>

#include "kiosk/ops/minisign.h"
#include "tests/fuzz/fuzz_common.h"

namespace kiosk::fuzz {

// The public half of the key that signed the seeds in corpus/minisign, so that the
// fuzzer starts from signatures that verify and mutates its way out.
constexpr const char* kMinisignSeedKey = "RWSqqB0cBjwOFdmipu4euaQSJzBrgp+LAAYTCQrdetbL1Ehzz1ohP2um";

inline void run_minisign(const uint8_t* data, size_t size) {
  auto input = as_text(data, size);
  auto split = std::min(input.find('\0'), input.size());
  auto signature = input.substr(0, split);
  auto signed_bytes = split < input.size() ? input.substr(split + 1) : std::string_view();

  try {
    (void)ops::parse_public_key(signature);
  } catch (const ops::MinisignError&) {
  }
  try {
    (void)ops::parse_secret_key(signature);
  } catch (const ops::MinisignError&) {
  }
  try {
    (void)ops::parse_signature(signature).file_text();
  } catch (const ops::MinisignError&) {
  }

  auto file = scratch_dir() / "signed.bin";
  write_file(file, signed_bytes);
  write_file(ops::signature_path_for(file), signature);
  // Verification reports every outcome in its result; it must never throw.
  (void)ops::verify_file(file, ops::parse_public_key(kMinisignSeedKey));
}

}  // namespace kiosk::fuzz
