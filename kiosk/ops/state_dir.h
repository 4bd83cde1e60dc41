#pragma once
// The kiosk's state directory (/var/lib/heping-kiosk): installed bundles, the `current`
// and `previous` links, the inbox for new bundles and the install history.
//
//   bundles/<id>-v<version>-<sha8>.bundle (+ .minisig)
//   current  -> bundles/...      the bundle the kiosk shows
//   previous -> bundles/...      the one before, for rollback and as the kiosk's fallback
//   inbox/                       signed bundles dropped here are installed by the kiosk
//   history.log                  one line per install or rollback, newest last

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
  std::filesystem::path history() const { return root / "history.log"; }

  // The bundle a link points to, if the link exists.
  std::optional<std::filesystem::path> target(const std::filesystem::path& link) const;
  // Appends one line to the history (best effort: a full disk never stops an install's result).
  void record(const std::string& line) const;
  std::vector<std::string> history_lines(size_t last) const;
};

}  // namespace kiosk::ops
