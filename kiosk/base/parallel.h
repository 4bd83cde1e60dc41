#pragma once
// Runs independent jobs 0..count-1 on every core (decoding pictures, mostly).

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace kiosk::base {

// A job that throws stops the others from starting new jobs, and the first exception is
// rethrown here once every thread has finished: an exception escaping a thread would end
// the process.
template <typename Job>
void for_each_in_parallel(size_t count, const Job& job) {
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto worker = [&] {
    for (size_t i = next++; i < count; i = next++) {
      try {
        job(i);
      } catch (...) {
        std::lock_guard lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = count;
      }
    }
  };
  std::vector<std::thread> threads;
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  try {
    for (unsigned t = 0; t < std::min<size_t>(cores, count); ++t) threads.emplace_back(worker);
  } catch (const std::system_error&) {
    // Out of threads: those started do the work, or this one does if none could start.
    if (threads.empty()) worker();
  }
  for (auto& thread : threads) thread.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace kiosk::base
