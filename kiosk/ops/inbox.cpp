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
#include "kiosk/base/utc_time.h"
#include "kiosk/ops/inbox_refusals.h"
#include "kiosk/text/utf8.h"

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

std::string utc_now() {
  return base::utc_stamp(std::time(nullptr));
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
  InboxPass(const StateDir& state, const InstallOptions& options, const SignatureCheck& check, milliseconds settle,
            milliseconds signature_wait)
      : state_(state),
        options_(options),
        check_(check),
        settle_ns_(settle.count() * 1000000),
        signature_wait_ns_(signature_wait.count() * 1000000) {}

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
      records_ = read_refusals(state_);
      for (const auto& entry : waiting()) try_entry(entry, lock);
      keep_few_refused();
      if (records_changed_) write_refusals(state_, records_);
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
      if (name[0] != '.' && is_refused_name(name) &&
          ends_with(name.substr(0, name.rfind(std::string(kRefused))), kBundle))
        retry_if_resigned(name);
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

  std::vector<Refusal>::iterator record_of(const struct stat& st) {
    return std::find_if(records_.begin(), records_.end(),
                        [&](const Refusal& r) { return r.inode == static_cast<uint64_t>(st.st_ino); });
  }

  // A refused bundle is put back to be tried again when its signature was replaced since,
  // or when the bundle itself changed since it was set aside: a copy that stalled for
  // longer than the settle time was tried half-written, and has gone on being written.
  void retry_if_resigned(const std::string& refused_name) {
    std::string bundle = refused_name.substr(0, refused_name.rfind(std::string(kRefused)));
    auto refused = look(refused_name), signature = look(bundle + std::string(kSignature));
    if (!refused || look(bundle) || !S_ISREG(refused->st_mode)) return;
    auto record = record_of(*refused);
    bool written_since = record != records_.end() && record->change_ns != last_change_ns(*refused);
    bool resigned = signature && S_ISREG(signature->st_mode) && last_change_ns(*signature) > last_change_ns(*refused);
    if (!written_since && !resigned) return;
    if (::renameat(dir_.get(), refused_name.c_str(), dir_.get(), bundle.c_str()) == 0 && record != records_.end()) {
      records_.erase(record);
      records_changed_ = true;
    }
  }

  // Remembers what was set aside, as it is now: any later change to it is someone writing.
  void remember_refusal(const std::string& aside, const std::string& what) {
    auto st = look(aside);
    if (!st) return;
    if (S_ISREG(st->st_mode)) {
      // A change of its own, so that the change time recorded is later than any write
      // before the refusal even where a rename leaves the change time alone. If that fails,
      // the change time as it is still tells a later write.
      if (::fchmodat(dir_.get(), aside.c_str(), st->st_mode & 07777, 0) == 0) st = look(aside);
      if (!st) return;
    }
    if (auto old = record_of(*st); old != records_.end()) records_.erase(old);
    records_.push_back({static_cast<uint64_t>(st->st_ino), last_change_ns(*st), utc_now(), text::escaped(what)});
    records_changed_ = true;
  }

  // At most kRefusedKept refused entries stay, the newest; what cannot be removed (a
  // folder with something in it) stays too. Records of entries gone are dropped.
  void keep_few_refused() {
    std::vector<Entry> refused;
    for (const auto& name : names())
      if (name[0] != '.' && is_refused_name(name))
        if (auto st = look(name)) refused.push_back({name, *st});
    std::sort(refused.begin(), refused.end(),
              [](const Entry& a, const Entry& b) { return last_change_ns(a.st) < last_change_ns(b.st); });
    size_t left = refused.size();
    for (auto it = refused.begin(); left > kRefusedKept && it != refused.end(); ++it) {
      bool removed = ::unlinkat(dir_.get(), it->name.c_str(), S_ISDIR(it->st.st_mode) ? AT_REMOVEDIR : 0) == 0;
      if (!removed) continue;
      --left;
      // The signature left beside a bundle that is gone, unless that bundle waits again.
      std::string bundle = it->name.substr(0, it->name.rfind(std::string(kRefused)));
      if (ends_with(bundle, kBundle) && !look(bundle) && !look(bundle + std::string(kRefused)))
        if (auto sig = look(bundle + std::string(kSignature)); sig && S_ISREG(sig->st_mode))
          ::unlinkat(dir_.get(), (bundle + std::string(kSignature)).c_str(), 0);
      it->name.clear();
    }
    size_t before = records_.size();
    records_.erase(std::remove_if(records_.begin(), records_.end(),
                                  [&](const Refusal& r) {
                                    return std::none_of(refused.begin(), refused.end(), [&](const Entry& e) {
                                      return !e.name.empty() && static_cast<uint64_t>(e.st.st_ino) == r.inode;
                                    });
                                  }),
                   records_.end());
    if (records_.size() != before) records_changed_ = true;
  }

  // Renames NAME out of the way (NAME.refused, or NAME.refused-2... if that is taken), so
  // that it is not tried again; what cannot be renamed is removed, for the same reason.
  // `refusal` ("NAME: reason") is remembered with it. Returns the new name, or why there is none.
  std::string rename_aside(const std::string& name, const std::string& refusal) {
    for (int n = 1; n <= 9; ++n) {
      std::string to = fitting(name, n == 1 ? std::string(kRefused) : std::string(kRefused) + "-" + std::to_string(n));
      if (::renameat2(dir_.get(), name.c_str(), dir_.get(), to.c_str(), RENAME_NOREPLACE) == 0) {
        remember_refusal(to, refusal);
        return "set aside as " + to;
      }
      if (errno != EEXIST) break;
    }
    std::string why = base::errno_text(errno);
    if (::unlinkat(dir_.get(), name.c_str(), 0) == 0 || ::unlinkat(dir_.get(), name.c_str(), AT_REMOVEDIR) == 0)
      return "removed (it could not be set aside: " + why + ")";
    return "left in place (it could neither be set aside nor removed: " + why + ")";
  }

  void set_aside(const std::string& name, const std::string& why) {
    note(name, why + "; " + rename_aside(name, name + ": " + why));
  }

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
      if (!sig && !options_.allow_unsigned) {
        // Its signature may still be on its way; not for ever.
        int64_t still = last_change_ns(entry.st) + signature_wait_ns_ - now_ns();
        if (still <= 0)
          return set_aside(name, "no signature (" + signature + ") arrived within " + wait_text() +
                                     "; it is tried again when one does");
        report_.retry_in = std::max(report_.retry_in, milliseconds(still / 1000000 + 50));
        return;
      }
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
      // The message names the inbox's path; the record names the file as it lies there.
      std::string where = (state_.inbox() / "").string();
      rename_aside(name, result.message.rfind(where, 0) == 0 ? result.message.substr(where.size()) : result.message);
    }
    report_.installs.push_back({file, result});
  }

  const StateDir& state_;
  const InstallOptions& options_;
  const SignatureCheck& check_;
  int64_t settle_ns_;
  int64_t signature_wait_ns_;

  std::string wait_text() const {
    int64_t seconds = signature_wait_ns_ / 1'000'000'000;
    return seconds >= 60 && seconds % 60 == 0 ? std::to_string(seconds / 60) + " minutes"
                                              : std::to_string(seconds) + " s";
  }
  base::Fd dir_;
  InboxReport report_;
  std::vector<Refusal> records_;
  bool records_changed_ = false;
};

}  // namespace

InboxReport process_inbox(const StateDir& state, const InstallOptions& options, const SignatureCheck& check_signature,
                          milliseconds settle, milliseconds signature_wait) {
  return InboxPass(state, options, check_signature, settle, signature_wait).run();
}

}  // namespace kiosk::ops
