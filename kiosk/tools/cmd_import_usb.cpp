// kioskctl import-usb: a USB stick's signed bundles (NAME.bundle with NAME.bundle.minisig,
// in the stick's top folder) copied into the kiosk's inbox. Run as root by
// heping-kiosk-usb-import, which mounts the stick read-only first.
//
// The stick is not trusted: only regular files are copied, opened without following a
// symbolic link (O_NOFOLLOW, and the type checked with lstat before the open and fstat
// after it), never a FIFO or a device (O_NONBLOCK: an open never waits), never a file on
// another file system than the stick's top folder, never more than ops::kMaxBundleBytes or
// kMaxSignature bytes, and never a file that changed while it was copied. A name with a
// control character, or too long for the inbox's hidden names, is refused. The copies are
// the state directory owner's, mode 0600, written under hidden names (which the kiosk
// skips), fsynced, and renamed signature first; a copy that fails leaves nothing behind.
// The inbox is the kiosk user's, so it is never followed through a link either, and every
// name in it is opened relative to it. Imports into one inbox take turns (an flock on it).

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/base/atomic_file.h"
#include "kiosk/base/errors.h"
#include "kiosk/base/fd.h"
#include "kiosk/config/locations.h"
#include "kiosk/ops/installer.h"
#include "kiosk/text/utf8.h"
#include "kiosk/tools/commands.h"

