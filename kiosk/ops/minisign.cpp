#include "kiosk/ops/minisign.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>

#include "kiosk/base/atomic_file.h"
#include "kiosk/base/errors.h"
#include "kiosk/base/fd.h"
#include "kiosk/text/utf8.h"

namespace kiosk::ops {
namespace {

namespace fs = std::filesystem;
using base::errno_text;

constexpr std::string_view kUntrustedPrefix = "untrusted comment: ";
constexpr std::string_view kTrustedPrefix = "trusted comment: ";
constexpr char kAlgLegacy[2] = {'E', 'd'};
constexpr char kAlgHashed[2] = {'E', 'D'};
constexpr char kKdfScrypt[2] = {'S', 'c'};
constexpr char kKdfNone[2] = {0, 0};
constexpr char kChkBlake2b[2] = {'B', '2'};

// minisign reads lines with fixed buffers: what fits in them is what it accepts.
constexpr size_t kTrustedCommentMax = 8192 - kTrustedPrefix.size() - 2;      // 8173
constexpr size_t kUntrustedCommentMax = 1024 - kUntrustedPrefix.size() - 2;  // 1003
constexpr size_t kSignatureFileMax = 64 * 1024;
constexpr uintmax_t kLegacyFileMax = uintmax_t{1} << 30;

constexpr size_t kPublicKeyBytes = 2 + 8 + 32;
constexpr size_t kSignatureBytes = 2 + 8 + 64;
constexpr size_t kSecretKeyBytes = 2 + 2 + 2 + 32 + 8 + 8 + 8 + 64 + 32;

// Offsets in the secret key structure.
constexpr size_t kSkSigAlg = 0, kSkKdfAlg = 2, kSkChkAlg = 4, kSkKeyId = 54, kSkKey = 62, kSkChk = 126;

// A signature file's format problem, carrying the status verify_file reports for it.
struct SignatureFormatError : MinisignError {
  SignatureFormatError(VerifyStatus s, const std::string& message) : MinisignError(message), status(s) {}
  VerifyStatus status;
};

// A file larger than what is read into memory.
struct TooLargeError : MinisignError {
  using MinisignError::MinisignError;
};

void ensure_sodium() {
  static const int rc = sodium_init();
  if (rc < 0) throw MinisignError("libsodium could not be initialised");
}

// Lines without their "\n" or "\r\n"; no empty last line for a final newline.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string to_base64(const uint8_t* bytes, size_t size) {
  std::string out(sodium_base64_encoded_len(size, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes, size, sodium_base64_VARIANT_ORIGINAL);
  out.resize(std::strlen(out.c_str()));
  return out;
}

// Strict standard base64 with padding; nullopt when it is not.
std::optional<std::vector<uint8_t>> from_base64(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::vector<uint8_t> out(text.size());
  size_t size = 0;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &size, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0)
    return std::nullopt;
  out.resize(size);
  return out;
}

std::string alg_text(const uint8_t* alg) {
  if (alg[0] >= 0x21 && alg[0] <= 0x7e && alg[1] >= 0x21 && alg[1] <= 0x7e)
    return std::string("'") + static_cast<char>(alg[0]) + static_cast<char>(alg[1]) + "'";
  char hex[16];
  std::snprintf(hex, sizeof hex, "0x%02X%02X", alg[0], alg[1]);
  return hex;
}

bool alg_is(const uint8_t* alg, const char (&want)[2]) {
  return std::memcmp(alg, want, 2) == 0;
}

// What minisign accepts in a comment: tabs, printable ASCII, and well-formed UTF-8
// beyond it, except the C1 controls. Returns the offset of the first bad byte.
std::optional<size_t> first_unprintable(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t n = s.size();
  for (size_t i = 0; i < n;) {
    unsigned c = p[i];
    if (c == '\t' || (c >= 0x20 && c <= 0x7e)) {
      ++i;
      continue;
    }
    // Continuation bytes the lead byte announces; 0x80-0xc1 and 0xf5-0xff never lead.
    size_t need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (need == 0) return i;
    uint32_t cp = c & (0x3fu >> need);
    for (size_t k = 1; k <= need; ++k) {
      if (i + k >= n || (p[i + k] & 0xc0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3f);
    }
    bool overlong = (need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000);
    bool surrogate = cp >= 0xd800 && cp <= 0xdfff;
    bool c1 = cp >= 0x80 && cp <= 0x9f;
    if (overlong || surrogate || c1 || cp > 0x10ffff) return i;
    i += need + 1;
  }
  return std::nullopt;
}

void check_comment(std::string_view comment, const char* which, size_t max) {
  if (comment.size() > max)
    throw MinisignError(std::string("the ") + which + " is " + std::to_string(comment.size()) +
                        " bytes; minisign allows at most " + std::to_string(max));
  if (auto bad = first_unprintable(comment))
    throw MinisignError(std::string("the ") + which + " must be one line of printable UTF-8; byte " +
                        std::to_string(*bad) + " is not");
}

base::Fd open_for_reading(const fs::path& file) {
  // Without blocking: a FIFO would wait for a writer for ever.
  base::Fd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (!fd) throw MinisignError(file.string() + ": cannot open: " + errno_text(errno));
  struct stat st {};
  if (::fstat(fd.get(), &st) == 0 && S_ISDIR(st.st_mode)) throw MinisignError(file.string() + ": is a directory");
  if (!S_ISREG(st.st_mode)) throw MinisignError(file.string() + ": not a regular file");
  return fd;
}

// Calls `chunk(data, size)` for the file's bytes, 64 KiB at a time.
template <typename Chunk>
void read_chunks(const fs::path& file, Chunk chunk) {
  base::Fd in = open_for_reading(file);
  std::vector<uint8_t> buffer(64 * 1024);
  for (;;) {
    ssize_t n = ::read(in.get(), buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw MinisignError(file.string() + ": read failed: " + errno_text(errno));
    if (n == 0) break;
    chunk(buffer.data(), static_cast<size_t>(n));
  }
}

std::string read_whole(const fs::path& file, uintmax_t max, const std::string& too_large) {
  std::string out;
  read_chunks(file, [&](const uint8_t* data, size_t size) {
    if (out.size() + size > max) throw TooLargeError(file.string() + ": " + too_large);
    out.append(reinterpret_cast<const char*>(data), size);
  });
  return out;
}

std::string read_key_file(const fs::path& file) {
  return read_whole(file, kSignatureFileMax, "too large to be a minisign key file");
}

std::array<uint8_t, 32> secret_key_checksum(const uint8_t* sig_alg, const KeyId& id,
                                            const std::array<uint8_t, 64>& key) {
  std::array<uint8_t, 32> chk{};
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, chk.size());
  crypto_generichash_update(&state, sig_alg, 2);
  crypto_generichash_update(&state, id.data(), id.size());
  crypto_generichash_update(&state, key.data(), key.size());
  crypto_generichash_final(&state, chk.data(), chk.size());
  return chk;
}

}  // namespace

std::string key_id_hex(const KeyId& id) {
  static const char digits[] = "0123456789ABCDEF";
  std::string out;
  for (size_t i = id.size(); i-- > 0;) {
    out += digits[id[i] >> 4];
    out += digits[id[i] & 0xf];
  }
  // minisign prints the number without leading zeros ("%" PRIX64); so do we, so that the
  // ids in both tools' messages and key files match.
  size_t first = out.find_first_not_of('0');
  return first == std::string::npos ? "0" : out.substr(first);
}

// ---- public keys ----

std::string MinisignPublicKey::to_base64() const {
  std::array<uint8_t, kPublicKeyBytes> raw{};
  std::memcpy(raw.data(), kAlgLegacy, 2);
  std::copy(key_id.begin(), key_id.end(), raw.begin() + 2);
  std::copy(key.begin(), key.end(), raw.begin() + 10);
  return ops::to_base64(raw.data(), raw.size());
}

std::string MinisignPublicKey::file_text() const {
  return std::string(kUntrustedPrefix) + "minisign public key " + key_id_hex() + "\n" + to_base64() + "\n";
}

MinisignPublicKey parse_public_key(std::string_view text, const std::string& what) {
  auto lines = split_lines(text);
  while (!lines.empty() && trim_spaces(lines.back()).empty()) lines.pop_back();
  if (lines.empty()) throw MinisignError(what + ": empty, no key");
  std::string_view key_line;
  std::string where;
  if (starts_with(lines[0], "untrusted comment:")) {
    if (lines.size() < 2) throw MinisignError(what + ": line 2 (the key) is missing");
    if (lines.size() > 2) throw MinisignError(what + ": unexpected text after the key on line 3");
    key_line = trim_spaces(lines[1]);
    where = "line 2: ";
  } else if (lines.size() == 1) {
    key_line = trim_spaces(lines[0]);
  } else {
    throw MinisignError(what + ": line 1 should be 'untrusted comment: ...' or the base64 key itself");
  }
  auto raw = from_base64(key_line);
  if (!raw) throw MinisignError(what + ": " + where + "not valid base64");
  if (raw->size() != kPublicKeyBytes)
    throw MinisignError(what + ": " + where + "the key is " + std::to_string(raw->size()) + " bytes, expected " +
                        std::to_string(kPublicKeyBytes) +
                        (raw->size() == kSecretKeyBytes ? " (is it a secret key?)" : ""));
  if (!alg_is(raw->data(), kAlgLegacy))
    throw MinisignError(what + ": " + where + "unknown key algorithm " + alg_text(raw->data()) +
                        " (only Ed25519, 'Ed')");
  MinisignPublicKey key;
  std::copy(raw->begin() + 2, raw->begin() + 10, key.key_id.begin());
  std::copy(raw->begin() + 10, raw->end(), key.key.begin());
  return key;
}

MinisignPublicKey read_public_key_file(const fs::path& file) {
  return parse_public_key(read_key_file(file), file.string());
}

// ---- secret keys ----

MinisignSecretKey::~MinisignSecretKey() {
  sodium_memzero(key.data(), key.size());
}

MinisignPublicKey MinisignSecretKey::public_key() const {
  MinisignPublicKey pk;
  pk.key_id = key_id;
  std::copy(key.begin() + 32, key.end(), pk.key.begin());
  return pk;
}

std::string MinisignSecretKey::file_text() const {
  std::array<uint8_t, kSecretKeyBytes> raw{};  // kdf none; salt and limits zero, as minisign -W leaves them
  std::memcpy(raw.data() + kSkSigAlg, kAlgLegacy, 2);
  std::memcpy(raw.data() + kSkKdfAlg, kKdfNone, 2);
  std::memcpy(raw.data() + kSkChkAlg, kChkBlake2b, 2);
  std::copy(key_id.begin(), key_id.end(), raw.begin() + kSkKeyId);
  std::copy(key.begin(), key.end(), raw.begin() + kSkKey);
  auto chk = secret_key_checksum(raw.data() + kSkSigAlg, key_id, key);
  std::copy(chk.begin(), chk.end(), raw.begin() + kSkChk);
  std::string text =
      std::string(kUntrustedPrefix) + "minisign unencrypted secret key\n" + to_base64(raw.data(), raw.size()) + "\n";
  sodium_memzero(raw.data(), raw.size());
  return text;
}

MinisignSecretKey generate_secret_key() {
  ensure_sodium();
  MinisignSecretKey sk;
  std::array<uint8_t, 32> pk{};
  randombytes_buf(sk.key_id.data(), sk.key_id.size());
  crypto_sign_keypair(pk.data(), sk.key.data());
  return sk;
}

MinisignSecretKey parse_secret_key(std::string_view text, const std::string& what) {
  ensure_sodium();
  auto lines = split_lines(text);
  while (!lines.empty() && trim_spaces(lines.back()).empty()) lines.pop_back();
  if (lines.empty()) throw MinisignError(what + ": empty, no key");
  if (!starts_with(lines[0], "untrusted comment:"))
    throw MinisignError(what + ": line 1 should start with 'untrusted comment:'");
  if (lines.size() < 2) throw MinisignError(what + ": line 2 (the key) is missing");
  if (lines.size() > 2) throw MinisignError(what + ": unexpected text after the key on line 3");
  auto raw = from_base64(trim_spaces(lines[1]));
  if (!raw) throw MinisignError(what + ": line 2: not valid base64");
  struct Wipe {
    std::vector<uint8_t>& bytes;
    ~Wipe() { sodium_memzero(bytes.data(), bytes.size()); }
  } wipe{*raw};
  if (raw->size() != kSecretKeyBytes)
    throw MinisignError(what + ": line 2: the secret key is " + std::to_string(raw->size()) + " bytes, expected " +
                        std::to_string(kSecretKeyBytes) +
                        (raw->size() == kPublicKeyBytes ? " (is it a public key?)" : ""));
  const uint8_t* p = raw->data();
  if (!alg_is(p + kSkSigAlg, kAlgLegacy))
    throw MinisignError(what + ": unknown signature algorithm " + alg_text(p + kSkSigAlg) + " (only Ed25519, 'Ed')");
  if (alg_is(p + kSkKdfAlg, kKdfScrypt))
    throw MinisignError(what +
                        ": the secret key is encrypted with a password, which kioskctl does not read; make the key "
                        "without a password (minisign -G -W) or remove its password first (minisign -C -W)");
  if (!alg_is(p + kSkKdfAlg, kKdfNone))
    throw MinisignError(what + ": unknown key derivation " + alg_text(p + kSkKdfAlg));
  if (!alg_is(p + kSkChkAlg, kChkBlake2b))
    throw MinisignError(what + ": unknown checksum algorithm " + alg_text(p + kSkChkAlg) + " (only BLAKE2b, 'B2')");
  MinisignSecretKey sk;
  std::copy(p + kSkKeyId, p + kSkKeyId + 8, sk.key_id.begin());
  std::copy(p + kSkKey, p + kSkKey + 64, sk.key.begin());
  std::array<uint8_t, 32> stored{};
  std::copy(p + kSkChk, p + kSkChk + 32, stored.begin());
  bool no_checksum = std::all_of(stored.begin(), stored.end(), [](uint8_t b) { return b == 0; });
  if (!no_checksum) {
    auto chk = secret_key_checksum(p + kSkSigAlg, sk.key_id, sk.key);
    if (sodium_memcmp(chk.data(), stored.data(), chk.size()) != 0)
      throw MinisignError(what + ": checksum mismatch, the secret key is damaged");
  }
  // The public half stored in the key must be the one its seed gives.
  std::array<uint8_t, 32> pk{};
  std::array<uint8_t, 64> again{};
  crypto_sign_seed_keypair(pk.data(), again.data(), sk.key.data());
  bool consistent = sodium_memcmp(again.data(), sk.key.data(), again.size()) == 0;
  sodium_memzero(again.data(), again.size());
  if (!consistent) throw MinisignError(what + ": the secret key is damaged (its public half does not match its seed)");
  return sk;
}

MinisignSecretKey read_secret_key_file(const fs::path& file) {
  std::string text = read_key_file(file);
  try {
    auto sk = parse_secret_key(text, file.string());
    sodium_memzero(text.data(), text.size());
    return sk;
  } catch (...) {
    sodium_memzero(text.data(), text.size());
    throw;
  }
}

// ---- signatures ----

std::string MinisignSignature::file_text() const {
  std::array<uint8_t, kSignatureBytes> raw{};
  std::memcpy(raw.data(), legacy ? kAlgLegacy : kAlgHashed, 2);
  std::copy(key_id.begin(), key_id.end(), raw.begin() + 2);
  std::copy(signature.begin(), signature.end(), raw.begin() + 10);
  return std::string(kUntrustedPrefix) + untrusted_comment + "\n" + to_base64(raw.data(), raw.size()) + "\n" +
         std::string(kTrustedPrefix) + trusted_comment + "\n" +
         to_base64(global_signature.data(), global_signature.size()) + "\n";
}

MinisignSignature parse_signature(std::string_view text, const std::string& what) {
  auto malformed = [&](const std::string& message) {
    return SignatureFormatError(VerifyStatus::kMalformed, what + ": " + message);
  };
  auto lines = split_lines(text);
  MinisignSignature sig;

  if (lines.empty()) throw malformed("empty, not a minisign signature");
  if (!starts_with(lines[0], kUntrustedPrefix))
    throw malformed("line 1 should start with \"" + std::string(kUntrustedPrefix) + "\"");
  sig.untrusted_comment = lines[0].substr(kUntrustedPrefix.size());

  if (lines.size() < 2) throw malformed("line 2 (the signature) is missing");
  auto raw = from_base64(lines[1]);
  if (!raw) throw malformed("line 2 (the signature) is not valid base64");
  if (raw->size() != kSignatureBytes)
    throw malformed("line 2: the signature is " + std::to_string(raw->size()) + " bytes, expected " +
                    std::to_string(kSignatureBytes));
  if (alg_is(raw->data(), kAlgHashed))
    sig.legacy = false;
  else if (alg_is(raw->data(), kAlgLegacy))
    sig.legacy = true;
  else
    throw SignatureFormatError(
        VerifyStatus::kUnknownAlgorithm,
        what + ": line 2: unknown signature algorithm " + alg_text(raw->data()) + " (known: 'ED' hashed, 'Ed' legacy)");
  std::copy(raw->begin() + 2, raw->begin() + 10, sig.key_id.begin());
  std::copy(raw->begin() + 10, raw->end(), sig.signature.begin());

  if (lines.size() < 3) throw malformed("line 3 (the trusted comment) is missing");
  if (!starts_with(lines[2], kTrustedPrefix))
    throw malformed("line 3 should start with \"" + std::string(kTrustedPrefix) + "\"");
  sig.trusted_comment = lines[2].substr(kTrustedPrefix.size());
  if (sig.trusted_comment.size() > kTrustedCommentMax)
    throw malformed("line 3: the trusted comment is longer than " + std::to_string(kTrustedCommentMax) + " bytes");
  if (auto bad = first_unprintable(sig.trusted_comment))
    throw malformed("line 3: the trusted comment has an unprintable character at byte " + std::to_string(*bad));

  if (lines.size() < 4) throw malformed("line 4 (the trusted comment's signature) is missing");
  auto global = from_base64(lines[3]);
  if (!global) throw malformed("line 4 (the trusted comment's signature) is not valid base64");
  if (global->size() != sig.global_signature.size())
    throw malformed("line 4: the trusted comment's signature is " + std::to_string(global->size()) +
                    " bytes, expected " + std::to_string(sig.global_signature.size()));
  std::copy(global->begin(), global->end(), sig.global_signature.begin());

  for (size_t i = 4; i < lines.size(); ++i)
    if (!trim_spaces(lines[i]).empty()) throw malformed("unexpected text on line " + std::to_string(i + 1));
  return sig;
}

fs::path signature_path_for(const fs::path& file) {
  fs::path out = file;
  out += ".minisig";
  return out;
}

std::string signature_name_problem(const fs::path& file) {
  const size_t length = signature_path_for(file).filename().string().size();
  if (length <= NAME_MAX) return "";
  return "the name is too long to have a signature beside it (" + std::to_string(length) +
         " bytes with .minisig, over " + std::to_string(NAME_MAX) + "); rename it to at most " +
         std::to_string(NAME_MAX - 8) + " bytes";
}

std::array<uint8_t, 64> blake2b512_file(const fs::path& file) {
  ensure_sodium();
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, 64);
  read_chunks(file, [&](const uint8_t* data, size_t size) { crypto_generichash_update(&state, data, size); });
  std::array<uint8_t, 64> hash{};
  crypto_generichash_final(&state, hash.data(), hash.size());
  return hash;
}

