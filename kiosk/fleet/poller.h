#pragma once
// The kiosk's fleet client: a thread of its own, apart from the render loop, that runs a
// poll round (poll.h) every interval, give or take a fifth at random so that a fleet
// started together does not ask together, and waits twice as long after each failing
// round (up to 32 intervals). An install it makes changes `current`, which the kiosk's
// state watch sees like any other install and swaps in when nobody is browsing.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <random>
#include <thread>

#include "kiosk/fleet/poll.h"
#include "kiosk/fleet/status.h"

namespace kiosk::fleet {

class Poller {
 public:
  // `report` gets each round's log lines (from the poller's thread).
  Poller(FleetSettings settings, ops::StateDir state, ops::InstallOptions install, ops::SignatureCheck check,
         std::vector<ops::MinisignPublicKey> trusted, std::chrono::milliseconds interval,
         std::function<void(const PollResult&)> report);
  // Stops the thread, cancelling a transfer under way within about a second.
  ~Poller();
  Poller(const Poller&) = delete;
  Poller& operator=(const Poller&) = delete;

  // The delay before the next round after `failures` failing rounds in a row, with the
  // jitter drawn from `random` (0..1).
  static std::chrono::milliseconds delay(std::chrono::milliseconds interval, int failures, double random);

  int64_t rounds() const { return rounds_; }

 private:
  void run();

  FleetSettings settings_;
  ops::StateDir state_;
  ops::InstallOptions install_;
  ops::SignatureCheck check_;
  std::vector<ops::MinisignPublicKey> trusted_;
  std::chrono::milliseconds interval_;
  std::function<void(const PollResult&)> report_;
  std::atomic<bool> stop_{false};
  std::atomic<int64_t> rounds_{0};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread thread_;  // last: it starts once everything it uses exists
};

}  // namespace kiosk::fleet
