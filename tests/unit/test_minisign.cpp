// minisign-format keys and signatures: round trips, every refusal, and the legacy format.

#include <doctest/doctest.h>
#include <sodium.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "bundle_fixture.h"
#include "kiosk/ops/minisign.h"

using namespace kiosk::ops;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

std::string b64(const std::vector<uint8_t>& bytes) {
  std::string out(sodium_base64_encoded_len(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);
  return out;
}

std::vector<uint8_t> unb64(const std::string& text) {
  std::vector<uint8_t> out(text.size());
  size_t size = 0;
  REQUIRE(sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &size, nullptr,
                            sodium_base64_VARIANT_ORIGINAL) == 0);
  out.resize(size);
  return out;
}

// Some bytes larger than one read chunk, so hashing goes through several.
std::string payload(size_t size = 200 * 1024 + 17) {
  std::string out(size, '\0');
  for (size_t i = 0; i < size; ++i) out[i] = static_cast<char>((i * 131 + 7) % 251);
  return out;
}

std::string throws_message(auto&& f) {
  try {
    f();
  } catch (const MinisignError& e) {
    return e.what();
  }
  return "(no exception)";
}

SignOptions options(const std::string& trusted, const std::string& untrusted = "signature from minisign secret key") {
  SignOptions o;
  o.trusted_comment = trusted;
  o.untrusted_comment = untrusted;
  return o;
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

// A key pair and a signed file in a scratch directory.
struct Signed {
  ScratchDir dir;
  MinisignSecretKey secret = generate_secret_key();
  MinisignPublicKey pub = secret.public_key();
  fs::path file = dir.write("content.bundle", payload());
  fs::path sig = sign_file(file, secret, options("bundle v7", "test"));
};

}  // namespace

TEST_CASE("minisign: public keys as minisign writes them, in a file or bare") {
  // Made by `minisign -G -W` (0.11); minisign printed the key id BFD60D9C3E01C4AD.
  const std::string bare = "RWStxAE+nA3Wv4hinO1YdQE2dkAcHv6CMj/jess8BqO9FhIU8DfxGVPk";
  auto key = parse_public_key(bare);
  CHECK(key.key_id_hex() == "BFD60D9C3E01C4AD");
  CHECK(key.to_base64() == bare);
  CHECK(parse_public_key("untrusted comment: minisign public key BFD60D9C3E01C4AD\r\n" + bare + "\r\n") == key);
  CHECK(parse_public_key("  " + bare + "\n\n") == key);
  CHECK(parse_public_key(key.file_text()) == key);
  CHECK(key.file_text() == "untrusted comment: minisign public key BFD60D9C3E01C4AD\n" + bare + "\n");

  ScratchDir dir;
  CHECK(read_public_key_file(dir.write("k.pub", key.file_text())) == key);
  CHECK(contains(throws_message([&] { read_public_key_file(dir.path / "absent.pub"); }), "absent.pub: cannot open"));

  CHECK(contains(throws_message([] { parse_public_key(""); }), "empty"));
  CHECK(contains(throws_message([] { parse_public_key("untrusted comment: x\n"); }), "line 2 (the key) is missing"));
  CHECK(contains(throws_message([&] { parse_public_key("RWS*" + bare.substr(4)); }), "not valid base64"));
  CHECK(contains(throws_message([&] { parse_public_key(bare.substr(0, 52)); }), "the key is 39 bytes, expected 42"));
  CHECK(contains(throws_message([] { parse_public_key(generate_secret_key().file_text()); }), "is it a secret key?"));
  auto raw = unb64(bare);
  raw[1] = 'D';
  CHECK(contains(throws_message([&] { parse_public_key(b64(raw)); }), "unknown key algorithm 'ED'"));
}

