#pragma once
// The inbox: a signed bundle (FILE.bundle with FILE.bundle.minisig) dropped into
// STATE/inbox is installed as `kioskctl install` would, then removed from the inbox.
// One that is refused is renamed FILE.bundle.refused so that it is not tried again.

#include <vector>

#include "kiosk/ops/installer.h"

namespace kiosk::ops {

struct InboxResult {
  std::filesystem::path file;
  InstallResult result;
};

// Installs what is waiting, oldest first. A bundle whose signature has not arrived yet
// is left for the next call.
std::vector<InboxResult> process_inbox(const StateDir& state, const InstallOptions& options,
                                       const SignatureCheck& check_signature);

}  // namespace kiosk::ops
