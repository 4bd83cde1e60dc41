#include "kiosk/fleet/poll.h"

#include <fcntl.h>
#include <sys/file.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <sstream>

#include "kiosk/base/atomic_file.h"
#include "kiosk/base/errors.h"
#include "kiosk/base/utc_time.h"
#include "kiosk/content/sha256.h"
#include "kiosk/fleet/patch.h"
#include "kiosk/fleet/rollout.h"
#include "kiosk/fleet/trial.h"
#include "kiosk/ops/durable_file.h"
#include "kiosk/ops/highest_version.h"
#include "kiosk/text/utf8.h"

namespace kiosk::fleet {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxSignatureBytes = 16 * 1024;

fs::path fleet_dir(const ops::StateDir& state) {
  return state.root / "fleet";
}
fs::path channels_dir(const ops::StateDir& state) {
  return fleet_dir(state) / "channels";
}
fs::path downloads_dir(const ops::StateDir& state) {
  return fleet_dir(state) / "downloads";
}

void make_dir(const ops::StateDir& state, const fs::path& dir) {
  std::error_code ec;
  if (fs::create_directory(dir, ec)) state.adopt(dir);
  if (!fs::is_directory(fs::symlink_status(dir, ec)))
    throw base::FileError(dir.string() + ": not a directory (or a link, which the fleet client does not follow)");
}

// The file's bytes, or nothing when it does not exist or is larger than `max_bytes`.
std::optional<std::string> read_small(const fs::path& file, size_t max_bytes) {
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(file, ec))) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::string text(max_bytes + 1, '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<size_t>(in.gcount()));
  if (text.size() > max_bytes) return std::nullopt;
  return text;
}

void write_small(const ops::StateDir& state, const fs::path& file, std::string_view bytes) {
  base::write_file_atomically(file, bytes, 0644);
  state.adopt(file);
}

std::map<std::string, int64_t> read_serials(const ops::StateDir& state) {
  std::map<std::string, int64_t> serials;
  auto text = read_small(fleet_dir(state) / "serials", 1 << 20);
  if (!text) return serials;
  std::istringstream in(*text);
  std::string name;
  int64_t serial = 0;
  while (in >> name >> serial) serials[name] = std::max(serials[name], serial);
  return serials;
}

void write_serials(const ops::StateDir& state, const std::map<std::string, int64_t>& serials) {
  std::string text;
  for (const auto& [name, serial] : serials) text += name + " " + std::to_string(serial) + "\n";
  write_small(state, fleet_dir(state) / "serials", text);
}

