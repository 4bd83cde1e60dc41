// A bundle that is empty or shorter than its SQLite header says is named as such when it
// fails its signature, from its first 100 bytes alone; anything else keeps the verifier's
// message, and the signature still decides.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "bundle_fixture.h"
#include "kiosk/config/config.h"
#include "kiosk/ops/minisign.h"
#include "kiosk/ops/partial_file.h"
#include "kiosk/ops/trust.h"

using namespace kiosk::ops;
namespace fs = std::filesystem;

namespace {

std::string bytes_of(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A fake SQLite header: page size, change counter, page count and version-valid-for.
std::string header(unsigned page_size, unsigned pages, bool valid = true) {
  std::string h(100, '\0');
  h.replace(0, 16, std::string("SQLite format 3\0", 16));
  h[16] = static_cast<char>(page_size >> 8);
  h[17] = static_cast<char>(page_size & 0xff);
  h[27] = 7;  // change counter
  for (int i = 0; i < 4; ++i) h[28 + i] = static_cast<char>(pages >> (24 - 8 * i));
  h[95] = valid ? 7 : 8;  // version-valid-for
  return h;
}

}  // namespace

TEST_CASE("partial file: empty, cut short by its header's size, or neither") {
  ScratchDir dir;
  CHECK(incomplete_file(dir.write("empty.bundle", "")) == "empty (0 bytes)");
  auto whole = bytes_of(dir.copy_of_tiny("whole.bundle"));
  REQUIRE(whole.size() > 8192);
  CHECK(incomplete_file(dir.path / "whole.bundle") == "");
  CHECK(incomplete_file(dir.write("cut.bundle", whole.substr(0, 8000))) ==
        "truncated: 8000 of " + std::to_string(whole.size()) + " bytes, perhaps still being copied");
  CHECK(incomplete_file(dir.write("header.bundle", whole.substr(0, 40))) ==
        "truncated: 40 of at least 100 bytes, perhaps still being copied");
  CHECK(incomplete_file(dir.write("longer.bundle", whole + "extra")) == "");
  // Page size 1 means 65536; a page count the header does not vouch for says nothing.
  CHECK(incomplete_file(dir.write("big.bundle", header(1, 2))) ==
        "truncated: 100 of 131072 bytes, perhaps still being copied");
  CHECK(incomplete_file(dir.write("stale.bundle", header(4096, 2, false))) == "");
  CHECK(incomplete_file(dir.write("odd-page.bundle", header(1000, 2))) == "");
  CHECK(incomplete_file(dir.write("text.bundle", "not a database at all")) == "");
  CHECK(incomplete_file(dir.path / "missing.bundle") == "");
  CHECK(incomplete_file(dir.path) == "");
}

TEST_CASE("partial file: the signature check names an empty or truncated copy, and nothing else") {
  ScratchDir dir;
  auto key = generate_secret_key();
  Trust trust;
  trust.keys = {key.public_key()};
  trust.sources = {"hall.pub"};
  auto bundle = dir.copy_of_tiny("v1.bundle");
  auto whole = bytes_of(bundle);
  sign_file(bundle, key);
  auto check = signature_check(trust);
  auto signature = signature_path_for(bundle);

  dir.write("v1.bundle", whole.substr(0, 5000));
  CHECK(check(bundle, signature) == bundle.string() + ": truncated: 5000 of " + std::to_string(whole.size()) +
                                        " bytes, perhaps still being copied; it does not match its signature");
  dir.write("v1.bundle", "");
  CHECK(check(bundle, signature) == bundle.string() + ": empty (0 bytes); it does not match its signature");
  // Another key's signature is the reason, whatever the file.
  auto stranger = generate_secret_key();
  sign_file(dir.write("other.bundle", ""), stranger);
  CHECK(check(dir.path / "other.bundle", signature_path_for(dir.path / "other.bundle")).find("not a trusted key") !=
        std::string::npos);
  // A whole file changed in one byte is still just "does not match".
  whole[whole.size() / 2] ^= 1;
  dir.write("v1.bundle", whole);
  CHECK(check(bundle, signature) == bundle.string() + ": the file does not match its signature");
}
