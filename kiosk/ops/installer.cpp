#include "kiosk/ops/installer.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>

#include "kiosk/content/bundle.h"
#include "kiosk/content/sha256.h"
#include "kiosk/content/validate.h"
#include "kiosk/ops/durable_file.h"

namespace kiosk::ops {
namespace {

namespace fs = std::filesystem;

fs::path signature_of(const fs::path& bundle) {
  return bundle.string() + ".minisig";
}

std::optional<content::BundleInfo> info_of(const fs::path& bundle) {
  try {
    return content::Bundle::open(bundle).info();
  } catch (const content::BundleError&) {
    return std::nullopt;
  }
}

void ensure_writable(const StateDir& state) {
  std::error_code ec;
  fs::create_directories(state.bundles(), ec);
  if (!ec) fs::create_directories(state.inbox(), ec);
  if (ec) throw FileError(state.root.string() + ": cannot create the state directory: " + ec.message());
  if (::access(state.bundles().c_str(), W_OK) != 0 || ::access(state.root.c_str(), W_OK) != 0)
    throw FileError(state.root.string() + ": the state directory is not writable");
}

// Leftovers of an install that was killed half way.
void remove_incoming(const StateDir& state) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(state.bundles(), ec))
    if (entry.path().filename().string().rfind(".incoming-", 0) == 0) fs::remove(entry.path(), ec);
}

bool locked_by_someone(const fs::path& bundle) {
  int fd = ::open(bundle.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  bool busy = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
  ::close(fd);
  return busy;
}

void prune(const StateDir& state, int keep) {
  auto current = state.target(state.current()), previous = state.target(state.previous());
  std::vector<fs::directory_entry> bundles;
  for (const auto& entry : fs::directory_iterator(state.bundles()))
    if (entry.path().extension() == ".bundle" && entry.path().filename().string()[0] != '.') bundles.push_back(entry);
  std::sort(bundles.begin(), bundles.end(),
            [](const auto& a, const auto& b) { return a.last_write_time() > b.last_write_time(); });
  int kept = 0;
  for (const auto& entry : bundles) {
    const fs::path& p = entry.path();
    if ((current && fs::equivalent(p, *current)) || (previous && fs::equivalent(p, *previous))) continue;
    if (kept < keep || locked_by_someone(p)) {
      ++kept;
      continue;
    }
    std::error_code ec;
    fs::remove(p, ec);
    fs::remove(signature_of(p), ec);
  }
}

InstallResult failed(const StateDir& state, const fs::path& file, const std::string& why) {
  state.record("install failed " + file.string() + ": " + why);
  return {false, why, {}, 0};
}

}  // namespace