// Only printable ASCII goes back into a request header, whatever the file now holds.
std::string header_safe(const std::string& value) {
  bool ok =
      value.size() <= 256 && std::all_of(value.begin(), value.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
  return ok ? value : std::string{};
}

Validators read_validators(const fs::path& file) {
  Validators v;
  if (auto text = read_small(file, 4096)) {
    std::istringstream in(*text);
    std::getline(in, v.etag);
    std::getline(in, v.last_modified);
  }
  v.etag = header_safe(v.etag);
  v.last_modified = header_safe(v.last_modified);
  return v;
}

PollError from_transfer(TransferError error) {
  switch (error) {
    case TransferError::Http: return PollError::Http;
    case TransferError::Local: return PollError::Local;
    case TransferError::TooLarge: return PollError::Manifest;
    default: return PollError::Network;
  }
}

struct Candidate {
  Manifest manifest;
  std::string url;
};

class Round {
 public:
  Round(const FleetSettings& settings, const ops::StateDir& state, const std::vector<ops::MinisignPublicKey>& trusted,
        std::time_t now, PollResult& result)
      : settings_(settings), state_(state), trusted_(trusted), now_(now), result_(result) {}

  std::optional<Candidate> check_channel(const std::string& url, std::map<std::string, int64_t>& serials) {
    ChannelResult& channel = result_.channels.emplace_back();
    channel.url = url;
    channel.name = channel_name_from_url(url);
    auto refuse = [&](PollError error, const std::string& message) -> std::optional<Candidate> {
      channel.error = error;
      channel.message = text::escaped(message);
      return std::nullopt;
    };
    if (channel.name.empty()) return refuse(PollError::Manifest, "a channel URL must end in NAME.toml");

    const fs::path stored = channels_dir(state_) / (channel.name + ".toml");
    const fs::path validators_file = channels_dir(state_) / (channel.name + ".validators");
    auto stored_text = read_small(stored, kMaxManifestBytes);
    Validators known = stored_text ? read_validators(validators_file) : Validators{};

    SmallFile fetched = fetch_small(url, known, kMaxManifestBytes, settings_.limits);
    if (!fetched.ok()) return refuse(from_transfer(fetched.error), fetched.message);
    const bool same = fetched.not_modified || (stored_text && fetched.body == *stored_text);
    if (fetched.not_modified && !stored_text)
      return refuse(PollError::Http, url + ": 304 for a manifest never fetched");
    const std::string body = fetched.not_modified ? *stored_text : fetched.body;

    Manifest manifest;
    if (same) {
      channel.unchanged = true;
      manifest = parse_manifest(body, stored.string());  // checked when it was accepted
    } else {
      auto checked = check_new(url, channel.name, body, serials, refuse);
      if (!checked) return std::nullopt;
      manifest = *checked;
      channel.accepted = true;
      result_.log.push_back("channel " + channel.name + ": manifest serial " + std::to_string(manifest.serial) +
                            ", version " + std::to_string(manifest.version));
    }
    if (fetched.validators.etag != known.etag || fetched.validators.last_modified != known.last_modified ||
        channel.accepted)
      write_small(state_, validators_file, fetched.validators.etag + "\n" + fetched.validators.last_modified + "\n");
    if (manifest.expires <= now_)
      return refuse(PollError::Expired, "the manifest expired at " + base::utc_stamp(manifest.expires) +
                                            "; the channel must be published again");
    return Candidate{manifest, url};
  }

  template <typename Refuse>
  std::optional<Manifest> check_new(const std::string& url, const std::string& name, const std::string& body,
                                    std::map<std::string, int64_t>& serials, Refuse& refuse) {
    SmallFile signature = fetch_small(signature_url(url), {}, kMaxSignatureBytes, settings_.limits);
    if (!signature.ok()) {
      refuse(signature.error == TransferError::Http ? PollError::Signature : from_transfer(signature.error),
             signature.message);
      return std::nullopt;
    }
    const fs::path dir = channels_dir(state_);
    const fs::path fresh = dir / ("." + name + ".toml.new"), fresh_sig = ops::signature_path_for(fresh);
    write_small(state_, fresh, body);
    write_small(state_, fresh_sig, signature.body);
    struct Cleanup {
      fs::path a, b;
      ~Cleanup() {
        std::error_code ec;
        fs::remove(a, ec);
        fs::remove(b, ec);
      }
    } cleanup{fresh, fresh_sig};
    auto verified = ops::verify_file(fresh, trusted_, fresh_sig);
    if (!verified.ok()) {
      refuse(PollError::Signature, "the manifest's signature: " + verified.message);
      return std::nullopt;
    }
    // What is parsed is what was verified (the round's lock keeps other rounds away; this
    // keeps anything else that can write here from swapping the file in between).
    if (read_small(fresh, kMaxManifestBytes) != body) {
      refuse(PollError::Local, fresh.string() + ": changed while it was checked");
      return std::nullopt;
    }
    Manifest manifest;
    try {
      manifest = parse_manifest(body, url);
    } catch (const ManifestError& e) {
      refuse(PollError::Manifest, e.what());
      return std::nullopt;
    }
    if (manifest.channel != name) {
      refuse(PollError::Manifest, "the manifest is channel '" + manifest.channel + "'s, not '" + name + "'s");
      return std::nullopt;
    }
    // The record of serials, or the stored manifest's if that is higher: losing one file
    // must not open the door to a replay.
    int64_t seen = serials.count(name) ? serials[name] : 0;
    if (auto stored = read_small(dir / (name + ".toml"), kMaxManifestBytes)) {
      try {
        seen = std::max(seen, parse_manifest(*stored, name).serial);
      } catch (const ManifestError&) {
      }
    }
    if (manifest.serial <= seen) {
      refuse(PollError::Replay, "the manifest has serial " + std::to_string(manifest.serial) + ", and serial " +
                                    std::to_string(seen) + " was seen already: an older or a replayed manifest");
      return std::nullopt;
    }
    if (manifest.expires <= now_) {
      refuse(PollError::Expired, "the manifest has expired; the channel must be published again");
      return std::nullopt;
    }
    serials[name] = manifest.serial;
    write_serials(state_, serials);  // first: a manifest kept is always one recorded
    base::rename_durably(fresh_sig, ops::signature_path_for(dir / (name + ".toml")));
    base::rename_durably(fresh, dir / (name + ".toml"));
    return manifest;
  }

 private:
  const FleetSettings& settings_;
  const ops::StateDir& state_;
  const std::vector<ops::MinisignPublicKey>& trusted_;
  std::time_t now_;
  PollResult& result_;
};

// Leaves in the downloads folder only what the release being fetched can resume from.
void remove_other_downloads(const fs::path& downloads, const std::vector<std::string>& keep_prefixes) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(downloads, ec)) {
    std::string name = entry.path().filename().string();
    bool keep = std::any_of(keep_prefixes.begin(), keep_prefixes.end(),
                            [&](const std::string& prefix) { return name.rfind(prefix, 0) == 0; });
    if (!keep) fs::remove_all(entry.path(), ec);
  }
}

