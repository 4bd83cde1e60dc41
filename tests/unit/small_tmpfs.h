#pragma once
// A tmpfs of a few KiB mounted for one test, to fail writes with a real ENOSPC. Mounting
// needs root (CI's container is root); elsewhere `mounted()` is false and the test says
// it was skipped.

#include <filesystem>
#include <string>

struct SmallTmpfs {
  SmallTmpfs(const std::filesystem::path& where, size_t kib);
  ~SmallTmpfs();
  SmallTmpfs(const SmallTmpfs&) = delete;
  SmallTmpfs& operator=(const SmallTmpfs&) = delete;
  bool mounted() const { return mounted_; }
  std::string why_not;  // mount(2)'s error when it could not be mounted
  std::filesystem::path path;

 private:
  bool mounted_ = false;
};
