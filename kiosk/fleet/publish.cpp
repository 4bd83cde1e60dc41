#include "kiosk/fleet/publish.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <fstream>
#include <sstream>

#include "kiosk/base/atomic_file.h"
#include "kiosk/base/errors.h"
#include "kiosk/base/fd.h"
#include "kiosk/content/bundle.h"
#include "kiosk/content/sha256.h"
#include "kiosk/content/validate.h"
#include "kiosk/fleet/patch.h"
#include "kiosk/ops/installer.h"

namespace kiosk::fleet {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& file, size_t max_bytes) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw PublishError(file.string() + ": cannot read: " + base::errno_text(errno));
  std::string text(max_bytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  if (text.size() > max_bytes) throw PublishError(file.string() + ": larger than a manifest may be");
  return text;
}

void make_directory(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw PublishError(dir.string() + ": cannot create: " + ec.message());
  if (!fs::is_directory(fs::symlink_status(dir)))
    throw PublishError(dir.string() + ": not a directory (or a link to one, which publish does not follow)");
}

// Copies the bundle into the tree under a temporary name, so that what is validated,
// hashed and published is the copy, whatever happens to the original meanwhile.
fs::path stage_copy(const fs::path& bundle, const fs::path& bundles_dir) {
  base::Fd in(::open(bundle.c_str(), O_RDONLY | O_CLOEXEC));
  struct stat st {};
  if (!in || ::fstat(in.get(), &st) != 0)
    throw PublishError(bundle.string() + ": cannot read: " + base::errno_text(errno));
  if (!S_ISREG(st.st_mode)) throw PublishError(bundle.string() + ": not a regular file");
  if (st.st_size > ops::kMaxBundleBytes)
    throw PublishError(bundle.string() + ": larger than the 512 MB a kiosk installs");
  fs::path staged = bundles_dir / (".publish-" + std::to_string(::getpid()) + ".tmp");
  base::Fd out(::open(staged.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644));
  if (!out) throw PublishError(staged.string() + ": cannot create: " + base::errno_text(errno));
  std::vector<char> buffer(1 << 20);
  for (;;) {
    ssize_t n = ::read(in.get(), buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw PublishError(bundle.string() + ": cannot read: " + base::errno_text(errno));
    if (n == 0) break;
    for (ssize_t done = 0; done < n;) {
      ssize_t w = ::write(out.get(), buffer.data() + done, static_cast<size_t>(n - done));
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) throw PublishError(staged.string() + ": cannot write: " + base::errno_text(errno));
      done += w;
    }
  }
  if (::fchmod(out.get(), 0644) != 0 || ::fsync(out.get()) != 0)
    throw PublishError(staged.string() + ": cannot sync: " + base::errno_text(errno));
  return staged;
}

// Removes the staged copy however publish ends.
struct RemoveOnExit {
  fs::path file;
  ~RemoveOnExit() {
    std::error_code ec;
    if (!file.empty()) fs::remove(file, ec);
  }
};

std::optional<Manifest> read_previous(const fs::path& manifest_file, const std::string& channel) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(manifest_file, ec))) return std::nullopt;
  try {
    Manifest previous = parse_manifest(read_text(manifest_file, kMaxManifestBytes), manifest_file.string());
    if (previous.channel != channel)
      throw PublishError(manifest_file.string() + ": is the manifest of channel '" + previous.channel + "', not '" +
                         channel + "'");
    return previous;
  } catch (const ManifestError& e) {
    throw PublishError(std::string(e.what()) +
                       "\n  (the channel's serial is read from this file; restore it from a backup rather than "
                       "delete it, or kiosks will refuse the new manifest as older than the last)");
  }
}

// Signs a published file unless its signature is there and verifies with this key.
bool ensure_signature(const fs::path& file, const ops::MinisignSecretKey& key) {
  std::error_code ec;
  if (fs::exists(ops::signature_path_for(file), ec) && ops::verify_file(file, key.public_key()).ok()) return false;
  ops::sign_file(file, key);
  return true;
}

}  // namespace

fs::path manifest_path(const fs::path& out, const std::string& channel) {
  return out / "channels" / (channel + ".toml");
}