TEST_CASE("minisign: sign and verify round trip") {
  Signed s;
  CHECK(s.sig == s.dir.path / "content.bundle.minisig");
  auto lines = lines_of(read(s.sig));
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "untrusted comment: test");
  CHECK(unb64(lines[1]).size() == 74);
  CHECK(lines[1].substr(0, 2) == "RU");  // "ED": the hashed format
  CHECK(lines[2] == "trusted comment: bundle v7");

  auto result = verify_file(s.file, s.pub);
  CHECK_MESSAGE(result.ok(), result.message);
  CHECK(result.status == VerifyStatus::kOk);
  CHECK(result.trusted_comment == "bundle v7");
  CHECK(result.key_id == s.pub.key_id_hex());
  CHECK_FALSE(result.legacy);

  // Among several trusted keys, the one with the signature's id is used.
  auto other = generate_secret_key().public_key();
  CHECK(verify_file(s.file, std::vector{other, s.pub}).ok());

  // Signing again replaces the signature atomically and leaves no temporary files.
  sign_file(s.file, s.secret);
  auto again = verify_file(s.file, s.pub);
  REQUIRE(again.ok());
  CHECK(contains(again.trusted_comment, "timestamp:"));
  CHECK(contains(again.trusted_comment, "\tfile:content.bundle\thashed"));
  int entries = 0;
  for (const auto& e : fs::directory_iterator(s.dir.path)) entries += e.is_regular_file() ? 1 : 0;
  CHECK(entries == 2);

  // An empty file signs and verifies too.
  auto empty = s.dir.write("empty", "");
  sign_file(empty, s.secret);
  CHECK(verify_file(empty, s.pub).ok());
}

TEST_CASE("minisign: default trusted comment is minisign's") {
  CHECK(default_trusted_comment("/a/b/report.bundle", 1700000000) ==
        "timestamp:1700000000\tfile:report.bundle\thashed");
  // A name with a newline, a tab or an escape still makes a one-line, three-field comment.
  CHECK(default_trusted_comment("/a/new\nline\tand\x1b.bundle", 1700000000) ==
        "timestamp:1700000000\tfile:new\\nline\\tand\\x1b.bundle\thashed");
}

TEST_CASE("minisign: the hash is BLAKE2b-512 of the whole file, read in chunks") {
  ScratchDir dir;
  auto bytes = payload(3 * 65536 + 5);
  auto file = dir.write("f", bytes);
  std::array<uint8_t, 64> want{};
  crypto_generichash(want.data(), want.size(), reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), nullptr,
                     0);
  CHECK(blake2b512_file(file) == want);
}

TEST_CASE("minisign: a tampered byte in the file is refused") {
  Signed s;
  auto bytes = read(s.file);
  bytes[bytes.size() / 2] ^= 0x01;
  std::ofstream(s.file, std::ios::binary) << bytes;
  auto result = verify_file(s.file, s.pub);
  CHECK(result.status == VerifyStatus::kBadSignature);
  CHECK(contains(result.message, "the file does not match its signature"));
  CHECK(result.trusted_comment.empty());

  // Appending is tampering too.
  s.dir.write("grown", payload() + "x");
  CHECK(verify_file(s.dir.path / "grown", s.pub, s.sig).status == VerifyStatus::kBadSignature);
}

TEST_CASE("minisign: a signature for another file is refused") {
  Signed s;
  auto other = s.dir.write("other.bundle", "not the signed bytes");
  fs::copy_file(s.sig, signature_path_for(other));
  auto result = verify_file(other, s.pub);
  CHECK(result.status == VerifyStatus::kBadSignature);
  CHECK(contains(result.message, "other.bundle: the file does not match its signature"));
}

TEST_CASE("minisign: a signature by a key that is not trusted is refused") {
  Signed s;
  auto stranger = generate_secret_key().public_key();
  auto result = verify_file(s.file, stranger);
  CHECK(result.status == VerifyStatus::kUntrustedKey);
  CHECK(contains(result.message, "signed by key " + s.pub.key_id_hex() + ", not a trusted key"));
  CHECK(contains(result.message, "trusted: " + stranger.key_id_hex()));
  CHECK(verify_file(s.file, std::vector<MinisignPublicKey>{}).status == VerifyStatus::kUntrustedKey);

  // A different key that claims the same key id still fails the signature.
  stranger.key_id = s.pub.key_id;
  CHECK(verify_file(s.file, stranger).status == VerifyStatus::kBadSignature);
}

