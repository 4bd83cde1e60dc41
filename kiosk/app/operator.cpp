#include "kiosk/app/operator.h"

#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>

#include "kiosk/ops/pin.h"
#include "kiosk/ops/pin_lockout.h"
#include "kiosk/ops/state_dir.h"
#include "kiosk/ops/trust.h"
#include "kiosk/text/utf8.h"

namespace kiosk::app {
namespace {

constexpr size_t kErrorsKept = 20;

std::string resident_memory() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmRSS:", 0) == 0) {
      long kb = std::stol(line.substr(6));
      return std::to_string(kb / 1024) + " MB";
    }
  return "?";
}

std::string duration(double seconds) {
  long s = static_cast<long>(seconds);
  return std::to_string(s / 86400) + "d " + std::to_string(s / 3600 % 24) + "h " + std::to_string(s / 60 % 60) + "m";
}

}  // namespace

void RecentErrors::add(const std::string& raw) {
  // Names from outside (inbox files, bundle texts) must not forge lines in the journal.
  std::string line = text::escaped(raw);
  std::lock_guard lock(mutex_);
  std::cerr << "kiosk: " << line << std::endl;
  lines_.push_back(line);
  while (lines_.size() > kErrorsKept) lines_.pop_front();
}

std::vector<std::string> RecentErrors::lines() const {
  std::lock_guard lock(mutex_);
  return {lines_.begin(), lines_.end()};
}

const PanelStatus::Read& PanelStatus::get(const config::Config& cfg, const std::filesystem::path& bundle) {
  constexpr auto kReadEvery = std::chrono::seconds(3);
  auto now = std::chrono::steady_clock::now();
  if (read_ && bundle == bundle_ && now - read_at_ < kReadEvery) return *read_;
  auto trust = ops::trust_from_config(cfg);
  read_ = Read{ops::read_status(ops::StateDir{cfg.state_dir}), ops::summarize_signature(bundle, trust)};
  bundle_ = bundle;
  read_at_ = now;
  auto line = bundle.filename().string() + ": " + ops::describe_signature(bundle, trust);
  if (line != logged_signature_) {
    logged_signature_ = line;
    std::cerr << "operator panel: " << text::escaped(line) << std::endl;
  }
  return *read_;
}

ui::OperatorFact signature_fact(const ops::SignatureSummary& summary) {
  using content::UiKey;
  using Kind = ops::SignatureSummary::Kind;
  switch (summary.kind) {
    case Kind::Unsigned: return {UiKey::signature_status, "", UiKey::signature_unsigned};
    case Kind::Unreadable: return {UiKey::signature_status, "", UiKey::signature_unreadable};
    case Kind::Trusted:
      return {UiKey::signature_status, summary.key_id + ", " + text::escaped(summary.source), UiKey::signed_by_key};
    case Kind::Untrusted: return {UiKey::signature_status, summary.key_id, UiKey::signed_by_untrusted_key};
  }
  return {UiKey::signature_status, "", UiKey::signature_unsigned};
}

ui::OperatorInfo operator_info(const Session& session, const config::Config& cfg, const PanelStats& stats,
                               const RecentErrors& errors, PanelStatus& panel_status) {
  ui::OperatorInfo info;
  const auto& bundle = *session.bundle;
  auto path = bundle.path();
  const auto& read = panel_status.get(cfg, path);
  const auto& status = read.status;
  std::string highest = status.highest_problem.empty()
                            ? (status.highest_version > 0 ? std::to_string(status.highest_version) : "—")
                            : text::escaped(status.highest_problem);
  std::string refused = std::to_string(status.refused);
  if (!status.newest_refusal.empty()) refused += "  " + status.newest_refusal;
  // Labels are interface texts, so the panel shows them in the visitor's language.
  using content::UiKey;
  info.facts = {
      {UiKey::bundle_version,
       bundle.info().id + " v" + std::to_string(bundle.info().version) + "  (" + path.filename().string() + ")",
       std::nullopt},
      signature_fact(read.signature),
      {UiKey::highest_version, highest, std::nullopt},
      {UiKey::inbox_refused, refused, std::nullopt},
      {UiKey::uptime, duration(stats.uptime_s), std::nullopt},
      {UiKey::memory, resident_memory(), std::nullopt},
      {UiKey::frames, std::to_string(stats.frames), std::nullopt}};
  info.history = status.history;
  info.errors = errors.lines();
  info.unsigned_allowed = cfg.allow_unsigned;
  return info;
}

void connect_operator_panel(Session& session, const config::Config& cfg, std::function<ui::OperatorInfo()> info) {
  auto guard = std::make_shared<ops::PinGuard>(cfg.pin_hash, ops::StateDir{cfg.state_dir});
  session.controller->set_check_pin(
      [guard](const std::string& pin) { return guard->check(pin, static_cast<double>(std::time(nullptr))); });
  session.screen->set_operator_info(std::move(info));
}

}  // namespace kiosk::app
