#pragma once
// Play statistics off the render thread: the loop hands over what was shown and opened
// (cheap, in memory); a worker thread of its own owns the statistics database and does
// every write and fsync, so a slow disk never holds up a frame.

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "kiosk/controller/controller.h"

namespace kiosk::ops {
class PlayStats;
}

namespace kiosk::controller {

class PlayLog {
 public:
  // `flush` writes a PlayStats' counts and returns why it could not (empty: written); it
  // is ops::PlayStats::flush unless a caller wraps it. `problem` hears each new failure,
  // on the worker thread.
  using Flush = std::function<std::string(ops::PlayStats&)>;
  PlayLog(ops::PlayStats& stats, std::function<void(const std::string&)> problem, Flush flush = {});
  ~PlayLog();  // writes what is pending, then stops the worker
  PlayLog(const PlayLog&) = delete;
  PlayLog& operator=(const PlayLog&) = delete;

  // From the loop: the events of one step, in the local hour (YYYY-MM-DDTHH) they happened.
  void record(const PlayEvents& events, const std::string& hour);
  // Asks the worker to write the counts now; returns at once.
  void request_flush();
  // Writes everything recorded so far and waits for it (at a stop).
  void flush_and_wait();

 private:
  struct Event {
    std::string item, hour;
    bool opened;
  };
  void run();

  ops::PlayStats& stats_;
  std::function<void(const std::string&)> problem_;
  Flush flush_;
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  std::vector<Event> queued_;
  long requested_ = 0, completed_ = 0;
  bool stopping_ = false;
  std::string last_problem_;
  std::thread worker_;
};

}  // namespace kiosk::controller
