#pragma once
// The highest bundle version ever installed in a state directory (STATE/highest-version),
// so that a rollback does not open the way to installing any older signed bundle: an
// install must be above it unless the operator says --allow-downgrade, as TUF requires.
// The record only ever grows; a state directory without one (made by an older version)
// counts the versions of `current` and `previous` instead.

#include <cstdint>
#include <optional>

#include "kiosk/ops/state_dir.h"

namespace kiosk::ops {

// The recorded version, or nothing when there is no record. Throws FileError naming the
// file when it exists but cannot be read or holds anything but one version number: a
// damaged record must refuse installs, never silently allow a downgrade.
std::optional<int64_t> read_highest_version(const StateDir& state);

// Writes `version` durably (temporary file, fsync, rename, fsync of the directory) if it
// is above what is recorded, or whatever the old record holds when `replace_damaged`.
// Throws FileError.
void raise_highest_version(const StateDir& state, int64_t version, bool replace_damaged);

}  // namespace kiosk::ops
