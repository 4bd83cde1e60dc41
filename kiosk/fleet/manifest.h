#pragma once
// A channel's manifest: the small signed file that tells kiosks which bundle a channel
// carries now, to whom, and until when. Everything else a channel publishes is
// immutable and named by its sha256; the manifest is the one file that changes.
//
//   format = 1
//   channel = "hall"                      the channel it was published for
//   serial = 7                            rises with every publish, so an old one is refused
//   published = 2026-12-03T10:00:00Z
//   expires = 2027-01-02T10:00:00Z        refused after this
//   [bundle]  id, version, sha256, size, url (relative to the manifest's URL, or absolute)
//   [rollout] percent = 0..100, groups = ["east-hall", ...]
//   [patch]   from_version, from_sha256, sha256, size, url: a zstd patch from that bundle
//
// The manifest's signature is NAME.toml.minisig beside it (minisign's format).

#include <cstdint>
#include <ctime>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::fleet {

struct ManifestError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

constexpr size_t kMaxManifestBytes = 64 * 1024;
constexpr int kManifestFormat = 1;

struct PublishedFile {
  std::string url;
  std::string sha256;  // lowercase hex
  int64_t size = 0;
};

struct Patch {
  int64_t from_version = 0;
  std::string from_sha256;
  PublishedFile file;
};

struct Manifest {
  std::string channel;
  int64_t serial = 0;
  std::time_t published = 0;
  std::time_t expires = 0;
  std::string bundle_id;
  int64_t version = 0;
  PublishedFile bundle;
  int rollout_percent = 100;
  std::vector<std::string> groups;
  std::optional<Patch> patch;
};

// Channel and group names: 1 to 64 of a-z, 0-9, '.', '_' and '-', starting with a letter
// or digit, so that they are safe as file names and in URLs. "" when `name` is one.
std::string name_problem(std::string_view name);

std::string manifest_text(const Manifest& manifest);
// Refuses anything but a complete manifest of this format: unknown keys, wrong types,
// out-of-range values, names that are not names. `what` names the file in messages.
Manifest parse_manifest(std::string_view text, const std::string& what);

// Where a bundle's signature is published: beside it.
inline std::string signature_url(const std::string& url) {
  return url + ".minisig";
}

}  // namespace kiosk::fleet
