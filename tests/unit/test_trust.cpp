// Which keys are trusted, from the configuration or from key files: any key that cannot
// be read trusts nothing, and the signature check says why for every install.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "bundle_fixture.h"
#include "kiosk/config/config.h"
#include "kiosk/ops/minisign.h"
#include "kiosk/ops/trust.h"

using namespace kiosk;
using namespace kiosk::ops;
namespace fs = std::filesystem;

TEST_CASE("trust: an invalid key list in the configuration trusts nothing and refuses every install") {
  ScratchDir dir;
  auto bundle = dir.copy_of_tiny("v1.bundle");
  auto key = generate_secret_key();
  sign_file(bundle, key);
  config::Config config;
  config.trusted_keys = {key.public_key().to_base64()};
  config.trusted_keys_invalid = true;
  auto trust = trust_from_config(config);
  CHECK(trust.keys.empty());
  CHECK(trust.problem == "the configuration's security.trusted_keys is invalid: no key is trusted");
  CHECK(signature_check(trust)(bundle, signature_path_for(bundle)) == trust.problem);
}

TEST_CASE("trust: one unreadable key among good ones trusts none of them") {
  ScratchDir dir;
  auto bundle = dir.copy_of_tiny("v1.bundle");
  auto key = generate_secret_key();
  sign_file(bundle, key);
  config::Config config;
  config.trusted_keys = {key.public_key().to_base64(), "RWQnot-a-key"};
  auto trust = trust_from_config(config);
  CHECK(trust.keys.empty());
  CHECK(trust.sources.empty());
  CHECK(trust.problem == "security.trusted_keys: not valid base64: no key is trusted");
  CHECK(signature_check(trust)(bundle, signature_path_for(bundle)) == trust.problem);

  config.trusted_keys = {key.public_key().to_base64()};
  trust = trust_from_config(config);
  REQUIRE(trust.problem.empty());
  CHECK(trust.describe_key(key.public_key().key_id_hex()) ==
        "key " + key.public_key().key_id_hex() + " (security.trusted_keys)");
  CHECK(signature_check(trust)(bundle, signature_path_for(bundle)).empty());
}

TEST_CASE("trust: no key configured refuses with the reason, and a bad signature gives the verifier's message") {
  ScratchDir dir;
  auto bundle = dir.copy_of_tiny("v1.bundle");
  auto key = generate_secret_key();
  sign_file(bundle, key);
  auto none = trust_from_config(config::Config{});
  CHECK(none.problem.empty());
  CHECK(signature_check(none)(bundle, signature_path_for(bundle)) ==
        "no public key is trusted (security.trusted_keys is empty)");

  auto stranger = generate_secret_key();
  Trust other;
  other.keys = {stranger.public_key()};
  other.sources = {"stranger.pub"};
  auto why = signature_check(other)(bundle, signature_path_for(bundle));
  CHECK(why == signature_path_for(bundle).string() + ": signed by key " + key.public_key().key_id_hex() +
                   ", not a trusted key (trusted: " + stranger.public_key().key_id_hex() + ")");
}

TEST_CASE("trust: key files that are missing or not keys trust nothing, naming the file") {
  ScratchDir dir;
  auto key = generate_secret_key();
  auto good = dir.write("hall.pub", key.public_key().file_text());
  auto trust = trust_from_files({good.string()});
  REQUIRE(trust.problem.empty());
  REQUIRE(trust.keys.size() == 1);
  CHECK(trust.sources == std::vector<std::string>{good.string()});
  CHECK(trust.describe_key(key.public_key().key_id_hex()) ==
        "key " + key.public_key().key_id_hex() + " (" + good.string() + ")");

  auto missing = dir.path / "gone.pub";
  trust = trust_from_files({good.string(), missing.string()});
  CHECK(trust.keys.empty());
  CHECK(trust.problem == missing.string() + ": cannot open: No such file or directory: no key is trusted");

  auto secret = dir.write("secret.key", key.file_text());
  trust = trust_from_files({secret.string()});
  CHECK(trust.keys.empty());
  CHECK(trust.problem.find(secret.string() + ": line 2: the key is 158 bytes, expected 42 (is it a secret key?)") == 0);
  CHECK(trust.describe_key("ABC") == "key ABC, which is not trusted now");
}