TEST_CASE("minisign: malformed signature files say which line and why") {
  Signed s;
  const auto good = lines_of(read(s.sig));
  REQUIRE(good.size() == 4);
  auto check = [&](const std::string& text, VerifyStatus want, const std::string& why) {
    std::ofstream(s.sig, std::ios::binary | std::ios::trunc) << text;
    auto result = verify_file(s.file, s.pub);
    INFO("signature file:\n" << text);
    CHECK(result.status == want);
    CHECK_MESSAGE(contains(result.message, why), result.message);
    CHECK(contains(result.message, s.sig.string()));
  };
  auto with = [&](size_t line, const std::string& replacement) {
    auto lines = good;
    lines[line] = replacement;
    return join(lines);
  };
  auto sig_bytes = unb64(good[1]);

  check("", VerifyStatus::kMalformed, "empty");
  check(join({good[0]}), VerifyStatus::kMalformed, "line 2 (the signature) is missing");
  check(join({good[0], good[1]}), VerifyStatus::kMalformed, "line 3 (the trusted comment) is missing");
  check(join({good[0], good[1], good[2]}), VerifyStatus::kMalformed,
        "line 4 (the trusted comment's signature) is missing");
  check(with(0, "comment: x"), VerifyStatus::kMalformed, "line 1 should start with \"untrusted comment: \"");
  check(with(2, "trusted: bundle v7"), VerifyStatus::kMalformed, "line 3 should start with \"trusted comment: \"");
  check(with(1, good[1].substr(1)), VerifyStatus::kMalformed, "line 2 (the signature) is not valid base64");
  check(with(1, "!" + good[1].substr(1)), VerifyStatus::kMalformed, "line 2 (the signature) is not valid base64");
  check(with(1, b64(std::vector<uint8_t>(sig_bytes.begin(), sig_bytes.end() - 1))), VerifyStatus::kMalformed,
        "line 2: the signature is 73 bytes, expected 74");
  auto longer = sig_bytes;
  longer.push_back(0);
  check(with(1, b64(longer)), VerifyStatus::kMalformed, "line 2: the signature is 75 bytes, expected 74");
  check(with(3, good[3] + "AA"), VerifyStatus::kMalformed,
        "line 4 (the trusted comment's signature) is not valid base64");
  check(with(3, b64(std::vector<uint8_t>(63, 1))), VerifyStatus::kMalformed,
        "line 4: the trusted comment's signature is 63 bytes, expected 64");
  check(with(2, "trusted comment: bell\x07"), VerifyStatus::kMalformed,
        "line 3: the trusted comment has an unprintable");
  check(with(2, "trusted comment: " + std::string(9000, 'x')), VerifyStatus::kMalformed, "longer than 8173 bytes");
  check(join(good) + "more\n", VerifyStatus::kMalformed, "unexpected text on line 5");

  auto unknown = sig_bytes;
  unknown[0] = 'X';
  unknown[1] = 'Y';
  check(with(1, b64(unknown)), VerifyStatus::kUnknownAlgorithm, "line 2: unknown signature algorithm 'XY'");

  // CRLF line ends, as a Windows editor might leave them, are fine.
  std::string crlf;
  for (const auto& l : good) crlf += l + "\r\n";
  std::ofstream(s.sig, std::ios::binary | std::ios::trunc) << crlf;
  CHECK(verify_file(s.file, s.pub).ok());

  std::ofstream(s.sig, std::ios::binary | std::ios::trunc) << std::string(100 * 1024, 'x');
  auto huge = verify_file(s.file, s.pub);
  CHECK(huge.status == VerifyStatus::kMalformed);
  CHECK(contains(huge.message, "too large to be a minisign signature"));

  fs::remove(s.sig);
  auto missing = verify_file(s.file, s.pub);
  CHECK(missing.status == VerifyStatus::kUnreadable);
  CHECK(contains(missing.message, "cannot open"));

  // A signature whose file is gone.
  auto other = s.dir.write("b", "b");
  sign_file(other, s.secret);
  fs::remove(other);
  auto gone = verify_file(other, s.pub);
  CHECK(gone.status == VerifyStatus::kUnreadable);
  CHECK(contains(gone.message, "b: cannot open"));
}

