#include "kiosk/ops/inbox.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <ctime>
#include <optional>

#include "kiosk/base/errors.h"
#include "kiosk/base/fd.h"

namespace kiosk::ops {
namespace {

namespace fs = std::filesystem;
using std::chrono::milliseconds;

constexpr std::string_view kBundle = ".bundle", kSignature = ".minisig", kRefused = ".refused";

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// Nanoseconds since the epoch of the latest change to the inode: its data (mtime) or
// anything about it (ctime, which no copy tool can set back).
int64_t last_change_ns(const struct stat& st) {
  auto ns = [](const timespec& t) { return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec; };
  return std::max(ns(st.st_mtim), ns(st.st_ctim));
}

int64_t now_ns() {
  timespec t{};
  ::clock_gettime(CLOCK_REALTIME, &t);
  return static_cast<int64_t>(t.tv_sec) * 1000000000 + t.tv_nsec;
}

// A name that fits beside NAME_MAX once `tail` is added, cut at a character boundary.
std::string fitting(const std::string& name, std::string_view tail) {
  if (name.size() + tail.size() <= NAME_MAX) return name + std::string(tail);
  size_t keep = NAME_MAX - tail.size();
  while (keep > 0 && (static_cast<unsigned char>(name[keep]) & 0xC0) == 0x80) --keep;
  return name.substr(0, keep) + std::string(tail);
}

class InboxPass {
 public:
  InboxPass(const StateDir& state, const InstallOptions& options, const SignatureCheck& check, milliseconds settle)
      : state_(state), options_(options), check_(check), settle_ns_(settle.count() * 1000000) {}

