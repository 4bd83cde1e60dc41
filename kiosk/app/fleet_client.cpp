#include "kiosk/app/fleet_client.h"

#include <iostream>

#include "kiosk/fleet/kiosk_id.h"

namespace kiosk::app {

std::string kiosk_id_of(const config::Config& cfg) {
  if (!cfg.fleet_kiosk_id.empty()) return cfg.fleet_kiosk_id;
  auto id = fleet::kiosk_id_from_machine_id();
  return id.empty() ? "unnamed" : id;
}

std::unique_ptr<fleet::Poller> start_fleet_client(const config::Config& cfg, const ops::Trust& trust,
                                                  const ops::InstallOptions& install, RecentErrors& problems,
                                                  std::function<void()> after_round) {
  if (cfg.fleet_channels.empty()) return nullptr;
  fleet::FleetSettings settings;
  settings.channels = cfg.fleet_channels;
  settings.kiosk_id = kiosk_id_of(cfg);
  if (settings.kiosk_id == "unnamed")
    problems.add("fleet: no fleet.kiosk_id and no /etc/machine-id; this kiosk joins rollouts as 'unnamed'");
  settings.group = cfg.fleet_group;
  settings.limits.max_bytes_per_second = cfg.fleet_max_bytes_per_second;
  auto interval = std::chrono::milliseconds(static_cast<int64_t>(cfg.fleet_poll_minutes * 60'000));
  std::cerr << "kiosk: fleet: polling " << settings.channels.size() << " channel(s) every " << cfg.fleet_poll_minutes
            << " min as " << settings.kiosk_id << std::endl;
  auto report = [&problems, after_round](const fleet::PollResult& round) {
    for (const auto& line : round.log) std::cerr << "kiosk: fleet: " << line << std::endl;
    for (const auto& channel : round.channels)
      if (channel.error) problems.add("fleet: channel " + channel.name + ": " + channel.message);
    if (round.install_error) problems.add("fleet: " + round.install_message);
    if (after_round) after_round();
  };
  return std::make_unique<fleet::Poller>(settings, ops::StateDir{cfg.state_dir}, install, ops::signature_check(trust),
                                         trust.keys, interval, report);
}

}  // namespace kiosk::app