InstallResult install_bundle(const fs::path& file, const StateDir& state, const InstallOptions& options,
                             const SignatureCheck& check_signature) {
  fs::path incoming, incoming_sig;
  auto cleanup = [&] {
    std::error_code ec;
    if (!incoming.empty()) fs::remove(incoming, ec);
    if (!incoming_sig.empty()) fs::remove(incoming_sig, ec);
  };
  try {
    test_step("check");
    ensure_writable(state);
    remove_incoming(state);
    std::string tag = ".incoming-" + std::to_string(::getpid());
    incoming = state.bundles() / (tag + ".bundle");
    incoming_sig = signature_of(incoming);

    test_step("copy");
    copy_durably(file, incoming);
    bool has_signature = fs::exists(signature_of(file));
    if (has_signature) copy_durably(signature_of(file), incoming_sig);

    test_step("verify");
    if (!options.allow_unsigned) {
      if (!has_signature)
        throw FileError(file.string() + ": not signed (no " + signature_of(file).filename().string() + ")");
      std::string why = check_signature(incoming, incoming_sig);
      if (!why.empty()) throw FileError(file.string() + ": " + why);
    }
    auto problems = content::validate_bundle(incoming);
    if (!problems.empty()) {
      std::string first = problems.front().substr(problems.front().find(": ") + 2);
      throw FileError(file.string() + ": does not validate: " + first +
                      (problems.size() > 1 ? " (and " + std::to_string(problems.size() - 1) + " more)" : ""));
    }
    auto info = *info_of(incoming);
    if (auto current = state.target(state.current()); current && !options.allow_downgrade) {
      if (auto installed = info_of(*current); installed && info.version <= installed->version)
        throw FileError(file.string() + ": version " + std::to_string(info.version) +
                        " is not newer than the installed version " + std::to_string(installed->version) +
                        " (--allow-downgrade installs it anyway)");
    }

    test_step("rename");
    std::string name = info.id + "-v" + std::to_string(info.version) + "-" +
                       content::sha256_file_hex(incoming).substr(0, 8) + ".bundle";
    fs::path final_path = state.bundles() / name;
    if (has_signature) rename_durably(incoming_sig, signature_of(final_path));
    rename_durably(incoming, final_path);
    incoming.clear();
    incoming_sig.clear();

    test_step("link");
    fs::path relative = fs::path("bundles") / name;
    auto old = state.target(state.current());
    if (old && !fs::equivalent(*old, final_path)) replace_symlink(state.previous(), fs::relative(*old, state.root));
    replace_symlink(state.current(), relative);

    test_step("prune");
    prune(state, options.keep);
    state.record("install ok " + name + " version " + std::to_string(info.version) +
                 (has_signature ? " signed" : " unsigned"));
    return {true, "installed " + name + " (version " + std::to_string(info.version) + ")", final_path, info.version};
  } catch (const FileError& e) {
    cleanup();
    return failed(state, file, e.what());
  } catch (const std::filesystem::filesystem_error& e) {
    cleanup();
    return failed(state, file, e.what());
  }
}

InstallResult rollback(const StateDir& state) {
  auto current = state.target(state.current());
  auto previous = state.target(state.previous());
  if (!previous || !fs::exists(*previous)) {
    state.record("rollback failed: there is no previous bundle");
    return {false, "there is no previous bundle to roll back to", {}, 0};
  }
  auto info = info_of(*previous);
  if (!info) {
    state.record("rollback failed: the previous bundle cannot be opened");
    return {false, previous->string() + ": the previous bundle cannot be opened", {}, 0};
  }
  try {
    test_step("link");
    replace_symlink(state.current(), fs::relative(*previous, state.root));
    if (current) replace_symlink(state.previous(), fs::relative(*current, state.root));
  } catch (const FileError& e) {
    state.record(std::string("rollback failed: ") + e.what());
    return {false, e.what(), {}, 0};
  }
  state.record("rollback ok " + previous->filename().string() + " version " + std::to_string(info->version));
  return {true, "rolled back to " + previous->filename().string() + " (version " + std::to_string(info->version) + ")",
          *previous, info->version};
}

Status read_status(const StateDir& state) {
  Status status;
  auto current = state.target(state.current()), previous = state.target(state.previous());
  std::error_code ec;
  std::vector<fs::path> paths;
  for (const auto& entry : fs::directory_iterator(state.bundles(), ec))
    if (entry.path().extension() == ".bundle" && entry.path().filename().string()[0] != '.')
      paths.push_back(entry.path());
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    InstalledBundle b;
    b.path = p;
    b.signed_ = fs::exists(signature_of(p));
    b.current = current && fs::equivalent(p, *current, ec);
    b.previous = previous && fs::equivalent(p, *previous, ec);
    try {
      auto info = content::Bundle::open(p).info();
      b.id = info.id;
      b.version = info.version;
    } catch (const content::BundleError& e) {
      b.problem = e.what();
    }
    if (b.current) status.current = b;
    if (b.previous) status.previous = b;
    status.bundles.push_back(b);
  }
  status.history = state.history_lines(10);
  return status;
}

int hold_open(const fs::path& bundle) {
  int fd = ::open(bundle.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  if (::flock(fd, LOCK_SH | LOCK_NB) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

}  // namespace kiosk::ops
