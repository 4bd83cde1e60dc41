// minisign key and signature files that are not what they claim, and signing with a key
// whose halves do not match: refused with the file and the reason, nothing written.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "bundle_fixture.h"
#include "kiosk/ops/minisign.h"

using namespace kiosk::ops;
namespace fs = std::filesystem;

namespace {

template <typename F>
std::string minisign_error_of(F&& f) {
  try {
    f();
  } catch (const MinisignError& e) {
    return e.what();
  }
  return "(no MinisignError)";
}

}  // namespace

TEST_CASE("minisign errors: a key of two lines needs its comment line first") {
  auto key = generate_secret_key().public_key();
  CHECK(minisign_error_of([&] { parse_public_key("my key\n" + key.to_base64() + "\n", "hall.pub"); }) ==
        "hall.pub: line 1 should be 'untrusted comment: ...' or the base64 key itself");
  CHECK(minisign_error_of([&] { parse_secret_key("my key\nRWQ=\n", "hall.key"); }) ==
        "hall.key: line 1 should start with 'untrusted comment:'");
}

TEST_CASE("minisign errors: a secret key file that is not a key is named, and a FIFO is never waited on") {
  ScratchDir dir;
  auto pub = dir.write("hall.pub", generate_secret_key().public_key().file_text());
  CHECK(minisign_error_of([&] { read_secret_key_file(pub); }) ==
        pub.string() + ": line 2: the secret key is 42 bytes, expected 158 (is it a public key?)");
  auto fifo = dir.path / "key.fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(minisign_error_of([&] { read_secret_key_file(fifo); }) == fifo.string() + ": not a regular file");
  CHECK(minisign_error_of([&] { read_public_key_file(dir.path); }) == dir.path.string() + ": is a directory");
}

TEST_CASE("minisign errors: a signature file that is a FIFO is unreadable, at once") {
  ScratchDir dir;
  auto secret = generate_secret_key();
  auto file = dir.write("v1.bundle", "bytes");
  REQUIRE(::mkfifo(signature_path_for(file).c_str(), 0600) == 0);
  auto result = verify_file(file, secret.public_key());
  CHECK(result.status == VerifyStatus::kUnreadable);
  CHECK(result.message == signature_path_for(file).string() + ": not a regular file");
}

TEST_CASE("minisign errors: a secret key whose public half is not its seed's signs nothing") {
  ScratchDir dir;
  auto file = dir.write("v1.bundle", "bytes");
  auto secret = generate_secret_key();
  secret.key[40] ^= 0x01;  // the stored public half, damaged in memory
  CHECK(minisign_error_of([&] { sign_file(file, secret); }) ==
        "the signature does not verify with the key's own public key; the secret key is damaged");
  CHECK_FALSE(fs::exists(signature_path_for(file)));
}

TEST_CASE(
    "minisign errors: a file whose name leaves no room for .minisig is refused by name; one just short of it signs") {
  ScratchDir dir;
  auto secret = generate_secret_key();
  auto longest = dir.write(std::string(247 - 7, 'a') + ".bundle", "bytes");  // 247 + .minisig = 255
  CHECK(sign_file(longest, secret) == signature_path_for(longest));
  CHECK(verify_file(longest, secret.public_key()).ok());
  auto too_long = dir.write(std::string(248 - 7, 'b') + ".bundle", "bytes");
  CHECK(minisign_error_of([&] { sign_file(too_long, secret); }) ==
        too_long.string() +
            ": the name is too long to have a signature beside it (256 bytes with .minisig, over 255); rename it to at "
            "most 247 bytes");
}
