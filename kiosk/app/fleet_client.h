#pragma once
// The fleet client as the kiosk runs it: the configuration's channels polled on a thread
// of their own (fleet::Poller), each round's outcome in the log and its errors on the
// operator panel.

#include <memory>

#include "kiosk/app/operator.h"
#include "kiosk/config/config.h"
#include "kiosk/fleet/poller.h"
#include "kiosk/ops/installer.h"
#include "kiosk/ops/trust.h"

namespace kiosk::app {

// fleet.kiosk_id, else the id derived from /etc/machine-id, else "unnamed".
std::string kiosk_id_of(const config::Config& cfg);

// Nothing when no channel is configured. `after_round` is called after each round.
std::unique_ptr<fleet::Poller> start_fleet_client(const config::Config& cfg, const ops::Trust& trust,
                                                  const ops::InstallOptions& install, RecentErrors& problems,
                                                  std::function<void()> after_round);

}  // namespace kiosk::app