TEST_CASE("minisign: an altered trusted comment is refused") {
  Signed s;
  auto lines = lines_of(read(s.sig));
  lines[2] = "trusted comment: bundle v8";
  std::ofstream(s.sig, std::ios::binary | std::ios::trunc) << join(lines);
  auto result = verify_file(s.file, s.pub);
  CHECK(result.status == VerifyStatus::kBadTrustedComment);
  CHECK(contains(result.message, "the trusted comment was altered"));
  CHECK(result.trusted_comment.empty());
}

TEST_CASE("minisign: parse_signature reads back what was written") {
  Signed s;
  auto sig = parse_signature(read(s.sig));
  CHECK_FALSE(sig.legacy);
  CHECK(sig.key_id == s.pub.key_id);
  CHECK(sig.untrusted_comment == "test");
  CHECK(sig.trusted_comment == "bundle v7");
  CHECK(sig.file_text() == read(s.sig));
}

TEST_CASE("minisign: signing refuses comments minisign could not read") {
  Signed s;
  CHECK(contains(throws_message([&] { sign_file(s.file, s.secret, options("two\nlines")); }),
                 "one line of printable UTF-8"));
  CHECK(
      contains(throws_message([&] { sign_file(s.file, s.secret, options(std::string(8174, 'x'))); }), "at most 8173"));
  CHECK(contains(throws_message([&] { sign_file(s.file, s.secret, options("bad \xC3")); }), "printable UTF-8"));
  for (const char* bad : {"\xC2\x85 C1 control", "\xE0\x80\xAF overlong", "\xED\xA0\x80 surrogate",
                          "\xF4\x90\x80\x80 too big", "\x7F delete", "cr\r"}) {
    INFO(bad);
    CHECK(contains(throws_message([&] { sign_file(s.file, s.secret, options(bad)); }), "printable UTF-8"));
  }
  CHECK_NOTHROW(sign_file(s.file, s.secret, options("emoji \xF0\x9F\x99\x82 \xC2\xA0 nbsp")));
  CHECK_NOTHROW(sign_file(s.file, s.secret, options("中文 ok\tand tab")));
  CHECK(verify_file(s.file, s.pub).trusted_comment == "中文 ok\tand tab");
  CHECK(contains(throws_message([&] { sign_file(s.dir.path / "absent", s.secret); }), "absent: cannot open"));
}

