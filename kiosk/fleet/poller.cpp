#include "kiosk/fleet/poller.h"

#include <algorithm>
#include <ctime>

namespace kiosk::fleet {

Poller::Poller(FleetSettings settings, ops::StateDir state, ops::InstallOptions install, ops::SignatureCheck check,
               std::vector<ops::MinisignPublicKey> trusted, std::chrono::milliseconds interval,
               std::function<void(const PollResult&)> report)
    : settings_(std::move(settings)),
      state_(std::move(state)),
      install_(std::move(install)),
      check_(std::move(check)),
      trusted_(std::move(trusted)),
      interval_(interval),
      report_(std::move(report)) {
  settings_.limits.cancel = &stop_;
  thread_ = std::thread([this] { run(); });
}

Poller::~Poller() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

std::chrono::milliseconds Poller::delay(std::chrono::milliseconds interval, int failures, double random) {
  double factor = static_cast<double>(int64_t{1} << std::clamp(failures, 0, 5));
  double jitter = 0.8 + 0.4 * std::clamp(random, 0.0, 1.0);
  return std::chrono::milliseconds(static_cast<int64_t>(static_cast<double>(interval.count()) * factor * jitter));
}

void Poller::run() {
  std::mt19937_64 random(std::random_device{}());
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  FleetStatus status = read_fleet_status(state_);
  // The first round soon after the start, but not at once: a fleet powered on together
  // spreads its first requests over a fifth of an interval too.
  auto next =
      std::chrono::steady_clock::now() +
      std::chrono::milliseconds(static_cast<int64_t>(static_cast<double>(interval_.count()) * 0.2 * unit(random)));
  for (;;) {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      if (wake_.wait_until(lock, next, [this] { return stop_.load(); })) return;
    }
    PollResult round = poll_once(settings_, state_, install_, check_, trusted_, std::time(nullptr));
    if (stop_) return;    // a cancelled round is not a failure
    if (round.skipped) {  // an operator's round by hand: look again a little later
      next = std::chrono::steady_clock::now() + interval_ / 5;
      continue;
    }
    ++rounds_;
    status.record(round, std::time(nullptr));
    try {
      write_fleet_status(state_, status);
    } catch (const std::exception& e) {
      round.log.push_back(std::string("cannot record the fleet status: ") + e.what());
    }
    if (report_) report_(round);
    next = std::chrono::steady_clock::now() + delay(interval_, status.consecutive_failures, unit(random));
  }
}

}  // namespace kiosk::fleet
