#pragma once
// One round of the fleet client: ask each channel for its manifest, keep those that are
// trusted, current and newer than what was seen, and install the newest release this
// kiosk is in the rollout of, through the install path the inbox uses (signature,
// version above any installed, checksum, validate, atomic switch). Whatever fails, the
// kiosk keeps the bundle it shows; the round says why, and what kind of error it was.
//
// Its state lives in STATE/fleet:
//   channels/NAME.toml (+ .minisig)   the last manifest accepted from each channel
//   channels/NAME.validators          its ETag and Last-Modified, for the next ask
//   serials                           "NAME SERIAL" lines: the highest serial each channel had
//   downloads/                        partial downloads, resumed by the next round
//   never-install                     versions this kiosk rolled back from, one a line

#include <cstdint>
#include <ctime>
#include <map>
#include <string>
#include <vector>

#include "kiosk/fleet/http.h"
#include "kiosk/fleet/manifest.h"
#include "kiosk/ops/installer.h"
#include "kiosk/ops/minisign.h"

namespace kiosk::fleet {

struct FleetSettings {
  std::vector<std::string> channels;  // manifest URLs: .../channels/NAME.toml
  std::string kiosk_id;
  std::string group;
  TransferLimits limits;
};

// What went wrong, by kind, as the metrics count it.
enum class PollError { Network, Http, Signature, Manifest, Replay, Expired, Checksum, Install, Local };
inline constexpr PollError kPollErrors[] = {PollError::Network,  PollError::Http,    PollError::Signature,
                                            PollError::Manifest, PollError::Replay,  PollError::Expired,
                                            PollError::Checksum, PollError::Install, PollError::Local};
const char* poll_error_name(PollError error);

struct ChannelResult {
  std::string url, name;
  bool unchanged = false;          // a 304, or the same manifest again
  bool accepted = false;           // a new manifest was checked and kept
  std::optional<PollError> error;  // this channel's manifest could not be used
  std::string message;             // why, escaped
};

struct PollResult {
  std::vector<ChannelResult> channels;
  bool skipped = false;  // another round held the state directory's fleet lock
  bool installed = false;
  int64_t installed_version = 0;
  bool used_patch = false;
  int64_t bytes_downloaded = 0;
  std::optional<PollError> install_error;
  std::string install_message;   // why, escaped
  std::vector<std::string> log;  // one line per thing done (not the errors above), for the journal
  bool any_error() const;
};

// The channel's name from its manifest URL: the file name without ".toml"; "" when the
// URL does not end so.
std::string channel_name_from_url(const std::string& url);

PollResult poll_once(const FleetSettings& settings, const ops::StateDir& state, const ops::InstallOptions& install,
                     const ops::SignatureCheck& check_bundle_signature,
                     const std::vector<ops::MinisignPublicKey>& trusted, std::time_t now);

// Versions never to install again (a rollback away from them), and marking one so.
std::vector<int64_t> never_install(const ops::StateDir& state);
void add_never_install(const ops::StateDir& state, int64_t version);

}  // namespace kiosk::fleet
