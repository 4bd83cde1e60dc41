#include "kiosk/ops/inbox.h"

#include <algorithm>

namespace kiosk::ops {

std::vector<InboxResult> process_inbox(const StateDir& state, const InstallOptions& options,
                                       const SignatureCheck& check_signature) {
  namespace fs = std::filesystem;
  std::vector<fs::directory_entry> waiting;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(state.inbox(), ec))
    if (entry.path().extension() == ".bundle" && entry.path().filename().string()[0] != '.') waiting.push_back(entry);
  std::sort(waiting.begin(), waiting.end(),
            [](const auto& a, const auto& b) { return a.last_write_time() < b.last_write_time(); });
  std::vector<InboxResult> results;
  for (const auto& entry : waiting) {
    const fs::path& file = entry.path();
    fs::path signature = file.string() + ".minisig";
    if (!options.allow_unsigned && !fs::exists(signature)) continue;  // its signature may still be on its way
    auto result = install_bundle(file, state, options, check_signature);
    if (result.ok) {
      fs::remove(file, ec);
      fs::remove(signature, ec);
    } else {
      fs::rename(file, file.string() + ".refused", ec);
    }
    results.push_back({file, result});
  }
  return results;
}

}  // namespace kiosk::ops
