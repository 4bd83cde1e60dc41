#pragma once
// Signatures in minisign's format and algorithm (https://jedisct1.github.io/minisign/),
// so bundles signed with the `minisign` tool verify here and ours verify there.
//
//   public key    base64("Ed" | key id (8, LE) | Ed25519 public key (32))
//   signature     FILE.minisig, four lines:
//                   untrusted comment: TEXT
//                   base64(alg (2) | key id (8) | Ed25519 signature (64))
//                     alg "ED": over BLAKE2b-512(file)   alg "Ed": over the raw file (legacy)
//                   trusted comment: TEXT
//                   base64(Ed25519 over (signature (64) | trusted comment TEXT))
//   secret key    base64("Ed" | kdf alg (2) | "B2" | kdf salt (32) | opslimit (8) | memlimit (8) |
//                        key id (8) | Ed25519 secret key (64) | BLAKE2b-256 checksum (32)),
//                 unencrypted only (kdf alg 0,0, as `minisign -G -W` writes it)
//
// Everything that reads a file throws MinisignError with a message that names the
// file and says what is wrong; verification reports its outcome as a VerifyResult.

#include <array>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::ops {

struct MinisignError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

using KeyId = std::array<uint8_t, 8>;

// minisign's way of printing a key id: the 8 bytes as a little-endian number in uppercase hex,
// without leading zeros.
std::string key_id_hex(const KeyId& id);

struct MinisignPublicKey {
  KeyId key_id{};
  std::array<uint8_t, 32> key{};

  std::string key_id_hex() const { return ops::key_id_hex(key_id); }
  std::string to_base64() const;  // "RWQ...", as pinned in a configuration file or given to `minisign -P`
  std::string file_text() const;  // "untrusted comment: minisign public key ID\nBASE64\n"
  bool operator==(const MinisignPublicKey&) const = default;
};

// Either the contents of a public key file (an optional "untrusted comment:" line, then
// the base64 line) or a bare base64 key string. `what` names the source in messages.
MinisignPublicKey parse_public_key(std::string_view text, const std::string& what = "public key");
MinisignPublicKey read_public_key_file(const std::filesystem::path& file);

// An unencrypted secret key. The key bytes are wiped when it is destroyed.
struct MinisignSecretKey {
  KeyId key_id{};
  std::array<uint8_t, 64> key{};  // libsodium's Ed25519 secret key: seed (32) | public key (32)

  MinisignSecretKey() = default;
  MinisignSecretKey(const MinisignSecretKey&) = default;
  MinisignSecretKey& operator=(const MinisignSecretKey&) = default;
  ~MinisignSecretKey();

  MinisignPublicKey public_key() const;
  std::string file_text() const;  // with the BLAKE2b-256 checksum filled in
};

// A fresh key pair with a random key id.
MinisignSecretKey generate_secret_key();

// Refuses encrypted keys (kdf "Sc"), unknown algorithms, a checksum that does not match
// and a secret key whose public half does not match its seed. A checksum of all zeros is
// accepted: `minisign -G -W` (0.11) leaves it so for keys without a password.
MinisignSecretKey parse_secret_key(std::string_view text, const std::string& what = "secret key");
MinisignSecretKey read_secret_key_file(const std::filesystem::path& file);

// The parsed lines of a .minisig file.
struct MinisignSignature {
  bool legacy = false;  // "Ed": over the raw file; otherwise "ED": over its BLAKE2b-512 hash
  KeyId key_id{};
  std::array<uint8_t, 64> signature{};
  std::string untrusted_comment;
  std::string trusted_comment;
  std::array<uint8_t, 64> global_signature{};

  std::string file_text() const;
};

// Throws MinisignError naming the line and the problem (missing lines, bad prefixes,
// bad base64, wrong lengths, unknown algorithm, unprintable trusted comment).
MinisignSignature parse_signature(std::string_view text, const std::string& what = "signature");

enum class VerifyStatus {
  kOk,
  kUnreadable,        // the file or its signature file could not be read
  kMalformed,         // the signature file is not in minisign's format
  kUnknownAlgorithm,  // neither "ED" nor "Ed"
  kUntrustedKey,      // signed by a key that is not among the trusted ones
  kBadSignature,      // the file does not match its signature
  kBadTrustedComment  // the global signature fails: the trusted comment was altered
};

struct VerifyResult {
  VerifyStatus status = VerifyStatus::kMalformed;
  std::string message;          // why not, when status != kOk
  std::string key_id;           // the signature's key id (hex), when the signature file could be parsed
  std::string trusted_comment;  // only when status == kOk
  bool legacy = false;
  bool ok() const { return status == VerifyStatus::kOk; }
};

// FILE.minisig next to FILE.
std::filesystem::path signature_path_for(const std::filesystem::path& file);

// Why FILE can have no FILE.minisig beside it (its name leaves no room for the suffix within
// NAME_MAX bytes), or "" when it can.
std::string signature_name_problem(const std::filesystem::path& file);

// Checks `signature_file` (default FILE.minisig) for `file` against the trusted keys.
// The file is hashed in chunks for "ED" signatures; a legacy "Ed" signature needs the
// whole file in memory.
VerifyResult verify_file(const std::filesystem::path& file, const std::vector<MinisignPublicKey>& trusted,
                         const std::optional<std::filesystem::path>& signature_file = std::nullopt);
VerifyResult verify_file(const std::filesystem::path& file, const MinisignPublicKey& trusted,
                         const std::optional<std::filesystem::path>& signature_file = std::nullopt);

// BLAKE2b-512 of a file, read in chunks (what "ED" signatures sign). Throws MinisignError.
std::array<uint8_t, 64> blake2b512_file(const std::filesystem::path& file);

// minisign's default: "timestamp:<unix time>\tfile:<basename>\thashed", the name escaped
// (text::escaped) so that a control character in it cannot spoil the one-line comment.
std::string default_trusted_comment(const std::filesystem::path& file, std::time_t now);

struct SignOptions {
  std::optional<std::string> trusted_comment;  // default_trusted_comment(file, now) when unset or empty
  std::string untrusted_comment = "signature from minisign secret key";
  std::optional<std::filesystem::path> signature_file;  // default FILE.minisig
};

// Signs FILE in the hashed ("ED") format and writes the signature file atomically
// (temporary file, fsync, rename). Comments must be one line of printable UTF-8 (tabs
// allowed) and the trusted comment at most 8173 bytes, as minisign requires. Returns
// the signature file's path. Throws MinisignError.
std::filesystem::path sign_file(const std::filesystem::path& file, const MinisignSecretKey& key,
                                const SignOptions& options = {});

}  // namespace kiosk::ops
