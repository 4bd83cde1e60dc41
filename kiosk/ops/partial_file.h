#pragma once
// Why a bundle that does not match its signature may simply not all be there: an empty
// file, or an SQLite file shorter than its own header says (a copy still under way, or
// cut short). Only the 100-byte header is read, as bytes: a file that is not verified is
// never opened with SQLite (https://www.sqlite.org/fileformat.html, section 1.3).

#include <filesystem>
#include <string>

namespace kiosk::ops {

// "empty (0 bytes)", "truncated: N of M bytes, perhaps still being copied", or empty when
// the file is neither (or cannot be read: the caller's own check says why).
std::string incomplete_file(const std::filesystem::path& file);

}  // namespace kiosk::ops
