#include "kiosk/app/service_notify.h"

#include <systemd/sd-daemon.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <thread>

#include "kiosk/base/errors.h"

namespace kiosk::app {

ServiceNotifier::ServiceNotifier() {
  uint64_t usec = 0;
  // 0 unsets nothing: the variables stay for a kiosk restarted by exec (out of service).
  if (sd_watchdog_enabled(0, &usec) > 0) interval_ = std::chrono::microseconds(usec);
  last_ping_ = std::chrono::steady_clock::now();
}

void ServiceNotifier::send(const std::string& message) {
  int sent = sd_notify(0, message.c_str());
  if (sent < 0) std::cerr << "kiosk: systemd notify: " << base::errno_text(-sent) << std::endl;
}

void ServiceNotifier::ready(const std::string& status) {
  send("READY=1\nSTATUS=" + status);
  if (watchdog_enabled()) send("WATCHDOG=1");
  last_ping_ = std::chrono::steady_clock::now();
}

void ServiceNotifier::status(const std::string& status) {
  send("STATUS=" + status);
}

void ServiceNotifier::stopping() {
  send("STOPPING=1");
}

void ServiceNotifier::heartbeat() {
  if (!watchdog_enabled()) return;
  auto now = std::chrono::steady_clock::now();
  if (now - last_ping_ < interval_ / 4) return;
  send("WATCHDOG=1");
  last_ping_ = now;
}

double ServiceNotifier::longest_sleep(double cap) const {
  if (!watchdog_enabled()) return cap;
  return std::min(cap, std::chrono::duration<double>(interval_).count() / 2);
}

void hang_if_injected(double seconds_running) {
  static const char* after = std::getenv("KIOSK_INJECT_HANG_AFTER");
  if (!after || seconds_running < std::atof(after)) return;
  std::cerr << "kiosk: injected hang: the render loop stops now" << std::endl;
  for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
}

void crash_if_injected(int64_t version) {
  static const char* on = std::getenv("KIOSK_INJECT_CRASH_ON_VERSION");
  if (!on || std::atoll(on) != version) return;
  std::cerr << "kiosk: injected crash before drawing version " << version << std::endl;
  std::abort();
}

}  // namespace kiosk::app