TEST_CASE("minisign: secret key files") {
  ScratchDir dir;
  auto secret = generate_secret_key();
  auto text = secret.file_text();
  auto back = parse_secret_key(text);
  CHECK(back.key_id == secret.key_id);
  CHECK(back.key == secret.key);
  CHECK(back.public_key() == secret.public_key());

  auto lines = lines_of(text);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0].rfind("untrusted comment: ", 0) == 0);
  auto raw = unb64(lines[1]);
  REQUIRE(raw.size() == 158);
  CHECK(std::string(raw.begin(), raw.begin() + 6) == std::string("Ed\0\0B2", 6));
  auto key_with = [&](const std::vector<uint8_t>& bytes) { return lines[0] + "\n" + b64(bytes) + "\n"; };

  SUBCASE("checksum mismatch") {
    auto bad = raw;
    bad[157] ^= 0x40;
    CHECK(contains(throws_message([&] { parse_secret_key(key_with(bad)); }), "checksum mismatch"));
    bad = raw;
    bad[70] ^= 0x01;  // a byte of the secret key itself
    CHECK(contains(throws_message([&] { parse_secret_key(key_with(bad)); }), "checksum mismatch"));
  }
  SUBCASE("no checksum, as minisign -G -W writes it") {
    auto zero = raw;
    std::fill(zero.begin() + 126, zero.end(), 0);
    CHECK(parse_secret_key(key_with(zero)).key == secret.key);
    zero[100] ^= 0x01;  // in the public half: caught by re-deriving it from the seed
    CHECK(contains(throws_message([&] { parse_secret_key(key_with(zero)); }), "public half does not match"));
  }
  SUBCASE("encrypted keys are refused with what to do") {
    auto enc = raw;
    enc[2] = 'S';
    enc[3] = 'c';
    auto message = throws_message([&] { parse_secret_key(key_with(enc)); });
    CHECK(contains(message, "encrypted with a password"));
    CHECK(contains(message, "minisign -G -W"));
  }
  SUBCASE("other damage") {
    auto bad = raw;
    bad[4] = 'X';
    CHECK(contains(throws_message([&] { parse_secret_key(key_with(bad)); }), "unknown checksum algorithm 'X2'"));
    bad = raw;
    bad[0] = 'e';
    CHECK(contains(throws_message([&] { parse_secret_key(key_with(bad)); }), "unknown signature algorithm"));
    bad = raw;
    bad[2] = 1;
    CHECK(contains(throws_message([&] { parse_secret_key(key_with(bad)); }), "unknown key derivation"));
    CHECK(contains(throws_message([&] { parse_secret_key(lines[0] + "\n" + lines[1].substr(4) + "\n"); }),
                   "the secret key is 155 bytes, expected 158"));
    CHECK(contains(throws_message([&] { parse_secret_key(lines[0] + "\n"); }), "line 2 (the key) is missing"));
    CHECK(contains(throws_message([&] { parse_secret_key(secret.public_key().file_text()); }), "is it a public key?"));
  }
}

TEST_CASE("minisign: a legacy 'Ed' signature over the raw file verifies") {
  ScratchDir dir;
  auto secret = generate_secret_key();
  auto pub = secret.public_key();
  auto bytes = payload();
  auto file = dir.write("legacy.bundle", bytes);

  MinisignSignature sig;
  sig.legacy = true;
  sig.key_id = secret.key_id;
  sig.untrusted_comment = "signature from minisign secret key";
  sig.trusted_comment = "timestamp:1700000000\tfile:legacy.bundle";
  crypto_sign_detached(sig.signature.data(), nullptr, reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(),
                       secret.key.data());
  std::string signed_comment(reinterpret_cast<const char*>(sig.signature.data()), sig.signature.size());
  signed_comment += sig.trusted_comment;
  crypto_sign_detached(sig.global_signature.data(), nullptr, reinterpret_cast<const uint8_t*>(signed_comment.data()),
                       signed_comment.size(), secret.key.data());
  auto text = sig.file_text();
  CHECK(lines_of(text)[1].substr(0, 2) == "RW");  // "Ed": legacy
  std::ofstream(signature_path_for(file), std::ios::binary) << text;

  auto result = verify_file(file, pub);
  CHECK_MESSAGE(result.ok(), result.message);
  CHECK(result.legacy);
  CHECK(result.trusted_comment == sig.trusted_comment);

  bytes[0] ^= 0x80;
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
  CHECK(verify_file(file, pub).status == VerifyStatus::kBadSignature);
}

TEST_CASE("minisign: key ids print as minisign prints them, without leading zeros") {
  kiosk::ops::KeyId id{0x08, 0xFD, 0xE3, 0x7A, 0xBB, 0x48, 0xD7, 0x0F};  // little-endian 0x0FD748BB7AE3FD08
  CHECK(kiosk::ops::key_id_hex(id) == "FD748BB7AE3FD08");
  kiosk::ops::KeyId zero{};
  CHECK(kiosk::ops::key_id_hex(zero) == "0");
  kiosk::ops::KeyId full{0x01, 0, 0, 0, 0, 0, 0, 0xA0};
  CHECK(kiosk::ops::key_id_hex(full) == "A000000000000001");
}
