#include "kiosk/controller/play_log.h"

#include "kiosk/ops/play_stats.h"

namespace kiosk::controller {

PlayLog::PlayLog(ops::PlayStats& stats, std::function<void(const std::string&)> problem, Flush flush)
    : stats_(stats), problem_(std::move(problem)), flush_(std::move(flush)) {
  if (!flush_) flush_ = [](ops::PlayStats& s) { return s.flush(); };
  worker_ = std::thread([this] { run(); });
}

PlayLog::~PlayLog() {
  flush_and_wait();
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  worker_.join();
}

void PlayLog::record(const PlayEvents& events, const std::string& hour) {
  if (events.shown.empty() && events.opened.empty()) return;
  std::lock_guard lock(mutex_);
  for (const auto& id : events.shown) queued_.push_back({id, hour, false});
  for (const auto& id : events.opened) queued_.push_back({id, hour, true});
}

void PlayLog::request_flush() {
  {
    std::lock_guard lock(mutex_);
    ++requested_;
  }
  wake_.notify_one();
}

void PlayLog::flush_and_wait() {
  std::unique_lock lock(mutex_);
  long wanted = ++requested_;
  wake_.notify_one();
  done_.wait(lock, [&] { return completed_ >= wanted; });
}

void PlayLog::run() {
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stopping_ || requested_ > completed_; });
    if (requested_ == completed_ && stopping_) return;
    long serving = requested_;
    auto events = std::move(queued_);
    queued_.clear();
    lock.unlock();
    // The counts and the database belong to this thread alone.
    for (const auto& e : events) e.opened ? stats_.opened(e.item, e.hour) : stats_.shown(e.item, e.hour);
    std::string why = flush_(stats_);
    if (!why.empty() && why != last_problem_ && problem_) problem_("play statistics: " + why);
    last_problem_ = why;
    lock.lock();
    completed_ = serving;
    done_.notify_all();
  }
}

}  // namespace kiosk::controller