namespace kiosk::tools {
namespace {

constexpr off_t kMaxSignature = off_t{64} << 10;
const std::string kBundleSuffix = ".bundle";
const std::string kSignatureSuffix = ".minisig";
const std::string kPartSuffix = ".part";
// The longest inbox name is ".NAME.minisig.part": it must fit in NAME_MAX.
constexpr size_t kMaxName = NAME_MAX - 1 - 8 - 5;

using base::errno_text;
using base::Fd;

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool same_times(const struct stat& a, const struct stat& b) {
  return a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec &&
         a.st_ctim.tv_sec == b.st_ctim.tv_sec && a.st_ctim.tv_nsec == b.st_ctim.tv_nsec;
}

struct Source {
  Fd fd;
  struct stat st {};
};

// Opens NAME in the stick's folder DIR (on device DEV) for copying, or says why not.
std::optional<Source> open_source(int dir, dev_t dev, const std::string& name, off_t limit, std::string& why) {
  struct stat before {};
  if (::fstatat(dir, name.c_str(), &before, AT_SYMLINK_NOFOLLOW) != 0) {
    why = "could not be opened: " + errno_text(errno);
    return std::nullopt;
  }
  if (S_ISLNK(before.st_mode)) {
    why = "is a symbolic link, which is never followed";
    return std::nullopt;
  }
  if (!S_ISREG(before.st_mode)) {
    why = S_ISDIR(before.st_mode) ? "is a directory, not a file" : "is not a regular file (a FIFO, socket or device)";
    return std::nullopt;
  }
  if (before.st_dev != dev) {
    why = "is on another file system than the stick";
    return std::nullopt;
  }
  if (before.st_size > limit) {
    why = "is larger than the limit of " + std::to_string(limit) + " bytes (" + std::to_string(before.st_size) + ")";
    return std::nullopt;
  }
  Source s;
  s.fd = Fd(::openat(dir, name.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
  if (!s.fd) {
    why = errno == ELOOP ? "is a symbolic link, which is never followed" : "could not be opened: " + errno_text(errno);
    return std::nullopt;
  }
  if (::fstat(s.fd.get(), &s.st) != 0) {
    why = "could not be opened: " + errno_text(errno);
    return std::nullopt;
  }
  if (!S_ISREG(s.st.st_mode) || s.st.st_dev != before.st_dev || s.st.st_ino != before.st_ino || s.st.st_size > limit) {
    why = "changed while it was opened";
    return std::nullopt;
  }
  return s;
}

// Copies SOURCE into OUT, the inbox's new file NAME (mode 0600, owner UID:GID) under the
// hidden name ".NAME.part", fsynced.
bool write_part(std::optional<base::AtomicFile>& out, int inbox, const std::string& inbox_name, const std::string& name,
                Source& source, uid_t uid, gid_t gid, std::string& why) {
  const std::string part = "." + name + kPartSuffix;
  try {
    // A leftover of an earlier import, or anything else of that name: replaced, not followed.
    out.emplace(inbox, inbox_name, name, 0600, part);
  } catch (const base::FileError& e) {
    why = "could not be written into the inbox as " + text::escaped(part) + ": " + errno_text(e.error());
    return false;
  }
  if (::fchown(out->fd(), uid, gid) != 0) {
    why = "could not be written into the inbox as " + text::escaped(part) + ": " + errno_text(errno);
    return false;
  }
  std::vector<char> buffer(1 << 20);
  off_t total = 0;
  for (;;) {
    ssize_t n = ::read(source.fd.get(), buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      why = "could not be read: " + errno_text(errno);
      return false;
    }
    if (n == 0) break;
    total += n;
    if (total > source.st.st_size) {
      why = "changed while it was copied (it grew)";
      return false;
    }
    for (ssize_t done = 0; done < n;) {
      ssize_t w = ::write(out->fd(), buffer.data() + done, static_cast<size_t>(n - done));
      if (w < 0 && errno == EINTR) continue;
      if (w < 0) {
        why = "could not be written into the inbox as " + text::escaped(part) + ": " + errno_text(errno);
        return false;
      }
      done += w;
    }
  }
  struct stat after {};
  if (::fstat(source.fd.get(), &after) != 0 || total != source.st.st_size || after.st_size != source.st.st_size ||
      !same_times(after, source.st)) {
    why = "changed while it was copied";
    return false;
  }
  if (::fsync(out->fd()) != 0) {
    why = "could not be written into the inbox as " + text::escaped(part) + ": " + errno_text(errno);
    return false;
  }
  return true;
}

// NAME's problem as a name on the stick, or "" for a good one.
std::string bad_name(const std::string& name) {
  for (unsigned char c : name)
    if (c < 0x20 || c == 0x7f) return "has a control character in its name";
  if (name.size() > kMaxName)
    return "has a name of " + std::to_string(name.size()) + " bytes; at most " + std::to_string(kMaxName) +
           " are copied";
  return "";
}

// The inbox of the state directory STATE, created if need be, as a directory opened
// without following a link and owned by STATE's owner. Returns -1 after a message.
Fd open_inbox(const std::string& state, uid_t& uid, gid_t& gid) {
  Fd state_fd(::open(state.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  struct stat st {};
  if (!state_fd || ::fstat(state_fd.get(), &st) != 0) {
    std::cerr << "kioskctl: the state directory " << state << ": " << errno_text(errno) << "\n";
    return Fd();
  }
  uid = st.st_uid;
  gid = st.st_gid;
  if (::mkdirat(state_fd.get(), "inbox", 0750) != 0 && errno != EEXIST) {
    std::cerr << "kioskctl: " << state << "/inbox: " << errno_text(errno) << "\n";
    return Fd();
  }
  Fd inbox(::openat(state_fd.get(), "inbox", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  if (!inbox || ::fstat(inbox.get(), &st) != 0) {
    std::cerr << "kioskctl: " << state << "/inbox: "
              << (errno == ELOOP || errno == ENOTDIR ? "not a directory (a link is never followed)" : errno_text(errno))
              << "\n";
    return Fd();
  }
  if ((st.st_uid != uid || st.st_gid != gid) && ::fchown(inbox.get(), uid, gid) != 0) {
    std::cerr << "kioskctl: " << state << "/inbox: " << errno_text(errno) << "\n";
    return Fd();
  }
  return inbox;
}

}  // namespace

int cmd_import_usb(const Args& args) {
  std::string mount_dir, error;
  config::Locations where;
  for (size_t i = 0; i < args.size(); ++i) {
    if (where.take(args, i, error)) {
      if (!error.empty()) return usage("import-usb: " + error);
    } else if (!args[i].empty() && args[i][0] != '-' && mount_dir.empty())
      mount_dir = args[i];
    else
      return usage("import-usb: unexpected argument '" + args[i] + "'");
  }
  if (mount_dir.empty()) return usage("import-usb needs MOUNTDIR");
  auto located = config::locate(where);
  for (const auto& p : located.loaded.problems) std::cerr << "kioskctl: config: " << p.to_string() << "\n";
  if (auto missing = config::missing_state_dir(located); !missing.empty()) {
    std::cerr << "kioskctl: " << missing << "\n";
    return kExitBadFile;
  }
  const std::string state_dir = located.state_dir().string();

  Fd top(::open(mount_dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  struct stat top_st {};
  if (!top || ::fstat(top.get(), &top_st) != 0) {
    std::cerr << "kioskctl: " << mount_dir << ": " << errno_text(errno) << "\n";
    return kExitBadFile;
  }
  uid_t uid = 0;
  gid_t gid = 0;
  Fd inbox = open_inbox(state_dir, uid, gid);
  if (!inbox) return kExitBadFile;
  // Two sticks at once (or one plugged twice) run two imports: they write the same hidden
  // names, so each would rename or truncate the other's copies (attacker review). They
  // take turns on an flock of the inbox itself, which the kiosk never takes: it goes on
  // reading the inbox meanwhile.
  while (::flock(inbox.get(), LOCK_EX) != 0) {
    if (errno == EINTR) continue;
    std::cerr << "kioskctl: " << state_dir << "/inbox: cannot be locked: " << errno_text(errno) << "\n";
    return kExitBadFile;
  }
  const std::string inbox_name = state_dir + "/inbox";

  std::vector<std::string> bundles;
  {
    DIR* dir = ::fdopendir(::dup(top.get()));
    if (!dir) {
      std::cerr << "kioskctl: " << mount_dir << ": " << errno_text(errno) << "\n";
      return kExitBadFile;
    }
    while (dirent* entry = ::readdir(dir)) {
      std::string name = entry->d_name;
      if (name[0] != '.' && ends_with(name, kBundleSuffix)) bundles.push_back(name);
    }
    ::closedir(dir);
  }
  std::sort(bundles.begin(), bundles.end());

  int copied = 0, refused = 0;
  for (const auto& name : bundles) {
    auto refuse = [&](const std::string& file, const std::string& why) {
      std::cerr << text::escaped(file) << " " << why << "; " << text::escaped(name) << " not copied\n";
      ++refused;
    };
    if (auto why = bad_name(name); !why.empty()) {
      refuse(name, why);
      continue;
    }
    const std::string signature = name + kSignatureSuffix;
    struct stat sig_st {};
    if (::fstatat(top.get(), signature.c_str(), &sig_st, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT) {
      std::cerr << text::escaped(name) << " has no signature (" << text::escaped(signature)
                << " beside it); not copied\n";
      continue;
    }
    std::string why;
    auto bundle_src = open_source(top.get(), top_st.st_dev, name, ops::kMaxBundleBytes, why);
    if (!bundle_src) {
      refuse(name, why);
      continue;
    }
    auto sig_src = open_source(top.get(), top_st.st_dev, signature, kMaxSignature, why);
    if (!sig_src) {
      refuse(signature, why);
      continue;
    }
    // Hidden names, which the inbox skips, then renamed signature first: the kiosk waits
    // for a bundle's signature, and never sees half a file.
    // Each part is removed by its AtomicFile unless it was renamed into place.
    std::optional<base::AtomicFile> sig_out, bundle_out;
    std::string failed_file = signature;
    bool ok = write_part(sig_out, inbox.get(), inbox_name, signature, *sig_src, uid, gid, why);
    if (ok) {
      failed_file = name;
      ok = write_part(bundle_out, inbox.get(), inbox_name, name, *bundle_src, uid, gid, why);
    }
    auto commit = [&](base::AtomicFile& file) {
      try {
        file.commit();
        return true;
      } catch (const base::FileError& e) {
        why = "could not be renamed in the inbox: " + errno_text(e.error());
        return false;
      }
    };
    if (ok) ok = commit(*sig_out);
    if (ok && !commit(*bundle_out)) {
      ok = false;
      ::unlinkat(inbox.get(), signature.c_str(), 0);
    }
    if (!ok) {
      refuse(failed_file, why);
      continue;
    }
    ++copied;
  }
  std::cout << copied << " signed bundle(s) copied into " << inbox_name;
  if (refused > 0) std::cout << "; " << refused << " refused";
  std::cout << "\n";
  return refused > 0 ? kExitProblems : kExitOk;
}

}  // namespace kiosk::tools
