#pragma once
// What the inbox set aside (STATE/inbox-refused): one line per entry it renamed
// NAME.refused, with the inode and change time it had once set aside, when, and why.
// A refused bundle that changes afterwards (a copy that stalled, was tried half-written
// and then went on) is tried again because its change time no longer matches, and
// `kioskctl status` says how many entries wait and lists the newest with their reasons.

#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/ops/state_dir.h"

namespace kiosk::ops {

// Refused entries kept in the inbox; beyond this the oldest are removed.
constexpr size_t kRefusedKept = 20;

struct Refusal {
  uint64_t inode = 0;
  int64_t change_ns = 0;  // its ctime once set aside: any later change means it was written again
  std::string when;       // UTC, as in the history
  std::string what;       // "NAME: reason", escaped (one line)
};

// The records, oldest first; a missing or unreadable file gives none, a damaged line is skipped.
std::vector<Refusal> read_refusals(const StateDir& state);
// Replaces the records durably; best effort (a full disk only costs the records).
void write_refusals(const StateDir& state, const std::vector<Refusal>& refusals);

// Set-asides `kioskctl status` lists, newest first.
constexpr size_t kRefusalsShown = 10;

struct RefusedSummary {
  size_t count = 0;                 // entries named *.refused (or *.refused-N) in the inbox now
  std::string newest;               // "WHEN NAME: reason" of the newest record, if any
  std::vector<std::string> recent;  // "WHEN NAME: reason" of the newest records, newest first
};
RefusedSummary refused_summary(const StateDir& state);

// NAME.refused or NAME.refused-N.
bool is_refused_name(const std::string& name);

}  // namespace kiosk::ops
