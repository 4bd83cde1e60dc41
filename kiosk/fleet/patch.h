#pragma once
// Patches between two bundles in zstd's own format, as `zstd --patch-from=OLD NEW` makes
// them: the new bundle compressed with the old one as its dictionary (a prefix) and a
// window wide enough to reach back across it. A kiosk that holds the old bundle
// downloads the patch instead of the whole new one; `zstd -d --patch-from=OLD --long=N`
// applies it too. Throws PatchError naming the file and the reason.

#include <cstdint>
#include <filesystem>
#include <stdexcept>

namespace kiosk::fleet {

struct PatchError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Writes the patch from `old_file` to `new_file` atomically at `patch_file`.
void make_patch(const std::filesystem::path& old_file, const std::filesystem::path& new_file,
                const std::filesystem::path& patch_file);

// Applies `patch_file` to `old_file` and writes the result to `out_file` (not atomically:
// the caller checks it and renames it). Stops with PatchError as soon as the output
// would exceed `max_size` bytes, so a hostile patch cannot fill the disk.
void apply_patch(const std::filesystem::path& old_file, const std::filesystem::path& patch_file,
                 const std::filesystem::path& out_file, int64_t max_size);

// The window (log2 bytes) a patch between files of these sizes needs; what `--long=`
// must be given to apply it with the zstd tool.
int patch_window_log(int64_t old_size, int64_t new_size);

}  // namespace kiosk::fleet
