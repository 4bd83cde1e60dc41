#include "kiosk/app/operator.h"

#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>

#include "kiosk/ops/pin.h"
#include "kiosk/ops/pin_lockout.h"
#include "kiosk/ops/state_dir.h"
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

ui::OperatorInfo operator_info(const Session& session, const config::Config& cfg, const PanelStats& stats,
                               const RecentErrors& errors) {
  ui::OperatorInfo info;
  const auto& bundle = *session.bundle;
  auto path = bundle.path();
  bool is_signed = std::filesystem::exists(path.string() + ".minisig");
  // Labels are interface texts, so the panel shows them in the visitor's language.
  using content::UiKey;
  info.facts = {
      {UiKey::bundle_version,
       bundle.info().id + " v" + std::to_string(bundle.info().version) + "  (" + path.filename().string() + ")",
       std::nullopt},
      {UiKey::signature_status, is_signed ? "minisig" : "—",
       is_signed ? std::optional(UiKey::signature_valid) : std::nullopt},
      {UiKey::uptime, duration(stats.uptime_s), std::nullopt},
      {UiKey::memory, resident_memory(), std::nullopt},
      {UiKey::frames, std::to_string(stats.frames), std::nullopt}};
  info.history = ops::StateDir{cfg.state_dir}.history_lines(10);
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
