#include "kiosk/config/locations.h"

#include <sys/stat.h>

#include <cerrno>

#include "kiosk/base/errors.h"

namespace kiosk::config {

bool Locations::take(const std::vector<std::string>& args, size_t& i, std::string& error) {
  const auto& flag = args[i];
  if (flag != "--config" && flag != "--state-dir") return false;
  if (i + 1 >= args.size() || args[i + 1].empty()) {
    error = flag + " needs a value";
    return true;
  }
  (flag == "--config" ? config_file : state_dir) = args[++i];
  return true;
}

Located locate(const Locations& where) {
  Located out;
  out.config_file = where.config_file ? *where.config_file : default_config_path();
  out.loaded = load(out.config_file, where.config_file.has_value());
  if (where.state_dir) {
    out.loaded.config.state_dir = *where.state_dir;
    out.state_dir_source = "--state-dir";
  } else if (out.loaded.config.state_dir != Config{}.state_dir) {
    out.state_dir_source = "content.state_dir in " + out.config_file.string();
  } else {
    out.state_dir_source = "the default";
  }
  return out;
}

std::string missing_state_dir(const Located& located) {
  struct stat st {};
  const auto& dir = located.state_dir();
  if (::stat(dir.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return {};
    return dir.string() + ": not a directory, so it cannot be the state directory (from " + located.state_dir_source +
           ")";
  }
  if (errno == ENOENT)
    return dir.string() + ": the state directory does not exist (from " + located.state_dir_source + ")";
  return dir.string() + ": the state directory cannot be looked at: " + base::errno_text(errno) + " (from " +
         located.state_dir_source + ")";
}

std::string missing_state_dir_parent(const Located& located) {
  std::filesystem::path dir = located.state_dir();
  if (!dir.has_filename()) dir = dir.parent_path();  // "state/" names "state"
  struct stat st {};
  if (::stat(dir.c_str(), &st) == 0)
    return S_ISDIR(st.st_mode) ? std::string{} : missing_state_dir(located);  // a file where it belongs
  if (::lstat(dir.c_str(), &st) == 0 || errno != ENOENT) return {};
  auto parent = dir.parent_path();
  // Anything but a parent that is missing is the installer's to report, as it tries.
  if (parent.empty() || ::stat(parent.c_str(), &st) == 0 || errno != ENOENT) return {};
  return located.state_dir().string() + ": the state directory does not exist, nor does " + parent.string() +
         ", so it is not made (from " + located.state_dir_source + "); check the path";
}

}  // namespace kiosk::config
