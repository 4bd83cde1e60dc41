#include "kiosk/app/signals.h"

#include <semaphore.h>

#include <atomic>
#include <cerrno>
#include <csignal>

namespace kiosk::app {
namespace {

volatile std::sig_atomic_t g_stop = 0, g_report = 0;
std::atomic<bool> g_closing{false};
sem_t g_posted;

void on_stop(int) {
  g_stop = 1;
  sem_post(&g_posted);  // async-signal-safe, unlike anything that wakes GLFW
}

void on_report(int) {
  g_report = 1;
  sem_post(&g_posted);
}

}  // namespace

Signals::Signals(std::function<void()> wake) : wake_(std::move(wake)) {
  sem_init(&g_posted, 0, 0);
  g_closing = false;
  waiter_ = std::thread([this] {
    for (;;) {
      while (sem_wait(&g_posted) != 0 && errno == EINTR) {
      }
      if (g_closing) return;
      wake_();
    }
  });
  struct sigaction action {};
  action.sa_handler = on_stop;
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
  action.sa_handler = on_report;
  sigaction(SIGUSR1, &action, nullptr);
}

Signals::~Signals() {
  g_closing = true;
  sem_post(&g_posted);
  waiter_.join();
  // The handlers stay: a late SIGTERM while the kiosk tears down still only sets the flag.
}

bool Signals::stop_requested() const {
  return g_stop != 0;
}

bool Signals::take_report_request() {
  if (!g_report) return false;
  g_report = 0;
  return true;
}

}  // namespace kiosk::app
