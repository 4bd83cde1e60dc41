#pragma once
// Writing files so that a crash or a power cut at any moment leaves the old file or the
// whole new one, never a part: the data goes to a temporary file beside the final one,
// is fsynced, renamed into place, and the rename fsynced through the directory.
// Everything here throws FileError naming the file, the step and errno's text.

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>

#include "kiosk/base/fd.h"

namespace kiosk::base {

// A file being written under a temporary name beside its final one; commit() makes it
// the final file, and destruction without commit() removes it.
class AtomicFile {
 public:
  enum class Existing { Replace, Keep };  // Keep: commit() refuses to replace a file already there

  // The temporary file is created (O_EXCL, never through a link) in the directory open as
  // `dir`, which is borrowed and must outlive this; `label` names that directory in
  // messages. Its name is unique (".NAME.tmp-XXXXXX"), or `fixed_temp` when given: a
  // leftover of that name from a killed writer is replaced, so only one writer may use it.
  AtomicFile(int dir, std::string label, std::string name, mode_t mode, std::string fixed_temp = {});
  // The same beside `path`, whose directory it opens itself.
  AtomicFile(const std::filesystem::path& path, mode_t mode, std::string fixed_temp = {});
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // For what write() does not do (fchown, copying from another descriptor).
  int fd() const { return file_.get(); }
  const std::string& temp_name() const { return temp_; }
  // Writes all of `bytes`, retrying short writes and EINTR.
  void write(std::string_view bytes);
  // fsync, close, rename (or link, with Keep) into place, fsync the directory.
  void commit(Existing existing = Existing::Replace);

 private:
  AtomicFile(Fd own_dir, int dir, std::string label, std::string name, mode_t mode, std::string fixed_temp);
  static Fd open_parent(const std::filesystem::path& path);
  [[noreturn]] void fail(const char* what, int error);
  std::string where(const std::string& file) const;

  Fd own_dir_;
  int dir_ = -1;
  std::string label_, name_, temp_;
  Fd file_;
  bool committed_ = false;
};

// Writes `bytes` to `path` atomically and durably, with permissions `mode` whatever the
// umask. With overwrite == false an existing `path` is left alone and the call throws.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes, mode_t mode,
                           bool overwrite = true);

// fsyncs a finished file that someone else wrote (SQLite's VACUUM INTO).
void fsync_file(const std::filesystem::path& file);
void fsync_directory(const std::filesystem::path& dir);
// rename(2), then fsync of `to`'s directory; `from` must already be fsynced.
void rename_durably(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace kiosk::base