class Fetcher {
 public:
  Fetcher(const FleetSettings& settings, const ops::StateDir& state, PollResult& result)
      : settings_(settings), state_(state), result_(result), downloads_(downloads_dir(state)) {}

  // The new bundle, whole and checked against the manifest's sha256, in the downloads folder.
  std::optional<fs::path> fetch(const Candidate& c, std::string& error_message, PollError& error_kind) {
    const Manifest& m = c.manifest;
    remove_other_downloads(downloads_, {m.bundle.sha256, m.patch ? m.patch->file.sha256 : m.bundle.sha256});
    const fs::path done = downloads_ / (m.bundle.sha256 + ".bundle");
    if (m.patch && try_patch(c, done)) return done;
    std::string problem;
    std::string url = resolve_url(c.url, m.bundle.url, problem);
    if (url.empty()) return fail(PollError::Manifest, problem, error_message, error_kind);
    const fs::path part = downloads_ / (m.bundle.sha256 + ".bundle.part");
    Download d = download(url, part, m.bundle.size, settings_.limits);
    result_.bytes_downloaded += d.received;
    if (d.resumed_from > 0)
      result_.log.push_back("resumed " + text::escaped(url) + " at byte " + std::to_string(d.resumed_from));
    if (!d.ok()) return fail(from_transfer(d.error), d.message, error_message, error_kind);
    if (content::sha256_file_hex(part) != m.bundle.sha256) {
      std::error_code ec;
      fs::remove(part, ec);
      return fail(PollError::Checksum, url + ": the download does not have the sha256 the manifest gives",
                  error_message, error_kind);
    }
    base::rename_durably(part, done);
    return done;
  }

  // The bundle's signature, downloaded beside it.
  bool fetch_signature(const Candidate& c, const fs::path& bundle, std::string& error_message, PollError& error_kind) {
    std::string problem;
    std::string url = resolve_url(c.url, signature_url(c.manifest.bundle.url), problem);
    if (url.empty()) return fail(PollError::Manifest, problem, error_message, error_kind).has_value();
    SmallFile signature = fetch_small(url, {}, kMaxSignatureBytes, settings_.limits);
    if (!signature.ok())
      return fail(signature.error == TransferError::Http ? PollError::Signature : from_transfer(signature.error),
                  signature.message, error_message, error_kind)
          .has_value();
    write_small(state_, ops::signature_path_for(bundle), signature.body);
    return true;
  }

