// kioskctl keygen, sign and verify: minisign-compatible signatures for bundles.

#include <filesystem>
#include <iostream>

#include "kiosk/base/atomic_file.h"
#include "kiosk/base/errors.h"
#include "kiosk/ops/minisign.h"
#include "kiosk/ops/trust.h"
#include "kiosk/text/utf8.h"
#include "kiosk/tools/commands.h"

namespace kiosk::tools {
namespace {

namespace fs = std::filesystem;

// Takes the value of option args[i] ("-p VALUE"), or returns false when there is none.
bool take_value(const Args& args, size_t& i, std::string& out) {
  if (i + 1 >= args.size() || args[i + 1].empty()) return false;
  out = args[++i];
  return true;
}

}  // namespace

int cmd_keygen(const Args& args) {
  std::string public_file, secret_file;
  bool force = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-p") {
      if (!take_value(args, i, public_file)) return usage("keygen: -p needs a PUBKEY file");
    } else if (args[i] == "-s") {
      if (!take_value(args, i, secret_file)) return usage("keygen: -s needs a SECKEY file");
    } else if (args[i] == "-f") {
      force = true;
    } else {
      return usage("keygen: unexpected argument '" + args[i] + "'");
    }
  }
  if (public_file.empty() || secret_file.empty()) return usage("keygen needs -p PUBKEY and -s SECKEY");
  if (fs::path(public_file).lexically_normal() == fs::path(secret_file).lexically_normal())
    return usage("keygen: PUBKEY and SECKEY must be different files");
  if (!force) {
    for (const auto& file : {secret_file, public_file}) {
      std::error_code ec;
      if (fs::exists(fs::symlink_status(file, ec))) {
        std::cerr << "kioskctl: " << file << " already exists; add -f to overwrite it\n";
        return kExitProblems;
      }
    }
  }
  try {
    auto secret = ops::generate_secret_key();
    auto pub = secret.public_key();
    base::write_file_atomically(secret_file, secret.file_text(), 0600, force);
    base::write_file_atomically(public_file, pub.file_text(), 0644, force);
    std::cout << "secret key: " << secret_file << " (keep it secret)\n"
              << "public key: " << public_file << ", key " << pub.key_id_hex() << "\n"
              << "verify with: kioskctl verify FILE -P " << pub.to_base64() << "\n";
    return kExitOk;
  } catch (const std::runtime_error& e) {  // ops::MinisignError or base::FileError
    std::cerr << "kioskctl: " << e.what() << "\n";
    return kExitProblems;
  }
}

int cmd_sign(const Args& args) {
  std::string file, secret_file, trusted_comment;
  bool have_comment = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "-s") {
      if (!take_value(args, i, secret_file)) return usage("sign: -s needs a SECKEY file");
    } else if (args[i] == "-t") {
      if (i + 1 >= args.size()) return usage("sign: -t needs a TRUSTED_COMMENT");
      trusted_comment = args[++i];
      have_comment = true;
    } else if (args[i].size() > 1 && args[i][0] == '-') {
      return usage("sign: unknown option '" + args[i] + "'");
    } else if (file.empty()) {
      file = args[i];
    } else {
      return usage("sign: unexpected argument '" + args[i] + "'");
    }
  }
  if (file.empty()) return usage("sign needs a FILE");
  if (secret_file.empty()) return usage("sign needs -s SECKEY");
  try {
    auto secret = ops::read_secret_key_file(secret_file);
    ops::SignOptions options;
    if (have_comment) options.trusted_comment = trusted_comment;
    auto written = ops::sign_file(file, secret, options);
    std::cout << text::escaped(written.string()) << ": signed " << text::escaped(file) << " with key "
              << ops::key_id_hex(secret.key_id) << "\n";
    return kExitOk;
  } catch (const ops::MinisignError& e) {
    std::cerr << "kioskctl: " << text::escaped(e.what()) << "\n";
    return kExitProblems;
  }
}

int cmd_verify(const Args& args) {
  std::string file;
  std::vector<std::string> key_files, key_strings;
  for (size_t i = 0; i < args.size(); ++i) {
    std::string value;
    if (args[i] == "-p") {
      if (!take_value(args, i, value)) return usage("verify: -p needs a PUBKEY file");
      key_files.push_back(value);
    } else if (args[i] == "-P") {
      if (!take_value(args, i, value)) return usage("verify: -P needs a base64 public key");
      key_strings.push_back(value);
    } else if (args[i].size() > 1 && args[i][0] == '-') {
      return usage("verify: unknown option '" + args[i] + "'");
    } else if (file.empty()) {
      file = args[i];
    } else {
      return usage("verify: unexpected argument '" + args[i] + "'");
    }
  }
  if (file.empty()) return usage("verify needs a FILE");
  if (key_files.empty() && key_strings.empty()) return usage("verify needs -p PUBKEY or -P BASE64KEY");
  std::vector<ops::MinisignPublicKey> trusted;
  try {
    for (const auto& f : key_files) trusted.push_back(ops::read_public_key_file(f));
    for (const auto& s : key_strings) trusted.push_back(ops::parse_public_key(s, "public key given with -P"));
  } catch (const ops::MinisignError& e) {
    std::cerr << "kioskctl: " << e.what() << "\n";
    return kExitProblems;
  }
  auto result = ops::verify_file(file, trusted);
  if (!result.ok()) {
    std::cerr << "kioskctl: " << text::escaped(ops::explain_mismatch(result, file)) << "\n";
    return kExitProblems;
  }
  std::cout << text::escaped(file) << ": signature ok, key " << result.key_id
            << (result.legacy ? " (legacy signature)" : "") << ", trusted comment: " << result.trusted_comment << "\n";
  return kExitOk;
}

}  // namespace kiosk::tools
