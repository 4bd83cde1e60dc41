#pragma once
// File operations of the state directory that survive a crash or a power cut at any
// point: copies are fsynced before they are renamed into place (base::rename_durably),
// and links are switched by renaming a new link over the old one.

#include <sys/types.h>

#include <filesystem>
#include <limits>
#include <string>

#include "kiosk/base/atomic_file.h"
#include "kiosk/base/errors.h"
#include "kiosk/base/fd.h"

namespace kiosk::ops {

using base::FileError;
using base::fsync_directory;
using base::rename_durably;

enum class Links { Follow, Refuse };

// What kind of file MODE is, for a message: "a FIFO", "a symbolic link", "a regular file"...
const char* file_kind(mode_t mode);

// Opens a regular file without following a link or ever blocking (a FIFO in its place
// would wait for a peer). Returns the descriptor, or none for anything else, errno set.
base::Fd open_regular(const std::filesystem::path& path, int flags, mode_t create_mode = 0);

// Copies `from` to the new file `to` (which must not exist; created mode 0600) and
// fsyncs it. Only a regular file is copied: opening never blocks (a FIFO or a device is
// refused, not waited on), and with Links::Refuse a symbolic link is refused too. Refuses
// a source that changes size or modification time while it is copied (still being written),
// and one larger than `max_bytes` before a byte is copied.
void copy_durably(const std::filesystem::path& from, const std::filesystem::path& to, Links links = Links::Follow,
                  off_t max_bytes = std::numeric_limits<off_t>::max());
// Points `link` at `target` atomically: a temporary link renamed over it, then fsync.
void replace_symlink(const std::filesystem::path& link, const std::filesystem::path& target);

// For the kill-safety test: when KIOSK_TEST_STEP_DELAY_MS is set, names each step on
// stderr ("step NAME") and waits that long, so a test can kill the process at every step.
void test_step(const char* name);

}  // namespace kiosk::ops
