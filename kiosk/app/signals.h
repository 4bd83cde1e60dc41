#pragma once
// SIGTERM and SIGINT end the kiosk; SIGUSR1 asks for its counters. A handler may only
// set a flag and post a semaphore; a thread waiting on that semaphore wakes the render
// loop, so that a signal is acted on at once even while the loop sleeps.

#include <functional>
#include <thread>

namespace kiosk::app {

class Signals {
 public:
  // Installs the handlers; `wake` (called from another thread) must wake the loop.
  explicit Signals(std::function<void()> wake);
  ~Signals();
  Signals(const Signals&) = delete;
  Signals& operator=(const Signals&) = delete;

  bool stop_requested() const;
  bool take_report_request();

 private:
  std::function<void()> wake_;
  std::thread waiter_;
};

}  // namespace kiosk::app