 private:
  std::optional<fs::path> fail(PollError kind, const std::string& message, std::string& error_message,
                               PollError& error_kind) {
    error_kind = kind;
    error_message = message;
    return std::nullopt;
  }

  // Applies the manifest's patch to the bundle shown now, when that is the one it is from.
  // Any failure falls back to the whole bundle, with a line in the log.
  bool try_patch(const Candidate& c, const fs::path& done) {
    const Manifest& m = c.manifest;
    auto current = state_.target(state_.current());
    if (!current) return false;
    std::error_code ec;
    if (!fs::is_regular_file(*current, ec) || content::sha256_file_hex(*current) != m.patch->from_sha256) return false;
    std::string problem;
    std::string url = resolve_url(c.url, m.patch->file.url, problem);
    const fs::path patch_part = downloads_ / (m.patch->file.sha256 + ".zst.part");
    const fs::path patched = downloads_ / (m.bundle.sha256 + ".bundle.patched");
    auto fall_back = [&](const std::string& why) {
      result_.log.push_back("the patch from version " + std::to_string(m.patch->from_version) + " was not used (" +
                            text::escaped(why) + "); downloading the whole bundle");
      fs::remove(patch_part, ec);
      fs::remove(patched, ec);
      return false;
    };
    if (url.empty()) return fall_back(problem);
    Download d = download(url, patch_part, m.patch->file.size, settings_.limits);
    result_.bytes_downloaded += d.received;
    if (!d.ok()) return fall_back(d.message);
    if (content::sha256_file_hex(patch_part) != m.patch->file.sha256)
      return fall_back(url + ": the patch does not have the sha256 the manifest gives");
    try {
      apply_patch(*current, patch_part, patched, m.bundle.size);
    } catch (const PatchError& e) {
      return fall_back(e.what());
    }
    if (static_cast<int64_t>(fs::file_size(patched, ec)) != m.bundle.size ||
        content::sha256_file_hex(patched) != m.bundle.sha256)
      return fall_back("the patched bundle does not have the sha256 the manifest gives");
    base::rename_durably(patched, done);
    fs::remove(patch_part, ec);
    result_.used_patch = true;
    return true;
  }

  const FleetSettings& settings_;
  const ops::StateDir& state_;
  PollResult& result_;
  fs::path downloads_;
};

}  // namespace

const char* poll_error_name(PollError error) {
  switch (error) {
    case PollError::Network: return "network";
    case PollError::Http: return "http";
    case PollError::Signature: return "signature";
    case PollError::Manifest: return "manifest";
    case PollError::Replay: return "replay";
    case PollError::Expired: return "expired";
    case PollError::Checksum: return "checksum";
    case PollError::Install: return "install";
    case PollError::Local: return "local";
  }
  return "unknown";
}

bool PollResult::any_error() const {
  return install_error ||
         std::any_of(channels.begin(), channels.end(), [](const auto& c) { return c.error.has_value(); });
}

std::string channel_name_from_url(const std::string& url) {
  auto end = url.find_first_of("?#");
  std::string path = url.substr(0, end);
  auto slash = path.rfind('/');
  std::string file = slash == std::string::npos ? path : path.substr(slash + 1);
  const std::string suffix = ".toml";
  if (file.size() <= suffix.size() || file.compare(file.size() - suffix.size(), suffix.size(), suffix) != 0) return {};
  std::string name = file.substr(0, file.size() - suffix.size());
  return name_problem(name).empty() ? name : std::string{};
}

std::vector<int64_t> never_install(const ops::StateDir& state) {
  std::vector<int64_t> versions;
  if (auto text = read_small(fleet_dir(state) / "never-install", 1 << 20)) {
    std::istringstream in(*text);
    int64_t v = 0;
    while (in >> v) versions.push_back(v);
  }
  return versions;
}