  InboxReport run() {
    struct stat inbox {};
    if (::lstat(state_.inbox().c_str(), &inbox) != 0 && errno == ENOENT) return {};  // nothing can be waiting
    try {
      StateLock lock(state_, options_.lock_wait);
      remove_unfinished_copies(state_, lock);  // left by an install killed at its last start
      dir_.reset(::open(state_.inbox().c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
      if (!dir_) {
        if (errno != ENOENT) note(state_.inbox().string(), std::string("cannot be read: ") + base::errno_text(errno));
        return std::move(report_);
      }
      for (const auto& entry : waiting()) try_entry(entry, lock);
    } catch (const std::exception& e) {
      note(state_.inbox().string(), e.what());
      report_.retry_in = std::max(report_.retry_in, milliseconds(5000));
    } catch (...) {
      note(state_.inbox().string(), "an unexpected error; the inbox is looked at again later");
      report_.retry_in = std::max(report_.retry_in, milliseconds(5000));
    }
    return std::move(report_);
  }

 private:
  struct Entry {
    std::string name;
    struct stat st;
  };

  void note(const std::string& name, const std::string& why) { report_.set_aside.push_back(name + ": " + why); }

  std::optional<struct stat> look(const std::string& name) {
    struct stat st {};
    if (::fstatat(dir_.get(), name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0) return std::nullopt;
    return st;
  }

  std::vector<std::string> names() {
    std::vector<std::string> found;
    int copy = ::dup(dir_.get());
    DIR* d = copy >= 0 ? ::fdopendir(copy) : nullptr;
    if (!d) {
      if (copy >= 0) ::close(copy);
      note(state_.inbox().string(), std::string("cannot be listed: ") + base::errno_text(errno));
      return found;
    }
    ::rewinddir(d);  // the copy shares its offset with every earlier listing
    while (auto* e = ::readdir(d)) found.emplace_back(e->d_name);
    ::closedir(d);
    return found;
  }

  // The bundles to try, oldest first; refused ones whose signature has since been
  // replaced are put back first.
  std::vector<Entry> waiting() {
    for (const auto& name : names())
      if (name[0] != '.' && ends_with(name, std::string(kBundle) + std::string(kRefused))) retry_if_resigned(name);
    std::vector<Entry> entries;
    for (const auto& name : names()) {
      if (name[0] == '.' || !ends_with(name, kBundle)) continue;
      if (auto st = look(name))
        entries.push_back({name, *st});
      else
        note(name, std::string("cannot be looked at: ") + base::errno_text(errno) + "; skipped");
    }
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return last_change_ns(a.st) < last_change_ns(b.st); });
    return entries;
  }

  void retry_if_resigned(const std::string& refused_name) {
    std::string bundle = refused_name.substr(0, refused_name.size() - kRefused.size());
    auto refused = look(refused_name), signature = look(bundle + std::string(kSignature));
    if (!refused || !signature || look(bundle) || !S_ISREG(refused->st_mode) || !S_ISREG(signature->st_mode)) return;
    if (last_change_ns(*signature) > last_change_ns(*refused))
      ::renameat(dir_.get(), refused_name.c_str(), dir_.get(), bundle.c_str());
  }

  // Renames NAME out of the way (NAME.refused, or NAME.refused-2... if that is taken), so
  // that it is not tried again; what cannot be renamed is removed, for the same reason.
  // Returns the new name, or why there is none.
  std::string rename_aside(const std::string& name) {
    for (int n = 1; n <= 9; ++n) {
      std::string to = fitting(name, n == 1 ? std::string(kRefused) : std::string(kRefused) + "-" + std::to_string(n));
      if (::renameat2(dir_.get(), name.c_str(), dir_.get(), to.c_str(), RENAME_NOREPLACE) == 0)
        return "set aside as " + to;
      if (errno != EEXIST) break;
    }
    std::string why = base::errno_text(errno);
    if (::unlinkat(dir_.get(), name.c_str(), 0) == 0 || ::unlinkat(dir_.get(), name.c_str(), AT_REMOVEDIR) == 0)
      return "removed (it could not be set aside: " + why + ")";
    return "left in place (it could neither be set aside nor removed: " + why + ")";
  }

  void set_aside(const std::string& name, const std::string& why) { note(name, why + "; " + rename_aside(name)); }

  void try_entry(const Entry& entry, const StateLock& lock) {
    const std::string& name = entry.name;
    if (!S_ISREG(entry.st.st_mode))
      return set_aside(name, std::string("not a regular file (") + file_kind(entry.st.st_mode) + ")");
    if (entry.st.st_nlink > 1) return set_aside(name, "has other hard links; only a copy is installed");
    std::string signature = name + std::string(kSignature);
    std::optional<struct stat> sig;
    if (signature.size() > NAME_MAX) {
      if (!options_.allow_unsigned)
        return set_aside(name, "its name leaves no room for its signature's (.minisig) within 255 bytes");
    } else {
      sig = look(signature);
      if (!sig && errno != ENOENT)
        return set_aside(name, std::string("its signature cannot be looked at: ") + base::errno_text(errno));
      if (sig && !S_ISREG(sig->st_mode)) {
        set_aside(signature, std::string("not a regular file (") + file_kind(sig->st_mode) + ")");
        return set_aside(name, "its signature is not a regular file");
      }
      if (!sig && !options_.allow_unsigned) return;  // its signature may still be on its way
    }
    int64_t changed = std::max(last_change_ns(entry.st), sig ? last_change_ns(*sig) : 0);
    if (int64_t still = changed + settle_ns_ - now_ns(); still > 0) {
      // Still being written, or only just finished: look again once it has settled.
      report_.retry_in = std::max(report_.retry_in, milliseconds(still / 1000000 + 50));
      return;
    }
    fs::path file = state_.inbox() / name;
    auto result = install_bundle_locked(file, state_, options_, check_, Links::Refuse, lock);
    if (result.ok) {
      ::unlinkat(dir_.get(), name.c_str(), 0);
      if (sig) ::unlinkat(dir_.get(), signature.c_str(), 0);
    } else {
      rename_aside(name);
    }
    report_.installs.push_back({file, result});
  }

  const StateDir& state_;
  const InstallOptions& options_;
  const SignatureCheck& check_;
  int64_t settle_ns_;
  base::Fd dir_;
  InboxReport report_;
};

}  // namespace

InboxReport process_inbox(const StateDir& state, const InstallOptions& options, const SignatureCheck& check_signature,
                          milliseconds settle) {
  return InboxPass(state, options, check_signature, settle).run();
}

}  // namespace kiosk::ops