PublishResult publish(const fs::path& bundle, const ops::MinisignSecretKey& key, const PublishOptions& options) {
  if (auto problem = name_problem(options.channel); !problem.empty())
    throw PublishError("channel name '" + options.channel + "' " + problem);
  for (const auto& group : options.groups)
    if (auto problem = name_problem(group); !problem.empty())
      throw PublishError("group name '" + group + "' " + problem);
  if (options.rollout_percent < 0 || options.rollout_percent > 100)
    throw PublishError("the rollout percentage must be from 0 to 100");
  if (options.expires_days < 1 || options.expires_days > 3660)
    throw PublishError("the manifest must expire in 1 to 3660 days");

  make_directory(options.out);
  const fs::path channels = options.out / "channels", bundles = options.out / "bundles",
                 patches = options.out / "patches";
  for (const auto& dir : {channels, bundles, patches}) make_directory(dir);

  fs::path lock_file = options.out / ".publish-lock";
  base::Fd lock(::open(lock_file.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644));
  if (!lock || ::flock(lock.get(), LOCK_EX) != 0)
    throw PublishError(lock_file.string() + ": cannot lock: " + base::errno_text(errno));

  PublishResult result;
  const fs::path manifest_file = manifest_path(options.out, options.channel);
  result.replaced = read_previous(manifest_file, options.channel);

  RemoveOnExit staged{stage_copy(bundle, bundles)};
  if (auto problems = content::validate_bundle(staged.file); !problems.empty()) {
    std::string message = bundle.string() + ": not published; the bundle does not validate:";
    for (const auto& p : problems) message += "\n  " + p;
    throw PublishError(message);
  }
  content::BundleInfo info;
  try {
    info = content::Bundle::open(staged.file).info();
  } catch (const std::exception& e) {
    throw PublishError(bundle.string() + ": " + e.what());
  }
  const std::string sha = content::sha256_file_hex(staged.file);
  const int64_t size = static_cast<int64_t>(fs::file_size(staged.file));

  Manifest& m = result.manifest;
  if (const auto& previous = result.replaced) {
    if (info.version < previous->version)
      throw PublishError(bundle.string() + ": version " + std::to_string(info.version) + " is below the version " +
                         std::to_string(previous->version) + " channel '" + options.channel +
                         "' carries; to go back, build the old content with a version above " +
                         std::to_string(previous->version) + " and publish that");
    if (info.version == previous->version && sha != previous->bundle.sha256)
      throw PublishError(bundle.string() + ": channel '" + options.channel +
                         "' already carries another bundle as version " + std::to_string(info.version) +
                         "; kiosks would not install this one: give it a higher version");
    if (previous->serial == INT64_MAX)
      throw PublishError(manifest_path(options.out, options.channel).string() +
                         ": its serial is the largest there is; publish under a new channel name");
    m.serial = previous->serial + 1;
  } else {
    m.serial = 1;
  }
  m.channel = options.channel;
  m.published = options.now;
  m.expires = options.now + static_cast<std::time_t>(options.expires_days) * 86400;
  m.bundle_id = info.id;
  m.version = info.version;
  m.bundle = {"../bundles/" + sha + ".bundle", sha, size};
  m.rollout_percent = options.rollout_percent;
  m.groups = options.groups;

  try {
    const fs::path published = bundles / (sha + ".bundle");
    std::error_code ec;
    if (fs::exists(fs::symlink_status(published, ec))) {
      if (content::sha256_file_hex(published) != sha)
        throw PublishError(published.string() + ": is in the tree under this sha256 but does not have it; remove it");
    } else {
      base::rename_durably(staged.file, published);
      staged.file.clear();
      result.written.push_back("bundles/" + sha + ".bundle");
    }
    if (ensure_signature(published, key)) result.written.push_back("bundles/" + sha + ".bundle.minisig");

    // The same release signed again (a new rollout) keeps its patch; a new one gets a
    // patch from the bundle the channel carried, when that is still in the tree.
    if (const auto& previous = result.replaced; previous && previous->bundle.sha256 == sha) {
      m.patch = previous->patch;
    } else if (previous) {
      const fs::path old_bundle = bundles / (previous->bundle.sha256 + ".bundle");
      if (fs::is_regular_file(fs::symlink_status(old_bundle, ec))) {
        const std::string name = previous->bundle.sha256 + "-" + sha + ".zst";
        const fs::path patch_file = patches / name;
        if (!fs::exists(fs::symlink_status(patch_file, ec))) {
          make_patch(old_bundle, published, patch_file);
          result.written.push_back("patches/" + name);
        }
        int64_t patch_size = static_cast<int64_t>(fs::file_size(patch_file));
        // A patch that saves little is not worth a second way to fail.
        if (patch_size < size * 9 / 10)
          m.patch = Patch{previous->version,
                          previous->bundle.sha256,
                          {"../patches/" + name, content::sha256_file_hex(patch_file), patch_size}};
      }
    }

    // The signature first, then the manifest: a kiosk that reads between the two sees a
    // mismatch and asks again at its next poll; it never accepts either alone.
    const fs::path staged_manifest = channels / ("." + options.channel + ".toml.new");
    base::write_file_atomically(staged_manifest, manifest_text(m), 0644);
    ops::SignOptions sign;
    sign.signature_file = ops::signature_path_for(manifest_file);
    sign.trusted_comment =
        "channel:" + m.channel + "\tserial:" + std::to_string(m.serial) + "\tversion:" + std::to_string(m.version);
    ops::sign_file(staged_manifest, key, sign);
    base::rename_durably(staged_manifest, manifest_file);
    result.written.push_back("channels/" + options.channel + ".toml");
    result.written.push_back("channels/" + options.channel + ".toml.minisig");
  } catch (const base::FileError& e) {
    throw PublishError(e.what());
  } catch (const ops::MinisignError& e) {
    throw PublishError(e.what());
  } catch (const PatchError& e) {
    throw PublishError(e.what());
  }
  return result;
}

}  // namespace kiosk::fleet
