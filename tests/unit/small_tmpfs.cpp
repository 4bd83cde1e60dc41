#include "small_tmpfs.h"

#include <sys/mount.h>

#include <cerrno>
#include <cstring>

SmallTmpfs::SmallTmpfs(const std::filesystem::path& where, size_t kib) : path(where) {
  std::filesystem::create_directories(path);
  std::string options = "size=" + std::to_string(kib) + "k";
  if (::mount("tmpfs", path.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) == 0)
    mounted_ = true;
  else
    why_not = std::strerror(errno);
}

SmallTmpfs::~SmallTmpfs() {
  if (mounted_) ::umount2(path.c_str(), MNT_DETACH);
}
