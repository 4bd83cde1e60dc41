#pragma once
// The inbox: a signed bundle (FILE.bundle with FILE.bundle.minisig) dropped into
// STATE/inbox is installed as `kioskctl install` would, then removed from the inbox.
//
// Anything may be dropped there, so nothing in it is trusted: entries are looked at
// without following links, opened without blocking, and only regular files with a single
// link are tried. Anything else is set aside (renamed NAME.refused) with a reason, as is
// a bundle that is refused. A file is tried only once it and its signature are there and
// have stopped changing for the settle time, so a copy is not refused half-way; a refused
// bundle that changes after its refusal (a copy that stalled past the settle time), whose
// signature is replaced, or which is replaced by a new file, is tried again. What was set
// aside is recorded (inbox_refusals.h), and only the newest kRefusedKept entries are kept.

#include <chrono>
#include <string>
#include <vector>

#include "kiosk/ops/installer.h"

namespace kiosk::ops {

struct InboxResult {
  std::filesystem::path file;
  InstallResult result;
};

struct InboxReport {
  std::vector<InboxResult> installs;      // what was tried, installed or refused
  std::vector<std::string> set_aside;     // one line per entry not tried, with the reason (raw: escape to show)
  std::chrono::milliseconds retry_in{0};  // when nonzero: something is still arriving; look again then
};

constexpr std::chrono::milliseconds kInboxSettle{2000};
// How long a bundle without its signature waits for it, unchanged, before it is set aside:
// else unsigned files could fill the disk unseen.
constexpr std::chrono::milliseconds kSignatureWait{10 * 60 * 1000};

// Installs what is waiting, oldest first, under the state directory's lock. Never throws.
InboxReport process_inbox(const StateDir& state, const InstallOptions& options, const SignatureCheck& check_signature,
                          std::chrono::milliseconds settle = kInboxSettle,
                          std::chrono::milliseconds signature_wait = kSignatureWait);

}  // namespace kiosk::ops
