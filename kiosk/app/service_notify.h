#pragma once
// Tells systemd's service manager (Type=notify) how the kiosk is doing: READY=1 once the
// first frame is on screen, then a WATCHDOG=1 heartbeat from the render loop, so a loop
// that hangs stops the heartbeat and systemd restarts the kiosk. Outside systemd
// (no NOTIFY_SOCKET) every call does nothing.

#include <chrono>
#include <cstdint>
#include <string>

namespace kiosk::app {

class ServiceNotifier {
 public:
  ServiceNotifier();

  void ready(const std::string& status);
  void status(const std::string& status);
  void stopping();
  // Sends WATCHDOG=1 when a quarter of the interval has passed since the last one; call
  // it on every pass of the loop.
  void heartbeat();
  // The longest the loop may sleep: `cap`, or half the watchdog interval when shorter,
  // so that a still screen keeps pinging.
  double longest_sleep(double cap) const;
  bool watchdog_enabled() const { return interval_ > std::chrono::microseconds::zero(); }

 private:
  void send(const std::string& message);

  std::chrono::microseconds interval_{0};
  std::chrono::steady_clock::time_point last_ping_;
};

// Fault injection for the watchdog test: with KIOSK_INJECT_HANG_AFTER=SECONDS in the
// environment, the render loop stops for good once it has run that long.
void hang_if_injected(double seconds_running);
// KIOSK_INJECT_CRASH_ON_VERSION=N: the kiosk aborts before drawing a bundle of version N
// (the fleet's rollback test: a new bundle that crashes the screen).
void crash_if_injected(int64_t version);

}  // namespace kiosk::app
