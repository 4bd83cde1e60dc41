#pragma once
// What the installer's tests share: a signature check that accepts anything, options that
// allow unsigned bundles, and copies of the tiny bundle under other version numbers.

#include <cstdint>
#include <filesystem>
#include <string>

#include "bundle_fixture.h"
#include "kiosk/ops/installer.h"

inline const kiosk::ops::SignatureCheck kNoSignature = [](const std::filesystem::path&, const std::filesystem::path&) {
  return std::string();
};

inline kiosk::ops::InstallOptions unsigned_ok() {
  kiosk::ops::InstallOptions o;
  o.allow_unsigned = true;
  return o;
}

// A copy of the tiny bundle with another version number.
inline std::filesystem::path version_of_tiny(const ScratchDir& dir, int64_t version) {
  auto path = dir.copy_of_tiny("tiny-v" + std::to_string(version) + ".bundle");
  tamper(path, "UPDATE bundle SET version = " + std::to_string(version));
  return path;
}