VerifyResult verify_file(const fs::path& file, const std::vector<MinisignPublicKey>& trusted,
                         const std::optional<fs::path>& signature_file) {
  ensure_sodium();
  VerifyResult result;
  const fs::path sig_path = signature_file ? *signature_file : signature_path_for(file);
  auto fail = [&](VerifyStatus status, const std::string& message) {
    result.status = status;
    result.message = message;
    result.trusted_comment.clear();
    return result;
  };

  std::string text;
  try {
    text = read_whole(sig_path, kSignatureFileMax, "too large to be a minisign signature");
  } catch (const TooLargeError& e) {
    return fail(VerifyStatus::kMalformed, e.what());
  } catch (const MinisignError& e) {
    return fail(VerifyStatus::kUnreadable, e.what());
  }
  MinisignSignature sig;
  try {
    sig = parse_signature(text, sig_path.string());
  } catch (const SignatureFormatError& e) {
    return fail(e.status, e.what());
  }
  result.key_id = key_id_hex(sig.key_id);
  result.legacy = sig.legacy;

  auto key = std::find_if(trusted.begin(), trusted.end(), [&](const auto& k) { return k.key_id == sig.key_id; });
  if (key == trusted.end()) {
    std::string known;
    for (const auto& k : trusted) known += (known.empty() ? "" : ", ") + k.key_id_hex();
    return fail(VerifyStatus::kUntrustedKey,
                sig_path.string() + ": signed by key " + result.key_id + ", not a trusted key" +
                    (known.empty() ? " (no keys are trusted)" : " (trusted: " + known + ")"));
  }

  int rc;
  try {
    if (sig.legacy) {
      std::string bytes = read_whole(file, kLegacyFileMax, "too large to check a legacy (unhashed) signature");
      rc = crypto_sign_verify_detached(sig.signature.data(), reinterpret_cast<const uint8_t*>(bytes.data()),
                                       bytes.size(), key->key.data());
    } else {
      auto hash = blake2b512_file(file);
      rc = crypto_sign_verify_detached(sig.signature.data(), hash.data(), hash.size(), key->key.data());
    }
  } catch (const MinisignError& e) {
    return fail(VerifyStatus::kUnreadable, e.what());
  }
  if (rc != 0) return fail(VerifyStatus::kBadSignature, file.string() + ": the file does not match its signature");

  std::string signed_comment(reinterpret_cast<const char*>(sig.signature.data()), sig.signature.size());
  signed_comment += sig.trusted_comment;
  if (crypto_sign_verify_detached(sig.global_signature.data(), reinterpret_cast<const uint8_t*>(signed_comment.data()),
                                  signed_comment.size(), key->key.data()) != 0)
    return fail(VerifyStatus::kBadTrustedComment,
                sig_path.string() + ": the trusted comment was altered (its signature does not verify)");

  result.status = VerifyStatus::kOk;
  result.trusted_comment = sig.trusted_comment;
  return result;
}

