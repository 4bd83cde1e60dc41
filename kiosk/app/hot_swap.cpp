#include "kiosk/app/hot_swap.h"

#include <iostream>

#include "kiosk/text/utf8.h"

namespace kiosk::app {
namespace {

// A job's future is ready only once its function has returned, which is after the job
// woke the loop; so each job also raises `done` before waking it, and the woken loop
// then collects the result (get() waits out the return) instead of sleeping on.
template <typename T>
bool finished(const std::future<T>& job, std::atomic<bool>& done) {
  return job.valid() && (done.exchange(false) || job.wait_for(std::chrono::seconds(0)) == std::future_status::ready);
}

}  // namespace

HotSwap::HotSwap(const config::Config& cfg, ui::ScreenOptions options, RecentErrors& problems,
                 std::function<void()> wake, std::function<void()> after_fleet_round)
    : state_{cfg.state_dir},
      watch_(state_),
      trust_(ops::trust_from_config(cfg)),
      options_(options),
      problems_(problems),
      wake_(std::move(wake)) {
  install_.allow_unsigned = cfg.allow_unsigned;
  install_.keep = cfg.keep_bundles;
  install_.report_sha256 = cfg.report_sha256;
  if (watch_.watching()) watcher_ = std::thread([this] { watch(); });
  fleet_ = start_fleet_client(cfg, trust_, install_, problems_, std::move(after_fleet_round));
}

HotSwap::~HotSwap() {
  fleet_.reset();  // first: an install it makes now would only be swapped in by a kiosk that has stopped
  watch_.interrupt();
  if (watcher_.joinable()) watcher_.join();
  // The jobs use wake_ and the flags, which are destroyed before the futures would be.
  if (inbox_.valid()) inbox_.wait();
  if (preparing_.valid()) preparing_.wait();
}

void HotSwap::watch() {
  while (watch_.wait()) {
    auto changes = watch_.poll();
    if (changes.inbox) inbox_changed_ = true;
    if (changes.current) current_changed_ = true;
    if (changes.inbox || changes.current) wake_();
  }
  // A broken watch ends this thread rather than spinning, and the operator panel says so.
  if (auto why = watch_.error(); !why.empty()) problems_.add("hot swap: " + why);
}

std::unique_ptr<Session> HotSwap::poll(const ui::Canvas& canvas) {
  // A change that comes while a job runs is kept for the next job, never dropped.
  inbox_dirty_ = inbox_changed_.exchange(false) || inbox_dirty_;
  if (inbox_retry_at_ && std::chrono::steady_clock::now() >= *inbox_retry_at_) {
    inbox_retry_at_.reset();
    inbox_dirty_ = true;
  }
  current_dirty_ = current_changed_.exchange(false) || current_dirty_;
  if (inbox_dirty_ && !inbox_.valid()) {
    inbox_dirty_ = false;
    inbox_ = std::async(std::launch::async, [this] {
      auto report = ops::process_inbox(state_, install_, ops::signature_check(trust_));
      inbox_done_ = true;
      wake_();
      return report;
    });
  }
  if (current_dirty_ && !preparing_.valid()) {
    current_dirty_ = false;
    started_ = std::chrono::steady_clock::now();
    // The link's target, so that the log and the open-bundle lock name the real file.
    std::error_code ec;
    auto path = std::filesystem::canonical(state_.current(), ec);
    if (ec) path = state_.current();
    preparing_ = std::async(std::launch::async, [this, path, canvas] {
      std::string error;
      std::unique_ptr<Session> session;
      try {
        session = prepare_session(path, options_, canvas, false, error);
      } catch (const std::exception& e) {
        error = e.what();
      } catch (...) {
        error = "an unexpected error";
      }
      if (!session) problems_.add("hot swap: " + error + "; keeping the bundle on screen");
      prepared_ = true;
      wake_();
      return session;
    });
  }
  if (finished(inbox_, inbox_done_)) report_inbox(inbox_.get());
  if (!finished(preparing_, prepared_)) return nullptr;
  auto session = preparing_.get();
  if (session) {
    auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_).count();
    std::cerr << "kiosk: hot swap: prepared " << session->bundle->path().filename().string() << " in "
              << static_cast<int>(ms) << " ms" << std::endl;
  }
  return session;
}

bool HotSwap::finish_within(std::chrono::milliseconds limit) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  bool inbox_done = !inbox_.valid() || inbox_.wait_until(deadline) == std::future_status::ready;
  bool prepared = !preparing_.valid() || preparing_.wait_until(deadline) == std::future_status::ready;
  return inbox_done && prepared;
}

void HotSwap::report_inbox(const ops::InboxReport& report) {
  if (report.retry_in.count() > 0) inbox_retry_at_ = std::chrono::steady_clock::now() + report.retry_in;
  for (const auto& line : report.set_aside) problems_.add("inbox: " + line);
  for (const auto& r : report.installs) {
    std::string message = r.result.message, named = r.file.string() + ": ";
    if (message.rfind(named, 0) == 0) message.erase(0, named.size());
    std::string line = "inbox: " + r.file.filename().string() + ": " + (r.result.ok ? "" : "refused: ") + message;
    if (r.result.ok)
      std::cerr << "kiosk: " << text::escaped(line) << std::endl;
    else
      problems_.add(line);
  }
}

}  // namespace kiosk::app
