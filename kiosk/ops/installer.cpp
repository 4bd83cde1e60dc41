#include "kiosk/ops/installer.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

#include "kiosk/base/errors.h"
#include "kiosk/content/bundle.h"
#include "kiosk/content/sha256.h"
#include "kiosk/content/validate.h"
#include "kiosk/ops/durable_file.h"
#include "kiosk/ops/highest_version.h"
#include "kiosk/ops/inbox_refusals.h"
#include "kiosk/ops/minisign.h"
#include "kiosk/ops/partial_file.h"

namespace kiosk::ops {
namespace {

namespace fs = std::filesystem;

constexpr off_t kMaxSignatureBytes = 64 << 10;

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

// Makes DIR with MODE, or checks it is a real directory; `enforce` also resets the mode
// of one that exists (an administrator may have opened the inbox to a share's group).
void make_directory(const StateDir& state, const fs::path& dir, mode_t mode, bool enforce) {
  if (::mkdir(dir.c_str(), mode) == 0) {
    state.adopt(dir);
    return;
  }
  if (errno != EEXIST) throw FileError(dir.string() + ": cannot create: " + base::errno_text(errno));
  struct stat st {};
  if (::lstat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode))
    throw FileError(dir.string() + ": is not a directory (" + file_kind(st.st_mode) + ")");
  if (enforce && (st.st_mode & 07777) != mode) ::chmod(dir.c_str(), mode);
}

// Returns whether it made the state directory itself. Only that last part of the path is
// made, never its parents: a mistyped path must not become a new tree of folders.
bool ensure_writable(const StateDir& state) {
  std::error_code ec;
  bool made = fs::create_directory(state.root, ec);
  if (ec == std::errc::no_such_file_or_directory)
    throw FileError(state.root.string() +
                    ": cannot create the state directory: the folder it would be in does not exist");
  if (ec) throw FileError(state.root.string() + ": cannot create the state directory: " + ec.message());
  if (::access(state.root.c_str(), W_OK) != 0)
    throw FileError(state.root.string() + ": the state directory is not writable");
  make_directory(state, state.bundles(), 0750, false);
  make_directory(state, state.inbox(), 0750, false);
  // Only the kiosk's user may enter: a copy being checked is nobody else's to read.
  make_directory(state, state.incoming(), 0700, true);
  if (::access(state.bundles().c_str(), W_OK) != 0)
    throw FileError(state.root.string() + ": the state directory is not writable");
  return made;
}

// The installed bundles (regular files named *.bundle), in name order; never throws.
std::vector<fs::path> installed_bundles(const StateDir& state) {
  std::vector<fs::path> found;
  std::error_code ec;
  for (fs::directory_iterator it(state.bundles(), ec), end; !ec && it != end; it.increment(ec)) {
    const auto& p = it->path();
    std::error_code kind;
    if (p.extension() == ".bundle" && p.filename().string()[0] != '.' && it->is_regular_file(kind) &&
        !it->is_symlink(kind))
      found.push_back(p);
  }
  std::sort(found.begin(), found.end());
  return found;
}

bool same_file(const fs::path& a, const std::optional<fs::path>& b) {
  std::error_code ec;
  return b && fs::equivalent(a, *b, ec);
}

fs::file_time_type written(const fs::path& p) {
  std::error_code ec;
  auto t = fs::last_write_time(p, ec);
  return ec ? fs::file_time_type::min() : t;
}

bool locked_by_someone(const fs::path& bundle) {
  int fd = ::open(bundle.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
  if (fd < 0) return false;
  bool busy = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
  ::close(fd);
  return busy;
}

void prune(const StateDir& state, int keep) {
  auto current = state.target(state.current()), previous = state.target(state.previous());
  auto bundles = installed_bundles(state);
  std::sort(bundles.begin(), bundles.end(), [](const auto& a, const auto& b) { return written(a) > written(b); });
  int kept = 0;
  for (const auto& p : bundles) {
    if (same_file(p, current) || same_file(p, previous)) continue;
    if (kept < keep || locked_by_someone(p)) {
      ++kept;
      continue;
    }
    std::error_code ec;
    fs::remove(p, ec);
    fs::remove(signature_of(p), ec);
  }
}

// A bundle's id becomes part of a file name: nothing that could leave the directory.
void check_id_names_a_file(const fs::path& file, const std::string& id) {
  bool ok = !id.empty() && id.size() <= 100 && id[0] != '.' && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
  if (!ok) throw FileError(file.string() + ": the bundle's id '" + id + "' cannot name a file");
}

InstallResult failed(const StateDir& state, const fs::path& file, const std::string& why) {
  // Most reasons start with the file already; it is named once.
  bool named = why.rfind(file.string(), 0) == 0;
  state.record("install failed " + (named ? why : file.string() + ": " + why));
  return {false, why, {}, 0};
}

// The check names the copies; the operator knows the files by their own names, and a line
// number in the signature must name the .minisig, not the bundle.
std::string about_originals(std::string why, const fs::path& copy, const fs::path& copy_sig, const fs::path& file) {
  auto replace = [&](const std::string& from, const std::string& to) {
    for (auto at = why.find(from); at != std::string::npos; at = why.find(from, at + to.size()))
      why.replace(at, from.size(), to);
  };
  replace(copy_sig.string(), signature_of(file).string());
  replace(copy.string(), file.string());
  if (why.rfind(file.string() + ":", 0) == 0 || why.rfind(signature_of(file).string() + ":", 0) == 0) return why;
  return file.string() + ": " + why;
}

void make_readable_by_group(const fs::path& p) {
  if (::chmod(p.c_str(), 0640) != 0) throw FileError(p.string() + ": cannot set its mode: " + base::errno_text(errno));
}

}  // namespace

void remove_unfinished_copies(const StateDir& state, const StateLock&) {
  std::error_code ec;
  for (fs::directory_iterator it(state.incoming(), ec), end; !ec && it != end; it.increment(ec)) {
    std::error_code ignored;
    fs::remove(it->path(), ignored);
  }
  // Where versions before the incoming directory left them.
  for (fs::directory_iterator it(state.bundles(), ec), end; !ec && it != end; it.increment(ec))
    if (it->path().filename().string().rfind(".incoming-", 0) == 0) {
      std::error_code ignored;
      fs::remove(it->path(), ignored);
    }
}

InstallResult install_bundle(const fs::path& file, const StateDir& state, const InstallOptions& options,
                             const SignatureCheck& check_signature, Links links) {
  bool made = false;
  InstallResult result;
  try {
    test_step("check");
    made = ensure_writable(state);
    StateLock lock(state, options.lock_wait);
    result = install_bundle_locked(file, state, options, check_signature, links, lock);
  } catch (const FileError& e) {
    result = failed(state, file, e.what());
  }
  result.made_state_dir = made;
  return result;
}

InstallResult install_bundle_locked(const fs::path& file, const StateDir& state, const InstallOptions& options,
                                    const SignatureCheck& check_signature, Links links, const StateLock& held) {
  fs::path incoming, incoming_sig;
  auto cleanup = [&] {
    std::error_code ec;
    if (!incoming.empty()) fs::remove(incoming, ec);
    if (!incoming_sig.empty()) fs::remove(incoming_sig, ec);
  };
  try {
    ensure_writable(state);
    remove_unfinished_copies(state, held);
    incoming = state.incoming() / (std::to_string(::getpid()) + ".bundle");
    incoming_sig = signature_of(incoming);

    test_step("copy");
    copy_durably(file, incoming, links, kMaxBundleBytes);
    state.adopt(incoming);
    struct stat sig {};
    bool has_signature = ::lstat(signature_of(file).c_str(), &sig) == 0;
    if (has_signature) {
      copy_durably(signature_of(file), incoming_sig, links, kMaxSignatureBytes);
      state.adopt(incoming_sig);
    }

    test_step("verify");
    if (!options.allow_unsigned) {
      if (auto why = signature_name_problem(file); !has_signature && !why.empty())
        throw FileError(file.string() + ": not signed: " + why);
      if (!has_signature)
        throw FileError(file.string() + ": not signed (no " + signature_of(file).filename().string() + ")");
      std::string why = check_signature(incoming, incoming_sig);
      if (!why.empty()) throw FileError(about_originals(why, incoming, incoming_sig, file));
    }
    // A bundle signed while it was still being written, or installed unsigned, is named as cut
    // short rather than as a database SQLite cannot read.
    if (auto incomplete = incomplete_file(incoming); !incomplete.empty())
      throw FileError(file.string() + ": " + incomplete);
    auto problems = content::validate_bundle(incoming, {}, options.report_sha256);
    if (!problems.empty()) {
      std::string first = problems.front().substr(problems.front().find(": ") + 2);
      throw FileError(file.string() + ": does not validate: " + first +
                      (problems.size() > 1 ? " (and " + std::to_string(problems.size() - 1) + " more)" : ""));
    }
    auto info = info_of(incoming);
    if (!info) throw FileError(file.string() + ": its copy could not be opened after it was checked");
    check_id_names_a_file(file, info->id);
    // The highest version this kiosk ever had, not only the current one: after a rollback
    // an older signed bundle is still a downgrade.
    int64_t current_version = 0, highest = 0;
    for (const auto& link : {state.current(), state.previous()})
      if (auto target = state.target(link))
        if (auto installed = info_of(*target)) {
          highest = std::max(highest, installed->version);
          if (link == state.current()) current_version = installed->version;
        }
    if (!options.allow_downgrade) {
      if (auto recorded = read_highest_version(state)) highest = std::max(highest, *recorded);
      if (info->version <= highest && highest == current_version)
        throw FileError(file.string() + ": version " + std::to_string(info->version) +
                        " is not newer than the installed version " + std::to_string(current_version) +
                        " (`kioskctl install --allow-downgrade FILE` installs it anyway)");
      if (info->version <= highest)
        throw FileError(file.string() + ": version " + std::to_string(info->version) +
                        " is not newer than the highest installed version " + std::to_string(highest) +
                        " (current is version " + std::to_string(current_version) +
                        "; `kioskctl rollback` returns to the previous one, `kioskctl install --allow-downgrade FILE` "
                        "installs this "
                        "anyway)");
    }

    test_step("rename");
    std::string name = info->id + "-v" + std::to_string(info->version) + "-" +
                       content::sha256_file_hex(incoming).substr(0, 8) + ".bundle";
    fs::path final_path = state.bundles() / name;
    make_readable_by_group(incoming);
    if (has_signature) {
      make_readable_by_group(incoming_sig);
      rename_durably(incoming_sig, signature_of(final_path));
    }
    rename_durably(incoming, final_path);
    incoming.clear();
    incoming_sig.clear();

    test_step("link");
    fs::path relative = fs::path("bundles") / name;
    auto old = state.target(state.current());
    if (old && !same_file(final_path, old)) replace_symlink(state.previous(), fs::relative(*old, state.root));
    replace_symlink(state.current(), relative);

    // After the switch: a kill before it leaves the new version counted as `current`, and a
    // record that cannot be written (a full disk) lags behind without undoing the install.
    test_step("record");
    std::string record_problem;
    try {
      raise_highest_version(state, std::max(highest, info->version), options.allow_downgrade);
    } catch (const FileError& e) {
      record_problem = e.what();
      state.record(std::string("highest-version not updated: ") + e.what());
    }

    test_step("prune");
    prune(state, options.keep);
    std::string key = has_signature ? signature_key_id(signature_of(final_path)) : "";
    state.record("install ok " + name + " version " + std::to_string(info->version) +
                 (!has_signature           ? " unsigned"
                  : options.allow_unsigned ? " signature not checked (allow_unsigned)"
                  : key.empty()            ? " signed"
                                           : " signed by key " + key));
    return {true,
            "installed " + name + " (version " + std::to_string(info->version) + ")" +
                (record_problem.empty() ? "" : "; but " + record_problem),
            final_path, info->version};
  } catch (const FileError& e) {
    cleanup();
    if (e.error() != ENOSPC && e.error() != EDQUOT) return failed(state, file, e.what());
    // The file that could not be written is ours; what the operator can act on is the state directory.
    return failed(state, file,
                  file.string() + ": the state directory " + state.root.string() + " is full (" +
                      base::errno_text(e.error()) + "); free space there, then install again");
  } catch (const std::filesystem::filesystem_error& e) {
    cleanup();
    return failed(state, file, e.what());
  }
}

InstallResult rollback(const StateDir& state, std::chrono::milliseconds lock_wait) {
  auto no_previous = [&] {
    std::error_code ec;
    auto previous = state.target(state.previous());
    return !previous || !fs::exists(*previous, ec);
  };
  // Looked at before the lock too: a state directory that was never used has no lock file.
  if (no_previous()) {
    state.record("rollback failed: there is no previous bundle");
    return {false, "there is no previous bundle to roll back to", {}, 0};
  }
  std::optional<StateLock> lock;
  try {
    lock.emplace(state, lock_wait);
  } catch (const FileError& e) {
    state.record(std::string("rollback failed: ") + e.what());
    return {false, e.what(), {}, 0};
  }
  if (no_previous()) {  // another rollback took it meanwhile
    state.record("rollback failed: there is no previous bundle");
    return {false, "there is no previous bundle to roll back to", {}, 0};
  }
  auto current = state.target(state.current());
  auto previous = state.target(state.previous());
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
  for (const auto& p : installed_bundles(state)) {
    InstalledBundle b;
    b.path = p;
    std::error_code ec;
    b.signed_ = fs::exists(signature_of(p), ec);
    if (b.signed_) b.key_id = signature_key_id(signature_of(p));
    b.current = same_file(p, current);
    b.previous = same_file(p, previous);
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
  for (const auto* b : {&status.current, &status.previous})
    if (*b && (*b)->problem.empty()) status.highest_version = std::max(status.highest_version, (*b)->version);
  try {
    if (auto recorded = read_highest_version(state))
      status.highest_version = std::max(status.highest_version, *recorded);
  } catch (const FileError& e) {
    status.highest_problem = e.what();
  }
  auto refused = refused_summary(state);
  status.refused = refused.count;
  status.newest_refusal = refused.newest;
  status.recent_refusals = refused.recent;
  return status;
}

std::string signature_key_id(const fs::path& signature) {
  base::Fd fd = open_regular(signature, O_RDONLY);
  if (!fd) return {};
  std::string text(kMaxSignatureBytes, '\0');
  ssize_t n = ::read(fd.get(), text.data(), text.size());
  text.resize(n > 0 ? static_cast<size_t>(n) : 0);
  try {
    return key_id_hex(parse_signature(text).key_id);
  } catch (const MinisignError&) {
    return {};
  }
}

base::Fd hold_open(const fs::path& bundle) {
  base::Fd fd(::open(bundle.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (fd && ::flock(fd.get(), LOCK_SH | LOCK_NB) != 0) fd.reset();
  return fd;
}

}  // namespace kiosk::ops
