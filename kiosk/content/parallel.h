#pragma once
// Runs independent jobs 0..count-1 on every core (decoding pictures, mostly).

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace kiosk::content {

template <typename Job>
void for_each_in_parallel(size_t count, const Job& job) {
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < count; i = next++) job(i);
  };
  std::vector<std::thread> threads;
  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  for (unsigned t = 0; t < std::min<size_t>(cores, count); ++t) threads.emplace_back(worker);
  for (auto& thread : threads) thread.join();
}

}  // namespace kiosk::content