void add_never_install(const ops::StateDir& state, int64_t version) {
  make_dir(state, fleet_dir(state));
  auto versions = never_install(state);
  if (std::find(versions.begin(), versions.end(), version) != versions.end()) return;
  versions.push_back(version);
  std::string text;
  for (auto v : versions) text += std::to_string(v) + "\n";
  write_small(state, fleet_dir(state) / "never-install", text);
}

PollResult poll_once(const FleetSettings& settings, const ops::StateDir& state, const ops::InstallOptions& install,
                     const ops::SignatureCheck& check_bundle_signature,
                     const std::vector<ops::MinisignPublicKey>& trusted, std::time_t now) {
  PollResult result;
  init_http();
  try {
    for (const auto& dir : {fleet_dir(state), channels_dir(state), downloads_dir(state)}) make_dir(state, dir);
    // One round at a time in a state directory: the kiosk's poller and an operator's
    // `kioskctl fleet poll` share its files.
    const fs::path lock_file = fleet_dir(state) / "lock";
    base::Fd lock = ops::open_regular(lock_file, O_RDWR | O_CREAT, 0600);
    if (!lock) throw base::FileError(lock_file.string() + ": cannot open: " + base::errno_text(errno));
    state.adopt(lock_file);
    if (::flock(lock.get(), LOCK_EX | LOCK_NB) != 0) {
      result.skipped = true;
      result.log.push_back("another poll round is running in " + text::escaped(state.root.string()) + "; skipped");
      return result;
    }
    auto serials = read_serials(state);
    Round round(settings, state, trusted, now, result);
    std::optional<Candidate> best;
    const int64_t highest = ops::read_highest_version(state).value_or(0);
    const auto never = never_install(state);
    for (const auto& url : settings.channels) {
      auto candidate = round.check_channel(url, serials);
      if (!candidate) continue;
      const Manifest& m = candidate->manifest;
      if (m.version <= highest) continue;
      if (std::find(never.begin(), never.end(), m.version) != never.end()) {
        result.log.push_back("channel " + result.channels.back().name + ": version " + std::to_string(m.version) +
                             " was rolled back from on this kiosk and is not installed again");
        continue;
      }
      if (!in_rollout(m, settings.kiosk_id, settings.group)) {
        result.log.push_back("channel " + result.channels.back().name + ": version " + std::to_string(m.version) +
                             " is not rolled out to this kiosk yet (" + std::to_string(m.rollout_percent) + "%)");
        continue;
      }
      if (!best || m.version > best->manifest.version) best = candidate;
    }
    if (!best) return result;

    Fetcher fetcher(settings, state, result);
    std::string message;
    PollError kind = PollError::Local;
    auto bundle = fetcher.fetch(*best, message, kind);
    if (bundle && fetcher.fetch_signature(*best, *bundle, message, kind)) {
      // Before the switch: the running kiosk may swap it in and draw it at once. A trial
      // of a version that did not become current ends at the next start.
      begin_trial(state, best->manifest.version);
      auto installed = ops::install_bundle(*bundle, state, install, check_bundle_signature, ops::Links::Refuse);
      std::error_code ec;
      fs::remove(ops::signature_path_for(*bundle), ec);
      fs::remove(*bundle, ec);
      if (installed.ok) {
        result.installed = true;
        result.installed_version = installed.version;
        result.log.push_back("installed version " + std::to_string(installed.version) + " from channel " +
                             channel_name_from_url(best->url) + (result.used_patch ? " (from a patch)" : ""));
        return result;
      }
      kind = PollError::Install;
      message = installed.message;
    }
    result.install_error = kind;
    result.install_message =
        "version " + std::to_string(best->manifest.version) + " not installed: " + text::escaped(message);
  } catch (const std::exception& e) {  // the state directory itself: a full disk, a folder made a link
    result.install_error = PollError::Local;
    result.install_message = text::escaped(e.what());
  }
  return result;
}

}  // namespace kiosk::fleet