VerifyResult verify_file(const fs::path& file, const MinisignPublicKey& trusted,
                         const std::optional<fs::path>& signature_file) {
  return verify_file(file, std::vector<MinisignPublicKey>{trusted}, signature_file);
}

// ---- signing ----

std::string default_trusted_comment(const fs::path& file, std::time_t now) {
  // The comment must be one printable line, and its fields are split at tabs: a name with
  // a newline or a tab is written escaped, as every log line names files.
  return "timestamp:" + std::to_string(static_cast<unsigned long>(now)) +
         "\tfile:" + text::escaped(file.filename().string()) + "\thashed";
}

fs::path sign_file(const fs::path& file, const MinisignSecretKey& key, const SignOptions& options) {
  ensure_sodium();
  MinisignSignature sig;
  sig.legacy = false;
  sig.key_id = key.key_id;
  sig.untrusted_comment = options.untrusted_comment;
  sig.trusted_comment = options.trusted_comment && !options.trusted_comment->empty()
                            ? *options.trusted_comment
                            : default_trusted_comment(file, std::time(nullptr));
  check_comment(sig.untrusted_comment, "untrusted comment", kUntrustedCommentMax);
  check_comment(sig.trusted_comment, "trusted comment", kTrustedCommentMax);
  if (!options.signature_file)
    if (auto why = signature_name_problem(file); !why.empty()) throw MinisignError(file.string() + ": " + why);

  auto hash = blake2b512_file(file);
  crypto_sign_detached(sig.signature.data(), nullptr, hash.data(), hash.size(), key.key.data());
  std::string signed_comment(reinterpret_cast<const char*>(sig.signature.data()), sig.signature.size());
  signed_comment += sig.trusted_comment;
  crypto_sign_detached(sig.global_signature.data(), nullptr, reinterpret_cast<const uint8_t*>(signed_comment.data()),
                       signed_comment.size(), key.key.data());
  // As minisign does: never write a signature its own public key would refuse.
  if (crypto_sign_verify_detached(sig.global_signature.data(), reinterpret_cast<const uint8_t*>(signed_comment.data()),
                                  signed_comment.size(), key.key.data() + 32) != 0)
    throw MinisignError("the signature does not verify with the key's own public key; the secret key is damaged");

  fs::path out = options.signature_file ? *options.signature_file : signature_path_for(file);
  try {
    base::write_file_atomically(out, sig.file_text(), 0644);
  } catch (const base::FileError& e) {
    throw MinisignError(e.what());
  }
  return out;
}

}  // namespace kiosk::ops
