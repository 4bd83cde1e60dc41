#pragma once
// The kiosk's state directory (/var/lib/heping-kiosk): installed bundles, the `current`
// and `previous` links, the inbox for new bundles and the install history.
//
//   bundles/<id>-v<version>-<sha8>.bundle (+ .minisig)
//   current  -> bundles/...      the bundle the kiosk shows
//   previous -> bundles/...      the one before, for rollback and as the kiosk's fallback
//   inbox/                       signed bundles dropped here are installed by the kiosk
//   incoming/                    an install's copy while it is checked (mode 0700)
//   history.log                  one line per install or rollback, newest last
//   lock                         held by whoever changes any of this (StateLock)
//   pin-lockout                  the operator panel's failed PIN attempts, across restarts
//   highest-version              the highest bundle version ever installed (downgrade check)
//   inbox-refused                what the inbox set aside, and why (inbox_refusals.h)

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::ops {

struct StateDir {
  std::filesystem::path root;

  std::filesystem::path bundles() const { return root / "bundles"; }
  std::filesystem::path current() const { return root / "current"; }
  std::filesystem::path previous() const { return root / "previous"; }
  std::filesystem::path inbox() const { return root / "inbox"; }
  std::filesystem::path incoming() const { return root / "incoming"; }
  std::filesystem::path history() const { return root / "history.log"; }
  std::filesystem::path pin_lockout() const { return root / "pin-lockout"; }
  std::filesystem::path highest_version() const { return root / "highest-version"; }
  std::filesystem::path inbox_refusals() const { return root / "inbox-refused"; }

  // The bundle a link points to, if the link exists.
  std::optional<std::filesystem::path> target(const std::filesystem::path& link) const;
  // Appends one line to the history, escaped so that no name from outside can forge
  // another line (best effort: a full disk never stops an install's result).
  void record(const std::string& line) const;
  // Run as root (an operator's `sudo kioskctl install`), hands a file or directory just
  // made here to the state directory's owner, the kiosk's user, who must keep using it.
  void adopt(const std::filesystem::path& made) const;
  std::vector<std::string> history_lines(size_t last) const;
};

}  // namespace kiosk::ops
